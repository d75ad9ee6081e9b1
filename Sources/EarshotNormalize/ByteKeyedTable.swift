/// A hash table keyed by the UTF-8 bytes of text as a source wrote it, looked up where the bytes lie:
/// no String is made, hashed with SipHash or compared per lookup. Attendee lists repeat the same
/// addresses on every row; this is the directory's cache of what each one resolves to.
///
/// Keys are stored back to back in one byte array; open addressing over a power-of-two slot array,
/// hashed and compared by `UTF8Bytes` (eight bytes at a time, memcmp). It only grows, up to `limit` keys (beyond it, lookups miss and callers
/// compute the value again).
import EarshotIngest

struct ByteKeyedTable<Value> {
    /// A key's place in `arena`, its full hash (to grow) and its value, together: a hit reads one entry.
    private struct Entry {
        var hash: UInt64
        var start: Int
        var length: Int
        var value: Value
    }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    /// Each slot: the hash's high 32 bits, then 1 + the entry's index (0: empty). A probe that meets
    /// another key's slot is told apart here, without reading that key's entry (at 10M rows the tables
    /// outgrow the caches, and each read elsewhere is a cache miss).
    private var slots = [UInt64](repeating: 0, count: 1024)
    let limit: Int

    init(limit: Int = 1_000_000) { self.limit = limit }

    var count: Int { entries.count }
    var isFull: Bool { entries.count >= limit }

    static func hash(_ key: Substring.UTF8View) -> UInt64 { UTF8Bytes.hash(key) }

    /// The value stored for `key` (whose `hash(_:)` is `hash`), if any.
    func value(for key: Substring.UTF8View, hash: UInt64) -> Value? {
        find(hash: hash) { UTF8Bytes.equal($0, key) }
    }

    /// The value stored for the key with these bytes (whose `UTF8Bytes.hash(_:)` is `hash`), if any:
    /// a field looked up where a record's bytes lie.
    func value(forBytes key: ArraySlice<UInt8>, hash: UInt64) -> Value? {
        find(hash: hash) { UTF8Bytes.equal($0, key) }
    }

    @inline(__always)
    private func find(hash: UInt64, matches: (ArraySlice<UInt8>) -> Bool) -> Value? {
        let mask = slots.count - 1
        let tag = hash >> 32
        var s = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[s]
            if slot == 0 { return nil }
            if slot >> 32 == tag {
                let entry = entries[Int(slot & 0xFFFF_FFFF) - 1]
                if matches(arena[entry.start..<(entry.start + entry.length)]) { return entry.value }
            }
            s = (s + 1) & mask
        }
    }

    /// Stores `value` for a key not in the table (no-op once `limit` keys are stored).
    mutating func insert(_ key: Substring.UTF8View, hash: UInt64, value: Value) {
        guard !isFull else { return }
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append(Entry(hash: hash, start: arena.count, length: key.count, value: value))
        arena.append(contentsOf: key)
        place(entries.count - 1, hash: hash)
    }

    private mutating func place(_ e: Int, hash: UInt64) {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = (hash >> 32) << 32 | UInt64(e + 1)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        for (i, entry) in entries.enumerated() { place(i, hash: entry.hash) }
    }
}
