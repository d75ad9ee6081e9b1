import EarshotModel
import Foundation
import Testing
import TestSupport
@testable import EarshotIngest

/// Public CSV corpora (Fixtures/conformance/, provenance in its README) read through the ingest path:
/// sniffed encoding and delimiter, UTF-8 transcoding, LibCSVReader.
@Suite("conformance corpora")
struct ConformanceTests {
    static let spectrum: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: Conformance.path("csv-spectrum/csvs"))) ?? [])
        .filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()

    @Test("csv-spectrum: the corpus is all there")
    func spectrumComplete() {
        #expect(Self.spectrum == ["comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "newlines",
                                  "newlines_crlf", "quotes_and_newlines", "simple", "simple_crlf", "utf8"])
    }

    @Test("csv-spectrum: every case reads exactly as its JSON says", arguments: spectrum)
    func spectrumCase(name: String) throws {
        let outcome = try Conformance.read("csv-spectrum/csvs/\(name).csv")
        #expect(outcome.encoding == .utf8)
        #expect(outcome.delimiter == "comma")
        #expect(outcome.malformed == [])
        #expect(outcome.blankLines == [])
        let data = try Data(contentsOf: URL(fileURLWithPath: Conformance.path("csv-spectrum/json/\(name).json")))
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: String]])
        let header = try #require(outcome.records.first)
        let got = outcome.records.dropFirst().map { fields -> [String: String] in
            #expect(fields.count == header.count)
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
        #expect(got == expected)
    }

    /// What a careful reader does with each file. Counts and widths come from reading the bytes by hand
    /// (`od -c`); `reject` lists "line:reason" for lines the reader refuses.
    struct Case: Sendable, CustomStringConvertible {
        let file: String
        let encoding: TextEncoding
        let delimiter: String
        /// Field count of every record, in order (header first).
        var widths: [Int]? = nil
        /// Or, for long files, how many records have each width.
        var widthCounts: [Int: Int]? = nil
        var blankLines: [Int] = []
        var rejects: [String] = []
        /// (record, field, value) spot checks.
        var cells: [Check] = []
        var description: String { file }
    }
    struct Check: Sendable { let record: Int; let field: Int; let value: String }

    static let cases: [Case] = [
        // Ragged rows are read as written: line 2 has 4 fields, line 3 two. SourceReader then rejects
        // them as too-many-fields / too-few-fields against the 3-column header.
        .init(file: "csvkit-examples/bad.csv", encoding: .utf8, delimiter: "comma", widths: [3, 4, 2, 3],
              cells: [.init(record: 1, field: 3, value: "I'm too long!")]),
        // Null tokens (NA, N/A, NONE, NULL, .) are text; earshot has no null tokens.
        .init(file: "csvkit-examples/blanks.csv", encoding: .utf8, delimiter: "comma", widths: [6, 6],
              cells: [.init(record: 1, field: 4, value: "NULL"), .init(record: 1, field: 0, value: "")]),
        // One column: no delimiter occurs, comma is the default.
        .init(file: "csvkit-examples/date_like_number.csv", encoding: .utf8, delimiter: "comma", widths: [1, 1],
              cells: [.init(record: 1, field: 0, value: "4.5")]),
        // Bare CR line ends; the quoted CR stays in the field.
        .init(file: "csvkit-examples/mac_newlines.csv", encoding: .utf8, delimiter: "comma", widths: [3, 3, 3],
              cells: [.init(record: 2, field: 0, value: "Once upon\ra time")]),
        // A NUL byte is never text: line 2 is rejected as invalid-encoding, line 1 read.
        .init(file: "csvkit-examples/null_byte.csv", encoding: .utf8, delimiter: "comma", widths: [3],
              rejects: ["2:invalid-encoding"]),
        .init(file: "csvkit-examples/sniff_limit.csv", encoding: .utf8, delimiter: "semicolon", widths: [3, 3]),
        // Dates are text here; day-first parsing is normalize's business (the source's date order).
        .init(file: "csvkit-examples/test_date_format.csv", encoding: .utf8, delimiter: "comma", widths: [1, 1, 1],
              cells: [.init(record: 2, field: 0, value: "31/12/2012")]),
        // Header `a,b,c,,` has 5 fields; line 3 `,,c,` has 4 (SourceReader: too-few-fields).
        .init(file: "csvkit-examples/test_empty_columns.csv", encoding: .utf8, delimiter: "comma", widths: [5, 5, 4, 5]),
        // `,,,` under a 3-column header: 4 empty fields; SourceReader counts it as a blank line.
        .init(file: "csvkit-examples/test_empty_columns_long_row.csv", encoding: .utf8, delimiter: "comma", widths: [3, 4]),
        // `,`: 2 empty fields; SourceReader counts it as a blank line.
        .init(file: "csvkit-examples/test_empty_columns_short_row.csv", encoding: .utf8, delimiter: "comma", widths: [3, 2]),
        // A quoted header cell holding TAB LF VT FF CR: kept byte for byte; 3 LF + 3 CR inside it end 6
        // lines, so the next record starts on line 8.
        .init(file: "csvkit-examples/test_header_newline.csv", encoding: .utf8, delimiter: "comma", widths: [3, 3],
              cells: [.init(record: 0, field: 0, value: "\t\n\u{0B}\u{0C}\r start \t\n\u{0B}\u{0C}\r end \t\n\u{0B}\u{0C}\r"),
                      .init(record: 1, field: 0, value: "d")]),
        // Byte A9 is not UTF-8: Windows-1252, where it is ©. No final newline.
        .init(file: "csvkit-examples/test_latin1.csv", encoding: .windows1252, delimiter: "comma", widths: [3, 3, 3],
              cells: [.init(record: 2, field: 2, value: "©")]),
        // Locale numbers stay text.
        .init(file: "csvkit-examples/test_locale.csv", encoding: .utf8, delimiter: "comma", widths: [3, 3],
              cells: [.init(record: 1, field: 0, value: "1,7"), .init(record: 1, field: 1, value: "200.000.000")]),
        // Leading zeroes are kept (no type inference).
        .init(file: "csvkit-examples/test_no_leading_zeroes.csv", encoding: .utf8, delimiter: "comma", widths: [3, 3],
              cells: [.init(record: 1, field: 0, value: "01"), .init(record: 1, field: 1, value: "00.11")]),
        .init(file: "csvkit-examples/test_numeric_date_format.csv", encoding: .utf8, delimiter: "comma", widths: [1, 1, 1],
              cells: [.init(record: 1, field: 0, value: "20140102")]),
        // Three blank lines before the header (SourceReader: preamble).
        .init(file: "csvkit-examples/test_skip_lines.csv", encoding: .utf8, delimiter: "comma", widths: [3, 3],
              blankLines: [1, 2, 3]),
        // BOM FE FF; U+02A4 ʤ as 02 A4; no final newline.
        .init(file: "csvkit-examples/test_utf16_big.csv", encoding: .utf16BE, delimiter: "comma", widths: [3, 3, 3],
              cells: [.init(record: 2, field: 2, value: "ʤ")]),
        .init(file: "csvkit-examples/test_utf16_little.csv", encoding: .utf16LE, delimiter: "comma", widths: [3, 3, 3],
              cells: [.init(record: 2, field: 2, value: "ʤ")]),
        .init(file: "csvkit-examples/test_utf8.csv", encoding: .utf8, delimiter: "comma", widths: [3, 3, 3],
              cells: [.init(record: 2, field: 2, value: "ʤ")]),
        // The BOM is not part of the first header.
        .init(file: "csvkit-examples/test_utf8_bom.csv", encoding: .utf8BOM, delimiter: "comma", widths: [3, 3, 3],
              cells: [.init(record: 0, field: 0, value: "foo"), .init(record: 2, field: 2, value: "ʤ")]),
        // A Dutch spreadsheet: 43 lines of 20 fields, the header on none of them (preamble rows with
        // titles); read as written, a preset or columns: must pick the header.
        .init(file: "messytables-horror/begrotingsanalyse-2011.csv", encoding: .utf8, delimiter: "comma", widthCounts: [20: 43],
              cells: [.init(record: 0, field: 2, value: "Kengetallen clusters provincies"),
                      .init(record: 6, field: 0, value: "NR.")]),
        // Spaces after commas are kept; line 4 `2011-01-03, , "6,000,000",Galway` opens a quote after a
        // space, which strict RFC 4180 does not allow: rejected as stray-quote, not silently re-split.
        .init(file: "messytables-horror/complex.csv", encoding: .utf8, delimiter: "comma", widths: [4, 4, 4],
              rejects: ["4:stray-quote"],
              cells: [.init(record: 0, field: 1, value: " another date"), .init(record: 2, field: 3, value: "Galway and more")]),
        // Excel paste: CRLF, title rows, and labels with a bare LF inside quotes: 24 lines, 21 records.
        .init(file: "messytables-horror/excel_pasting.csv", encoding: .utf8, delimiter: "comma", widthCounts: [9: 21],
              cells: [.init(record: 3, field: 0, value: "Year"),
                      .init(record: 13, field: 0, value: "Machinery and \nequipment")]),
        .init(file: "messytables-horror/null.csv", encoding: .utf8, delimiter: "comma", widthCounts: [4: 10],
              cells: [.init(record: 0, field: 1, value: "null")]),
        .init(file: "messytables-horror/simple.psv", encoding: .utf8, delimiter: "pipe", widthCounts: [6: 29],
              cells: [.init(record: 0, field: 5, value: "Former owner occupiers")]),
        .init(file: "messytables-horror/simple.ssv", encoding: .utf8, delimiter: "semicolon", widthCounts: [3: 7],
              cells: [.init(record: 2, field: 1, value: "-1")]),
        // The four padding spaces after the comma are data: kept.
        .init(file: "messytables-horror/skip_initials.csv", encoding: .utf8, delimiter: "comma", widths: [2, 2, 2],
              cells: [.init(record: 1, field: 1, value: "    goodbye")]),
        // BOM, one record, no newline.
        .init(file: "messytables-horror/utf8bom.csv", encoding: .utf8BOM, delimiter: "comma", widths: [2],
              cells: [.init(record: 0, field: 0, value: "kitten")]),
        // German statistics office export: two blank lines, a title, a row of asterisks, a row of spaces,
        // then `Die Tabelle bezieht sich auf:` and `Region:;Deutschland` (record 4); 94 lines = 86 records
        // (17 of 1 field, 7 of 2, 62 of 11, counted with awk -F';') + 8 blank lines.
        .init(file: "messytables-horror/weird_head_padding.csv", encoding: .utf8, delimiter: "semicolon",
              widthCounts: [1: 17, 2: 7, 11: 62], blankLines: [1, 2, 73, 77, 80, 84, 87, 91],
              cells: [.init(record: 4, field: 0, value: "Region:"), .init(record: 4, field: 1, value: "Deutschland")]),
    ]

    @Test("the table covers every csvkit and messytables file")
    func tableComplete() throws {
        var files: [String] = []
        for dir in ["csvkit-examples", "messytables-horror"] {
            files += try FileManager.default.contentsOfDirectory(atPath: Conformance.path(dir)).map { "\(dir)/\($0)" }
        }
        #expect(Self.cases.map(\.file).sorted() == files.sorted())
    }

    @Test("csvkit and messytables: read correctly or rejected with a reason", arguments: cases)
    func corpusFile(_ c: Case) throws {
        let o = try Conformance.read(c.file)
        #expect(o.encoding == c.encoding)
        #expect(o.delimiter == c.delimiter)
        if let widths = c.widths { #expect(o.widths == widths) }
        if let counts = c.widthCounts {
            #expect(Dictionary(o.widths.map { ($0, 1) }, uniquingKeysWith: +) == counts)
        }
        #expect(o.blankLines == c.blankLines)
        #expect(o.malformed == c.rejects)
        for check in c.cells {
            let value = o.records.indices.contains(check.record) && o.records[check.record].indices.contains(check.field)
                ? o.records[check.record][check.field] : nil
            #expect(value == check.value, "record \(check.record) field \(check.field)")
        }
    }

    @Test("a file is byte for byte the shared corpus (CRLF files kept binary)")
    func crlfKept() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Conformance.path("csv-spectrum/csvs/simple_crlf.csv")))
        // "a,b,c\r\n1,2,3\r\n": 7 + 7 bytes
        #expect([UInt8](bytes) == Array("a,b,c\r\n1,2,3\r\n".utf8))
    }
}
