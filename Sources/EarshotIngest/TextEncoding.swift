/// The encodings earshot reads. Every input is transcoded to UTF-8 before libcsv sees it.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"

    /// Accepts the spellings a config may use (`UTF-8`, `utf8`, `cp1252`, `latin1`, `iso-8859-1`, …).
    public init?(configName: String) {
        switch configName.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-8-bom", "utf-8-sig", "utf8-bom": self = .utf8BOM
        case "utf-16le", "utf-16-le", "utf16le": self = .utf16LE
        case "utf-16be", "utf-16-be", "utf16be": self = .utf16BE
        case "windows-1252", "cp1252", "latin1", "latin-1", "iso-8859-1", "iso8859-1": self = .windows1252
        default: return nil
        }
    }

    /// The byte-order mark this encoding's files start with, if any.
    public var bom: [UInt8] {
        switch self {
        case .utf8BOM: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        default: return []
        }
    }
}

/// Streams bytes of one encoding into UTF-8, chunk by chunk (a code unit split across chunks is kept
/// for the next one). Bytes that cannot be decoded become `0xFF`, which is never valid UTF-8, so the
/// row that holds them is rejected as `invalid-encoding` rather than silently altered.
public struct UTF8Transcoder: Sendable {
    public let encoding: TextEncoding
    private var carry: [UInt8] = []
    private var highSurrogate: UInt32?

    public init(encoding: TextEncoding) { self.encoding = encoding }

    /// Converts the next chunk; `final` flushes what a split code unit left behind.
    public mutating func transcode(_ input: [UInt8], final: Bool = false) -> [UInt8] {
        switch encoding {
        case .utf8, .utf8BOM:
            return input
        case .windows1252:
            var out: [UInt8] = []
            out.reserveCapacity(input.count + input.count / 8)
            for b in input {
                if b < 0x80 { out.append(b) } else { Self.appendUTF8(Windows1252.scalar(b), to: &out) }
            }
            return out
        case .utf16LE, .utf16BE:
            var bytes = carry + input
            carry = []
            if bytes.count % 2 == 1 {
                if final { bytes.removeLast(); carry = [] } else { carry = [bytes.removeLast()] }
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i + 1 < bytes.count {
                let unit = encoding == .utf16LE
                    ? UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8
                    : UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1])
                i += 2
                if let high = highSurrogate {
                    highSurrogate = nil
                    if (0xDC00...0xDFFF).contains(unit) {
                        let scalar = 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)
                        Self.appendUTF8(Unicode.Scalar(scalar)!, to: &out)
                        continue
                    }
                    out.append(0xFF)
                }
                if (0xD800...0xDBFF).contains(unit) {
                    highSurrogate = unit
                } else if (0xDC00...0xDFFF).contains(unit) {
                    out.append(0xFF)
                } else {
                    Self.appendUTF8(Unicode.Scalar(unit)!, to: &out)
                }
            }
            if final, highSurrogate != nil {
                highSurrogate = nil
                out.append(0xFF)
            }
            return out
        }
    }

    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        out.append(contentsOf: UTF8.encode(scalar)!)
    }
}

/// Windows-1252, with the five bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) mapped to the
/// C1 controls of the same value, as ISO-8859-1 does: every byte decodes (real Salesforce exports hold them).
public enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The Unicode scalar of one byte.
    public static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte < 0xA0 { return Unicode.Scalar(high[Int(byte - 0x80)])! }
        return Unicode.Scalar(byte)
    }
}
