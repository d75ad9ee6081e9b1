import EarshotModel

/// One calendar or CRM row read into canonical terms, before duplicates across sources are merged.
struct Candidate {
    var file: String
    var fileOrder: Int
    var location: SourceLocation
    var sourceKind: SourceKind
    var kind: InteractionKind
    var start: Int64
    var end: Int64
    var visitDates: ClosedRange<Int>?
    /// FNV-1a hash of the lower-cased iCalUID (64 bits: the ids themselves are not kept in memory).
    var uid: UInt64?
    var organizer: Int?
    /// Internal participants; `declined` when the row says so for that person.
    var people: [InternalParticipant] = []
    /// Customer addresses (normalized; storage shared with the directory's classification cache).
    var customers: [String] = []
    var otherExternal: [String] = []
    var accounts: [Int] = []
    var subject: String
    var inPerson: Bool?
    var free: Bool
    /// The CRM's own id of the row (Salesforce Event `Id`), for relations that point at it.
    var crmId: String? = nil

    mutating func add(_ cls: ParticipantClass, declined: Bool = false, unresolved: inout [String: Int]) {
        switch cls {
        case let .person(p):
            if let i = people.firstIndex(where: { $0.person == p }) {
                if declined { people[i].declined = true }
            } else {
                people.append(InternalParticipant(person: p, declined: declined))
            }
        case let .customer(address, account):
            if !customers.contains(address) { customers.append(address) }
            if let account { addAccount(account) }
        case let .otherExternal(address):
            if !otherExternal.contains(address) { otherExternal.append(address) }
        case let .unresolvedInternal(text), let .unresolvedName(text):
            unresolved[text, default: 0] += 1
        }
    }

    /// Subjects are kept only where a report shows them (broadcasts): memory stays compact.
    mutating func dropSubjectUnlessBroadcast(threshold: Int) {
        if customers.count + otherExternal.count <= threshold { subject = "" }
    }

    mutating func addAccount(_ account: Int) {
        if !accounts.contains(account) { accounts.append(account) }
    }

    /// Hash of an iCalUID: FNV-1a over the lower-cased UTF-8 bytes.
    static func uidHash(_ text: String) -> UInt64? {
        guard !text.isEmpty else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.lowercased().utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
