import Foundation
import Testing
import TestSupport

/// The demo's report compared byte for byte with checked-in references (Fixtures/golden/). After an
/// intended change, regenerate them with `EARSHOT_UPDATE_GOLDEN=1 make test` and review the diff in git.
@Suite("golden report files", .serialized)
struct GoldenReportTests {
    @Test("the demo's report.md and report.html match the references", arguments: ["report.md", "report.html"])
    func golden(name: String) throws {
        let dir = Fixtures.scratch("golden")
        let out = dir.appendingPathComponent("out").path
        let r = try Binary.run(["run", "--config", Fixtures.path("demo/earshot.yml"), "--out", out])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let actual = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
        let referencePath = Fixtures.path("golden/" + name)
        if ProcessInfo.processInfo.environment["EARSHOT_UPDATE_GOLDEN"] == "1" {
            try actual.write(toFile: referencePath, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: referencePath, encoding: .utf8)
        if actual != expected {
            let diff = Self.diff(expected: expected, actual: actual)
            Issue.record("\(name) differs from Fixtures/golden/\(name):\n\(diff)")
        }
    }

    /// The first differing lines with a little context, enough to see what changed.
    static func diff(expected: String, actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        var shown = 0
        for i in 0..<max(a.count, b.count) where shown < 10 {
            let x = i < a.count ? String(a[i]) : "<end>"
            let y = i < b.count ? String(b[i]) : "<end>"
            if x != y {
                out.append("line \(i + 1):\n- \(x.prefix(300))\n+ \(y.prefix(300))")
                shown += 1
            }
        }
        return out.joined(separator: "\n")
    }
}
