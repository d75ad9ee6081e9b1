/// The number formats of every output (DESIGN.md): hours with two decimals, shares as fractions with
/// four, booleans `true`/`false`, blank for none or suppressed. Locale-independent and deterministic.
public enum NumberFormat {
    /// `value` rounded half away from zero to `places` decimals, with exactly that many digits.
    public static func fixed(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && scaled != 0
        var digits = String(Int64(scaled))
        if places > 0 {
            while digits.count <= places { digits = "0" + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (negative ? "-" : "") + digits
    }

    public static func hours(_ value: Double?) -> String { value.map { fixed($0, 2) } ?? "" }
    public static func share(_ value: Double?) -> String { value.map { fixed($0, 4) } ?? "" }
    public static func bool(_ value: Bool?) -> String { value.map { $0 ? "true" : "false" } ?? "" }
    public static func int(_ value: Int?) -> String { value.map(String.init) ?? "" }
    /// A share as a percentage for people: `0.0734` → `7.3%`.
    public static func percent(_ value: Double?, places: Int = 1) -> String { value.map { fixed($0 * 100, places) + "%" } ?? "—" }
}
