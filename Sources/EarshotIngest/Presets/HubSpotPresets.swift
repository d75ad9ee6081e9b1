import EarshotModel

// HubSpot CRM exports (CRM › object › Export, CSV): `Record ID` first, then property labels; files
// written from the API carry internal names (`hs_timestamp`, `hubspot_owner_id`), accepted as well.
// Associated company/contact columns are unconfirmed on a real file.

extension Preset {
    private static let hubspotId = FieldSpec("id", ["Record ID", "hs_object_id"], required: true)
    private static let hubspotOwner = FieldSpec("owner", ["Activity assigned to", "hubspot_owner_id"], required: true)
    private static let hubspotAssociations = [
        FieldSpec("company", ["Associated Company"]),
        FieldSpec("company_ids", ["Associated Company IDs", "Associated Company ID"]),
        FieldSpec("contact", ["Associated Contact"]),
        FieldSpec("contact_ids", ["Associated Contact IDs", "Associated Contact ID"]),
    ]

    public static let hubspotMeetings = Preset(
        name: "hubspot-meetings", kind: .crm,
        summary: "HubSpot meetings: CRM › Activities (or Contacts › Meetings view) › Export › CSV, with associations included. Times in the exporting account's zone (labels) or RFC 3339 / Unix ms (API names); outcome SCHEDULED|COMPLETED|RESCHEDULED|NO_SHOW|CANCELED.",
        fields: [
            hubspotId,
            FieldSpec("subject", ["Meeting name", "hs_meeting_title"]),
            FieldSpec("start", ["Meeting start time", "hs_meeting_start_time"]),
            FieldSpec("end", ["Meeting end time", "hs_meeting_end_time"]),
            FieldSpec("timestamp", ["Activity date", "hs_timestamp"]),
            hubspotOwner,
            FieldSpec("outcome", ["Meeting outcome", "hs_meeting_outcome"]),
            FieldSpec("location", ["Meeting location", "hs_meeting_location"]),
        ] + hubspotAssociations,
        signature: ["Meeting name", "Meeting start time", "Meeting outcome", "hs_meeting_title", "hs_meeting_start_time", "hs_meeting_outcome"])

    public static let hubspotCalls = Preset(
        name: "hubspot-calls", kind: .crm,
        summary: "HubSpot calls: CRM › Activities (Calls) › Export › CSV, with associations included. Call duration (hs_call_duration) is in milliseconds; direction INBOUND|OUTBOUND.",
        fields: [
            hubspotId,
            FieldSpec("subject", ["Call title", "hs_call_title"]),
            FieldSpec("timestamp", ["Activity date", "hs_timestamp"]),
            FieldSpec("duration_ms", ["hs_call_duration", "Call duration"]),
            hubspotOwner,
            FieldSpec("direction", ["Call direction", "hs_call_direction"]),
            FieldSpec("status", ["Call status", "hs_call_status"]),
            FieldSpec("outcome", ["Call outcome", "hs_call_disposition"]),
        ] + hubspotAssociations,
        signature: ["Call title", "Call direction", "Call outcome", "Call status", "hs_call_title", "hs_call_duration", "hs_call_direction", "hs_call_disposition"])

    public static let hubspotCompanies = Preset(
        name: "hubspot-companies", kind: .accounts,
        summary: "HubSpot companies: CRM › Companies › Export › CSV. Company Domain Name is the primary domain; Website URL is used when it is empty.",
        fields: [
            hubspotId,
            FieldSpec("name", ["Company name", "Name"], required: true),
            FieldSpec("domain", ["Company Domain Name", "domain"]),
            FieldSpec("website", ["Website URL", "website"]),
        ],
        signature: ["Company Domain Name", "Website URL", "Company owner"])

    public static let hubspotContacts = Preset(
        name: "hubspot-contacts", kind: .contacts,
        summary: "HubSpot contacts: CRM › Contacts › Export › CSV, with the Associated Company columns included.",
        fields: [
            hubspotId,
            FieldSpec("email", ["Email"], required: true),
            FieldSpec("first_name", ["First Name"]),
            FieldSpec("last_name", ["Last Name"]),
            FieldSpec("account", ["Associated Company", "Company Name"]),
            FieldSpec("account_id", ["Associated Company IDs", "Associated Company ID"]),
        ],
        signature: ["Contact owner", "Lifecycle Stage", "Lead Status", "Marketing contact status"])
}
