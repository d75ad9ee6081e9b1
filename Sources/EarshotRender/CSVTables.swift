import EarshotAggregate
import EarshotModel

/// Writes the tables behind the report (`data/*.csv`) with exactly the columns DESIGN.md names.
/// RFC 4180 quoting, LF line ends, cells meant for people guarded against formula injection.
public enum CSVTables {
    /// One CSV line: fields quoted when they hold a delimiter, quote, CR or LF (or start/end with a space).
    public static func line(_ fields: [String]) -> String {
        var out: [UInt8] = []
        append(fields, to: &out)
        return string(out)
    }

    /// Appends one CSV line. Checked on the UTF-8 bytes, as a CSV reader splits them: a comma or line
    /// end that a combining mark joins into one Character (or a CRLF, one Character) is still quoted.
    /// Tables are built as bytes and made a String once (`string(_:)`): appending bytes costs far less
    /// than appending Strings, cell by cell.
    static func append(_ fields: [String], to out: inout [UInt8]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(0x2C) }
            let u = f.utf8
            let needsQuotes = u.first == 0x20 || u.last == 0x20
                || u.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
            if needsQuotes {
                out.append(0x22)
                // Quotes doubled at the byte, like the comma test above.
                for b in u {
                    out.append(b)
                    if b == 0x22 { out.append(0x22) }
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: u)
            }
        }
        out.append(0x0A)
    }

    /// The bytes of a table (whole UTF-8 Strings and ASCII between them) as a String.
    static func string(_ bytes: [UInt8]) -> String {
        guard let s = String(validating: bytes, as: UTF8.self) else { preconditionFailure("a table's bytes are UTF-8 Strings'") }
        return s
    }

    /// The header and the rows, each row made and appended in turn: the big tables (interactions,
    /// people, rejects) are never held as arrays of cells (at 10M input rows that was the run's peak).
    static func table(_ header: [String], _ rows: some Sequence<[String]>) -> String {
        var out: [UInt8] = []
        append(header, to: &out)
        for row in rows { append(row, to: &out) }
        return string(out)
    }

    static func text(_ s: String) -> String { Escaping.spreadsheetSafe(s) }

    public static func personMetrics(_ m: Metrics) -> String {
        table(["person_id", "email", "name", "title", "layer", "customer_hours", "share_of_time", "contacts", "distinct_accounts",
               "cadence_met", "exposure_met", "longest_gap_days", "days_since_last", "hops_to_customer"],
              m.people.sorted { ($0.layer ?? .max, $0.personId, $0.email) < ($1.layer ?? .max, $1.personId, $1.email) }.lazy.map { p in
                  [text(p.personId), text(p.email), text(p.name), text(p.named ? p.title : ""), NumberFormat.int(p.layer),
                   NumberFormat.hours(p.customerHours), NumberFormat.share(p.shareOfTime), String(p.contacts),
                   String(p.distinctAccounts), NumberFormat.bool(p.cadenceMet), NumberFormat.bool(p.exposureMet),
                   String(p.longestGapDays), NumberFormat.int(p.daysSinceLast), NumberFormat.int(p.hopsToCustomer)]
              })
    }

    public static func layerMetrics(_ m: Metrics) -> String {
        table(["layer", "headcount", "contact_rate", "hours_mean", "hours_median", "hours_p90", "share_median", "cadence_rate", "suppressed"],
              m.layers.map { l in
                  [String(l.layer), String(l.headcount), NumberFormat.share(l.contactRate), NumberFormat.hours(l.hoursMean),
                   NumberFormat.hours(l.hoursMedian), NumberFormat.hours(l.hoursP90), NumberFormat.share(l.shareMedian),
                   NumberFormat.share(l.cadenceRate), NumberFormat.bool(l.suppressed)]
              })
    }

    public static func chains(_ m: Metrics) -> String {
        table(["person_id", "name", "layer", "has_direct_contact", "organisation", "with_direct_contact", "second_hand",
               "second_hand_share", "dilution_points", "suppressed"],
              m.chains.lazy.map { c in
                  [text(c.personId), text(c.name), String(c.layer), NumberFormat.bool(c.hasDirectContact), String(c.organisation),
                   c.suppressed ? "" : String(c.withDirectContact), c.suppressed ? "" : String(c.secondHand),
                   NumberFormat.share(c.secondHandShare), c.suppressed ? "" : String(c.dilutionPoints), NumberFormat.bool(c.suppressed)]
              })
    }

    public static func feedbackFunnel(_ m: Metrics) -> String {
        table(["layer", "items", "reached", "reach", "retention", "median_days"],
              m.funnel.map { f in
                  f.suppressed ? [String(f.layer), "", "", "", "", ""] : [String(f.layer), String(f.items), String(f.reached), NumberFormat.share(f.reach), NumberFormat.share(f.retention),
                   f.medianDays.map { NumberFormat.fixed($0, 2) } ?? ""]
              })
    }

    public static func ledger(_ l: Ledger) -> String {
        table(["file", "read", "accepted", "merged", "ignored", "rejected"],
              l.files.map { [text($0.file), String($0.read), String($0.accepted), String($0.merged), String($0.ignoredTotal), String($0.rejected)] })
    }

    public static func rejects(_ l: Ledger) -> String {
        table(["file", "line", "reason", "raw"],
              l.rejects.lazy.map { [text($0.location.file), String($0.location.line), $0.reason.rawValue, text(Escaping.plainKeepingNewlines($0.raw))] })
    }

    /// Customer-facing interactions after merging, for drill-down by analysts.
    public static func interactions(_ model: CanonicalModel, _ metrics: Metrics) -> String {
        interactions(model, metrics, rows: model.interactions.indices, header: true)
    }

    /// Part of `interactions.csv`: the rows of `rows` (in order), after the header line when `header`
    /// is true. The parts of consecutive ranges, joined, are the whole table (rendered on several threads).
    public static func interactions(_ model: CanonicalModel, _ metrics: Metrics, rows: Range<Int>, header: Bool) -> String {
        interactions(model, rows: rows, header: header)
    }

    /// `interactions(_:_:rows:header:)`: the table reads the model only, so it can be rendered before
    /// the metrics exist.
    public static func interactions(_ model: CanonicalModel, rows: Range<Int>, header: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 128)
        if header { append(interactionsHeader, to: &out) }
        for row in interactionRows(model, rows) { append(row, to: &out) }
        return string(out)
    }

    static let interactionsHeader = ["interaction_id", "file", "line", "kind", "start_utc", "end_utc", "rows_merged", "sources",
                                     "internal_participants", "customer_participants", "accounts", "in_person"]

    static func interactionRows(_ model: CanonicalModel, _ rows: Range<Int>) -> some Sequence<[String]> {
        model.interactions[rows].lazy.map { i in
            [String(i.index + 1), text(i.source.file), String(i.source.line), i.kind.rawValue, isoUTC(i.start), isoUTC(i.end),
             String(i.rowCount), sources(i.seenIn),
             String(i.internalParticipants.lazy.filter { !$0.declined }.count), String(i.customerAddresses.count),
             i.accounts.isEmpty ? "" : text(i.accounts.map { model.accounts[$0].name }.sorted().joined(separator: ";")),
             NumberFormat.bool(i.inPerson)]
        }
    }

    /// `calendar`, `crm` or both, in that (sorted) order, joined by `;`.
    static func sources(_ kinds: Set<SourceKind>) -> String {
        if kinds.count == 1, let only = kinds.first { return only.rawValue }
        return kinds.map(\.rawValue).sorted().joined(separator: ";")
    }

    /// `2026-07-14T14:00:00Z`: written digit by digit (string interpolation was most of a row's cost).
    public static func isoUTC(_ t: Int64) -> String {
        let day = CivilDate(dayNumber: Int(t >= 0 ? t / 86_400 : (t - 86_399) / 86_400))
        let s = Int(t - Int64(day.dayNumber) * 86_400)
        let c = day.components
        guard (0...9999).contains(c.year) else {
            return "\(day)T\(Digits.pad(s / 3600, 2)):\(Digits.pad(s / 60 % 60, 2)):\(Digits.pad(s % 60, 2))Z"
        }
        var b: [UInt8] = []
        b.reserveCapacity(20)
        func digits(_ v: Int, _ n: Int) {
            var p = 1
            for _ in 1..<n { p *= 10 }
            while p > 0 { b.append(UInt8(48 + v / p % 10)); p /= 10 }
        }
        digits(c.year, 4); b.append(0x2D); digits(c.month, 2); b.append(0x2D); digits(c.day, 2)
        b.append(0x54); digits(s / 3600, 2); b.append(0x3A); digits(s / 60 % 60, 2); b.append(0x3A); digits(s % 60, 2)
        b.append(0x5A)
        return string(b)
    }
}

extension Escaping {
    /// Raw reject text for a CSV cell: newlines kept (the cell is quoted), other controls and bidi made visible.
    public static func plainKeepingNewlines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { plain(String($0)) }.joined(separator: "\n")
    }
}
