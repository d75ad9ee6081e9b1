import EarshotModel
import Testing
@testable import EarshotAggregate

@Suite("period edges, days touched, CRM merge and logging coverage")
struct EdgeCaseTests {
    static let header = "owner,uid,subject,start,end,all_day,organizer,attendees,optional_attendees,location,status,show_as\n"

    @Test("an event straddling the period's start is clipped; one crossing midnight touches both days")
    func clipping() throws {
        let run = try MiniCompany.run(["calendar.csv": Self.header + """
            rae@acme.example,a,late,2026-06-30T23:00:00Z,2026-07-01T01:00:00Z,,,buyer@bluefin.example,,,,
            rae@acme.example,b,night,2026-07-20T23:30:00Z,2026-07-21T00:30:00Z,,,buyer@bluefin.example,,,,
            rae@acme.example,c,edge,2026-09-30T23:00:00Z,2026-10-01T00:00:00Z,,,buyer@bluefin.example,,,,

            """, "calendar2.csv": Self.header])
        let rae = run.person("rae@acme.example")
        // Inside Q3 (UTC): 00:00-01:00 on Jul 1 (1 h of the 2 h), 23:30-00:30 across Jul 20/21 (1 h),
        // 23:00-24:00 on Sep 30 (1 h; ends exactly at the period's end) → 3 h.
        #expect(rae.customerHours == 3)
        // Days touched: Jul 1, Jul 20, Jul 21, Sep 30. The longest untouched run is Jul 22 … Sep 29 = 70 days.
        #expect(rae.longestGapDays == 70)
        #expect(rae.daysSinceLast == 0)
    }

    @Test("an all-day customer visit is direct contact on its dates but adds no hours by default")
    func visit() throws {
        let run = try MiniCompany.run(["calendar.csv": Self.header + """
            rae@acme.example,v,visit,2026-08-12,2026-08-14,true,,buyer@bluefin.example,,,,

            """, "calendar2.csv": Self.header])
        let rae = run.person("rae@acme.example")
        #expect(rae.customerHours == 0)
        #expect(rae.contacts == 1)
        // Visit on Aug 12 and 13 (end date exclusive). Window 1 (Jul 1–Aug 11) has none, window 2 has it.
        #expect(rae.windows.map(\.directContacts) == [0, 1, 0])
        #expect(rae.hopsToCustomer == 0)
    }

    static let users = """
        "Id","Username","FirstName","LastName","Title","Email","IsActive","UserRoleId","ManagerId","UserType"
        "005000000000001AAA","rae@acme.example.sf","Rae","Rep","AE","RAE@Acme.Example","1","000000000000000AAA","000000000000000AAA","Standard"
        "005000000000009AAA","bot@00d.example","Automated","Process","","bot@00d.example","1","","","AutomatedProcess"

        """
    static let events = """
        "Id","WhoId","WhatId","Subject","ActivityDateTime","ActivityDate","DurationInMinutes","AccountId","OwnerId","Type","ShowAs","IsDeleted","IsChild"
        "00U000000000001AAA","000000000000000AAA","A1","Kickoff","2026-07-06 10:00:00","2026-07-06","60","A1","005000000000001AAA","Meeting","Busy","0",""
        "00U000000000002AAA","000000000000000AAA","A1","Call","2026-07-08 15:00:00","2026-07-08","30","A1","005000000000001AAA","Call","Busy","0",""
        "00U000000000003AAA","000000000000000AAA","A1","Deleted","2026-07-09 15:00:00","2026-07-09","30","A1","005000000000001AAA","Meeting","Busy","1",""

        """

    @Test("Salesforce users merge by e-mail (any case); CRM copies merge with calendar copies; logging coverage")
    func crm() throws {
        var config = MiniCompany.config
        config = config.replacingOccurrences(of: "  - {kind: calendar, path: calendar.csv, preset: generic-calendar}",
                                             with: "  - {kind: people, path: User.csv, preset: salesforce-user}\n  - {kind: calendar, path: calendar.csv, preset: generic-calendar}\n  - {kind: crm, path: Event.csv, preset: salesforce-event}")
        let run = try MiniCompany.run(["earshot.yml": config, "User.csv": Self.users, "Event.csv": Self.events])
        let ledger = run.result.ledger
        // User.csv: Rae merges into the org chart by e-mail (accepted); the system user is not an employee.
        #expect(ledger["User.csv"]!.accepted == 1)
        #expect(ledger["User.csv"]!.ignored == [.notAnEmployee: 1])
        // Event.csv: the kickoff (same start/end as the calendar's, owner Rae shared) merges; the call is
        // CRM-only (accepted); the deleted row is ignored.
        #expect(ledger["Event.csv"]!.merged == 1)
        #expect(ledger["Event.csv"]!.accepted == 1)
        #expect(ledger["Event.csv"]!.ignored == [.deleted: 1])
        // Rae: kickoff ∪ follow-up = 1.5 h (as before) + the 30-minute call = 2 h; 3 contacts.
        let rae = run.person("rae@acme.example")
        #expect(rae.customerHours == 2)
        #expect(rae.contacts == 3)
        // Logging coverage is computed for named people (layers ≤ 1): Val saw the kickoff in the calendar
        // and the CRM holds it too (Rae's entry) → 1 of 1.
        let val = try #require(run.metrics.logging.first { $0.name == "Val Vp" })
        #expect(val.calendarMeetings == 1)
        #expect(val.calendarAlsoInCRM == 1)
    }
}

@Suite("the org tree: cycles, several roots, self-managers")
struct OrgTreeTests {
    func people(_ managers: [Int?]) -> [Person] {
        managers.enumerated().map { i, m in
            var p = Person(index: i, id: "E\(i)", email: EmailAddress("p\(i)@acme.example"), name: "P\(i)")
            p.manager = m
            return p
        }
    }

    @Test("layers by depth from the root with the largest organisation")
    func layers() {
        // 0 ← 1 ← 2, 0 ← 3; 4 has no manager and no reports (a second root, smaller).
        let tree = OrgTree(people: people([nil, 0, 1, 0, nil]))
        #expect(tree.root == 0)
        #expect(tree.layer == [0, 1, 2, 1, nil])
        #expect(tree.findings.count == 1)
        #expect(tree.findings[0].contains("E4"))
    }

    @Test("a reporting cycle is broken, named by ids, and left without layers")
    func cycle() {
        // 0 is the root; 1 → 2 → 3 → 1 is a cycle hanging off nobody.
        let tree = OrgTree(people: people([nil, 3, 1, 2]))
        #expect(tree.root == 0)
        #expect(tree.layer[0] == 0)
        #expect(tree.findings.contains { $0.hasPrefix("reporting cycle:") && $0.contains("E1") && $0.contains("E3") })
        #expect(tree.layer[1...].allSatisfy { $0 == nil })
    }
}

@Suite("contacts, customers, accounts and in-person share")
struct ContactMetricsTests {
    @Test("distinct accounts and customer people; in-person share only where a source says; account × layer")
    func counts() throws {
        let header = "owner,uid,subject,start,end,all_day,organizer,attendees,optional_attendees,location,status,show_as,in_person\n"
        let accounts = "id,name,domain,website\nA1,Bluefin,bluefin.example,\nA2,Harbor,,https://www.harbor.example/\n"
        // Rae: two Bluefin people on Jul 6 (in person), one Harbor person on Jul 7 (remote), one Harbor
        // person again on Jul 8 (the source does not say).
        let calendar = header + """
            rae@acme.example,a,x,2026-07-06T10:00:00Z,2026-07-06T11:00:00Z,,,buyer@bluefin.example;cfo@bluefin.example,,,,,true
            rae@acme.example,b,x,2026-07-07T10:00:00Z,2026-07-07T11:00:00Z,,,ops@harbor.example,,,,,false
            rae@acme.example,c,x,2026-07-08T10:00:00Z,2026-07-08T11:00:00Z,,,ops@harbor.example,,,,,

            """
        let run = try MiniCompany.run(["accounts.csv": accounts, "calendar.csv": calendar, "calendar2.csv": header])
        let rae = run.person("rae@acme.example")
        #expect(rae.contacts == 3)
        // Accounts: Bluefin (domain) and Harbor (from its website) = 2; customer people: buyer, cfo, ops = 3.
        #expect(rae.distinctAccounts == 2)
        #expect(rae.distinctCustomerPeople == 3)
        // In person: 1 of 3 direct contacts is marked in person.
        #expect(rae.inPersonShare == 1.0 / 3)
        // Account × layer: each account met by one person at layer 3 (Rae).
        #expect(run.metrics.accounts.map(\.peopleByLayer) == [[3: 1], [3: 1]])
        #expect(run.metrics.accounts.map(\.metByNamedLayer) == [false, false])
    }
}

@Suite("cadence and exposure met")
struct CadenceMetTests {
    @Test("two hours of customer time in each whole window meets both; 1h59 in one does not meet exposure")
    func met() throws {
        let h = DuplicateRuleTests.header
        // Window 1 (Jul 1–Aug 11): Jul 6 10:00–12:00 (2 h). Window 2 (Aug 12–Sep 22): Aug 20 10:00–12:00.
        let ok = h + """
            rae@acme.example,a,x,2026-07-06T10:00:00Z,2026-07-06T12:00:00Z,,,buyer@bluefin.example,,,,
            rae@acme.example,b,x,2026-08-20T10:00:00Z,2026-08-20T12:00:00Z,,,buyer@bluefin.example,,,,

            """
        let rae = try MiniCompany.run(["calendar.csv": ok, "calendar2.csv": h]).person("rae@acme.example")
        #expect(rae.cadenceMet == true)
        #expect(rae.exposureMet == true)
        #expect(rae.windows.map(\.hours) == [2, 2, 0])
        // The second meeting one minute short: still a contact in window 2, but 1.9833 h < 2 h.
        let short = ok.replacingOccurrences(of: "2026-08-20T12:00:00Z", with: "2026-08-20T11:59:00Z")
        let rae2 = try MiniCompany.run(["calendar.csv": short, "calendar2.csv": h]).person("rae@acme.example")
        #expect(rae2.cadenceMet == true)
        #expect(rae2.exposureMet == false)
    }
}
