/// Turns raw record bytes into text that is safe to show and store: valid UTF-8 stays as it is,
/// every other byte is written `\xNN`, so nothing is silently replaced by U+FFFD.
public enum RawText {
    /// The bytes as text, with invalid UTF-8 bytes and NUL written as `\xNN`.
    public static func describe(_ bytes: some Collection<UInt8>) -> String {
        let array = Array(bytes)
        if !array.contains(0), let text = UTF8Bytes.string(array) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(array.count + 16)
        var i = 0
        while i < array.count {
            let length = sequenceLength(array, at: i)
            if length > 0, array[i] != 0, UTF8Bytes.isValid(array[i..<(i + length)]) {
                out.append(contentsOf: array[i..<(i + length)])
                i += length
            } else {
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "x"), hexDigits[Int(array[i] >> 4)], hexDigits[Int(array[i] & 0x0F)]])
                i += 1
            }
        }
        // Valid by construction: whole UTF-8 sequences and ASCII escapes.
        return UTF8Bytes.string(out) ?? ""
    }

    /// The bytes without a trailing CR, LF or CRLF.
    public static func trimmingLineEnd(_ bytes: [UInt8]) -> [UInt8] {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return Array(bytes[..<end])
    }

    private static func sequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let c = b[i]
        let n: Int
        switch c {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: n = 2
        case 0xE0...0xEF: n = 3
        case 0xF0...0xF4: n = 4
        default: return 0
        }
        return i + n <= b.count ? n : 0
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
