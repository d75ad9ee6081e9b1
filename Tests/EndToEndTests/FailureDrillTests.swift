import Foundation
import Testing
import TestSupport

@Suite("failure drills", .serialized)
struct FailureDrillTests {
    static let config = """
        company: {name: Acme, domains: [acme.example], timezone: UTC}
        period: {quarter: 2026-Q3}
        sources:
          - {kind: people, path: p.csv, preset: generic-people}

        """
    static let people = "employee_id,email,name,title,manager_id\nE1,ceo@acme.example,Cleo,CEO,\nE2,rae@acme.example,Rae,AE,E1\n"

    func snapshot(_ dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir)!
        while let name = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + name, isDirectory: &isDir), !isDir.boolValue {
                out[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
            }
        }
        return out
    }

    @Test("SIGKILL while publishing leaves the previous report complete and readable", arguments: [150, 700, 1400])
    func killDuringPublish(afterMilliseconds: Int) throws {
        let dir = Fixtures.scratch("kill")
        Fixtures.write(Self.config, to: "earshot.yml", in: dir)
        Fixtures.write(Self.people, to: "p.csv", in: dir)
        let config = dir.appendingPathComponent("earshot.yml").path
        let out = dir.appendingPathComponent("out").path
        #expect(try Binary.run(["run", "--config", config, "--out", out]).status == 0)
        let before = try snapshot(out)
        #expect(before["run.json"] != nil && before["report.html"] != nil)

        // A changed input, written slowly (200 ms per file, 11 files), killed part-way.
        Fixtures.write(Self.people + "E3,max@acme.example,Max,AE,E1\n", to: "p.csv", in: dir)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["run", "--config", config, "--out", out]
        process.environment = ["EARSHOT_TEST_WRITE_DELAY_MS": "200"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(UInt32(afterMilliseconds) * 1000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try snapshot(out) == before)

        // The next run cleans up the killed run's staging folder and publishes the new report.
        #expect(try Binary.run(["run", "--config", config, "--out", out]).status == 0)
        let people = try String(contentsOfFile: out + "/data/person_metrics.csv", encoding: .utf8)
        #expect(people.contains("max@acme.example"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".staging-") }
        #expect(leftovers.isEmpty)
    }

    @Test("an output folder that cannot be created exits 73 and writes nothing")
    func readOnlyOutput() throws {
        let dir = Fixtures.scratch("ro")
        Fixtures.write(Self.config, to: "earshot.yml", in: dir)
        Fixtures.write(Self.people, to: "p.csv", in: dir)
        // A regular file where the output's parent folder should be: no user, root included, can create under it.
        Fixtures.write("not a folder", to: "blocked", in: dir)
        let r = try Binary.run(["run", "--config", dir.appendingPathComponent("earshot.yml").path,
                                "--out", dir.appendingPathComponent("blocked/out").path])
        #expect(r.status == 73)
        #expect(r.stderr.contains("cannot create"))
    }

    @Test("a config glob that matches nothing stops the run (66)")
    func emptyGlob() throws {
        let dir = Fixtures.scratch("glob")
        Fixtures.write(Self.config + "  - {kind: calendar, path: \"calendars/*.csv\", preset: generic-calendar}\n", to: "earshot.yml", in: dir)
        Fixtures.write(Self.people, to: "p.csv", in: dir)
        let r = try Binary.run(["validate", "--config", dir.appendingPathComponent("earshot.yml").path])
        #expect(r.status == 66)
        #expect(r.stderr.contains("calendars/*.csv"))
    }

    @Test("a path that climbs out of the exports folder is refused (78)")
    func traversal() throws {
        let dir = Fixtures.scratch("trav")
        Fixtures.write(Self.config.replacingOccurrences(of: "path: p.csv", with: "path: ../../etc/passwd"), to: "earshot.yml", in: dir)
        let r = try Binary.run(["validate", "--config", dir.appendingPathComponent("earshot.yml").path])
        #expect(r.status == 78)
    }
}

@Suite("history and trends through the CLI", .serialized)
struct HistoryRunTests {
    @Test("with --history, the second run's report lists the first run under Trends")
    func trends() throws {
        let dir = Fixtures.scratch("hist")
        Fixtures.write(FailureDrillTests.config, to: "earshot.yml", in: dir)
        Fixtures.write(FailureDrillTests.people, to: "p.csv", in: dir)
        let config = dir.appendingPathComponent("earshot.yml").path
        let out = dir.appendingPathComponent("out").path
        let history = dir.appendingPathComponent("h.sqlite").path
        let first = try Binary.run(["run", "--config", config, "--out", out, "--history", history])
        #expect(first.status == 0)
        let md1 = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(md1.contains("No earlier runs in the history store yet"))
        #expect(try Binary.run(["run", "--config", config, "--out", out, "--history", history]).status == 0)
        let md2 = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        // The first run is now an earlier run: one `| 2026-Q3 | <time> |` row plus "this report".
        let rows = md2.split(separator: "\n").filter { $0.hasPrefix("| 2026-Q3 | 20") }
        #expect(rows.count >= 1)
        #expect(md2.contains("| 2026-Q3 | this report |"))
        #expect(!md2.contains("ReportText("))
    }
}
