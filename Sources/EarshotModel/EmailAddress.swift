/// An e-mail address as written in an export, with a normalized copy (lower-cased, trimmed,
/// `mailto:` and angle brackets removed) used for every comparison.
public struct EmailAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The normalized address: `ben.okafor@tidewater.example`.
    public let normalized: String
    /// The part after `@`, lower-cased.
    public var domain: Substring { normalized[normalized.index(after: normalized.lastIndex(of: "@")!)...] }

    /// Validates loosely (one `@`, something on each side, a dot in the domain, no spaces); nil otherwise.
    public init?(_ text: some StringProtocol) {
        // A String from here on: a generic view's bytes are walked through witness tables, one call each.
        let text = String(text)
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        guard let normalized = ascii ? Self.normalizeASCII(Array(text.utf8)) : Self.normalizeCharacters(text) else { return nil }
        self.normalized = normalized
    }

    /// The rules, Character by Character.
    static func normalizeCharacters(_ text: some StringProtocol) -> String? {
        var s = Substring(text).trimmingSpaces()
        if s.hasPrefix("<"), s.hasSuffix(">") { s = s.dropFirst().dropLast() }
        if s.lowercased().hasPrefix("mailto:") { s = s.dropFirst(7) }
        guard let at = s.lastIndex(of: "@"), at != s.startIndex else { return nil }
        let domain = s[s.index(after: at)...]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."),
              !s.contains(where: { $0 == " " || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" }),
              s.filter({ $0 == "@" }).count == 1
        else { return nil }
        return s.lowercased()
    }

    /// The rules of `init?(_:)` on ASCII bytes (where a Character is a byte, lower-casing folds A–Z,
    /// and a CR LF pair, the one two-byte Character, matches none of the characters tested): addresses
    /// are parsed for every person and every new participant, and Character-by-Character it was most of
    /// loading the people.
    static func normalizeASCII(_ b: [UInt8]) -> String? {
        var lo = 0, hi = b.count
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        while lo < hi, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
        if hi - lo >= 2, b[lo] == 0x3C, b[hi - 1] == 0x3E { lo += 1; hi -= 1 }
        let mailto = Self.mailto
        if hi - lo >= mailto.count, (0..<mailto.count).allSatisfy({ Self.lower(b[lo + $0]) == mailto[$0] }) { lo += mailto.count }
        var at = -1, ats = 0
        for i in lo..<max(lo, hi) {
            switch b[i] {
            case 0x40: at = i; ats += 1
            case 0x20, 0x2C, 0x3B, 0x3C, 0x3E: return nil
            default: break
            }
        }
        guard ats == 1, at > lo, at + 1 < hi, b[at + 1] != 0x2E, b[hi - 1] != 0x2E,
              b[(at + 1)..<hi].contains(0x2E) else { return nil }
        return String(validating: b[lo..<hi].map(Self.lower), as: UTF8.self)
    }

    private static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
    private static let mailto: [UInt8] = Array("mailto:".utf8)

    public var description: String { normalized }
    public static func < (a: EmailAddress, b: EmailAddress) -> Bool { a.normalized < b.normalized }
}

extension Substring {
    /// Removes ASCII spaces, tabs and non-breaking spaces at both ends.
    public func trimmingSpaces() -> Substring {
        // Fast path: nothing to trim (checked on the UTF-8 bytes; NBSP is C2 A0).
        if let f = utf8.first, let l = utf8.last, f != 0x20, f != 0x09, f != 0xC2, l != 0x20, l != 0x09, l != 0xA0 {
            return self
        }
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\u{00A0}" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\u{00A0}" { s = s.dropLast() }
        return s
    }
}

extension String {
    /// Removes ASCII spaces, tabs and non-breaking spaces at both ends.
    public func trimmingSpaces() -> String {
        if let f = utf8.first, let l = utf8.last, f != 0x20, f != 0x09, f != 0xC2, l != 0x20, l != 0x09, l != 0xA0 {
            return self
        }
        return String(Substring(self).trimmingSpaces())
    }
}

/// Internet domain names as accounts and the company give them, normalized for comparison.
public enum DomainName {
    /// `https://www.Example.no/path` → `example.no`; `Example.NO` → `example.no`; nil when empty.
    public static func normalize(_ text: some StringProtocol) -> String? {
        text.utf8.allSatisfy { $0 < 0x80 } ? normalizeASCII(Array(text.utf8)) : normalizeCharacters(text)
    }

    /// `normalize`'s rules on ASCII bytes, where every byte is a Character (CR LF aside, which no rule
    /// matches): the same result without walking Characters (accounts sources: ~40,000 instructions a domain).
    static func normalizeASCII(_ text: [UInt8]) -> String? {
        var s = text[...]
        while let f = s.first, f == 0x20 || f == 0x09 { s = s.dropFirst() }
        while let l = s.last, l == 0x20 || l == 0x09 { s = s.dropLast() }
        var lower = Array(s.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })[...]
        for scheme in schemes where lower.starts(with: scheme) {
            lower = lower.dropFirst(scheme.count)
        }
        if let slash = lower.firstIndex(where: { $0 == 0x2F || $0 == 0x3F || $0 == 0x23 }) { lower = lower[..<slash] }
        if let colon = lower.firstIndex(of: 0x3A) { lower = lower[..<colon] }
        if let at = lower.lastIndex(of: 0x40) { lower = lower[(at + 1)...] }
        if lower.starts(with: www) { lower = lower.dropFirst(4) }
        while lower.last == 0x2E { lower = lower.dropLast() }
        guard !lower.isEmpty, lower.contains(0x2E), !lower.contains(0x20) else { return nil }
        return String(validating: lower, as: UTF8.self)
    }

    private static let schemes = [Array("https://".utf8), Array("http://".utf8)]
    private static let www = Array("www.".utf8)

    /// `normalize` by Characters, for text that is not ASCII.
    static func normalizeCharacters(_ text: some StringProtocol) -> String? {
        var s = Substring(text).trimmingSpaces().lowercased()[...]
        for scheme in ["https://", "http://"] where s.hasPrefix(scheme) { s = s.dropFirst(scheme.count) }
        if let slash = s.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { s = s[..<slash] }
        if let colon = s.firstIndex(of: ":") { s = s[..<colon] }
        if let at = s.lastIndex(of: "@") { s = s[s.index(after: at)...] }
        if s.hasPrefix("www.") { s = s.dropFirst(4) }
        while s.hasSuffix(".") { s = s.dropLast() }
        guard !s.isEmpty, s.contains("."), !s.contains(" ") else { return nil }
        return String(s)
    }
}
