/// The report page's inline stylesheet: light theme, system fonts only (no downloads), the
/// Okabe–Ito colour-blind-safe palette, and print rules (A4 pages, one section per page).
enum ReportStyle {
    /// Okabe–Ito colours, named by their use in the charts.
    enum Colour {
        static let blue = "#0072B2"        // bars: measured values
        static let orange = "#E69F00"      // the 3% executive average line
        static let green = "#009E73"       // cadence window with a direct contact; second series
        static let vermillion = "#D55E00"  // the CEO target line
        static let purple = "#CC79A7"
        static let sky = "#56B4E9"
        static let yellow = "#F0E442"
        static let black = "#000000"       // median dots, axes
        static let grey = "#999999"        // not judged, gridlines
    }

    static let css = """
    :root { color-scheme: light; }
    html { background: #ffffff; color: #1a1a1a; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      font-size: 15px; line-height: 1.5; max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
    h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
    h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid #0072B2; }
    h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
    .subtitle { color: #444; margin: 0 0 1rem; }
    nav ol { columns: 2; padding-left: 1.4rem; margin: .4rem 0 1rem; }
    nav a, a { color: #0072B2; }
    .lead { font-size: 1.15rem; line-height: 1.45; border-left: 4px solid #D55E00; padding: .4rem .8rem; background: #f7f7f7; }
    .note { color: #444; font-size: .9rem; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .88rem; }
    caption { text-align: left; font-weight: 600; padding-bottom: .3rem; color: #333; }
    th, td { border-bottom: 1px solid #d0d0d0; padding: .25rem .55rem; text-align: left; vertical-align: top; }
    th { background: #eef3f8; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tbody tr:nth-child(even) { background: #fafafa; }
    figure.chart { margin: 1rem 0 1.4rem; }
    figure.chart svg { display: block; width: 100%; max-width: 46rem; height: auto; }
    figcaption { font-size: .9rem; color: #333; margin-top: .3rem; max-width: 46rem; }
    svg.strip { vertical-align: middle; }
    svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    @page { size: A4; margin: 14mm; }
    @media print {
      html, body { background: #ffffff; }
      body { max-width: none; padding: 0; font-size: 10.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      nav { display: none; }
      section.report-section { break-before: page; page-break-before: always; }
      section.report-section:first-of-type { break-before: auto; page-break-before: auto; }
      h2, h3 { break-after: avoid; page-break-after: avoid; }
      figure.chart, tr { break-inside: avoid; page-break-inside: avoid; }
      .table-wrap { overflow: visible; }
      a { color: inherit; text-decoration: none; }
    }

    """
}
