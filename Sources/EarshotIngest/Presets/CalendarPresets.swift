import EarshotModel

extension Preset {
    /// Outlook "Export to a file" CSV (classic Outlook), en-US, German and Dutch headers; 22 columns
    /// mapped by name because the localized columns are sorted by their translated labels.
    public static let outlookCalendar = Preset(
        name: "outlook-calendar", kind: .calendar,
        summary: "Outlook: File › Open & Export › Import/Export › Export to a file › Comma Separated Values › Calendar. The file names nobody: set owner in the config.",
        fields: [
            FieldSpec("subject", ["Subject", "Betreff", "Onderwerp"], required: true),
            FieldSpec("start_date", ["Start Date", "Beginnt am", "Begindatum"], required: true),
            FieldSpec("start_time", ["Start Time", "Beginnt um", "Begintijd"]),
            FieldSpec("end_date", ["End Date", "Endet am", "Einddatum"]),
            FieldSpec("end_time", ["End Time", "Endet um", "Eindtijd"]),
            FieldSpec("all_day", ["All day event", "Ganztägiges Ereignis", "Evenement, duurt hele dag"]),
            FieldSpec("organizer", ["Meeting Organizer", "Besprechungsplanung", "Organisator van vergadering"]),
            FieldSpec("attendees", ["Required Attendees", "Erforderliche Teilnehmer", "Vereiste deelnemers"]),
            FieldSpec("optional_attendees", ["Optional Attendees", "Optionale Teilnehmer", "Optionele deelnemers"]),
            FieldSpec("location", ["Location", "Ort", "Locatie"]),
            FieldSpec("show_as", ["Show time as", "Zeitspanne zeigen als", "Tijd weergeven als"]),
            FieldSpec("private", ["Private", "Privat", "Privé"]),
        ],
        signature: ["Reminder on/off", "Meeting Resources", "Erinnerung Ein/Aus", "Herinneringen aan/uit", "Billing Information"])

    /// A plain calendar export: one row per person's copy of an event, ISO 8601 times.
    public static let genericCalendar = Preset(
        name: "generic-calendar", kind: .calendar,
        summary: "Any calendar export: owner,uid,subject,start,end,all_day,organizer,attendees,optional_attendees,location,status,show_as (ISO 8601 times; attendees separated by ';').",
        fields: [
            FieldSpec("owner", ["owner", "calendar", "primaryEmail"], required: true),
            FieldSpec("uid", ["uid", "icaluid", "event_id"]),
            FieldSpec("subject", ["subject", "summary", "title"]),
            FieldSpec("start", ["start", "start_time", "starts_at"], required: true),
            FieldSpec("end", ["end", "end_time", "ends_at"], required: true),
            FieldSpec("all_day", ["all_day", "all day"]),
            FieldSpec("organizer", ["organizer"]),
            FieldSpec("attendees", ["attendees", "required_attendees"]),
            FieldSpec("optional_attendees", ["optional_attendees"]),
            FieldSpec("location", ["location"]),
            FieldSpec("status", ["status", "response"]),
            FieldSpec("show_as", ["show_as", "transparency", "busy"]),
            FieldSpec("in_person", ["in_person"]),
        ],
        signature: ["owner", "uid"])
}
