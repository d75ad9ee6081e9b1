import EarshotAggregate
import EarshotModel

/// Builds the report's content from a `ReportInput`, one method per section, in the order a board
/// reads it. Every figure is formatted with `NumberFormat` ("—" for none); every text from an export
/// is interpolated into a `ReportText`, which escapes it in both outputs. Only people with
/// `named == true` are ever shown by name; suppressed groups show their headcount and nothing else.
struct ReportBuilder {
    static let sectionTitles: [(id: String, title: String)] = [
        ("headline", "Headline"),
        ("executives-one-by-one", "Executives one by one"),
        ("layers", "Layers"),
        ("where-feedback-gets-diluted", "Where feedback gets diluted"),
        ("account-coverage", "Account coverage"),
        ("trends", "Trends"),
        ("data-quality", "Data quality"),
        ("the-rules-in-force", "The rules in force"),
    ]

    /// "Executives on average spend about 3% of their time with customers" (DESIGN.md).
    static let executiveAverageShare = 0.03
    /// How many rows the long lists show before pointing to the CSV files.
    static let listLimit = 20

    let input: ReportInput
    var m: Metrics { input.metrics }
    var config: EarshotConfig { input.config }
    /// People shown by name: layer, then name, then id.
    let named: [PersonMetrics]

    init(_ input: ReportInput) {
        self.input = input
        self.named = input.metrics.people.filter(\.named).sorted {
            ($0.layer ?? Int.max, $0.name, $0.personId) < ($1.layer ?? Int.max, $1.name, $1.personId)
        }
    }

    func document() -> ReportDocument {
        let sections: [[ReportBlock]] = [headline(), executives(), layers(), feedback(), accounts(), trends(),
                                         dataQuality(), rules()]
        return ReportDocument(
            title: "\(config.companyName): how far leadership is from the customer",
            subtitle: "Period \(periodName) (\(m.period.from) to \(lastDay), \(m.period.dayCount) days, \(config.timezone) time) · earshot \(input.version)",
            sections: zip(Self.sectionTitles, sections).map { ReportSection(id: $0.0.id, title: $0.0.title, blocks: $0.1) })
    }

    // MARK: Formatting

    func pct(_ v: Double?) -> String { NumberFormat.percent(v) }
    func hrs(_ v: Double?) -> String { v.map { NumberFormat.hours($0) } ?? "—" }
    func int(_ v: Int?) -> String { v.map(String.init) ?? "—" }
    /// A config number without trailing zeros: `40`, `2.5`, `0.05`.
    func num(_ v: Double) -> String {
        var s = NumberFormat.fixed(v, 4)
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
    /// `1 file`, `3 files`.
    func count(_ n: Int, _ one: String, _ many: String) -> ReportText { "\(n) " + ReportText(parts: [.literal(n == 1 ? one : many)]) }
    func yesNo(_ v: Bool?, yes: String = "met", no: String = "missed") -> String { v.map { $0 ? yes : no } ?? "—" }
    /// A layer as our own words (not escaped as data): `0 (CEO)`, `1 (executives)`, `3`.
    func layerName(_ l: Int?) -> ReportText { ReportText(parts: [.literal(layerString(l))]) }
    func layerString(_ l: Int?) -> String {
        guard let l else { return "—" }
        switch l {
        case 0: return "0 (CEO)"
        case 1: return "1 (executives)"
        default: return String(l)
        }
    }
    func shortLayer(_ l: Int) -> String { l == 0 ? "CEO" : "layer \(l)" }

    var periodName: String { m.period.quarterName ?? "\(m.period.from) to \(lastDay)" }
    var lastDay: CivilDate { m.period.to.adding(days: -1) }
    var weeklyHours: Double { config.metrics.weeklyHours }
    /// Hours that a share of time stands for over the whole period for a full-time person.
    func hoursFor(share: Double) -> Double { share * weeklyHours * Double(m.period.dayCount) / 7 }
    var stageText: String {
        switch config.stage {
        case .startup: return "a startup"
        case .midsize: return "a mid-sized company"
        case .enterprise: return "an enterprise (the mid-sized line; no separate figure is published)"
        }
    }
    var ceoTarget: Double { m.headline.ceoTarget }
    var targetReferences: [SVGChart.Reference] {
        [SVGChart.Reference(value: ceoTarget, label: "CEO target \(pct(ceoTarget))", colour: ReportStyle.Colour.vermillion, dashed: false),
         SVGChart.Reference(value: Self.executiveAverageShare, label: "executive average \(pct(Self.executiveAverageShare))",
                            colour: ReportStyle.Colour.orange, dashed: true)]
    }
    func percentAxis(_ v: Double) -> String { NumberFormat.percent(v, places: 0) }

    // MARK: 1. Headline

    func headline() -> [ReportBlock] {
        let h = m.headline
        let w = config.metrics.cadenceWeeks
        var ceo: ReportText
        let who: ReportText = (h.ceoName ?? "").isEmpty ? "The CEO" : "The CEO, \(h.ceoName ?? ""),"
        if let share = h.ceoShare {
            let verdict: ReportText = share >= ceoTarget ? "meeting the target of \(pct(ceoTarget))" : "below the target of \(pct(ceoTarget))"
            ceo = "\(who) spent \(pct(share)) of working time with customers in \(periodName), \(verdict) for \(stageText)."
        } else {
            ceo = "No share of time could be measured for the CEO in \(periodName) (the target for \(stageText) is \(pct(ceoTarget)))."
        }
        let team: ReportText = h.executiveTeamShare.map {
            "The executive team as a whole spent \(pct($0)); executives typically average about 3%."
        } ?? "The executive team's share of time could not be measured (no one at layer 1)."
        var second: [ReportText] = []
        if h.executivesJudged > 0 {
            second.append("\(h.executivesMetCadence) of \(count(h.executivesJudged, "executive", "executives")) met customers in every \(w)-week window; every executive should meet customers about once every six weeks.")
        } else {
            second.append("No executive could be judged on cadence: the period holds no whole \(w)-week window of their employment.")
        }
        if let l = h.layerBelowHalf {
            second.append("Walking up from the frontline, direct customer contact first falls below half of the people at layer \(layerName(l)).")
        } else {
            second.append("No layer with figures falls below half of its people in direct customer contact.")
        }
        if let f = h.feedbackReachingExecutives {
            second.append("\(pct(f)) of frontline feedback reached the executive team.")
        } else if m.funnel.isEmpty {
            second.append("Feedback reach is not measured: no feedback source was given.")
        } else {
            second.append("No frontline feedback was captured in the period, so its reach is not measured.")
        }
        let cadenceFigure = h.executivesJudged > 0 ? "\(h.executivesMetCadence) of \(h.executivesJudged)" : "—"
        let table = ReportTable(
            caption: "Key figures", header: ["Figure", "This period", "Reference"], align: [.left, .right, .left],
            rows: [
                ["CEO share of time with customers", "\(pct(h.ceoShare))", "target \(pct(ceoTarget)) for \(stageText)"],
                ["Executive team share of time", "\(pct(h.executiveTeamShare))", "executives average about 3%"],
                ["Executives meeting customers every \(w) weeks", "\(cadenceFigure)", "every executive, about once every six weeks"],
                ["Layer where direct contact falls below half", h.layerBelowHalf.map { "layer \(layerName($0))" } ?? "—", "half of the layer's people"],
                ["Frontline feedback reaching the executive team", "\(pct(h.feedbackReachingExecutives))", "captured below layer 1, reaching layer 0 or 1"],
            ])
        let chart = ReportChart(
            id: "chart-headline", title: "CEO and executive team share of time with customers against the targets",
            caption: "Read the bars against the lines: the solid line is the CEO target for \(stageText) (\(pct(ceoTarget))), the dashed line the 3% executives average. A bar short of its line is time the leaders are not hearing customers.",
            svg: SVGChart.horizontalBars(
                id: "chart-headline", title: "CEO and executive team share of time with customers against the targets",
                desc: "CEO \(pct(h.ceoShare)) against a target of \(pct(ceoTarget)); executive team \(pct(h.executiveTeamShare)) against the 3% average.",
                xLabel: "Share of working time with customers", yLabel: "Who",
                rows: [("CEO", h.ceoShare), ("Executive team", h.executiveTeamShare)], references: targetReferences,
                valueText: { pct($0) }, axisText: percentAxis))
        return [.lead(ceo + " " + team), .paragraph(ReportText.joined(second, separator: " ")), .table(table), .chart(chart)]
    }

    // MARK: 2. Executives one by one

    func executives() -> [ReportBlock] {
        guard !named.isEmpty else {
            return [.paragraph("No one at layers 0 to \(config.report.namedLayers) was found in the org chart for this period.")]
        }
        let windows = m.windowsInPeriod.map { w -> ReportText in
            w.whole ? "\(w.first.description) to \(w.last.description)" : "\(w.first.description) to \(w.last.description) (short, not judged)"
        }
        var rows: [[ReportText]] = []
        for (i, p) in named.enumerated() {
            let strip = ReportText.markup(html: SVGChart.cadenceStrip(id: "strip-\(i + 1)", windows: p.windows),
                                          markdown: SVGChart.cadenceStripText(p.windows))
            let cadence: ReportText = strip + " \(yesNo(p.cadenceMet, no: "missed").replacingOccurrences(of: "—", with: "not judged"))"
            rows.append([.data(p.name.isEmpty ? "(no name)" : p.name), .data(p.title.isEmpty ? "—" : p.title),
                         "\(int(p.layer))", "\(hrs(p.customerHours))", "\(pct(p.shareOfTime))", "\(p.contacts)",
                         "\(p.distinctAccounts)", cadence, "\(yesNo(p.exposureMet))", "\(p.longestGapDays)",
                         "\(int(p.daysSinceLast))", "\(int(p.hopsToCustomer))"])
        }
        let table = ReportTable(
            caption: "Named leaders: customer time, contacts and cadence",
            header: ["Name", "Title", "Layer", "Customer hours", "Share of time", "Contacts", "Accounts", "Cadence",
                     "Exposure \(num(config.metrics.exposureHours)) h", "Longest gap (days)", "Days since last", "Hops to customer"],
            align: [.left, .left, .right, .right, .right, .right, .right, .left, .left, .right, .right, .right],
            rows: rows)
        let chartTitle = "Share of working time with customers, per named leader"
        let chart = ReportChart(
            id: "chart-executives", title: chartTitle,
            caption: "Each bar is one person's share of working time spent with customers. The solid line is the CEO target (\(pct(ceoTarget))), the dashed line the 3% executives average: a bar left of the dashed line is below even the typical executive.",
            svg: SVGChart.horizontalBars(
                id: "chart-executives", title: chartTitle,
                desc: named.map { "\($0.name): \(pct($0.shareOfTime))" }.joined(separator: "; "),
                xLabel: "Share of working time with customers", yLabel: "Person",
                rows: named.map { (label: $0.name.isEmpty ? "(no name)" : $0.name, value: $0.shareOfTime) },
                references: targetReferences, valueText: { pct($0) }, axisText: percentAxis))
        return [
            .paragraph("Everyone at layers 0 to \(config.report.namedLayers) is shown by name (\(count(named.count, "person", "people"))); deeper layers appear only in aggregate. Share of time is customer hours over each person's working time (\(num(weeklyHours)) hours a week over their employed days)."),
            .paragraph("Cadence: one box per \(config.metrics.cadenceWeeks)-week window from the period's first day, filled (■) when it holds a direct contact, outlined (□) when it holds none, grey (▨) when it is not judged. Windows: " + ReportText.joined(windows, separator: ", ") + "."),
            .table(table),
            .chart(chart),
        ]
    }

    // MARK: 3. Layers

    var sortedLayers: [LayerMetrics] { m.layers.sorted { $0.layer < $1.layer } }

    func layers() -> [ReportBlock] {
        let minGroup = config.report.minGroupSize
        let rows: [[ReportText]] = sortedLayers.map { l in
            if l.suppressed {
                return ["\(layerName(l.layer))", "\(l.headcount)", "suppressed (fewer than \(minGroup) people)", "—", "—", "—", "—", "—"]
            }
            return ["\(layerName(l.layer))", "\(l.headcount)", "\(pct(l.contactRate))", "\(hrs(l.hoursMean))", "\(hrs(l.hoursMedian))",
                    "\(hrs(l.hoursP90))", "\(pct(l.shareMedian))", "\(pct(l.cadenceRate))"]
        }
        let table = ReportTable(
            caption: "Customer contact by layer",
            header: ["Layer", "Headcount", "With direct contact", "Hours mean", "Hours median", "Hours p90", "Share of time (median)", "Met cadence"],
            align: [.left, .right, .right, .right, .right, .right, .right, .right], rows: rows)
        let ceoHours = hoursFor(share: ceoTarget)
        let avgHours = hoursFor(share: Self.executiveAverageShare)
        let upward = sortedLayers.reversed()
        let hoursTitle = "Customer hours per person by layer against the targets"
        let hoursChart = ReportChart(
            id: "chart-layer-hours", title: hoursTitle,
            caption: "Bars are the mean customer hours per person in each layer, dots the median, from the frontline (left) up to the CEO (right). The solid line is the CEO target of \(pct(ceoTarget)) (\(hrs(ceoHours)) hours), the dashed line the 3% executive average (\(hrs(avgHours)) hours) over this period.",
            svg: SVGChart.columns(
                id: "chart-layer-hours", title: hoursTitle,
                desc: upward.map { $0.suppressed ? "\(shortLayer($0.layer)): suppressed" : "\(shortLayer($0.layer)): mean \(hrs($0.hoursMean)) h, median \(hrs($0.hoursMedian)) h" }.joined(separator: "; "),
                xLabel: "Layer, from the frontline up to the CEO", yLabel: "Customer hours per person",
                columns: upward.map { l in
                    (label: shortLayer(l.layer), bar: l.suppressed ? nil : l.hoursMean, dot: l.suppressed ? nil : l.hoursMedian,
                     note: l.suppressed ? "suppressed" : nil)
                },
                barLegend: "mean", dotLegend: "median",
                references: [
                    SVGChart.Reference(value: ceoHours, label: "CEO target \(hrs(ceoHours)) h", colour: ReportStyle.Colour.vermillion, dashed: false),
                    SVGChart.Reference(value: avgHours, label: "3% average \(hrs(avgHours)) h", colour: ReportStyle.Colour.orange, dashed: true),
                ],
                valueText: { hrs($0) }, axisText: { num($0) }))
        let decayTitle = "How direct customer contact decays up the layers"
        let decayChart = ReportChart(
            id: "chart-decay", title: decayTitle,
            caption: "Read from left to right: the share of people with any direct customer contact at each layer, from the deepest layer up to the CEO. Where the line falls under the dashed 50% line, customers are no longer part of most people's work. Suppressed layers leave a gap.",
            svg: SVGChart.lines(
                id: "chart-decay", title: decayTitle,
                desc: upward.map { "\(shortLayer($0.layer)): \($0.suppressed ? "suppressed" : pct($0.contactRate))" }.joined(separator: "; "),
                xLabel: "Layer, from the frontline up to the CEO", yLabel: "People with direct contact",
                categories: upward.map { shortLayer($0.layer) },
                series: [SVGChart.Series(name: "with direct contact", colour: ReportStyle.Colour.blue,
                                         values: upward.map { $0.suppressed ? nil : $0.contactRate })],
                references: [SVGChart.Reference(value: 0.5, label: "half", colour: ReportStyle.Colour.purple, dashed: true)],
                yFloor: 1, gapNote: "suppressed", pointLabels: true, valueText: { pct($0) }, axisText: percentAxis))
        return [
            .paragraph("Layer 0 is the root of the org tree (normally the CEO); the deepest layer is \(m.depth). Hours count everyone in the layer, zeros included. A layer deeper than \(config.report.namedLayers) with fewer than \(minGroup) people is suppressed: its headcount is shown, its figures are not."),
            .paragraph("Over the \(m.period.dayCount) days of \(periodName), with a \(num(weeklyHours))-hour week, the CEO target of \(pct(ceoTarget)) is \(hrs(ceoHours)) customer hours and the 3% executive average is \(hrs(avgHours)) hours."),
            .table(table), .chart(hoursChart), .chart(decayChart),
        ]
    }

    // MARK: 4. Where feedback gets diluted

    func managerLabel(_ c: ChainMetrics) -> ReportText {
        if !c.name.isEmpty && c.layer <= config.report.namedLayers { return .data(c.name) }
        return c.layer == 0 ? "the CEO" : "a layer-\(c.layer) manager"
    }

    func feedback() -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        blocks.append(.subheading("Feedback funnel"))
        if m.funnel.isEmpty {
            blocks.append(.paragraph("No feedback source was given, so this report cannot show how much frontline feedback reaches each layer."))
        } else {
            let rows = m.funnel.sorted { $0.layer > $1.layer }
            blocks.append(.paragraph("For each layer, the feedback items captured by people deeper in the org and how many of them reached anyone at that layer or above, from the frontline up."))
            blocks.append(.table(ReportTable(
                caption: "Feedback funnel by layer",
                header: ["Layer", "Items captured below", "Reached this layer or above", "Reach", "Retention from the layer below", "Median days to reach"],
                align: [.left, .right, .right, .right, .right, .right],
                rows: rows.map { r in
                    r.suppressed
                        ? ["\(layerName(r.layer))", "suppressed (it would reveal a small layer by difference)", "—", "—", "—", "—"]
                        : ["\(layerName(r.layer))", "\(r.items)", "\(r.reached)", "\(pct(r.reach))", "\(pct(r.retention))",
                           "\(r.medianDays.map { NumberFormat.fixed($0, 2) } ?? "—")"]
                })))
            let title = "Share of frontline feedback that reaches each layer"
            blocks.append(.chart(ReportChart(
                id: "chart-funnel", title: title,
                caption: "Each column is the share of feedback captured below a layer that reached someone at that layer or above, from the frontline (left) up to the CEO (right). Each step down is feedback lost on the way up.",
                svg: SVGChart.columns(
                    id: "chart-funnel", title: title,
                    desc: rows.map { "\(shortLayer($0.layer)): \(pct($0.reach))" }.joined(separator: "; "),
                    xLabel: "Layer, from the frontline up to the CEO", yLabel: "Feedback reaching the layer",
                    columns: rows.map { (label: shortLayer($0.layer), bar: $0.reach, dot: nil, note: $0.suppressed ? "suppressed" : $0.reach == nil ? "no items" : nil) },
                    barLegend: "reach", dotLegend: nil, references: [], valueText: { pct($0) }, axisText: percentAxis))))
            let execRows = m.executiveFeedback.sorted { ($0.layer, $0.name, $0.person) < ($1.layer, $1.name, $1.person) }
            if !execRows.isEmpty {
                blocks.append(.table(ReportTable(
                    caption: "Feedback that reached each named leader",
                    header: ["Person", "Layer", "Captured directly", "Handed up", "Total"],
                    align: [.left, .right, .right, .right, .right],
                    rows: execRows.map { e in
                        let who: ReportText = e.name.isEmpty || e.layer > config.report.namedLayers ? "a layer-\(e.layer) leader" : .data(e.name)
                        return [who, "\(layerName(e.layer))", "\(e.captured)", "\(e.handedUp)", "\(e.captured + e.handedUp)"]
                    })))
            }
        }

        blocks.append(.subheading("Where reporting chains break"))
        let dilution = m.dilutionByLayer.sorted { $0.key < $1.key }.filter { $0.value > 0 }
        let total = dilution.reduce(0) { $0 + $1.value }
        if let top = dilution.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), total > 0 {
            blocks.append(.paragraph("Walking up from each frontline person with direct customer contact, the first manager without direct contact of their own is where that chain breaks. Chains break most often at layer \(layerName(top.key)): \(top.value) of \(total) chains."))
            blocks.append(.table(ReportTable(
                caption: "Dilution points by layer", header: ["Layer", "Chains that break here", "Share of chains"],
                align: [.left, .right, .right],
                rows: dilution.map { ["\(layerName($0.key))", "\($0.value)", "\(pct(Double($0.value) / Double(total)))"] })))
        } else {
            blocks.append(.paragraph("No chain breaks: every frontline person with direct contact reports through managers who have direct contact too, or no one at the frontline has direct contact."))
        }

        blocks.append(.subheading("Managers who hear customers second-hand"))
        let visible = m.chains.filter { !$0.suppressed && $0.secondHandShare != nil }
            .sorted { a, b in
                if a.secondHandShare! != b.secondHandShare! { return a.secondHandShare! > b.secondHandShare! }
                return (a.layer, a.personId) < (b.layer, b.personId)
            }
        let suppressedCount = m.chains.filter(\.suppressed).count
        if visible.isEmpty {
            blocks.append(.paragraph("No manager's organisation has customer contact to measure."))
        } else {
            let shown = Array(visible.prefix(10))
            blocks.append(.paragraph("The managers with the largest second-hand share: the part of their organisation's customer contact that reaches them only through a manager who has none. Managers below the named layers are not named."))
            blocks.append(.table(ReportTable(
                caption: "Managers by second-hand share",
                header: ["Manager", "Layer", "Organisation", "With direct contact", "Reaching them second-hand", "Second-hand share", "Own direct contact"],
                align: [.left, .right, .right, .right, .right, .right, .left],
                rows: shown.map { c in
                    let own = c.layer <= config.report.namedLayers && !c.name.isEmpty ? (c.hasDirectContact ? "yes" : "no") : "—"
                    return [managerLabel(c), "\(layerName(c.layer))", "\(c.organisation)", "\(c.withDirectContact)", "\(c.secondHand)",
                            "\(pct(c.secondHandShare))", "\(own)"]
                })))
            if visible.count > shown.count {
                blocks.append(.note("More managers are listed in data/chains.csv: \(visible.count - shown.count)."))
            }
        }
        if suppressedCount > 0 {
            blocks.append(.note("Managers whose organisation has fewer than \(config.report.minGroupSize) people are not shown (suppressed): \(suppressedCount)."))
        }
        return blocks
    }

    // MARK: 5. Account coverage

    func accounts() -> [ReportBlock] {
        let all = m.accounts
        guard !all.isEmpty else { return [.paragraph("No account had customer activity in the period.")] }
        let unmet = all.filter { !$0.metByNamedLayer }
            .sorted { ($1.interactions, $0.name, $0.account) < ($0.interactions, $1.name, $1.account) }
        let named = config.report.namedLayers
        var blocks: [ReportBlock] = [
            .lead("\(count(all.count, "account", "accounts")) had customer activity in \(periodName); no one at layers 0 to \(named) met \(unmet.count) of them."),
        ]
        var byLayer: [Int: Int] = [:]
        var noLayer = 0
        for a in all { if let l = a.highestLayer { byLayer[l, default: 0] += 1 } else { noLayer += 1 } }
        var dist: [(label: String, count: Int)] = byLayer.sorted { $0.key < $1.key }.map { (layerString($0.key), $0.value) }
        if noLayer > 0 { dist.append(("no layer", noLayer)) }
        blocks.append(.table(ReportTable(
            caption: "Accounts by the highest layer that met them", header: ["Highest layer that met the account", "Accounts"],
            align: [.left, .right], rows: dist.map { [ReportText(parts: [.literal($0.label)]), "\($0.count)"] })))
        let title = "Accounts by the highest layer that met them"
        blocks.append(.chart(ReportChart(
            id: "chart-accounts", title: title,
            caption: "Each column counts the accounts whose most senior contact in the period sat at that layer. Columns right of layer \(named) are accounts no named leader met.",
            svg: SVGChart.columns(
                id: "chart-accounts", title: title,
                desc: dist.map { "\($0.label): \($0.count)" }.joined(separator: "; "),
                xLabel: "Highest layer that met the account (CEO on the left)", yLabel: "Accounts",
                columns: dist.map { (label: $0.label.replacingOccurrences(of: " (executives)", with: " (execs)"), bar: Double($0.count), dot: nil, note: nil) },
                barLegend: "accounts", dotLegend: nil, references: [], minStep: 1, valueText: { NumberFormat.fixed($0, 0) },
                axisText: { num($0) }))))
        blocks.append(.subheading("Accounts no named leader met"))
        if unmet.isEmpty {
            blocks.append(.paragraph("Every account with activity was met by someone at layers 0 to \(named)."))
        } else {
            blocks.append(.table(ReportTable(
                caption: "Accounts no one at a named layer met", header: ["Account", "Interactions", "Highest layer that met it"],
                align: [.left, .right, .left],
                rows: unmet.map { [.data($0.name), "\($0.interactions)", "\(layerName($0.highestLayer))"] })))
        }
        blocks.append(.subheading("All accounts with activity"))
        let sorted = all.sorted { a, b in
            let la = a.highestLayer ?? Int.max, lb = b.highestLayer ?? Int.max
            if la != lb { return la < lb }
            if a.interactions != b.interactions { return a.interactions > b.interactions }
            return (a.name, a.account) < (b.name, b.account)
        }
        blocks.append(.table(ReportTable(
            caption: "Every account with activity", header: ["Account", "Interactions", "Highest layer that met it", "Met at a named layer", "People who met it, by layer"],
            align: [.left, .right, .left, .left, .left],
            rows: sorted.map { a in
                // Counts below min_group_size at unnamed layers are shown as "<N", never exactly.
                let byLayer = a.peopleByLayer.keys.sorted().map { l -> String in
                    let n = a.peopleByLayer[l]!
                    return l > config.report.namedLayers && n < config.report.minGroupSize ? "L\(l): <\(config.report.minGroupSize)" : "L\(l): \(n)"
                }.joined(separator: ", ")
                return [.data(a.name), "\(a.interactions)", "\(layerName(a.highestLayer))", "\(a.metByNamedLayer ? "yes" : "no")",
                        "\(byLayer.isEmpty ? "—" : byLayer)"]
            })))
        return blocks
    }

    // MARK: 6. Trends

    func trends() -> [ReportBlock] {
        guard !input.trends.isEmpty else {
            if input.historyGiven {
                return [.paragraph("No earlier runs in the history store yet: this run is the first; trends appear from the next run on.")]
            }
            return [.paragraph("No history given (run with --history FILE to see trends).")]
        }
        let thisRun = TrendPoint(period: periodName, runAt: "", ceoShare: m.headline.ceoShare,
                                 executiveTeamShare: m.headline.executiveTeamShare,
                                 layerHoursMean: Dictionary(uniqueKeysWithValues: m.layers.compactMap { l in
                                     l.suppressed ? nil : l.hoursMean.map { (l.layer, $0) }
                                 }))
        let points = input.trends + [thisRun]
        func runLabel(_ i: Int) -> String { i == points.count - 1 ? "this report" : points[i].runAt }
        var blocks: [ReportBlock] = [
            .paragraph("Earlier runs from the history store, oldest first, and this report last."),
            .table(ReportTable(
                caption: "Earlier runs", header: ["Period", "Run at (UTC)", "CEO share", "Executive team share"],
                align: [.left, .left, .right, .right],
                rows: points.indices.map { i in
                    [.data(points[i].period), .data(runLabel(i)), "\(pct(points[i].ceoShare))", "\(pct(points[i].executiveTeamShare))"]
                })),
        ]
        let title = "CEO and executive team share of time over time"
        blocks.append(.chart(ReportChart(
            id: "chart-trends", title: title,
            caption: "Read the lines against the solid CEO target and the dashed 3% line: a line moving toward its target means leaders spend more time with customers than in earlier runs.",
            svg: SVGChart.lines(
                id: "chart-trends", title: title,
                desc: points.indices.map { "\(points[$0].period) \(runLabel($0)): CEO \(pct(points[$0].ceoShare)), executive team \(pct(points[$0].executiveTeamShare))" }.joined(separator: "; "),
                xLabel: "Run, oldest first", yLabel: "Share of working time",
                categories: points.indices.map { i in i == points.count - 1 ? "this report" : points[i].period },
                series: [SVGChart.Series(name: "CEO", colour: ReportStyle.Colour.blue, values: points.map(\.ceoShare)),
                         SVGChart.Series(name: "executive team", colour: ReportStyle.Colour.green, values: points.map(\.executiveTeamShare))],
                references: targetReferences, yFloor: 0.01, pointLabels: points.count <= 8, valueText: { pct($0) },
                axisText: percentAxis))))
        let layerKeys = Set(points.flatMap { $0.layerHoursMean.keys }).sorted()
        if !layerKeys.isEmpty {
            blocks.append(.table(ReportTable(
                caption: "Mean customer hours per person by layer, per run",
                header: ["Period", "Run at (UTC)"] + layerKeys.map { "Layer " + layerString($0) },
                align: [.left, .left] + layerKeys.map { _ in .right },
                rows: points.indices.map { i in
                    [.data(points[i].period), .data(runLabel(i))] + layerKeys.map { "\(hrs(points[i].layerHoursMean[$0]))" }
                })))
        }
        return blocks
    }

    // MARK: 7. Data quality

    func dataQuality() -> [ReportBlock] {
        let files = input.ledger.files
        let read = files.reduce(0) { $0 + $1.read }
        let accepted = files.reduce(0) { $0 + $1.accepted }
        let merged = files.reduce(0) { $0 + $1.merged }
        let ignored = files.reduce(0) { $0 + $1.ignoredTotal }
        let rejected = files.reduce(0) { $0 + $1.rejected }
        var blocks: [ReportBlock] = [
            .lead("\(count(read, "row", "rows")) read from \(count(files.count, "file", "files")): \(accepted) accepted, \(merged) merged as duplicates, \(ignored) ignored by a named rule, \(rejected) rejected (\(pct(read == 0 ? nil : Double(rejected) / Double(read))))."),
            .subheading("Every row accounted for"),
            .table(ReportTable(
                caption: "Ledger per input file",
                header: ["File", "Read", "Accepted", "Merged", "Ignored", "Ignored by rule", "Rejected", "Rejected share"],
                align: [.left, .right, .right, .right, .right, .left, .right, .right],
                rows: files.map { f in
                    let rules = f.ignored.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
                    return [.data(f.file), "\(f.read)", "\(f.accepted)", "\(f.merged)", "\(f.ignoredTotal)",
                            .data(rules.isEmpty ? "—" : rules), "\(f.rejected)", "\(pct(f.rejectShare))"]
                })),
        ]

        blocks.append(.subheading("Rejected rows"))
        let rejects = input.ledger.rejects
        if rejects.isEmpty {
            blocks.append(.paragraph("No row was rejected."))
        } else {
            var byReason: [RejectReason: Int] = [:]
            for r in rejects { byReason[r.reason, default: 0] += 1 }
            let reasons = byReason.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }
            blocks.append(.table(ReportTable(
                caption: "Rejected rows by reason", header: ["Reason", "Rows"], align: [.left, .right],
                rows: reasons.map { [.data($0.key.rawValue), "\($0.value)"] })))
            let first = rejects.prefix(Self.listLimit)
            blocks.append(.table(ReportTable(
                caption: "The first \(first.count) rejected rows", header: ["File", "Line", "Reason", "Detail"],
                align: [.left, .right, .left, .left],
                rows: first.map { [.data($0.location.file), "\($0.location.line)", .data($0.reason.rawValue), .data($0.detail)] })))
            if rejects.count > first.count {
                blocks.append(.note("More rejected rows are listed in data/rejects.csv: \(rejects.count - first.count)."))
            }
        }

        blocks.append(.subheading("Names that matched nobody"))
        let unresolved = input.unresolvedNames.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        if unresolved.isEmpty {
            blocks.append(.paragraph("Every attendee name resolved to a person or an address."))
        } else {
            let top = unresolved.prefix(Self.listLimit)
            blocks.append(.table(ReportTable(
                caption: "Unresolved names, most frequent first", header: ["Name as written", "Times seen"], align: [.left, .right],
                rows: top.map { [.data($0.key), "\($0.value)"] })))
            if unresolved.count > top.count {
                blocks.append(.note("More unresolved names not listed here: \(unresolved.count - top.count)."))
            }
        }

        blocks.append(.subheading("Broadcasts"))
        if input.broadcasts.isEmpty {
            blocks.append(.paragraph("No broadcast (more than \(config.metrics.broadcastThreshold) external participants) was found."))
        } else {
            let zone = m.period.zone
            let sorted = input.broadcasts.sorted {
                ($0.start, $0.subject, $0.source.file, $0.source.line) < ($1.start, $1.subject, $1.source.file, $1.source.line)
            }
            let shown = sorted.prefix(Self.listLimit)
            blocks.append(.paragraph("Events with more than \(config.metrics.broadcastThreshold) external participants (webinars, conferences) are counted here, not as customer time: \(input.broadcasts.count) found."))
            blocks.append(.table(ReportTable(
                caption: "Broadcasts", header: ["Date", "Subject", "External participants"], align: [.left, .left, .right],
                rows: shown.map { ["\(zone.date(ofUTC: $0.start).description)", .data($0.subject.isEmpty ? "(no subject)" : $0.subject), "\($0.externalCount)"] })))
            if sorted.count > shown.count {
                blocks.append(.note("More broadcasts not listed here: \(sorted.count - shown.count)."))
            }
        }

        blocks.append(.subheading("Org chart findings"))
        if m.orgFindings.isEmpty {
            blocks.append(.paragraph("None: the org chart forms one tree."))
        } else {
            blocks.append(.list(m.orgFindings.map { .data($0) }))
        }

        blocks.append(.subheading("Logging coverage: calendar and CRM"))
        let namedIndex = Set(named.map(\.person))
        let logging = m.logging.filter { namedIndex.contains($0.person) && !$0.name.isEmpty }
            .sorted { ($0.name, $0.person) < ($1.name, $1.person) }
        if logging.isEmpty {
            blocks.append(.paragraph("No named leader has calendar or CRM customer activity to compare."))
        } else {
            blocks.append(.paragraph("For each named leader: how many calendar customer meetings the CRM also holds, and how many CRM activities the calendar also holds. A low share is what a report built from that one source would miss."))
            blocks.append(.table(ReportTable(
                caption: "Calendar and CRM logging coverage",
                header: ["Person", "Calendar customer meetings", "Also in CRM", "Share in CRM", "CRM activities", "Also in calendar", "Share in calendar"],
                align: [.left, .right, .right, .right, .right, .right, .right],
                rows: logging.map { l in
                    [.data(l.name), "\(l.calendarMeetings)", "\(l.calendarAlsoInCRM)", "\(pct(l.calendarShareInCRM))", "\(l.crmActivities)",
                     "\(l.crmAlsoInCalendar)", "\(pct(l.crmShareInCalendar))"]
                })))
        }
        return blocks
    }

    // MARK: 8. The rules in force

    func rules() -> [ReportBlock] {
        let c = config
        let list: ([String]) -> String = { $0.isEmpty ? "—" : $0.joined(separator: ", ") }
        let period: String
        if let q = c.quarter { period = q } else if let f = c.from, let t = c.to { period = "from \(f) to \(t)" } else { period = periodName }
        func ours(_ t: String) -> ReportText { ReportText(parts: [.literal(t)]) }
        let settings: [(String, ReportText)] = [
            ("company.name", .data(c.companyName)),
            ("company.domains", .data(list(c.companyDomains))),
            ("company.timezone", .data(c.timezone)),
            ("company.stage", ours("\(c.stage.rawValue) (CEO target \(pct(ceoTarget)))")),
            ("period", "\(period): \(m.period.from) to \(lastDay) inclusive, \(m.period.dayCount) days"),
            ("metrics.weekly_hours", ours(num(c.metrics.weeklyHours))),
            ("metrics.cadence_weeks", ours(String(c.metrics.cadenceWeeks))),
            ("metrics.exposure_hours", ours(num(c.metrics.exposureHours))),
            ("metrics.broadcast_threshold", ours(String(c.metrics.broadcastThreshold))),
            ("metrics.all_day_hours", ours(num(c.metrics.allDayHours))),
            ("metrics.ignore_domains", .data(list(c.metrics.ignoreDomains))),
            ("report.named_layers", ours(String(c.report.namedLayers))),
            ("report.min_group_size", ours(String(c.report.minGroupSize))),
            ("quality.max_reject_share", ours("\(num(c.maxRejectShare)) (\(pct(c.maxRejectShare)))")),
        ]
        var blocks: [ReportBlock] = [
            .paragraph("Everything this report counted, and how. Produced by earshot \(input.version)."),
            .subheading("Configuration"),
            .table(ReportTable(caption: "Configuration values", header: ["Setting", "Value"],
                               rows: settings.map { [ours($0.0), $0.1] })),
            .subheading("Sources"),
        ]
        if !c.sources.isEmpty {
            blocks.append(.table(ReportTable(
                caption: "Sources named in the config", header: ["Kind", "Path", "Preset"],
                rows: c.sources.map { [.data($0.kind.rawValue), .data($0.path), .data($0.preset)] })))
        }
        if input.presets.isEmpty {
            blocks.append(.paragraph("No input file was read."))
        } else {
            blocks.append(.table(ReportTable(
                caption: "Files read and the preset each was read with", header: ["File", "Preset"],
                rows: input.presets.map { [.data($0.file), .data($0.preset)] })))
        }
        let w = c.metrics.cadenceWeeks
        blocks.append(.subheading("Definitions"))
        blocks.append(.list([
            "Customer: an address whose domain belongs to an account, or a contact linked to one (with no accounts source, any address outside the company's domains and ignore_domains). Vendors, auditors and personal mail are never customers.",
            "Customer-facing: an interaction with at least one customer participant that is not cancelled, deleted, marked free or a broadcast (more than \(c.metrics.broadcastThreshold) external participants).",
            "Direct contact: a customer-facing meeting, call or visit; e-mail is not.",
            "Customer hours: the length of the union of a person's customer-facing meeting and call intervals (and visits when all_day_hours is above 0), clipped to the period; overlapping meetings count once.",
            "Share of time: customer hours divided by the person's working time, weekly hours × employed days ÷ 7.",
            "Contacts: distinct customer-facing interactions the person took part in, e-mails included; accounts are the distinct accounts among them.",
            "Cadence: the period is cut into \(w)-week windows from its first day; a person meets the cadence when every whole window inside their employment holds the start of a direct contact. The short tail window is shown but not judged.",
            "Exposure: every judged window holds at least \(num(c.metrics.exposureHours)) hours of the person's customer time.",
            "Longest gap: the longest run of consecutive employed days that no direct contact touches.",
            "Days since last: days from the last day a direct contact touches to the person's last employed day in the period.",
            "Hops to customer: 0 with a direct contact; otherwise 1 + the fewest hops among the person's direct reports; blank when nobody below has a direct contact.",
            "Layer: 0 is the root of the org tree (normally the CEO); frontline people have no reports. Layers are derived from the manager links, never imported.",
            "Second-hand share: the share of a manager's organisation whose customer contact reaches them only through at least one manager without direct contact.",
            "Dilution point: walking up from a frontline person with direct contact, the first manager who has no direct contact.",
            "Reach and retention: reach at layer L is the share of feedback captured below L that reached anyone at L or above; retention is reach at L divided by reach at the layer below.",
            "Privacy: people at layers 0 to \(c.report.namedLayers) appear by name; everyone else only in aggregate, and a group smaller than \(c.report.minGroupSize) people is suppressed.",
        ]))
        blocks.append(.subheading("Where the reference figures come from"))
        blocks.append(.list([
            "Startup CEOs should spend at least 50% of their time with customers; mid-sized companies' CEOs about 25%.",
            "Executives on average spend about 3% of their time with customers.",
            "Executives should meet customers face to face about once every six weeks; the user exposure hours practice asks for at least 2 hours of direct exposure every 6 weeks.",
            "Layers of management add interpretation, aggregation and miscommunication: frontline feedback is lost or diluted on its way up.",
        ]))
        return blocks
    }
}
