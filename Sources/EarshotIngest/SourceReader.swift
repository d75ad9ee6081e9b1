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
        let name = file.displayName
        ledger.open(name)
        let map = preset.columnMap(for: sniff.header)
        // Unnamed columns at the end of the header (a trailing delimiter) carry nothing: rows may omit them.
        var width = sniff.header.count
        while width > 1, sniff.header[width - 1].trimmingSpaces().isEmpty { width -= 1 }

        // Index among well-formed records, counted as the sniffer counts them (blank lines and
        // malformed lines are not records), so `headerRecordIndex` points at the same record.
        var recordIndex = 0
        let headerIndex = sniff.headerRecordIndex
        let lastHeaderRow = headerIndex + sniff.extraHeaderRows
        // A blank line (or a record of empty fields) after the header: what follows may be a footer.
        var afterBlank = false
        var inFooter = false
        var localLedger = ledger
        defer { ledger = localLedger }

        func reject(_ line: Int, _ byte: Int, _ reason: RejectReason, _ detail: String, _ raw: String) {
            localLedger.countRead(name)
            localLedger.reject(Reject(location: SourceLocation(file: name, line: line, byte: byte),
                                      reason: reason, detail: detail, raw: raw))
        }
        func ignore(_ rule: IgnoreRule) {
            localLedger.countRead(name)
            localLedger.ignore(name, rule)
        }

        func handle(_ event: LibCSVReader.Event) {
            switch event {
            case .blankLine:
                if recordIndex > headerIndex { ignore(.blankLine); afterBlank = true }
                else { ignore(.preamble) }
            case let .malformed(line, byte, reason, raw):
                // Before the header has been read, a line that is not CSV is part of the preamble.
                if recordIndex <= headerIndex { ignore(.preamble); return }
                if inFooter { ignore(.footer); return }
                reject(line, byte, reason, reasonDetail(reason), raw)
            case let .record(record):
                defer { recordIndex += 1 }
                if recordIndex < headerIndex { ignore(.preamble); return }
                if recordIndex == headerIndex { return } // the header itself is not a data row
                if recordIndex <= lastHeaderRow { ignore(.preamble); return } // Qualtrics' extra header rows
                let nonEmpty = record.fields.lazy.filter { !$0.trimmingSpaces().isEmpty }.count
                if nonEmpty == 0 { ignore(.blankLine); afterBlank = true; return }
                if inFooter && nonEmpty <= 1 { ignore(.footer); return }
                if afterBlank && isFooter(record.fields, nonEmpty: nonEmpty, width: width) {
                    inFooter = true
                    ignore(.footer)
                    return
                }
                inFooter = false
                if record.fields.count < width {
                    reject(record.line, record.byte, .tooFewFields,
                           "\(record.fields.count) fields where the header has \(width)", record.rawText)
                    return
                }
                if record.fields.count > width,
                   record.fields[width...].contains(where: { !$0.trimmingSpaces().isEmpty }) {
                    reject(record.line, record.byte, .tooManyFields,
                           "\(record.fields.count) fields where the header has \(width)", record.rawText)
                    return
                }
                let location = SourceLocation(file: name, line: record.line, byte: record.byte)
                let row = MappedRow(record: record, location: location, map: map)
                localLedger.countRead(name)
                switch consume(row) {
                case .accepted: localLedger.accept(name)
                case let .ignored(rule): localLedger.ignore(name, rule)
                case let .rejected(reason, detail):
                    localLedger.reject(Reject(location: location, reason: reason, detail: detail, raw: record.rawText))
                }
            }
        }

        // One thread: a reader thread feeding this one through a queue was measured (1M and 10M rows) and
        // did not pay: the row consumer is the bottleneck and the hand-off costs what parsing saves.
        let reader = LibCSVReader(delimiter: sniff.delimiter, startByte: sniff.encoding.bom.count, onEvent: handle)
        try feed(path: file.path, displayName: name, encoding: sniff.encoding, into: reader)
        return preset
    }

    /// Streams a file into `reader`: read in chunks, the BOM dropped, transcoded to UTF-8, then finished.
    public static func feed(path: String, displayName: String, encoding: TextEncoding, into reader: LibCSVReader) throws {
        var transcoder = UTF8Transcoder(encoding: encoding)
        var first = true
        try FileBytes.forEachChunk(path: path, displayName: displayName) { chunk in
            var bytes = chunk
            if first {
                bytes.removeFirst(min(encoding.bom.count, bytes.count))
                first = false
            }
            reader.feed(transcoder.transcode(bytes))
        }
        reader.feed(transcoder.transcode([], final: true))
        reader.finish()
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

