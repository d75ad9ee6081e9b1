import EarshotIngest
import EarshotModel

/// The ledger as `validate` prints it: one line per file, then the rules and reasons.
enum LedgerReport {
    static func text(_ ledger: Ledger, presets: [(file: String, preset: String)], period: Period) -> String {
        var lines = ["period: \(period) (\(period.from) to \(period.to), \(period.zone.identifier))", ""]
        let width = max(4, ledger.files.map(\.file.count).max() ?? 4)
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        func num(_ n: Int) -> String { let s = String(n); return String(repeating: " ", count: max(0, 8 - s.count)) + s }
        lines.append(pad("file", width) + "      read  accepted    merged   ignored  rejected  preset")
        for f in ledger.files {
            let preset = presets.first { $0.file == f.file }?.preset ?? ""
            lines.append(pad(f.file, width) + "  " + [f.read, f.accepted, f.merged, f.ignoredTotal, f.rejected].map(num).joined(separator: "  ")
                         + "  " + preset + (f.balances ? "" : "  UNBALANCED"))
            for rule in f.ignored.keys.sorted() { lines.append("    ignored \(rule.rawValue): \(f.ignored[rule]!)") }
        }
        let byReason = Dictionary(grouping: ledger.rejects, by: \.reason)
        if !byReason.isEmpty {
            lines.append("")
            lines.append("rejected rows:")
            for reason in byReason.keys.sorted() {
                for r in byReason[reason]!.prefix(5) {
                    lines.append("  \(r.location.file):\(r.location.line) (byte \(r.location.byte)): \(reason.rawValue): \(r.detail)")
                }
                if byReason[reason]!.count > 5 { lines.append("  … and \(byReason[reason]!.count - 5) more \(reason.rawValue)") }
            }
        }
        let total = ledger.files.reduce(0) { $0 + $1.read }
        lines.append("")
        lines.append("\(ledger.files.count) files, \(total) rows; every row accounted for: \(ledger.unbalanced.isEmpty ? "yes" : "NO")")
        return lines.joined(separator: "\n")
    }
}

/// What `sniff` prints, ending with a ready-to-paste `sources:` entry.
enum SniffReport {
    static func text(_ r: SniffResult, file: String) -> String {
        var lines = [
            "file:      \(file)",
            "encoding:  \(r.encoding.rawValue)",
            "delimiter: \(r.delimiterName)",
            "header:    record \(r.headerRecordIndex + 1)\(r.excelSepLine ? " (after Excel's sep= line)" : ""): " + r.header.prefix(12).joined(separator: ", ") + (r.header.count > 12 ? ", …" : ""),
        ]
        if let p = r.preset {
            lines.append("preset:    \(p.name) (\(p.kind.rawValue)) — \(p.summary)")
            lines.append("")
            lines.append("sources:")
            lines.append("  - kind: \(p.kind.rawValue)")
            lines.append("    path: \(file)")
            lines.append("    preset: \(p.name)")
            if r.encoding == .windows1252 || r.encoding == .utf16LE || r.encoding == .utf16BE {
                lines.append("    encoding: \(r.encoding.rawValue)")
            }
            if p.name == "outlook-calendar" { lines.append("    owner: \"{stem}@yourcompany.com\"   # Outlook files name nobody") }
        } else {
            lines.append("preset:    none matches; map the columns yourself with a generic preset and `columns:`")
        }
        return lines.joined(separator: "\n")
    }
}
