import EarshotModel
import Foundation
import Testing
import TestSupport
@testable import EarshotIngest

/// Fixtures/encodings/: one people list written five ways must read to the same records.
@Suite("encodings")
struct EncodingTests {
    /// The records every twin holds, copied by hand from the generator's table (header excluded).
    static let people: [[String]] = [
        ["N001", "soren.odegard@tidewater.example", "Søren Ødegård", "Chief Product Officer", "", "Product"],
        ["N002", "ase.baekkelund@tidewater.example", "Åse Bækkelund", "Director, Product – Nordics", "N001", "Product"],
        ["N003", "mads.kjaergaard@tidewater.example", "Mads Kjærgaard", "Product Manager", "N002", "Product"],
        ["N004", "trine.lovas@tidewater.example", "Trine Løvås", "Designer", "N002", "Design & Research"],
        ["N005", "shauna.oneil@tidewater.example", "Shauna O’Neil", "UX Writer", "N002", "Design & Research"],
    ]

    static let twins: [(file: String, encoding: TextEncoding, delimiter: String)] = [
        ("people-utf8.csv", .utf8, "comma"),
        ("people-utf8-bom.csv", .utf8BOM, "comma"),
        // ø, æ, å, – (0x96) and ’ (0x92) are single bytes
        ("people-windows-1252.csv", .windows1252, "comma"),
        // Excel's "Unicode Text": UTF-16LE with BOM, tab-separated (no quotes needed around "Director, …")
        ("people-utf16le-tab.csv", .utf16LE, "tab"),
        ("people-utf16be.csv", .utf16BE, "comma"),
    ]

    @Test("each twin sniffs to its encoding and delimiter and reads to the same records", arguments: twins)
    func twin(_ t: (file: String, encoding: TextEncoding, delimiter: String)) throws {
        let path = Fixtures.path("encodings/" + t.file)
        let sniff = try Sniffer.sniff(path: path, displayName: t.file)
        #expect(sniff.encoding == t.encoding)
        #expect(sniff.delimiterName == t.delimiter)
        #expect(sniff.header == ["employee_id", "email", "name", "title", "manager_id", "department"])
        let (row, rows, preset, _) = try PresetFixtures.read(PresetFixtures.source(path: path, kind: .people, preset: "generic-people"))
        #expect(preset.name == "generic-people")
        #expect(rows.map(\.fields) == Self.people)
        #expect(row.read == 5 && row.accepted == 5 && row.rejected == 0)
        // every record starts on its own line: header on line 1
        #expect(rows.map(\.location.line) == [2, 3, 4, 5, 6])
    }

    @Test("Windows-1252: the five undefined bytes decode to C1 controls, the row is not rejected")
    func undefinedBytes() throws {
        let path = Fixtures.path("encodings/accounts-windows-1252-undefined-bytes.csv")
        #expect(try Sniffer.sniff(path: path, displayName: "x").encoding == .windows1252)
        let (row, rows, _, _) = try PresetFixtures.read(PresetFixtures.source(path: path, kind: .accounts, preset: "salesforce-account"))
        #expect(row.read == 3 && row.accepted == 3 && row.rejected == 0)
        // bytes 43 61 66 C3 81 8D 8F 90 9D: "Caf", Ã (0xC3), then U+0081, U+008D, U+008F, U+0090, U+009D
        #expect(rows[1]["name"] == "Caf\u{C3}\u{81}\u{8D}\u{8F}\u{90}\u{9D} Nord")
        #expect(rows[2]["name"] == "Ålesund Marine AS")
    }

    @Test("Windows-1252 table: every byte decodes; spot checks from the code page chart")
    func windows1252Table() {
        for b in 0...255 { _ = Windows1252.scalar(UInt8(b)) } // would trap on a missing entry
        #expect(Windows1252.scalar(0x80) == "€")
        #expect(Windows1252.scalar(0x92) == "’")
        #expect(Windows1252.scalar(0x96) == "–")
        #expect(Windows1252.scalar(0x9F) == "Ÿ")
        #expect(Windows1252.scalar(0xE6) == "æ")
        #expect([0x81, 0x8D, 0x8F, 0x90, 0x9D].map { Windows1252.scalar(UInt8($0)).value } == [0x81, 0x8D, 0x8F, 0x90, 0x9D])
    }

    @Test("UTF-16 transcoding gives the same bytes for any chunking, surrogate pairs included",
          arguments: [1, 2, 3, 5, 7])
    func utf16Chunking(chunk: Int) {
        let text = "name\r\nSøren 𝄞 Ødegård\r\n"   // 𝄞 is U+1D11E: a surrogate pair in UTF-16
        for (encoding, units) in [(TextEncoding.utf16LE, Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
                                  (TextEncoding.utf16BE, Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })] {
            var t = UTF8Transcoder(encoding: encoding)
            var out: [UInt8] = []
            var i = 0
            while i < units.count {
                out += t.transcode(Array(units[i..<min(units.count, i + chunk)]))
                i += chunk
            }
            out += t.transcode([], final: true)
            #expect(out == Array(text.utf8))
        }
    }
}
