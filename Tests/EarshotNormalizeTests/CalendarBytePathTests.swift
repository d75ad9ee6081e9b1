import EarshotIngest
import EarshotModel
import Foundation
import Testing
import TestSupport
@testable import EarshotNormalize

/// The calendar reader reads most rows on their bytes (`readASCII`) and the rest as Strings
/// (`readText`, the general rules). The byte path is only a shortcut: for every row it takes, it must
/// give exactly what the String path gives — outcome, candidate, interned addresses and unresolved
/// names. The expectation here is the String path itself, run on a second, identical directory.
@Suite("calendar rows read as bytes")
struct CalendarBytePathTests {
    static let header = "owner,uid,subject,start,end,all_day,organizer,attendees,optional_attendees,location,status,show_as,in_person\n"

    static func directory() -> Directory {
        let d = Directory(companyDomains: ["acme.example"], ignoreDomains: ["gmail.com"])
        d.upsertPerson(id: "E1", email: EmailAddress("rae@acme.example")!, name: "Rae Lind")
        d.upsertPerson(id: "E2", email: EmailAddress("vp@acme.example")!, name: "Val Park")
        d.upsertPerson(id: "E4", email: EmailAddress("ben.okafor@acme.example")!, name: "Ben Okafor")
        d.hasAccountsSource = true
        let a = d.addAccount(id: "001A", name: "Bluefin", domains: ["bluefin.example"])
        d.addContact(id: "003C", email: EmailAddress("kim@bluefin.example"), name: "Kim Lee", account: a)
        return d
    }

    // Values for each column: the spellings exports write, edge spaces and tabs, other cases, values
    // each rule rejects, and non-ASCII text (which sends the row, or the subject, to the String path).
    static let owners = ["rae@acme.example", " RAE@acme.example\t", "\tvp@acme.example", "Okafor, Ben", "Ben Okafor", "nobody@acme.example",
                         "", "Zoë@acme.example", "kim@bluefin.example"]
    static let uids = ["", "evt-1@acme.example", "EVT-1@ACME.example", " evt-2 ", "İd-3"]
    static let subjects = ["Review", "  Canceled: Review", "CANCELLED: QBR", "Cancelado: y", "cancel this", "Annulé: z",
                           "Zoë sync", "", "Geannuleerd:x", "abgesagt: a", "\u{00A0}Canceled: nbsp", "Catch-up ", "géannuleerd:"]
    static let times: [(String, String)] = [
        ("2026-07-06T10:00:00Z", "2026-07-06T11:00:00Z"), ("2026-07-06T10:00:00-04:00", "2026-07-06T11:30:00-04:00"),
        ("2026-07-06 10:00", "2026-07-06 10:45"), ("2026-07-06", "2026-07-07"), ("2026-07-06", ""),
        ("1783332000", "1783335600"), ("1783332000000", "1783335600000"), ("2026-02-30T10:00:00Z", "2026-02-30T11:00:00Z"),
        ("2026-07-06T11:00Z", "2026-07-06T10:00Z"), ("2026-07-06T10:00:00Z", ""), ("2025-01-01T10:00:00Z", "2025-01-01T11:00:00Z"),
        ("2026-07-06T10:00:00.123+0200", "2026-07-06T12:00:00,5+02"), ("2026-07-06T22:00:00Z", "2026-07-08T02:00:00Z"),
        ("", "2026-07-06T10:00:00Z"), ("2026-07-06t10:00:00z", "2026-07-06T10:00:00Z "), ("not a date", "2026-07-06T10:00:00Z"),
        ("2026-07-06T10:00:00Z", "later"), ("2026-09-30T23:30:00Z", "2026-10-01T00:30:00Z"),
    ]
    static let flags = ["false", "TRUE", "yes", "", "maybe", "Ja", " 1 ", "X", "\ttrue"]
    static let organizers = ["", "rae@acme.example", "buyer@bluefin.example", "Unknown Person", "Okafor, Ben", "\"Val Park\" <VP@acme.example>"]
    static let lists = ["buyer@bluefin.example;vp@acme.example", " a@bluefin.example ;; b@other.example\t",
                        "Okafor, Ben; kim@bluefin.example", "x@bluefin.example\r\ny@bluefin.example\nz@gmail.com", "", ";;",
                        "Kim Lee", "Jörg Ünbekannt; a@bluefin.example", "rae@acme.example",
                        (0..<30).map { "guest\($0)@bluefin.example" }.joined(separator: ";")]
    static let statuses = ["confirmed", "Confirmed", "CANCELLED", "canceled", "declined", "Declined ", "tentative", "", "DECLINED", "\tdeclined"]
    static let showAs = ["busy", "Free", "TRANSPARENT", "0", "", "frei", "Beschikbaar"]
    static let locations = ["HQ – 3F Huddle", "", "Room 4"]

    static func quoted(_ field: String) -> String { "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func rows(count: Int) -> String {
        var g = SplitMix(seed: 2026)
        var text = header
        for _ in 0..<count {
            let t = times.randomElement(using: &g)!
            let fields = [owners.randomElement(using: &g)!, uids.randomElement(using: &g)!, subjects.randomElement(using: &g)!,
                          t.0, t.1, flags.randomElement(using: &g)!, organizers.randomElement(using: &g)!,
                          lists.randomElement(using: &g)!, lists.randomElement(using: &g)!, locations.randomElement(using: &g)!,
                          statuses.randomElement(using: &g)!, showAs.randomElement(using: &g)!, flags.randomElement(using: &g)!]
            text += fields.map(quoted).joined(separator: ",") + "\n"
        }
        return text
    }

    /// A result in words, addresses spelled out (interned ids depend on what a directory met before).
    static func describe(_ result: RowResult, _ directory: Directory) -> String {
        switch result {
        case let .outcome(d): return "outcome \(d)"
        case let .candidate(c):
            let members = c.people.map { "p\($0.person)\($0.declined ? "d" : "")" }
                + c.customers.map { "c:" + directory.addresses[$0] } + c.otherExternal.map { "o:" + directory.addresses[$0] }
                + c.accounts.map { "a\($0)" }
            return "candidate line \(c.line) \(c.kind) \(c.start)-\(c.end) \(String(describing: c.visitDates)) uid \(String(describing: c.uid)) "
                + "org \(String(describing: c.organizer)) subject [\(c.subject)] inPerson \(String(describing: c.inPerson)) "
                + "free \(c.free) members \(members)"
        }
    }

    @Test("every row the byte path takes gives what the String path gives, cached lists included")
    func sameAsStrings() throws {
        let dir = Fixtures.scratch("bytepath")
        let path = Fixtures.write(Self.rows(count: 4_000), to: "events.csv", in: dir)
        let file = SourceFile(path: path, displayName: "events.csv",
                              source: SourceConfig(kind: .calendar, path: path, preset: "generic-calendar"))
        let inspected = try SourceReader.inspect(file)
        let zone = ZoneRules(identifier: "America/New_York")!
        let period = Period(quarter: "2026-Q3", zone: zone)!
        let bytesDirectory = Self.directory(), textDirectory = Self.directory()
        let bytes = try CalendarRowReader(file: file, preset: inspected.1, zone: zone, directory: bytesDirectory, period: period,
                                          fileOrder: 0, sniffed: inspected.0)
        let text = try CalendarRowReader(file: file, preset: inspected.1, zone: zone, directory: textDirectory, period: period,
                                         fileOrder: 0, sniffed: inspected.0)
        var unresolvedBytes: [String: Int] = [:], unresolvedText: [String: Int] = [:]
        var rows = 0, byBytes = 0, candidates = 0, kept = 0
        var ledger = Ledger()
        var stored = CandidateStore(fileNames: ["events.csv"])
        try SourceReader.read(file, ledger: &ledger, inspected: inspected) { row in
            rows += 1
            let expected = text.readText(row, unresolved: &unresolvedText)
            // `read`'s own test: the byte path is valid only where its columns are ASCII (without this
            // guard, a non-ASCII uid such as "İd-3" hashes differently: the test fails).
            let before = stored.count
            guard row.record.nonASCIIFields & bytes.asciiColumns == 0,
                  let disposition = bytes.readASCII(row, unresolved: &unresolvedBytes, into: &stored) else {
                // Left to the String path: that is what `read` does with it.
                _ = bytes.readText(row, unresolved: &unresolvedBytes)
                return .accepted
            }
            byBytes += 1
            // The byte path stores its candidate (and only then accepts the row); read it back.
            #expect((disposition == .accepted) == (stored.count == before + 1))
            let seen: RowResult = stored.count > before ? .candidate(stored[before]) : .outcome(disposition)
            if case let .candidate(c) = seen { candidates += 1; if !c.subject.isEmpty { kept += 1 } }
            #expect(Self.describe(seen, bytesDirectory) == Self.describe(expected, textDirectory), "line \(row.location.line)")
            return .accepted
        }
        #expect(unresolvedBytes == unresolvedText)
        #expect(bytesDirectory.addresses == textDirectory.addresses)
        // The test must exercise the shortcut: most generated rows qualify, many become candidates, and
        // some are broadcasts (30 guests) whose subject is kept.
        #expect(rows == 4_000)
        #expect(byBytes > 1_500)
        #expect(candidates > 300)
        #expect(kept > 10)
    }

    @Test("read takes the byte path only where every column it reads as bytes is ASCII")
    func nonASCIIColumnsFallBack() throws {
        let dir = Fixtures.scratch("bytepath-mask")
        let rows = Self.header
            + "rae@acme.example,u1,Zoë sync,2026-07-06T10:00:00Z,2026-07-06T11:00:00Z,false,,buyer@bluefin.example,,HQ – 3F,confirmed,busy,\n"
            + "rae@acme.example,u2,Sync,2026-07-06T10:00:00Z,2026-07-06T11:00:00Z,false,,Jörg <buyer@bluefin.example>,,,confirmed,busy,\n"
        let path = Fixtures.write(rows, to: "events.csv", in: dir)
        let file = SourceFile(path: path, displayName: "events.csv",
                              source: SourceConfig(kind: .calendar, path: path, preset: "generic-calendar"))
        let inspected = try SourceReader.inspect(file)
        let zone = ZoneRules.utc
        let reader = try CalendarRowReader(file: file, preset: inspected.1, zone: zone, directory: Self.directory(),
                                           period: Period(quarter: "2026-Q3", zone: zone)!, fileOrder: 0, sniffed: inspected.0)
        var masks: [Bool] = []
        var ledger = Ledger()
        try SourceReader.read(file, ledger: &ledger, inspected: inspected) { row in
            masks.append(row.record.nonASCIIFields & reader.asciiColumns == 0)
            return .accepted
        }
        // Row 1: non-ASCII only in the subject and the location (neither is in the mask); row 2: in the
        // attendee list, which the byte path reads as bytes, so the row goes to the String path.
        #expect(masks == [true, false])
    }
}
