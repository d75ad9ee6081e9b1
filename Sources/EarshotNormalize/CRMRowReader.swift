import EarshotIngest
import EarshotModel

/// Reads one CRM activity row into a candidate interaction (DESIGN.md "Reading rules for the sources").
///
/// Salesforce Event: `IsDeleted = 1` is ignored; the span is `StartDateTime`..`EndDateTime` where exported,
/// else `ActivityDateTime` + `DurationInMinutes`, in UTC unless the source names a zone; participants are
/// the owner (`OwnerId`, a `005…` user), `WhoId` (a contact `003…` or a user `005…`) and the account
/// (`AccountId`, else a `001…` `WhatId`). When the row names an account but no customer person, the
/// account itself stands as the customer participant (`account:<id>`): the rep logged time with it.
struct CRMRowReader {
    let file: SourceFile
    let preset: Preset
    let zone: ZoneRules
    /// Where participants are looked up; a part of a file read on its own thread has its own snapshot.
    var directory: Directory
    let period: Period
    let fileOrder: Int
    /// Where each field `event(_:unresolved:)` reads is in this file's rows, looked up once (by name it
    /// was a dictionary lookup per field per row).
    let eventColumns: EventColumns

    /// The column of each field a Salesforce Event row is read from (nil: the file has none).
    struct EventColumns {
        let accountId, activityDate, activityDatetime, allDay, durationMinutes, endDatetime, id, isDeleted, ownerId,
            showAs, startDatetime, subject, subtype, type, whatId, whoId: Int?

        init(_ map: ColumnMap) {
            let i = map.indexes
            accountId = i["account_id"]; activityDate = i["activity_date"]; activityDatetime = i["activity_datetime"]
            allDay = i["all_day"]; durationMinutes = i["duration_minutes"]; endDatetime = i["end_datetime"]
            id = i["id"]; isDeleted = i["is_deleted"]; ownerId = i["owner_id"]; showAs = i["show_as"]
            startDatetime = i["start_datetime"]; subject = i["subject"]; subtype = i["subtype"]; type = i["type"]
            whatId = i["what_id"]; whoId = i["who_id"]
        }
    }

    func reading(in directory: Directory) -> CRMRowReader {
        var reader = self
        reader.directory = directory
        return reader
    }

    func read(_ row: MappedRow, unresolved: inout [String: Int]) -> RowResult {
        switch preset.name {
        case "salesforce-task": return task(row, unresolved: &unresolved)
        case "salesforce-report": return report(row, unresolved: &unresolved)
        case "hubspot-meetings": return hubspotMeeting(row, unresolved: &unresolved)
        case "hubspot-calls": return hubspotCall(row, unresolved: &unresolved)
        case "dynamics-appointments": return dynamicsAppointment(row, unresolved: &unresolved)
        default: return event(row, unresolved: &unresolved)
        }
    }

    /// Ignores an interaction entirely outside the period (visits by their dates).
    func outsidePeriod(start: Int64, end: Int64, visitDates: ClosedRange<Int>?) -> Bool {
        if let v = visitDates { return v.upperBound < period.from.dayNumber || v.lowerBound >= period.to.dayNumber }
        if start == end { return start < period.startUTC || start >= period.endUTC }
        return end <= period.startUTC || start >= period.endUTC
    }

    /// Adds the account (and, when no customer person is named, the account as the customer) and
    /// decides between a candidate and `no-participants`.
    func finish(_ c: inout Candidate, account: Int?, unresolved: inout [String: Int]) -> RowResult {
        if let account {
            c.addAccount(account)
            if !c.hasCustomer {
                c.add(.customer("account:\(directory.accounts[account].id.lowercased())", account: account), in: directory, unresolved: &unresolved)
            }
        }
        if c.peopleCount <= 1 && !c.hasExternal {
            return .outcome(.ignored(.noParticipants))
        }
        c.subject = ""
        return .candidate(c)
    }

    /// The owner of a CRM row: a CRM user id alias, an e-mail, or a display name.
    func owner(_ text: String, field: String, unresolved: inout [String: Int]) -> OwnerLookup {
        guard let id = Directory.cleanId(text) else { return .failure(.rejected(.missingValue, detail: "\(field) is empty")) }
        if let p = directory.person(alias: id) ?? directory.person(reference: id) {
            return .success(p)
        }
        // HubSpot writes `Ben Okafor (ben@acme.com)`.
        if let open = id.lastIndex(of: "("), let close = id.lastIndex(of: ")"), open < close,
           let p = directory.person(reference: String(id[id.index(after: open)..<close])) ?? directory.person(name: String(id[..<open])) {
            return .success(p)
        }
        unresolved[id, default: 0] += 1
        return .failure(.rejected(.unknownPerson, detail: "\(field) \"\(id)\" matches no person (add the CRM's user export as a people source, or map its ids as aliases)"))
    }

    /// A customer named by a CRM: an e-mail, a contact's name or id.
    func addCustomer(_ text: String, account: Int?, to c: inout Candidate, unresolved: inout [String: Int]) {
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }).map({ String($0).trimmingSpaces() }) where !part.isEmpty {
            if let contact = directory.contact(id: part) {
                if let email = contact.email { c.add(directory.classify(address: email), in: directory, unresolved: &unresolved) }
                else { c.add(.customer("contact:\(part.lowercased())", account: contact.account ?? account), in: directory, unresolved: &unresolved) }
            } else if let cls = directory.classify(reference: part) {
                c.add(cls, in: directory, unresolved: &unresolved)
            }
        }
    }

    /// An account named by id or name (several separated by `;`): the first that resolves.
    func account(_ texts: String...) -> Int? {
        for text in texts {
            for part in text.split(separator: ";").map({ String($0).trimmingSpaces() }) where !part.isEmpty {
                if let a = Directory.cleanId(part).flatMap({ directory.account(reference: $0) }) { return a }
            }
        }
        return nil
    }

    func event(_ row: MappedRow, unresolved: inout [String: Int]) -> RowResult {
        let cols = eventColumns
        if Normalizer.isTrue(row[column: cols.isDeleted]) == true { return .outcome(.ignored(.deleted)) }
        guard let ownerId = Directory.cleanId(row[column: cols.ownerId]) else {
            return .outcome(.rejected(.missingValue, detail: "OwnerId is empty"))
        }
        guard let owner = directory.person(alias: ownerId) ?? directory.person(reference: ownerId) else {
            unresolved[ownerId, default: 0] += 1
            return .outcome(.rejected(.unknownPerson, detail: "OwnerId \(ownerId) matches no person (add the Salesforce User export as a people source)"))
        }
        let allDay = Normalizer.isTrue(row[column: cols.allDay]) ?? false
        var start: Int64, end: Int64
        var visitDates: ClosedRange<Int>?
        if allDay {
            let text = row[column: cols.activityDate].isEmpty ? row[column: cols.activityDatetime] : row[column: cols.activityDate]
            guard let t = Timestamps.parseISO(text) else {
                return .outcome(.rejected(.badDate, detail: "ActivityDate \"\(text)\" is not a date"))
            }
            let day = CivilDate(dayNumber: Int(t.wall / 86_400))
            let minutes = Int(row[column: cols.durationMinutes]) ?? 1440
            let days = max(1, (minutes + 1439) / 1440)
            visitDates = day.dayNumber...(day.dayNumber + days - 1)
            start = period.zone.startOfDay(day)
            end = period.zone.startOfDay(day.adding(days: days))
        } else {
            let startText = row[column: cols.startDatetime].isEmpty ? row[column: cols.activityDatetime] : row[column: cols.startDatetime]
            guard !startText.isEmpty else {
                return .outcome(.rejected(.missingValue, detail: "ActivityDateTime is empty"))
            }
            guard let s = Timestamps.parseISO(startText) else {
                return .outcome(.rejected(.badDate, detail: "ActivityDateTime \"\(startText)\" is not a date and time"))
            }
            start = s.utc(in: zone)
            if !row[column: cols.endDatetime].isEmpty {
                guard let e = Timestamps.parseISO(row[column: cols.endDatetime]) else {
                    return .outcome(.rejected(.badDate, detail: "EndDateTime \"\(row[column: cols.endDatetime])\" is not a date and time"))
                }
                end = e.utc(in: zone)
            } else {
                let text = row[column: cols.durationMinutes]
                guard let minutes = Int(text.isEmpty ? "0" : text), minutes >= 0 else {
                    return .outcome(.rejected(.badNumber, detail: "DurationInMinutes \"\(text)\" is not a number of minutes"))
                }
                end = start + Int64(minutes) * 60
            }
        }
        guard end >= start else { return .outcome(.rejected(.endBeforeStart, detail: "ends before it starts")) }
        if let v = visitDates {
            if v.upperBound < period.from.dayNumber || v.lowerBound >= period.to.dayNumber { return .outcome(.ignored(.outsidePeriod)) }
        } else if end <= period.startUTC && !(start == end && start >= period.startUTC) || start >= period.endUTC {
            return .outcome(.ignored(.outsidePeriod))
        }
        let type = (row[column: cols.subtype].isEmpty ? row[column: cols.type] : row[column: cols.subtype]).lowercased()
        let kind: InteractionKind = visitDates != nil ? .visit : type == "call" ? .call : type == "email" ? .email : .meeting
        // No subject: `finish` keeps none for CRM rows.
        var c = Candidate(fileOrder: fileOrder, line: row.line, sourceKind: .crm,
                          kind: kind, start: start, end: end, visitDates: visitDates, uid: nil, organizer: owner,
                          subject: "", inPerson: nil, free: row[column: cols.showAs].lowercased() == "free")
        c.crmId = Candidate.uidHash(Directory.cleanId(row[column: cols.id]) ?? "")
        c.add(.person(owner), in: directory, unresolved: &unresolved)
        var account = Directory.cleanId(row[column: cols.accountId]).flatMap { directory.account(id: $0) }
        if account == nil, let what = Directory.cleanId(row[column: cols.whatId]), what.hasPrefix("001") {
            account = directory.account(id: what)
        }
        if let who = Directory.cleanId(row[column: cols.whoId]) {
            if who.hasPrefix("005"), let p = directory.person(alias: who) {
                c.add(.person(p), in: directory, unresolved: &unresolved)
            } else if let contact = directory.contact(id: who) {
                if let email = contact.email {
                    c.add(directory.classify(address: email), in: directory, unresolved: &unresolved)
                } else {
                    c.add(.customer("contact:\(who.lowercased())", account: contact.account ?? account), in: directory, unresolved: &unresolved)
                }
            } else if who.hasPrefix("003") || who.hasPrefix("00Q") {
                c.add(.customer("contact:\(who.lowercased())", account: account), in: directory, unresolved: &unresolved)
            }
        }
        return finish(&c, account: account, unresolved: &unresolved)
    }
}

/// The owner of a CRM row, or the outcome for a row whose owner cannot be resolved.
enum OwnerLookup {
    case success(Int)
    case failure(RowDisposition)
}
