import EarshotModel

/// A source that cannot be read at all: the run stops before anything is written. Each case carries
/// what a user needs to fix it, and `description` says the file, the problem and the fix.
public enum IngestError: Error, Equatable, CustomStringConvertible, Sendable {
    case fileMissing(file: String, pattern: String)
    case unreadable(file: String, reason: String)
    case unknownPreset(file: String, preset: String)
    case presetKindMismatch(file: String, preset: String, presetKind: SourceKind, sourceKind: SourceKind)
    case noHeader(file: String, preset: String)
    case missingColumns(file: String, preset: String, missing: [String], header: [String])
    case noPresetMatches(file: String, header: [String])
    case unknownEncoding(file: String, name: String)
    case globMatchesNothing(pattern: String)
    case unsafePath(pattern: String)

    public var description: String {
        switch self {
        case let .fileMissing(file, pattern):
            return "\(file): the file does not exist (from sources path \"\(pattern)\"). Fix: correct the path in the config; paths are relative to the config file."
        case let .unreadable(file, reason):
            return "\(file): cannot be read: \(reason). Fix: check the file's permissions and that it is a CSV export."
        case let .unknownPreset(file, preset):
            let names = PresetCatalog.all.map(\.name).joined(separator: ", ")
            return "\(file): unknown preset \"\(preset)\". Fix: use one of \(names), or auto."
        case let .presetKindMismatch(file, preset, presetKind, sourceKind):
            return "\(file): preset \(preset) reads \(presetKind.rawValue) exports but the source says kind: \(sourceKind.rawValue). Fix: change the kind or the preset."
        case let .noHeader(file, preset):
            return "\(file): no header row found in the first lines (the file is empty or is not a \(preset) export). Fix: check the file, or run `earshot sniff \(file)`."
        case let .missingColumns(file, preset, missing, header):
            let shown = header.prefix(12).map { "\"\($0)\"" }.joined(separator: ", ")
            return "\(file): line 1: preset \(preset) needs column(s) for \(missing.joined(separator: ", ")) but the header has \(shown)\(header.count > 12 ? ", …" : ""). Fix: choose the right preset (`earshot sniff \(file)` suggests one) or map the columns with `columns: {\(missing[0]): \"Your Header\"}`."
        case let .noPresetMatches(file, header):
            let shown = header.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
            return "\(file): preset: auto found no preset whose required columns are all in the header (\(shown)). Fix: name the preset and map columns with `columns:`."
        case let .unknownEncoding(file, name):
            return "\(file): unknown encoding \"\(name)\". Fix: use utf-8, utf-8-bom, utf-16le, utf-16be or windows-1252."
        case let .globMatchesNothing(pattern):
            return "sources path \"\(pattern)\" matches no file. Fix: correct the pattern or remove the source."
        case let .unsafePath(pattern):
            return "sources path \"\(pattern)\" climbs out of its folder with \"..\", which is refused. Fix: use a path below the config's folder, or an absolute path to the exports."
        }
    }
}
