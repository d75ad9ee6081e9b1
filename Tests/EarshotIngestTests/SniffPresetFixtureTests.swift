import EarshotModel
import Foundation
import Testing
import TestSupport
@testable import EarshotIngest

/// `Sniffer.sniff` on every file of Fixtures/presets/: the preset comes from the file name, the
/// encoding, delimiter and header position from how each file was written (see Fixtures/presets/README.md).
@Suite("sniffing the preset fixtures")
struct SniffPresetFixtureTests {
    /// Files that are not UTF-8 without BOM, comma-separated, with the header on the first record.
    /// Written down from how the fixture generator wrote each file.
    static let shapes: [String: (encoding: TextEncoding, delimiter: String, headerIndex: Int, sepLine: Bool)] = [
        // Classic Outlook writes the ANSI code page: ø and – are single bytes 0xF8 and 0x96.
        "outlook-calendar.csv": (.windows1252, "comma", 0, false),
        // Saved from Excel: UTF-8 with BOM.
        "outlook-calendar-de.csv": (.utf8BOM, "comma", 0, false),
        // European Excel re-save: ANSI and `;`; the header "Evenement, duurt hele dag" holds a comma.
        "outlook-calendar-nl.csv": (.windows1252, "semicolon", 0, false),
        // Salesforce's default ISO-8859-1: Å is the single byte 0xC5.
        "salesforce-account.csv": (.windows1252, "comma", 0, false),
        // Entra's download starts with a UTF-8 BOM; the managers file was written the same way.
        "entra-users.csv": (.utf8BOM, "comma", 0, false),
        "entra-managers.csv": (.utf8BOM, "comma", 0, false),
        // `sep=;` is record 0; the header is record 1.
        "generic-people-excel-sep.csv": (.utf8, "semicolon", 1, true),
        // Two title records (the blank line after them is not a record), header is record 2.
        "generic-accounts-titled.csv": (.utf8, "comma", 2, false),
    ]

    @Test("every preset has at least one fixture, and the folder is not empty")
    func everyPresetHasAFixture() {
        let covered = Set(PresetFixtures.files.compactMap(PresetFixtures.expectedPreset))
        let missing = PresetCatalog.all.map(\.name).filter { !covered.contains($0) }
        #expect(missing == [])
        // 30 presets; 35 files with the localized Outlook files and the four variants.
        #expect(PresetCatalog.all.count == 30)
        #expect(PresetFixtures.files.count == 35)
    }

    @Test("sniff names the preset, encoding, delimiter and header row", arguments: PresetFixtures.files)
    func sniffFixture(file: String) throws {
        let expected = try #require(PresetFixtures.expectedPreset(file), "\(file) names no preset")
        let result = try Sniffer.sniff(path: PresetFixtures.path(file), displayName: file)
        let shape = Self.shapes[file] ?? (.utf8, "comma", 0, false)
        #expect(result.preset?.name == expected)
        #expect(result.encoding == shape.encoding)
        #expect(result.delimiterName == shape.delimiter)
        #expect(result.headerRecordIndex == shape.headerIndex)
        #expect(result.excelSepLine == shape.sepLine)
    }

    @Test("the named preset finds all its required columns in its fixture", arguments: PresetFixtures.files)
    func namedPresetIsComplete(file: String) throws {
        let preset = try #require(PresetCatalog.named(PresetFixtures.expectedPreset(file) ?? ""))
        let result = try Sniffer.sniff(path: PresetFixtures.path(file), displayName: file, preset: preset)
        let map = preset.columnMap(for: result.header)
        #expect(map.missingRequired == [])
    }
}
