/// A hash table keyed by the UTF-8 bytes of text as a source wrote it, looked up where the bytes lie:
/// no String is made, hashed with SipHash or compared per lookup. Attendee lists repeat the same
/// addresses on every row; this is the directory's cache of what each one resolves to.
///
/// Keys are stored back to back in one byte array; open addressing over a power-of-two slot array,
/// hashed and compared by `UTF8Bytes` (eight bytes at a time, memcmp). It only grows, up to `limit` keys (beyond it, lookups miss and callers
/// compute the value again).
import EarshotIngest

struct ByteKeyedTable<Value> {
    /// One slot of the open-addressed table, value included: a hit reads the slot, then the key's bytes
    /// in `arena` to confirm it (at 10M rows the tables outgrow the caches, and each place read is a
    /// cache miss). `bits`: 0 when empty, else bit 63 set, the hash's bits 41–63 in bits 40–62 (a probe
    /// past another key is told apart here), the key's length in bits 28–39 and its offset in `arena`
    /// in bits 0–27.
    private struct Slot {
        var bits: UInt64 = 0
        var value: Value?
    }

    private var arena: [UInt8] = []
    private var slots = [Slot](repeating: Slot(), count: 1024)
    private(set) var count = 0
    let limit: Int

    /// Longer keys, or keys past this much arena, are not stored (lookups miss; callers compute again).
    static var maxKeyLength: Int { 0xFFF }
    static var maxArena: Int { 0xFFF_FFFF }

    init(limit: Int = 1_000_000) { self.limit = limit }

    var isFull: Bool { count >= limit }

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

    private static func tag(_ hash: UInt64) -> UInt64 { 1 << 63 | (hash >> 41) << 40 }
    private static var tagMask: UInt64 { 0xFFFF_FF00_0000_0000 }

    @inline(__always)
    private func find(hash: UInt64, matches: (ArraySlice<UInt8>) -> Bool) -> Value? {
        let mask = slots.count - 1
        let tag = Self.tag(hash)
        var s = Int(truncatingIfNeeded: hash) & mask
        while true {
            let bits = slots[s].bits
            if bits == 0 { return nil }
            if bits & Self.tagMask == tag {
                let length = Int((bits >> 28) & 0xFFF), offset = Int(bits & 0xFFF_FFFF)
                if matches(arena[offset..<(offset + length)]) { return slots[s].value }
            }
            s = (s + 1) & mask
        }
    }

    /// Stores `value` for a key not in the table (no-op once `limit` keys are stored, or for a key
    /// longer than `maxKeyLength`).
    mutating func insert(_ key: Substring.UTF8View, hash: UInt64, value: Value) {
        let length = key.count
        guard !isFull, length <= Self.maxKeyLength, arena.count + length <= Self.maxArena else { return }
        if (count + 1) * 2 > slots.count { grow() }
        let bits = Self.tag(hash) | UInt64(length) << 28 | UInt64(arena.count)
        arena.append(contentsOf: key)
        place(Slot(bits: bits, value: value), hash: hash)
        count += 1
    }

    private mutating func place(_ slot: Slot, hash: UInt64) {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while slots[s].bits != 0 { s = (s + 1) & mask }
        slots[s] = slot
    }

    /// Twice the slots; each key's hash is computed again from its bytes.
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        for slot in old where slot.bits != 0 {
            let length = Int((slot.bits >> 28) & 0xFFF), offset = Int(slot.bits & 0xFFF_FFFF)
            place(slot, hash: UTF8Bytes.hash(arena[offset..<(offset + length)]))
        }
    }
}
