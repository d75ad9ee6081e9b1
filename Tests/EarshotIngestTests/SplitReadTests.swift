import EarshotIngest
import EarshotModel
import Foundation
import Testing
import TestSupport

/// A file read in parts on several threads must give exactly what one reader gives: the same rows with
/// the same line and byte numbers, in the same order, and the same ledger. The expectation is the
/// one-thread read of the same file (`SourceReader.read`), which the rest of the suite pins down.
@Suite("reading a file in parts on several threads")
struct SplitReadTests {
    static let header = "owner,uid,subject,start,end,all_day,organizer,attendees,optional_attendees,location,status,show_as\n"

    static func row(_ i: Int) -> String {
        "p\(i)@x.example,evt-\(i),Meeting \(i),2026-07-01T10:00:00Z,2026-07-01T11:00:00Z,false,,a@x.example;b@y.example,,Room,confirmed,busy\n"
    }

    /// What a consumer saw of a row.
    struct Seen: Hashable {
        let line: Int
        let byte: Int
        let fields: [String]
    }

    struct Outcome: Equatable {
        var rows: [Seen] = []
        var files: [FileLedger] = []
        var rejects: [Reject] = []
        var kept = 1
    }

    static func file(_ text: String) -> SourceFile {
        let dir = Fixtures.scratch("split")
        let path = Fixtures.write(text, to: "events.csv", in: dir)
        return SourceFile(path: path, displayName: "events.csv",
                          source: SourceConfig(kind: .calendar, path: path, preset: "generic-calendar"))
    }

    static func wholeRead(_ file: SourceFile) throws -> Outcome {
        var out = Outcome()
        var ledger = Ledger()
        try SourceReader.read(file, ledger: &ledger) { row in
            out.rows.append(Seen(line: row.location.line, byte: row.location.byte, fields: row.fields))
            return row.fields[2].hasSuffix("7") ? .rejected(.badDate, detail: "ends in 7") : .accepted
        }
        out.files = ledger.files
        out.rejects = ledger.rejects
        return out
    }

    /// - Parameters:
    ///   - sliceBytes: how much the last part reads between checks for its tail being taken.
    ///   - slowLastPart: the last part's consumer sleeps 0.2 ms a row and part 0's waits for it to start,
    ///     so that part 0's thread finishes first with most of the last part unread, and takes its tail.
    static func splitRead(_ file: SourceFile, parts: Int, minimumPartBytes: Int = 1, sliceBytes: Int = 8 << 20,
                          slowLastPart: Bool = false) throws -> Outcome {
        var out = Outcome()
        var ledger = Ledger()
        final class Box: @unchecked Sendable { var rows: [Seen] = [] }
        var boxes: [Int: Box] = [:]
        let lastStarted = DispatchSemaphore(value: 0)
        let inspected = try SourceReader.inspect(file)
        let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as! Int
        out.kept = try SplitRead.read(file, size: size, ledger: &ledger, inspected: inspected, parts: parts,
                                      minimumPartBytes: minimumPartBytes, sliceBytes: sliceBytes, consumer: { k in
            let box = Box()
            boxes[k] = box
            let slow = slowLastPart && k == parts - 1, waits = slowLastPart && k == 0
            var first = true
            return { row in
                // Part 0 starts once the last part has (a part is only taken from one under way).
                if waits && first { _ = lastStarted.wait(timeout: .now() + 10) }
                if slow && first { lastStarted.signal() }
                first = false
                if slow { usleep(200) }
                box.rows.append(Seen(line: row.location.line, byte: row.location.byte, fields: row.fields))
                return row.fields[2].hasSuffix("7") ? .rejected(.badDate, detail: "ends in 7") : .accepted
            }
        }, adopt: { k, offset in
            out.rows += boxes[k]!.rows.map { Seen(line: $0.line + offset, byte: $0.byte, fields: $0.fields) }
        })
        out.rows = boxes[0]!.rows + out.rows
        out.files = ledger.files
        out.rejects = ledger.rejects
        return out
    }

    @Test("clean rows: every part is kept and lines, bytes, rows and ledger match one reader's", arguments: [2, 3, 4, 9])
    func cleanParts(parts: Int) throws {
        let file = Self.file(Self.header + (1...400).map(Self.row).joined())
        let whole = try Self.wholeRead(file)
        let split = try Self.splitRead(file, parts: parts)
        #expect(split.kept == parts)
        #expect(split.rows == whole.rows)
        #expect(split.files == whole.files)
        #expect(split.rejects == whole.rejects)
        // 400 rows, 40 of them ending in 7 (7, 17, …, 397) rejected by the consumer above.
        #expect(whole.rows.count == 400 && whole.rejects.count == 40)
    }

    // 400 rows of ~150 bytes: the last part's 200 rows take 40 ms or more, part 0's a millisecond or
    // two; with 300-byte slices nearly all of the last part is left when part 0 ends, so its thread
    // takes the second half of it.
    @Test("a part taken from the last part's tail: kept, and rows, lines, bytes and ledger match one reader's",
          arguments: [2, 3])
    func takenTail(parts: Int) throws {
        let file = Self.file(Self.header + (1...400).map(Self.row).joined())
        let whole = try Self.wholeRead(file)
        let split = try Self.splitRead(file, parts: parts, sliceBytes: 300, slowLastPart: true)
        #expect(split.kept == parts + 1)
        #expect(split.rows == whole.rows)
        #expect(split.files == whole.files)
        #expect(split.rejects == whole.rejects)
    }

    @Test("a cut inside a quoted field of many lines: the part is dropped and the reader before it reads on")
    func cutInsideQuotes() throws {
        // 20 short rows, then one whose subject spans 2,000 lines (most of the file), then 20 more:
        // the middle of the file is inside the quotes.
        let long = "\"" + Array(repeating: "line of a long subject", count: 2_000).joined(separator: "\n") + "\""
        let big = "p0@x.example,evt-big,\(long),2026-07-01T10:00:00Z,2026-07-01T11:00:00Z,false,,,,Room,confirmed,busy\n"
        let file = Self.file(Self.header + (1...20).map(Self.row).joined() + big + (21...40).map(Self.row).joined())
        let whole = try Self.wholeRead(file)
        let split = try Self.splitRead(file, parts: 2)
        #expect(split.kept == 1)
        #expect(split.rows == whole.rows)
        #expect(split.files == whole.files)
        #expect(whole.rows.count == 41)
        // The row after the long one starts on line 2 (header) + 20 + 2,000 = line 2,022.
        #expect(whole.rows[21].line == 2_023 - 1)
    }

    /// Planted problems at each position: a stray quote, a short row, a quote that never closes,
    /// CRLF line ends, a blank line (a later part must then be dropped: the footer rule may be in force).
    @Test("planted problems anywhere give the same rows, rejects and ledger as one reader",
          arguments: ["stray", "short", "unterminated", "crlf", "blank", "footer"], [2, 3, 5])
    func plantedProblems(problem: String, parts: Int) throws {
        var rows = (1...300).map(Self.row)
        for i in stride(from: 13, to: 300, by: 61) {
            switch problem {
            case "stray": rows[i] = "p\(i)@x.example,evt-\(i),Say \"hi\" now,2026-07-01T10:00:00Z,x,false,,,,Room,confirmed,busy\n"
            case "short": rows[i] = "p\(i)@x.example,evt-\(i)\n"
            case "unterminated": rows[i] = "p\(i)@x.example,evt-\(i),\"never closed,2026-07-01T10:00:00Z,x,false,,,,Room,confirmed,busy\n"
            case "crlf": rows[i] = rows[i].replacingOccurrences(of: "\n", with: "\r\n")
            case "blank": rows[i] += "\n"
            default: rows[i] = "\nGrand Totals (3 records)\n"
            }
        }
        let file = Self.file(Self.header + rows.joined())
        let whole = try Self.wholeRead(file)
        for taking in [false, true] {
            let split = try Self.splitRead(file, parts: parts, sliceBytes: taking ? 300 : 8 << 20, slowLastPart: taking)
            #expect(split.rows == whole.rows, "taking a tail: \(taking)")
            #expect(split.files == whole.files, "taking a tail: \(taking)")
            #expect(split.rejects == whole.rejects, "taking a tail: \(taking)")
        }
        #expect(whole.files[0].balances)
    }

    @Test("a Windows-1252 file is read as one: its byte offsets are counted in transcoded bytes")
    func windows1252() throws {
        let dir = Fixtures.scratch("split")
        var bytes = Array(Self.header.utf8)
        for i in 1...200 { bytes += Array(Self.row(i).utf8).map { $0 == UInt8(ascii: "R") ? 0xC9 : $0 } } // "Room" → "Éoom"
        let path = Fixtures.write(bytes, to: "events.csv", in: dir)
        let file = SourceFile(path: path, displayName: "events.csv",
                              source: SourceConfig(kind: .calendar, path: path, preset: "generic-calendar", encoding: "windows-1252"))
        let split = try Self.splitRead(file, parts: 4)
        #expect(split.kept == 1)
        #expect(split.rows == (try Self.wholeRead(file)).rows)
        #expect(split.rows.count == 200 && split.rows[0].fields[9] == "Éoom")
    }

    @Test("a file below the part size is read as one")
    func smallFile() throws {
        let file = Self.file(Self.header + (1...10).map(Self.row).joined())
        let split = try Self.splitRead(file, parts: 4, minimumPartBytes: 1 << 20)
        #expect(split.kept == 1)
        #expect(split.rows == (try Self.wholeRead(file)).rows)
    }
}
