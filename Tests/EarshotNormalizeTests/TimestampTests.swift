import EarshotModel
import Testing
@testable import EarshotNormalize

@Suite("timestamps without a Foundation formatter")
struct TimestampTests {
    // Expected epoch seconds computed independently: 2026-07-14 is day 20648 since 1970-01-01
    // (python: (date(2026,7,14) - date(1970,1,1)).days), so midnight UTC = 20648 × 86400 = 1_783_987_200.
    static let jul14: Int64 = 1_783_987_200

    @Test("ISO 8601 and Salesforce shapes", arguments: [
        ("2026-07-14", jul14, nil),
        ("2026-07-14 14:00:00", jul14 + 14 * 3600, nil),
        ("2026-07-14T14:00:00Z", jul14 + 14 * 3600, 0),
        ("2026-07-14T14:00:00.000Z", jul14 + 14 * 3600, 0),
        ("2026-07-14T10:00:00-04:00", jul14 + 10 * 3600, -4 * 3600),
        ("2026-07-14T10:00+0200", jul14 + 10 * 3600, 2 * 3600),
    ] as [(String, Int64, Int64?)])
    func iso(text: String, wall: Int64, offset: Int64?) {
        #expect(Timestamps.parseISO(text) == ParsedTime(wall: wall, offset: offset))
    }

    @Test("impossible and malformed values are refused, never rolled over",
          arguments: ["2026-02-30", "2026-13-01T00:00:00Z", "2026-07-14T24:00:00Z", "2026-07-14T10:60:00Z", "14/07/2026", "yesterday", ""])
    func refused(text: String) {
        #expect(Timestamps.parseISO(text) == nil)
    }

    @Test("numeric dates by the preset's order")
    func dates() {
        #expect(Timestamps.parseDate("3/4/2024", order: .monthFirst) == CivilDate(year: 2024, month: 3, day: 4))
        #expect(Timestamps.parseDate("3-4-2024", order: .dayFirst) == CivilDate(year: 2024, month: 4, day: 3))
        #expect(Timestamps.parseDate("14.7.2026", order: .dayFirst) == CivilDate(year: 2026, month: 7, day: 14))
        #expect(Timestamps.parseDate("2/30/2024", order: .monthFirst) == nil)
        #expect(Timestamps.parseDate("13/1/2024", order: .monthFirst) == nil)
    }

    @Test("12- and 24-hour times", arguments: [
        ("10:00:00 AM", 36_000), ("12:00:00 AM", 0), ("12:30 PM", 45_000), ("1:05 pm", 47_100), ("13:05", 47_100), ("23:59:59", 86_399),
    ])
    func times(text: String, seconds: Int) {
        #expect(Timestamps.parseTime(text) == seconds)
    }

    @Test("times that do not exist", arguments: ["13:00 PM", "24:00", "10:61", "0:00 AM", "noon"])
    func badTimes(text: String) {
        #expect(Timestamps.parseTime(text) == nil)
    }
}

@Suite("time zones and daylight-saving changes")
struct ZoneTests {
    let ny = ZoneRules(identifier: "America/New_York")!
    let berlin = ZoneRules(identifier: "Europe/Berlin")!

    @Test("summer and winter offsets")
    func offsets() {
        // 2026-07-14 10:00 New York (EDT, −4) is 14:00 UTC; 2026-01-14 10:00 (EST, −5) is 15:00 UTC.
        let july = CivilDate(year: 2026, month: 7, day: 14)!.wallSeconds + 10 * 3600
        let january = CivilDate(year: 2026, month: 1, day: 14)!.wallSeconds + 10 * 3600
        #expect(ny.utc(fromWall: july) == july + 4 * 3600)
        #expect(ny.utc(fromWall: january) == january + 5 * 3600)
    }

    @Test("a skipped wall time uses the offset in force before the change")
    func gap() {
        // US clocks went forward on 2026-03-08 at 02:00 EST: 02:30 does not exist; read with −5 → 07:30 UTC.
        let wall = CivilDate(year: 2026, month: 3, day: 8)!.wallSeconds + 2 * 3600 + 1800
        #expect(ny.utc(fromWall: wall) == wall + 5 * 3600)
    }

    @Test("a repeated wall time is read as the first occurrence")
    func repeatHour() {
        // US clocks went back on 2026-11-01 at 02:00 EDT: 01:30 happens twice; the first is EDT (−4).
        let wall = CivilDate(year: 2026, month: 11, day: 1)!.wallSeconds + 3600 + 1800
        #expect(ny.utc(fromWall: wall) == wall + 4 * 3600)
        // Europe changed a week earlier (2026-10-25, 03:00 CEST → 02:00 CET): 02:30 is first CEST (+2).
        let eu = CivilDate(year: 2026, month: 10, day: 25)!.wallSeconds + 2 * 3600 + 1800
        #expect(berlin.utc(fromWall: eu) == eu - 2 * 3600)
    }
}
