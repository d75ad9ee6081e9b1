import EarshotAggregate
import EarshotModel

/// Writes `report.md` and `report.html` from a `ReportInput`.
///
/// Both outputs are a pure function of the input: no clock, no random ids, every dictionary read in
/// key order, every number through `NumberFormat`, every text from an export through `Escaping`.
/// The content is built once (`ReportBuilder`, one method per section, in the order the board reads
/// it) and then written twice (`ReportMarkdownWriter`, `ReportHTMLWriter`). The HTML is one
/// self-contained page: inline CSS (`ReportStyle`), inline SVG charts (`SVGChart`), no script, no
/// network, no external fonts.
public enum ReportRenderer {
    /// The section anchors, in report order: the same slugs GitHub and pandoc derive from the titles.
    public static let sectionIDs = ReportBuilder.sectionTitles.map(\.id)

    /// `report.md`: GitHub- and pandoc-flavoured Markdown; charts are described, their numbers tabled.
    public static func markdown(_ input: ReportInput) throws -> String {
        ReportMarkdownWriter.write(ReportBuilder(input).document())
    }

    /// `report.html`: one self-contained page with inline CSS and SVG, light theme and print styles.
    public static func html(_ input: ReportInput) throws -> String {
        ReportHTMLWriter.write(ReportBuilder(input).document())
    }
}
