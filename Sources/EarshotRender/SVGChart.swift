import EarshotAggregate

/// Inline SVG charts drawn by hand: every coordinate is computed here and printed with one decimal,
/// so the same numbers always give the same bytes. Every text that could come from an export (names,
/// periods) is escaped with `Escaping.html`. Each chart is `<svg role="img" aria-labelledby=…>` with a
/// `<title>` and a `<desc>`, a viewBox, axis labels and a legend for its reference lines.
enum SVGChart {
    /// A horizontal (bar charts with horizontal bars) or vertical (column charts) line at a value.
    struct Reference {
        var value: Double
        var label: String
        var colour: String
        var dashed: Bool
    }

    struct Series {
        var name: String
        var colour: String
        var values: [Double?]
    }

    static let width = 640.0

    /// A coordinate with one decimal.
    static func c(_ x: Double) -> String { NumberFormat.fixed(x, 1) }

    /// A step of 1, 2, 2.5 or 5 × 10^k that cuts `[0, maximum]` into at most about five ticks.
    static func niceStep(_ maximum: Double) -> Double {
        guard maximum > 0, maximum.isFinite else { return 1 }
        let raw = maximum / 5
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] where m * magnitude >= raw { return m * magnitude }
        return 10 * magnitude
    }

    /// The axis maximum: the data's maximum rounded up to a whole number of steps (never 0).
    static func axisMax(_ values: [Double], floor: Double, minStep: Double = 0) -> (max: Double, step: Double) {
        let top = max(values.filter(\.isFinite).max() ?? 0, floor)
        let step = max(niceStep(top), minStep)
        var m = step
        while m < top - 1e-12 { m += step }
        return (m, step)
    }

    static func text(_ x: Double, _ y: Double, _ s: String, anchor: String = "start", size: Int = 11,
                     weight: String? = nil, fill: String = "#1a1a1a", rotate: Bool = false, halo: Bool = false) -> String {
        let transform = rotate ? " transform=\"rotate(-90 \(c(x)) \(c(y)))\"" : ""
        let bold = weight.map { " font-weight=\"\($0)\"" } ?? ""
        // A white outline under value labels keeps them readable where they cross a line.
        let outline = halo ? " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"" : ""
        return "<text x=\"\(c(x))\" y=\"\(c(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\"\(bold) fill=\"\(fill)\"\(outline)\(transform)>"
            + Escaping.html(s) + "</text>"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
                     dashed: Bool = false) -> String {
        "<line x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(c(width))\""
            + (dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>"
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil) -> String {
        "<rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(max(w, 0)))\" height=\"\(c(max(h, 0)))\" fill=\"\(fill)\""
            + (stroke.map { " stroke=\"\($0)\"" } ?? "") + "/>"
    }

    static func open(id: String, title: String, desc: String, height: Double) -> String {
        "<svg role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" viewBox=\"0 0 \(c(width)) \(c(height))\" "
            + "width=\"\(c(width))\" height=\"\(c(height))\" preserveAspectRatio=\"xMinYMin meet\">\n"
            + "<title id=\"\(id)-title\">" + Escaping.html(title) + "</title>\n"
            + "<desc id=\"\(id)-desc\">" + Escaping.html(desc) + "</desc>\n"
            + "<rect x=\"0\" y=\"0\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#ffffff\"/>\n"
    }

    /// A legend row at `y`: a swatch (bar, dot or line) and a label for each entry.
    enum Swatch { case bar(String), dot(String), line(String, dashed: Bool) }

    static func legend(_ entries: [(Swatch, String)], x: Double, y: Double) -> String {
        var out = ""
        var at = x
        for (swatch, label) in entries {
            switch swatch {
            case .bar(let colour): out += rect(at, y - 9, 14, 10, fill: colour)
            case .dot(let colour): out += "<circle cx=\"\(c(at + 7))\" cy=\"\(c(y - 4))\" r=\"4\" fill=\"\(colour)\"/>"
            case .line(let colour, let dashed): out += line(at, y - 4, at + 14, y - 4, stroke: colour, width: 2.5, dashed: dashed)
            }
            out += text(at + 19, y, label, size: 11) + "\n"
            at += 19 + Double(label.count) * 6.2 + 18
        }
        return out
    }

    static func truncated(_ s: String, _ limit: Int) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }

    // MARK: Horizontal bars

    /// One bar per row (label on the left), a value at the bar's end, vertical reference lines.
    static func horizontalBars(id: String, title: String, desc: String, xLabel: String, yLabel: String,
                               rows: [(label: String, value: Double?)], references: [Reference],
                               valueText: (Double) -> String, axisText: (Double) -> String) -> String {
        let left = 190.0, right = 60.0, top = 38.0, rowHeight = 24.0, bottom = 52.0
        let plotW = width - left - right
        let plotH = rowHeight * Double(max(rows.count, 1))
        let height = top + plotH + bottom
        let (xMax, step) = axisMax(rows.compactMap(\.value) + references.map(\.value), floor: 0.01)
        func x(_ v: Double) -> Double { left + plotW * min(max(v, 0), xMax) / xMax }

        var out = open(id: id, title: title, desc: desc, height: height)
        out += legend([(.bar(ReportStyle.Colour.blue), "measured")] + references.map { (.line($0.colour, dashed: $0.dashed), $0.label) },
                      x: left, y: 16)
        var tick = 0.0
        while tick <= xMax + 1e-12 {
            out += line(x(tick), top, x(tick), top + plotH, stroke: "#e0e0e0")
            out += text(x(tick), top + plotH + 15, axisText(tick), anchor: "middle", size: 10) + "\n"
            tick += step
        }
        var valueLabels = ""
        for (i, row) in rows.enumerated() {
            let y = top + rowHeight * Double(i)
            out += text(left - 6, y + rowHeight / 2 + 4, truncated(row.label, 30), anchor: "end", size: 11) + "\n"
            if let v = row.value {
                out += rect(left, y + 4, x(v) - left, rowHeight - 8, fill: ReportStyle.Colour.blue)
                valueLabels += text(x(v) + 4, y + rowHeight / 2 + 4, valueText(v), size: 10, halo: true) + "\n"
            } else {
                out += text(left + 4, y + rowHeight / 2 + 4, "— (no figure)", size: 10, fill: "#555555") + "\n"
            }
        }
        for r in references {
            out += line(x(r.value), top - 4, x(r.value), top + plotH, stroke: r.colour, width: 2, dashed: r.dashed) + "\n"
        }
        out += valueLabels
        out += axes(left: left, top: top, plotW: plotW, plotH: plotH, height: height, xLabel: xLabel, yLabel: yLabel)
        return out + "</svg>"
    }

    /// The two axis lines and the axis titles every chart draws.
    static func axes(left: Double, top: Double, plotW: Double, plotH: Double, height: Double,
                     xLabel: String, yLabel: String) -> String {
        line(left, top, left, top + plotH, stroke: "#000000")
            + line(left, top + plotH, left + plotW, top + plotH, stroke: "#000000") + "\n"
            + text(left + plotW / 2, height - 12, xLabel, anchor: "middle", size: 12, weight: "600") + "\n"
            + text(14, top + plotH / 2, yLabel, anchor: "middle", size: 12, weight: "600", rotate: true) + "\n"
    }

    // MARK: Columns

    /// One column per category: a bar, an optional dot (e.g. the median), an optional note instead of
    /// figures (e.g. "suppressed"), and horizontal reference lines.
    static func columns(id: String, title: String, desc: String, xLabel: String, yLabel: String,
                        columns: [(label: String, bar: Double?, dot: Double?, note: String?)],
                        barLegend: String, dotLegend: String?, references: [Reference], minStep: Double = 0,
                        valueText: (Double) -> String, axisText: (Double) -> String) -> String {
        let left = 64.0, right = 20.0, top = 40.0, plotH = 220.0, bottom = 58.0
        let plotW = width - left - right
        let height = top + plotH + bottom
        let values = columns.flatMap { [$0.bar, $0.dot].compactMap { $0 } } + references.map(\.value)
        let (yMax, step) = axisMax(values, floor: 0.01, minStep: minStep)
        func y(_ v: Double) -> Double { top + plotH - plotH * min(max(v, 0), yMax) / yMax }
        let colW = plotW / Double(max(columns.count, 1))

        var out = open(id: id, title: title, desc: desc, height: height)
        var entries: [(Swatch, String)] = [(.bar(ReportStyle.Colour.blue), barLegend)]
        if let d = dotLegend { entries.append((.dot(ReportStyle.Colour.black), d)) }
        entries += references.map { (.line($0.colour, dashed: $0.dashed), $0.label) }
        out += legend(entries, x: left, y: 16)
        var tick = 0.0
        while tick <= yMax + 1e-12 {
            out += line(left, y(tick), left + plotW, y(tick), stroke: "#e0e0e0")
            out += text(left - 6, y(tick) + 4, axisText(tick), anchor: "end", size: 10) + "\n"
            tick += step
        }
        var valueLabels = ""
        for (i, col) in columns.enumerated() {
            let cx = left + colW * (Double(i) + 0.5)
            let barW = min(colW * 0.6, 60)
            if let b = col.bar {
                out += rect(cx - barW / 2, y(b), barW, y(0) - y(b), fill: ReportStyle.Colour.blue)
                valueLabels += text(cx, y(max(b, col.dot ?? 0)) - 8, valueText(b), anchor: "middle", size: 10, halo: true) + "\n"
            }
            if let d = col.dot {
                out += "<circle cx=\"\(c(cx))\" cy=\"\(c(y(d)))\" r=\"4.5\" fill=\"\(ReportStyle.Colour.black)\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n"
            }
            if let note = col.note {
                out += text(cx, y(0) - 8, note, anchor: "middle", size: 10, fill: "#555555") + "\n"
            }
            out += text(cx, top + plotH + 16, truncated(col.label, 14), anchor: "middle", size: 11) + "\n"
        }
        for r in references {
            out += line(left, y(r.value), left + plotW, y(r.value), stroke: r.colour, width: 2, dashed: r.dashed) + "\n"
        }
        out += valueLabels
        out += axes(left: left, top: top, plotW: plotW, plotH: plotH, height: height, xLabel: xLabel, yLabel: yLabel)
        return out + "</svg>"
    }

    // MARK: Lines

    /// One line per series over evenly spaced categories; a missing value breaks the line.
    static func lines(id: String, title: String, desc: String, xLabel: String, yLabel: String,
                      categories: [String], series: [Series], references: [Reference], yFloor: Double, gapNote: String? = nil,
                      pointLabels: Bool, valueText: (Double) -> String, axisText: (Double) -> String) -> String {
        let left = 64.0, right = 30.0, top = 40.0, plotH = 220.0, bottom = 58.0
        let plotW = width - left - right
        let height = top + plotH + bottom
        let values = series.flatMap { $0.values.compactMap { $0 } } + references.map(\.value)
        let (yMax, step) = axisMax(values, floor: yFloor)
        func y(_ v: Double) -> Double { top + plotH - plotH * min(max(v, 0), yMax) / yMax }
        let n = categories.count
        func x(_ i: Int) -> Double { n <= 1 ? left + plotW / 2 : left + 20 + (plotW - 40) * Double(i) / Double(n - 1) }

        var out = open(id: id, title: title, desc: desc, height: height)
        out += legend(series.map { (.line($0.colour, dashed: false), $0.name) } + references.map { (.line($0.colour, dashed: $0.dashed), $0.label) },
                      x: left, y: 16)
        var tick = 0.0
        while tick <= yMax + 1e-12 {
            out += line(left, y(tick), left + plotW, y(tick), stroke: "#e0e0e0")
            out += text(left - 6, y(tick) + 4, axisText(tick), anchor: "end", size: 10) + "\n"
            tick += step
        }
        for r in references {
            out += line(left, y(r.value), left + plotW, y(r.value), stroke: r.colour, width: 2, dashed: r.dashed) + "\n"
        }
        let every = max(1, (n + 7) / 8)
        for (i, label) in categories.enumerated() where i % every == 0 || i == n - 1 {
            out += text(x(i), top + plotH + 16, truncated(label, 16), anchor: "middle", size: 10) + "\n"
        }
        if let gapNote {
            for i in 0..<n where series.allSatisfy({ i >= $0.values.count || $0.values[i] == nil }) {
                out += text(x(i), y(0) - 8, gapNote, anchor: "middle", size: 10, fill: "#555555") + "\n"
            }
        }
        for s in series {
            var segment: [String] = []
            func flush() {
                if segment.count > 1 {
                    out += "<polyline fill=\"none\" stroke=\"\(s.colour)\" stroke-width=\"2.5\" points=\"" + segment.joined(separator: " ") + "\"/>\n"
                }
                segment = []
            }
            for (i, v) in s.values.enumerated() {
                if let v { segment.append(c(x(i)) + "," + c(y(v))) } else { flush() }
            }
            flush()
            for (i, v) in s.values.enumerated() {
                guard let v else { continue }
                out += "<circle cx=\"\(c(x(i)))\" cy=\"\(c(y(v)))\" r=\"4\" fill=\"\(s.colour)\"/>"
                if pointLabels { out += text(x(i), y(v) - 8, valueText(v), anchor: "middle", size: 10, halo: true) }
                out += "\n"
            }
        }
        out += axes(left: left, top: top, plotW: plotW, plotH: plotH, height: height, xLabel: xLabel, yLabel: yLabel)
        return out + "</svg>"
    }

    // MARK: Cadence strip

    /// One small box per cadence window: filled when it held a direct contact, outlined when not,
    /// grey and hatched when it is not judged (the short tail, or days the person was not employed).
    static func cadenceStrip(id: String, windows: [WindowResult]) -> String {
        let box = 11.0, gap = 3.0
        let w = max(Double(windows.count) * (box + gap) - gap, 1)
        let description = windows.map { win -> String in
            let range = "\(win.first) to \(win.last)"
            if !win.judged { return range + ": not judged" + (win.whole ? "" : " (short window)") }
            return range + (win.directContacts > 0 ? ": \(win.directContacts) direct contact(s)" : ": no direct contact")
        }.joined(separator: "; ")
        var out = "<svg class=\"strip\" role=\"img\" aria-labelledby=\"\(id)-title\" viewBox=\"0 0 \(c(w)) \(c(box + 2))\" "
            + "width=\"\(c(w))\" height=\"\(c(box + 2))\"><title id=\"\(id)-title\">Cadence windows: "
            + Escaping.html(description) + "</title>"
        for (i, win) in windows.enumerated() {
            let x = Double(i) * (box + gap)
            if !win.judged {
                out += rect(x + 0.5, 1.5, box - 1, box - 1, fill: "#dddddd", stroke: ReportStyle.Colour.grey)
                out += line(x + 0.5, box + 0.5, x + box - 0.5, 1.5, stroke: ReportStyle.Colour.grey)
            } else if win.directContacts > 0 {
                out += rect(x + 0.5, 1.5, box - 1, box - 1, fill: ReportStyle.Colour.green, stroke: ReportStyle.Colour.green)
            } else {
                out += rect(x + 0.5, 1.5, box - 1, box - 1, fill: "#ffffff", stroke: "#333333")
            }
        }
        return out + "</svg>"
    }

    /// The same strip in text for Markdown: ■ contact, □ none, ▨ not judged.
    static func cadenceStripText(_ windows: [WindowResult]) -> String {
        windows.map { !$0.judged ? "▨" : ($0.directContacts > 0 ? "■" : "□") }.joined()
    }
}
