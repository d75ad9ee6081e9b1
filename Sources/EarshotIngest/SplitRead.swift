import Dispatch
import EarshotModel

/// Reads one large file as several byte ranges at once, one thread each, with results identical to
/// reading it whole.
///
/// Each range after the first starts just after a line feed near an equal share of the file, with its
/// own libcsv reader, row stream and ledger, as if the file began there after its header. That guess is
/// checked, not trusted: a part is kept only when the reader before it, fed up to the same byte, ended
/// exactly at a record boundary (no quoted field, record or rejected line open), past the header and
/// with no blank line seen (no footer rule in force). When the check fails, the reader before it reads
/// on to the end of the file itself and the parts after it are dropped: slower, never different.
///
/// Lines inside a later part are counted from its start; the line offset each kept part is handed
/// (`adopt`) is the number of lines before it, for the consumer's own records. The ledger's rejects are
/// moved by the same offset here.
public enum SplitRead {
    /// What the caller builds for part `index`: the row consumer, with its own state.
    public typealias MakeConsumer = (_ index: Int) -> (MappedRow) -> RowDisposition

    /// Where the parts of a file of `size` bytes would start, from an equal share each: just after the
    /// first line feed at or after each share's start (none found within 1 MiB: that part is dropped).
    static func starts(path: String, displayName: String, size: Int, parts: Int) throws -> [Int] {
        var starts = [0]
        for k in 1..<max(1, parts) {
            let target = size / parts * k
            guard target > starts[starts.count - 1] else { continue }
            var found: Int?
            var offset = target
            try FileBytes.forEachChunk(path: path, displayName: displayName, range: target..<min(size, target + (1 << 20))) { chunk in
                guard found == nil else { return }
                if let i = chunk.firstIndex(of: 0x0A) { found = offset + i + 1 }
                offset += chunk.count
            }
            if let f = found, f < size { starts.append(f) }
        }
        return starts
    }

    /// One byte range with its reader and stream.
    private final class Part: @unchecked Sendable {
        let range: Range<Int>
        let stream: RowStream
        let reader: LibCSVReader
        var error: Error?

        init(range: Range<Int>, stream: RowStream, delimiter: UInt8, startByte: Int) {
            self.range = range
            self.stream = stream
            reader = LibCSVReader(delimiter: delimiter, startByte: startByte, onEvent: stream.handle)
        }
    }

    /// The parts and what each thread needs to read its own.
    private final class Job: @unchecked Sendable {
        let parts: [Part]
        let path: String
        let displayName: String
        let encoding: TextEncoding

        init(parts: [Part], path: String, displayName: String, encoding: TextEncoding) {
            self.parts = parts
            self.path = path
            self.displayName = displayName
            self.encoding = encoding
        }

        /// Reads part `k`; the last part reads to the end of the file (however long it grew since it
        /// was measured) and finishes its reader.
        func run(_ k: Int) {
            let part = parts[k]
            let last = k == parts.count - 1
            do {
                try SourceReader.feed(path: path, displayName: displayName, encoding: encoding,
                                      range: last ? part.range.lowerBound..<Int.max : part.range, into: part.reader)
                if last { part.reader.finish() }
            } catch {
                part.error = error
            }
        }
    }

    /// Reads `file` in up to `parts` ranges of at least `minimumPartBytes` each. `adopt(index, lineOffset)`
    /// is called on this thread, in order, for each later part whose rows are kept, after its ledger has
    /// been added to `ledger`. Part 0's consumer runs on this thread; the others on their own. Returns
    /// how many parts were kept (1: the file was read as one).
    @discardableResult
    public static func read(_ file: SourceFile, size: Int, ledger: inout Ledger, inspected: (SniffResult, Preset),
                            parts wanted: Int, minimumPartBytes: Int,
                            consumer: MakeConsumer, adopt: (_ index: Int, _ lineOffset: Int) -> Void) throws -> Int {
        let (sniff, preset) = inspected
        let name = file.displayName
        ledger.open(name)
        // Only UTF-8 files are cut: a record's byte offset is counted in the bytes the reader is fed,
        // which are the file's own only for UTF-8 (UTF-16 has no byte-level line feed to cut at, and
        // Windows-1252 grows when transcoded, so a later part could not know its start's offset).
        let cuttable = sniff.encoding == .utf8 || sniff.encoding == .utf8BOM
        let count = cuttable ? min(wanted, size / max(1, minimumPartBytes)) : 1
        let starts = count > 1 ? try Self.starts(path: file.path, displayName: name, size: size, parts: count) : [0]

        let parts = starts.indices.map { k in
            let end = k + 1 < starts.count ? starts[k + 1] : size
            let stream = RowStream(file: file, sniff: sniff, preset: preset, ledger: k == 0 ? ledger : Ledger(),
                                   afterHeader: k > 0, consume: consumer(k))
            return Part(range: starts[k]..<end, stream: stream, delimiter: sniff.delimiter,
                        startByte: k == 0 ? sniff.encoding.bom.count : starts[k])
        }
        let job = Job(parts: parts, path: file.path, displayName: name, encoding: sniff.encoding)
        if parts.count == 1 { job.run(0) } else { DispatchQueue.concurrentPerform(iterations: parts.count) { job.run($0) } }

        // Keep parts while each one's predecessor ended at a record boundary; otherwise that
        // predecessor reads the rest of the file and the later parts are dropped.
        var kept = [0]
        for k in 1..<parts.count {
            let previous = parts[kept[kept.count - 1]]
            if let error = previous.error { throw error }
            if previous.reader.isAtRecordBoundary && previous.stream.isInDataAfterHeader {
                kept.append(k)
                continue
            }
            try SourceReader.feed(path: file.path, displayName: name, encoding: sniff.encoding,
                                  range: starts[k]..<Int.max, into: previous.reader)
            previous.reader.finish()
            break
        }
        if let error = parts[kept[kept.count - 1]].error { throw error }

        ledger = parts[0].stream.ledger
        var lineOffset = 0
        for (i, k) in kept.enumerated() where i > 0 {
            lineOffset += parts[kept[i - 1]].reader.nextLine - 1
            ledger.absorb(parts[k].stream.ledger, lineOffset: lineOffset)
            adopt(k, lineOffset)
        }
        return kept.count
    }
}
