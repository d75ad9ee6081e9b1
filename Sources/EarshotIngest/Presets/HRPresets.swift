import EarshotModel

extension Preset {
    /// BambooHR custom report or employee directory export. Labels vary by account (`EID`, `Employee #`),
    /// matched ignoring case and spaces.
    public static let bamboohrPeople = Preset(
        name: "bamboohr-people", kind: .people,
        summary: "BambooHR: Reports › New Report (Custom) with Employee #, names, Work Email, Job Title, Department, Supervisor EID (or Supervisor Email), Hire Date, Termination Date, Status › Export › CSV.",
        fields: [
            FieldSpec("id", ["EID", "Employee #", "Employee Number"], required: true),
            FieldSpec("email", ["Work Email"], required: true),
            FieldSpec("first_name", ["First Name"]),
            FieldSpec("last_name", ["Last Name"]),
            FieldSpec("name", ["Display Name", "Full Name"]),
            FieldSpec("title", ["Job Title"]),
            FieldSpec("manager_id", ["Supervisor EID"]),
            FieldSpec("manager_email", ["Supervisor Email"]),
            FieldSpec("manager_name", ["Supervisor", "Reports To"]),
            FieldSpec("department", ["Department"]),
            FieldSpec("start_date", ["Hire Date"]),
            FieldSpec("end_date", ["Termination Date"]),
            FieldSpec("active", ["Status"]),
        ],
        signature: ["EID", "Employee #", "Supervisor EID", "Supervisor Email"])

    /// A Workday custom report (RaaS or "Export to Excel" saved as CSV). Column names are the report
    /// author's choice; these are the common XML-alias spellings.
    public static let workdayPeople = Preset(
        name: "workday-people", kind: .people,
        summary: "Workday: a custom report on Workers (Employee_ID, Full_Name, Email, Business_Title, Manager_ID, Supervisory_Organization, Hire_Date, Termination_Date, Active_Status) run as RaaS with format=csv, or exported and saved as CSV. Column names are the report author's: map others with columns:.",
        fields: [
            FieldSpec("id", ["Employee_ID"], required: true),
            FieldSpec("name", ["Full_Name", "Worker"]),
            FieldSpec("email", ["Email_Address", "Work_Email", "Primary_Work_Email"], required: true),
            FieldSpec("title", ["Business_Title", "Job_Title"]),
            FieldSpec("manager_id", ["Manager_ID"]),
            FieldSpec("manager_name", ["Manager_Name", "Manager"]),
            FieldSpec("department", ["Supervisory_Organization", "Cost_Center"]),
            FieldSpec("start_date", ["Hire_Date"]),
            FieldSpec("end_date", ["Termination_Date"]),
            FieldSpec("active", ["Active_Status"]),
        ],
        signature: ["Supervisory_Organization", "Business_Title", "Active_Status", "Primary_Work_Email", "Worker", "Cost_Center"])
}
