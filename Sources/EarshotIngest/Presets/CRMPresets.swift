import EarshotModel

extension Preset {
    /// Salesforce `Event` from Data Export (UTC without zone; `ActivityDateTime` + `DurationInMinutes`)
    /// or Data Loader (headers matched ignoring case; `StartDateTime`/`EndDateTime` used when present).
    public static let salesforceEvent = Preset(
        name: "salesforce-event", kind: .crm,
        summary: "Salesforce Event (Setup › Data Export › Event.csv, or Data Loader). Timestamps are UTC without a zone.",
        fields: [
            FieldSpec("id", ["Id"], required: true),
            FieldSpec("who_id", ["WhoId"]),
            FieldSpec("what_id", ["WhatId"]),
            FieldSpec("subject", ["Subject"]),
            FieldSpec("location", ["Location"]),
            FieldSpec("all_day", ["IsAllDayEvent"]),
            FieldSpec("activity_datetime", ["ActivityDateTime"]),
            FieldSpec("activity_date", ["ActivityDate"]),
            FieldSpec("duration_minutes", ["DurationInMinutes"]),
            FieldSpec("start_datetime", ["StartDateTime"]),
            FieldSpec("end_datetime", ["EndDateTime"]),
            FieldSpec("account_id", ["AccountId"]),
            FieldSpec("owner_id", ["OwnerId"], required: true),
            FieldSpec("type", ["Type"]),
            FieldSpec("subtype", ["EventSubtype"]),
            FieldSpec("show_as", ["ShowAs"]),
            FieldSpec("is_deleted", ["IsDeleted"]),
            FieldSpec("is_child", ["IsChild"]),
        ],
        signature: ["ActivityDateTime", "DurationInMinutes", "IsAllDayEvent"])
}
