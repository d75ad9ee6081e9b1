/// UTF-8 checks on raw bytes, without the generic `String(validating:as:)` path (measured: on short
/// fields a third of the reader's time went to that path's run-time generic metadata lookups).
/// Making Strings from checked bytes needs pointers, so `UTF8Bytes.string` lives in LibCSVReader.swift.
public enum UTF8Bytes {
    /// True when `bytes` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above
    /// U+10FFFF, no truncated sequence): the same answer as `String(validating:as: UTF8.self) != nil`.
    @inlinable
    public static func isValid<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i != end {
            let lead = bytes[i]
            bytes.formIndex(after: &i)
            if lead < 0x80 { continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF // the allowed range of the second byte
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard i != end else { return false }
            let second = bytes[i]
            guard second >= low, second <= high else { return false }
            bytes.formIndex(after: &i)
            for _ in 2..<max(2, length) {
                guard i != end, bytes[i] & 0xC0 == 0x80 else { return false }
                bytes.formIndex(after: &i)
            }
        }
        return true
    }
}

/// The first `byteCount` bytes of a key, zero padded (`UTF8Bytes.head`): a hash table keeps them
/// beside its value, so a key no longer than that is confirmed by comparing four words where the
/// slot lies, not bytes elsewhere (at 10M rows each place read is a cache miss).
public struct KeyHead: Equatable, Sendable {
    public static let byteCount = 32
    public var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0, d: UInt64 = 0
    public init() {}
}
