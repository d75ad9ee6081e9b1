import EarshotIngest
import EarshotModel

/// The invariants the libcsv wrapper promises, checked on arbitrary bytes. Shared by the `FuzzIngest`
/// libFuzzer target and by CatalogueTests, which replays every file under `Fixtures/fuzz/` through it.
///
/// For one input, with `,` as the delimiter (or `;`, tab or `|` when the input starts with one):
/// 1. **Chunking**: the whole input fed at once, fed byte by byte (inputs up to 512 bytes: beyond that
///    it costs the fuzzer most of its executions and finds nothing the 1–17-byte chunks miss), and fed in
///    chunks whose sizes come from the input's own bytes give identical event sequences.
/// 2. **Round trip**: every record's `rawBytes`, parsed alone, gives exactly one record with the same fields.
/// 3. **Nothing lost**: the events, cut at their start bytes, partition the input. Each event starts at a
///    line start, with the line number that counting CR, LF and CRLF gives; a record's span is its
///    `rawBytes` (plus the LF of a CRLF); a blank line's is one line end; a malformed record's span is
///    what its `raw` text shows plus one line end (a 4 KiB cap aside). So records + blank + malformed
///    account for every byte, as the ledger's `read = accepted + merged + ignored + rejected` needs.
public enum IngestCheck {
    /// One event in comparable form.
    public struct Seen: Equatable, CustomStringConvertible {
        public enum Kind: Equatable { case record([String], raw: [UInt8]), blank, malformed(RejectReason, raw: String) }
        public let line: Int
        public let byte: Int
        public let kind: Kind

        public init(line: Int, byte: Int, kind: Kind) {
            self.line = line
            self.byte = byte
            self.kind = kind
        }

        public var description: String {
            switch kind {
            case let .record(fields, _): return "\(line)@\(byte) record \(fields)"
            case .blank: return "\(line)@\(byte) blank"
            case let .malformed(reason, raw): return "\(line)@\(byte) \(reason.rawValue) \(raw.debugDescription)"
            }
        }
    }

    static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    /// Feeds `input` in chunks of the given sizes (cycled; the rest at once when `sizes` is empty).
    public static func events(_ input: [UInt8], delimiter: UInt8, chunkSizes sizes: [Int] = []) -> [Seen] {
        var out: [Seen] = []
        let reader = LibCSVReader(delimiter: delimiter, blockSize: 256) { event in
            switch event {
            case let .record(r): out.append(Seen(line: r.line, byte: r.byte, kind: .record(r.fields, raw: r.rawBytes)))
            case let .blankLine(line, byte): out.append(Seen(line: line, byte: byte, kind: .blank))
            case let .malformed(line, byte, reason, raw): out.append(Seen(line: line, byte: byte, kind: .malformed(reason, raw: raw)))
            }
        }
        input.withUnsafeBufferPointer { all in
            var start = 0, k = 0
            while start < all.count {
                let size = sizes.isEmpty ? all.count : max(1, sizes[k % sizes.count])
                let end = min(all.count, start + size)
                reader.feed(UnsafeBufferPointer(rebasing: all[start..<end]))
                start = end
                k += 1
            }
        }
        reader.finish()
        return out
    }

    /// How the check parses: `events` (the real reader); tests pass broken parsers to show the check fails.
    public typealias Parser = (_ input: [UInt8], _ delimiter: UInt8, _ chunkSizes: [Int]) -> [Seen]

    /// Returns a description of the first broken invariant, or nil when all hold.
    public static func violation(in input: [UInt8],
                                 parser: Parser = { events($0, delimiter: $1, chunkSizes: $2) }) -> String? {
        let delimiter = input.first.flatMap { delimiters.contains($0) ? $0 : nil } ?? UInt8(ascii: ",")
        let whole = parser(input, delimiter, [])

        // 1. Chunking.
        var chunkings: [(String, [Int])] = [("sizes from the input", input.prefix(64).map { 1 + Int($0 % 17) })]
        if input.count <= 512 { chunkings.append(("byte by byte", [1])) }
        for (name, sizes) in chunkings where !sizes.isEmpty {
            let other = parser(input, delimiter, sizes)
            if other != whole {
                let i = zip(whole, other).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(whole.count, other.count)
                return "chunking (\(name)) changed event \(i): whole input gives \(whole.count) events "
                    + "(\(i < whole.count ? whole[i].description : "none")), chunked gives \(other.count) "
                    + "(\(i < other.count ? other[i].description : "none"))"
            }
        }

        // 2. Round trip.
        for seen in whole {
            guard case let .record(fields, raw) = seen.kind else { continue }
            let again = parser(raw, delimiter, [])
            guard again.count == 1, case let .record(fields2, raw2) = again[0].kind, fields2 == fields, raw2 == raw else {
                return "round trip: record \(seen) re-parsed alone gives \(again)"
            }
        }

        // 3. Nothing lost: the events partition the input.
        if input.isEmpty { return whole.isEmpty ? nil : "an empty input gave events \(whole)" }
        guard let first = whole.first, first.byte == 0 else { return "the first event does not start at byte 0: \(whole.first.map(\.description) ?? "no event")" }
        var previousStart = -1
        var counter = LineCounter()
        for (i, seen) in whole.enumerated() {
            let start = seen.byte
            let end = i + 1 < whole.count ? whole[i + 1].byte : input.count
            guard start > previousStart, end > start, end <= input.count else {
                return "event \(seen) does not start after the previous one or is empty (next at byte \(end))"
            }
            previousStart = start
            if start > 0, input[start - 1] != 0x0A, input[start - 1] != 0x0D {
                return "event \(seen) does not start at a line start"
            }
            let expectedLine = counter.line(at: start, in: input)
            if seen.line != expectedLine { return "event \(seen) says line \(seen.line), counting gives \(expectedLine)" }
            let span = Array(input[start..<end])
            switch seen.kind {
            case let .record(_, raw):
                let ok = span == raw || (raw.last == 0x0D && span == raw + [0x0A])
                if !ok { return "record \(seen): its raw bytes \(raw) are not the input's \(span)" }
            case .blank:
                if span != [0x0A] && span != [0x0D] && span != [0x0D, 0x0A] { return "blank line \(seen) spans \(span)" }
            case let .malformed(_, raw):
                // One line end closes the span; a second one would be a blank line nobody reported.
                var body = span[...]
                if body.last == 0x0A { body.removeLast() }
                if body.last == 0x0D, body.count == span.count || span.last == 0x0A { body.removeLast() }
                if body.last == 0x0A || body.last == 0x0D { return "malformed \(seen) swallows a line end: \(span)" }
                let full = RawText.describe(body)
                let capped = RawText.describe(RawText.trimmingLineEnd(Array(span.prefix(4096))))
                if raw != full && raw != capped { return "malformed \(seen): its raw text is not the input's \(full.debugDescription)" }
            }
        }
        return nil
    }

    /// 1 + the line ends before an offset (CR, LF, and CRLF counted once), for increasing offsets.
    struct LineCounter {
        var offset = 0
        var line = 1

        mutating func line(at target: Int, in input: [UInt8]) -> Int {
            while offset < target {
                if input[offset] == 0x0D { line += 1 }
                else if input[offset] == 0x0A, offset == 0 || input[offset - 1] != 0x0D { line += 1 }
                offset += 1
            }
            return line
        }
    }
}
