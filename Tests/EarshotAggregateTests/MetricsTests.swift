import EarshotAggregate
import EarshotModel
import Testing

@Suite("metrics on the mini company (expectations worked out by hand in MiniCompany.swift)")
struct MetricsTests {
    @Test("customer hours are the union of overlapping meetings")
    func unionHours() throws {
        let run = try MiniCompany.run()
        // Rae: [10:00,11:00) ∪ [10:30,11:30) = 1.5 h. Val: the kickoff only, 1 h. Cleo, Max, Ray: none.
        #expect(run.person("rae@acme.example").customerHours == 1.5)
        #expect(run.person("vp@acme.example").customerHours == 1.0)
        #expect(run.person("ceo@acme.example").customerHours == 0)
        // Rae took part in 2 distinct interactions (the kickoff counted once although three rows hold it).
        #expect(run.person("rae@acme.example").contacts == 2)
        // share = 1.5 / (40 × 92 / 7) = 0.002853…
        #expect(abs(run.person("rae@acme.example").shareOfTime! - 1.5 / (40.0 * 92 / 7)) < 1e-12)
    }

    @Test("layers come from the org tree; hops count the way down to a direct contact")
    func layersAndHops() throws {
        let run = try MiniCompany.run()
        #expect(run.person("ceo@acme.example").layer == 0)
        #expect(run.person("vp@acme.example").layer == 1)
        #expect(run.person("mgr@acme.example").layer == 2)
        #expect(run.person("rae@acme.example").layer == 3)
        // Val and Rae met the customer (0). Max has none but Rae below him does (1). Cleo's report Val has (1).
        // Ray has none and nobody below him: blank.
        #expect(run.person("rae@acme.example").hopsToCustomer == 0)
        #expect(run.person("mgr@acme.example").hopsToCustomer == 1)
        #expect(run.person("ceo@acme.example").hopsToCustomer == 1)
        #expect(run.person("ray@acme.example").hopsToCustomer == nil)
    }

    @Test("cadence, gaps and days since last on whole windows only")
    func cadence() throws {
        let rae = try MiniCompany.run().person("rae@acme.example")
        // Windows: Jul 1–Aug 11, Aug 12–Sep 22 (whole), Sep 23–30 (tail, not judged).
        #expect(rae.windows.map(\.judged) == [true, true, false])
        // Rae's only contact day is Jul 6: window 2 has none → cadence not met; window 1 has 1.5 h < 2 h.
        #expect(rae.cadenceMet == false)
        #expect(rae.exposureMet == false)
        // Gap: Jul 7 … Sep 30 = 86 days; days since last: Sep 30 − Jul 6 = 86.
        #expect(rae.longestGapDays == 86)
        #expect(rae.daysSinceLast == 86)
        // Ray has no contact: the gap is all 92 employed days, days since last is blank.
        let ray = try MiniCompany.run().person("ray@acme.example")
        #expect(ray.longestGapDays == 92)
        #expect(ray.daysSinceLast == nil)
    }

    @Test("second-hand share and the dilution point")
    func dilution() throws {
        let run = try MiniCompany.run()
        let vp = run.metrics.chains.first { $0.personId == "E2" }!
        // Val's organisation: Max, Rae, Ray (3). Rae has direct contact and reaches Val only through
        // Max, who has none: 1 of 3 is second-hand.
        #expect(vp.organisation == 3)
        #expect(vp.secondHand == 1)
        #expect(vp.secondHandShare == 1.0 / 3)
        // Rae's chain breaks first at Max (layer 2).
        #expect(run.metrics.dilutionByLayer == [2: 1])
    }

    @Test("the feedback funnel: reach, retention and median days per layer")
    func funnel() throws {
        // min_group_size 1: no layer is suppressed, so every funnel row is published (see DifferenceAttackTests).
        let config = MiniCompany.config.replacingOccurrences(of: "min_group_size: 2", with: "min_group_size: 1")
        let funnel = try MiniCompany.run(["earshot.yml": config]).metrics.funnel
        #expect(funnel.map(\.layer) == [0, 1, 2])
        // Both items were captured at layer 3. F1 reached Max (layer 2) after 1 day and Val (layer 1)
        // after 3 days; nothing reached Cleo. F2 reached nobody.
        #expect(funnel.map(\.items) == [2, 2, 2])
        #expect(funnel.map(\.reached) == [0, 1, 1])
        #expect(funnel.map(\.reach) == [0, 0.5, 0.5])
        // retention(L) = reach(L) / reach(L+1); blank for the deepest row.
        #expect(funnel.map(\.retention) == [0, 1, nil])
        #expect(funnel.map(\.medianDays) == [nil, 3, 1])
    }

    @Test("executives' feedback: items each captured, and distinct items handed to them that others captured")
    func executiveFeedback() throws {
        // Named layers 0-2: Cleo, Val, Max. Val captures F3; F1 is handed to Val twice and F3 (Val's own)
        // is handed to Val once; Max receives F1.
        let config = MiniCompany.config.replacingOccurrences(of: "named_layers: 1", with: "named_layers: 2")
        let feedback = MiniCompany.feedback + "F3,vp@acme.example,Bluefin,,2026-07-12T09:00:00Z,call\n"
        let handoffs = MiniCompany.handoffs
            + "F1,mgr@acme.example,vp@acme.example,2026-07-14T09:00:00Z\nF3,mgr@acme.example,vp@acme.example,2026-07-15T09:00:00Z\n"
        let execs = try MiniCompany.run(["earshot.yml": config, "feedback.csv": feedback, "handoffs.csv": handoffs])
            .metrics.executiveFeedback
        // Cleo: nothing. Val: captured F3; handed {F1, F3}, of which F3 is Val's own: 1. Max: handed {F1}: 1.
        #expect(execs.map(\.name) == ["Cleo Ceo", "Val Vp", "Max Mgr"])
        #expect(execs.map(\.captured) == [0, 1, 0])
        #expect(execs.map(\.handedUp) == [0, 1, 1])
    }

    @Test("small layers beyond the named ones are suppressed in aggregation")
    func suppression() throws {
        // min_group_size 2, named_layers 1: layer 2 (Max alone) is suppressed; layer 3 (2 people) is not.
        let layers = try MiniCompany.run().metrics.layers
        #expect(layers[2].suppressed == true)
        #expect(layers[2].headcount == 1)
        #expect(layers[2].hoursMean == nil && layers[2].contactRate == nil)
        #expect(layers[3].suppressed == false)
        #expect(layers[3].contactRate == 0.5)
        // Names: only layers ≤ 1 carry one.
        let people = try MiniCompany.run().metrics.people
        #expect(people.filter { !$0.name.isEmpty }.map(\.email).sorted() == ["ceo@acme.example", "vp@acme.example"])
    }
}

@Suite("the ledger accounts for every row")
struct LedgerTests {
    @Test("read = accepted + merged + ignored + rejected, with the outcome of each mini-company row")
    func ledger() throws {
        let ledger = try MiniCompany.run().result.ledger
        for file in ledger.files { #expect(file.balances, "\(file.file) does not balance") }
        let cal = ledger["calendar.csv"]!
        // 6 rows: kickoff (accepted), Val's copy (merged), follow-up (accepted), 1:1 (internal-only),
        // November (outside-period), Feb 30 (rejected bad-date).
        #expect(cal.read == 6)
        #expect(cal.accepted == 2)
        #expect(cal.merged == 1)
        #expect(cal.ignored == [.internalOnly: 1, .outsidePeriod: 1])
        #expect(cal.rejected == 1)
        // calendar2.csv's only row is the kickoff again without a uid: merged by time + shared buyer.
        #expect(ledger["calendar2.csv"]!.merged == 1)
        #expect(ledger.rejects.map(\.reason) == [.badDate])
        #expect(ledger.rejects.first?.location.line == 7)
    }
}

@Suite("privacy: the difference attack")
struct DifferenceAttackTests {
    @Test("a suppressed layer cannot be recovered from adjacent funnel rows")
    func funnel() throws {
        // min_group_size 3: layer 2 (Max alone) and layer 3 (Rae, Ray: 2 people) are both suppressed
        // (named_layers 1). Layer 3 is the deepest: row 2 (= items captured at layer 3) is blanked. Layer 2:
        // row 1 − row 2 would give layer 2's own captures, so row 2 is blanked (already). Row 1 now gives
        // layers 2+3 together; retention(1) would give reach(2) back, so it is blank.
        let config = MiniCompany.config.replacingOccurrences(of: "min_group_size: 2", with: "min_group_size: 3")
        let funnel = try MiniCompany.run(["earshot.yml": config]).metrics.funnel
        #expect(funnel.map(\.suppressed) == [false, false, true])
        #expect(funnel[2].reach == nil && funnel[2].items == 0)
        #expect(funnel[1].retention == nil)
        #expect(funnel[1].reach == 0.5)
    }
}

@Suite("dilution on a seven-person tree")
struct DilutionTreeTests {
    /// CEO ─┬─ A (direct) ─┬─ B (none) ── C (direct, frontline)
    ///      │              └─ D (direct) ── E (none, frontline)
    ///      └─ F (none) ── G (direct, frontline)
    @Test("second-hand shares, dilution points and hops worked out by hand")
    func tree() throws {
        let people = """
            employee_id,email,name,title,manager_id
            E0,ceo@acme.example,Ceo,CEO,
            EA,a@acme.example,A,VP,E0
            EB,b@acme.example,B,Dir,EA
            EC,c@acme.example,C,Rep,EB
            ED,d@acme.example,D,Dir,EA
            EE,e@acme.example,E,Rep,ED
            EF,f@acme.example,F,VP,E0
            EG,g@acme.example,G,Rep,EF

            """
        let h = DuplicateRuleTests.header
        let calendar = h + ["a", "c", "d", "g"].enumerated().map { i, who in
            "\(who)@acme.example,u\(i),x,2026-07-0\(i + 6)T10:00:00Z,2026-07-0\(i + 6)T11:00:00Z,,,buyer@bluefin.example,,,,"
        }.joined(separator: "\n") + "\n"
        let run = try MiniCompany.run(["people.csv": people, "calendar.csv": calendar, "calendar2.csv": h])
        func chain(_ id: String) -> ChainMetrics { run.metrics.chains.first { $0.personId == id }! }
        // CEO: organisation A..G = 7; direct: A, C, D, G; C reaches the CEO through B (none), G through F
        // (none): 2 second-hand → 2/7.
        #expect(chain("E0").organisation == 7)
        #expect(chain("E0").withDirectContact == 4)
        #expect(chain("E0").secondHand == 2)
        // A: organisation B, C, D, E = 4; C through B → 1 of 4.
        #expect(chain("EA").secondHandShare == 0.25)
        // Chains from frontline people with direct contact: C breaks at B (layer 2), G at F (layer 1).
        #expect(run.metrics.dilutionByLayer == [1: 1, 2: 1])
        #expect(chain("EB").dilutionPoints == 1 && chain("EF").dilutionPoints == 1)
        // Hops: CEO 1 (A has direct contact); B 1; F 1; E blank (no contact below).
        #expect(run.person("ceo@acme.example").hopsToCustomer == 1)
        #expect(run.person("b@acme.example").hopsToCustomer == 1)
        #expect(run.person("f@acme.example").hopsToCustomer == 1)
        #expect(run.person("e@acme.example").hopsToCustomer == nil)
    }
}

@Suite("layer figures")
struct LayerFigureTests {
    @Test("mean, median, p90 over everyone (zeros included), share median and cadence rate")
    func layer3() throws {
        let layer = try MiniCompany.run().metrics.layers[3]
        // Layer 3 = Rae (1.5 h) and Ray (0 h): mean 0.75, median 0.75, p90 = 0 + 0.9 × (1.5 − 0) = 1.35.
        #expect(layer.headcount == 2)
        #expect(layer.hoursMean == 0.75)
        #expect(layer.hoursMedian == 0.75)
        #expect(abs(layer.hoursP90! - 1.35) < 1e-12)
        // Shares: 1.5 / (40 × 92 / 7) and 0 → median is half the first.
        #expect(abs(layer.shareMedian! - 0.75 / (40.0 * 92 / 7)) < 1e-12)
        // Both judged on two whole windows; neither met the cadence.
        #expect(layer.cadenceRate == 0)
        #expect(layer.contactRate == 0.5)
    }
}
