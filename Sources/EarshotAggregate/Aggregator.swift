import EarshotModel

/// Computes every metric of DESIGN.md "Metrics" from the canonical model, for one period.
/// Privacy (`named_layers`, `min_group_size`) is enforced here, so no later stage can leak it.
public enum Aggregator {
    /// - Parameter threads: people are measured on up to this many threads (each person on its own;
    ///   results in people order, so the metrics do not depend on it).
    public static func run(model: CanonicalModel, config: EarshotConfig, period: Period, threads: Int = 1) -> Metrics {
        let tree = OrgTree(people: model.people)
        let zone = period.zone
        let settings = config.metrics
        let named = config.report.namedLayers
        let minGroup = config.report.minGroupSize

        // Exposures per person.
        var byPerson = [[Exposure]](repeating: [], count: model.people.count)
        for e in model.exposures { byPerson[e.person].append(e) }

        // Cadence windows: consecutive windows of cadence_weeks from the period's first day.
        let windowDays = settings.cadenceWeeks * 7
        var windows: [(first: CivilDate, last: CivilDate, whole: Bool)] = []
        var w = period.from
        while w < period.to {
            let end = w.adding(days: windowDays)
            windows.append((w, min(end, period.to).adding(days: -1), end <= period.to))
            w = end
        }

        var rows: [PersonMetrics] = []
        var hasDirect = [Bool](repeating: false, count: model.people.count)
        var rowOf = [Int?](repeating: nil, count: model.people.count)
        let computed: [PersonMetrics?] = ParallelMap.map(model.people.count, threads: threads) { index -> PersonMetrics? in
            let person = model.people[index]
            let firstDay = max(period.from, person.startDate ?? period.from)
            let lastDay = min(period.to.adding(days: -1), person.endDate ?? period.to.adding(days: -1))
            guard firstDay <= lastDay else { return nil }
            let employedDays = lastDay.dayNumber - firstDay.dayNumber + 1
            let exposures = byPerson[person.index]

            var intervals: [(start: Int64, end: Int64)] = []
            var touched = Set<Int>()
            var directStarts: [Int] = []   // local day numbers of each direct contact's clipped start
            var accounts = Set<Int>()
            var customers = Set<String>()
            var direct = 0, inPersonKnown = 0, inPersonTrue = 0
            var seen = Set<Int>()
            for e in exposures where seen.insert(e.interaction).inserted {
                let i = model.interactions[e.interaction]
                accounts.formUnion(i.accounts)
                customers.formUnion(i.customerAddresses.filter { !$0.hasPrefix("account:") })
                guard i.kind.isDirect else { continue }
                direct += 1
                if let flag = i.inPerson { inPersonKnown += 1; if flag { inPersonTrue += 1 } }
                if let dates = i.visitDates {
                    let lo = max(dates.lowerBound, period.from.dayNumber), hi = min(dates.upperBound, period.to.dayNumber - 1)
                    if lo <= hi {
                        for d in lo...hi { touched.insert(d) }
                        directStarts.append(lo)
                        if settings.allDayHours > 0 {
                            for d in lo...hi {
                                let s = zone.startOfDay(CivilDate(dayNumber: d))
                                intervals.append((s, s + Int64(settings.allDayHours * 3600)))
                            }
                        }
                    }
                } else {
                    let s = max(i.start, period.startUTC), en = min(i.end, period.endUTC)
                    let firstTouched = zone.date(ofUTC: s).dayNumber
                    let lastTouched = en > s ? zone.date(ofUTC: en - 1).dayNumber : firstTouched
                    for d in firstTouched...max(firstTouched, lastTouched) { touched.insert(d) }
                    directStarts.append(firstTouched)
                    intervals.append((i.start, i.end))
                }
            }
            let union = IntervalUnion(intervals, clippedTo: period.startUTC, period.endUTC)
            let hours = Double(union.seconds) / 3600
            let weekly = person.weeklyHours ?? settings.weeklyHours
            let capacity = weekly * Double(employedDays) / 7

            // Cadence and exposure windows.
            var windowResults: [WindowResult] = []
            var judged = 0, cadenceOK = true, exposureOK = true
            for win in windows {
                let isJudged = win.whole && win.first >= firstDay && win.last <= lastDay
                let contacts = directStarts.filter { $0 >= win.first.dayNumber && $0 <= win.last.dayNumber }.count
                let winHours = Double(union.seconds(in: zone.startOfDay(win.first), zone.startOfDay(win.last.adding(days: 1)))) / 3600
                if isJudged {
                    judged += 1
                    if contacts == 0 { cadenceOK = false }
                    if winHours + 1e-9 < settings.exposureHours { exposureOK = false }
                }
                windowResults.append(WindowResult(first: win.first, last: win.last, whole: win.whole, judged: isJudged,
                                                  directContacts: contacts, hours: winHours))
            }
            // Longest run of employed days no direct contact touches; days since the last touched day.
            var longest = 0, run = 0
            var lastTouched: Int?
            for d in firstDay.dayNumber...lastDay.dayNumber {
                if touched.contains(d) { run = 0; lastTouched = d } else { run += 1; longest = max(longest, run) }
            }
            if lastTouched == nil, let anyTouched = touched.filter({ $0 <= lastDay.dayNumber }).max() { lastTouched = anyTouched }
            let layer = tree.layer[person.index]
            let isNamed = layer.map { $0 <= named } ?? false
            return PersonMetrics(
                person: person.index, personId: person.id, email: person.email?.normalized ?? "",
                name: isNamed ? person.name : "", title: person.title, layer: layer,
                customerHours: hours, shareOfTime: capacity > 0 ? hours / capacity : nil,
                contacts: seen.count, directContacts: direct, distinctAccounts: accounts.count,
                distinctCustomerPeople: customers.count,
                inPersonShare: inPersonKnown == 0 ? nil : Double(inPersonTrue) / Double(direct),
                cadenceMet: judged == 0 ? nil : cadenceOK, exposureMet: judged == 0 ? nil : exposureOK,
                longestGapDays: longest, daysSinceLast: lastTouched.map { max(0, lastDay.dayNumber - $0) },
                hopsToCustomer: nil, employedDays: employedDays, windows: windowResults, named: isNamed)
        }
        for m in computed {
            guard let m else { continue }
            hasDirect[m.person] = m.directContacts > 0
            rowOf[m.person] = rows.count
            rows.append(m)
        }

        // hops_to_customer, bottom-up from the deepest layer.
        var hops = [Int?](repeating: nil, count: model.people.count)
        let order = (0..<model.people.count).filter { tree.layer[$0] != nil }.sorted { tree.layer[$0]! > tree.layer[$1]! }
        for p in order {
            if hasDirect[p] { hops[p] = 0; continue }
            let below = tree.reports[p].compactMap { hops[$0] }.min()
            hops[p] = below.map { $0 + 1 }
        }
        for i in rows.indices { rows[i].hopsToCustomer = hops[rows[i].person] }

        let layers = layerMetrics(rows: rows, depth: tree.depth, root: tree.root, named: named, minGroup: minGroup)
        let (chains, dilution) = chainMetrics(model: model, tree: tree, hasDirect: hasDirect, rowOf: rowOf, rows: rows,
                                              named: named, minGroup: minGroup)
        var (funnel, execFeedback) = feedbackFunnel(model: model, tree: tree, depth: tree.depth, named: named)
        protectSuppressedLayers(&funnel, layers: layers, depth: tree.depth)
        let accountRows = accountCoverage(model: model, tree: tree, named: named)
        let logging = loggingCoverage(model: model, rows: rows, byPerson: byPerson)

        var headline = Headline(ceoName: nil, ceoShare: nil, ceoTarget: config.stage.ceoTargetShare, executiveTeamShare: nil,
                                executivesJudged: 0, executivesMetCadence: 0, executiveCount: 0, layerBelowHalf: nil,
                                feedbackReachingExecutives: nil)
        if let root = tree.root, let r = rowOf[root] {
            headline.ceoName = rows[r].name
            headline.ceoShare = rows[r].shareOfTime
        }
        let execs = rows.filter { $0.layer == 1 }
        headline.executiveCount = execs.count
        let capacity = execs.reduce(0.0) { acc, e in
            acc + (model.people[e.person].weeklyHours ?? settings.weeklyHours) * Double(e.employedDays) / 7
        }
        if capacity > 0 { headline.executiveTeamShare = execs.reduce(0.0) { $0 + $1.customerHours } / capacity }
        headline.executivesJudged = execs.filter { $0.cadenceMet != nil }.count
        headline.executivesMetCadence = execs.filter { $0.cadenceMet == true }.count
        for l in layers.sorted(by: { $0.layer > $1.layer }) {
            if let rate = l.contactRate, rate < 0.5 { headline.layerBelowHalf = l.layer; break }
        }
        headline.feedbackReachingExecutives = funnel.first { $0.layer == 1 }?.reach

        // Inactive people who still own customer activity in the period: named by id only.
        let inactive = model.people.filter { !$0.active && !byPerson[$0.index].isEmpty }.map(\.id).sorted()
        var findings = model.orgFindings + tree.findings
        if !inactive.isEmpty {
            findings.append("\(inactive.count) people marked inactive still take part in customer activity in the period: "
                            + inactive.prefix(10).joined(separator: ", ") + (inactive.count > 10 ? ", …" : ""))
        }

        return Metrics(period: period, people: rows, layers: layers, chains: chains, dilutionByLayer: dilution,
                       funnel: funnel, executiveFeedback: execFeedback, accounts: accountRows, logging: logging,
                       headline: headline, orgFindings: findings, depth: tree.depth,
                       windowsInPeriod: windows)
    }

    // MARK: Layers

    /// Linear interpolation between order statistics (numpy's default `linear` method).
    public static func percentile(_ values: [Double], _ q: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    static func layerMetrics(rows: [PersonMetrics], depth: Int, root: Int?, named: Int, minGroup: Int) -> [LayerMetrics] {
        guard root != nil else { return [] }
        var out: [LayerMetrics] = []
        for layer in 0...depth {
            let members = rows.filter { $0.layer == layer }
            let headcount = members.count
            if layer > named && headcount < minGroup {
                out.append(LayerMetrics(layer: layer, headcount: headcount, contactRate: nil, hoursMean: nil, hoursMedian: nil,
                                        hoursP90: nil, shareMedian: nil, cadenceRate: nil, suppressed: true))
                continue
            }
            let hours = members.map(\.customerHours)
            let judged = members.filter { $0.cadenceMet != nil }
            out.append(LayerMetrics(
                layer: layer, headcount: headcount,
                contactRate: headcount == 0 ? nil : Double(members.filter { $0.directContacts > 0 }.count) / Double(headcount),
                hoursMean: headcount == 0 ? nil : hours.reduce(0, +) / Double(headcount),
                hoursMedian: percentile(hours, 0.5), hoursP90: percentile(hours, 0.9),
                shareMedian: percentile(members.compactMap(\.shareOfTime), 0.5),
                cadenceRate: judged.isEmpty ? nil : Double(judged.filter { $0.cadenceMet == true }.count) / Double(judged.count),
                suppressed: false))
        }
        return out
    }

    /// The difference attack: funnel row L counts items captured deeper than L, so row L − row L+1 is
    /// what layer L+1 captured, and the deepest row is what the deepest layer captured. For every
    /// suppressed layer k, row k (or row k−1 when k is the deepest) is blanked, and so is the retention
    /// that would give the blanked reach back.
    static func protectSuppressedLayers(_ funnel: inout [FunnelRow], layers: [LayerMetrics], depth: Int) {
        let suppressed = Set(layers.filter(\.suppressed).map(\.layer))
        for k in suppressed.sorted() {
            let row = k == depth ? k - 1 : k
            guard let i = funnel.firstIndex(where: { $0.layer == row }) else { continue }
            funnel[i] = FunnelRow(layer: row, suppressed: true, items: 0, reached: 0, reach: nil, retention: nil, medianDays: nil)
        }
        for i in funnel.indices where i + 1 < funnel.count && funnel[i + 1].suppressed { funnel[i].retention = nil }
    }

    // MARK: Chains and dilution

    static func chainMetrics(model: CanonicalModel, tree: OrgTree, hasDirect: [Bool], rowOf: [Int?], rows: [PersonMetrics],
                             named: Int, minGroup: Int) -> ([ChainMetrics], [Int: Int]) {
        var dilutionAt = [Int](repeating: 0, count: model.people.count)
        var dilutionByLayer: [Int: Int] = [:]
        var secondHand = [Int](repeating: 0, count: model.people.count)
        var withDirect = [Int](repeating: 0, count: model.people.count)
        var organisation = [Int](repeating: 0, count: model.people.count)
        for p in model.people.indices where tree.layer[p] != nil && rowOf[p] != nil {
            // Walk up from p: every manager above gains p in its organisation.
            var brokenBelow = false
            var current = p
            var firstBreakFound = false
            while let m = tree.manager[current] {
                organisation[m] += 1
                if hasDirect[p] {
                    withDirect[m] += 1
                    if brokenBelow { secondHand[m] += 1 }
                }
                if !hasDirect[m] {
                    if hasDirect[p] && tree.reports[p].isEmpty && !firstBreakFound {
                        dilutionAt[m] += 1
                        dilutionByLayer[tree.layer[m]!, default: 0] += 1
                        firstBreakFound = true
                    }
                    brokenBelow = true
                }
                current = m
            }
        }
        var chains: [ChainMetrics] = []
        for p in model.people.indices where !tree.reports[p].isEmpty && tree.layer[p] != nil && rowOf[p] != nil {
            let layer = tree.layer[p]!
            let suppressed = organisation[p] < minGroup
            chains.append(ChainMetrics(
                person: p, personId: model.people[p].id, name: layer <= named ? model.people[p].name : "",
                layer: layer, hasDirectContact: hasDirect[p], organisation: organisation[p],
                withDirectContact: suppressed ? 0 : withDirect[p], secondHand: suppressed ? 0 : secondHand[p],
                secondHandShare: suppressed || organisation[p] == 0 ? nil : Double(secondHand[p]) / Double(organisation[p]),
                dilutionPoints: dilutionAt[p], suppressed: suppressed))
        }
        chains.sort { ($0.layer, $0.personId) < ($1.layer, $1.personId) }
        return (chains, dilutionByLayer)
    }

    // MARK: Feedback funnel

    static func feedbackFunnel(model: CanonicalModel, tree: OrgTree, depth: Int, named: Int) -> ([FunnelRow], [ExecutiveFeedback]) {
        guard model.hasFeedback, depth > 0 else { return ([], []) }
        // For each item, the earliest instant it reached each layer (by capture or handoff), in one flat
        // array: item i's layer l at `i * width + l`, `.max` where it never did (layers run 0...depth).
        let width = depth + 1
        var firstAt = [Int64](repeating: .max, count: model.feedback.count * width)
        for (i, item) in model.feedback.enumerated() {
            if let l = tree.layer[item.capturedBy] { firstAt[i * width + l] = item.capturedAt }
        }
        // The items handed to each person of a named layer (distinct items: one may be handed twice).
        var handedTo: [Int: Set<Int>] = [:]
        for h in model.handoffs {
            guard let l = tree.layer[h.to] else { continue }
            let at = max(h.at, model.feedback[h.item].capturedAt)
            firstAt[h.item * width + l] = min(firstAt[h.item * width + l], at)
            if l <= named { handedTo[h.to, default: []].insert(h.item) }
        }
        // Layer by layer, an item captured below it counts; it reached the layer when it reached that
        // layer or any above (the earliest of those instants), walked from the top once per item.
        var items = [Int](repeating: 0, count: depth), reached = [Int](repeating: 0, count: depth)
        var days = [[Double]](repeating: [], count: depth)
        for (i, item) in model.feedback.enumerated() {
            guard let captureLayer = tree.layer[item.capturedBy] else { continue }
            var earliest = Int64.max
            for layer in 0..<min(captureLayer, depth) {
                earliest = min(earliest, firstAt[i * width + layer])
                items[layer] += 1
                if earliest != .max {
                    reached[layer] += 1
                    days[layer].append(Double(earliest - item.capturedAt) / 86_400)
                }
            }
        }
        var rows: [FunnelRow] = []
        for layer in 0..<depth {
            rows.append(FunnelRow(layer: layer, items: items[layer], reached: reached[layer],
                                  reach: items[layer] == 0 ? nil : Double(reached[layer]) / Double(items[layer]), retention: nil,
                                  medianDays: percentile(days[layer], 0.5).map { ($0 * 100).rounded() / 100 }))
        }
        for i in rows.indices where i + 1 < rows.count {
            if let here = rows[i].reach, let below = rows[i + 1].reach, below > 0 { rows[i].retention = here / below }
        }
        var capturedBy = [Int](repeating: 0, count: model.people.count)
        for item in model.feedback { capturedBy[item.capturedBy] += 1 }
        var execs: [ExecutiveFeedback] = []
        for p in model.people.indices {
            guard let l = tree.layer[p], l <= named else { continue }
            let handed = handedTo[p, default: []].filter { model.feedback[$0].capturedBy != p }.count
            execs.append(ExecutiveFeedback(person: p, name: model.people[p].name, layer: l, captured: capturedBy[p], handedUp: handed))
        }
        execs.sort { ($0.layer, $0.name) < ($1.layer, $1.name) }
        return (rows, execs)
    }

    // MARK: Accounts and logging

    static func accountCoverage(model: CanonicalModel, tree: OrgTree, named: Int) -> [AccountCoverage] {
        var highest = [Int: Int]()
        var count = [Int: Int]()
        var seen = Set<Int>()
        var met: [Int: Set<Int>] = [:]   // account → people who met it
        for i in model.interactions {
            for a in i.accounts { count[a, default: 0] += 1 }
        }
        for e in model.exposures {
            guard let l = tree.layer[e.person] else { continue }
            for a in model.interactions[e.interaction].accounts {
                seen.insert(a)
                highest[a] = min(highest[a] ?? .max, l)
                met[a, default: []].insert(e.person)
            }
        }
        return count.keys.sorted().map { a in
            var byLayer: [Int: Int] = [:]
            for p in met[a] ?? [] { if let l = tree.layer[p] { byLayer[l, default: 0] += 1 } }
            return AccountCoverage(account: a, name: model.accounts[a].name, highestLayer: highest[a], interactions: count[a] ?? 0,
                                   peopleByLayer: byLayer, metByNamedLayer: (highest[a] ?? .max) <= named)
        }
    }

    static func loggingCoverage(model: CanonicalModel, rows: [PersonMetrics], byPerson: [[Exposure]]) -> [LoggingCoverage] {
        guard model.hasCalendar && model.hasCRM else { return [] }
        return rows.filter(\.named).map { r in
            var cal = 0, calCRM = 0, crm = 0, crmCal = 0
            for e in byPerson[r.person] {
                let i = model.interactions[e.interaction]
                guard i.kind.isDirect else { continue }
                if i.seenIn.contains(.calendar) { cal += 1; if i.seenIn.contains(.crm) { calCRM += 1 } }
                if i.seenIn.contains(.crm) { crm += 1; if i.seenIn.contains(.calendar) { crmCal += 1 } }
            }
            return LoggingCoverage(person: r.person, name: r.name, calendarMeetings: cal, calendarAlsoInCRM: calCRM,
                                   crmActivities: crm, crmAlsoInCalendar: crmCal)
        }
    }
}
