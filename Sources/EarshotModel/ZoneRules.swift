import Foundation

/// The UTC offsets of one IANA time zone, precomputed as a sorted list of transitions so that
/// converting a wall time costs a binary search instead of a Foundation call per row.
///
/// Wall times that do not exist (the skipped hour when clocks go forward) are read with the offset in
/// force before the change; wall times that occur twice (clocks go back) are read as the first.
public struct ZoneRules: Sendable, Hashable {
    /// The zone's identifier, e.g. `America/New_York`, or `UTC`.
    public let identifier: String
    /// Instants (seconds since the epoch, UTC) at which the offset changes, ascending.
    private let transitions: [Int64]
    /// `offsets[i]` is in force before `transitions[i]`; the last is in force after the last transition.
    private let offsets: [Int32]

    public static let utc = ZoneRules(identifier: "UTC", transitions: [], offsets: [0])

    private init(identifier: String, transitions: [Int64], offsets: [Int32]) {
        self.identifier = identifier
        self.transitions = transitions
        self.offsets = offsets
    }

    /// Loads a zone from the system's tz database; nil when the identifier is unknown.
    /// Transitions are computed between 1970 and 2100.
    public init?(identifier: String) {
        if identifier == "UTC" || identifier == "Etc/UTC" || identifier == "GMT" {
            self = .utc
            return
        }
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        var transitions: [Int64] = []
        var offsets: [Int32] = []
        var cursor = Date(timeIntervalSince1970: 0)
        let end = Date(timeIntervalSince1970: 4_102_444_800) // 2100-01-01
        offsets.append(Int32(zone.secondsFromGMT(for: cursor)))
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            let after = Int32(zone.secondsFromGMT(for: next))
            if after != offsets.last {
                transitions.append(Int64(next.timeIntervalSince1970.rounded()))
                offsets.append(after)
            }
            cursor = next
        }
        self.init(identifier: identifier, transitions: transitions, offsets: offsets)
    }

    /// The offset from UTC, in seconds, in force at the instant `utc`.
    public func offset(atUTC utc: Int64) -> Int64 {
        var lo = 0, hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if transitions[mid] <= utc { lo = mid + 1 } else { hi = mid }
        }
        return Int64(offsets[lo])
    }

    /// The instant of a wall-clock time given as seconds since the epoch as if it were UTC.
    public func utc(fromWall wall: Int64) -> Int64 {
        let early = offset(atUTC: wall - 86_400)
        let late = offset(atUTC: wall + 86_400)
        if early == late { return wall - early }
        let u1 = wall - early, u2 = wall - late
        let valid1 = offset(atUTC: u1) == early
        let valid2 = offset(atUTC: u2) == late
        switch (valid1, valid2) {
        case (true, true): return min(u1, u2)      // repeated hour: the first occurrence
        case (true, false): return u1
        case (false, true): return u2
        case (false, false): return u1             // skipped hour: the offset in force before
        }
    }

    /// The wall-clock seconds (as if UTC) of an instant.
    public func wall(fromUTC utc: Int64) -> Int64 { utc + offset(atUTC: utc) }

    /// The local calendar date of an instant.
    public func date(ofUTC utc: Int64) -> CivilDate {
        let w = wall(fromUTC: utc)
        return CivilDate(dayNumber: Int(w >= 0 ? w / 86_400 : (w - 86_399) / 86_400))
    }

    /// The instant of a local date's midnight (or the first instant of that date when midnight is skipped).
    public func startOfDay(_ date: CivilDate) -> Int64 { utc(fromWall: date.wallSeconds) }
}
