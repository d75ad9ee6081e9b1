/// An append-only column stored in fixed chunks of 65,536 values. A growing `Array` doubles (up to
/// twice the memory it needs, and a copy of everything at each doubling); a chunked column costs its
/// values plus at most one partly filled chunk, and never copies. The candidate store is built from
/// these because it holds every row of a run.
struct ChunkedColumn<Element> {
    static var chunkShift: Int { 16 }
    static var chunkSize: Int { 1 << chunkShift }

    private var chunks: [[Element]] = []
    private(set) var count = 0

    mutating func append(_ value: Element) {
        if count & (Self.chunkSize - 1) == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(value)
        count += 1
    }

    /// Appends `values` in order, filling a chunk at a time rather than value by value.
    mutating func append(contentsOf values: some Collection<Element>) {
        var rest = values[...]
        while !rest.isEmpty {
            if count & (Self.chunkSize - 1) == 0 {
                var chunk: [Element] = []
                chunk.reserveCapacity(Self.chunkSize)
                chunks.append(chunk)
            }
            let room = Self.chunkSize - count & (Self.chunkSize - 1)
            let taken = rest.prefix(room)
            chunks[chunks.count - 1].append(contentsOf: taken)
            count += taken.count
            rest = rest.dropFirst(taken.count)
        }
    }

    /// The values of chunk `c` (values `c << chunkShift` and on), for copying a column chunk by chunk.
    func chunk(_ c: Int) -> ArraySlice<Element> { chunks[c][...] }

    /// Frees the chunk that holds value `i` and every chunk before it (their values must not be read
    /// again): a column copied elsewhere is released as the copy goes.
    mutating func release(through i: Int) {
        let last = min(i >> Self.chunkShift, chunks.count - 1)
        guard last >= released else { return }
        for c in released...last { chunks[c] = [] }
        released = last + 1
    }
    private var released = 0

    subscript(i: Int) -> Element {
        get { chunks[i >> Self.chunkShift][i & (Self.chunkSize - 1)] }
        set { chunks[i >> Self.chunkShift][i & (Self.chunkSize - 1)] = newValue }
    }
}

/// Variable-length runs of values (each row's members) in fixed chunks: a run never straddles two
/// chunks, so each is one contiguous slice, addressed by `chunk << 16 | offset`.
struct ChunkedRuns<Element> {
    private var chunks: [[Element]] = []

    /// Stores a run of at most 65,536 values and returns its address.
    mutating func append(_ run: some Collection<Element>) -> UInt32 {
        let size = ChunkedColumn<Element>.chunkSize
        precondition(run.count <= size)
        if chunks.isEmpty || chunks[chunks.count - 1].count + run.count > size {
            var chunk: [Element] = []
            chunk.reserveCapacity(size)
            chunks.append(chunk)
        }
        let address = UInt32(chunks.count - 1) << 16 | UInt32(chunks[chunks.count - 1].count)
        chunks[chunks.count - 1].append(contentsOf: run)
        return address
    }

    /// Frees every chunk before the one `address` points into (their runs must not be read again).
    mutating func release(before address: UInt32) {
        let chunk = Int(address >> 16)
        guard chunk > released else { return }
        for c in released..<chunk { chunks[c] = [] }
        released = chunk
    }
    private var released = 0

    var chunkCount: Int { chunks.count }

    /// Moves every chunk of `other` after this one's chunks, each value through `transform` (runs never
    /// straddle chunks, so every run of `other` stays whole): a run at address `a` in `other` is then
    /// at `a + UInt32(chunkCount before) << 16` here. `other` is left empty. Later runs go on in the last
    /// chunk moved, as they would in `other`.
    mutating func adopt(_ other: inout ChunkedRuns, transform: (Element) -> Element) {
        precondition(other.released == 0, "adopting runs of which some were freed")
        for var chunk in other.chunks {
            for i in chunk.indices { chunk[i] = transform(chunk[i]) }
            chunks.append(chunk)
        }
        other = ChunkedRuns()
    }

    func run(at address: UInt32, count: Int) -> ArraySlice<Element> {
        let offset = Int(address & 0xFFFF)
        return chunks[Int(address >> 16)][offset..<(offset + count)]
    }
}
