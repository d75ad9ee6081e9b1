import CLibCSV
import EarshotModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only file that talks to libcsv, and the only unsafe pointer code in earshot.
///
/// It streams UTF-8 bytes through libcsv in strict mode (`CSV_STRICT | CSV_STRICT_FINI`), with a space
/// function that trims nothing and a capped realloc, and feeds the parser one physical line at a time
/// so that every record carries the line and byte where it starts (libcsv reports no positions).
///
/// libcsv's defaults lose data silently; this wrapper instead:
/// - reports blank lines (libcsv skips them) as `.blankLine` events;
/// - turns a stray quote into a `.malformed` event for the one line that holds it, resets the parser
///   and carries on at the next line, so a stray quote never swallows the rest of a file;
/// - at the end of the file, treats a record cut inside quotes as malformed (its first line), then
///   re-reads the lines after it;
/// - rejects a record with a field over `maxFieldBytes`, a NUL byte, or bytes that are not UTF-8.
public final class LibCSVReader {
    /// What the reader reports, in input order.
    public enum Event: Sendable {
        case record(CSVRecord)
        /// A line holding nothing but its line end, outside any quoted field.
        case blankLine(line: Int, byte: Int)
        /// Bytes that could not be a record: the reason, and the raw text (invalid bytes as `\xNN`).
        case malformed(line: Int, byte: Int, reason: RejectReason, raw: String)
    }

    /// A field larger than this fails the record instead of growing memory without bound.
    public static let maxFieldBytes = 16 << 20

    private let parser: UnsafeMutablePointer<csv_parser>
    private let context = ParseContext()
    /// Where libcsv's C callbacks note the field ends of a line read in place (`ParseContext.fieldsInLine`).
    private let lineFields: UnsafeMutablePointer<earshot_line_fields>
    private let delimiter: UInt8
    private let blockSize: Int
    private let onEvent: (Event) -> Void

    // Position of the next byte to be fed.
    private var line = 1
    private var byte: Int
    private var previousWasCR = false
    private var atLineStart = true

    // The record in progress: its bytes and where each of its physical lines starts.
    private var pending: [UInt8] = []
    private var lineStarts: [LineStart] = []

    // After an error inside the first line of a record: skip to the end of that line.
    private var discarding: Discarded?

    /// - Parameters:
    ///   - delimiter: the field separator byte (`,`, `;`, tab, `|`).
    ///   - startByte: byte offset of the first byte fed (the length of a BOM that was skipped).
    ///   - blockSize: how much libcsv's field buffer grows by at a time: large for whole files (few
    ///     reallocations on wide fields), small for readers that see a few short records (the sniffer,
    ///     the fuzz checks), where a 64 KiB first allocation per reader is most of the cost.
    ///   - onEvent: called synchronously for every record, blank line and malformed record.
    public init(delimiter: UInt8, startByte: Int = 0, blockSize: Int = 64 << 10, onEvent: @escaping (Event) -> Void) {
        self.delimiter = delimiter
        self.byte = startByte
        self.blockSize = blockSize
        self.onEvent = onEvent
        parser = Self.allocateOwnLines(csv_parser.self)
        Self.initialize(parser, delimiter: delimiter, blockSize: blockSize)
        lineFields = Self.allocateOwnLines(earshot_line_fields.self)
        lineFields.initialize(to: earshot_line_fields(ends: nil, count: 0, capacity: 0, complete: 0, failed: 0))
    }

    deinit {
        csv_free(parser)
        parser.deinitialize(count: 1)
        UnsafeMutableRawPointer(parser).deallocate()
        free(lineFields.pointee.ends)
        lineFields.deinitialize(count: 1)
        UnsafeMutableRawPointer(lineFields).deallocate()
    }

    /// Memory for one `T` on cache lines of its own: the readers of a file's parts are made one after
    /// another on one thread, then written on every line from different threads; sharing a cache line
    /// would move it between the cores at each write.
    private static func allocateOwnLines<T>(_: T.Type) -> UnsafeMutablePointer<T> {
        let line = 128 // two 64-byte lines: the CPU prefetches lines in pairs
        let bytes = (MemoryLayout<T>.size + line - 1) / line * line
        return UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: line).bindMemory(to: T.self, capacity: 1)
    }

    private static func initialize(_ parser: UnsafeMutablePointer<csv_parser>, delimiter: UInt8, blockSize: Int) {
        _ = csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
        csv_set_delim(parser, delimiter)
        csv_set_space_func(parser, earshot_csv_no_space)
        csv_set_realloc_func(parser, cappedRealloc)
        csv_set_blk_size(parser, blockSize)
    }

    private func resetParser() {
        csv_free(parser)
        Self.initialize(parser, delimiter: delimiter, blockSize: blockSize)
        builtInSpaceTest = false
        context.reset()
    }

    /// True while the parser runs without a space function (libcsv's built-in space-or-tab test): only
    /// for segments where that trims nothing (no `EARSHOT_SEGMENT_MAY_TRIM`), which is most lines.
    /// libcsv calls a space function for every byte of an unquoted field, at about the cost of parsing.
    private var builtInSpaceTest = false
    /// Tests set this to check that choosing per segment changes nothing.
    var alwaysSpaceFunction = false
    /// Tests set this to check that reading fields where a line lies (`CSVRecord.fieldGap`) changes nothing.
    var alwaysCopyFields = false

    /// - Parameter mayTrim: libcsv's built-in space test might trim a space or tab in the segment
    ///   (`EARSHOT_SEGMENT_MAY_TRIM`).
    private func chooseSpaceTest(mayTrim: Bool) {
        let builtIn = !alwaysSpaceFunction && !mayTrim
        if builtIn != builtInSpaceTest {
            csv_set_space_func(parser, builtIn ? nil : earshot_csv_no_space)
            builtInSpaceTest = builtIn
        }
    }

    private var contextPointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(context).toOpaque() }

    /// Feeds the next bytes of the file (any chunking gives the same events).
    public func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { feed($0) }
    }

    /// Feeds the next bytes of the file (any chunking gives the same events).
    public func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        let count = bytes.count
        while start < count {
            // One segment: up to and including the next CR or LF, or to the end of the chunk, found in
            // the same pass (C, SSE2) that tells what the segment holds. A segment that starts a record
            // starts outside any quoted field.
            var flags: Int32 = 0
            let startsRecord = parser.pointee.pstate == 0 && atLineStart
            let length = earshot_csv_scan_segment(base + start, count - start, delimiter, startsRecord ? 1 : 0, &flags)
            segment(UnsafeBufferPointer(start: base + start, count: length), scanned: flags)
            start += length
        }
    }

    /// True when the bytes fed so far end exactly at a record boundary: no record, quoted field or
    /// rejected line is in progress. A reader started fresh at this point would see what this one sees.
    public var isAtRecordBoundary: Bool {
        parser.pointee.pstate == 0 && pending.isEmpty && discarding == nil && atLineStart && !previousWasCR
    }

    /// The line number of the next byte to be fed (1 for the first line this reader was given).
    public var nextLine: Int { line }

    /// Ends the input: emits the last record (a missing final newline is fine) or the malformed tail.
    public func finish() {
        while true {
            flushDiscarding()
            if csv_fini(parser, fieldCallback, recordCallback, contextPointer) == 0 {
                emitIfComplete()
                flushDiscarding()
                return
            }
            // Cut inside quotes: the quote on the record's first line never closed.
            recoverFromError(reason: .unterminatedQuote, currentSegmentComplete: true)
        }
    }

    private func flushDiscarding() {
        if let d = discarding {
            onEvent(.malformed(line: d.line, byte: d.byte, reason: d.reason, raw: RawText.describe(d.raw)))
            discarding = nil
        }
    }

    /// - Parameter scanned: what `earshot_csv_scan_segment` found in `seg` (`EARSHOT_SEGMENT_*`).
    private func segment(_ seg: UnsafeBufferPointer<UInt8>, scanned: Int32) {
        let last = seg[seg.count - 1]
        let endsLine = last == 0x0A || last == 0x0D
        defer { advance(over: seg, endsLine: endsLine, last: last) }

        if discarding != nil {
            // Appended in place (a copy of the optional would copy the bytes on every segment).
            let room = 4096 - discarding!.raw.count
            if room > 0 { discarding!.raw.append(contentsOf: seg.prefix(room)) }
            if endsLine, let d = discarding {
                discarding = nil
                onEvent(.malformed(line: d.line, byte: d.byte, reason: d.reason,
                                   raw: RawText.describe(RawText.trimmingLineEnd(d.raw))))
            }
            return
        }

        let rowNotBegun = parser.pointee.pstate == 0
        if atLineStart {
            if seg.count == 1 && endsLine && rowNotBegun {
                // A lone line end outside a record: the LF of a CRLF, or a blank line.
                if !(last == 0x0A && previousWasCR) { onEvent(.blankLine(line: line, byte: byte)) }
                return
            }
            if !(seg.first == 0x0A && previousWasCR) {
                if rowNotBegun {
                    pending.removeAll(keepingCapacity: true)
                    lineStarts.removeAll(keepingCapacity: true)
                }
                lineStarts.append(LineStart(offset: pending.count, line: line, byte: byte))
            }
        }
        if lineStarts.isEmpty { lineStarts.append(LineStart(offset: pending.count, line: line, byte: byte)) }
        // A whole line that starts a record and holds no quote and no NUL: its fields are the text
        // between its delimiters, so they are read where the line lies (`CSVRecord.fieldGap`) instead
        // of copied field by field; a line with non-ASCII bytes has its fields checked once it ends.
        context.fieldsInLine = rowNotBegun && pending.isEmpty && endsLine && !alwaysCopyFields
            && scanned & Int32(EARSHOT_SEGMENT_QUOTE_OR_NUL) == 0
        context.lineHasNonASCII = context.fieldsInLine && scanned & Int32(EARSHOT_SEGMENT_NON_ASCII) != 0
        pending.append(contentsOf: seg)

        chooseSpaceTest(mayTrim: scanned & Int32(EARSHOT_SEGMENT_MAY_TRIM) != 0)
        let used: Int
        if context.fieldsInLine {
            // A whole line, its fields where they lie: the ends are noted in C, handed over in one go.
            lineFields.pointee.count = 0
            lineFields.pointee.complete = 0
            used = csv_parse(parser, seg.baseAddress, seg.count, earshot_line_field, earshot_line_record, lineFields)
            if lineFields.pointee.failed != 0 {
                lineFields.pointee.failed = 0
                context.problem = context.problem ?? .fieldTooLarge
            }
            context.ends.append(contentsOf: UnsafeBufferPointer(start: lineFields.pointee.ends, count: lineFields.pointee.count))
            context.recordComplete = lineFields.pointee.complete != 0
        } else {
            used = csv_parse(parser, seg.baseAddress, seg.count, fieldCallback, recordCallback, contextPointer)
        }
        if used < seg.count {
            let status = csv_error(parser)
            let firstLine = lineStarts.count <= 1
            let reason: RejectReason
            if status == CSV_ENOMEM || status == CSV_ETOOBIG {
                reason = firstLine ? .fieldTooLarge : .unterminatedQuote
            } else {
                reason = firstLine ? .strayQuote : .unterminatedQuote
            }
            recoverFromError(reason: reason, currentSegmentComplete: endsLine)
            return
        }
        emitIfComplete()
    }

    private func advance(over seg: UnsafeBufferPointer<UInt8>, endsLine: Bool, last: UInt8) {
        byte += seg.count
        // A line ends at every CR, and at every LF not preceded by a CR. `feed` cuts segments after each
        // CR or LF, so only a segment's last byte can be one.
        if last == 0x0D || (last == 0x0A && !(seg.count > 1 ? seg[seg.count - 2] == 0x0D : previousWasCR)) { line += 1 }
        previousWasCR = last == 0x0D
        atLineStart = endsLine
    }

    private func emitIfComplete() {
        guard context.recordComplete else { return }
        if context.fieldsInLine && context.lineHasNonASCII { pending.withUnsafeBufferPointer { context.checkFieldsInLine($0) } }
        let start = lineStarts.first ?? LineStart(offset: 0, line: line, byte: byte)
        if let problem = context.problem {
            let raw = RawText.describe(RawText.trimmingLineEnd(pending))
            onEvent(.malformed(line: start.line, byte: start.byte, reason: problem, raw: raw))
        } else {
            // The record shares the reader's buffers; they are emptied for reuse once the consumer is done
            // (copied on write only if it kept the record).
            let inLine = context.fieldsInLine
            onEvent(.record(CSVRecord(fieldBytes: inLine ? pending : context.bytes, fieldEnds: context.ends, fieldGap: inLine ? 1 : 0,
                                      nonASCIIFields: context.nonASCIIFields, line: start.line, byte: start.byte,
                                      rawBytes: inLine ? [] : pending)))
        }
        context.reset()
        pending.removeAll(keepingCapacity: true)
        lineStarts.removeAll(keepingCapacity: true)
    }

    /// Rejects the first physical line of the record in progress, resets the parser, and re-reads the
    /// record's later lines as fresh input.
    private func recoverFromError(reason: RejectReason, currentSegmentComplete: Bool) {
        let first = lineStarts.first ?? LineStart(offset: 0, line: line, byte: byte)
        resetParser()
        if lineStarts.count <= 1 {
            let raw = pending
            pending.removeAll(keepingCapacity: true)
            lineStarts.removeAll(keepingCapacity: true)
            if currentSegmentComplete {
                onEvent(.malformed(line: first.line, byte: first.byte, reason: reason,
                                   raw: RawText.describe(RawText.trimmingLineEnd(raw))))
            } else {
                discarding = Discarded(line: first.line, byte: first.byte, reason: reason, raw: Array(raw.prefix(4096)))
            }
            return
        }
        let second = lineStarts[1]
        onEvent(.malformed(line: first.line, byte: first.byte, reason: reason,
                           raw: RawText.describe(RawText.trimmingLineEnd(Array(pending[..<second.offset])))))
        let replay = Array(pending[second.offset...])
        pending.removeAll(keepingCapacity: true)
        lineStarts.removeAll(keepingCapacity: true)
        // Re-read the later lines from where the second one starts, then put the cursor back where the
        // caller left it: the caller advances over the current segment itself.
        let saved = (line, byte, previousWasCR, atLineStart)
        (line, byte, previousWasCR, atLineStart) = (second.line, second.byte, false, true)
        feed(replay)
        (line, byte, previousWasCR, atLineStart) = saved
    }
}

/// Where one physical line of the record in progress starts (a struct, not a tuple: arrays of tuples
/// look up their type metadata at run time on every use).
private struct LineStart {
    var offset: Int
    var line: Int
    var byte: Int
}

/// The first line of a record that failed, kept (up to 4 KiB) until its line ends.
private struct Discarded {
    var line: Int
    var byte: Int
    var reason: RejectReason
    var raw: [UInt8]
}

/// One CSV record: its fields, the line and byte where it starts, and its raw bytes.
///
/// The fields are kept as bytes with where each ends: a row reader takes a String only of the fields it
/// uses (`field(_:)`), or reads them as bytes (`fieldRange(_:)`). They lie back to back, or (`fieldGap`
/// 1) in the record's own line, one delimiter apart, when that line holds no quote. Every field of a
/// record is well-formed UTF-8 without NUL bytes (a record with such a field is reported malformed).
public struct CSVRecord: Sendable {
    /// Every field's UTF-8 bytes, one after another (`fieldGap` 0) or one delimiter apart (1).
    public let fieldBytes: [UInt8]
    /// Where each field ends in `fieldBytes` (field `i` starts `fieldGap` bytes after field `i - 1` ends).
    public let fieldEnds: [Int]
    /// The bytes between one field's end and the next field's start: 0, or 1 when `fieldBytes` is the raw line.
    public let fieldGap: Int
    /// Bit `min(i, 63)` is set when field `i` holds a byte that is not ASCII.
    public let nonASCIIFields: UInt64
    public let line: Int
    public let byte: Int
    /// The record's bytes as read (UTF-8 after transcoding), line end included.
    public var rawBytes: [UInt8] { fieldGap == 1 ? fieldBytes : copiedRecordBytes }
    /// `rawBytes` of a record whose fields were copied (`fieldGap` 0); empty when `fieldBytes` is the line
    /// itself (a record costs one reference less to copy).
    private let copiedRecordBytes: [UInt8]

    public init(fields: [String], line: Int, byte: Int, rawBytes: [UInt8]) {
        var bytes: [UInt8] = [], ends: [Int] = []
        for f in fields {
            bytes.append(contentsOf: f.utf8)
            ends.append(bytes.count)
        }
        var mask: UInt64 = 0
        for (i, f) in fields.enumerated() where !f.utf8.allSatisfy({ $0 < 0x80 }) { mask |= 1 << UInt64(min(i, 63)) }
        self.init(fieldBytes: bytes, fieldEnds: ends, fieldGap: 0, nonASCIIFields: mask, line: line, byte: byte, rawBytes: rawBytes)
    }

    /// `rawBytes` is not kept when `fieldGap` is 1: the fields' bytes are then the record's own.
    init(fieldBytes: [UInt8], fieldEnds: [Int], fieldGap: Int, nonASCIIFields: UInt64, line: Int, byte: Int, rawBytes: [UInt8]) {
        self.fieldBytes = fieldBytes
        self.fieldEnds = fieldEnds
        self.fieldGap = fieldGap
        self.nonASCIIFields = nonASCIIFields
        self.line = line
        self.byte = byte
        self.copiedRecordBytes = fieldGap == 1 ? [] : rawBytes
    }

    public var fieldCount: Int { fieldEnds.count }

    /// Where field `i` lies in `fieldBytes`.
    @inlinable
    public func fieldRange(_ i: Int) -> Range<Int> { (i == 0 ? 0 : fieldEnds[i - 1] + fieldGap)..<fieldEnds[i] }

    /// Field `i` as a String.
    public func field(_ i: Int) -> String {
        let r = fieldRange(i)
        return r.isEmpty ? "" : UTF8Bytes.string(fieldBytes[r]) ?? ""
    }

    /// Every field as a String.
    public var fields: [String] { (0..<fieldCount).map(field) }

    /// The raw text, escaped for a reject listing.
    public var rawText: String { RawText.describe(RawText.trimmingLineEnd(rawBytes)) }
}

/// State shared with the C callbacks through libcsv's `data` pointer: the record in progress, its
/// fields' bytes back to back (reused from record to record).
private final class ParseContext {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    var nonASCIIFields: UInt64 = 0
    var recordComplete = false
    var problem: RejectReason?
    /// The record is one line with no quote and no NUL (`earshot_csv_scan_segment`): fields are not
    /// copied, only where each ends in the line is noted.
    var fieldsInLine = false
    /// The line of a `fieldsInLine` record holds a byte that is not ASCII: fields are checked at its end.
    var lineHasNonASCII = false

    func reset() {
        fieldsInLine = false
        lineHasNonASCII = false
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        nonASCIIFields = 0
        recordComplete = false
        problem = nil
    }
}

private func fieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    // The reader holds the context for the whole parse: borrowed here without a retain per field.
    Unmanaged<ParseContext>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.addField(data, length) }
}

extension ParseContext {
    /// For a `fieldsInLine` record whose line holds non-ASCII bytes: marks each field that holds one,
    /// or the record malformed when a field is not UTF-8 (as `addField` does for copied fields).
    func checkFieldsInLine(_ line: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for (i, end) in ends.enumerated() {
            check(UnsafeBufferPointer(rebasing: line[start..<end]), index: i)
            start = end + 1
        }
    }

    /// Notes field `index` as holding a non-ASCII byte, or the record as malformed when the field is
    /// not UTF-8; true when the field is well-formed.
    @discardableResult
    private func check(_ field: UnsafeBufferPointer<UInt8>, index: Int) -> Bool {
        if UTF8Bytes.isASCII(field) { return true }
        if UTF8Bytes.isValid(field) {
            nonASCIIFields |= 1 << UInt64(min(index, 63))
            return true
        }
        problem = problem ?? .invalidEncoding
        return false
    }

    /// Appends one field's bytes, or marks the record malformed for a NUL byte or bytes that are not UTF-8.
    /// Only for records copied field by field: a line read where it lies has its field ends noted in C
    /// (`earshot_line_field`).
    func addField(_ data: UnsafeMutableRawPointer?, _ length: Int) {
        defer { ends.append(bytes.count) }
        guard length > 0, let data else { return }
        let buffer = UnsafeBufferPointer(start: data.assumingMemoryBound(to: UInt8.self), count: length)
        if memchr(data, 0, length) != nil {
            problem = problem ?? .invalidEncoding
            return
        }
        if check(buffer, index: ends.count) { bytes.append(contentsOf: buffer) }
    }
}

private func recordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    Unmanaged<ParseContext>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.recordComplete = true }
}

extension UTF8Bytes {
    /// The bytes as a String, or nil when they are not well-formed UTF-8.
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard isASCII(bytes) || isValid(bytes) else { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { target in
            _ = target.initialize(fromContentsOf: bytes)
            return bytes.count
        }
    }

    /// True when every byte is below 0x80, checked eight bytes at a time (most fields are ASCII).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < bytes.count {
            if base[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// The bytes as a String, or nil when they are not well-formed UTF-8.
    public static func string(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { string($0) }
    }

    /// The bytes as a String, or nil when they are not well-formed UTF-8.
    public static func string(_ bytes: ArraySlice<UInt8>) -> String? {
        bytes.withUnsafeBufferPointer { string($0) }
    }

    /// A 64-bit hash of the text's UTF-8 bytes, eight at a time (for hash tables keyed by bytes; not
    /// for anything an adversary should not collide).
    public static func hash(_ text: Substring.UTF8View) -> UInt64 {
        if let h = text.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0)) }) { return h }
        return Array(text).withUnsafeBytes { hash($0) }
    }

    /// `hash(_:)` of bytes where they lie (a field of a record): equal to the hash of the same text.
    public static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// `hash(_:)` of `bytes[range]`, read in place (no slice made: a slice holds its array, one
    /// retain and release more per lookup on the row path).
    public static func hash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
        bytes.withUnsafeBytes { hash(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// `head(_:)` of `bytes[range]`, read in place.
    public static func head(_ bytes: [UInt8], _ range: Range<Int>) -> KeyHead {
        bytes.withUnsafeBytes { head(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// True when `stored` holds exactly `bytes[range]` (compared with memcmp, in place).
    public static func equal(_ stored: ArraySlice<UInt8>, _ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard stored.count == range.count else { return false }
        return stored.withUnsafeBufferPointer { s in
            bytes.withUnsafeBufferPointer { b in s.count == 0 || memcmp(s.baseAddress!, b.baseAddress! + range.lowerBound, s.count) == 0 }
        }
    }

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = UInt64(bytes.count) &* k
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
            h ^= h >> 29
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            for j in i..<bytes.count { tail |= UInt64(bytes[j]) << UInt64(8 * (j - i)) }
            h = (h ^ tail) &* k
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }

    /// The text's first `KeyHead.byteCount` UTF-8 bytes, zero padded.
    public static func head(_ text: Substring.UTF8View) -> KeyHead {
        if let h = text.withContiguousStorageIfAvailable({ head(UnsafeRawBufferPointer($0)) }) { return h }
        return Array(text.prefix(KeyHead.byteCount)).withUnsafeBytes { head($0) }
    }

    /// Appends the first `count` bytes a head holds (`count` at most `KeyHead.byteCount`).
    public static func append(_ head: KeyHead, count: Int, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: head) { bytes.append(contentsOf: $0.prefix(min(count, KeyHead.byteCount))) }
    }

    private static func head(_ bytes: UnsafeRawBufferPointer) -> KeyHead {
        var head = KeyHead()
        let n = min(bytes.count, KeyHead.byteCount)
        guard n > 0, let base = bytes.baseAddress else { return head }
        withUnsafeMutableBytes(of: &head) { $0.baseAddress!.copyMemory(from: base, byteCount: n) }
        return head
    }

    /// True when `stored` holds exactly the text's UTF-8 bytes (compared with memcmp).
    public static func equal(_ stored: ArraySlice<UInt8>, _ text: Substring.UTF8View) -> Bool {
        guard stored.count == text.count else { return false }
        if let same = text.withContiguousStorageIfAvailable({ t in
            stored.withUnsafeBufferPointer { s in s.count == 0 || memcmp(s.baseAddress!, t.baseAddress!, s.count) == 0 }
        }) { return same }
        return stored.elementsEqual(text)
    }
}


/// Starts loading an array element into the cache before it is read (a hash table's slot, whose
/// address is known well before its contents are needed): at 10M rows most lookups wait on memory.
public enum Prefetch {
    /// Inlinable: called with a caller's own element type, it is specialized where it is called.
    @inlinable @inline(__always)
    public static func element<T>(_ array: [T], at index: Int) {
        guard index >= 0 && index < array.count else { return }
        array.withUnsafeBufferPointer { earshot_prefetch($0.baseAddress! + index) }
    }
}

/// A realloc that refuses to grow a field past `LibCSVReader.maxFieldBytes`.
private func cappedRealloc(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    guard size <= LibCSVReader.maxFieldBytes else { return nil }
    return realloc(pointer, size)
}

/// Reads a file in fixed-size chunks with POSIX `read(2)` straight into byte arrays. Foundation's
/// `FileHandle.read` returns `Data` objects that, on a secondary thread, were seen to stay alive until
/// the thread ended (a 1M-row file kept ~800 MB); plain reads keep memory flat. Pointer code, so it
/// lives in this file.
public enum ChunkedFile {
    /// Calls `body` with each chunk in order; returns false when the file cannot be opened. With a
    /// `range`, only those bytes are read (a part of a file read on its own thread).
    public static func forEachChunk(path: String, chunkSize: Int, range: Range<Int>? = nil,
                                    _ body: ([UInt8]) throws -> Void) throws -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var position = range?.lowerBound ?? 0
        let end = range?.upperBound ?? Int.max
        if position > 0, lseek(fd, off_t(position), SEEK_SET) < 0 { throw ChunkedFileError(path: path, errno: errno) }
        while position < end {
            let want = min(chunkSize, end - position)
            // Read straight into the chunk handed on (no buffer copied, nothing zeroed first).
            var n = 0, readErrno: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: want) { buffer, initialized in
                n = read(fd, buffer.baseAddress, want)
                readErrno = errno
                initialized = max(0, n)
            }
            if n < 0 {
                if readErrno == EINTR { continue }
                throw ChunkedFileError(path: path, errno: readErrno)
            }
            if n == 0 { return true }
            position += n
            try body(chunk)
        }
        return true
    }
}

/// A read error with the system's message.
public struct ChunkedFileError: Error, CustomStringConvertible {
    public let path: String
    public let errno: Int32
    public var description: String { String(cString: strerror(errno)) }
}
