import Testing
import Foundation
import TestSupport
@testable import EarshotAggregate
import EarshotModel
@testable import EarshotRender

/// A hand-made company for 2026-Q3 (92 days, 40-hour weeks, mid-sized: CEO target 25%):
/// a CEO, two executives with hostile names, six directors (layer 2, shown only in aggregate here),
/// and a suppressed layer 3 of three people, one of whom is listed as an unnamed person.
enum Sample {
    static let hostileScript = "<script>alert(1)</script>"
    static let hostileAttr = "\"onmouseover=x"
    static let pipe = "a|b"
    static let newline = "x\ny"
    static let bidi = "evil\u{202E}txt.exe"

    static let unnamedEmail = "hidden.frontline@acme.example"
    static let unnamedId = "P-SECRET-99"
    static let hiddenManagerId = "M-HIDDEN-7"
    static let hiddenManagerName = "Secret Boss"

    static func window(_ first: Int, _ last: Int, whole: Bool, contacts: Int) -> WindowResult {
        let start = CivilDate(year: 2026, month: 7, day: 1)!
        return WindowResult(first: start.adding(days: first), last: start.adding(days: last), whole: whole, judged: whole,
                            directContacts: contacts, hours: Double(contacts))
    }

    static func person(_ index: Int, id: String, email: String, name: String, title: String, layer: Int, hours: Double,
                       share: Double?, named: Bool, windows: [WindowResult]) -> PersonMetrics {
        PersonMetrics(person: index, personId: id, email: email, name: name, title: title, layer: layer, customerHours: hours,
                      shareOfTime: share, contacts: 4, directContacts: 3, distinctAccounts: 2, distinctCustomerPeople: 3,
                      inPersonShare: nil, cadenceMet: windows.contains { $0.judged && $0.directContacts == 0 } ? false : true,
                      exposureMet: true, longestGapDays: 17, daysSinceLast: 5, hopsToCustomer: 0, employedDays: 92,
                      windows: windows, named: named)
    }

    static func input(trends: [TrendPoint] = []) -> ReportInput {
        var config = EarshotConfig()
        config.companyName = "Acme Corp"
        config.companyDomains = ["acme.example"]
        config.quarter = "2026-Q3"
        config.sources = [SourceConfig(kind: .calendar, path: "calendars/*.csv", preset: "outlook-calendar")]
        let period = Period(quarter: "2026-Q3", zone: .utc)!
        // Three windows: two whole 6-week windows (days 0–41, 42–83) and a short tail (84–91).
        let met = [window(0, 41, whole: true, contacts: 2), window(42, 83, whole: true, contacts: 1), window(84, 91, whole: false, contacts: 0)]
        let missed = [window(0, 41, whole: true, contacts: 1), window(42, 83, whole: true, contacts: 0), window(84, 91, whole: false, contacts: 1)]
        let people = [
            person(0, id: "P-CEO", email: "ada@acme.example", name: "Ada Chief", title: "Chief Executive", layer: 0, hours: 36.8,
                   share: 0.07, named: true, windows: met),
            person(1, id: "P-E1", email: "e1@acme.example", name: hostileScript, title: hostileAttr, layer: 1, hours: 10,
                   share: 0.019, named: true, windows: met),
            person(2, id: "P-E2", email: "e2@acme.example", name: pipe + bidi, title: newline, layer: 1, hours: 12,
                   share: 0.0228, named: true, windows: missed),
            person(3, id: unnamedId, email: unnamedEmail, name: "", title: "Rep", layer: 3, hours: 88.88, share: 0.1691,
                   named: false, windows: met),
        ]
        let layers = [
            LayerMetrics(layer: 0, headcount: 1, contactRate: 1, hoursMean: 36.8, hoursMedian: 36.8, hoursP90: 36.8, shareMedian: 0.07,
                         cadenceRate: 1, suppressed: false),
            LayerMetrics(layer: 1, headcount: 2, contactRate: 1, hoursMean: 11, hoursMedian: 11, hoursP90: 11.8, shareMedian: 0.0209,
                         cadenceRate: 0.5, suppressed: false),
            LayerMetrics(layer: 2, headcount: 6, contactRate: 0.3333, hoursMean: 4.5, hoursMedian: 0, hoursP90: 12, shareMedian: 0.0086,
                         cadenceRate: 0.1667, suppressed: false),
            // Suppressed, yet carrying distinctive figures (77.77 hours, 61.2%): none may be printed.
            LayerMetrics(layer: 3, headcount: 3, contactRate: 0.612, hoursMean: 77.77, hoursMedian: 77.77, hoursP90: 77.77,
                         shareMedian: 0.612, cadenceRate: 0.612, suppressed: true),
        ]
        let chains = [
            ChainMetrics(person: 0, personId: "P-CEO", name: "Ada Chief", layer: 0, hasDirectContact: true, organisation: 11,
                         withDirectContact: 6, secondHand: 3, secondHandShare: 0.5, dilutionPoints: 0, suppressed: false),
            // Below the named layers: must appear as "a layer-3 manager" even though a name slipped in.
            ChainMetrics(person: 7, personId: hiddenManagerId, name: hiddenManagerName, layer: 3, hasDirectContact: false,
                         organisation: 8, withDirectContact: 4, secondHand: 3, secondHandShare: 0.75, dilutionPoints: 3, suppressed: false),
            // Suppressed chain with a distinctive share (98.7%) that must never be printed.
            ChainMetrics(person: 8, personId: "M-SMALL-8", name: "", layer: 3, hasDirectContact: false, organisation: 2,
                         withDirectContact: 2, secondHand: 2, secondHandShare: 0.987, dilutionPoints: 1, suppressed: true),
        ]
        let funnel = [
            FunnelRow(layer: 2, items: 40, reached: 30, reach: 0.75, retention: nil, medianDays: 1.5),
            FunnelRow(layer: 1, items: 40, reached: 12, reach: 0.3, retention: 0.4, medianDays: 6.25),
            FunnelRow(layer: 0, items: 42, reached: 2, reach: 0.0476, retention: 0.1587, medianDays: 20),
        ]
        let headline = Headline(ceoName: "Ada Chief", ceoShare: 0.07, ceoTarget: 0.25, executiveTeamShare: 0.0209,
                                executivesJudged: 2, executivesMetCadence: 1, executiveCount: 2, layerBelowHalf: 2,
                                feedbackReachingExecutives: 0.3)
        let metrics = Metrics(
            period: period, people: people, layers: layers, chains: chains, dilutionByLayer: [2: 3, 1: 1], funnel: funnel,
            executiveFeedback: [ExecutiveFeedback(person: 1, name: hostileScript, layer: 1, captured: 2, handedUp: 5)],
            accounts: [
                AccountCoverage(account: 0, name: "Globex", highestLayer: 0, interactions: 9, metByNamedLayer: true),
                AccountCoverage(account: 1, name: "Initech|" + hostileScript, highestLayer: 3, interactions: 4, metByNamedLayer: false),
            ],
            logging: [LoggingCoverage(person: 0, name: "Ada Chief", calendarMeetings: 10, calendarAlsoInCRM: 4, crmActivities: 5,
                                      crmAlsoInCalendar: 4)],
            headline: headline, orgFindings: ["reporting cycle: " + hostileScript + " → " + newline],
            depth: 3,
            windowsInPeriod: met.map { (first: $0.first, last: $0.last, whole: $0.whole) })

        var ledger = Ledger()
        let file = "calendars/" + pipe + ".csv"
        for _ in 0..<10 { ledger.countRead(file) }
        for _ in 0..<7 { ledger.accept(file) }
        ledger.ignore(file, .internalOnly)
        ledger.ignore(file, .cancelled)
        ledger.reject(Reject(location: SourceLocation(file: file, line: 4, byte: 120), reason: .badDate,
                             detail: "start " + hostileScript + " is not a date " + bidi, raw: hostileScript))
        var broadcast = Interaction(index: 0, source: SourceLocation(file: file, line: 9, byte: 300), sourceKind: .calendar,
                                    kind: .meeting, start: period.startUTC + 86_400 * 3, end: period.startUTC + 86_400 * 3 + 3600,
                                    subject: hostileScript + hostileAttr + bidi)
        broadcast.otherExternalCount = 40
        return ReportInput(config: config, metrics: metrics, ledger: ledger, broadcasts: [broadcast],
                           unresolvedNames: ["Okafor, Ben": 3, newline + pipe: 1], presets: [(file: file, preset: "outlook-calendar")],
                           trends: trends, version: "0.1.0-test")
    }
}

/// Counts `|` that are column separators: not escaped with a backslash (a `\\` is an escaped backslash).
func unescapedPipes(_ line: String) -> Int {
    var count = 0
    var escaped = false
    for c in line {
        if escaped { escaped = false; continue }
        if c == "\\" { escaped = true } else if c == "|" { count += 1 }
    }
    return count
}

/// Every Markdown table as its lines (consecutive lines starting with `|`).
func markdownTables(_ md: String) -> [[String]] {
    var tables: [[String]] = []
    var current: [String] = []
    for line in md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
        if line.hasPrefix("|") { current.append(line) } else if !current.isEmpty { tables.append(current); current = [] }
    }
    if !current.isEmpty { tables.append(current) }
    return tables
}

@Suite struct ReportRendererTests {
    let md: String
    let html: String

    init() throws {
        md = try ReportRenderer.markdown(Sample.input())
        html = try ReportRenderer.html(Sample.input())
    }

    /// Positions of each needle in order; nil when one is missing.
    func positions(_ text: String, _ needles: [String]) -> [String.Index?] {
        needles.map { text.range(of: $0)?.lowerBound }
    }

    @Test func sectionsAppearInOrderInBothOutputs() {
        let titles = ["Headline", "Executives one by one", "Layers", "Where feedback gets diluted", "Account coverage", "Trends",
                      "Data quality", "The rules in force"]
        let ids = ["headline", "executives-one-by-one", "layers", "where-feedback-gets-diluted", "account-coverage", "trends",
                   "data-quality", "the-rules-in-force"]
        #expect(ReportRenderer.sectionIDs == ids)
        let mdPos = positions(md, titles.map { "\n## \($0)\n" })
        #expect(mdPos.allSatisfy { $0 != nil })
        #expect(mdPos.compactMap { $0 } == mdPos.compactMap { $0 }.sorted())
        let htmlPos = positions(html, zip(ids, titles).map { "<h2 id=\"\($0.0)\">\($0.1)</h2>" })
        #expect(htmlPos.allSatisfy { $0 != nil })
        #expect(htmlPos.compactMap { $0 } == htmlPos.compactMap { $0 }.sorted())
        // Exactly eight second-level headings in each output.
        #expect(md.components(separatedBy: "\n## ").count - 1 == 8)
        #expect(html.components(separatedBy: "<h2 ").count - 1 == 8)
    }

    @Test func headlineStatesTheFiguresAgainstTheTargets() {
        // CEO share 0.07 → "7.0%"; midsize target 0.25 → "25.0%"; 1 of 2 executives judged met cadence;
        // feedback reach 0.3 → "30.0%"; target hours 0.25 × 40 × 92 / 7 = 131.428… → "131.43",
        // the 3% line 0.03 × 40 × 92 / 7 = 15.771… → "15.77".
        for out in [md, html] {
            #expect(out.contains("spent 7.0% of working time with customers in 2026-Q3, below the target of 25.0%"))
            #expect(out.contains("1 of 2 executives met customers in every 6-week window"))
            #expect(out.contains("30.0% of frontline feedback reached the executive team"))
            #expect(out.contains("131.43"))
            #expect(out.contains("15.77"))
        }
        // The headline comes before the executives' table.
        let lead = md.range(of: "spent 7.0%")!.lowerBound
        #expect(lead < md.range(of: "## Executives one by one")!.lowerBound)
    }

    @Test func hostileTextIsEscapedInHTML() {
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("\"onmouseover"))
        #expect(html.contains("&quot;onmouseover=x"))
        #expect(!html.unicodeScalars.contains("\u{202E}"))
        #expect(html.contains("\\u{202E}"))
        // The title "x\ny" is one line: the newline became a space.
        #expect(html.contains("<td>x y</td>"))
    }

    @Test func hostileTextIsEscapedInMarkdown() {
        #expect(!md.lowercased().contains("<script"))
        #expect(md.contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;"))
        #expect(!md.unicodeScalars.contains("\u{202E}"))
        #expect(md.contains("a\\|b"))
        // No raw newline from data: "x\ny" renders as "x y" inside its cell.
        #expect(md.contains("| x y |"))
        // Every table row has the header's number of column separators.
        let tables = markdownTables(md)
        #expect(tables.count >= 15)
        for table in tables {
            let expected = unescapedPipes(table[0])
            for row in table { #expect(unescapedPipes(row) == expected, "row: \(row)") }
        }
        // The executives' table has 12 columns: 13 separators per row, hostile names included.
        let execRow = md.split(separator: "\n").first { $0.hasPrefix("| a\\|b") }
        #expect(execRow.map { unescapedPipes(String($0)) } == 13)
    }

    @Test func unnamedPeopleNeverAppear() {
        for out in [md, html] {
            #expect(!out.contains(Sample.unnamedEmail))
            #expect(!out.contains(Sample.unnamedId))
            #expect(!out.contains("88.88"))  // the unnamed person's hours
            #expect(!out.contains(Sample.hiddenManagerId))
            #expect(!out.contains(Sample.hiddenManagerName))
            #expect(out.contains("a layer-3 manager"))
            // Named people do appear.
            #expect(out.contains("Ada Chief"))
        }
    }

    @Test func suppressedLayersAndChainsShowNoFigures() {
        // Layer 3 (3 people < min_group_size 5): headcount and "suppressed", then dashes.
        #expect(md.contains("| 3 | 3 | suppressed (fewer than 5 people) | — | — | — | — | — |"))
        for out in [md, html] {
            #expect(!out.contains("77.77"))
            #expect(!out.contains("61.2%"))
            #expect(!out.contains("98.7%"))  // the suppressed chain's second-hand share
            #expect(out.contains("Managers whose organisation has fewer than 5 people are not shown (suppressed): 1."))
        }
    }

    @Test func htmlIsSelfContainedAndPrintable() {
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://"))
        #expect(!html.contains("https://"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        #expect(html.contains("<svg role=\"img\" aria-labelledby="))
        #expect(html.contains("@media print"))
        #expect(html.contains("@page { size: A4"))
        // Every chart has a title element, a caption and is followed by its table's numbers.
        let charts = html.components(separatedBy: "<svg role=\"img\"").count - 1
        #expect(charts == 6)  // headline, executives, layer hours, decay, funnel, accounts
        #expect(html.components(separatedBy: "<figcaption>").count - 1 == charts)
        // One cadence strip per named person.
        #expect(html.components(separatedBy: "<svg class=\"strip\"").count - 1 == 3)
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let input = Sample.input(trends: [TrendPoint(period: "2026-Q2", runAt: "2026-07-02T03:00:00Z", ceoShare: 0.05,
                                                     executiveTeamShare: 0.01, layerHoursMean: [1: 3, 0: 20])])
        #expect(try ReportRenderer.markdown(input) == ReportRenderer.markdown(input))
        #expect(try ReportRenderer.html(input) == ReportRenderer.html(input))
        #expect(try ReportRenderer.markdown(Sample.input()) == md)
    }

    @Test func emptyTrendsSayHowToGetThem() {
        for out in [md, html] { #expect(out.contains("No history given (run with --history FILE to see trends).")) }
    }

    @Test func trendsShowEarlierRunsAndThisOne() throws {
        let input = Sample.input(trends: [TrendPoint(period: "2026-Q2", runAt: "2026-07-02T03:00:00Z", ceoShare: 0.05,
                                                     executiveTeamShare: 0.01, layerHoursMean: [1: 3, 0: 20])])
        let md = try ReportRenderer.markdown(input)
        let html = try ReportRenderer.html(input)
        for out in [md, html] { #expect(!out.contains("No history given")) }
        // Q2: 0.05 → 5.0%, 0.01 → 1.0%; this run: 0.07 → 7.0%, 0.0209 → 2.1%.
        #expect(md.contains("| 2026-Q2 | 2026-07-02T03:00:00Z | 5.0% | 1.0% |"))
        #expect(md.contains("| 2026-Q3 | this report | 7.0% | 2.1% |"))
        #expect(html.contains("aria-labelledby=\"chart-trends-title chart-trends-desc\""))
    }

    @Test func feedbackSectionsAndNoFeedbackLine() throws {
        // Dilution: layer 2 holds 3 of 4 chains.
        #expect(md.contains("Chains break most often at layer 2: 3 of 4 chains."))
        // Funnel rows from the frontline up: 0.75 → 75.0%, retention 0.4 → 40.0%, 6.25 median days.
        #expect(md.contains("| 1 (executives) | 40 | 12 | 30.0% | 40.0% | 6.25 |"))
        var input = Sample.input()
        input.metrics.funnel = []
        input.metrics.executiveFeedback = []
        let noFeedback = try ReportRenderer.markdown(input)
        #expect(noFeedback.contains("No feedback source was given"))
        #expect(!noFeedback.contains("Feedback funnel by layer"))
    }

    @Test func accountsNoNamedLeaderMetAreListed() {
        // "Initech|<script>…" was met only at layer 3: listed among the unmet, escaped.
        #expect(md.contains("2 accounts had customer activity in 2026-Q3; no one at layers 0 to 2 met 1 of them."))
        #expect(md.contains("| Initech\\|&lt;script&gt;alert\\(1\\)&lt;/script&gt; | 4 | 3 |"))
    }

    @Test func dataQualityCountsEveryRow() {
        // 10 read: 7 accepted, 2 ignored (cancelled, internal-only, sorted by rule), 1 rejected (10.0%).
        #expect(md.contains("10 rows read from 1 file: 7 accepted, 0 merged as duplicates, 2 ignored by a named rule, 1 rejected (10.0%)."))
        #expect(md.contains("cancelled 1, internal-only 1"))
        #expect(md.contains("| bad-date | 1 |"))
        // Unresolved names: most frequent first.
        let okafor = md.range(of: "Okafor, Ben")!.lowerBound
        let other = md.range(of: "x ya\\|b")!.lowerBound
        #expect(okafor < other)
        #expect(md.contains("earshot 0.1.0-test"))
    }

    @Test func anEmptyRunStillRendersEverySectionWithDashes() throws {
        // No people, layers, chains, feedback, accounts or files: every section still appears, figures are "—".
        let period = Period(quarter: "2026-Q3", zone: .utc)!
        let headline = Headline(ceoName: nil, ceoShare: nil, ceoTarget: 0.5, executiveTeamShare: nil, executivesJudged: 0,
                                executivesMetCadence: 0, executiveCount: 0, layerBelowHalf: nil, feedbackReachingExecutives: nil)
        let metrics = Metrics(period: period, people: [], layers: [], chains: [], dilutionByLayer: [:], funnel: [],
                              executiveFeedback: [], accounts: [], logging: [], headline: headline, orgFindings: [], depth: 0,
                              windowsInPeriod: [])
        var config = EarshotConfig()
        config.stage = .startup
        let input = ReportInput(config: config, metrics: metrics, ledger: Ledger(), broadcasts: [], unresolvedNames: [:],
                                presets: [], trends: [], version: "0")
        let md = try ReportRenderer.markdown(input)
        let html = try ReportRenderer.html(input)
        for out in [md, html] {
            // Startup target 0.5 → "50.0%".
            #expect(out.contains("No share of time could be measured for the CEO"))
            #expect(out.contains("| CEO share of time with customers | — | target 50.0% for a startup |") || out.contains("<td class=\"num\">—</td>"))
            #expect(out.contains("No one at layers 0 to 2 was found"))
            #expect(out.contains("No feedback source was given"))
            #expect(out.contains("No account had customer activity in the period."))
            #expect(out.contains("0 rows read from 0 files"))
        }
        #expect(md.components(separatedBy: "\n## ").count - 1 == 8)
        // Non-finite numbers would print as empty attributes (NumberFormat.fixed gives "").
        #expect(!html.contains("=\"\""))
    }
}

/// CSV lines as `data/*.csv` writes them, read back by libcsv (the reader every table is checked with):
/// each field must come back exactly, including those whose comma, quote or line end a combining mark
/// joins into one Character, or a CRLF (one Character).
@Suite("CSV table lines")
struct CSVLineTests {
    /// Instants worked out by hand: 2026-01-01 is day 20,454 since 1970-01-01 (20,454 × 86,400 =
    /// 1,767,225,600 s); 13:05:09 adds 47,109 s; one second before the epoch is the last of 1969.
    @Test("instants are written as ISO 8601 UTC", arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"), (1_767_225_600, "2026-01-01T00:00:00Z"),
        (1_767_272_709, "2026-01-01T13:05:09Z"), (-1, "1969-12-31T23:59:59Z"),
    ])
    func isoUTC(t: Int64, text: String) {
        #expect(CSVTables.isoUTC(t) == text)
    }

    @Test("fields survive a round trip through libcsv", arguments: [
        ["plain", "two words", ""], ["a,b", "say \"hi\"", "line\nbreak"], ["crlf\r\nend", " lead", "trail "],
        [",\u{0301}", "\"\u{0301}", "x\r\n"], ["\"", "\"\"", ","], ["é,ü", "日本,語"],
    ] as [[String]])
    func roundTrip(fields: [String]) throws {
        let dir = Fixtures.scratch("csvline")
        let path = Fixtures.write(CSVTables.line(fields) + CSVTables.line(["next"]), to: "t.csv", in: dir)
        #expect(try readCSV(path) == [fields, ["next"]])
    }
}

/// Publishing writes a file a MiB at a time; a table of several MiB, with multi-byte characters across
/// the slice boundaries, must come back byte for byte.
@Suite("publisher writes")
struct PublisherWriteTests {
    @Test("a 2.5 MiB table with multi-byte characters is written whole")
    func largeFile() throws {
        let dir = Fixtures.scratch("publish")
        let publisher = Publisher(target: dir.appendingPathComponent("report").path)
        let staging = try publisher.makeStaging()
        // 3-byte "€" and 4-byte "🙂" lines: 1 MiB boundaries fall inside characters somewhere.
        let text = String(repeating: "a,€,🙂,b\n", count: 2_500_000 / 13 + 7)
        try publisher.write(text, to: "data/big.csv", in: staging)
        let back = try Data(contentsOf: URL(fileURLWithPath: staging + "/data/big.csv"))
        #expect(back.count == text.utf8.count && back.count > 2 << 20)
        #expect(back == Data(text.utf8))
        publisher.discard(staging: staging)
    }
}

/// `interactions.csv` is rendered in pieces of consecutive rows on several threads and joined; the
/// pieces joined must be the table rendered whole, wherever the cuts fall.
@Suite("interactions table in pieces")
struct InteractionPiecesTests {
    @Test("pieces joined in order equal the whole table", arguments: [1, 2, 3, 7])
    func pieces(count: Int) {
        var model = CanonicalModel()
        model.accounts = [Account(index: 0, id: "001A", name: "Bluefin, Inc.", domains: ["bluefin.example"])]
        for i in 0..<1_001 {
            var interaction = Interaction(index: i, source: SourceLocation(file: "calendar/events.csv", line: i + 2, byte: 0),
                                          sourceKind: .calendar, kind: i % 3 == 0 ? .visit : .meeting,
                                          start: 1_783_000_000 + Int64(i) * 1_800, end: 1_783_001_800 + Int64(i) * 1_800,
                                          subject: "")
            interaction.accounts = i % 2 == 0 ? [0] : []
            interaction.rowCount = 1 + i % 4
            model.interactions.append(interaction)
        }
        let metrics = Sample.input().metrics
        let whole = CSVTables.interactions(model, metrics)
        let n = model.interactions.count
        let joined = (0..<count).map { k in
            CSVTables.interactions(model, metrics, rows: (n * k / count)..<(n * (k + 1) / count), header: k == 0)
        }.joined()
        #expect(joined == whole)
        // Header plus one line per interaction (the account name's comma is quoted, not a line break).
        #expect(whole.split(separator: "\n").count == n + 1)
    }
}
