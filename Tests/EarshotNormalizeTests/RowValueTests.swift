import Testing
import TestSupport
@testable import EarshotModel
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

    /// An ASCII field from its text (one column, nothing to trim).
    static func field(_ text: String) -> ASCIIField {
        let bytes = Array(text.utf8)
        return ASCIIField(bytes: bytes, ends: [bytes.count], gap: 0, column: 0)
    }

    // Words that are prefixes of each other, of 8 and 16 bytes and around them, and case pairs that
    // differ only in bit 5 outside A–Z ("@" and "`", "[" and "{"): only A–Z are folded.
    @Test("folded words: equal and prefix as lowercased() == and hasPrefix, on 2,000 random fields")
    func foldedWords() {
        let words = ["", "a", "free", "tentativ", "tentative", "abcdefghijklmnop", "abcdefghijklmno", "cancelled:", "[x", "@"]
        let folded = words.map { Array($0.utf8) }
        var generator = SplitMix(seed: 2028)
        let letters = ["a", "A", "b", "c", "E", "f", "@", "`", "[", "{", "x", "X", ":", "tentative", "ABCDEFGH", "ijklmnop", "cancelled:"]
        var equal = 0, prefixed = 0
        for _ in 0..<2_000 {
            let text = generator.text(from: letters, upTo: 5)
            let f = Self.field(text)
            #expect(f.equalsFolded(anyOf: folded) == words.contains(text.lowercased()), "\(text) in words")
            for (word, w) in zip(words, folded) {
                #expect(f.equalsFolded(w) == (text.lowercased() == word), "\(text) == \(word)")
                #expect(f.hasFoldedPrefix(w) == text.lowercased().hasPrefix(word), "\(text) hasPrefix \(word)")
                if text.lowercased() == word { equal += 1 }
                if text.lowercased().hasPrefix(word) && !word.isEmpty { prefixed += 1 }
            }
        }
        // Both answers occur, so both are compared.
        #expect(equal > 20 && prefixed > 200)
    }

    @Test("free/busy spellings", arguments: [
        ("busy", false, false), ("Busy", false, false), ("", false, false), ("free", false, true), ("Free", false, true),
        ("TRANSPARENT", false, true), ("frei", false, true), ("0", true, true), ("0", false, false), ("2", true, false),
    ])
    func freeBusy(text: String, outlook: Bool, expected: Bool) {
        #expect(CalendarRowReader.isFree(text, outlook: outlook) == expected)
    }
}

/// E-mail addresses are parsed on their bytes when ASCII; that shortcut must give what the Character
/// rules give. Inputs: the documented forms, and 20,000 random strings over the characters the rules
/// test (`@ . < > , ; space tab`, CR, LF, letters in both cases, `mailto:` pieces).
@Suite("e-mail addresses: ASCII bytes and Characters agree")
struct EmailAddressTests {
    @Test("documented forms", arguments: [
        ("Ben.Okafor@Acme.Example", "ben.okafor@acme.example"), (" <kim@bluefin.example>\t", "kim@bluefin.example"),
        ("MAILTO:Kim@Bluefin.Example", "kim@bluefin.example"), ("a@b", nil), ("@b.example", nil), ("a@.b", nil),
        ("a@b.", nil), ("a@@b.example", nil), ("a b@c.example", nil), ("a@b.example;c@d.example", nil), ("<>", nil), ("", nil),
    ] as [(String, String?)])
    func forms(text: String, expected: String?) {
        #expect(EmailAddress(text)?.normalized == expected)
        #expect(EmailAddress.normalizeCharacters(text) == expected)
    }

    @Test("random ASCII strings: bytes and Characters agree")
    func random() {
        let pieces = ["@", ".", "<", ">", ",", ";", " ", "\t", "\r", "\n", "\r\n", "a", "B", "z", "Q", "mailto:", "MailTo:", "x.y", "-", "_"]
        let valid = compareOnRandomText(seed: 2027, pieces: pieces, upTo: 9, count: 20_000,
                                        bytes: { EmailAddress.normalizeASCII(Array($0.utf8)) }, characters: EmailAddress.normalizeCharacters)
        // Some inputs are addresses, so both outcomes are compared.
        #expect(valid > 50)
    }
}

/// Compares a byte path with the Character rules it stands for, on `count` random texts made of
/// `pieces`; returns how many texts gave a value (for a test to check that both outcomes occurred).
func compareOnRandomText<T: Equatable>(seed: UInt64, pieces: [String], upTo maxPieces: Int, count: Int,
                                       bytes: (String) -> T?, characters: (String) -> T?,
                                       sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int {
    var generator = SplitMix(seed: seed)
    var valued = 0
    for _ in 0..<count {
        let text = generator.text(from: pieces, upTo: maxPieces)
        let fast = bytes(text)
        #expect(fast == characters(text), "\(text.debugDescription)", sourceLocation: sourceLocation)
        if fast != nil { valued += 1 }
    }
    return valued
}
