import Testing
@testable import EarshotNormalize

/// The per-row value readers take shortcuts for the spellings exports write on nearly every row; each
/// shortcut must give what the general rule gives.
@Suite("row values: uid hash, true/false flags, free/busy")
struct RowValueTests {
    /// The rule as documented: FNV-1a 64 over the lower-cased UTF-8 bytes, computed here directly.
    static func reference(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.lowercased().utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    @Test("uid hashes ignore case, ASCII or not", arguments: [
        "evt-000001016@northbeam.example", "EVT-000001016@NorthBeam.Example", "040000008200E00074C5B7101A82E008",
        "Zürich-Meeting-ÄÖÜ@example", "@[]^_`{}", "İstanbul",
    ])
    func uidHash(text: String) {
        #expect(Candidate.uidHash(text) == Self.reference(text))
    }

    @Test("true/false spellings", arguments: [
        ("false", false), ("FALSE", false), ("False", false), ("0", false), ("no", false), ("Nein", false),
        ("true", true), ("TRUE", true), ("True", true), ("1", true), ("Yes", true), ("WAAR", true),
        ("", nil), ("maybe", nil), ("tRuE", true),
    ] as [(String, Bool?)])
    func flags(text: String, expected: Bool?) {
        #expect(Normalizer.isTrue(text) == expected)
    }

    @Test("free/busy spellings", arguments: [
        ("busy", false, false), ("Busy", false, false), ("", false, false), ("free", false, true), ("Free", false, true),
        ("TRANSPARENT", false, true), ("frei", false, true), ("0", true, true), ("0", false, false), ("2", true, false),
    ])
    func freeBusy(text: String, outlook: Bool, expected: Bool) {
        #expect(CalendarRowReader.isFree(text, outlook: outlook) == expected)
    }
}
