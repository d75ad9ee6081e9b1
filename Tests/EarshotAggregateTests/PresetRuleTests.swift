import EarshotModel
import Testing

/// DESIGN.md's reading rules for the CRM and calendar presets, on the mini company (MiniCompany.swift).
/// Each case adds one source file; expectations are the rules applied by hand.
@Suite("reading rules of the CRM and calendar presets")
struct PresetRuleTests {
    static let users = """
        "Id","Email","FirstName","LastName","IsActive"
        "005000000000001AAA","rae@acme.example","Rae","Rep","1"
        "005000000000002AAA","vp@acme.example","Val","Vp","1"

        """
    static let contacts = "id,email,name,account_id\n003000000000001AAA,buyer@bluefin.example,Bo Buyer,A1\n"

    static func config(adding sources: String) -> String {
        MiniCompany.config.replacingOccurrences(
            of: "  - {kind: calendar, path: calendar.csv, preset: generic-calendar}",
            with: "  - {kind: people, path: User.csv, preset: salesforce-user}\n  - {kind: contacts, path: contacts.csv, preset: generic-contacts}\n"
                + sources)
    }

    static func run(_ sources: String, _ files: [String: String]) throws -> MiniCompany.Run {
        var all = files
        all["earshot.yml"] = config(adding: sources)
        all["User.csv"] = users
        all["contacts.csv"] = contacts
        return try MiniCompany.run(all)
    }

    @Test("Salesforce Task: mass mail first, then calls by duration, e-mails, and everything else ignored")
    func tasks() throws {
        let task = """
            "Id","WhoId","WhatId","Subject","ActivityDate","OwnerId","Type","IsDeleted","AccountId","TaskSubtype","EmailMessageId","CallDurationInSeconds","CallType","CompletedDateTime"
            "00T1","003000000000001AAA","","List Email: July news","2026-07-02","005000000000001AAA","Email","0","A1","ListEmail","","","","2026-07-02 09:00:00"
            "00T2","003000000000001AAA","","Call Bo","2026-07-03","005000000000001AAA","Call","0","A1","Call","","1800","Outbound","2026-07-03 10:30:00"
            "00T3","003000000000001AAA","","Re: pricing","2026-07-03","005000000000001AAA","Email","0","A1","Email","02s000","","","2026-07-03 12:00:00"
            "00T4","000000000000000AAA","","Send contract","2026-07-04","005000000000001AAA","Other","0","A1","Task","","","","2026-07-04 12:00:00"
            "00T5","003000000000001AAA","","Old call","2026-07-04","005000000000001AAA","Call","1","A1","Call","","600","","2026-07-04 12:00:00"

            """
        let run = try Self.run("  - {kind: crm, path: Task.csv, preset: salesforce-task}\n", ["Task.csv": task, "calendar.csv": DuplicateRuleTests.header, "calendar2.csv": DuplicateRuleTests.header])
        let l = run.result.ledger["Task.csv"]!
        // 00T1 mass mail (even though its Type is Email); 00T4 a plain task; 00T5 deleted.
        #expect(l.ignored == [.massEmail: 1, .notAnActivity: 1, .deleted: 1])
        #expect(l.accepted == 2)
        // The call spans [10:00, 10:30) (CompletedDateTime − 1800 s): 0.5 h; the e-mail adds a contact, no hours.
        let rae = run.person("rae@acme.example")
        #expect(rae.customerHours == 0.5)
        #expect(rae.contacts == 2)
    }

    @Test("Salesforce EventRelation adds invitees; a declined invitee does not take part")
    func relations() throws {
        let events = """
            "Id","WhoId","WhatId","Subject","ActivityDateTime","ActivityDate","DurationInMinutes","AccountId","OwnerId","IsDeleted"
            "00U000000000001AAA","003000000000001AAA","","QBR","2026-07-15 14:00:00","2026-07-15","120","A1","005000000000001AAA","0"

            """
        let relations = """
            "Id","RelationId","EventId","IsInvitee","Status","IsDeleted"
            "0RE1","005000000000002AAA","00U000000000001AAA","1","Accepted","0"
            "0RE2","00300000000000XAAA","00U000000000009AAA","1","New","0"
            "0RT3","005000000000002AAA","00T000000000001AAA","1","","0"

            """
        let run = try Self.run("  - {kind: crm, path: Event.csv, preset: salesforce-event}\n  - {kind: crm, path: EventRelation.csv, preset: salesforce-eventrelation}\n",
                               ["Event.csv": events, "EventRelation.csv": relations,
                                "calendar.csv": DuplicateRuleTests.header, "calendar2.csv": DuplicateRuleTests.header])
        let l = run.result.ledger["EventRelation.csv"]!
        // 0RE1 merges into the QBR; 0RE2 names an event nobody exported; 0RT3 is a task relation.
        #expect(l.merged == 1)
        #expect(l.ignored == [.notAnActivity: 2])
        // Val is an invitee: 2 h of customer time for Val as for Rae.
        #expect(run.person("vp@acme.example").customerHours == 2)
        #expect(run.person("rae@acme.example").customerHours == 2)
    }

    @Test("HubSpot calls last hs_call_duration milliseconds; calls that did not connect are not contact")
    func hubspotCalls() throws {
        let calls = """
            Record ID,Call title,Activity date,hs_call_duration,Activity assigned to,Call status,Associated Company,Associated Contact
            1,Discovery,2026-07-07T15:00:00Z,2700000,Rae Rep (rae@acme.example),COMPLETED,Bluefin,buyer@bluefin.example
            2,Retry,2026-07-08T15:00:00Z,0,Rae Rep (rae@acme.example),NO_ANSWER,Bluefin,buyer@bluefin.example

            """
        let run = try Self.run("  - {kind: crm, path: calls.csv, preset: hubspot-calls}\n",
                               ["calls.csv": calls, "calendar.csv": DuplicateRuleTests.header, "calendar2.csv": DuplicateRuleTests.header])
        // 2 700 000 ms = 45 min = 0.75 h.
        #expect(run.person("rae@acme.example").customerHours == 0.75)
        #expect(run.result.ledger["calls.csv"]!.ignored == [.cancelled: 1])
    }

    @Test("GAM events: indexed attendee columns vary per file; a declined attendee does not take part")
    func gam() throws {
        let gam = """
            primaryEmail,calendarId,id,summary,status,description,location,created,updated,iCalUID,attendees,attendees.0.email,attendees.0.responseStatus,attendees.1.email,attendees.1.responseStatus,attendees.2.email,attendees.2.responseStatus,end.dateTime,organizer.email,start.dateTime,transparency
            rae@acme.example,rae@acme.example,e1,Demo,confirmed,,,2026-06-01T00:00:00Z,2026-06-01T00:00:00Z,g1@google.com,3,rae@acme.example,accepted,vp@acme.example,declined,buyer@bluefin.example,accepted,2026-07-09T11:00:00-04:00,rae@acme.example,2026-07-09T10:00:00-04:00,
            rae@acme.example,rae@acme.example,e2,Hold,confirmed,,,2026-06-01T00:00:00Z,2026-06-01T00:00:00Z,g2@google.com,1,buyer@bluefin.example,accepted,,,,,2026-07-10T11:00:00-04:00,rae@acme.example,2026-07-10T10:00:00-04:00,transparent

            """
        let run = try Self.run("  - {kind: calendar, path: gam.csv, preset: gam-events}\n",
                               ["gam.csv": gam, "calendar.csv": DuplicateRuleTests.header, "calendar2.csv": DuplicateRuleTests.header])
        // Demo: Rae 1 h; Val declined → 0. Hold: marked free (transparent) → ignored.
        #expect(run.person("rae@acme.example").customerHours == 1)
        #expect(run.person("vp@acme.example").customerHours == 0)
        #expect(run.result.ledger["gam.csv"]!.ignored == [.free: 1])
    }
}

@Suite("org chart sources and broadcasts")
struct OrgSourceTests {
    @Test("with no manager anywhere, the Salesforce role tree gives the reporting lines")
    func roleTree() throws {
        let users = """
            "Id","Email","FirstName","LastName","IsActive","UserRoleId","ManagerId"
            "005A","ceo@acme.example","Cleo","Ceo","1","00E1","000000000000000AAA"
            "005B","vp@acme.example","Val","Vp","1","00E2","000000000000000AAA"
            "005C","rae@acme.example","Rae","Rep","0","00E3",""

            """
        // Roles: CEO (root, sentinel parent) ← VP Sales ← AE. Rae is inactive but still owns a meeting.
        let roles = """
            "Id","Name","ParentRoleId","RollupDescription"
            "00E1","CEO","000000000000000AAA","CEO"
            "00E2","VP Sales","00E1","VP Sales"
            "00E3","AE","00E2","AE"

            """
        let config = """
            company: {name: Acme, domains: [acme.example], timezone: UTC}
            period: {quarter: 2026-Q3}
            sources:
              - {kind: people, path: User.csv, preset: salesforce-user}
              - {kind: people, path: UserRole.csv, preset: salesforce-userrole}
              - {kind: accounts, path: accounts.csv, preset: generic-accounts}
              - {kind: calendar, path: calendar.csv, preset: generic-calendar}

            """
        let calendar = DuplicateRuleTests.header
            + "rae@acme.example,,x,2026-07-06T10:00:00Z,2026-07-06T11:00:00Z,,,buyer@bluefin.example,,,,\n"
        let run = try MiniCompany.run(["earshot.yml": config, "User.csv": users, "UserRole.csv": roles, "calendar.csv": calendar])
        #expect(run.person("ceo@acme.example").layer == 0)
        #expect(run.person("vp@acme.example").layer == 1)
        #expect(run.person("rae@acme.example").layer == 2)
        // Hops: Val has none but Rae below has → 1; Cleo → 2.
        #expect(run.person("ceo@acme.example").hopsToCustomer == 2)
        #expect(run.metrics.orgFindings.contains { $0.contains("role tree") })
        #expect(run.metrics.orgFindings.contains { $0.contains("inactive") && $0.contains("005C") })
    }

    @Test("more than broadcast_threshold externals is a broadcast; exactly the threshold is not", arguments: [(25, false), (26, true)])
    func broadcast(externals: Int, isBroadcast: Bool) throws {
        let guests = (1...externals).map { "guest\($0)@bluefin.example" }.joined(separator: ";")
        let calendar = DuplicateRuleTests.header + "rae@acme.example,,Webinar,2026-07-06T10:00:00Z,2026-07-06T11:00:00Z,,,\(guests),,,,\n"
        let run = try MiniCompany.run(["calendar.csv": calendar, "calendar2.csv": DuplicateRuleTests.header])
        #expect(run.result.model.broadcasts.count == (isBroadcast ? 1 : 0))
        #expect(run.person("rae@acme.example").customerHours == (isBroadcast ? 0 : 1))
        #expect(run.result.ledger["calendar.csv"]!.ignored == (isBroadcast ? [.broadcast: 1] : [:]))
    }
}

@Suite("reading rules of the feedback, handoff and remaining CRM presets")
struct MorePresetRuleTests {
    static let users = PresetRuleTests.users

    static func config(_ sources: String) -> String {
        """
        company: {name: Acme, domains: [acme.example], timezone: UTC}
        period: {quarter: 2026-Q3}
        sources:
          - {kind: people, path: people.csv, preset: generic-people}
          - {kind: people, path: User.csv, preset: salesforce-user}
          - {kind: accounts, path: accounts.csv, preset: generic-accounts}
        \(sources)
        report: {named_layers: 1, min_group_size: 1}

        """
    }

    @Test("Salesforce Case + CaseHistory: owner changes hand the case on; the names-and-ids double row counts once")
    func caseHistory() throws {
        let cases = """
            "Id","CaseNumber","ContactId","AccountId","Origin","OwnerId","CreatedDate","IsDeleted"
            "500A","00001","","A1","Email","005000000000001AAA","2026-07-01 13:00:00","0"

            """
        // Rae (005…1) captured it; the change to Val is written twice (names, then ids) at the same instant;
        // a Status change is not a handoff.
        let history = """
            "CaseId","Field","OldValue","NewValue","CreatedById","CreatedDate","IsDeleted"
            "500A","Owner","Rae Rep","Val Vp","005000000000001AAA","2026-07-03 13:00:00","0"
            "500A","Owner","005000000000001AAA","005000000000002AAA","005000000000001AAA","2026-07-03 13:00:00","0"
            "500A","Status","New","Working","005000000000001AAA","2026-07-03 13:00:00","0"

            """
        let run = try MiniCompany.run([
            "earshot.yml": Self.config("  - {kind: feedback, path: Case.csv, preset: salesforce-case}\n  - {kind: handoffs, path: CaseHistory.csv, preset: salesforce-casehistory}"),
            "User.csv": Self.users, "Case.csv": cases, "CaseHistory.csv": history,
        ])
        let l = run.result.ledger["CaseHistory.csv"]!
        #expect(l.accepted == 1)
        #expect(l.ignored == [.duplicate: 1, .notAnActivity: 1])
        // The case was captured at layer 3 (Rae) and reached Val (layer 1) 2 days later.
        let row1 = try #require(run.metrics.funnel.first { $0.layer == 1 })
        #expect(row1.items == 1 && row1.reached == 1)
        #expect(row1.medianDays == 2)
    }

    @Test("Zendesk tickets: captured by the assignee's name; the account by organization, else the requester's domain")
    func zendesk() throws {
        let tickets = """
            Summation column,Id,Requester,Requester email,Requester domain,Assignee,Status,Via,Created at,Organization
            ,1,Bo,bo@bluefin.example,bluefin.example,Rae Rep,Open,Email,2026-07-02 09:05,
            ,2,Kim,kim@elsewhere.example,elsewhere.example,Nobody Known,Open,Web,2026-07-02 09:05,Bluefin

            """
        let run = try MiniCompany.run(["earshot.yml": Self.config("  - {kind: feedback, path: tickets.csv, preset: zendesk-tickets}"),
                                       "User.csv": Self.users, "tickets.csv": tickets])
        let l = run.result.ledger["tickets.csv"]!
        #expect(l.accepted == 1)
        #expect(run.result.ledger.rejects.map(\.reason) == [.unknownPerson])
        #expect(run.result.model.feedback.first?.account == 0)   // Bluefin, from bluefin.example
    }

    @Test("Dynamics appointments and Salesforce reports: names resolve, cancelled and footer rows are ignored")
    func dynamicsAndReports() throws {
        let appointments = """
            ActivityId,Subject,ScheduledStart,ScheduledEnd,ActualStart,ActualEnd,ActualDurationMinutes,IsAllDayEvent,OwnerId,RegardingObjectId,RequiredAttendees,OptionalAttendees,Organizer,StateCode,StatusCode
            a1,Review,2026-07-13T14:00:00Z,2026-07-13T15:00:00Z,,,,False,Rae Rep,Bluefin,buyer@bluefin.example; Val Vp,,Rae Rep,Completed,Completed
            a2,Dropped,2026-07-14T14:00:00Z,2026-07-14T15:00:00Z,,,,False,Rae Rep,Bluefin,buyer@bluefin.example,,Rae Rep,Canceled,Canceled

            """
        // The report's call is 30 minutes on Jul 20 at 9:00 (company zone UTC), then the Salesforce footer.
        let report = """
            "Assigned","Subject","Task/Event","Date","Start","End","Duration (Minutes)","Company / Account","Contact","Call Type"
            "Rae Rep","Call Bo","Task","7/20/2026","7/20/2026 9:00 AM","","30","Bluefin","","Outbound"

            "Grand Totals (1 records)"
            "Confidential Information - Do Not Distribute"

            """
        let run = try MiniCompany.run([
            "earshot.yml": Self.config("  - {kind: crm, path: appointments.csv, preset: dynamics-appointments}\n  - {kind: crm, path: report.csv, preset: salesforce-report}"),
            "User.csv": Self.users, "appointments.csv": appointments, "report.csv": report,
        ])
        #expect(run.result.ledger["appointments.csv"]!.ignored == [.cancelled: 1])
        #expect(run.result.ledger["report.csv"]!.ignored[.footer] == 2)
        // Rae: the 1-hour review + the 30-minute call = 1.5 h; Val attended the review: 1 h.
        #expect(run.person("rae@acme.example").customerHours == 1.5)
        #expect(run.person("vp@acme.example").customerHours == 1)
    }
}
