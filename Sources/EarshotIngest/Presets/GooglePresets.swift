import EarshotModel

extension Preset {
    /// Google Calendar's CSV-for-import format (the shape Google documents for "Import events into Google Calendar";
    /// also what many tools write when they "export for Google"): local wall dates and times, no zone.
    public static let googleCalendar = Preset(
        name: "google-calendar", kind: .calendar,
        summary: "Google Calendar's CSV-for-import format (Subject, Start Date, Start Time, …), as written by tools that export \"for Google Calendar\"; Google itself exports .ics, not CSV. Wall times in the source's timezone; the file names nobody: set owner in the config.",
        fields: [
            FieldSpec("subject", ["Subject"], required: true),
            FieldSpec("start_date", ["Start Date"], required: true),
            FieldSpec("start_time", ["Start Time"]),
            FieldSpec("end_date", ["End Date"]),
            FieldSpec("end_time", ["End Time"]),
            FieldSpec("all_day", ["All Day Event"]),
            FieldSpec("description", ["Description"]),
            FieldSpec("location", ["Location"]),
            FieldSpec("private", ["Private"]),
        ],
        // Every Google header is also an Outlook header: nothing is unique to this format. The sniffer
        // prefers it on a Google file because it claims every column while Outlook misses Description.
        signature: [])

    /// GAM `print events`: one row per event copy in one user's calendar; `primaryEmail` is the owner.
    /// The indexed `attendees.N.email` / `attendees.N.responseStatus` columns vary from file to file and
    /// are read by pattern from `MappedRow.header`; `attendeesList` is the `attendeeslist` variant.
    public static let gamEvents = Preset(
        name: "gam-events", kind: .calendar,
        summary: "GAM (GAMADV-XTD3 / GAM7): `gam user USER print events primary starttime … endtime … > events.csv` (add `singleevents` to expand recurring events). UTF-8, RFC 3339 times with offsets; attendees as attendees.N.email columns, or one attendeesList column with `attendeeslist`.",
        fields: [
            FieldSpec("owner", ["primaryEmail"], required: true),
            FieldSpec("calendar_id", ["calendarId"]),
            FieldSpec("uid", ["iCalUID"]),
            FieldSpec("event_id", ["id"]),
            FieldSpec("subject", ["summary"]),
            FieldSpec("status", ["status"]),
            FieldSpec("start", ["start.dateTime"]),
            FieldSpec("start_date", ["start.date"]),
            FieldSpec("start_zone", ["start.timeZone"]),
            FieldSpec("end", ["end.dateTime"]),
            FieldSpec("end_date", ["end.date"]),
            FieldSpec("end_zone", ["end.timeZone"]),
            FieldSpec("organizer", ["organizer.email"]),
            FieldSpec("creator", ["creator.email"]),
            FieldSpec("show_as", ["transparency"]),
            FieldSpec("attendees", ["attendeesList"]),
            FieldSpec("attendee_count", ["attendees"]),
            FieldSpec("event_type", ["eventType"]),
            FieldSpec("recurring_event_id", ["recurringEventId"]),
            FieldSpec("location", ["location"]),
            FieldSpec("created", ["created"]),
            FieldSpec("updated", ["updated"]),
        ],
        signature: ["primaryEmail", "calendarId", "iCalUID"])
}
