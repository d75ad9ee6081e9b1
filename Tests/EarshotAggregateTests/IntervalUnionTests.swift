import EarshotAggregate
import Testing

@Suite("interval union")
struct IntervalUnionTests {
    @Test("overlapping, touching, nested and separate intervals", arguments: [
        // [0,10) ∪ [5,15) = [0,15): 15.  [0,10) ∪ [10,20): touching, 20.  [0,100) ⊃ [10,20): 100.
        // [0,10) ∪ [20,30): 20.  Empty and reversed intervals count 0.
        ([(Int64(0), Int64(10)), (5, 15)], Int64(15)),
        ([(0, 10), (10, 20)], 20),
        ([(0, 100), (10, 20)], 100),
        ([(0, 10), (20, 30)], 20),
        ([(5, 5), (9, 3)], 0),
    ] as [([(Int64, Int64)], Int64)])
    func lengths(intervals: [(Int64, Int64)], expected: Int64) {
        #expect(IntervalUnion(intervals.map { (start: $0.0, end: $0.1) }).seconds == expected)
    }

    @Test("clipping to the period")
    func clipping() {
        // [−10, 10) and [90, 110) clipped to [0, 100): 10 + 10.
        #expect(IntervalUnion([(-10, 10), (90, 110)], clippedTo: 0, 100).seconds == 20)
    }

    @Test("property: the union never exceeds the sum and does not depend on order or duplicates")
    func properties() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let n = Int.random(in: 0...12, using: &rng)
            let list = (0..<n).map { _ -> (start: Int64, end: Int64) in
                let s = Int64.random(in: 0...1000, using: &rng)
                return (s, s + Int64.random(in: 0...200, using: &rng))
            }
            let union = IntervalUnion(list).seconds
            #expect(union <= list.reduce(0) { $0 + ($1.end - $1.start) })
            #expect(union == IntervalUnion(list.shuffled(using: &rng)).seconds)
            #expect(union == IntervalUnion(list + list).seconds)
            // Lower bound: at least the longest single interval.
            #expect(union >= (list.map { $0.end - $0.start }.max() ?? 0))
        }
    }

    @Test("percentile interpolates linearly as numpy does")
    func percentile() {
        // numpy.percentile([1, 2, 3, 4], 90) = 1 + (4 − 1) × … : position 0.9 × 3 = 2.7 → 3 + 0.7 × (4 − 3) = 3.7
        #expect(abs(Aggregator.percentile([4, 1, 3, 2], 0.9)! - 3.7) < 1e-12)
        #expect(Aggregator.percentile([5], 0.5) == 5)
        #expect(Aggregator.percentile([], 0.5) == nil)
    }
}
