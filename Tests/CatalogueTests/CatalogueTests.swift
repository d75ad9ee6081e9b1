import EarshotIngest
import EarshotModel
import EarshotNormalize
import Foundation
import FuzzChecks
import Testing
import TestSupport

// The bad-input catalogue (issue #6, "never lose a row, never publish half a report"). Every case is one
// file under Fixtures/catalogue/ (or generated here when committing it would be silly: megabytes of
// `x`), read as a `generic-handoffs` export (`item_id,from,to,at`) through `SourceReader.read` with a
// consumer that accepts every row, so the ledger shows exactly what the reader itself decided.
// Fixtures/catalogue/README.md is the same table for people.

/// What reading one file gives: the ledger, the accepted rows (`line:value`), the rejects (`line:reason`).
struct Outcome: Equatable, Sendable, CustomStringConvertible {
    var read: Int
    var accepted: [String]
    var ignored: [IgnoreRule: Int] = [:]
    var rejected: [String] = []

    var description: String {
        let shown = accepted.count > 8 ? Array(accepted.prefix(4)) + ["… \(accepted.count) rows"] : accepted
        return "read \(read), accepted \(shown), ignored \(ignored.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }), rejected \(rejected)"
    }
}

struct CatalogueCase: Sendable, CustomTestStringConvertible {
    enum Input: Sendable {
        /// A committed file under Fixtures/catalogue/.
        case fixture(String)
        /// Bytes made at test time (name, bytes) in a scratch folder.
        case generated(String, @Sendable () -> [UInt8])
    }
    enum Expected: Sendable {
        case ledger(Outcome)
        case error(IngestError)
    }

    let input: Input
    /// The config's `encoding:` (nil: sniffed).
    var encoding: String? = nil
    /// The mapped field shown for each accepted row (`line:value`).
    var show: String = "item_id"
    /// Show the field's length in bytes instead of its value (megabyte fields).
    var showLength = false
    let expected: Expected
    /// Why this is the right outcome (the catalogue's reasoning, kept beside the expectation).
    let why: String

    var name: String {
        switch input {
        case let .fixture(n): return n + (encoding.map { " (encoding: \($0))" } ?? "")
        case let .generated(n, _): return n + " (generated)"
        }
    }
    var testDescription: String { name }
}

/// Header of every reader case, and one well-formed data row.
private let header = "item_id,from,to,at\n"
private func row(_ id: String, from: String = "ana@acme.example") -> String { "\(id),\(from),ben@acme.example,2026-07-01 09:00\n" }

enum Catalogue {
    static let cases: [CatalogueCase] = [
        // Line ends: CRLF (Windows, Excel), LF, bare CR (classic Mac OS, some Excel for Mac saves), and all
        // three in one file. Every form ends a line; CRLF counts once. Rows are on lines 2 and 3 (2-4 mixed).
        .init(input: .fixture("line-ends-crlf.csv"), expected: .ledger(.init(read: 2, accepted: ["2:F1", "3:F2"])),
              why: "CRLF ends a line once"),
        .init(input: .fixture("line-ends-lf.csv"), expected: .ledger(.init(read: 2, accepted: ["2:F1", "3:F2"])),
              why: "LF ends a line"),
        .init(input: .fixture("line-ends-cr.csv"), expected: .ledger(.init(read: 2, accepted: ["2:F1", "3:F2"])),
              why: "a bare CR ends a line"),
        .init(input: .fixture("line-ends-mixed.csv"), expected: .ledger(.init(read: 3, accepted: ["2:F1", "3:F2", "4:F3"])),
              why: "header CRLF, then LF, CR, CRLF: three rows on lines 2, 3, 4"),
        // The last row has no line end: it is still a row (libcsv's csv_fini emits it).
        .init(input: .fixture("no-final-newline.csv"), expected: .ledger(.init(read: 2, accepted: ["2:F1", "3:F2"])),
              why: "a missing final newline loses nothing"),
        // Line 1 blank (before the header: preamble), header on line 2, blanks on lines 3, 5, 6, and line 8
        // is `,,,` (four empty fields: a blank row). read = 1 preamble + 4 blank + 3 rows = 8.
        .init(input: .fixture("blank-lines.csv"),
              expected: .ledger(.init(read: 8, accepted: ["4:F1", "7:F2", "9:F3"], ignored: [.preamble: 1, .blankLine: 4])),
              why: "blank lines and all-empty rows are ignored (blank-line), counted in read"),
        // Encodings: the BOM is skipped (not part of the first header name); UTF-16 with BOM is transcoded,
        // a surrogate pair (U+1F600) included; a file that is not UTF-8 is read as Windows-1252 (0xE9 = é,
        // 0x80 = €).
        .init(input: .fixture("utf8-bom.csv"), expected: .ledger(.init(read: 2, accepted: ["2:F1", "3:Fé"])),
              why: "UTF-8 BOM skipped, é kept"),
        .init(input: .fixture("utf16le-bom.csv"), expected: .ledger(.init(read: 2, accepted: ["2:F1", "3:FÜ😀"])),
              why: "UTF-16LE with BOM transcoded, surrogate pair included"),
        .init(input: .fixture("utf16be-bom.csv"), expected: .ledger(.init(read: 2, accepted: ["2:F1", "3:FÜ😀"])),
              why: "UTF-16BE with BOM transcoded, surrogate pair included"),
        .init(input: .fixture("windows-1252.csv"), expected: .ledger(.init(read: 3, accepted: ["2:F1", "3:Café", "4:€uro"])),
              why: "not UTF-8: Windows-1252 fallback, 0xE9 is é and 0x80 is €"),
        // Line 3 holds the byte 0xFF. Sniffed, a small file with a byte that is not UTF-8 is Windows-1252,
        // where 0xFF is ÿ: the row is read as `Fÿ2` (the sniffer decides per file, not per row). With
        // `encoding: utf-8` in the config, the same row is rejected invalid-encoding and the others read.
        .init(input: .fixture("invalid-utf8.csv"), expected: .ledger(.init(read: 3, accepted: ["2:F1", "3:Fÿ2", "4:F3"])),
              why: "sniffed: a non-UTF-8 file is Windows-1252, so 0xFF reads as ÿ"),
        .init(input: .fixture("invalid-utf8.csv"), encoding: "utf-8",
              expected: .ledger(.init(read: 3, accepted: ["2:F1", "4:F3"], rejected: ["3:invalid-encoding"])),
              why: "declared UTF-8: the row with 0xFF is rejected, its neighbours read"),
        // 5000 rows of 56 bytes (280 KB), then a row with 0xFF past the sniffer's 256 KiB sample: the sniffer
        // saw valid UTF-8, so the reader rejects that one row (line 5002) rather than guessing; line 5003 reads.
        .init(input: .generated("invalid-utf8-after-sample.csv", {
            var s = header
            for i in 1...5000 { s += row("F\(i)") }
            return Array(s.utf8) + Array("F".utf8) + [0xFF] + Array(",a@acme.example,b@acme.example,x\n".utf8)
                + Array(row("F5002").utf8)
        }), expected: .ledger(.init(read: 5002, accepted: (1...5000).map { "\($0 + 1):F\($0)" } + ["5003:F5002"],
                                    rejected: ["5002:invalid-encoding"])),
              why: "invalid UTF-8 after the sniffed sample: that row rejected"),
        // A NUL byte is never text: the row is rejected invalid-encoding.
        .init(input: .fixture("nul-byte.csv"), expected: .ledger(.init(read: 3, accepted: ["2:F1", "4:F3"], rejected: ["3:invalid-encoding"])),
              why: "NUL rejects its row"),
        // Field counts against the header's 4: a fifth non-empty field is too many; 3 fields too few; empty
        // extra fields (a trailing delimiter, or two) are tolerated.
        .init(input: .fixture("too-many-fields.csv"), expected: .ledger(.init(read: 3, accepted: ["2:F1", "4:F3"], rejected: ["3:too-many-fields"])),
              why: "a non-empty fifth field"),
        .init(input: .fixture("too-few-fields.csv"), expected: .ledger(.init(read: 3, accepted: ["2:F1", "4:F3"], rejected: ["3:too-few-fields"])),
              why: "three fields under a four-column header"),
        .init(input: .fixture("trailing-delimiter.csv"), expected: .ledger(.init(read: 2, accepted: ["2:F1", "3:F2"])),
              why: "empty fields past the header's width are tolerated"),
        // The header ends with a delimiter (5 columns, the last unnamed): a row with the trailing
        // delimiter reads; a row without it has 4 fields under 5 columns and is rejected too-few-fields,
        // although the missing column has no name. (Reported to the lead: arguably a row short only of
        // unnamed trailing columns should read.)
        .init(input: .fixture("trailing-delimiter-header.csv"),
              expected: .ledger(.init(read: 2, accepted: ["2:F1", "3:F2"])),
              why: "header with a trailing delimiter: its unnamed last column is optional, so rows with or without the trailing comma read"),
        // Header names: a duplicate `at` (the first wins: 2026-07-01, not 2027-01-01), an empty name (the
        // column is not mapped; `from` is still found), and a file saved with two BOMs (the second is part
        // of the first header name, which matching ignores).
        .init(input: .fixture("header-duplicate.csv"), show: "at", expected: .ledger(.init(read: 1, accepted: ["2:2026-07-01 09:00"])),
              why: "duplicate header name: the first column wins"),
        .init(input: .fixture("header-empty-name.csv"), show: "from", expected: .ledger(.init(read: 1, accepted: ["2:ana@acme.example"])),
              why: "an empty header name maps nothing"),
        .init(input: .fixture("header-double-bom.csv"), expected: .ledger(.init(read: 1, accepted: ["2:F1"])),
              why: "a BOM left inside the first header name is ignored when matching"),
        // Quotes: a quote inside an unquoted field and text after a closing quote are stray quotes that
        // cost only their own line.
        .init(input: .fixture("quote-in-unquoted.csv"), expected: .ledger(.init(read: 3, accepted: ["2:F1", "4:F3"], rejected: ["3:stray-quote"])),
              why: "ana\"s: a quote inside an unquoted field"),
        .init(input: .fixture("text-after-quote.csv"), expected: .ledger(.init(read: 3, accepted: ["2:F1", "4:F3"], rejected: ["3:stray-quote"])),
              why: "\"F2\"x: text after the closing quote"),
        // An unterminated quote on line 3 swallows lines 4-5 to the end of the file; the reader rejects
        // line 3 and reads lines 4 and 5 again, so only the broken line is lost.
        .init(input: .fixture("unterminated-quote-middle.csv"),
              expected: .ledger(.init(read: 4, accepted: ["2:F1", "4:F3", "5:F4"], rejected: ["3:unterminated-quote"])),
              why: "an open quote mid-file costs its own line only"),
        .init(input: .fixture("unterminated-quote-end.csv"),
              expected: .ledger(.init(read: 3, accepted: ["2:F1", "3:F2"], rejected: ["4:unterminated-quote"])),
              why: "an open quote on the last line"),
        // A file cut inside a quoted field that spans lines 3-4: line 3 is rejected unterminated-quote,
        // then line 4 (`09:`) is read again alone and is one field short of four: too-few-fields.
        .init(input: .fixture("truncated-in-quotes.csv"),
              expected: .ledger(.init(read: 3, accepted: ["2:F1"], rejected: ["3:unterminated-quote", "4:too-few-fields"])),
              why: "cut inside quotes: never accepted as a short row"),
        // `""` and an empty field both map to "" (LibCSVReaderTests checks libcsv tells them apart); a
        // fully quoted row reads like an unquoted one.
        .init(input: .fixture("empty-quoted.csv"), show: "from",
              expected: .ledger(.init(read: 3, accepted: ["2:", "3:", "4:ana@acme.example"])),
              why: "\"\" and empty are both an empty value"),
        // Size: a 3 MB field reads whole; a 17 MiB field (over the 16 MiB cap) is rejected field-too-large
        // and the rows after it read. Generated: committing megabytes of `x` would add nothing.
        .init(input: .generated("field-3mb.csv", {
            Array((header + row("F1") + row("F2", from: String(repeating: "x", count: 3_000_000)) + row("F3")).utf8)
        }), show: "from", showLength: true, expected: .ledger(.init(read: 3, accepted: ["2:16", "3:3000000", "4:16"])),
              why: "a 3 MB field reads whole"),
        .init(input: .generated("field-17mib.csv", {
            Array((header + row("F1") + row("F2", from: String(repeating: "x", count: 17 << 20)) + row("F3")).utf8)
        }), expected: .ledger(.init(read: 3, accepted: ["2:F1", "4:F3"], rejected: ["3:field-too-large"])),
              why: "a field over 16 MiB fails its row, not the run"),
        // 100,000 columns on line 3 (non-empty past the header's 4): too-many-fields, nothing else disturbed.
        .init(input: .generated("columns-100k.csv", {
            Array((header + row("F1") + "F2,a,b,c" + String(repeating: ",x", count: 99_996) + "\n" + row("F3")).utf8)
        }), expected: .ledger(.init(read: 3, accepted: ["2:F1", "4:F3"], rejected: ["3:too-many-fields"])),
              why: "a 100k-column row is one rejected row"),
        // Empty file: no header to find, a thrown error (exit 66 in the CLI). Header only: zero rows, fine.
        .init(input: .fixture("empty.csv"), expected: .error(.noHeader(file: "empty.csv", preset: "generic-handoffs")),
              why: "an empty file cannot be the export the config names"),
        .init(input: .fixture("header-only.csv"), expected: .ledger(.init(read: 0, accepted: [])),
              why: "a header and no rows is an empty export, not an error"),
        // Excel's `sep=;` first line sets the delimiter and is ignored as preamble.
        .init(input: .fixture("excel-sep.csv"), expected: .ledger(.init(read: 3, accepted: ["3:F1", "4:F2"], ignored: [.preamble: 1])),
              why: "sep=; is a preamble line and the delimiter"),
        // Comment lines are not a CSV concept and earshot has no comment syntax: `# …` before the header is
        // preamble (any line before the header is); inside the data, `# reviewed by ops` (one field) is
        // rejected too-few-fields, and `# note, with, three, commas` has four fields and is read as a row
        // like any other (its item id `# note` then fails whatever the consumer checks).
        .init(input: .fixture("comments.csv"),
              expected: .ledger(.init(read: 6, accepted: ["3:F1", "5:F2", "6:# note", "7:F3"], ignored: [.preamble: 1],
                                      rejected: ["4:too-few-fields"])),
              why: "# lines: preamble before the header, ordinary rows after it"),
    ]

    /// Reads one case and returns its outcome (the ledger balance is checked too).
    static func read(_ c: CatalogueCase) throws -> Outcome {
        let path: String
        let displayName: String
        switch c.input {
        case let .fixture(name):
            path = Fixtures.path("catalogue/" + name)
            displayName = name
        case let .generated(name, make):
            path = Fixtures.write(make(), to: name, in: Fixtures.scratch("catalogue"))
            displayName = name
        }
        defer { if case .generated = c.input { try? FileManager.default.removeItem(atPath: path) } }
        let source = SourceConfig(kind: .handoffs, path: displayName, preset: "generic-handoffs", encoding: c.encoding)
        var ledger = Ledger()
        var accepted: [String] = []
        try SourceReader.read(SourceFile(path: path, displayName: displayName, source: source), ledger: &ledger) { row in
            let value = row[c.show]
            accepted.append("\(row.location.line):" + (c.showLength ? String(value.utf8.count) : value))
            return .accepted
        }
        let file = try #require(ledger[displayName])
        #expect(file.balances, "read \(file.read) ≠ accepted + ignored + rejected")
        return Outcome(read: file.read, accepted: accepted, ignored: file.ignored,
                       rejected: ledger.rejects.map { "\($0.location.line):\($0.reason.rawValue)" })
    }
}

@Suite("bad-input catalogue")
struct CatalogueTests {
    @Test("each catalogued file reads to its documented ledger or error", arguments: Catalogue.cases)
    func catalogue(_ c: CatalogueCase) throws {
        switch c.expected {
        case let .ledger(expected):
            let got = try Catalogue.read(c)
            #expect(got == expected, "\(c.why)")
        case let .error(expected):
            #expect(throws: expected, "\(c.why)") { try Catalogue.read(c) }
        }
    }

    @Test("Fixtures/catalogue/README.md lists every catalogued file")
    func readmeListsEveryCase() throws {
        let readme = try String(contentsOfFile: Fixtures.path("catalogue/README.md"), encoding: .utf8)
        for c in Catalogue.cases {
            let name: String
            switch c.input {
            case let .fixture(n): name = n
            case let .generated(n, _): name = n
            }
            #expect(readme.contains("`\(name)`"), "\(name) is not in the README's table")
        }
    }
}

// MARK: - The fuzz corpus and crash regressions, replayed

@Suite("fuzz corpus replay")
struct FuzzReplayTests {
    /// Every file in Fixtures/fuzz/<target>/ and Fixtures/fuzz/<target>-crashes/, with its target.
    static var inputs: [String] {
        let root = Fixtures.path("fuzz")
        let dirs = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return dirs.sorted().flatMap { dir in
            ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + dir)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted().map { dir + "/" + $0 }
        }
    }

    @Test("the seed corpus is there (so the replay below is not vacuous)")
    func corpusPresent() {
        let targets = Set(Self.inputs.map { $0.split(separator: "/")[0] })
        #expect(targets.isSuperset(of: ["FuzzIngest", "FuzzSniff"]))
        #expect(Self.inputs.count >= 20)
    }

    @Test("every seed and crash input keeps the fuzz targets' invariants", arguments: inputs)
    func replay(_ input: String) throws {
        let target = String(input.split(separator: "/")[0]).replacingOccurrences(of: "-crashes", with: "")
        let bytes = [UInt8](try Data(contentsOf: Fixtures.url("fuzz/" + input)))
        switch target {
        case "FuzzIngest": #expect(IngestCheck.violation(in: bytes) == nil)
        case "FuzzSniff": #expect(SniffCheck.violation(in: bytes) == nil)
        default: Issue.record("Fixtures/fuzz/\(input): unknown fuzz target \(target)")
        }
    }

    @Test("the ingest check reports a parser that loses a row, depends on chunking, miscounts or does not round-trip")
    func checkerCanFail() {
        let input = Array("a,b\r\nc,\"d\ne\"\n\nf,g".utf8)
        let real: IngestCheck.Parser = { IngestCheck.events($0, delimiter: $1, chunkSizes: $2) }
        #expect(IngestCheck.violation(in: input, parser: real) == nil)
        // Records at line 1 byte 0 ("a,b\r", its LF at byte 4), line 2 byte 5 (a quoted field over lines
        // 2-3: `c,"d` LF `e"` LF is 8 bytes), a blank line 4 at byte 13, and line 5 at byte 14.
        let seen = real(input, UInt8(ascii: ","), [])
        #expect(seen.map { "\($0.line)@\($0.byte)" } == ["1@0", "2@5", "4@13", "5@14"])

        // Loses the last row: the row before it no longer spans to the end of the input.
        #expect(IngestCheck.violation(in: input) { i, d, c in Array(real(i, d, c).dropLast()) } != nil)
        // Loses the blank line.
        #expect(IngestCheck.violation(in: input) { i, d, c in real(i, d, c).filter { $0.kind != .blank } } != nil)
        // Loses the blank line after a rejected one (the malformed span would swallow a line end).
        let stray = Array("a,b\nx\"y\n\nc,d\n".utf8)
        #expect(IngestCheck.violation(in: stray) == nil)
        #expect(IngestCheck.violation(in: stray) { i, d, c in real(i, d, c).filter { $0.kind != .blank } } != nil)
        // Gives other events when chunked.
        #expect(IngestCheck.violation(in: input) { i, d, c in c.isEmpty ? real(i, d, c) : Array(real(i, d, c).dropFirst()) } != nil)
        // Miscounts lines.
        #expect(IngestCheck.violation(in: input) { i, d, c in real(i, d, c).map { .init(line: $0.line + 1, byte: $0.byte, kind: $0.kind) } } != nil)
        // A record parsed alone gives other fields.
        #expect(IngestCheck.violation(in: input) { i, d, c in
            let e = real(i, d, c)
            guard e.count == 1, case let .record(fields, raw) = e[0].kind else { return e }
            return [.init(line: 1, byte: 0, kind: .record(fields.reversed(), raw: raw))]
        } != nil)
    }
}

// MARK: - Cases at the config and CLI level

@Suite("bad-input catalogue: the built binary", .serialized)
struct CatalogueCLITests {
    func config(_ name: String) -> String { Fixtures.path("catalogue/cli/\(name)/earshot.yml") }

    func csv(_ path: String) throws -> [[String]] { try readCSV(path) }

    @Test("a sources path with .. is refused before anything is read (exit 78)",
          arguments: [("path-traversal", "../dates/*.csv"), ("path-traversal-plain", "sub/../../dates/people.csv")])
    func pathTraversal(_ name: String, _ pattern: String) throws {
        // Both paths name an existing file (Fixtures/catalogue/cli/dates/people.csv), so only the guard
        // stands between the config and a file outside its folder.
        let out = Fixtures.scratch("cat-cli").appendingPathComponent("out").path
        let r = try Binary.run(["run", "--config", config(name), "--out", out])
        #expect(r.status == 78, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("sources path \"\(pattern)\" climbs out of its folder with"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("formula, HTML, Markdown, bidi and ANSI text in names, titles and subjects stays inert")
    func hostileText() throws {
        let out = Fixtures.scratch("cat-cli").appendingPathComponent("out").path
        let r = try Binary.run(["run", "--config", config("hostile"), "--out", out])
        #expect(r.status == 0, "stderr: \(r.stderr)")

        // data/*.csv: a cell a spreadsheet would run as a formula starts with ' ; numbers stay numbers.
        let people = try csv(out + "/data/person_metrics.csv")
        let byId = Dictionary(uniqueKeysWithValues: people.dropFirst().map { ($0[0], $0) })
        #expect(byId["E1"]?[2] == "'=HYPERLINK(\"http://evil.example\",\"click\")")
        #expect(byId["E2"]?[2] == "'+SUM(1;2)")
        #expect(byId["E2"]?[3] == "-0.5") // a number: left alone
        #expect(byId["E3"]?[2] == "'-Minus Person")
        #expect(byId["E3"]?[3] == "'@Head of Sales")
        // rejects.csv's raw text is guarded too (calendar.csv line 4 starts with `-2+3@`).
        let rejects = try csv(out + "/data/rejects.csv")
        #expect(rejects.dropFirst().map { "\($0[0]):\($0[1])" } == ["calendar.csv:4"])
        #expect(rejects.last?[3].hasPrefix("'-2+3@acme.example,") == true)
        for file in ["person_metrics", "layer_metrics", "chains", "feedback_funnel", "interactions", "ledger", "rejects"] {
            for row in try csv(out + "/data/\(file).csv") {
                for cell in row where cell.first.map({ "=+-@\t\r".contains($0) }) == true {
                    #expect(Double(cell) != nil, "data/\(file).csv: cell \(cell.debugDescription) would run as a formula")
                }
            }
        }

        // report.html: no live markup from the data, no raw bidi or escape characters.
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")) // the name is there, escaped
        #expect(!html.contains("\u{202E}"))
        #expect(!html.contains("\u{1B}"))

        // report.md: the same, and every table row has its table's column count (`|` in text is escaped).
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(!md.contains("<script"))
        #expect(!md.contains("\u{202E}"))
        #expect(!md.contains("\u{1B}"))
        #expect(md.contains("Pipe \\| Name")) // the hostile name reached a table, escaped
        #expect(md.contains("\\*QBR\\*")) // and so did the broadcast's subject
        var tableWidth: Int?
        for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { tableWidth = nil; continue }
            var pipes = 0, escaped = false
            for c in line {
                if escaped { escaped = false; continue }
                if c == "\\" { escaped = true } else if c == "|" { pipes += 1 }
            }
            if let w = tableWidth { #expect(pipes == w, "report.md row has \(pipes) cell borders, its table \(w): \(line)") }
            else { tableWidth = pipes }
        }
    }

    @Test("bad, ambiguous and out-of-range dates are rejected with their lines; a DST-gap time reads with the offset before the change")
    func dates() throws {
        let out = Fixtures.scratch("cat-cli").appendingPathComponent("out").path
        let r = try Binary.run(["run", "--config", config("dates"), "--out", out])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        // calendar.csv: line 3 February 30, line 4 hour 25, line 5 `yesterday`, line 6 `03/04/2026 10:00`
        // (generic-calendar takes ISO 8601 only, so a day/month-ambiguous date is not guessed), line 7 month 13.
        let rejects = try csv(out + "/data/rejects.csv").dropFirst().map { "\($0[0]):\($0[1]):\($0[2])" }
        #expect(rejects == (3...7).map { "calendar.csv:\($0):bad-date" })
        // Line 2: 2026-03-08T02:30 does not exist in New York (clocks jump 02:00 → 03:00 EST → EDT); it is
        // read with the offset before the change, -05:00, so 07:30 UTC; the end 04:00 EDT (-04:00) is 08:00
        // UTC. Line 8, 09:00 EDT on March 10, is 13:00 UTC.
        let interactions = try csv(out + "/data/interactions.csv").dropFirst().map { "\($0[2]):\($0[4])-\($0[5])" }
        #expect(interactions == ["2:2026-03-08T07:30:00Z-2026-03-08T08:00:00Z", "8:2026-03-10T13:00:00Z-2026-03-10T14:00:00Z"])
    }

    @Test("the DST gap through the Normalizer API: 02:30 on 2026-03-08 in New York is 07:30 UTC")
    func dstGapAPI() throws {
        let zone = try #require(ZoneRules(identifier: "America/New_York"))
        // 2026-03-08 is day 20520 since 1970-01-01 (56 years with 14 leap days = 20454, + 59 days of January
        // and February + 7): 20520 × 86400 = 1 772 928 000; + 7.5 h = 1 772 955 000.
        #expect(Timestamps.instant("2026-03-08T02:30:00", zone: zone) == 1_772_955_000)
        // One hour earlier, 01:30 EST, is 06:30 UTC: the gap does not move times before it.
        let before = Timestamps.instant("2026-03-08T01:30:00", zone: zone)
        #expect(before == 1_772_951_400)
    }

    @Test("an org chart with a cycle and a person who is their own manager publishes, with both findings")
    func orgCycle() throws {
        let out = Fixtures.scratch("cat-cli").appendingPathComponent("out").path
        let r = try Binary.run(["run", "--config", config("org-cycle"), "--out", out])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let parts = md.components(separatedBy: "\n## Data quality")
        try #require(parts.count == 2, "report.md has no data-quality section")
        let section = parts[1].components(separatedBy: "\n## ")[0]
        #expect(section.contains("person E5 is their own manager"))
        #expect(section.contains("reporting cycle: E3 → E4 → E3"))
        // The cycle's members and E5 have no layer: a blank layer cell in person_metrics.csv.
        let people = try csv(out + "/data/person_metrics.csv").dropFirst()
        #expect(people.filter { $0[4].isEmpty }.map { $0[0] }.sorted() == ["E3", "E4", "E5"])
    }
}
