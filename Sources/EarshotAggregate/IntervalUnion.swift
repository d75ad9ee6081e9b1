/// Half-open intervals `[start, end)` of UTC seconds and the length of their union: overlaps count once.
public struct IntervalUnion: Sendable {
    /// Disjoint, sorted, non-touching intervals.
    public private(set) var intervals: [(start: Int64, end: Int64)] = []

    /// The union of `input`, each first clipped to `[lower, upper)`; empty intervals are dropped.
    public init(_ input: [(start: Int64, end: Int64)], clippedTo lower: Int64 = .min, _ upper: Int64 = .max) {
        let clipped = input.map { (max($0.start, lower), min($0.end, upper)) }.filter { $0.0 < $0.1 }.sorted { $0 < $1 }
        for (s, e) in clipped {
            if let last = intervals.last, s <= last.end {
                intervals[intervals.count - 1].end = max(last.end, e)
            } else {
                intervals.append((s, e))
            }
        }
    }

    /// Total covered seconds.
    public var seconds: Int64 { intervals.reduce(0) { $0 + ($1.end - $1.start) } }

    /// Covered seconds inside `[lower, upper)`.
    public func seconds(in lower: Int64, _ upper: Int64) -> Int64 {
        var total: Int64 = 0
        for (s, e) in intervals {
            let a = max(s, lower), b = min(e, upper)
            if a < b { total += b - a }
        }
        return total
    }
}
