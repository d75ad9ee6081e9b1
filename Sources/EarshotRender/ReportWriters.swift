/// The two writers of a `ReportDocument`: GitHub/pandoc Markdown and one self-contained HTML page.
/// Both are pure string building: the same document gives the same bytes.
enum ReportMarkdownWriter {
    static func write(_ doc: ReportDocument) -> String {
        var out: [String] = []
        out.append("# " + doc.title.markdown)
        out.append(doc.subtitle.markdown)
        out.append("Contents: " + doc.sections.enumerated().map { i, s in
            "\(i + 1). [\(ReportText.markdownLiteral(s.title))](#\(s.id))"
        }.joined(separator: " · "))
        for section in doc.sections {
            out.append("## " + ReportText.markdownLiteral(section.title))
            for block in section.blocks { out.append(write(block)) }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    static func write(_ block: ReportBlock) -> String {
        switch block {
        case .paragraph(let t): return t.markdown
        case .lead(let t): return "> " + t.markdown
        case .note(let t): return t.markdown
        case .list(let items): return items.map { "- " + $0.markdown }.joined(separator: "\n")
        case .subheading(let s): return "### " + ReportText.markdownLiteral(s)
        case .table(let table): return write(table)
        case .chart(let chart):
            return "_Figure: " + ReportText.markdownLiteral(chart.title) + "._ " + ReportText.markdownLiteral(chart.caption)
                + " (The chart is drawn in report.html; its numbers are in the table.)"
        }
    }

    static func write(_ table: ReportTable) -> String {
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        var lines = [row(table.header.map(ReportText.markdownLiteral))]
        lines.append(row(table.align.map { $0 == .right ? "---:" : "---" }))
        for r in table.rows {
            var cells = r.map { $0.markdown }
            // A row always has exactly the header's column count.
            while cells.count < table.header.count { cells.append("") }
            lines.append(row(Array(cells.prefix(table.header.count)).map { $0.isEmpty ? " " : $0 }))
        }
        return lines.joined(separator: "\n")
    }
}

enum ReportHTMLWriter {
    static func write(_ doc: ReportDocument) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(doc.title.html)</title>
        <style>
        \(ReportStyle.css)</style>
        </head>
        <body>
        <header class="report-header">
        <h1>\(doc.title.html)</h1>
        <p class="subtitle">\(doc.subtitle.html)</p>
        <nav aria-label="Contents"><ol>
        """
        out += "\n"
        for s in doc.sections {
            out += "<li><a href=\"#\(s.id)\">\(Escaping.html(s.title))</a></li>\n"
        }
        out += "</ol></nav>\n</header>\n<main>\n"
        for s in doc.sections {
            out += "<section class=\"report-section\" aria-labelledby=\"\(s.id)\">\n"
            out += "<h2 id=\"\(s.id)\">\(Escaping.html(s.title))</h2>\n"
            for block in s.blocks { out += write(block) + "\n" }
            out += "</section>\n"
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    static func write(_ block: ReportBlock) -> String {
        switch block {
        case .paragraph(let t): return "<p>" + t.html + "</p>"
        case .lead(let t): return "<p class=\"lead\">" + t.html + "</p>"
        case .note(let t): return "<p class=\"note\">" + t.html + "</p>"
        case .list(let items): return "<ul>\n" + items.map { "<li>" + $0.html + "</li>\n" }.joined() + "</ul>"
        case .subheading(let s): return "<h3>" + Escaping.html(s) + "</h3>"
        case .table(let table): return write(table)
        case .chart(let chart):
            return "<figure class=\"chart\">\n" + chart.svg + "\n<figcaption><strong>" + Escaping.html(chart.title)
                + ".</strong> " + Escaping.html(chart.caption) + "</figcaption>\n</figure>"
        }
    }

    static func write(_ table: ReportTable) -> String {
        func cls(_ i: Int) -> String { i < table.align.count && table.align[i] == .right ? " class=\"num\"" : "" }
        var out = "<div class=\"table-wrap\"><table>\n<caption>" + Escaping.html(table.caption) + "</caption>\n<thead><tr>"
        for (i, h) in table.header.enumerated() { out += "<th scope=\"col\"\(cls(i))>" + Escaping.html(h) + "</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for r in table.rows {
            out += "<tr>"
            for i in table.header.indices { out += "<td\(cls(i))>" + (i < r.count ? r[i].html : "") + "</td>" }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>"
        return out
    }
}
