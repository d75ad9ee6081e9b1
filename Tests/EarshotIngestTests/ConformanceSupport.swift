import EarshotModel
import Foundation
import TestSupport
@testable import EarshotIngest

/// Reads a conformance file as the ingest stage would (sniffed encoding and delimiter, transcoded to
/// UTF-8, parsed by LibCSVReader) and summarizes what came out.
enum Conformance {
    static func path(_ relative: String) -> String { Fixtures.path("conformance/" + relative) }

    struct Outcome: Equatable, CustomStringConvertible {
        var encoding: TextEncoding
        var delimiter: String
        var records: [[String]] = []
        var recordLines: [Int] = []
        var blankLines: [Int] = []
        var malformed: [String] = []   // "line:reason"

        var widths: [Int] { records.map(\.count) }
        var description: String {
            "\(encoding.rawValue) \(delimiter): \(records.count) records \(Set(widths).sorted()), blank \(blankLines), malformed \(malformed)"
        }
    }

    static func read(_ relative: String) throws -> Outcome {
        let file = path(relative)
        let sniff = try Sniffer.sniff(path: file, displayName: relative)
        var out = Outcome(encoding: sniff.encoding, delimiter: sniff.delimiterName)
        let reader = LibCSVReader(delimiter: sniff.delimiter, startByte: sniff.encoding.bom.count) { event in
            switch event {
            case let .record(r): out.records.append(r.fields); out.recordLines.append(r.line)
            case let .blankLine(line, _): out.blankLines.append(line)
            case let .malformed(line, _, reason, _): out.malformed.append("\(line):\(reason.rawValue)")
            }
        }
        var transcoder = UTF8Transcoder(encoding: sniff.encoding)
        var first = true
        try FileBytes.forEachChunk(path: file, displayName: relative) { chunk in
            var bytes = chunk
            if first { bytes.removeFirst(min(sniff.encoding.bom.count, bytes.count)); first = false }
            reader.feed(transcoder.transcode(bytes))
        }
        reader.feed(transcoder.transcode([], final: true))
        reader.finish()
        return out
    }
}
