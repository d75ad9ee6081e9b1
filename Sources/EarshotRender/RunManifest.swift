import EarshotModel

/// `run.json`: what was read, with which presets, what the ledger says, and what was written.
/// Its `generated_at` is the only field that differs between two runs on the same inputs.
public struct RunManifest: Sendable {
    public var version: String
    public var generatedAt: String
    public var config: String
    public var period: Period
    public var files: [(file: String, preset: String, bytes: Int)]
    public var ledger: Ledger
    public var outputs: [(name: String, bytes: Int)]

    public init(version: String, generatedAt: String, config: String, period: Period,
                files: [(file: String, preset: String, bytes: Int)], ledger: Ledger, outputs: [(name: String, bytes: Int)]) {
        self.version = version
        self.generatedAt = generatedAt
        self.config = config
        self.period = period
        self.files = files
        self.ledger = ledger
        self.outputs = outputs
    }

    /// JSON with keys in a fixed order and two-space indentation.
    public func json() -> String {
        func q(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if u.value < 0x20 || (0x2028...0x2029).contains(u.value) {
                        let hex = String(u.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                    } else { out.unicodeScalars.append(u) }
                }
            }
            return out + "\""
        }
        var lines: [String] = []
        lines.append("{")
        lines.append("  \"earshot_version\": \(q(version)),")
        lines.append("  \"generated_at\": \(q(generatedAt)),")
        lines.append("  \"config\": \(q(config)),")
        lines.append("  \"period\": {\"name\": \(q(period.description)), \"from\": \(q(period.from.description)), \"to\": \(q(period.to.description)), \"timezone\": \(q(period.zone.identifier))},")
        lines.append("  \"inputs\": [")
        let inputs = files.map { f -> String in
            let l = ledger[f.file] ?? FileLedger(file: f.file)
            let ignored = l.ignored.keys.sorted().map { "\(q($0.rawValue)): \(l.ignored[$0]!)" }.joined(separator: ", ")
            return "    {\"file\": \(q(f.file)), \"preset\": \(q(f.preset)), \"bytes\": \(f.bytes), \"read\": \(l.read), \"accepted\": \(l.accepted), \"merged\": \(l.merged), \"ignored\": {\(ignored)}, \"rejected\": \(l.rejected)}"
        }
        lines.append(inputs.joined(separator: ",\n"))
        lines.append("  ],")
        lines.append("  \"outputs\": [")
        lines.append(outputs.map { "    {\"file\": \(q($0.name)), \"bytes\": \($0.bytes)}" }.joined(separator: ",\n"))
        lines.append("  ]")
        lines.append("}")
        return lines.filter { !$0.isEmpty }.joined(separator: "\n") + "\n"
    }
}
