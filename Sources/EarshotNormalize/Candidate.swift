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
    /// The CRM's own id of the row (Salesforce Event `Id`), for relations that point at it.
    var crmId: String? = nil

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
