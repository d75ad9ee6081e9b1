/// The half-open reporting period `[from, to)` as local dates in the company's zone, with the
/// matching UTC instants. Quarters are named `2026-Q3` (= Jul 1 to Oct 1).
public struct Period: Hashable, Sendable, CustomStringConvertible {
    /// First local date inside the period.
    public let from: CivilDate
    /// First local date after the period.
    public let to: CivilDate
    /// The zone whose midnights bound the period.
    public let zone: ZoneRules
    /// The quarter's name when the period is a quarter (`2026-Q3`), else nil.
    public let quarterName: String?
    /// Instant of the period's first midnight (computed once: every calendar row is checked against it).
    public let startUTC: Int64
    /// Instant of the midnight that ends the period.
    public let endUTC: Int64

    public init?(from: CivilDate, to: CivilDate, zone: ZoneRules, quarterName: String? = nil) {
        guard from < to else { return nil }
        self.from = from
        self.to = to
        self.zone = zone
        self.quarterName = quarterName
        startUTC = zone.startOfDay(from)
        endUTC = zone.startOfDay(to)
    }

    /// `2026-Q3` → Jul 1 .. Oct 1 2026; nil for anything else.
    public init?(quarter: String, zone: ZoneRules) {
        let parts = quarter.uppercased().split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), parts[1].count == 2, parts[1].first == "Q",
              let q = Int(parts[1].dropFirst()), (1...4).contains(q),
              let from = CivilDate(year: year, month: 3 * (q - 1) + 1, day: 1)
        else { return nil }
        let to = q == 4 ? CivilDate(year: year + 1, month: 1, day: 1)! : CivilDate(year: year, month: 3 * q + 1, day: 1)!
        self.init(from: from, to: to, zone: zone, quarterName: "\(year)-Q\(q)")
    }

    /// Number of days in the period.
    public var dayCount: Int { to.dayNumber - from.dayNumber }
    /// The name used in reports: the quarter, else `from – to (exclusive)`.
    public var description: String { quarterName ?? "\(from) to \(to) (exclusive)" }
}
