/// Turns raw record bytes into text that is safe to show and store: valid UTF-8 stays as it is,
/// every other byte is written `\xNN`, so nothing is silently replaced by U+FFFD.
public enum RawText {
    /// The bytes as text, with invalid UTF-8 bytes and NUL written as `\xNN`.
    public static func describe(_ bytes: some Collection<UInt8>) -> String {
        let array = Array(bytes)
        if !array.contains(0), let text = String(validating: array, as: UTF8.self) { return text }
        var out = ""
        var i = 0
        while i < array.count {
            let length = sequenceLength(array, at: i)
            if length > 0, array[i] != 0, let piece = String(validating: array[i..<(i + length)], as: UTF8.self) {
                out += piece
                i += length
            } else {
                out += "\\x" + hex(array[i])
                i += 1
            }
        }
        return out
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

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
