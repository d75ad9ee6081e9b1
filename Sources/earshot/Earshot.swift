import ArgumentParser
import EarshotHistory
import EarshotIngest
import EarshotModel
import EarshotNormalize
import EarshotRender
import Foundation

/// `earshot`: run, validate, sniff. Exit codes follow sysexits.h as DESIGN.md lists them; they are
/// mapped here rather than by swift-argument-parser.
@main
struct Earshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "earshot",
        abstract: "How far each executive, and each layer of management, is from the customer's own voice.",
        version: Pipeline.version,
        subcommands: [Run.self, Validate.self, Sniff.self],
        defaultSubcommand: Run.self)

    static func main() {
        // The error is released before exiting, so a leak checker sees nothing left behind.
        var status: Int32 = 0
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            status = code(for: error)
        }
        Foundation.exit(status)
    }

    /// Prints the error and returns its exit code.
    static func code(for error: Error) -> Int32 {
        let code: Int32
        switch error {
        case let e as ConfigError: code = 78; Progress.say("earshot: \(e)")
        case let e as IngestError:
            switch e {
            case .unknownPreset, .presetKindMismatch, .unsafePath, .unknownEncoding: code = 78
            default: code = 66
            }
            Progress.say("earshot: \(e)")
        case let e as NormalizeError: code = 78; Progress.say("earshot: \(e)")
        case let e as Pipeline.LedgerBroken: code = 70; Progress.say("earshot: \(e)")
        case let e as Pipeline.QualityGateFailed: code = 65; Progress.say("earshot: data-quality gate failed:\n\(e)")
        case let e as PublishError: code = e.exitCode; Progress.say("earshot: \(e)")
        case let e as HistoryError:
            if case .cannotOpen = e { code = 66 } else { code = 74 }
            Progress.say("earshot: \(e)")
        case let e as UsageError: code = 64; Progress.say("earshot: \(e)")
        default:
            let c = Earshot.exitCode(for: error)
            if c == .success {
                Progress.write(Earshot.fullMessage(for: error) + "\n")
                return 0
            }
            Progress.say(Earshot.fullMessage(for: error))
            code = c == .validationFailure ? 64 : c.rawValue == 64 ? 64 : (c == .failure ? 70 : c.rawValue)
        }
        return code
    }
}

/// Options shared by `run` and `validate`.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "The config file (YAML). Default: the bundled demo, Fixtures/demo/earshot.yml.")
    var config: String?
    @Option(name: .long, help: "A quarter such as 2026-Q3 (overrides the config's period).")
    var quarter: String?
    @Option(name: .long, help: "First day of the period, YYYY-MM-DD (with --to).")
    var from: String?
    @Option(name: .long, help: "First day after the period, YYYY-MM-DD (with --from).")
    var to: String?

    static let demoConfig = "Fixtures/demo/earshot.yml"

    func loadConfig() throws -> EarshotConfig {
        let path = config ?? Self.demoConfig
        if config == nil, !FileManager.default.fileExists(atPath: path) {
            throw UsageError("no --config given and the bundled demo (\(path)) is not in this folder. Run from the earshot checkout or pass --config FILE.")
        }
        return try ConfigLoader.load(path: path)
    }
}

extension Earshot {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the whole pipeline and publish the report.")
        @OptionGroup var input: InputOptions
        @Option(name: .long, help: "Output folder (default out/demo for the demo, else out/report).")
        var out: String?
        @Option(name: .long, help: "SQLite file keeping each run's metrics, for trends.")
        var history: String?

        func run() throws {
            let config = try input.loadConfig()
            let progress = Progress()
            defer { progress.finish() }
            let target = out ?? (input.config == nil ? "out/demo" : "out/report")
            let published = try Pipeline.run(config: config, quarter: input.quarter, from: input.from, to: input.to,
                                             out: target, historyPath: history, progress: progress)
            progress.finish()
            Progress.say("earshot: report published in \(published)/ (report.html, report.md, run.json, data/)")
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Read and normalize every source; print the ledger; write nothing.")
        @OptionGroup var input: InputOptions

        func run() throws {
            let config = try input.loadConfig()
            let progress = Progress()
            let n = try Pipeline.ingestAndNormalize(config: config, quarter: input.quarter, from: input.from, to: input.to,
                                                    progress: progress)
            progress.finish()
            print(LedgerReport.text(n.result.ledger, presets: n.result.presets, period: n.period))
            let failing = n.result.ledger.files.filter { $0.rejectShare > config.maxRejectShare }
            if !failing.isEmpty {
                throw Pipeline.QualityGateFailed(files: failing, limit: config.maxRejectShare, keptAt: nil)
            }
        }
    }

    struct Sniff: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Say what a file looks like: encoding, delimiter, header, preset.")
        @Argument(help: "The CSV file.") var file: String

        func run() throws {
            let result = try Sniffer.sniff(path: file, displayName: file)
            print(SniffReport.text(result, file: file))
        }
    }
}
