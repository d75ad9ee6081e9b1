import EarshotModel
import Foundation
import Yams

/// A config that cannot be used: exit 78. Every case names the file, the line and column where YAML
/// gives one, the key, and what is allowed.
public enum ConfigError: Error, Equatable, CustomStringConvertible, Sendable {
    case unreadable(path: String, reason: String)
    case syntax(path: String, message: String)
    case unknownKey(path: String, line: Int, column: Int, key: String, section: String, allowed: [String])
    case badValue(path: String, line: Int, column: Int, key: String, value: String, expected: String)
    case missing(path: String, key: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "\(path): cannot read the config: \(reason)."
        case let .syntax(path, message): return "\(path): not valid YAML: \(message)"
        case let .unknownKey(path, line, column, key, section, allowed):
            return "\(path):\(line):\(column): unknown key \"\(key)\" in \(section). Allowed: \(allowed.joined(separator: ", "))."
        case let .badValue(path, line, column, key, value, expected):
            return "\(path):\(line):\(column): \(key): \"\(value)\" is not \(expected)."
        case let .missing(path, key): return "\(path): \(key) is required."
        }
    }
}

/// Reads `earshot.yml` with Yams, checking every key against the documented surface (DESIGN.md's
/// config section); unknown keys are errors that name the key and its line.
public enum ConfigLoader {
    static let topKeys = ["company", "period", "sources", "metrics", "report", "quality"]
    static let companyKeys = ["name", "domains", "timezone", "stage"]
    static let periodKeys = ["quarter", "from", "to"]
    static let sourceKeys = ["kind", "path", "preset", "columns", "timezone", "owner", "encoding"]
    static let metricKeys = ["weekly_hours", "cadence_weeks", "exposure_hours", "broadcast_threshold", "all_day_hours", "ignore_domains"]
    static let reportKeys = ["named_layers", "min_group_size"]
    static let qualityKeys = ["max_reject_share"]
    /// Canonical fields per kind that `columns:` may map.
    public static let canonicalFields: [SourceKind: [String]] = [
        .people: ["id", "email", "name", "title", "manager_id", "manager_email", "manager_name", "department",
                  "start_date", "end_date", "weekly_hours", "active", "role_id"],
        .accounts: ["id", "name", "domain", "website"],
        .contacts: ["id", "email", "name", "account_id"],
        .calendar: ["owner", "uid", "subject", "start", "end", "start_date", "start_time", "end_date", "end_time",
                    "all_day", "organizer", "attendees", "optional_attendees", "location", "status", "show_as"],
        .feedback: ["id", "captured_by", "account", "requester_email", "captured_at", "channel"],
        .handoffs: ["item_id", "from", "to", "at"],
        .crm: [],
    ]

    public static func load(path: String) throws -> EarshotConfig {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let t = String(data: data, encoding: .utf8) else {
                throw ConfigError.unreadable(path: path, reason: "not UTF-8 text")
            }
            text = t
        } catch let e as ConfigError { throw e } catch {
            throw ConfigError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        var config = try parse(text, path: path)
        config.path = path
        config.baseDirectory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        return config
    }

    public static func parse(_ text: String, path: String) throws -> EarshotConfig {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw ConfigError.missing(path: path, key: "sources") }
            root = node
        } catch let e as ConfigError { throw e } catch {
            throw ConfigError.syntax(path: path, message: "\(error)")
        }
        var config = EarshotConfig()
        let top = try mapping(root, "the top level", topKeys, path)
        if let company = top["company"] {
            let m = try mapping(company, "company", companyKeys, path)
            if let v = m["name"] { config.companyName = try string(v, "company.name", path) }
            if let v = m["domains"] {
                config.companyDomains = try strings(v, "company.domains", path).compactMap { DomainName.normalize($0) }
            }
            if let v = m["timezone"] {
                config.timezone = try string(v, "company.timezone", path)
                if ZoneRules(identifier: config.timezone) == nil {
                    throw bad(v, "company.timezone", path, "a time zone name such as America/New_York")
                }
            }
            if let v = m["stage"] {
                guard let s = CompanyStage(rawValue: try string(v, "company.stage", path)) else {
                    throw bad(v, "company.stage", path, "startup, midsize or enterprise")
                }
                config.stage = s
            }
        }
        if let period = top["period"] {
            let m = try mapping(period, "period", periodKeys, path)
            if let v = m["quarter"] {
                let q = try string(v, "period.quarter", path)
                guard Period(quarter: q, zone: .utc) != nil else { throw bad(v, "period.quarter", path, "a quarter such as 2026-Q3") }
                config.quarter = q
            }
            if let v = m["from"] { config.from = try date(v, "period.from", path) }
            if let v = m["to"] { config.to = try date(v, "period.to", path) }
        }
        if let sources = top["sources"] {
            guard case let .sequence(seq) = sources else { throw bad(sources, "sources", path, "a list of sources") }
            for item in seq {
                config.sources.append(try source(item, path))
            }
        }
        if let metrics = top["metrics"] {
            let m = try mapping(metrics, "metrics", metricKeys, path)
            if let v = m["weekly_hours"] { config.metrics.weeklyHours = try number(v, "metrics.weekly_hours", path, min: 0.1) }
            if let v = m["cadence_weeks"] { config.metrics.cadenceWeeks = try integer(v, "metrics.cadence_weeks", path, min: 1) }
            if let v = m["exposure_hours"] { config.metrics.exposureHours = try number(v, "metrics.exposure_hours", path, min: 0) }
            if let v = m["broadcast_threshold"] { config.metrics.broadcastThreshold = try integer(v, "metrics.broadcast_threshold", path, min: 1) }
            if let v = m["all_day_hours"] { config.metrics.allDayHours = try number(v, "metrics.all_day_hours", path, min: 0) }
            if let v = m["ignore_domains"] {
                config.metrics.ignoreDomains = try strings(v, "metrics.ignore_domains", path).compactMap { DomainName.normalize($0) }
            }
        }
        if let report = top["report"] {
            let m = try mapping(report, "report", reportKeys, path)
            if let v = m["named_layers"] { config.report.namedLayers = try integer(v, "report.named_layers", path, min: 0) }
            if let v = m["min_group_size"] { config.report.minGroupSize = try integer(v, "report.min_group_size", path, min: 1) }
        }
        if let quality = top["quality"] {
            let m = try mapping(quality, "quality", qualityKeys, path)
            if let v = m["max_reject_share"] {
                config.maxRejectShare = try number(v, "quality.max_reject_share", path, min: 0)
                if config.maxRejectShare > 1 { throw bad(v, "quality.max_reject_share", path, "a share between 0 and 1") }
            }
        }
        return config
    }

    static func source(_ node: Node, _ path: String) throws -> SourceConfig {
        let m = try mapping(node, "a source", sourceKeys, path)
        guard let kindNode = m["kind"] else { throw ConfigError.missing(path: path, key: "sources[].kind (at line \(line(node)))") }
        guard let kind = SourceKind(rawValue: try string(kindNode, "kind", path)) else {
            throw bad(kindNode, "kind", path, "one of " + SourceKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let pathNode = m["path"] else { throw ConfigError.missing(path: path, key: "sources[].path (at line \(line(node)))") }
        let preset = try m["preset"].map { try string($0, "preset", path) } ?? "auto"
        if preset != "auto", PresetCatalog.named(preset) == nil {
            throw bad(m["preset"]!, "preset", path, "a known preset (" + PresetCatalog.all.map(\.name).joined(separator: ", ") + ", auto)")
        }
        var columns: [String: String] = [:]
        if let c = m["columns"] {
            // DESIGN.md's canonical fields of the kind, plus the fields the named preset (or, for auto,
            // any preset of the kind) reads.
            let presetFields = PresetCatalog.all.filter { $0.kind == kind && (preset == "auto" || $0.name == preset) }.flatMap(\.fieldNames)
            var allowed = canonicalFields[kind] ?? []
            for f in presetFields where !allowed.contains(f) { allowed.append(f) }
            let cm = try mapping(c, "columns of a \(kind.rawValue) source", allowed, path)
            for (k, v) in cm { columns[k] = try string(v, "columns.\(k)", path) }
        }
        var s = SourceConfig(kind: kind, path: try string(pathNode, "path", path), preset: preset, columns: columns)
        if let v = m["timezone"] {
            s.timezone = try string(v, "timezone", path)
            if ZoneRules(identifier: s.timezone!) == nil { throw bad(v, "timezone", path, "a time zone name such as Europe/Berlin") }
        }
        if let v = m["owner"] { s.owner = try string(v, "owner", path) }
        if let v = m["encoding"] {
            s.encoding = try string(v, "encoding", path)
            if TextEncoding(configName: s.encoding!) == nil {
                throw bad(v, "encoding", path, "utf-8, utf-8-bom, utf-16le, utf-16be or windows-1252")
            }
        }
        return s
    }

    static func line(_ node: Node) -> Int { node.mark?.line ?? 0 }

    static func bad(_ node: Node, _ key: String, _ path: String, _ expected: String) -> ConfigError {
        .badValue(path: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, key: key,
                  value: node.scalar?.string ?? "(not a single value)", expected: expected)
    }

    static func mapping(_ node: Node, _ section: String, _ allowed: [String], _ path: String) throws -> [String: Node] {
        guard case let .mapping(m) = node else { throw bad(node, section, path, "a mapping of keys") }
        var out: [String: Node] = [:]
        for (k, v) in m {
            let key = k.scalar?.string ?? ""
            guard allowed.contains(key) else {
                throw ConfigError.unknownKey(path: path, line: k.mark?.line ?? 0, column: k.mark?.column ?? 0,
                                             key: key, section: section, allowed: allowed)
            }
            out[key] = v
        }
        return out
    }

    static func string(_ node: Node, _ key: String, _ path: String) throws -> String {
        guard let s = node.scalar?.string else { throw bad(node, key, path, "a single value") }
        return s
    }

    static func strings(_ node: Node, _ key: String, _ path: String) throws -> [String] {
        if case let .sequence(seq) = node { return try seq.map { try string($0, key, path) } }
        return [try string(node, key, path)]
    }

    static func number(_ node: Node, _ key: String, _ path: String, min: Double) throws -> Double {
        guard let s = node.scalar?.string, let d = Double(s), d.isFinite, d >= min else {
            throw bad(node, key, path, "a number ≥ \(min)")
        }
        return d
    }

    static func integer(_ node: Node, _ key: String, _ path: String, min: Int) throws -> Int {
        guard let s = node.scalar?.string, let i = Int(s), i >= min else { throw bad(node, key, path, "a whole number ≥ \(min)") }
        return i
    }

    static func date(_ node: Node, _ key: String, _ path: String) throws -> CivilDate {
        guard let s = node.scalar?.string, let d = CivilDate(iso: s) else { throw bad(node, key, path, "a date YYYY-MM-DD") }
        return d
    }
}
