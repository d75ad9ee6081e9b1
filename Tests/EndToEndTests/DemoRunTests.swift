import EarshotIngest
import Foundation
import Testing
import TestSupport

@Suite("the built binary on the bundled demo", .serialized)
struct DemoRunTests {
    let demo = Fixtures.path("demo/earshot.yml")

    @Test("run publishes every output with DESIGN.md's columns, and a rerun is byte-identical")
    func runDemo() throws {
        let dir = Fixtures.scratch("e2e")
        let out = dir.appendingPathComponent("report").path
        let first = try Binary.run(["run", "--config", demo, "--out", out])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        for name in ["report.md", "report.html", "run.json", "data/person_metrics.csv", "data/layer_metrics.csv", "data/chains.csv",
                     "data/feedback_funnel.csv", "data/interactions.csv", "data/ledger.csv", "data/rejects.csv"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name) missing")
        }
        let people = try readCSV(out + "/data/person_metrics.csv")
        #expect(people.first == ["person_id", "email", "name", "title", "layer", "customer_hours", "share_of_time", "contacts",
                                 "distinct_accounts", "cadence_met", "exposure_met", "longest_gap_days", "days_since_last",
                                 "hops_to_customer"])
        #expect(try readCSV(out + "/data/layer_metrics.csv").first == ["layer", "headcount", "contact_rate", "hours_mean", "hours_median",
                                                                       "hours_p90", "share_median", "cadence_rate", "suppressed"])
        #expect(try readCSV(out + "/data/feedback_funnel.csv").first == ["layer", "items", "reached", "reach", "retention", "median_days"])
        #expect(try readCSV(out + "/data/rejects.csv").first == ["file", "line", "reason", "raw"])
        // The CEO's hours: Fixtures/demo/README.md lists 35.50 h (6.75% of a 40-hour week over 92 days),
        // computed by the demo's generator from the meetings it wrote, independently of earshot.
        let ceo = try #require(people.first { $0.first == "E001" })
        #expect(ceo[5] == "35.50")
        #expect(ceo[6] == "0.0675")
        // The CFO met customers only in July: cadence not met.
        #expect(people.first { $0.first == "E006" }?[9] == "false")

        // Every file balances: read = accepted + merged + ignored + rejected.
        let ledger = try readCSV(out + "/data/ledger.csv").dropFirst()
        #expect(ledger.count == 14)
        for row in ledger {
            let n = row[1...5].map { Int($0)! }
            #expect(n[0] == n[1] + n[2] + n[3] + n[4], "\(row[0]) does not balance")
        }
        // The planted problems (Fixtures/demo/README.md) are rejected with their line numbers.
        let rejects = try readCSV(out + "/data/rejects.csv").dropFirst().map { "\($0[0]):\($0[1]):\($0[2])" }
        #expect(Set(rejects) == [
            "calendar/events.csv:172:stray-quote", "calendar/events.csv:528:bad-date", "calendar/events.csv:828:too-many-fields",
            "calendar/events.csv:1157:unknown-person", "salesforce/Event.csv:16:missing-value", "feedback.csv:119:unknown-person",
            "handoffs.csv:85:unknown-item",
        ])

        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("href=\"http"))

        // Same inputs → byte-identical outputs (run.json's generated_at aside).
        let snapshot = try Self.contents(of: out)
        let second = try Binary.run(["run", "--config", demo, "--out", out])
        #expect(second.status == 0)
        #expect(try Self.contents(of: out) == snapshot)
    }

    static func contents(of dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in ["report.md", "report.html", "data/person_metrics.csv", "data/layer_metrics.csv", "data/chains.csv",
                     "data/feedback_funnel.csv", "data/interactions.csv", "data/ledger.csv", "data/rejects.csv"] {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
        }
        return out
    }

    /// The demo's calendar export (444 KB) cut into parts of a few KB to a few hundred, on up to seven
    /// threads: every output must be byte for byte the one-thread run's (the parts' rows, rejects, line
    /// numbers and interned addresses all land in one-thread order).
    @Test("reading the calendar in parts on several threads changes no output byte",
          arguments: [(2, 200_000), (3, 20_000), (7, 3_000)])
    func threads(threads: Int, partBytes: Int) throws {
        let dir = Fixtures.scratch("threads")
        let one = dir.appendingPathComponent("one").path, many = dir.appendingPathComponent("many").path
        let a = try Binary.run(["run", "--config", demo, "--out", one], environment: ["EARSHOT_THREADS": "1"])
        let b = try Binary.run(["run", "--config", demo, "--out", many],
                               environment: ["EARSHOT_THREADS": "\(threads)", "EARSHOT_MIN_PART_BYTES": "\(partBytes)"])
        #expect(a.status == 0 && b.status == 0, "stderr: \(a.stderr) \(b.stderr)")
        let x = try Self.contents(of: one), y = try Self.contents(of: many)
        for name in x.keys.sorted() { #expect(x[name] == y[name], "\(name) differs") }
    }

    @Test("validate prints the ledger of every file and writes nothing")
    func validate() throws {
        let r = try Binary.run(["validate", "--config", demo])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        for file in ["people.csv", "salesforce/User.csv", "calendar/events.csv", "salesforce/Event.csv", "handoffs.csv"] {
            #expect(r.stdout.contains(file))
        }
        #expect(r.stdout.contains("every row accounted for: yes"))
    }
}

@Suite("exit codes and publishing", .serialized)
struct ExitCodeTests {
    func company(_ config: String, files: [String: String] = [:]) -> URL {
        let dir = Fixtures.scratch("exit")
        Fixtures.write(config, to: "earshot.yml", in: dir)
        for (k, v) in files { Fixtures.write(v, to: k, in: dir) }
        return dir
    }

    static let people = "employee_id,email,name,title,manager_id\nE1,ceo@acme.example,Cleo,CEO,\nE2,rae@acme.example,Rae,AE,E1\n"

    @Test("an unknown config key is a config error (78) that names the key and its line")
    func unknownKey() throws {
        let dir = company("company:\n  name: Acme\n  domians: [acme.example]\n")
        let r = try Binary.run(["validate", "--config", dir.appendingPathComponent("earshot.yml").path])
        #expect(r.status == 78)
        #expect(r.stderr.contains("earshot.yml:3:3: unknown key \"domians\""))
    }

    @Test("a missing input is exit 66 and names the file")
    func missingInput() throws {
        let dir = company("company: {name: Acme, domains: [acme.example], timezone: UTC}\nperiod: {quarter: 2026-Q3}\nsources:\n  - {kind: people, path: nope.csv, preset: generic-people}\n")
        let r = try Binary.run(["run", "--config", dir.appendingPathComponent("earshot.yml").path, "--out", dir.appendingPathComponent("out").path])
        #expect(r.status == 66)
        #expect(r.stderr.contains("nope.csv"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test("a file missing a required column stops the run (66) with the fix")
    func missingColumn() throws {
        let dir = company("company: {name: Acme, domains: [acme.example], timezone: UTC}\nperiod: {quarter: 2026-Q3}\nsources:\n  - {kind: people, path: p.csv, preset: generic-people}\n",
                          files: ["p.csv": "employee_id,name\nE1,Cleo\n"])
        let r = try Binary.run(["validate", "--config", dir.appendingPathComponent("earshot.yml").path])
        #expect(r.status == 66)
        #expect(r.stderr.contains("p.csv: line 1: preset generic-people needs column(s) for email"))
    }

    @Test("too many rejected rows fail the quality gate (65): DIR.failed is kept and DIR is untouched")
    func qualityGate() throws {
        let good = "company: {name: Acme, domains: [acme.example], timezone: UTC}\nperiod: {quarter: 2026-Q3}\nsources:\n  - {kind: people, path: p.csv, preset: generic-people}\n"
        let dir = company(good, files: ["p.csv": Self.people])
        let config = dir.appendingPathComponent("earshot.yml").path
        let out = dir.appendingPathComponent("out").path
        #expect(try Binary.run(["run", "--config", config, "--out", out]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/data/person_metrics.csv"))
        // One of three rows has no e-mail: 33% rejected > 5%.
        Fixtures.write(Self.people + "E3,,Nobody,AE,E1\n", to: "p.csv", in: dir)
        let r = try Binary.run(["run", "--config", config, "--out", out])
        #expect(r.status == 65)
        #expect(r.stderr.contains("p.csv: 1 of 3 rows rejected"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/data/person_metrics.csv")) == before)
        #expect(FileManager.default.fileExists(atPath: out + ".failed/data/rejects.csv"))
    }

    @Test("a second run while the first holds the lock exits 75 and publishes nothing")
    func lock() throws {
        let dir = company("company: {name: Acme, domains: [acme.example], timezone: UTC}\nperiod: {quarter: 2026-Q3}\nsources:\n  - {kind: people, path: p.csv, preset: generic-people}\n",
                          files: ["p.csv": Self.people])
        let out = dir.appendingPathComponent("out").path
        let fd = open(out + ".lock", O_RDWR | O_CREAT, 0o644)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        defer { close(fd) }
        let r = try Binary.run(["run", "--config", dir.appendingPathComponent("earshot.yml").path, "--out", out])
        #expect(r.status == 75)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("a usage error exits 64")
    func usage() throws {
        #expect(try Binary.run(["run", "--no-such-flag"]).status == 64)
        #expect(try Binary.run(["run", "--quarter", "2026-Q9"]).status == 64)
    }
}
