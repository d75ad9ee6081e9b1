import EarshotModel

/// The reporting tree: who reports to whom, each person's layer (0 = the root, normally the CEO), and
/// the findings a board should see (cycles, several roots, people outside the tree).
///
/// The root is the person without a manager who has the largest organisation; other top-level people
/// and everyone in a cycle are left without a layer and named in `findings`.
public struct OrgTree: Sendable {
    public let root: Int?
    /// Layer of each person (index as in `people`), nil when the person is outside the main tree.
    public let layer: [Int?]
    /// Direct reports of each person, sorted by index.
    public let reports: [[Int]]
    /// Manager of each person inside the tree.
    public let manager: [Int?]
    public let findings: [String]

    public init(people: [Person]) {
        let n = people.count
        var manager = people.map(\.manager)
        var findings: [String] = []
        // Break cycles: walking up from anyone must end at a person without a manager.
        var state = [UInt8](repeating: 0, count: n) // 0 unknown, 1 on stack, 2 done
        for start in 0..<n where state[start] == 0 {
            var path: [Int] = []
            var p: Int? = start
            while let cur = p, state[cur] == 0 {
                state[cur] = 1
                path.append(cur)
                p = manager[cur]
            }
            if let cur = p, state[cur] == 1 {
                let cycle = path[path.firstIndex(of: cur)!...]
                // Ids, not names: findings reach the report, which names no one below the named layers.
                let ids = cycle.map { people[$0].id.isEmpty ? "#\($0)" : people[$0].id }
                findings.append("reporting cycle: " + ids.joined(separator: " → ") + " → " + ids[0] + " (left without a layer)")
                for c in cycle { manager[c] = nil }
            }
            for q in path { state[q] = 2 }
        }
        var reports = [[Int]](repeating: [], count: n)
        for i in 0..<n { if let m = manager[i] { reports[m].append(i) } }
        func size(_ i: Int) -> Int {
            var count = 0
            var stack = [i]
            while let x = stack.popLast() { count += 1; stack.append(contentsOf: reports[x]) }
            return count
        }
        let tops = (0..<n).filter { manager[$0] == nil }
        let root = tops.max { (size($0), -$0) < (size($1), -$1) }
        var layer = [Int?](repeating: nil, count: n)
        if let root {
            layer[root] = 0
            var queue = [root]
            var head = 0
            while head < queue.count {
                let x = queue[head]; head += 1
                for r in reports[x] { layer[r] = layer[x]! + 1; queue.append(r) }
            }
            let others = tops.filter { $0 != root }
            if !others.isEmpty {
                let ids = others.prefix(10).map { people[$0].id.isEmpty ? "#\($0)" : people[$0].id }
                findings.append("\(others.count) people besides the root (\(people[root].id)) have no manager and are left outside the layers: "
                                + ids.joined(separator: ", ") + (others.count > 10 ? ", …" : ""))
            }
        }
        self.root = root
        self.layer = layer
        self.reports = reports
        self.manager = manager
        self.findings = findings
    }

    /// Deepest layer in the tree.
    public var depth: Int { layer.compactMap { $0 }.max() ?? 0 }
}
