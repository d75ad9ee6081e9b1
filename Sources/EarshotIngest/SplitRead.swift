import Dispatch
import Foundation
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
            if let f = try lineStart(path: path, displayName: displayName, at: target, size: size) { starts.append(f) }
        }
        return starts
    }

    /// Just after the first line feed at or after byte `target`, if there is one within 1 MiB and before `size`.
    static func lineStart(path: String, displayName: String, at target: Int, size: Int) throws -> Int? {
        var found: Int?
        var offset = target
        try FileBytes.forEachChunk(path: path, displayName: displayName, range: target..<min(size, target + (1 << 20))) { chunk in
            guard found == nil else { return }
            if let i = chunk.firstIndex(of: 0x0A) { found = offset + i + 1 }
            offset += chunk.count
        }
        return found.flatMap { $0 < size ? $0 : nil }
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
    ///
    /// The last part is read in slices, and the thread that finishes part 0 first may take the second
    /// half of what the last part has not started yet (`take`): a new part, made on that thread, read
    /// there, and added after the others. The parts' threads rarely finish together (at 10M rows one
    /// waited 0.5 to 2 s for the other); part 0's thread is the one that may take work because part 0
    /// reads into the run's own directory, whose snapshot a new part needs once it is no longer written.
    private final class Job: @unchecked Sendable {
        let parts: [Part]
        let path: String
        let displayName: String
        let encoding: TextEncoding
        let size: Int
        /// Makes the part that starts at a byte the last part gives up (`index` is its number).
        let makePart: (_ index: Int, _ start: Int) -> Part
        /// Made and read by the thread that took it; looked at once every part is read.
        private(set) var taken: Part?

        /// The last part reads this much at a time, checking between slices whether it was cut short.
        let slice: Int

        // Shared by the last part's thread and part 0's, under `lock`.
        private let lock = NSLock()
        /// Where the last part now stops (nil: at the end of the file).
        private var lastEnd: Int?
        /// The end of the slice the last part is reading (work it has started); nil until it starts.
        private var lastSliceEnd: Int?
        /// The last part has started its final slice: nothing is left to take.
        private var lastIsFinishing = false

        init(parts: [Part], path: String, displayName: String, encoding: TextEncoding, size: Int, slice: Int,
             makePart: @escaping (_ index: Int, _ start: Int) -> Part) {
            self.parts = parts
            self.slice = slice
            self.path = path
            self.displayName = displayName
            self.encoding = encoding
            self.size = size
            self.makePart = makePart
        }

        /// Reads part `k`; the last part reads to the end of the file (however long it grew since it
        /// was measured), unless part 0's thread took its tail, and finishes its reader.
        func run(_ k: Int) {
            let part = parts[k]
            do {
                if k == parts.count - 1, k > 0 { try readLast(part) } else {
                    try SourceReader.feed(path: path, displayName: displayName, encoding: encoding,
                                          range: k == parts.count - 1 ? part.range.lowerBound..<Int.max : part.range, into: part.reader)
                    if k == parts.count - 1 { part.reader.finish() }
                }
            } catch {
                part.error = error
                return
            }
            if k == 0, parts.count > 1 { take() }
        }

        private func readLast(_ part: Part) throws {
            var position = part.range.lowerBound
            while true {
                lock.lock()
                let end = lastEnd ?? Int.max
                let final = lastEnd == nil && position + slice >= size
                if final { lastIsFinishing = true }
                let sliceEnd = final ? Int.max : min(position + slice, end)
                lastSliceEnd = sliceEnd
                lock.unlock()
                if position >= end { return }
                try SourceReader.feed(path: path, displayName: displayName, encoding: encoding, range: position..<sliceEnd, into: part.reader)
                if final {
                    part.reader.finish()
                    return
                }
                position = sliceEnd
            }
        }

        /// Takes the second half of what the last part has not started, when that is at least two
        /// slices, and reads it to the end of the file.
        private func take() {
            lock.lock()
            var start: Int?
            // Not before the last part has started: this thread would then be given it whole.
            if !lastIsFinishing, lastEnd == nil, let from = lastSliceEnd, size - from >= 2 * slice {
                start = try? SplitRead.lineStart(path: path, displayName: displayName, at: from + (size - from) / 2, size: size)
                if let start { lastEnd = start }
            }
            lock.unlock()
            guard let start else { return }
            let part = makePart(parts.count, start)
            taken = part
            do {
                try SourceReader.feed(path: path, displayName: displayName, encoding: encoding, range: start..<Int.max, into: part.reader)
                part.reader.finish()
            } catch {
                part.error = error
            }
        }
    }

    /// Reads `file` in up to `parts` ranges of at least `minimumPartBytes` each, plus possibly one more
    /// taken from the last range's tail (`Job`; the last range is read `sliceBytes` at a time).
    /// `consumer(k)` is called on this thread for the ranges made before reading, and on the thread that
    /// read part 0, once it has, for a part taken (numbered after the others). `adopt(index, lineOffset)`
    /// is called on this thread, in order, for each later part whose rows are kept, after its ledger has
    /// been added to `ledger`. Each part's consumer runs on the thread reading it. Returns how many parts
    /// were kept (1: the file was read as one).
    @discardableResult
    public static func read(_ file: SourceFile, size: Int, ledger: inout Ledger, inspected: (SniffResult, Preset),
                            parts wanted: Int, minimumPartBytes: Int, sliceBytes: Int = 8 << 20,
                            consumer: MakeConsumer, adopt: (_ index: Int, _ lineOffset: Int) -> Void) throws -> Int {
        let (sniff, preset) = inspected
        let name = file.displayName
        ledger.open(name)
        // Only UTF-8 files are cut: a record's byte offset is counted in the bytes the reader is fed,
        // which are the file's own only for UTF-8 (UTF-16 has no byte-level line feed to cut at, and
        // Windows-1252 grows when transcoded, so a later part could not know its start's offset).
        let cuttable = sniff.encoding == .utf8 || sniff.encoding == .utf8BOM
        let count = cuttable ? min(wanted, size / max(1, minimumPartBytes)) : 1
        var starts = count > 1 ? try Self.starts(path: file.path, displayName: name, size: size, parts: count) : [0]

        var parts: [Part] = []
        let firstLedger = ledger
        withoutActuallyEscaping(consumer) { consumer in
            func part(_ k: Int, start: Int, end: Int) -> Part {
                let stream = RowStream(file: file, sniff: sniff, preset: preset, ledger: k == 0 ? firstLedger : Ledger(),
                                       afterHeader: k > 0, consume: consumer(k))
                return Part(range: start..<end, stream: stream, delimiter: sniff.delimiter,
                            startByte: k == 0 ? sniff.encoding.bom.count : start)
            }
            parts = starts.indices.map { k in part(k, start: starts[k], end: k + 1 < starts.count ? starts[k + 1] : size) }
            let job = Job(parts: parts, path: file.path, displayName: name, encoding: sniff.encoding, size: size,
                          slice: sliceBytes) { k, start in
                part(k, start: start, end: size)
            }
            if parts.count == 1 { job.run(0) } else { DispatchQueue.concurrentPerform(iterations: parts.count) { job.run($0) } }
            if let taken = job.taken {
                parts.append(taken)
                starts.append(taken.range.lowerBound)
            }
        }

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
