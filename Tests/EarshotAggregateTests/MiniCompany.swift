import EarshotAggregate
import EarshotIngest
import EarshotModel
import EarshotNormalize
import Foundation
import TestSupport

/// A five-person company small enough to work every metric out by hand:
///
///     Cleo (CEO, layer 0) ── Val (VP, layer 1) ── Max (manager, layer 2) ─┬─ Rae (rep, layer 3)
///                                                                          └─ Ray (rep, layer 3)
///
/// One customer account, Bluefin (`bluefin.example`). Period 2026-Q3 in UTC (92 days).
enum MiniCompany {
    static let people = """
        employee_id,email,name,title,manager_id
        E1,ceo@acme.example,Cleo Ceo,CEO,
        E2,vp@acme.example,Val Vp,VP Sales,E1
        E3,mgr@acme.example,Max Mgr,Manager,E2
        E4,rae@acme.example,Rae Rep,Account Executive,E3
        E5,ray@acme.example,Ray Rep,Account Executive,E3

        """
    static let accounts = "id,name,domain,website\nA1,Bluefin,bluefin.example,\n"

    /// Rows 2-3: one meeting in Rae's and Val's calendars (same uid): 10:00-11:00 on Jul 6.
    /// Row 4: Rae again 10:30-11:30 with the same buyer (overlaps row 2: union 10:00-11:30).
    /// Row 5: internal-only (Rae and Max). Row 6: November, outside the period. Row 7: bad date.
    static let calendar = """
        owner,uid,subject,start,end,all_day,organizer,attendees,optional_attendees,location,status,show_as
        rae@acme.example,u1,Bluefin kickoff,2026-07-06T10:00:00Z,2026-07-06T11:00:00Z,false,rae@acme.example,vp@acme.example;buyer@bluefin.example,,,confirmed,busy
        vp@acme.example,u1,Bluefin kickoff,2026-07-06T10:00:00Z,2026-07-06T11:00:00Z,false,rae@acme.example,rae@acme.example;buyer@bluefin.example,,,confirmed,busy
        rae@acme.example,u2,Bluefin follow-up,2026-07-06T10:30:00Z,2026-07-06T11:30:00Z,false,,buyer@bluefin.example,,,confirmed,busy
        rae@acme.example,u3,1:1,2026-07-07T10:00:00Z,2026-07-07T11:00:00Z,false,,mgr@acme.example,,,confirmed,busy
        rae@acme.example,u4,Later,2026-11-03T10:00:00Z,2026-11-03T11:00:00Z,false,,buyer@bluefin.example,,,confirmed,busy
        rae@acme.example,u5,Broken,2026-02-30T10:00:00Z,2026-07-06T11:00:00Z,false,,buyer@bluefin.example,,,confirmed,busy

        """
    /// A second calendar export holding Val's copy of the kickoff again, without a uid: same start and
    /// end to the minute and a shared participant, so it merges with rows 2-3 above.
    static let calendar2 = """
        owner,uid,subject,start,end,all_day,organizer,attendees,optional_attendees,location,status,show_as
        vp@acme.example,,Kickoff (copy),2026-07-06T10:00:00Z,2026-07-06T11:00:00Z,false,,buyer@bluefin.example,,,confirmed,busy

        """
    /// F1 captured by Rae on Jul 10, handed to Max on Jul 11 and to Val on Jul 13; F2 by Ray, never handed on.
    static let feedback = """
        id,captured_by,account,requester_email,captured_at,channel
        F1,rae@acme.example,Bluefin,,2026-07-10T09:00:00Z,call
        F2,ray@acme.example,Bluefin,,2026-07-10T09:00:00Z,email

        """
    static let handoffs = """
        item_id,from,to,at
        F1,rae@acme.example,mgr@acme.example,2026-07-11T09:00:00Z
        F1,mgr@acme.example,vp@acme.example,2026-07-13T09:00:00Z

        """

    static let config = """
        company:
          name: Acme
          domains: [acme.example]
          timezone: UTC
        period:
          quarter: 2026-Q3
        sources:
          - {kind: people, path: people.csv, preset: generic-people}
          - {kind: accounts, path: accounts.csv, preset: generic-accounts}
          - {kind: calendar, path: calendar.csv, preset: generic-calendar}
          - {kind: calendar, path: calendar2.csv, preset: generic-calendar}
          - {kind: feedback, path: feedback.csv, preset: generic-feedback}
          - {kind: handoffs, path: handoffs.csv, preset: generic-handoffs}
        report:
          named_layers: 1
          min_group_size: 2

        """

    struct Run {
        let result: NormalizeResult
        let metrics: Metrics
        func person(_ email: String) -> PersonMetrics { metrics.people.first { $0.email == email }! }
    }

    /// Writes the files (with optional replacements) to a scratch folder and runs normalize + aggregate.
    static func run(_ overrides: [String: String] = [:]) throws -> Run {
        let dir = Fixtures.scratch("mini")
        var files = ["people.csv": people, "accounts.csv": accounts, "calendar.csv": calendar, "calendar2.csv": calendar2,
                     "feedback.csv": feedback, "handoffs.csv": handoffs, "earshot.yml": config]
        for (k, v) in overrides { files[k] = v }
        for (name, text) in files { Fixtures.write(text, to: name, in: dir) }
        let cfg = try ConfigLoader.load(path: dir.appendingPathComponent("earshot.yml").path)
        let period = Period(quarter: cfg.quarter!, zone: ZoneRules(identifier: cfg.timezone)!)!
        let result = try Normalizer(config: cfg, period: period).run(files: try SourceResolver.files(for: cfg))
        return Run(result: result, metrics: Aggregator.run(model: result.model, config: cfg, period: period))
    }
}
