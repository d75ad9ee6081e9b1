import EarshotAggregate
import EarshotHistory
import EarshotIngest
import EarshotModel
import EarshotNormalize
import EarshotRender
import Foundation

/// The stages, wired: `render(aggregate(normalize(ingest(sources))))`, plus history and publishing.
/// Every failure is a typed error that `Earshot.main` maps to a DESIGN.md exit code.
enum Pipeline {
    static let version = "0.1.0"

    /// Thrown when the ledger does not balance (exit 70).
    struct LedgerBroken: Error, CustomStringConvertible {
        let files: [FileLedger]
        var description: String {
            "internal error: the ledger does not balance for " + files.map {
                "\($0.file) (read \($0.read) ≠ accepted \($0.accepted) + merged \($0.merged) + ignored \($0.ignoredTotal) + rejected \($0.rejected))"
            }.joined(separator: "; ") + ". Nothing was published. Please report this with the input file."
        }
    }

    /// Thrown when a file's rejected rows exceed `quality.max_reject_share` (exit 65).
    struct QualityGateFailed: Error, CustomStringConvertible {
        let files: [FileLedger]
        let limit: Double
        let keptAt: String?
        var description: String {
            files.map { "\($0.file): \($0.rejected) of \($0.read) rows rejected (\(NumberFormat.percent($0.rejectShare)), limit \(NumberFormat.percent(limit)))" }
                .joined(separator: "\n") + "\nFix: see data/rejects.csv" + (keptAt.map { " in \($0)" } ?? "")
                + " for each row's line and reason; correct the export or raise quality.max_reject_share. The previous report was left untouched."
        }
    }

    struct Normalized {
        let config: EarshotConfig
        let period: Period
        let files: [SourceFile]
        let result: NormalizeResult
    }

    /// Threads for reading large files, aggregating and rendering: `EARSHOT_THREADS`, else the processors.
    static var threads: Int { ParallelMap.threads(environment: ProcessInfo.processInfo.environment) }

    /// Config → period → files → canonical model and ledger.
    static func ingestAndNormalize(config: EarshotConfig, quarter: String?, from: String?, to: String?,
                                   progress: Progress) throws -> Normalized {
        let period = try resolvePeriod(config: config, quarter: quarter, from: from, to: to)
        let files = try SourceResolver.files(for: config)
        let normalizer = Normalizer(config: config, period: period)
        // README "Performance": threads for large calendar files, and the smallest part (tests force parts).
        let environment = ProcessInfo.processInfo.environment
        normalizer.parallelism = threads
        if let n = environment["EARSHOT_MIN_PART_BYTES"].flatMap(Int.init), n >= 1 { normalizer.minimumPartBytes = n }
        normalizer.onFileDone = { file, rows, parts in progress.fileDone(file, rows: rows, parts: parts) }
        normalizer.onPhaseDone = { progress.phaseDone($0) }
        normalizer.onStepDone = { progress.stepDone($0, seconds: $1) }
        let result = try normalizer.run(files: files)
        let broken = result.ledger.unbalanced
        guard broken.isEmpty else { throw LedgerBroken(files: broken) }
        return Normalized(config: config, period: period, files: files, result: result)
    }

    /// The candidate rows and the directory's caches are freed once normalizing returns, but glibc keeps
    /// freed heap pages; handing them back keeps aggregation and rendering from stacking on the
    /// normalizer's peak (measured at 10M rows: the run's peak was the report phase on top of it).
    static func returnFreedMemory() { FreedMemory.giveBack() }

    static func resolvePeriod(config: EarshotConfig, quarter: String?, from: String?, to: String?) throws -> Period {
        guard let zone = ZoneRules(identifier: config.timezone) else {
            throw ConfigError.badValue(path: config.path, line: 0, column: 0, key: "company.timezone", value: config.timezone,
                                       expected: "a time zone name such as America/New_York")
        }
        if let quarter {
            guard let p = Period(quarter: quarter, zone: zone) else { throw UsageError("--quarter \(quarter) is not a quarter such as 2026-Q3") }
            return p
        }
        if from != nil || to != nil {
            guard let f = from.flatMap({ CivilDate(iso: $0) }), let t = to.flatMap({ CivilDate(iso: $0) }) else {
                throw UsageError("--from and --to must both be dates YYYY-MM-DD")
            }
            guard let p = Period(from: f, to: t, zone: zone) else { throw UsageError("--from must be before --to") }
            return p
        }
        if let q = config.quarter, let p = Period(quarter: q, zone: zone) { return p }
        if let f = config.from, let t = config.to {
            guard let p = Period(from: f, to: t, zone: zone) else {
                throw ConfigError.badValue(path: config.path, line: 0, column: 0, key: "period", value: "\(f) to \(t)", expected: "a period whose from is before its to")
            }
            return p
        }
        throw ConfigError.missing(path: config.path, key: "period (quarter: 2026-Q3, or from: and to:), or --quarter on the command line")
    }

    /// The whole run: normalize, aggregate, render into a staging folder, gate, publish, record history.
    static func run(config: EarshotConfig, quarter: String?, from: String?, to: String?, out: String,
                    historyPath: String?, progress: Progress) throws -> String {
        let n = try ingestAndNormalize(config: config, quarter: quarter, from: from, to: to, progress: progress)
        returnFreedMemory()
        // interactions.csv, one row per interaction, is most of the rendering and reads the model only:
        // it is rendered while the metrics are computed, in runs of consecutive rows joined in order.
        let model = n.result.model
        let count = model.interactions.count, pieces = threads > 1 ? max(1, min(8, count / 50_000)) : 1
        let interactionsTable = BackgroundJob(threads: threads) {
            ParallelMap.each(pieces, threads: threads) { k in
                CSVTables.interactions(model, rows: (count * k / pieces)..<(count * (k + 1) / pieces), header: k == 0)
            }.joined()
        }
        let metrics = Aggregator.run(model: model, config: n.config, period: n.period, threads: threads)
        progress.phaseDone("aggregate")

        let history = try historyPath.map { try HistoryStore(path: $0) }
        let trends = try history?.trends() ?? []
        var input = ReportInput(config: n.config, metrics: metrics, ledger: n.result.ledger, broadcasts: n.result.model.broadcasts,
                                unresolvedNames: n.result.model.unresolvedNames, presets: n.result.presets, trends: trends,
                                version: version)
        input.historyGiven = history != nil

        let lock = try OutputLock(target: out)
        let publisher = Publisher(target: out)
        let staging = try publisher.makeStaging()
        var outputs: [(String, String)] = []
        do {
            // Each output is rendered from the same inputs, in one or more pieces of work run on several
            // threads when allowed (README "Performance"), and collected in this fixed order.
            let ledger = n.result.ledger, reportInput = input
            let plan: [(name: String, pieces: [() throws -> String])] = [
                ("report.md", [{ try ReportRenderer.markdown(reportInput) }]),
                ("report.html", [{ try ReportRenderer.html(reportInput) }]),
                ("data/person_metrics.csv", [{ CSVTables.personMetrics(metrics) }]),
                ("data/layer_metrics.csv", [{ CSVTables.layerMetrics(metrics) }]),
                ("data/chains.csv", [{ CSVTables.chains(metrics) }]),
                ("data/feedback_funnel.csv", [{ CSVTables.feedbackFunnel(metrics) }]),
                ("data/interactions.csv", [{ interactionsTable.result() }]),
                ("data/ledger.csv", [{ CSVTables.ledger(ledger) }]),
                ("data/rejects.csv", [{ CSVTables.rejects(ledger) }]),
            ]
            let tasks = plan.flatMap(\.pieces)
            let rendered = try ParallelMap.each(tasks.count, threads: threads) { i in Result { try tasks[i]() } }.map { try $0.get() }
            var next = 0
            outputs = plan.map { output in
                let text = rendered[next..<(next + output.pieces.count)].joined()
                next += output.pieces.count
                return (output.name, text)
            }
            for (name, text) in outputs { try publisher.write(text, to: name, in: staging) }
            let manifest = RunManifest(
                version: version, generatedAt: nowISO(), config: n.config.path, period: n.period,
                files: n.files.map { f in
                    (f.displayName, n.result.presets.first { $0.file == f.displayName }?.preset ?? f.source.preset, fileSize(f.path))
                },
                ledger: n.result.ledger, outputs: outputs.map { ($0.0, $0.1.utf8.count) })
            try publisher.write(manifest.json(), to: "run.json", in: staging)
        } catch {
            publisher.discard(staging: staging)
            throw error
        }
        let failing = n.result.ledger.files.filter { $0.rejectShare > n.config.maxRejectShare }
        if !failing.isEmpty {
            let kept = try? publisher.keepFailed(staging: staging)
            throw QualityGateFailed(files: failing, limit: n.config.maxRejectShare, keptAt: kept)
        }
        progress.phaseDone("render")
        try publisher.publish(staging: staging)
        withExtendedLifetime(lock) {}
        try history?.record(metrics, company: n.config.companyName, runAt: nowISO())
        return out
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func nowISO() -> String {
        let t = Int64(Date().timeIntervalSince1970)
        return CSVTables.isoUTC(t)
    }
}

/// A usage problem found after parsing arguments (exit 64).
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
