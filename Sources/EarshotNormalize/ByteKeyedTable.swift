/// A hash table keyed by the UTF-8 bytes of text as a source wrote it, looked up where the bytes lie:
/// no String is made, hashed with SipHash or compared per lookup. Attendee lists repeat the same
/// addresses on every row; this is the directory's cache of what each one resolves to.
///
/// Open addressing over a power-of-two slot array, hashed by `UTF8Bytes` (eight bytes at a time). A
/// slot holds the key's first 32 bytes (`KeyHead`) and its value; only the bytes past those are kept
/// apart, back to back in one array. It only grows, up to `limit` keys (beyond it, lookups miss and
/// callers compute the value again).
import EarshotIngest

struct ByteKeyedTable<Value> {
    /// One slot of the open-addressed table. At 10M rows the tables outgrow the caches and each place
    /// read is a cache miss: a key of up to 32 bytes (most addresses) is confirmed and its value read
    /// from the slot alone. `bits`: 0 when empty, else bit 63 set, the hash's bits 41–63 in bits 40–62
    /// (a probe past another key is told apart here), the key's length in bits 28–39 and the offset of
    /// its bytes past the head in `tails` in bits 0–27.
    private struct Slot {
        var bits: UInt64 = 0
        var head = KeyHead()
        var value: Value?
    }

    /// Each stored key's bytes past its head.
    private var tails: [UInt8] = []
    private var slots = [Slot](repeating: Slot(), count: 1024)
    private(set) var count = 0
    let limit: Int

    /// Longer keys, or keys past this many bytes of tails, are not stored (lookups miss; callers compute again).
    static var maxKeyLength: Int { 0xFFF }
    static var maxTails: Int { 0xFFF_FFFF }

    init(limit: Int = 1_000_000) { self.limit = limit }

    var isFull: Bool { count >= limit }

    static func hash(_ key: Substring.UTF8View) -> UInt64 { UTF8Bytes.hash(key) }

    /// The value stored for `key` (whose `hash(_:)` is `hash`), if any.
    func value(for key: Substring.UTF8View, hash: UInt64) -> Value? {
        let n = key.count
        return find(hash: hash, length: n, head: UTF8Bytes.head(key)) { tail in
            UTF8Bytes.equal(tail, key.dropFirst(KeyHead.byteCount))
        }
    }

    /// The value stored for the key `bytes[range]` (whose `UTF8Bytes.hash` is `hash`), if any: a field
    /// looked up where a record's bytes lie.
    func value(forBytes bytes: [UInt8], range: Range<Int>, hash: UInt64) -> Value? {
        find(hash: hash, length: range.count, head: UTF8Bytes.head(bytes, range)) { tail in
            UTF8Bytes.equal(tail, bytes, range.dropFirst(KeyHead.byteCount))
        }
    }

    /// Starts loading the slot a lookup of a key with this hash reads first.
    func prefetch(hash: UInt64) {
        Prefetch.element(slots, at: Int(truncatingIfNeeded: hash) & (slots.count - 1))
    }

    private static func tag(_ hash: UInt64) -> UInt64 { 1 << 63 | (hash >> 41) << 40 }
    /// The tag and length bits of a slot.
    private static var tagAndLengthMask: UInt64 { 0xFFFF_FFFF_F000_0000 }

    @inline(__always)
    private func find(hash: UInt64, length: Int, head: KeyHead, tailMatches: (ArraySlice<UInt8>) -> Bool) -> Value? {
        guard length <= Self.maxKeyLength else { return nil }
        let mask = slots.count - 1
        let wanted = Self.tag(hash) | UInt64(length) << 28
        var s = Int(truncatingIfNeeded: hash) & mask
        while true {
            let bits = slots[s].bits
            if bits == 0 { return nil }
            if bits & Self.tagAndLengthMask == wanted && slots[s].head == head {
                let offset = Int(bits & 0xFFF_FFFF), tail = max(0, length - KeyHead.byteCount)
                if tail == 0 || tailMatches(tails[offset..<(offset + tail)]) { return slots[s].value }
            }
            s = (s + 1) & mask
        }
    }

    /// Stores `value` for a key not in the table (no-op once `limit` keys are stored, or for a key
    /// longer than `maxKeyLength`).
    mutating func insert(_ key: Substring.UTF8View, hash: UInt64, value: Value) {
        let length = key.count, tail = key.dropFirst(KeyHead.byteCount)
        guard !isFull, length <= Self.maxKeyLength, tails.count + tail.count <= Self.maxTails else { return }
        if (count + 1) * 2 > slots.count { grow() }
        let bits = Self.tag(hash) | UInt64(length) << 28 | UInt64(tails.count)
        tails.append(contentsOf: tail)
        place(Slot(bits: bits, head: UTF8Bytes.head(key), value: value), hash: hash)
        count += 1
    }

    private mutating func place(_ slot: Slot, hash: UInt64) {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while slots[s].bits != 0 { s = (s + 1) & mask }
        slots[s] = slot
    }

    /// Twice the slots; each key's hash is computed again from its bytes (head and tail put together).
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        var key: [UInt8] = []
        for slot in old where slot.bits != 0 {
            let length = Int((slot.bits >> 28) & 0xFFF), offset = Int(slot.bits & 0xFFF_FFFF)
            key.removeAll(keepingCapacity: true)
            UTF8Bytes.append(slot.head, count: length, to: &key)
            key.append(contentsOf: tails[offset..<(offset + max(0, length - KeyHead.byteCount))])
            place(slot, hash: UTF8Bytes.hash(key[...]))
        }
    }
}
