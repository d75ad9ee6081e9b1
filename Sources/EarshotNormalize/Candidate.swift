import EarshotModel

/// One calendar or CRM row read into canonical terms, before duplicates across sources are merged.
struct Candidate {
    var fileOrder: Int
    var location: SourceLocation
    var file: String { location.file }
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
    private(set) var members: [Int64] = []
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
        if !members.contains(m) { members.append(m) }
    }

    mutating func add(_ cls: ParticipantClass, declined: Bool = false, in directory: Directory, unresolved: inout [String: Int]) {
        switch cls {
        case let .person(p):
            let plain = Tag.person.bits | Int64(p), declinedMember = Tag.declinedPerson.bits | Int64(p)
            if let i = members.firstIndex(where: { $0 == plain || $0 == declinedMember }) {
                if declined { members[i] = declinedMember }
            } else {
                members.append(declined ? declinedMember : plain)
            }
        case let .customer(address, account):
            insert(.customer, directory.addressId(address))
            if let account { addAccount(account) }
        case let .otherExternal(address):
            insert(.otherExternal, directory.addressId(address))
        case let .unresolvedInternal(text), let .unresolvedName(text):
            unresolved[text, default: 0] += 1
        }
    }

    mutating func addAccount(_ account: Int) { insert(.account, account) }

    /// Subjects are kept only where a report shows them (broadcasts): memory stays compact.
    mutating func dropSubjectUnlessBroadcast(threshold: Int) {
        if customers.count + otherExternal.count <= threshold { subject = "" }
    }


    /// Hash of an iCalUID: FNV-1a over the lower-cased UTF-8 bytes.
    static func uidHash(_ text: String) -> UInt64? {
        guard !text.isEmpty else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.lowercased().utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}

/// Every candidate of a run, stored column by column with one shared array of members, so a row
/// costs about 70 bytes plus 8 per participant instead of a struct with its own heap arrays. The
/// duplicate rule needs every row until all sources are read; this keeps that memory small.
struct CandidateStore {
    /// File names by config order (`Candidate.fileOrder`).
    let fileNames: [String]
    private var fileOrder: [Int32] = []
    private var line: [Int32] = []
    private var kinds: [UInt8] = []          // low 4 bits: InteractionKind; bit 4: CRM; bit 5: free
    private var inPerson: [Int8] = []        // -1 unknown, 0 remote, 1 in person
    private var start: [Int64] = []
    private var end: [Int64] = []
    private var visitFirst: [Int32] = []     // Int32.min: no visit
    private var visitLast: [Int32] = []
    private var uid: [UInt64] = []           // 0: none
    private var organizer: [Int32] = []      // -1: none
    private var crmId: [UInt64] = []         // 0: none
    private var memberOffset: [Int32] = []
    private var memberCount: [UInt16] = []
    private var members: [Int64] = []
    private var subjectIndex: [Int32] = []   // -1: none
    private var subjects: [String] = []

    init(fileNames: [String]) { self.fileNames = fileNames }

    var count: Int { start.count }
    var indices: Range<Int> { 0..<count }

    private static let kinds = InteractionKind.allCases

    mutating func append(_ c: Candidate) {
        fileOrder.append(Int32(c.fileOrder))
        line.append(Int32(clamping: c.location.line))
        var k = UInt8(Self.kinds.firstIndex(of: c.kind)!)
        if c.sourceKind == .crm { k |= 0x10 }
        if c.free { k |= 0x20 }
        kinds.append(k)
        inPerson.append(c.inPerson.map { $0 ? 1 : 0 } ?? -1)
        start.append(c.start)
        end.append(c.end)
        visitFirst.append(c.visitDates.map { Int32($0.lowerBound) } ?? Int32.min)
        visitLast.append(c.visitDates.map { Int32($0.upperBound) } ?? Int32.min)
        uid.append(c.uid ?? 0)
        organizer.append(c.organizer.map { Int32($0) } ?? -1)
        crmId.append(c.crmId ?? 0)
        memberOffset.append(Int32(members.count))
        memberCount.append(UInt16(clamping: c.members.count))
        members.append(contentsOf: c.members.prefix(Int(UInt16.max)))
        if c.subject.isEmpty { subjectIndex.append(-1) } else { subjectIndex.append(Int32(subjects.count)); subjects.append(c.subject) }
    }

    /// The candidate at `i`, rebuilt as a value (the source location's byte offset is not kept).
    subscript(i: Int) -> Candidate {
        let order = Int(fileOrder[i])
        let k = kinds[i]
        var c = Candidate(fileOrder: order, location: SourceLocation(file: fileNames[order], line: Int(line[i]), byte: 0),
                          sourceKind: k & 0x10 != 0 ? .crm : .calendar, kind: Self.kinds[Int(k & 0x0F)],
                          start: start[i], end: end[i],
                          visitDates: visitFirst[i] == Int32.min ? nil : Int(visitFirst[i])...Int(visitLast[i]),
                          uid: uid[i] == 0 ? nil : uid[i], organizer: organizer[i] < 0 ? nil : Int(organizer[i]),
                          subject: subjectIndex[i] < 0 ? "" : subjects[Int(subjectIndex[i])],
                          inPerson: inPerson[i] < 0 ? nil : inPerson[i] == 1, free: k & 0x20 != 0)
        c.crmId = crmId[i] == 0 ? nil : crmId[i]
        c.setMembers(Array(memberSlice(i)))
        return c
    }

    /// The members of row `i` without rebuilding the row.
    func memberSlice(_ i: Int) -> ArraySlice<Int64> {
        let o = Int(memberOffset[i])
        return members[o..<(o + Int(memberCount[i]))]
    }

    func file(_ i: Int) -> String { fileNames[Int(fileOrder[i])] }
    func startOf(_ i: Int) -> Int64 { start[i] }
    func endOf(_ i: Int) -> Int64 { end[i] }
    func uidOf(_ i: Int) -> UInt64? { uid[i] == 0 ? nil : uid[i] }
    func crmIdOf(_ i: Int) -> UInt64? { crmId[i] == 0 ? nil : crmId[i] }

    /// Changes row `i` (relations add invitees); grown member lists move to the end of the shared array.
    mutating func modify(_ i: Int, _ body: (inout Candidate) -> Void) {
        var c = self[i]
        body(&c)
        if c.members.count != Int(memberCount[i]) || !c.members.elementsEqual(memberSlice(i)) {
            memberOffset[i] = Int32(members.count)
            memberCount[i] = UInt16(clamping: c.members.count)
            members.append(contentsOf: c.members.prefix(Int(UInt16.max)))
        }
    }

    /// Row indexes in config order, then line order: the first of a cluster represents it.
    func readOrder() -> [Int] {
        indices.sorted { (fileOrder[$0], line[$0], $0) < (fileOrder[$1], line[$1], $1) }
    }
}

extension Candidate {
    fileprivate mutating func setMembers(_ m: [Int64]) { members = m }
}
