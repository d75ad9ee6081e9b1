import EarshotIngest

/// What the sniffer and the transcoder promise on arbitrary bytes. Shared by the `FuzzSniff` libFuzzer
/// target and by CatalogueTests (which replays `Fixtures/fuzz/FuzzSniff/`).
///
/// 1. Sniffing never crashes (as a whole file and as a cut sample) and is deterministic: the same bytes
///    give the same encoding, delimiter, header, header index and preset.
/// 2. The delimiter is one of the candidates, or the `sep=X` byte when the first line is Excel's hint.
/// 3. Transcoding does not depend on chunking (the reader feeds 1 MiB chunks; a UTF-16 code unit or a
///    surrogate pair may be split) and its output is UTF-8 where undecodable input became a lone `0xFF`
///    (Windows-1252 decodes every byte, so its output is always valid UTF-8).
public enum SniffCheck {
    struct Shape: Equatable {
        let encoding: TextEncoding
        let delimiter: UInt8
        let headerIndex: Int
        let header: [String]
        let preset: String?
        let excelSep: Bool
        let extraHeaderRows: Int
    }

    static func shape(_ data: [UInt8], whole: Bool) -> Shape {
        let r = Sniffer.sniff(sample: data, whole: whole)
        return Shape(encoding: r.encoding, delimiter: r.delimiter, headerIndex: r.headerRecordIndex, header: r.header,
                     preset: r.preset?.name, excelSep: r.excelSepLine, extraHeaderRows: r.extraHeaderRows)
    }

    public static func violation(in data: [UInt8]) -> String? {
        if Sniffer.encoding(of: data) != Sniffer.encoding(of: data) { return "encoding(of:) is not deterministic" }
        // Sniffing costs milliseconds (every preset is ranked against up to 30 rows), so determinism is
        // checked on the whole-file form only; the cut-sample form is run once, for crashes.
        let a = shape(data, whole: true), b = shape(data, whole: true)
        if a != b { return "sniff(whole: true) is not deterministic: \(a) vs \(b)" }
        for s in [a, shape(data, whole: false)] {
            if !s.excelSep, ![UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")].contains(s.delimiter) {
                return "sniff chose delimiter \(s.delimiter), not a candidate"
            }
            if s.headerIndex < 0 { return "sniff gave header index \(s.headerIndex)" }
        }
        for encoding in TextEncoding.allCases {
            var t = UTF8Transcoder(encoding: encoding)
            let once = t.transcode(data, final: true)
            let cut = data.isEmpty ? 0 : 1 + Int(data[0]) % data.count
            var t2 = UTF8Transcoder(encoding: encoding)
            let twice = t2.transcode(Array(data[..<cut])) + t2.transcode(Array(data[cut...])) + t2.transcode([], final: true)
            // Chunks of 1, 2 and 3 bytes in turn: every split of a code unit or a surrogate pair occurs.
            var t3 = UTF8Transcoder(encoding: encoding)
            var small: [UInt8] = []
            var i = 0, k = 0
            while i < data.count {
                let end = min(data.count, i + 1 + k % 3)
                small += t3.transcode(Array(data[i..<end]))
                i = end
                k += 1
            }
            small += t3.transcode([], final: true)
            if once != twice || once != small { return "\(encoding.rawValue) transcoding depends on chunking" }
            switch encoding {
            case .windows1252:
                if String(validating: once, as: UTF8.self) == nil { return "windows-1252 gave invalid UTF-8" }
            case .utf16LE, .utf16BE:
                for piece in once.split(separator: 0xFF, omittingEmptySubsequences: true)
                where String(validating: piece, as: UTF8.self) == nil {
                    return "\(encoding.rawValue) gave invalid UTF-8 besides the 0xFF markers"
                }
            case .utf8, .utf8BOM:
                if once != data { return "UTF-8 transcoding changed the bytes" }
            }
        }
        return nil
    }
}
