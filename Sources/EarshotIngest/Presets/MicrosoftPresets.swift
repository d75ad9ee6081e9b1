import EarshotModel

extension Preset {
    /// Dynamics 365 / Dataverse `appointment` rows (Advanced Find or a view › Export to Excel saved as
    /// CSV, or the Web API's logical names). Party lists (attendees) arrive as display names.
    public static let dynamicsAppointments = Preset(
        name: "dynamics-appointments", kind: .crm,
        summary: "Dynamics 365 Sales appointments: Advanced Find on Appointments with these columns › Export to Excel, saved as CSV (or a Dataverse/Web API export with logical names). Times are UTC unless the export says otherwise.",
        fields: [
            FieldSpec("id", ["ActivityId"], required: true),
            FieldSpec("subject", ["Subject"]),
            FieldSpec("start", ["ScheduledStart"], required: true),
            FieldSpec("end", ["ScheduledEnd"]),
            FieldSpec("actual_start", ["ActualStart"]),
            FieldSpec("actual_end", ["ActualEnd"]),
            FieldSpec("duration_minutes", ["ActualDurationMinutes", "ScheduledDurationMinutes"]),
            FieldSpec("all_day", ["IsAllDayEvent"]),
            FieldSpec("owner", ["OwnerId"], required: true),
            FieldSpec("regarding", ["RegardingObjectId"]),
            FieldSpec("attendees", ["RequiredAttendees"]),
            FieldSpec("optional_attendees", ["OptionalAttendees"]),
            FieldSpec("organizer", ["Organizer"]),
            FieldSpec("location", ["Location"]),
            FieldSpec("state", ["StateCode"]),
            FieldSpec("status", ["StatusCode"]),
        ],
        signature: ["ActivityId", "ScheduledStart", "ScheduledEnd", "RegardingObjectId", "RequiredAttendees", "StateCode"])

    /// Microsoft Entra ID (Azure AD) "Download users": no manager column; pair with `entra-managers`.
    public static let entraUsers = Preset(
        name: "entra-users", kind: .people,
        summary: "Microsoft Entra admin center › Users › All users › Download users (CSV). Older downloads write objectId for id. No manager column: add an entra-managers file. `mail` may be empty: userPrincipalName (upn) is the fallback address.",
        fields: [
            FieldSpec("id", ["id", "objectId"], required: true),
            FieldSpec("upn", ["userPrincipalName"], required: true),
            FieldSpec("email", ["mail"]),
            FieldSpec("name", ["displayName"]),
            FieldSpec("first_name", ["givenName"]),
            FieldSpec("last_name", ["surname"]),
            FieldSpec("title", ["jobTitle"]),
            FieldSpec("department", ["department"]),
            FieldSpec("active", ["accountEnabled"]),
            FieldSpec("user_type", ["userType"]),
        ],
        signature: ["userPrincipalName", "accountEnabled", "givenName", "userType", "objectId"])

    /// One row per user and manager. Entra's UI has no such download: it comes from Graph or PowerShell.
    public static let entraManagers = Preset(
        name: "entra-managers", kind: .people,
        summary: "No standard export: write it with Microsoft Graph PowerShell, e.g. `Get-MgUser -All -ExpandProperty manager | Select userPrincipalName, @{n='managerUserPrincipalName';e={$_.Manager.AdditionalProperties.userPrincipalName}} | Export-Csv managers.csv`. Columns user (userPrincipalName or id) and manager (managerUserPrincipalName or managerId).",
        fields: [
            FieldSpec("user", ["userPrincipalName", "user", "id"], required: true),
            FieldSpec("manager", ["managerUserPrincipalName", "manager", "managerId"], required: true),
            FieldSpec("name", ["displayName"]),
            FieldSpec("manager_name", ["managerDisplayName"]),
        ],
        signature: ["managerUserPrincipalName", "managerId", "managerDisplayName"])
}
