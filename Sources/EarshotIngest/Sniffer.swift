import EarshotModel

/// What a file looks like: encoding, delimiter, where the header is, and which preset fits.
/// Decided from the file's first bytes only (never from its name).
public struct SniffResult: Sendable {
    public var encoding: TextEncoding
    public var delimiter: UInt8
    /// Index (0-based, among records) of the header record; records before it are a preamble.
    public var headerRecordIndex: Int
    public var header: [String]
    /// The best-matching preset, if any preset's required columns are all present.
    public var preset: Preset?
    /// True when the first line is Excel's `sep=X` hint.
    public var excelSepLine: Bool
    /// Records right after the header that are more header (Qualtrics' labels and `{"ImportId":…}` rows):
    /// the reader ignores them as preamble.
    public var extraHeaderRows: Int = 0

    public var delimiterName: String {
        switch delimiter {
        case UInt8(ascii: ","): return "comma"
        case UInt8(ascii: ";"): return "semicolon"
        case 0x09: return "tab"
        case UInt8(ascii: "|"): return "pipe"
        default: return "0x" + String(delimiter, radix: 16)
        }
    }
}

/// Sniffs encoding, delimiter, header row and preset from the first `sampleBytes` of a file.
public enum Sniffer {
    public static let sampleBytes = 256 << 10
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    /// The encoding, by bytes: a BOM if there is one; UTF-16 without BOM when every other byte is NUL;
    /// UTF-8 when the sample is valid UTF-8 (a sequence cut at the sample's end is allowed); else Windows-1252.
    public static func encoding(of sample: [UInt8]) -> TextEncoding {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if sample.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if sample.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        if sample.count >= 4 {
            let pairs = min(sample.count / 2, 512)
            var evenNul = 0, oddNul = 0
            for i in 0..<pairs {
                if sample[2 * i] == 0 { evenNul += 1 }
                if sample[2 * i + 1] == 0 { oddNul += 1 }
            }
            if oddNul * 10 >= pairs * 9 && evenNul == 0 { return .utf16LE }
            if evenNul * 10 >= pairs * 9 && oddNul == 0 { return .utf16BE }
        }
        var end = sample.count
        // Allow a multi-byte sequence cut by the sample's end.
        var back = 0
        while back < 3, end - back - 1 >= 0, sample[end - back - 1] & 0xC0 == 0x80 { back += 1 }
        if end - back - 1 >= 0, sample[end - back - 1] >= 0xC0, sample.count == sampleBytes { end = end - back - 1 }
        return String(validating: sample[..<end], as: UTF8.self) != nil ? .utf8 : .windows1252
    }

    /// Records of a UTF-8 sample read with a delimiter through the libcsv reader (the last, possibly
    /// cut record dropped when the sample is not the whole file).
    static func records(_ utf8: [UInt8], delimiter: UInt8, whole: Bool, limit: Int = 60) -> [[String]] {
        var rows: [[String]] = []
        let reader = LibCSVReader(delimiter: delimiter, blockSize: 4 << 10) { event in
            if case let .record(r) = event, rows.count < limit + 1 { rows.append(r.fields) }
        }
        // Fed 16 KiB at a time, stopping once a record past `limit` has been read: the first `limit`
        // are then complete (the sample is 256 KiB; its first 40 records are usually a few KiB).
        var fed = 0
        while fed < utf8.count && rows.count <= limit {
            let end = min(utf8.count, fed + (16 << 10))
            reader.feed(Array(utf8[fed..<end]))
            fed = end
        }
        if rows.count > limit { rows.removeLast() } else if whole { reader.finish() }
        return Array(rows.prefix(limit))
    }

    /// The delimiter whose records most consistently have more than one field.
    public static func delimiter(of utf8: [UInt8], whole: Bool) -> UInt8 {
        var best: (delimiter: UInt8, score: Int, width: Int) = (UInt8(ascii: ","), -1, 0)
        for d in candidates {
            let counts = records(utf8, delimiter: d, whole: whole, limit: 40).map(\.count)
            var frequency: [Int: Int] = [:]
            for c in counts where c > 1 { frequency[c, default: 0] += 1 }
            guard let mode = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if mode.value > best.score || (mode.value == best.score && mode.key > best.width) {
                best = (d, mode.value, mode.key)
            }
        }
        return best.delimiter
    }

    /// How well a header row fits a preset, for `preset: auto` and for finding the header row.
    /// nil when a required column is missing or nothing matches.
    ///
    /// The score counts the header's columns the preset knows (any header of any of its fields, or one
    /// of its signature headers), 10 each, plus 20 per signature header present: a file with many
    /// columns of one export beats a generic preset that merely finds its required columns there, and
    /// a format's own headers (`CaseNumber`, `TaskSubtype`) outweigh shared ones (`Id`, `OwnerId`).
    /// On an equal score, the preset whose headers are written exactly as in the file wins (`manager_id`
    /// is generic-people's spelling; salesforce-user's `ManagerId` only matches once normalized), then
    /// the one that finds a larger share of its own fields.
    public static func rank(_ preset: Preset, header: [String]) -> PresetRank? {
        rank(preset, HeaderRow(header))
    }

    /// A candidate header row in the forms ranking compares, computed once for all presets.
    struct HeaderRow {
        let cells: [String]
        let normalized: [String]
        /// The cells without a leading BOM.
        let written: [String]

        init(_ cells: [String]) {
            self.cells = cells
            normalized = cells.map(Preset.normalizeHeader)
            written = cells.map { $0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0 }
        }
    }

    static func rank(_ preset: Preset, _ row: HeaderRow) -> PresetRank? {
        let map = preset.columnMap(for: row.cells, normalized: row.normalized)
        guard map.isComplete, !map.indexes.isEmpty else { return nil }
        let claimed = row.normalized.lazy.filter { preset.knownNormalized.contains($0) }.count
        let exact = row.written.lazy.filter { preset.knownWritten.contains($0) }.count
        return PresetRank(score: claimed * 10 + map.signatureHits * 20, exactHeaders: exact,
                          fieldsFound: map.indexes.count, fieldCount: preset.fields.count)
    }

    /// Sniffs a file on disk; `preset` (when given) fixes the preset and only the header is searched;
    /// `kind` (when given, for `preset: auto`) limits the choice to presets of that kind.
    public static func sniff(path: String, displayName: String, preset fixed: Preset? = nil,
                             encoding forced: TextEncoding? = nil, kind: SourceKind? = nil) throws -> SniffResult {
        let sample = try FileBytes.readPrefix(path: path, displayName: displayName, count: sampleBytes)
        return sniff(sample: sample, whole: sample.count < sampleBytes, preset: fixed, encoding: forced, kind: kind)
    }

    /// Sniffs the first bytes of a file (`whole` when they are the whole file).
    public static func sniff(sample: [UInt8], whole: Bool, preset fixed: Preset? = nil,
                             encoding forced: TextEncoding? = nil, kind: SourceKind? = nil) -> SniffResult {
        let encoding = forced ?? Self.encoding(of: sample)
        var transcoder = UTF8Transcoder(encoding: encoding)
        var utf8 = transcoder.transcode(Array(sample.dropFirst(encoding.bom.count)), final: whole)
        if encoding == .utf8, utf8.starts(with: [0xEF, 0xBB, 0xBF]) { utf8.removeFirst(3) }

        var excelSep = false
        var delimiter: UInt8
        if utf8.count >= 5, Array(utf8.prefix(4)) == Array("sep=".utf8),
           utf8.count == 5 || utf8[5] == 0x0A || utf8[5] == 0x0D {
            excelSep = true
            delimiter = utf8[4]
        } else {
            delimiter = Self.delimiter(of: utf8, whole: whole)
        }
        var rows = records(utf8, delimiter: delimiter, whole: whole, limit: 30)
        if excelSep, !rows.isEmpty { rows.removeFirst() }

        var bestIndex = -1, bestPreset: Preset?, bestRank: PresetRank?
        let pool = fixed.map { [$0] } ?? PresetCatalog.all.filter { kind == nil || $0.kind == kind }
        for (i, row) in rows.enumerated() where row.count > 1 || fixed != nil {
            let headerRow = HeaderRow(row)
            for p in pool {
                guard let r = rank(p, headerRow) else { continue }
                if bestRank.map({ r > $0 }) ?? true {
                    (bestIndex, bestPreset, bestRank) = (i, p, r)
                }
            }
        }
        if bestIndex < 0 {
            // No preset matches: the first row with more than one field is taken as the header.
            bestIndex = rows.firstIndex { $0.count > 1 } ?? 0
        }
        let header = rows.indices.contains(bestIndex) ? rows[bestIndex] : []
        return SniffResult(encoding: encoding, delimiter: delimiter, headerRecordIndex: bestIndex + (excelSep ? 1 : 0),
                           header: header, preset: bestPreset, excelSepLine: excelSep,
                           extraHeaderRows: qualtricsRows(after: bestIndex, in: rows))
    }

    /// Qualtrics writes three header rows: ids, labels (question text), and `{"ImportId":…}` objects.
    /// Returns how many records after the chosen header are such extra header rows (0, 1 or 2).
    static func qualtricsRows(after header: Int, in rows: [[String]]) -> Int {
        func isImportIds(_ i: Int) -> Bool {
            rows.indices.contains(i) && rows[i].first.map { $0.hasPrefix("{\"ImportId\"") } == true
        }
        if isImportIds(header + 1) { return 1 }
        if isImportIds(header + 2) { return 2 }
        return 0
    }
}

/// How well a header fits a preset (`Sniffer.rank`); greater is better.
public struct PresetRank: Sendable, Comparable, CustomStringConvertible {
    public let score: Int
    /// Header cells spelled exactly as one of the preset's headers (case and spacing included).
    public let exactHeaders: Int
    public let fieldsFound: Int
    public let fieldCount: Int

    public static func < (a: PresetRank, b: PresetRank) -> Bool {
        if a.score != b.score { return a.score < b.score }
        if a.exactHeaders != b.exactHeaders { return a.exactHeaders < b.exactHeaders }
        // Compare fieldsFound / fieldCount without division.
        return a.fieldsFound * b.fieldCount < b.fieldsFound * a.fieldCount
    }

    public var description: String { "score \(score), \(exactHeaders) exact, \(fieldsFound) of \(fieldCount) fields" }
}
