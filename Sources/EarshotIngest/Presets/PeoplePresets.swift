import EarshotModel

extension Preset {
    /// `employee_id,email,name,title,manager_id` (+ optional columns): any HR system's plain export.
    public static let genericPeople = Preset(
        name: "generic-people", kind: .people,
        summary: "Any HR or org-chart export with one row per employee (employee_id,email,name,title,manager_id).",
        fields: [
            FieldSpec("id", ["employee_id", "id", "employee id"], required: true),
            FieldSpec("email", ["email", "work email", "mail"], required: true),
            FieldSpec("name", ["name", "full name", "display name"]),
            FieldSpec("title", ["title", "job title"]),
            FieldSpec("manager_id", ["manager_id", "manager id", "supervisor id"]),
            FieldSpec("manager_email", ["manager_email", "manager email", "supervisor email"]),
            FieldSpec("manager_name", ["manager_name", "manager name", "supervisor"]),
            FieldSpec("department", ["department"]),
            FieldSpec("start_date", ["start_date", "hire date", "start date"]),
            FieldSpec("end_date", ["end_date", "termination date", "end date"]),
            FieldSpec("weekly_hours", ["weekly_hours", "weekly hours"]),
            FieldSpec("active", ["active", "status"]),
            FieldSpec("role_id", ["role_id"]),
        ])

    /// Salesforce Data Export / Data Loader `User.csv`: adds the `005…` ids CRM rows point to.
    public static let salesforceUser = Preset(
        name: "salesforce-user", kind: .people,
        summary: "Salesforce User object (Setup › Data Export, or Data Loader): Id, Email, names, ManagerId, UserRoleId, IsActive.",
        fields: [
            FieldSpec("id", ["Id"], required: true),
            FieldSpec("email", ["Email"], required: true),
            FieldSpec("first_name", ["FirstName"]),
            FieldSpec("last_name", ["LastName"]),
            FieldSpec("name", ["Name"]),
            FieldSpec("title", ["Title"]),
            FieldSpec("manager_id", ["ManagerId"]),
            FieldSpec("department", ["Department"]),
            FieldSpec("active", ["IsActive"]),
            FieldSpec("role_id", ["UserRoleId"]),
            FieldSpec("username", ["Username"]),
            FieldSpec("user_type", ["UserType"]),
        ],
        signature: ["Username", "UserRoleId", "TimeZoneSidKey"])
}
