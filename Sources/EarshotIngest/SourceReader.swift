import EarshotModel

/// What the consumer of a row decided; the reader writes it to the ledger.
public enum RowDisposition: Sendable, Equatable {
    case accepted
    case ignored(IgnoreRule)
    case rejected(RejectReason, detail: String)
}

/// One input file as the config names it, with the preset it is read with.
public struct SourceFile: Sendable {
    /// Absolute or working-directory-relative path used to open the file.
    public let path: String
    /// The name shown in the ledger, rejects and messages (relative to the config's folder).
    public let displayName: String
    public let source: SourceConfig

    public init(path: String, displayName: String, source: SourceConfig) {
        self.path = path
        self.displayName = displayName
        self.source = source
    }
}

/// Streams one source file: sniff, find the header, map columns through the preset, and hand each
/// data row to the consumer, writing every row's outcome to the ledger.
public enum SourceReader {
    /// Resolves the preset of a file (named, or `auto` by header) and returns the sniffed shape.
    public static func inspect(_ file: SourceFile) throws -> (SniffResult, Preset) {
        var forced: TextEncoding?
        if let name = file.source.encoding {
            guard let e = TextEncoding(configName: name) else {
                throw IngestError.unknownEncoding(file: file.displayName, name: name)
            }
            forced = e
        }
        let named: Preset?
        if file.source.preset == "auto" {
            named = nil
        } else {
            guard let p = PresetCatalog.named(file.source.preset) else {
                throw IngestError.unknownPreset(file: file.displayName, preset: file.source.preset)
            }
            guard p.kind == file.source.kind else {
                throw IngestError.presetKindMismatch(file: file.displayName, preset: p.name,
                                                     presetKind: p.kind, sourceKind: file.source.kind)
            }
            named = p.overriding(file.source.columns)
        }
        let sniff = try Sniffer.sniff(path: file.path, displayName: file.displayName, preset: named, encoding: forced,
                                      kind: named == nil ? file.source.kind : nil)
        if let named {
            guard !sniff.header.isEmpty else { throw IngestError.noHeader(file: file.displayName, preset: named.name) }
            let map = named.columnMap(for: sniff.header)
            guard map.isComplete else {
                throw IngestError.missingColumns(file: file.displayName, preset: named.name,
                                                 missing: map.missingRequired, header: sniff.header)
            }
            return (sniff, named)
        }
        guard let auto = sniff.preset, auto.kind == file.source.kind else {
            throw IngestError.noPresetMatches(file: file.displayName, header: sniff.header)
        }
        return (sniff, auto.overriding(file.source.columns))
    }

    /// Reads every row of `file`, calling `consume` for each data row. Returns the preset used.
    @discardableResult
    public static func read(_ file: SourceFile, ledger: inout Ledger, inspected: (SniffResult, Preset)? = nil,
                            consume: (MappedRow) -> RowDisposition) throws -> Preset {
        try withoutActuallyEscaping(consume) { consume in
            try readEscaping(file, ledger: &ledger, inspected: inspected, consume: consume)
        }
    }

    private static func readEscaping(_ file: SourceFile, ledger: inout Ledger, inspected: (SniffResult, Preset)?,
                                     consume: @escaping (MappedRow) -> RowDisposition) throws -> Preset {
        let (sniff, preset) = try inspected ?? inspect(file)
        ledger.open(file.displayName)
        let stream = RowStream(file: file, sniff: sniff, preset: preset, ledger: ledger, afterHeader: false, consume: consume)
        defer { ledger = stream.ledger }
        let reader = LibCSVReader(delimiter: sniff.delimiter, startByte: sniff.encoding.bom.count, onEvent: stream.handle)
        try feed(path: file.path, displayName: file.displayName, encoding: sniff.encoding, into: reader)
        return preset
    }

    /// Streams a file into `reader`: read in chunks, the BOM dropped, transcoded to UTF-8, then finished.
    public static func feed(path: String, displayName: String, encoding: TextEncoding, into reader: LibCSVReader) throws {
        try feed(path: path, displayName: displayName, encoding: encoding, range: nil, into: reader)
        reader.finish()
    }

    /// Feeds the bytes of `range` (the whole file when nil) without finishing. The BOM is dropped
    /// when the range starts at the file's first byte.
    static func feed(path: String, displayName: String, encoding: TextEncoding, range: Range<Int>?,
                     into reader: LibCSVReader) throws {
        var transcoder = UTF8Transcoder(encoding: encoding)
        var first = (range?.lowerBound ?? 0) == 0
        try FileBytes.forEachChunk(path: path, displayName: displayName, range: range) { chunk in
            var bytes = chunk
            if first {
                bytes.removeFirst(min(encoding.bom.count, bytes.count))
                first = false
            }
            reader.feed(transcoder.transcode(bytes))
        }
        reader.feed(transcoder.transcode([], final: true))
    }

    /// Report footers, after a blank line: a record with one value in its first field that is either
    /// shorter than the header (`"Grand Totals (12 records)"` alone on its line) or one of the lines
    /// Salesforce writes under a report (padded to the header's width by a spreadsheet re-save).
    static func isFooter(_ fields: [String], nonEmpty: Int, width: Int) -> Bool {
        guard nonEmpty == 1, let first = fields.first?.trimmingSpaces(), !first.isEmpty else { return false }
        if fields.count < width { return true }
        let lower = first.lowercased()
        return footerPrefixes.contains { lower.hasPrefix($0) }
    }

    static let footerPrefixes = ["grand totals", "confidential information", "copyright", "generated by"]

    static func reasonDetail(_ reason: RejectReason) -> String {
        switch reason {
        case .strayQuote: return "a quote inside an unquoted field, or text after a closing quote"
        case .unterminatedQuote: return "a quote opened here never closed; the lines after it were read again"
        case .fieldTooLarge: return "a field is larger than \(LibCSVReader.maxFieldBytes >> 20) MiB"
        case .invalidEncoding: return "bytes that are not valid in the file's encoding, or a NUL byte"
        default: return reason.rawValue
        }
    }
}

