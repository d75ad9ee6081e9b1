import EarshotModel
import Testing
import TestSupport
@testable import EarshotIngest

/// Collects a reader's events in a comparable form.
func events(_ text: String, delimiter: Character = ",", chunk: Int = .max) -> [String] {
    events(Array(text.utf8), delimiter: delimiter, chunk: chunk)
}

func events(_ bytes: [UInt8], delimiter: Character = ",", chunk: Int = .max) -> [String] {
    var out: [String] = []
    let reader = LibCSVReader(delimiter: delimiter.asciiValue!) { out.append(describe($0)) }
    feed(reader, bytes, chunk: chunk)
    return out
}

/// One event in a comparable form: a record as its position and `record(r)` (its fields by default).
func describe(_ event: LibCSVReader.Event, record: (CSVRecord) -> String = { $0.fields.joined(separator: "|") }) -> String {
    switch event {
    case let .record(r): return "\(r.line)@\(r.byte):" + record(r)
    case let .blankLine(line, byte): return "\(line)@\(byte):blank"
    case let .malformed(line, byte, reason, raw): return "\(line)@\(byte):\(reason.rawValue):\(raw)"
    }
}

/// Feeds `bytes` in chunks of `chunk` bytes (all at once for `.max`), then ends the input.
func feed(_ reader: LibCSVReader, _ bytes: [UInt8], chunk: Int) {
    var i = 0
    while i < bytes.count {
        let end = min(bytes.count, i + max(1, chunk == .max ? bytes.count : chunk))
        reader.feed(Array(bytes[i..<end]))
        i = end
    }
    reader.finish()
}

@Suite("libcsv wrapper")
struct LibCSVReaderTests {
    @Test("records carry the line and byte where they start, quoted newlines included")
    func positions() {
        // Line 1 starts at byte 0; "a,b\n" is 4 bytes, so line 2 starts at byte 4; the quoted field
        // spans lines 2-3: `"x` + LF + `y",z` + LF is 2+1+4+1 = 8 bytes, so the next record starts on
        // line 4 at byte 4+8 = 12.
        #expect(events("a,b\n\"x\ny\",z\nc,d\n") == ["1@0:a|b", "2@4:x\ny|z", "4@12:c|d"])
    }

    @Test("spaces are kept, blank lines are reported, a missing final newline still gives the record")
    func noTrimmingAndBlankLines() {
        #expect(events(" a , b \n\nc,d") == ["1@0: a | b ", "2@8:blank", "3@9:c|d"])
    }

    @Test("CRLF, bare CR and mixed line ends count lines the same way")
    func lineEnds() {
        #expect(events("a,b\r\nc,d\re,f\ng,h") == ["1@0:a|b", "2@5:c|d", "3@9:e|f", "4@13:g|h"])
    }

    @Test("a stray quote costs only its own line, and reading resumes on the next line")
    func strayQuote() {
        #expect(events("a,b\nx\"y,z\nc,d\n") == ["1@0:a|b", "2@4:stray-quote:x\"y,z", "3@10:c|d"])
    }

    @Test("text after a closing quote is rejected as a stray quote")
    func textAfterQuote() {
        #expect(events("\"a\"b,c\nd,e\n") == ["1@0:stray-quote:\"a\"b,c", "2@7:d|e"])
    }

    @Test("an unterminated quote in the middle rejects its line and the lines after it are read again")
    func unterminatedQuoteMiddle() {
        // The quote on line 2 opens a field that swallows line 3 and then meets the stray quote
        // on line 4 (`"q"r`), where strict mode fails: line 2 is rejected, lines 3 and 4 are re-read,
        // line 4 then fails by itself as a stray quote, and line 5 reads normally. Bytes: lines 1-4 are
        // 4, 8, 4 and 7 bytes long, so they start at 0, 4, 12, 16 and line 5 at 23.
        #expect(events("a,b\n\"open,c\nd,e\n\"q\"r,f\ng,h\n") == [
            "1@0:a|b", "2@4:unterminated-quote:\"open,c", "3@12:d|e", "4@16:stray-quote:\"q\"r,f", "5@23:g|h",
        ])
    }

    @Test("a file cut inside quotes is rejected, not accepted")
    func truncatedInsideQuotes() {
        #expect(events("a,b\nc,\"never closed\nd,e\n") == ["1@0:a|b", "2@4:unterminated-quote:c,\"never closed", "3@20:d|e"])
    }

    @Test("invalid UTF-8 and NUL bytes reject the record and show the bytes escaped")
    func invalidBytes() {
        let bytes: [UInt8] = Array("a,b\n".utf8) + [0x63, 0xFF, 0x2C, 0x64, 0x0A] + Array("e,f\n".utf8) + [0x67, 0x00, 0x2C, 0x68, 0x0A]
        #expect(events(bytes) == ["1@0:a|b", "2@4:invalid-encoding:c\\xFF,d", "3@9:e|f", "4@13:invalid-encoding:g\\x00,h"])
    }

    @Test("\"\" is an empty string, distinct from an absent field")
    func emptyQuoted() {
        #expect(events("\"\",a,\n") == ["1@0:|a|"])
    }

    static let chunkingInput = "id,text\r\n1,\"multi\r\nline\"\r\n2,\"stray\"x\r\n\r\n3,\"a \"\"quoted\"\" word\"\n4,\"cut\n5,ok"

    @Test("any chunking of the input gives the same events", arguments: [1, 2, 3, 5, 7, 13, 64])
    func chunking(chunk: Int) {
        #expect(events(Self.chunkingInput, chunk: chunk) == events(Self.chunkingInput))
    }

    @Test("semicolon and tab delimiters")
    func delimiters() {
        #expect(events("a;b,c\n", delimiter: ";") == ["1@0:a|b,c"])
        #expect(events("a\tb\n", delimiter: "\t") == ["1@0:a|b"])
    }
}

/// The reader runs libcsv without a space function on segments where its built-in space-or-tab test
/// trims nothing. The expectation is the same reader with the no-trim space function on every segment
/// (the behaviour the rest of this suite pins down): on random text dense in spaces, tabs, quotes,
/// delimiters and line ends, fed whole and in small chunks, the events must be identical.
@Suite("libcsv's built-in space test, chosen per segment")
struct SpaceTestChoiceTests {
    static func events(_ bytes: [UInt8], delimiter: UInt8, chunk: Int, alwaysSpaceFunction: Bool) -> [String] {
        var out: [String] = []
        let reader = LibCSVReader(delimiter: delimiter) { out.append(describe($0)) }
        reader.alwaysSpaceFunction = alwaysSpaceFunction
        feed(reader, bytes, chunk: chunk)
        return out
    }

    @Test("fixed cases: spaces and tabs at every edge a field has", arguments: [
        " a , b \nc,d\n", "\"a\" ,b\n", "\"a\"\t,b\n", "a, \"b\"\n", "a,b \r\nc\t,d", "x y,z w\n", "\t\ta\t\t\n",
        "\"a b\",\" c \"\n", "a,\"b\" \n", "a b\"c\",d\n", "\"x, y\",z\n", "\"x ,y\" ,z\n", "\"x \"\" ,y\",z \n",
    ])
    func fixedCases(text: String) {
        for delimiter in [UInt8(ascii: ","), 0x09] {
            let bytes = Array(text.utf8)
            #expect(Self.events(bytes, delimiter: delimiter, chunk: .max, alwaysSpaceFunction: false)
                    == Self.events(bytes, delimiter: delimiter, chunk: .max, alwaysSpaceFunction: true))
        }
        // Spaces are kept (never trimmed): the first case reads " a " and " b ".
        #expect(Self.events(Array(" a , b \n".utf8), delimiter: 0x2C, chunk: .max, alwaysSpaceFunction: false) == ["1@0: a | b "])
    }

    // Up to 70 bytes, whole or in chunks of 16 to 39: segments span several of the scan's 16-byte
    // blocks (`earshot_csv_scan_segment`), with line ends, spaces and quotes at every place in a block.
    @Test("random text: same events with and without the choice, whole and in chunks of 1 to 7 and 16 to 39 bytes")
    func randomText() {
        var rng = SplitMix(seed: 2026)
        let alphabet = Array("ab  \t\t,,;\"\"\r\n\n".utf8)
        for round in 0..<3_000 {
            let length = Int(rng.next() % 70)
            let bytes = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let delimiter: UInt8 = [0x2C, 0x09, 0x3B][round % 3]
            let chunk = [Int.max, Int.max, 1 + Int(rng.next() % 7), 1 + Int(rng.next() % 7), 16 + Int(rng.next() % 24)][round % 5]
            let chosen = Self.events(bytes, delimiter: delimiter, chunk: chunk, alwaysSpaceFunction: false)
            let always = Self.events(bytes, delimiter: delimiter, chunk: chunk, alwaysSpaceFunction: true)
            #expect(chosen == always, "input \(bytes), delimiter \(delimiter), chunk \(chunk)")
            if chosen != always { return }
        }
    }
}

/// A line with no quote and no NUL is read where it lies (fields between delimiters, `CSVRecord.fieldGap`
/// 1) instead of copied field by field. The expectation is the copying reader (`alwaysCopyFields`, the
/// behaviour the suites above pin down): same events, fields, non-ASCII field bits and rejects, on
/// random text dense in delimiters, quotes, line ends, non-ASCII letters, invalid bytes and NULs.
@Suite("fields read where their line lies")
struct FieldsInLineTests {
    static func events(_ bytes: [UInt8], chunk: Int, copy: Bool, gaps: inout Set<Int>) -> [String] {
        var out: [String] = []
        var seen: Set<Int> = []
        let reader = LibCSVReader(delimiter: 0x2C) { event in
            out.append(describe(event) { r in
                seen.insert(r.fieldGap)
                return "\(r.nonASCIIFields):" + r.fields.joined(separator: "|") + ":" + r.rawText
            })
        }
        reader.alwaysCopyFields = copy
        feed(reader, bytes, chunk: chunk)
        gaps.formUnion(seen)
        return out
    }

    @Test("fixed cases: which lines are read in place, and what their fields hold")
    func fixedCases() {
        var gaps: Set<Int> = []
        // é is two bytes (C3 A9): field 1 of the first record is not ASCII (bit 1); line 1 is 9 bytes
        // with its CRLF, line 2 six.
        let text = "a,é,,c\r\n\"q\",b\nx,y"
        let inPlace = Self.events(Array(text.utf8), chunk: .max, copy: false, gaps: &gaps)
        #expect(inPlace == ["1@0:2:a|é||c:a,é,,c", "2@9:0:q|b:\"q\",b", "3@15:0:x|y:x,y"])
        // Line 1 is read in place; line 2 has a quote and line 3 no line end: both copied.
        #expect(gaps == [0, 1])
    }

    @Test("random text: same events read in place and copied, whole and in chunks of 1 to 9 bytes")
    func randomText() {
        var rng = SplitMix(seed: 7)
        let pieces: [[UInt8]] = [[0x61], [0x62], [0x20], [0x2C], [0x2C], [0x22], [0x0D], [0x0A], [0x0A], [0xC3, 0xA9],
                                 [0xE2, 0x80, 0x93], [0xFF], [0xC3], [0x00]]
        var gaps: Set<Int> = []
        for round in 0..<3_000 {
            let count = Int(rng.next() % 30)
            let bytes = (0..<count).flatMap { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
            let chunk = round % 2 == 0 ? Int.max : 1 + Int(rng.next() % 9)
            let inPlace = Self.events(bytes, chunk: chunk, copy: false, gaps: &gaps)
            let copied = Self.events(bytes, chunk: chunk, copy: true, gaps: &gaps)
            #expect(inPlace == copied, "input \(bytes), chunk \(chunk)")
            if inPlace != copied { return }
        }
        // Both layouts were met.
        #expect(gaps == [0, 1])
    }
}
