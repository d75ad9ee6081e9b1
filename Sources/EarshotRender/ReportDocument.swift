import EarshotModel

/// The report as a small neutral document (sections of paragraphs, lists, tables and charts) that
/// both writers render: Markdown for `report.md`, HTML for `report.html`. Building the content once
/// keeps the two outputs saying the same thing in the same order.
///
/// Text safety is decided by construction: in a `ReportText` literal, the written text is ours, and
/// **every interpolated value is data** and goes through `Escaping.html` / `Escaping.markdown`.
/// Markup we generate ourselves (SVG, cadence strips) enters only through `ReportText.markup`.

/// A run of inline text: our own words, escaped data, bold runs and generated markup.
struct ReportText: ExpressibleByStringInterpolation, Sendable {
    indirect enum Part: Sendable {
        /// Words written in this module (no Markdown syntax, no `|`).
        case literal(String)
        /// Anything else: numbers, names, subjects, file names. Always escaped.
        case data(String)
        case strong(ReportText)
        /// Markup generated here: `html` goes to HTML as is, `markdown` to Markdown as is.
        case markup(html: String, markdown: String)
    }

    var parts: [Part]

    init(parts: [Part]) { self.parts = parts }
    init(stringLiteral value: String) { parts = [.literal(value)] }
    init(stringInterpolation: Interpolation) { parts = stringInterpolation.parts }

    struct Interpolation: StringInterpolationProtocol {
        var parts: [Part] = []
        init(literalCapacity: Int, interpolationCount: Int) {}
        mutating func appendLiteral(_ literal: String) { if !literal.isEmpty { parts.append(.literal(literal)) } }
        /// Data: escaped in both outputs.
        mutating func appendInterpolation(_ value: String) { parts.append(.data(value)) }
        mutating func appendInterpolation(_ value: Int) { parts.append(.data(String(value))) }
        mutating func appendInterpolation(_ value: CivilDate) { parts.append(.data(value.description)) }
        mutating func appendInterpolation(_ text: ReportText) { parts.append(contentsOf: text.parts) }
        mutating func appendInterpolation(strong text: ReportText) { parts.append(.strong(text)) }
    }

    static func data(_ s: String) -> ReportText { ReportText(parts: [.data(s)]) }
    static func strong(_ t: ReportText) -> ReportText { ReportText(parts: [.strong(t)]) }
    static func markup(html: String, markdown: String) -> ReportText { ReportText(parts: [.markup(html: html, markdown: markdown)]) }

    static func + (a: ReportText, b: ReportText) -> ReportText { ReportText(parts: a.parts + b.parts) }

    /// Joins texts with a literal separator.
    static func joined(_ items: [ReportText], separator: String) -> ReportText {
        var parts: [Part] = []
        for (i, t) in items.enumerated() {
            if i > 0 { parts.append(.literal(separator)) }
            parts.append(contentsOf: t.parts)
        }
        return ReportText(parts: parts)
    }

    var html: String {
        parts.map { part in
            switch part {
            case .literal(let s), .data(let s): return Escaping.html(s)
            case .strong(let t): return "<strong>" + t.html + "</strong>"
            case .markup(let h, _): return h
            }
        }.joined()
    }

    var markdown: String {
        parts.map { part in
            switch part {
            case .literal(let s): return ReportText.markdownLiteral(s)
            case .data(let s): return Escaping.markdown(s)
            case .strong(let t): return "**" + t.markdown + "**"
            case .markup(_, let m): return m
            }
        }.joined()
    }

    /// Our own words are written without Markdown syntax; this only guards table cells and lines.
    static func markdownLiteral(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            case "<": out += "&lt;"
            default: out.append(c)
            }
        }
        return out
    }
}

enum ColumnAlign: Sendable { case left, right }

struct ReportTable: Sendable {
    var header: [String]
    var align: [ColumnAlign]
    var rows: [[ReportText]]
    /// A short label for screen readers and the HTML `<caption>`.
    var caption: String

    init(caption: String, header: [String], align: [ColumnAlign]? = nil, rows: [[ReportText]]) {
        self.caption = caption
        self.header = header
        self.align = align ?? [ColumnAlign](repeating: .left, count: header.count)
        self.rows = rows
    }
}

/// A chart: its SVG (HTML only) and the words both outputs print with it.
struct ReportChart: Sendable {
    var id: String
    var title: String
    /// What to read from the chart, one or two sentences.
    var caption: String
    /// Complete `<svg>` element.
    var svg: String
}

enum ReportBlock: Sendable {
    case paragraph(ReportText)
    /// A paragraph that carries the point of a section, shown larger in HTML.
    case lead(ReportText)
    case list([ReportText])
    case subheading(String)
    case table(ReportTable)
    case chart(ReportChart)
    /// A quiet note (sources of figures, "not shown" remarks).
    case note(ReportText)
}

struct ReportSection: Sendable {
    /// The anchor: the same slug GitHub and pandoc derive from the title.
    var id: String
    var title: String
    var blocks: [ReportBlock]
}

struct ReportDocument: Sendable {
    var title: ReportText
    var subtitle: ReportText
    var sections: [ReportSection]
}
