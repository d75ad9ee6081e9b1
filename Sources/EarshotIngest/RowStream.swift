import EarshotModel

/// Turns the reader's events for one file (or one part of it) into data rows for a consumer, and writes
/// every row's outcome to a ledger: preamble before the header, blank lines, footers, rows of the wrong
/// width, rejected lines. `SourceReader` runs one per file; a file read in parts runs one per part.
final class RowStream {
    let name: String
    let columns: ColumnMapReference
    /// The header's width without unnamed trailing columns (a trailing delimiter): rows may omit those.
    let width: Int
    let headerIndex: Int
    let lastHeaderRow: Int
    let consume: (MappedRow) -> RowDisposition
    /// Every row's outcome so far. Rows read and accepted (most rows) are counted apart and added
    /// when the ledger is read: two counters per row instead of two ledger updates.
    var ledger: Ledger {
        var l = written
        if readRows > 0 { l.countRead(name, count: readRows) }
        if acceptedRows > 0 { l.accept(name, count: acceptedRows) }
        return l
    }
    private var written: Ledger
    private var readRows = 0, acceptedRows = 0

    // Index among well-formed records, counted as the sniffer counts them (blank lines and malformed
    // lines are not records), so `headerRecordIndex` points at the same record.
    private var recordIndex: Int
    // A blank line (or a record of empty fields) after the header: what follows may be a footer.
    private var afterBlank = false
    private var inFooter = false

    /// - Parameter afterHeader: true for a part that starts after the header (a later part of a file):
    ///   its first record is a data row.
    init(file: SourceFile, sniff: SniffResult, preset: Preset, ledger: Ledger, afterHeader: Bool,
         consume: @escaping (MappedRow) -> RowDisposition) {
        // This stream's own copy of the name: every row's location holds it, and the streams of a file
        // read in parts run on separate threads (see `ColumnMapReference`).
        name = "\(file.displayName)"
        columns = ColumnMapReference(preset.columnMap(for: sniff.header), file: name)
        var width = sniff.header.count
        while width > 1, sniff.header[width - 1].trimmingSpaces().isEmpty { width -= 1 }
        self.width = width
        headerIndex = sniff.headerRecordIndex
        lastHeaderRow = headerIndex + sniff.extraHeaderRows
        recordIndex = afterHeader ? lastHeaderRow + 1 : 0
        written = ledger
        self.consume = consume
    }

    /// True when a stream started fresh after the header (`afterHeader: true`) would be in this one's
    /// state: past the header, no blank line seen (so no footer rule in force).
    var isInDataAfterHeader: Bool { recordIndex > lastHeaderRow && !afterBlank && !inFooter }

    private func reject(_ line: Int, _ byte: Int, _ reason: RejectReason, _ detail: String, _ raw: String) {
        readRows += 1
        written.reject(Reject(location: SourceLocation(file: name, line: line, byte: byte),
                             reason: reason, detail: detail, raw: raw))
    }

    private func ignore(_ rule: IgnoreRule) {
        readRows += 1
        written.ignore(name, rule)
    }

    /// How many fields hold more than spaces, tabs and no-break spaces, counting no further than `limit`;
    /// read on the record's bytes: a String is made only of a field that starts like a blank.
    static func nonBlankCount(_ record: CSVRecord, upTo limit: Int) -> Int {
        var n = 0
        let bytes = record.fieldBytes
        for i in 0..<record.fieldCount {
            let r = record.fieldRange(i)
            guard !r.isEmpty else { continue }
            // A field that does not start with a space, a tab or a no-break space's first byte is not blank.
            let first = bytes[r.lowerBound]
            if first != 0x20 && first != 0x09 && first != 0xC2 || !record.field(i).trimmingSpaces().isEmpty {
                n += 1
                if n == limit { return n }
            }
        }
        return n
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
            reject(line, byte, reason, SourceReader.reasonDetail(reason), raw)
        case let .record(record):
            defer { recordIndex += 1 }
            if recordIndex < headerIndex { ignore(.preamble); return }
            if recordIndex == headerIndex { return } // the header itself is not a data row
            if recordIndex <= lastHeaderRow { ignore(.preamble); return } // Qualtrics' extra header rows
            // Counted up to 2: the rules below only tell 0, 1 and more apart.
            let nonEmpty = Self.nonBlankCount(record, upTo: 2)
            if nonEmpty == 0 { ignore(.blankLine); afterBlank = true; return }
            if inFooter && nonEmpty <= 1 { ignore(.footer); return }
            if afterBlank && SourceReader.isFooter(record.fields, nonEmpty: nonEmpty, width: width) {
                inFooter = true
                ignore(.footer)
                return
            }
            inFooter = false
            let count = record.fieldCount
            if count < width {
                reject(record.line, record.byte, .tooFewFields,
                       "\(count) fields where the header has \(width)", record.rawText)
                return
            }
            if count > width,
               (width..<count).contains(where: { !record.fieldRange($0).isEmpty && !record.field($0).trimmingSpaces().isEmpty }) {
                reject(record.line, record.byte, .tooManyFields,
                       "\(count) fields where the header has \(width)", record.rawText)
                return
            }
            let row = MappedRow(record: record, columns: columns)
            readRows += 1
            switch consume(row) {
            case .accepted: acceptedRows += 1
            case let .ignored(rule): written.ignore(name, rule)
            case let .rejected(reason, detail):
                written.reject(Reject(location: row.location, reason: reason, detail: detail, raw: record.rawText))
            }
        }
    }
}
