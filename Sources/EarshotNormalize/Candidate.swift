import EarshotModel

/// One calendar or CRM row read into canonical terms, before duplicates across sources are merged.
struct Candidate {
    var fileOrder: Int
    /// The row's line in its file (the file is `fileOrder`'s: a candidate carries no file name).
    var line: Int
    var sourceKind: SourceKind
    var kind: InteractionKind
    var start: Int64
    var end: Int64
    var visitDates: ClosedRange<Int>?
    /// FNV-1a hash of the lower-cased iCalUID (64 bits: the ids themselves are not kept in memory).
    var uid: UInt64?
    var organizer: Int?
    /// Participants and accounts packed in one array (one allocation per row): a tag in the top bits
    /// (see `Tag`) and a person index, an interned address id (`Directory.address(_:)`) or an account index.
    fileprivate(set) var members: [Int64] = []
    /// Where each member is in `members`, kept once the list is long (an all-hands names the whole
    /// company: 38,701 people in the 10M bench set), so adding members stays linear, not quadratic.
    fileprivate(set) var memberPositions: [Int64: Int]? = nil
    var subject: String
    var inPerson: Bool?
    var free: Bool
    /// Hash of the CRM's own id of the row (Salesforce Event `Id`), for relations that point at it.
    var crmId: UInt64? = nil

    enum Tag: Int64 {
        case person = 1, declinedPerson = 2, customer = 3, otherExternal = 4, account = 5
        var bits: Int64 { rawValue << 58 }
    }
    static let valueMask: Int64 = (1 << 58) - 1
    static func tag(_ m: Int64) -> Int64 { m >> 58 }

    var people: [InternalParticipant] {
        members.compactMap { m in
            let t = Self.tag(m)
            return t == 1 || t == 2 ? InternalParticipant(person: Int(m & Self.valueMask), declined: t == 2) : nil
        }
    }
    var customers: [Int] { values(.customer) }
    var otherExternal: [Int] { values(.otherExternal) }
    var accounts: [Int] { values(.account) }
    var peopleCount: Int { members.lazy.filter { Self.tag($0) <= 2 }.count }
    var hasExternal: Bool { members.contains { Self.tag($0) == 3 || Self.tag($0) == 4 } }
    var hasCustomer: Bool { members.contains { Self.tag($0) == 3 } }

    private func values(_ tag: Tag) -> [Int] {
        members.compactMap { Self.tag($0) == tag.rawValue ? Int($0 & Self.valueMask) : nil }
    }

    private mutating func insert(_ tag: Tag, _ value: Int) {
        let m = tag.bits | Int64(value)
        if position(of: m) == nil { appendMember(m) }
    }

    /// Members are distinct: each person once (declined or not), each address and account once.
    private func position(of m: Int64) -> Int? {
        if let memberPositions { return memberPositions[m] }
        return members.firstIndex(of: m)
    }

    private mutating func appendMember(_ m: Int64) {
        members.append(m)
        if memberPositions != nil {
            memberPositions![m] = members.count - 1
        } else if members.count > 32 {
            memberPositions = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
        }
    }

    mutating func add(_ cls: ParticipantClass, declined: Bool = false, in directory: Directory, unresolved: inout [String: Int]) {
        let r: ResolvedParticipant
        switch cls {
        case let .person(p): r = .person(p)
        case let .customer(address, account): r = .customer(address: directory.addressId(address), account: account)
        case let .otherExternal(address): r = .otherExternal(address: directory.addressId(address))
        case let .unresolvedInternal(text), let .unresolvedName(text): r = .unresolved(text)
        }
        add(r, declined: declined, unresolved: &unresolved)
    }

    /// `add(_:declined:in:unresolved:)` for a participant whose address is interned already.
    mutating func add(_ r: ResolvedParticipant, declined: Bool = false, unresolved: inout [String: Int]) {
        switch r {
        case let .person(p):
            let plain = Tag.person.bits | Int64(p), declinedMember = Tag.declinedPerson.bits | Int64(p)
            if let i = position(of: plain) {
                if declined {
                    members[i] = declinedMember
                    memberPositions?[plain] = nil
                    memberPositions?[declinedMember] = i
                }
            } else if position(of: declinedMember) == nil {
                appendMember(declined ? declinedMember : plain)
            }
        case let .customer(address, account):
            insert(.customer, address)
            if let account { addAccount(account) }
        case let .otherExternal(address):
            insert(.otherExternal, address)
        case let .unresolved(text):
            unresolved[text, default: 0] += 1
        }
    }

    mutating func addAccount(_ account: Int) { insert(.account, account) }


    /// Subjects are kept only where a report shows them (broadcasts): memory stays compact.
    mutating func dropSubjectUnlessBroadcast(threshold: Int) {
        if !keepsSubject(threshold: threshold) { subject = "" }
    }

    /// True for a broadcast: more than `threshold` customer and other external addresses.
    func keepsSubject(threshold: Int) -> Bool {
        members.lazy.filter { Self.tag($0) == Tag.customer.rawValue || Self.tag($0) == Tag.otherExternal.rawValue }.count > threshold
    }


    /// Hash of an iCalUID: FNV-1a over the lower-cased UTF-8 bytes.
    static func uidHash(_ text: String) -> UInt64? {
        guard !text.isEmpty else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        // ASCII (nearly every uid) is lower-cased byte by byte as it is hashed: no lower-cased copy.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            for b in text.lowercased().utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return h
        }
        for b in text.utf8 { h = (h ^ UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)) &* 0x100_0000_01b3 }
        return h
    }
}

/// Every candidate of a run, stored column by column in chunked columns (no growth slack), with the
/// members of all rows in one chunked array of 32-bit values: a row costs about 40 bytes plus 4 per
/// participant. The duplicate rule needs every row until all sources are read; this keeps that
/// memory small (bench: README "Performance").
struct CandidateStore {
    /// File names by config order (`Candidate.fileOrder`).
    let fileNames: [String]
    private var fileOrder = ChunkedColumn<UInt16>()
    private var line = ChunkedColumn<Int32>()
    private var flags = ChunkedColumn<UInt8>()       // low 4 bits: InteractionKind; bit 4: CRM; bit 5: free; bits 6-7: in person (0 unknown, 1 remote, 2 in person)
    private var start = ChunkedColumn<Int32>()       // seconds from `startBase`; Int32.min: see farStarts
    private var startBase: Int64?                    // the first row's start: a run's rows lie within decades of it
    private var duration = ChunkedColumn<UInt32>()   // end - start in seconds; UInt32.max: see longDurations
    private var uid = ChunkedColumn<UInt64>()        // 0: none
    private var organizer = ChunkedColumn<Int32>()   // -1: none
    private var memberAddress = ChunkedColumn<UInt32>()
    private var memberCount = ChunkedColumn<UInt16>()
    private var members = ChunkedRuns<UInt32>()      // tag << 29 | value
    // Rare columns, by row: visit dates, CRM ids, kept subjects (broadcasts).
    private var visits: [Int32: ClosedRange<Int>] = [:]
    private var crmIds: [Int32: UInt64] = [:]
    private var subjects: [Int32: String] = [:]
    private var farStarts: [Int32: Int64] = [:]      // starts 68 years or more from startBase
    private var longDurations: [Int32: Int64] = [:]  // 136 years or more (or negative: rejected earlier, kept safe)
    /// A members array lent to the row being read (`lendMembers`) and taken back after it: rows are
    /// read without allocating one each.
    private var spareMembers: [Int64] = []

    init(fileNames: [String]) { self.fileNames = fileNames }

    var count: Int { start.count }
    var indices: Range<Int> { 0..<count }

    private static let kinds = InteractionKind.allCases

    /// Members as stored: the 3-bit tag moves from bit 58 to bit 29 (ids stay below 2^29).
    private static func pack(_ m: Int64) -> UInt32 {
        UInt32(truncatingIfNeeded: Candidate.tag(m)) << 29 | UInt32(truncatingIfNeeded: m & Candidate.valueMask) & 0x1FFF_FFFF
    }

    private static func unpack(_ m: UInt32) -> Int64 { Int64(m >> 29) << 58 | Int64(m & 0x1FFF_FFFF) }

    /// Gives `c` an empty members array with room for the usual few members (owner, organizer,
    /// attendees), reused from row to row; `takeBackMembers(from:)` returns it once `c` is stored or dropped.
    mutating func lendMembers(to c: inout Candidate) {
        swap(&spareMembers, &c.members)
        c.members.removeAll(keepingCapacity: true)
        c.memberPositions = nil
        if c.members.capacity < 8 { c.members.reserveCapacity(8) }
    }

    /// Keeps `c`'s members array for the next row (`lendMembers(to:)`); `c` is left with none.
    mutating func takeBackMembers(from c: inout Candidate) {
        swap(&spareMembers, &c.members)
    }

    mutating func append(_ c: Candidate) {
        let row = Int32(count)
        fileOrder.append(UInt16(clamping: c.fileOrder))
        line.append(Int32(clamping: c.line))
        var k = UInt8(Self.kinds.firstIndex(of: c.kind)!)
        if c.sourceKind == .crm { k |= 0x10 }
        if c.free { k |= 0x20 }
        k |= (c.inPerson.map { $0 ? 2 : 1 } ?? 0) << 6
        flags.append(k)
        appendTimes(start: c.start, length: c.end &- c.start, row: row)
        uid.append(c.uid ?? 0)
        organizer.append(c.organizer.map { Int32($0) } ?? -1)
        let kept = c.members.prefix(Int(UInt16.max))
        memberAddress.append(members.append(kept.lazy.map(Self.pack)))
        memberCount.append(UInt16(kept.count))
        if let v = c.visitDates { visits[row] = v }
        if let id = c.crmId { crmIds[row] = id }
        if !c.subject.isEmpty { subjects[row] = c.subject }
    }

    private mutating func appendTimes(start value: Int64, length: Int64, row: Int32) {
        let base = startBase ?? value
        startBase = base
        let offset = value &- base
        if offset > Int64(Int32.min), offset <= Int64(Int32.max) { start.append(Int32(offset)) } else {
            start.append(Int32.min)
            farStarts[row] = value
        }
        if length >= 0 && length < Int64(UInt32.max) { duration.append(UInt32(length)) } else {
            duration.append(UInt32.max)
            longDurations[row] = length
        }
    }

    /// Appends every row of `other` (a part of a file read on its own thread), in order: its lines move
    /// down by `lineOffset` (the lines before the part) and each stored member goes through `remap`
    /// (the part's own address ids become this run's). The members' chunks are moved whole (a row's
    /// member address moves by the chunks before them); the other columns are copied a chunk at a time,
    /// each part chunk freed once copied, so the two never both hold the part's rows. This runs on one
    /// thread after the parts are read: at 10M rows, copying row by row was 0.6 s of it.
    mutating func append(contentsOf other: inout CandidateStore, lineOffset: Int, remap: (UInt32) -> UInt32) {
        let base = Int32(count)
        for (r, v) in other.visits { visits[base + r] = v }
        for (r, v) in other.crmIds { crmIds[base + r] = v }
        for (r, v) in other.subjects { subjects[base + r] = v }
        for (r, v) in other.longDurations { longDurations[base + r] = v }
        let addressShift = UInt32(members.chunkCount) << 16
        members.adopt(&other.members, transform: remap)
        // Starts are kept from `startBase` (the part's own when this store has no row yet): each of the
        // part's is read whole and kept from this one's; one that no longer fits 32 bits goes to `farStarts`.
        if startBase == nil { startBase = other.startBase }
        let rows = other.count, size = ChunkedColumn<UInt8>.chunkSize
        var starts: [Int32] = []
        starts.reserveCapacity(size)
        for (c, first) in stride(from: 0, to: rows, by: size).enumerated() {
            let end = min(rows, first + size)
            fileOrder.append(contentsOf: other.fileOrder.chunk(c))
            line.append(contentsOf: other.line.chunk(c).lazy.map { Int32(clamping: Int($0) + lineOffset) })
            flags.append(contentsOf: other.flags.chunk(c))
            uid.append(contentsOf: other.uid.chunk(c))
            organizer.append(contentsOf: other.organizer.chunk(c))
            duration.append(contentsOf: other.duration.chunk(c))
            memberCount.append(contentsOf: other.memberCount.chunk(c))
            memberAddress.append(contentsOf: other.memberAddress.chunk(c).lazy.map { $0 &+ addressShift })
            starts.removeAll(keepingCapacity: true)
            for i in first..<end {
                let value = other.startOf(i), offset = value &- (startBase ?? 0)
                if offset > Int64(Int32.min), offset <= Int64(Int32.max) { starts.append(Int32(offset)) } else {
                    starts.append(Int32.min)
                    farStarts[base + Int32(i)] = value
                }
            }
            start.append(contentsOf: starts)
            other.releaseColumns(through: end - 1)
        }
        other = CandidateStore(fileNames: other.fileNames)
    }

    /// Frees the column chunks of rows up to `row` (not the members: `append(contentsOf:)` moves those whole).
    private mutating func releaseColumns(through row: Int) {
        fileOrder.release(through: row)
        line.release(through: row)
        flags.release(through: row)
        start.release(through: row)
        duration.release(through: row)
        uid.release(through: row)
        organizer.release(through: row)
        memberAddress.release(through: row)
        memberCount.release(through: row)
    }

    subscript(i: Int) -> Candidate {
        let order = Int(fileOrder[i])
        let k = flags[i]
        let person = k >> 6
        var c = Candidate(fileOrder: order, line: Int(line[i]),
                          sourceKind: k & 0x10 != 0 ? .crm : .calendar, kind: Self.kinds[Int(k & 0x0F)],
                          start: startOf(i), end: endOf(i), visitDates: visits[Int32(i)],
                          uid: uid[i] == 0 ? nil : uid[i], organizer: organizer[i] < 0 ? nil : Int(organizer[i]),
                          subject: subjects[Int32(i)] ?? "",
                          inPerson: person == 0 ? nil : person == 2, free: k & 0x20 != 0)
        c.crmId = crmIds[Int32(i)]
        c.setMembers(memberSlice(i).map(Self.unpack))
        return c
    }

    /// Row `i`'s fields one at a time, for the duplicate rule's clusters (no `Candidate` is built).
    func sourceKindOf(_ i: Int) -> SourceKind { flags[i] & 0x10 != 0 ? .crm : .calendar }
    func kindOf(_ i: Int) -> InteractionKind { Self.kinds[Int(flags[i] & 0x0F)] }
    func isFree(_ i: Int) -> Bool { flags[i] & 0x20 != 0 }
    func inPersonOf(_ i: Int) -> Bool? { let p = flags[i] >> 6; return p == 0 ? nil : p == 2 }
    func subjectOf(_ i: Int) -> String { subjects.isEmpty ? "" : subjects[Int32(i)] ?? "" }
    func organizerOf(_ i: Int) -> Int? { organizer[i] < 0 ? nil : Int(organizer[i]) }
    func visitDatesOf(_ i: Int) -> ClosedRange<Int>? { visits.isEmpty ? nil : visits[Int32(i)] }
    func locationOf(_ i: Int) -> SourceLocation {
        SourceLocation(file: fileNames[Int(fileOrder[i])], line: Int(line[i]), byte: 0)
    }

    /// Row `i`'s members as stored (packed; see `member(_:)`).
    func memberSlice(_ i: Int) -> ArraySlice<UInt32> {
        members.run(at: memberAddress[i], count: Int(memberCount[i]))
    }

    /// True for a stored customer or other external address (`Candidate.Tag` 3 and 4).
    static func isExternal(_ packed: UInt32) -> Bool {
        let tag = packed >> 29
        return tag == UInt32(Candidate.Tag.customer.rawValue) || tag == UInt32(Candidate.Tag.otherExternal.rawValue)
    }

    /// A stored member in `Candidate`'s form.
    static func member(_ packed: UInt32) -> Int64 { unpack(packed) }

    func file(_ i: Int) -> String { fileNames[Int(fileOrder[i])] }
    func fileOrderOf(_ i: Int) -> Int { Int(fileOrder[i]) }
    func startOf(_ i: Int) -> Int64 {
        let offset = start[i]
        return offset == Int32.min ? farStarts[Int32(i)] ?? 0 : (startBase ?? 0) &+ Int64(offset)
    }
    func endOf(_ i: Int) -> Int64 {
        let d = duration[i]
        return startOf(i) &+ (d == UInt32.max ? longDurations[Int32(i)] ?? 0 : Int64(d))
    }
    func uidOf(_ i: Int) -> UInt64? { uid[i] == 0 ? nil : uid[i] }

    /// Frees the uid column (8 bytes a row) once the duplicate rule has matched uids: the rest of the
    /// rule, when memory peaks, does not read it. `uidOf` and the subscript must not be used after.
    mutating func releaseUIDs() { uid = ChunkedColumn() }
    /// Rows with a CRM id, in row order.
    var crmRows: [(row: Int, id: UInt64)] { crmIds.map { (Int($0.key), $0.value) }.sorted { $0.row < $1.row } }

    /// Changes row `i` (relations add invitees); grown member lists are stored again at the end.
    mutating func modify(_ i: Int, _ body: (inout Candidate) -> Void) {
        var c = self[i]
        body(&c)
        let kept = c.members.prefix(Int(UInt16.max)).map(Self.pack)
        if !kept.elementsEqual(memberSlice(i)) {
            memberAddress[i] = members.append(kept)
            memberCount[i] = UInt16(kept.count)
        }
    }

    /// Row indexes in config order, then line order (the first of a cluster represents it), or nil
    /// when rows were stored in that order already (the usual case: files are read in config order).
    func readOrder() -> [Int32]? {
        var sorted = true
        for i in 1..<max(1, count) where (fileOrder[i - 1], line[i - 1]) > (fileOrder[i], line[i]) { sorted = false; break }
        if sorted { return nil }
        return indices.map(Int32.init).sorted { (fileOrder[Int($0)], line[Int($0)], $0) < (fileOrder[Int($1)], line[Int($1)], $1) }
    }
}

extension Candidate {
    fileprivate mutating func setMembers(_ m: [Int64]) {
        members = m
        memberPositions = nil
    }
}
