import EarshotIngest

/// One ASCII field of a record (`CSVRecord.nonASCIIFields` has its bit clear), trimmed of spaces
/// and tabs, read where its bytes lie: the calendar reader's fast path compares, hashes and parses
/// these without making a String per field.
///
/// On ASCII text, byte rules are the String rules the general path applies: `trimmingSpaces` trims
/// spaces and tabs (no no-break space is ASCII), `lowercased()` folds A–Z only, and `==` is byte
/// equality.
struct ASCIIField {
    let bytes: [UInt8]
    let range: Range<Int>

    /// Field `column` of a record's fields (`CSVRecord.fieldBytes`, `fieldEnds`, `fieldGap`), trimmed; empty
    /// when the file has no such column.
    @inline(__always)
    init(bytes: [UInt8], ends: [Int], gap: Int, column: Int?) {
        self.bytes = bytes
        guard let column, column < ends.count else { range = 0..<0; return }
        var lo = column == 0 ? 0 : ends[column - 1] + gap, hi = ends[column]
        while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
        while lo < hi, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
        range = lo..<hi
    }

    var isEmpty: Bool { range.isEmpty }
    var count: Int { range.count }
    var slice: ArraySlice<UInt8> { bytes[range] }
    var string: String { isEmpty ? "" : UTF8Bytes.string(slice) ?? "" }
    var first: UInt8? { isEmpty ? nil : bytes[range.lowerBound] }

    /// Equal to `literal` (lower-case ASCII) once A–Z are folded to a–z: `lowercased() == literal`.
    func equalsFolded(_ literal: [UInt8]) -> Bool {
        literal.count == count && hasFoldedPrefix(literal)
    }

    /// Starts with `literal` (lower-case ASCII) once A–Z are folded: `lowercased().hasPrefix(literal)`.
    func hasFoldedPrefix(_ literal: [UInt8]) -> Bool {
        guard literal.count <= count else { return false }
        var i = range.lowerBound
        for c in literal {
            let b = bytes[i]
            if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != c { return false }
            i += 1
        }
        return true
    }

    /// `equalsFolded` for any of `literals` (a loop: `contains(where: equalsFolded)` allocated a closure
    /// context per call).
    func equalsFolded(anyOf literals: [[UInt8]]) -> Bool {
        for literal in literals where equalsFolded(literal) { return true }
        return false
    }

    /// `hasFoldedPrefix` for any of `literals`.
    func hasFoldedPrefix(anyOf literals: [[UInt8]]) -> Bool {
        for literal in literals where hasFoldedPrefix(literal) { return true }
        return false
    }

    /// `Normalizer.isTrue` on ASCII bytes.
    var truth: Bool? {
        if isEmpty { return nil }
        for (words, value) in Self.truthWords where equalsFolded(anyOf: words) { return value }
        return nil
    }

    static let truthWords: [([[UInt8]], Bool)] = [
        (Normalizer.trueWords.map { Array($0.utf8) }, true),
        (Normalizer.falseWords.map { Array($0.utf8) }, false),
    ]

    /// FNV-1a over the lower-cased bytes: `Candidate.uidHash` of the same text.
    var uidHash: UInt64? {
        guard !isEmpty else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range {
            let b = bytes[i]
            h = (h ^ UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)) &* 0x100_0000_01b3
        }
        return h
    }
}

/// A record's fields as `ASCIIField`s: `fields(column)`. Built once per row, so reading a field copies
/// no row.
struct ASCIIFields {
    let bytes: [UInt8]
    let ends: [Int]
    let gap: Int

    init(_ record: CSVRecord) {
        bytes = record.fieldBytes
        ends = record.fieldEnds
        gap = record.fieldGap
    }

    @inline(__always)
    func callAsFunction(_ column: Int?) -> ASCIIField { ASCIIField(bytes: bytes, ends: ends, gap: gap, column: column) }
}
