import EarshotIngest
import EarshotModel

extension CRMRowReader {
    /// Salesforce Task (DESIGN.md): mass mail first (`TaskSubtype` ListEmail, else a `List Email:` /
    /// `Email de lista:` subject) → `mass-email`; a call (`TaskSubtype` Call, else `CallDurationInSeconds` > 0
    /// or `CallType` set) spans [CompletedDateTime − duration, CompletedDateTime); an e-mail
    /// (`TaskSubtype` Email, else `Type` Email or an `EmailMessageId`) is a contact at CompletedDateTime
    /// (else ActivityDate); any other task → `not-an-activity`; `IsDeleted = 1` → `deleted`.
    func task(_ row: MappedRow, unresolved: inout [String: Int]) -> RowResult {
        if Normalizer.isTrue(row["is_deleted"]) == true { return .outcome(.ignored(.deleted)) }
        let subtype = row["subtype"].lowercased()
        let subject = row["subject"]
        let lowerSubject = subject.lowercased()
        let hasSubtype = row.has("subtype")
        if subtype == "listemail" || (!hasSubtype || subtype.isEmpty) && ["list email:", "email de lista:", "listen-e-mail:", "e-mail de liste :"].contains(where: { lowerSubject.hasPrefix($0) }) {
            return .outcome(.ignored(.massEmail))
        }
        let seconds = Int(row["call_duration_seconds"]) ?? 0
        let isCall = hasSubtype && !subtype.isEmpty ? subtype == "call" : (seconds > 0 || !row["call_type"].isEmpty)
        let isEmail = hasSubtype && !subtype.isEmpty ? subtype == "email"
            : (row["type"].lowercased() == "email" || !row["email_message_id"].isEmpty)
        guard isCall || isEmail else { return .outcome(.ignored(.notAnActivity)) }
        let owner: Int
        switch self.owner(row["owner_id"], field: "OwnerId", unresolved: &unresolved) {
        case let .success(p): owner = p
        case let .failure(o): return .outcome(o)
        }
        var at: Int64
        if let t = Timestamps.parseISO(row["completed_datetime"]) {
            at = t.utc(in: zone)
        } else if let t = Timestamps.parseISO(row["activity_date"]) {
            at = t.utc(in: zone)
        } else {
            let text = row["completed_datetime"].isEmpty ? row["activity_date"] : row["completed_datetime"]
            return .outcome(.rejected(text.isEmpty ? .missingValue : .badDate,
                                      detail: text.isEmpty ? "CompletedDateTime and ActivityDate are empty" : "CompletedDateTime \"\(text)\" is not a date and time"))
        }
        let start = isCall ? at - Int64(max(0, seconds)) : at
        if outsidePeriod(start: start, end: at, visitDates: nil) { return .outcome(.ignored(.outsidePeriod)) }
        var c = Candidate(fileOrder: fileOrder, line: row.line, sourceKind: .crm,
                          kind: isCall ? .call : .email, start: start, end: at, visitDates: nil, uid: nil, organizer: owner,
                          subject: subject, inPerson: isCall ? false : nil, free: false)
        c.add(.person(owner), in: directory, unresolved: &unresolved)
        var acct = account(row["account_id"])
        if acct == nil, let what = Directory.cleanId(row["what_id"]), what.hasPrefix("001") { acct = directory.account(id: what) }
        if let who = Directory.cleanId(row["who_id"]) { addCustomer(who, account: acct, to: &c, unresolved: &unresolved) }
        return finish(&c, account: acct, unresolved: &unresolved)
    }

    /// A Salesforce activities report (labels, not API names): `Assigned` is a name; `Company / Account`
    /// a name; `Contact` a name; dates `M/D/YYYY` with `h:mm AM` times in the source's zone (the company's
    /// by default: reports show the viewer's local time).
    func report(_ row: MappedRow, unresolved: inout [String: Int]) -> RowResult {
        let owner: Int
        switch self.owner(row["owner"], field: "Assigned", unresolved: &unresolved) {
        case let .success(p): owner = p
        case let .failure(o): return .outcome(o)
        }
        let type = (row["activity_type"] + " " + row["call_type"]).lowercased()
        let subject = row["subject"]
        if subject.lowercased().hasPrefix("list email:") { return .outcome(.ignored(.massEmail)) }
        let startText = row["start"].isEmpty ? row["date"] : row["start"]
        guard !startText.isEmpty else { return .outcome(.rejected(.missingValue, detail: "Date is empty")) }
        guard let start = Timestamps.instant(startText, zone: reportZone) else {
            return .outcome(.rejected(.badDate, detail: "date \"\(startText)\" is not a date"))
        }
        var end = start
        if let e = Timestamps.instant(row["end"], zone: reportZone) { end = e }
        else if let minutes = Int(row["duration_minutes"]) { end = start + Int64(minutes) * 60 }
        guard end >= start else { return .outcome(.rejected(.endBeforeStart, detail: "ends before it starts")) }
        let kind: InteractionKind = type.contains("call") || !row["call_type"].isEmpty ? .call
            : type.contains("email") || type.contains("e-mail") ? .email
            : end > start || type.contains("event") ? .meeting : .other
        guard kind != .other else { return .outcome(.ignored(.notAnActivity)) }
        if outsidePeriod(start: start, end: end, visitDates: nil) { return .outcome(.ignored(.outsidePeriod)) }
        var c = Candidate(fileOrder: fileOrder, line: row.line, sourceKind: .crm, kind: kind,
                          start: start, end: end, visitDates: nil, uid: nil, organizer: owner, subject: subject, inPerson: nil, free: false)
        c.add(.person(owner), in: directory, unresolved: &unresolved)
        let acct = account(row["account"])
        addCustomer(row["contact"], account: acct, to: &c, unresolved: &unresolved)
        return finish(&c, account: acct, unresolved: &unresolved)
    }

    var reportZone: ZoneRules { file.source.timezone.flatMap { ZoneRules(identifier: $0) } ?? period.zone }
}

/// Salesforce EventRelation rows: the invitees of multi-person events, applied to the events they
/// name once every CRM file is read. Records are classified by id prefix, not by file name: a relation
/// on a task (`00T` / `0RT`) is `not-an-activity`; a relation whose event is not counted (deleted,
/// outside the period, internal) is `not-an-activity` too.
struct EventRelation {
    var file: String
    var eventId: String
    var relationId: String
    var declined: Bool
}

extension CRMRowReader {
    func relation(_ row: MappedRow) -> (RowDisposition, EventRelation?) {
        if Normalizer.isTrue(row["is_deleted"]) == true { return (.ignored(.deleted), nil) }
        guard let event = Directory.cleanId(row["event_id"]) else {
            return (.rejected(.missingValue, detail: "EventId is empty"), nil)
        }
        guard let relation = Directory.cleanId(row["relation_id"]) else {
            return (.rejected(.missingValue, detail: "RelationId is empty"), nil)
        }
        if event.hasPrefix("00T") || row["id"].hasPrefix("0RT") { return (.ignored(.notAnActivity), nil) }
        let status = (row["status"] + row["response"]).lowercased()
        return (.accepted, EventRelation(file: file.displayName, eventId: event.lowercased(), relationId: relation,
                                         declined: status.contains("declined")))
    }
}
