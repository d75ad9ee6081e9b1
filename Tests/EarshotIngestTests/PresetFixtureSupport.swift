import EarshotModel
import Foundation
import TestSupport
@testable import EarshotIngest

/// The files of `Fixtures/presets/` and what their names promise.
enum PresetFixtures {
    static let folder = Fixtures.url("presets")

    /// Every `.csv` in the folder, sorted: a new fixture is tested without touching the tests.
    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".csv") }.sorted()

    /// The preset a fixture is written for: its name without `.csv`, or the longest preset name that the
    /// name starts with followed by `-` (`outlook-calendar-de.csv` → outlook-calendar; an exact name
    /// wins, so `salesforce-eventrelation.csv` is not salesforce-event).
    static func expectedPreset(_ file: String) -> String? {
        let stem = String(file.dropLast(4))
        if PresetCatalog.named(stem) != nil { return stem }
        return PresetCatalog.all.map(\.name).filter { stem.hasPrefix($0 + "-") }.max { $0.count < $1.count }
    }

    static func path(_ file: String) -> String { folder.appendingPathComponent(file).path }

    /// A SourceFile for a fixture path, read with `preset` (default auto) as a source of `kind`.
    static func source(path: String, kind: SourceKind, preset: String = "auto",
                       columns: [String: String] = [:], encoding: String? = nil) -> SourceFile {
        SourceFile(path: path, displayName: (path as NSString).lastPathComponent,
                   source: SourceConfig(kind: kind, path: path, preset: preset, columns: columns, encoding: encoding))
    }

    /// Reads a file through SourceReader, accepting every data row; returns the ledger row, the rows
    /// handed to the consumer and the preset used.
    static func read(_ file: SourceFile) throws -> (FileLedger, [MappedRow], Preset, Ledger) {
        var ledger = Ledger()
        var rows: [MappedRow] = []
        let preset = try SourceReader.read(file, ledger: &ledger) { row in
            rows.append(row)
            return .accepted
        }
        return (ledger[file.displayName]!, rows, preset, ledger)
    }
}
