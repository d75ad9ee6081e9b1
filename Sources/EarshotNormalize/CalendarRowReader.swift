import EarshotIngest
import EarshotModel
import Foundation

/// Reads one calendar row (one person's copy of an event) into a candidate interaction.
///
/// Rules, in order: a cancelled event (status `cancelled`, or an Outlook subject starting `Canceled:` /
/// `Cancelled:` / `Abgesagt:` / `Geannuleerd:`) is ignored; times are read in the source's zone; an all-day
/// event, or one of 24 hours or more, is a visit on its local date(s); an event entirely outside the
/// period is ignored; an event with no participant but its owner is ignored. Outlook's numeric
/// `Show time as` is read as Outlook's busy-status enumeration: 0 is free (README: "Outlook show-as").
///
/// A class: its row consumers call it on every row, and as a 640-byte value it was copied for each call.
final class CalendarRowReader {
    let file: SourceFile
    let preset: Preset
    let zone: ZoneRules
    /// Where participants are looked up; a part of a file read on its own thread has its own snapshot
    /// (`reading(in:)`).
    let directory: Directory
    let period: Period
    let fileOrder: Int
    /// The owner of every row, for formats that name nobody (Outlook).
    let fixedOwner: Int?
    let isOutlook: Bool
    let isGAM: Bool
    let dateOrder: DateOrder
    let broadcastThreshold: Int
    /// Where each canonical field is in this file's rows, looked up once.
    let columns: Columns
    /// GAM's indexed attendee columns: (email column, responseStatus column).
    let gamAttendees: [(email: Int, response: Int?)]
    /// The columns `readASCII` reads as bytes (`CSVRecord.nonASCIIFields` bits): every column it uses
    /// but the subject, which it reads as a String when that is not ASCII.
    let asciiColumns: UInt64

    init(file: SourceFile, preset: Preset, zone: ZoneRules, directory: Directory, period: Period, fileOrder: Int,
         broadcastThreshold: Int = 25, sniffed: SniffResult? = nil) throws {
        self.broadcastThreshold = broadcastThreshold
        self.file = file
        self.preset = preset
        self.zone = zone
        self.directory = directory
        self.period = period
        self.fileOrder = fileOrder
        isOutlook = preset.name == "outlook-calendar"
        isGAM = preset.name == "gam-events"
        if let template = file.source.owner {
            let stem = ((file.displayName as NSString).lastPathComponent as NSString).deletingPathExtension
            let owner = template.replacingOccurrences(of: "{stem}", with: stem)
            guard let p = directory.person(reference: owner) else {
                throw NormalizeError.calendarOwnerUnknown(file: file.displayName, owner: owner)
            }
            fixedOwner = p
        } else if !preset.fieldNames.contains("owner") {
            throw NormalizeError.calendarOwnerMissing(file: file.displayName, preset: preset.name)
        } else {
            fixedOwner = nil
        }
        // en-US Outlook writes month-first dates; the German and Dutch exports write day-first.
        let sniff = try sniffed ?? SourceReader.inspect(file).0
        columns = Columns(preset.columnMap(for: sniff.header))
        dateOrder = sniff.header.contains("Start Date") || !isOutlook ? .monthFirst : .dayFirst
        var attendees: [(Int, Int?)] = []
        if isGAM {
            for (i, h) in sniff.header.enumerated() where h.hasPrefix("attendees.") && h.hasSuffix(".email") {
                let prefix = String(h.dropLast("email".count))
                attendees.append((i, sniff.header.firstIndex(of: prefix + "responseStatus")))
            }
        }
        gamAttendees = attendees
        asciiColumns = [columns.owner, columns.status, columns.allDay, columns.start, columns.end, columns.endDate,
                        columns.showAs, columns.uid, columns.organizer, columns.attendees, columns.optionalAttendees,
                        columns.inPerson].reduce(0) { mask, column in column.map { mask | 1 << UInt64(min($0, 63)) } ?? mask }
    }

    /// The same reader, looking participants up in `directory`.
    func reading(in directory: Directory) -> CalendarRowReader { CalendarRowReader(copying: self, directory: directory) }

    private init(copying other: CalendarRowReader, directory: Directory) {
        file = other.file
        preset = other.preset
        zone = other.zone
        self.directory = directory
        period = other.period
        fileOrder = other.fileOrder
        fixedOwner = other.fixedOwner
        isOutlook = other.isOutlook
        isGAM = other.isGAM
        dateOrder = other.dateOrder
        broadcastThreshold = other.broadcastThreshold
        columns = other.columns
        gamAttendees = other.gamAttendees
        asciiColumns = other.asciiColumns
    }

    /// The column of each field this reader uses (nil: the file has none).
    struct Columns {
        let allDay: Int?
        let end: Int?
        let endDate: Int?
        let endTime: Int?
        let inPerson: Int?
        let organizer: Int?
        let owner: Int?
        let showAs: Int?
        let start: Int?
        let startDate: Int?
        let startTime: Int?
        let status: Int?
        let subject: Int?
        let uid: Int?
        let attendees: Int?
        let optionalAttendees: Int?

        init(_ map: ColumnMap) {
            allDay = map.indexes["all_day"]
            end = map.indexes["end"]
            endDate = map.indexes["end_date"]
            endTime = map.indexes["end_time"]
            inPerson = map.indexes["in_person"]
            organizer = map.indexes["organizer"]
            owner = map.indexes["owner"]
            showAs = map.indexes["show_as"]
            start = map.indexes["start"]
            startDate = map.indexes["start_date"]
            startTime = map.indexes["start_time"]
            status = map.indexes["status"]
            subject = map.indexes["subject"]
            uid = map.indexes["uid"]
            attendees = map.indexes["attendees"]
            optionalAttendees = map.indexes["optional_attendees"]
        }
    }

    static let cancelledPrefixes = ["canceled:", "cancelled:", "abgesagt:", "geannuleerd:", "annulé:", "cancelado:"]
    /// The prefixes' first letters, lower-case ASCII (`| 0x20` folds an upper-case ASCII letter).
    static let cancelledInitials: Set<UInt8> = Set(cancelledPrefixes.compactMap { $0.utf8.first })

    func read(_ row: MappedRow, unresolved: inout [String: Int]) -> RowResult {
        readText(row, unresolved: &unresolved)
    }

    func read(_ row: MappedRow, unresolved: inout [String: Int], into store: inout CandidateStore) -> RowDisposition {
        if row.record.nonASCIIFields & asciiColumns == 0, !isGAM, !isOutlook,
           let disposition = readASCII(row, unresolved: &unresolved, into: &store) {
            return disposition
        }
        return readText(row, unresolved: &unresolved).stored(in: &store)
    }

    /// The general path: every field as a String.
    func readText(_ row: MappedRow, unresolved: inout [String: Int]) -> RowResult {
        let subject = row[column: columns.subject]
        if Self.isCancelled(subject: subject) { return .outcome(.ignored(.cancelled)) }
        let statusText = row[column: columns.status]
        let status = statusText == "confirmed" || statusText.isEmpty ? statusText : statusText.lowercased()
        if status == "cancelled" || status == "canceled" { return .outcome(.ignored(.cancelled)) }

        let owner: Int
        if let fixedOwner {
            owner = fixedOwner
        } else {
            let text = row[column: columns.owner]
            guard !text.isEmpty else { return .outcome(.rejected(.missingValue, detail: "owner is empty")) }
            guard let p = directory.person(reference: text) else {
                unresolved[text, default: 0] += 1
                return .outcome(.rejected(.unknownPerson, detail: "owner \"\(text)\" matches no person"))
            }
            owner = p
        }

        let allDay = Normalizer.isTrue(row[column: columns.allDay]) ?? false
        var start: Int64, end: Int64
        var visitDates: ClosedRange<Int>?
        if !isGAM && (isOutlook || row[column: columns.start].isEmpty) {
            guard let sd = Timestamps.parseDate(row[column: columns.startDate], order: dateOrder) else {
                return .outcome(.rejected(.badDate, detail: "start date \"\(row[column: columns.startDate])\" is not a date"))
            }
            let ed: CivilDate
            if row[column: columns.endDate].isEmpty { ed = sd } else {
                guard let d = Timestamps.parseDate(row[column: columns.endDate], order: dateOrder) else {
                    return .outcome(.rejected(.badDate, detail: "end date \"\(row[column: columns.endDate])\" is not a date"))
                }
                ed = d
            }
            if allDay {
                // Outlook writes an all-day event as midnight to midnight: the end date is exclusive.
                let last = ed > sd ? ed.adding(days: -1) : sd
                visitDates = sd.dayNumber...last.dayNumber
                start = zone.startOfDay(sd)
                end = zone.startOfDay(last.adding(days: 1))
            } else {
                var st = 0, et = 0
                if !row[column: columns.startTime].isEmpty {
                    guard let t = Timestamps.parseTime(row[column: columns.startTime]) else {
                        return .outcome(.rejected(.badDate, detail: "start time \"\(row[column: columns.startTime])\" is not a time"))
                    }
                    st = t
                }
                if !row[column: columns.endTime].isEmpty {
                    guard let t = Timestamps.parseTime(row[column: columns.endTime]) else {
                        return .outcome(.rejected(.badDate, detail: "end time \"\(row[column: columns.endTime])\" is not a time"))
                    }
                    et = t
                }
                start = zone.utc(fromWall: sd.wallSeconds + Int64(st))
                end = zone.utc(fromWall: ed.wallSeconds + Int64(et))
            }
        } else {
            let startText = row[column: columns.start].isEmpty ? row[column: columns.startDate] : row[column: columns.start]
            let endText = row[column: columns.end].isEmpty ? row[column: columns.endDate] : row[column: columns.end]
            guard !startText.isEmpty else { return .outcome(.rejected(.missingValue, detail: "start is empty")) }
            guard let s = Timestamps.parseISO(startText) else {
                return .outcome(.rejected(.badDate, detail: "start \"\(startText)\" is not a date and time"))
            }
            guard let e = endText.isEmpty ? s : Timestamps.parseISO(endText) else {
                return .outcome(.rejected(.badDate, detail: "end \"\(endText)\" is not a date and time"))
            }
            (start, end, visitDates) = isoTimes(start: s, end: e, allDay: allDay, dateOnly: startText.count == 10)
        }
        if let outcome = checkTimes(start: start, end: end, visitDates: &visitDates) { return outcome }

        var c = Candidate(fileOrder: fileOrder, line: row.line, sourceKind: .calendar,
                          kind: visitDates != nil ? .visit : .meeting, start: start, end: end, visitDates: visitDates,
                          uid: Candidate.uidHash(row[column: columns.uid]), organizer: nil, subject: subject,
                          inPerson: nil, free: Self.isFree(row[column: columns.showAs], outlook: isOutlook))
        let ownerDeclined = status == "declined"
        c.add(.person(owner), declined: ownerDeclined, in: directory, unresolved: &unresolved)
        if let o = row[column: columns.organizer].nilIfEmpty, let r = directory.resolve(reference: Substring(o)) {
            if case let .person(p) = r { c.organizer = p }
            c.add(r, unresolved: &unresolved)
        }
        for column in [columns.attendees, columns.optionalAttendees] {
            // GAM's attendeesList joins addresses with spaces; other formats use `;`.
            directory.forEachParticipant(inList: row[column: column], spaceSeparated: isGAM) { r in
                c.add(r, unresolved: &unresolved)
            }
        }
        let fields = row.fields
        for (emailColumn, responseColumn) in gamAttendees where emailColumn < fields.count {
            let email = fields[emailColumn].trimmingSpaces()
            guard !email.isEmpty else { continue }
            let declined = responseColumn.map { $0 < fields.count && fields[$0].lowercased() == "declined" } ?? false
            if let r = directory.resolve(reference: Substring(email)) { c.add(r, declined: declined, unresolved: &unresolved) }
        }
        if let flag = Normalizer.isTrue(row[column: columns.inPerson]) { c.inPerson = flag }
        if c.peopleCount <= 1 && !c.hasExternal {
            return .outcome(.ignored(.noParticipants))
        }
        c.dropSubjectUnlessBroadcast(threshold: broadcastThreshold)
        return .candidate(c)
    }

    /// The instants and visit dates of an event given as ISO timestamps: an all-day or date-only
    /// event is a visit on its dates (an end at midnight is exclusive).
    func isoTimes(start s: ParsedTime, end e: ParsedTime, allDay: Bool, dateOnly: Bool) -> (Int64, Int64, ClosedRange<Int>?) {
        guard allDay || dateOnly else { return (s.utc(in: zone), e.utc(in: zone), nil) }
        let sd = CivilDate(dayNumber: Int(s.wall / 86_400))
        var ed = CivilDate(dayNumber: Int(e.wall / 86_400))
        if ed > sd, e.wall % 86_400 == 0 { ed = ed.adding(days: -1) }
        return (zone.startOfDay(sd), zone.startOfDay(max(sd, ed).adding(days: 1)), sd.dayNumber...max(sd, ed).dayNumber)
    }

    /// Rejects an event that ends before it starts, makes one of 24 hours or more a visit on its local
    /// dates, and ignores one entirely outside the period; nil when the row goes on.
    func checkTimes(start: Int64, end: Int64, visitDates: inout ClosedRange<Int>?) -> RowResult? {
        guard end >= start else {
            return .outcome(.rejected(.endBeforeStart, detail: "ends before it starts"))
        }
        if visitDates == nil, end - start >= 86_400 {
            let first = zone.date(ofUTC: start)
            let last = zone.date(ofUTC: end - 1)
            visitDates = first.dayNumber...last.dayNumber
        }
        if let v = visitDates {
            if v.upperBound < period.from.dayNumber || v.lowerBound >= period.to.dayNumber {
                return .outcome(.ignored(.outsidePeriod))
            }
        } else if end <= period.startUTC || start >= period.endUTC || (start == end && (start < period.startUTC || start >= period.endUTC)) {
            return .outcome(.ignored(.outsidePeriod))
        }
        return nil
    }

    /// True for a subject Outlook marks cancelled (`Canceled: …`, in the languages of `cancelledPrefixes`).
    static func isCancelled(subject: String) -> Bool {
        // Lower-casing every subject is costly; only one that starts like a prefix (c, a, g) can match.
        guard let first = subject.utf8.first, cancelledInitials.contains(first | 0x20) else { return false }
        let lowerSubject = subject.lowercased()
        return cancelledPrefixes.contains { lowerSubject.hasPrefix($0) }
    }

    static let cancelledASCII = cancelledPrefixes.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
    static let cancelledBytes = Array("cancelled".utf8), canceledBytes = Array("canceled".utf8)
    static let declinedBytes = Array("declined".utf8)
    /// `isFree`'s words (Outlook's numeric `0` is not read here: Outlook rows take the String path).
    static let freeWords = freeSpellings.map { Array($0.utf8) }

    /// `readText` for a row whose used columns are ASCII (`asciiColumns`), in a format with ISO
    /// timestamps (not Outlook's dates and times, not GAM's indexed attendees): the same rules, read on
    /// the row's bytes, with a String made only where one is kept (a broadcast's subject, an unknown
    /// name) or the subject is not ASCII. Nil, before any effect, for a row it leaves to `readText`
    /// (no start timestamp: dates and times in separate columns).
    func readASCII(_ row: MappedRow, unresolved: inout [String: Int], into store: inout CandidateStore) -> RowDisposition? {
        let field = ASCIIFields(row.record)
        let startField = field(columns.start)
        guard !startField.isEmpty else { return nil }
        // The owner's and organizer's table slots start loading now; the checks and times below run
        // while they arrive (at 10M rows most lookups wait on memory).
        let ownerField = field(columns.owner), organizer = field(columns.organizer)
        let ownerHash = fixedOwner == nil && !ownerField.isEmpty ? directory.prefetchPerson(field: ownerField) : 0
        let organizerHash = organizer.isEmpty ? 0 : directory.prefetchResolve(field: organizer)
        // A subject that is not ASCII is read as a String, by the general rules.
        let subject = field(columns.subject)
        let subjectIsASCII = columns.subject.map { row.record.nonASCIIFields & 1 << UInt64(min($0, 63)) == 0 } ?? true
        let subjectText = subjectIsASCII ? nil : row[column: columns.subject]
        if let subjectText {
            if Self.isCancelled(subject: subjectText) { return (.ignored(.cancelled)) }
        } else if let first = subject.first, Self.cancelledInitials.contains(first | 0x20),
                  subject.hasFoldedPrefix(anyOf: Self.cancelledASCII) {
            return (.ignored(.cancelled))
        }
        let status = field(columns.status)
        if status.equalsFolded(Self.cancelledBytes) || status.equalsFolded(Self.canceledBytes) { return (.ignored(.cancelled)) }

        // The times are parsed before the owner is looked up (its slot is still arriving), and judged
        // after it, in the general path's order.
        let allDay = field(columns.allDay).truth ?? false
        var endField = field(columns.end)
        if endField.isEmpty { endField = field(columns.endDate) }
        let parsedStart = Timestamps.parseISO(startField.bytes, startField.range)
        let parsedEnd = endField.isEmpty ? parsedStart : Timestamps.parseISO(endField.bytes, endField.range)

        let owner: Int
        if let fixedOwner {
            owner = fixedOwner
        } else {
            let text = ownerField
            guard !text.isEmpty else { return (.rejected(.missingValue, detail: "owner is empty")) }
            guard let p = directory.person(field: text, hash: ownerHash) else {
                unresolved[text.string, default: 0] += 1
                return (.rejected(.unknownPerson, detail: "owner \"\(text.string)\" matches no person"))
            }
            owner = p
        }

        guard let s = parsedStart else {
            return (.rejected(.badDate, detail: "start \"\(startField.string)\" is not a date and time"))
        }
        guard let e = parsedEnd else {
            return (.rejected(.badDate, detail: "end \"\(endField.string)\" is not a date and time"))
        }
        var (start, end, visitDates) = isoTimes(start: s, end: e, allDay: allDay, dateOnly: startField.count == 10)
        if case let .outcome(o) = checkTimes(start: start, end: end, visitDates: &visitDates) { return o }

        let showAs = field(columns.showAs)
        let free = !showAs.isEmpty && showAs.equalsFolded(anyOf: Self.freeWords)
        var c = Candidate(fileOrder: fileOrder, line: row.line, sourceKind: .calendar,
                          kind: visitDates != nil ? .visit : .meeting, start: start, end: end, visitDates: visitDates,
                          uid: field(columns.uid).uidHash, organizer: nil, subject: "",
                          inPerson: nil, free: free)
        // Owner, organizer and the usual few attendees in a list reused from row to row (more grow it).
        store.lendMembers(to: &c)
        defer { store.takeBackMembers(from: &c) }
        c.add(.person(owner), declined: status.equalsFolded(Self.declinedBytes), in: directory, unresolved: &unresolved)
        if !organizer.isEmpty, let r = directory.resolve(field: organizer, hash: organizerHash) {
            if case let .person(p) = r { c.organizer = p }
            c.add(r, unresolved: &unresolved)
        }
        directory.forEachParticipant(inASCIIList: field(columns.attendees)) { c.add($0, unresolved: &unresolved) }
        directory.forEachParticipant(inASCIIList: field(columns.optionalAttendees)) { c.add($0, unresolved: &unresolved) }
        if let flag = field(columns.inPerson).truth { c.inPerson = flag }
        if c.peopleCount <= 1 && !c.hasExternal {
            return (.ignored(.noParticipants))
        }
        if c.keepsSubject(threshold: broadcastThreshold) { c.subject = subjectText ?? subject.string }
        store.append(c)
        return .accepted
    }

    /// Attendee lists are separated by `;` (Outlook: `Okafor, Ben; Dana Reyes`) or by newlines.
    /// Split on the UTF-8 bytes (the separators are ASCII, so no character is ever cut).
    static func splitAttendees(_ text: String) -> [String] {
        var out: [String] = []
        let u = text.utf8
        var start = u.startIndex
        var i = start
        func emit(_ a: String.Index, _ b: String.Index) {
            let piece = Substring(text.utf8[a..<b]).trimmingSpaces()
            if !piece.isEmpty { out.append(String(piece)) }
        }
        while i != u.endIndex {
            let c = u[i]
            if c == 0x3B || c == 0x0A || c == 0x0D {
                emit(start, i)
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        emit(start, u.endIndex)
        return out
    }

    static func isFree(_ text: String, outlook: Bool) -> Bool {
        if text == "busy" || text == "Busy" || text.isEmpty { return false }
        let t = text.lowercased()
        if freeSpellings.contains(t) { return true }
        return outlook && t == "0"
    }

    /// The lower-cased show-as values that mean free (`isFree`; `readASCII` reads the same).
    static let freeSpellings = ["free", "transparent", "frei", "beschikbaar"]
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
