import EarshotModel
import Testing

/// Aggregation and rendering spread work with `ParallelMap`; their outputs are byte-identical on any
/// number of threads only if it returns every result exactly once, in index order.
@Suite("parallel map")
struct ParallelMapTests {
    @Test("results come back once each, in index order, on any number of threads", arguments: [
        (0, 2), (1, 2), (2, 2), (7, 3), (1_000, 1), (1_000, 2), (1_001, 8), (5, 16),
    ])
    func order(count: Int, threads: Int) {
        // Expectation by construction: index i maps to i * i + 1 (uneven work: larger i spins longer).
        let expected = (0..<count).map { $0 * $0 + 1 }
        let body: (Int) -> Int = { i in
            var spin = 0
            for _ in 0..<(i % 50) { spin &+= 1 }
            return i * i + 1 + spin - i % 50
        }
        #expect(ParallelMap.map(count, threads: threads, body) == expected)
        #expect(ParallelMap.each(count, threads: threads, body) == expected)
    }

    @Test("EARSHOT_THREADS picks the thread count; unset or invalid, the processors")
    func threads() {
        #expect(ParallelMap.threads(environment: ["EARSHOT_THREADS": "3"]) == 3)
        let processors = ParallelMap.threads(environment: [:])
        #expect(processors >= 1)
        #expect(ParallelMap.threads(environment: ["EARSHOT_THREADS": "0"]) == processors)
        #expect(ParallelMap.threads(environment: ["EARSHOT_THREADS": "two"]) == processors)
    }
}
