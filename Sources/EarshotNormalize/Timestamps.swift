import EarshotModel

/// A parsed timestamp: the wall-clock seconds (as if UTC) and the UTC offset when the text carried one.
public struct ParsedTime: Sendable, Equatable {
    public var wall: Int64
    public var offset: Int64?

    /// The instant, reading the wall time in `zone` when the text carried no offset.
    public func utc(in zone: ZoneRules) -> Int64 {
        if let offset { return wall - offset }
        return zone.utc(fromWall: wall)
    }
}

/// How ambiguous numeric dates (`3/4/2024`) are read. Decided per preset (Outlook en-US is
/// month-first; Dutch `d-m-yyyy` and German `d.M.yyyy` are day-first).
public enum DateOrder: Sendable {
    case monthFirst, dayFirst
}

/// Hand-written byte parsers for every timestamp shape the presets meet. No Foundation formatter runs
/// per row (~40 µs each on Linux); these cost well under a microsecond and reject impossible dates
/// (February 30, hour 25) instead of rolling them over.
public enum Timestamps {
    /// ISO 8601 / RFC 3339 and the Salesforce form: `2026-07-14`, `2026-07-14 14:00`,
    /// `2026-07-14T14:00:00.000Z`, `2026-07-14T10:00:00-04:00`, `+0200`. Also Unix milliseconds
    /// (12–13 digits, HubSpot) and seconds (9–10 digits).
    public static func parseISO(_ text: String) -> ParsedTime? {
        let b = Array(text.utf8)
        return parseISO(b, b.indices)
    }

    /// `parseISO` on the bytes `range` of `bytes` (a field where a row's bytes lie: no copy).
    public static func parseISO(_ bytes: [UInt8], _ range: Range<Int>) -> ParsedTime? {
        let base = range.lowerBound, count = range.count
        @inline(__always) func at(_ k: Int) -> UInt8 { bytes[base + k] }
        @inline(__always) func digits(_ k: Int, _ n: Int) -> Int? { k + n <= count ? Digits.value(bytes, base + k, n) : nil }
        if count >= 9, count <= 13, let n = digits(0, count) {
            let seconds = count >= 12 ? Int64(n) / 1000 : Int64(n)
            return ParsedTime(wall: seconds, offset: 0)
        }
        guard count >= 10, at(4) == 0x2D, at(7) == 0x2D,
              let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2),
              let date = CivilDate(year: y, month: m, day: d) else { return nil }
        var wall = date.wallSeconds
        if count == 10 { return ParsedTime(wall: wall, offset: nil) }
        guard at(10) == 0x54 || at(10) == 0x20 || at(10) == 0x74 else { return nil }
        var i = 11
        guard let hh = digits(i, 2), i + 5 <= count, at(i + 2) == 0x3A,
              let mm = digits(i + 3, 2), hh <= 23, mm <= 59 else { return nil }
        i += 5
        var ss = 0
        if i < count, at(i) == 0x3A {
            guard let s = digits(i + 1, 2), s <= 60 else { return nil }
            ss = min(s, 59)
            i += 3
            if i < count, at(i) == 0x2E || at(i) == 0x2C {
                i += 1
                let fracStart = i
                while i < count, at(i) >= 48, at(i) <= 57 { i += 1 }
                guard i > fracStart else { return nil }
            }
        }
        wall += Int64(hh * 3600 + mm * 60 + ss)
        if i == count { return ParsedTime(wall: wall, offset: nil) }
        if at(i) == 0x5A || at(i) == 0x7A { return i + 1 == count ? ParsedTime(wall: wall, offset: 0) : nil }
        guard at(i) == 0x2B || at(i) == 0x2D else { return nil }
        let sign: Int64 = at(i) == 0x2D ? -1 : 1
        i += 1
        guard let oh = digits(i, 2), oh <= 14 else { return nil }
        i += 2
        var om = 0
        if i < count {
            if at(i) == 0x3A { i += 1 }
            guard let v = digits(i, 2), v <= 59 else { return nil }
            om = v
            i += 2
        }
        guard i == count else { return nil }
        return ParsedTime(wall: wall, offset: sign * Int64(oh * 3600 + om * 60))
    }

    /// A numeric date with `/`, `-` or `.` separators: `3/4/2024`, `14-7-2026`, `14.7.2026`; a leading
    /// four-digit year (`2026/07/14`) is read year-first whatever the order.
    public static func parseDate(_ text: String, order: DateOrder) -> CivilDate? {
        let b = Array(text.utf8)
        var parts: [Int] = []
        var current = -1
        var digits = 0
        var widths: [Int] = []
        for c in b {
            if c >= 48 && c <= 57 {
                current = (current < 0 ? 0 : current) * 10 + Int(c - 48)
                digits += 1
                if digits > 4 { return nil }
            } else if c == 0x2F || c == 0x2D || c == 0x2E {
                guard current >= 0 else { return nil }
                parts.append(current); widths.append(digits)
                current = -1; digits = 0
            } else {
                return nil
            }
        }
        guard current >= 0 else { return nil }
        parts.append(current); widths.append(digits)
        guard parts.count == 3 else { return nil }
        if widths[0] == 4 { return CivilDate(year: parts[0], month: parts[1], day: parts[2]) }
        guard widths[2] == 4 else { return nil }
        switch order {
        case .monthFirst: return CivilDate(year: parts[2], month: parts[0], day: parts[1])
        case .dayFirst: return CivilDate(year: parts[2], month: parts[1], day: parts[0])
        }
    }

    /// A time of day: `10:00:00 AM`, `1:05 pm`, `13:05`, `13:05:00`; seconds since midnight.
    public static func parseTime(_ text: String) -> Int? {
        var b = Array(text.utf8)
        var meridiem: Int? = nil // 0 am, 12 pm
        if b.count >= 2 {
            let tail = (b[b.count - 2] | 0x20, b[b.count - 1] | 0x20)
            if tail.1 == 0x6D && (tail.0 == 0x61 || tail.0 == 0x70) {
                meridiem = tail.0 == 0x61 ? 0 : 12
                b.removeLast(2)
                while b.last == 0x20 || b.last == 0x2E { b.removeLast() }
            }
        }
        guard let colon = b.firstIndex(of: 0x3A), colon >= 1, colon <= 2,
              let h = Digits.value(b, 0, colon), let m = Digits.value(b, colon + 1, 2) else { return nil }
        var end = colon + 3
        var s = 0
        if end < b.count {
            guard b[end] == 0x3A, let sv = Digits.value(b, end + 1, 2) else { return nil }
            s = sv
            end += 3
        }
        guard end == b.count, m <= 59, s <= 59 else { return nil }
        var hour = h
        if let meridiem {
            guard (1...12).contains(h) else { return nil }
            hour = h % 12 + meridiem
        } else {
            guard h <= 23 else { return nil }
        }
        return hour * 3600 + m * 60 + s
    }
}

extension Timestamps {
    /// Any instant a preset may write: ISO 8601 / RFC 3339 / Unix milliseconds, or a numeric date and a
    /// time separated by a space (`9/8/2026 11:22 AM`, `14.7.2026 13:05`), read in `zone` when it carries
    /// no offset. A date alone is its midnight.
    public static func instant(_ text: String, zone: ZoneRules, order: DateOrder = .monthFirst) -> Int64? {
        let t = text.trimmingSpaces()
        if let p = parseISO(t) { return p.utc(in: zone) }
        if let d = parseDate(t, order: order) { return zone.startOfDay(d) }
        guard let space = t.firstIndex(of: " ") else { return nil }
        let datePart = String(t[..<space]).trimmingCharacters(in: ",")
        let timePart = String(t[t.index(after: space)...]).trimmingSpaces()
        guard let d = parseDate(datePart, order: order), let s = parseTime(timePart) else { return nil }
        return zone.utc(fromWall: d.wallSeconds + Int64(s))
    }
}
