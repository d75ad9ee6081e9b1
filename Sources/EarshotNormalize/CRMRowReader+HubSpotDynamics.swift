import EarshotIngest
import EarshotModel

extension CRMRowReader {
    /// HubSpot meeting: [start, end) from the meeting's start and end times (ISO, Unix milliseconds or
    /// `YYYY-MM-DD HH:MM` in the source's zone), else the activity date with no length. Outcomes
    /// CANCELED, NO_SHOW and RESCHEDULED did not happen → `cancelled`.
    func hubspotMeeting(_ row: MappedRow, unresolved: inout [String: Int]) -> RowResult {
        let outcome = row["outcome"].uppercased().replacingOccurrences(of: " ", with: "_")
        if ["CANCELED", "CANCELLED", "NO_SHOW", "RESCHEDULED"].contains(outcome) { return .outcome(.ignored(.cancelled)) }
        let owner: Int
        switch self.owner(row["owner"], field: "owner", unresolved: &unresolved) {
        case let .success(p): owner = p
        case let .failure(o): return .outcome(o)
        }
        let startText = row["start"].isEmpty ? row["timestamp"] : row["start"]
        guard !startText.isEmpty else { return .outcome(.rejected(.missingValue, detail: "meeting start time is empty")) }
        guard let start = Timestamps.instant(startText, zone: zone) else {
            return .outcome(.rejected(.badDate, detail: "meeting start \"\(startText)\" is not a date and time"))
        }
        var end = start
        if !row["end"].isEmpty {
            guard let e = Timestamps.instant(row["end"], zone: zone) else {
                return .outcome(.rejected(.badDate, detail: "meeting end \"\(row["end"])\" is not a date and time"))
            }
            end = e
        }
        guard end >= start else { return .outcome(.rejected(.endBeforeStart, detail: "ends before it starts")) }
        if outsidePeriod(start: start, end: end, visitDates: nil) { return .outcome(.ignored(.outsidePeriod)) }
        var c = Candidate(fileOrder: fileOrder, line: row.line, sourceKind: .crm, kind: .meeting,
                          start: start, end: end, visitDates: nil, uid: nil, organizer: owner, subject: row["subject"],
                          inPerson: nil, free: false)
        c.add(.person(owner), in: directory, unresolved: &unresolved)
        let acct = account(row["company_ids"], row["company"])
        addCustomer(row["contact"], account: acct, to: &c, unresolved: &unresolved)
        return finish(&c, account: acct, unresolved: &unresolved)
    }

    /// HubSpot call: `hs_call_duration` is in **milliseconds**; the call spans [timestamp, timestamp +
    /// duration). Calls that did not connect (status CANCELED, FAILED, NO_ANSWER, BUSY, QUEUED) → `cancelled`.
    func hubspotCall(_ row: MappedRow, unresolved: inout [String: Int]) -> RowResult {
        let status = row["status"].uppercased().replacingOccurrences(of: " ", with: "_")
        if ["CANCELED", "CANCELLED", "FAILED", "NO_ANSWER", "BUSY", "QUEUED", "MISSED"].contains(status) {
            return .outcome(.ignored(.cancelled))
        }
        let owner: Int
        switch self.owner(row["owner"], field: "owner", unresolved: &unresolved) {
        case let .success(p): owner = p
        case let .failure(o): return .outcome(o)
        }
        guard !row["timestamp"].isEmpty else { return .outcome(.rejected(.missingValue, detail: "activity date is empty")) }
        guard let start = Timestamps.instant(row["timestamp"], zone: zone) else {
            return .outcome(.rejected(.badDate, detail: "activity date \"\(row["timestamp"])\" is not a date and time"))
        }
        let durationText = row["duration_ms"]
        var milliseconds: Int64 = 0
        if !durationText.isEmpty {
            guard let ms = Double(durationText), ms >= 0, ms.isFinite else {
                return .outcome(.rejected(.badNumber, detail: "call duration \"\(durationText)\" is not milliseconds"))
            }
            milliseconds = Int64(ms)
        }
        let end = start + milliseconds / 1000
        if outsidePeriod(start: start, end: end, visitDates: nil) { return .outcome(.ignored(.outsidePeriod)) }
        var c = Candidate(fileOrder: fileOrder, line: row.line, sourceKind: .crm, kind: .call,
                          start: start, end: end, visitDates: nil, uid: nil, organizer: owner, subject: row["subject"],
                          inPerson: false, free: false)
        c.add(.person(owner), in: directory, unresolved: &unresolved)
        let acct = account(row["company_ids"], row["company"])
        addCustomer(row["contact"], account: acct, to: &c, unresolved: &unresolved)
        return finish(&c, account: acct, unresolved: &unresolved)
    }

    /// Dynamics 365 appointment: `StateCode` Canceled (or 2) → `cancelled`; [ScheduledStart, ScheduledEnd)
    /// (the actual times when given); attendees are party lists of names or addresses separated by `;`.
    func dynamicsAppointment(_ row: MappedRow, unresolved: inout [String: Int]) -> RowResult {
        let state = row["state"].lowercased()
        if state == "canceled" || state == "cancelled" || state == "2" { return .outcome(.ignored(.cancelled)) }
        let owner: Int
        switch self.owner(row["owner"], field: "OwnerId", unresolved: &unresolved) {
        case let .success(p): owner = p
        case let .failure(o): return .outcome(o)
        }
        let startText = row["actual_start"].isEmpty ? row["start"] : row["actual_start"]
        let endText = row["actual_end"].isEmpty ? row["end"] : row["actual_end"]
        guard !startText.isEmpty else { return .outcome(.rejected(.missingValue, detail: "ScheduledStart is empty")) }
        guard let start = Timestamps.instant(startText, zone: zone) else {
            return .outcome(.rejected(.badDate, detail: "start \"\(startText)\" is not a date and time"))
        }
        var end = start
        if !endText.isEmpty {
            guard let e = Timestamps.instant(endText, zone: zone) else {
                return .outcome(.rejected(.badDate, detail: "end \"\(endText)\" is not a date and time"))
            }
            end = e
        } else if let minutes = Int(row["duration_minutes"]) {
            end = start + Int64(minutes) * 60
        }
        guard end >= start else { return .outcome(.rejected(.endBeforeStart, detail: "ends before it starts")) }
        var visitDates: ClosedRange<Int>?
        if Normalizer.isTrue(row["all_day"]) == true || end - start >= 86_400 {
            let first = period.zone.date(ofUTC: start), last = period.zone.date(ofUTC: max(start, end - 1))
            visitDates = first.dayNumber...last.dayNumber
        }
        if outsidePeriod(start: start, end: end, visitDates: visitDates) { return .outcome(.ignored(.outsidePeriod)) }
        var c = Candidate(fileOrder: fileOrder, line: row.line, sourceKind: .crm,
                          kind: visitDates == nil ? .meeting : .visit, start: start, end: end, visitDates: visitDates, uid: nil,
                          organizer: owner, subject: row["subject"], inPerson: nil, free: false)
        c.add(.person(owner), in: directory, unresolved: &unresolved)
        for field in ["organizer", "attendees", "optional_attendees"] {
            for part in CalendarRowReader.splitAttendees(row[field]) {
                if let cls = directory.classify(reference: part) { c.add(cls, in: directory, unresolved: &unresolved) }
            }
        }
        return finish(&c, account: account(row["regarding"]), unresolved: &unresolved)
    }
}
