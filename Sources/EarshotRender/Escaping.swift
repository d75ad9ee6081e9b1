/// Escaping for text that comes from exports (subjects, names, file names) before it reaches a report.
public enum Escaping {
    /// Characters that reorder or hide text (bidi controls, zero-width) and C0/C1 controls other than tab.
    static func isDangerous(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x08, 0x0B...0x1F, 0x7F...0x9F: return true
        case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// Replaces control and bidi characters with a visible `\u{…}` form and line ends with a space.
    public static func plain(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            if s == "\n" || s == "\r" || s == "\t" { out.append(" ") }
            else if isDangerous(s) { out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}" }
            else { out.unicodeScalars.append(s) }
        }
        return out
    }

    /// Text for HTML element content and attribute values: `& < > " '` escaped, controls made visible.
    public static func html(_ text: String) -> String {
        var out = ""
        for c in plain(text) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Text for a Markdown table cell or paragraph: Markdown's punctuation and HTML's `<`/`&` escaped
    /// with a backslash or an entity, `|` escaped so cells never split, controls made visible.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for c in plain(text) {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "!", "~", "(", ")", "{", "}": out += "\\" + String(c)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A CSV cell meant for people: a leading `= + - @` (or tab/CR) is guarded with `'` so spreadsheets
    /// do not run it as a formula. Numbers (`-0.5`) are left alone.
    public static func spreadsheetSafe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        if "=+-@\t\r".unicodeScalars.contains(first) {
            if Double(text) != nil { return text }
            return "'" + text
        }
        return text
    }
}
