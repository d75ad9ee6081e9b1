import EarshotModel
import Testing

/// The duplicate rule (README "Duplicates"): same uid, or the same start and end to the minute in UTC
/// with a shared participant or account. Each case is two rows in two calendars; `merged` says whether
/// the second row must merge into the first.
@Suite("duplicates across sources and their near misses")
struct DuplicateRuleTests {
    static let header = "owner,uid,subject,start,end,all_day,organizer,attendees,optional_attendees,location,status,show_as\n"

    @Test("near misses", arguments: [
        // Same minute, shared buyer, different uids → merged by the time rule.
        ("rae@acme.example,a,x,2026-07-06T10:00:00Z,2026-07-06T11:00:00Z,,,buyer@bluefin.example,,,,",
         "vp@acme.example,b,x,2026-07-06T10:00:30Z,2026-07-06T11:00:00Z,,,buyer@bluefin.example,,,,", true),
        // Same uid, different times (one copy moved) → merged by uid.
        ("rae@acme.example,u,x,2026-07-06T10:00:00Z,2026-07-06T11:00:00Z,,,buyer@bluefin.example,,,,",
         "vp@acme.example,u,x,2026-07-06T12:00:00Z,2026-07-06T13:00:00Z,,,buyer@bluefin.example,,,,", true),
        // Start one minute apart → two interactions.
        ("rae@acme.example,,x,2026-07-06T10:00:00Z,2026-07-06T11:00:00Z,,,buyer@bluefin.example,,,,",
         "vp@acme.example,,x,2026-07-06T10:01:00Z,2026-07-06T11:00:00Z,,,buyer@bluefin.example,,,,", false),
        // Same times, no shared participant, but the same account (two Bluefin buyers) → merged.
        ("rae@acme.example,,x,2026-07-06T10:00:00Z,2026-07-06T11:00:00Z,,,buyer@bluefin.example,,,,",
         "vp@acme.example,,x,2026-07-06T10:00:00Z,2026-07-06T11:00:00Z,,,other@bluefin.example,,,,", true),
        // Same times, nothing shared (the second is with a non-account external) → not merged; the second
        // row is then ignored as no-customer rather than merged.
        ("rae@acme.example,,x,2026-07-06T10:00:00Z,2026-07-06T11:00:00Z,,,buyer@bluefin.example,,,,",
         "vp@acme.example,,x,2026-07-06T10:00:00Z,2026-07-06T11:00:00Z,,,someone@elsewhere.example,,,,", false),
    ])
    func nearMiss(first: String, second: String, merged: Bool) throws {
        let run = try MiniCompany.run([
            "calendar.csv": Self.header + first + "\n",
            "calendar2.csv": Self.header + second + "\n",
        ])
        #expect(run.result.ledger["calendar2.csv"]!.merged == (merged ? 1 : 0))
        #expect(run.result.ledger["calendar.csv"]!.accepted == 1)
    }

    @Test("property: reordering rows or splitting a file in two changes no metric")
    func orderAndSplit() throws {
        let rows = MiniCompany.calendar.split(separator: "\n").dropFirst().map(String.init)
        let base = try MiniCompany.run()
        let reversed = try MiniCompany.run(["calendar.csv": Self.header + rows.reversed().joined(separator: "\n") + "\n"])
        let split = try MiniCompany.run([
            "calendar.csv": Self.header + rows.prefix(3).joined(separator: "\n") + "\n",
            "calendar2.csv": Self.header + (rows.dropFirst(3) + MiniCompany.calendar2.split(separator: "\n").dropFirst().map(String.init))
                .joined(separator: "\n") + "\n",
        ])
        for other in [reversed, split] {
            for p in base.metrics.people {
                let q = other.person(p.email)
                #expect(q.customerHours == p.customerHours)
                #expect(q.contacts == p.contacts)
                #expect(q.cadenceMet == p.cadenceMet)
                #expect(q.hopsToCustomer == p.hopsToCustomer)
            }
        }
    }

    @Test("property: duplicating every calendar row changes no metric")
    func duplication() throws {
        let rows = MiniCompany.calendar.split(separator: "\n").dropFirst().filter { !$0.contains("2026-02-30") }.map(String.init)
        let base = try MiniCompany.run()
        let doubled = try MiniCompany.run(["calendar.csv": Self.header + (rows + rows).joined(separator: "\n") + "\n"])
        for p in base.metrics.people {
            #expect(doubled.person(p.email).customerHours == p.customerHours)
            #expect(doubled.person(p.email).contacts == p.contacts)
        }
    }
}
