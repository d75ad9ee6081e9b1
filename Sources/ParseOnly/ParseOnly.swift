import EarshotIngest
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `make bench`'s step (a): a parse-only pass through earshot's libcsv wrapper, the ingest stage without
/// normalizing. For each file: sniff (encoding, delimiter), read in the reader's chunks, transcode to
/// UTF-8 and parse with `LibCSVReader` (strict libcsv, line and byte positions, fields as bytes),
/// then count. Prints `records fields bytes` like `scripts/bench/csvcount.c` does for libcsv alone,
/// so the two passes over the same bytes compare directly.
///
///     ParseOnly FILE...
@main
struct ParseOnly {
    static func main() {
        let paths = Array(CommandLine.arguments.dropFirst())
        guard !paths.isEmpty else {
            print("usage: ParseOnly FILE...")
            exit(64)
        }
        var records = 0, fields = 0, bytes = 0, other = 0
        for path in paths {
            do {
                let sniff = try Sniffer.sniff(path: path, displayName: path)
                let reader = LibCSVReader(delimiter: sniff.delimiter, startByte: sniff.encoding.bom.count) { event in
                    switch event {
                    case let .record(r):
                        records += 1
                        fields += r.fieldCount
                    case .blankLine, .malformed:
                        other += 1
                    }
                }
                try SourceReader.feed(path: path, displayName: path, encoding: sniff.encoding, into: reader)
                bytes += Int((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)??.intValue ?? 0)
            } catch {
                print("ParseOnly: \(path): \(error)")
                exit(66)
            }
        }
        print("\(records) \(fields) \(bytes)")
        if other > 0 { print("(\(other) blank or malformed lines)") }
    }
}
