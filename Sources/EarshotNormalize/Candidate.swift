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
    var uid: String?
    var organizer: Int?
    /// Internal participants; `declined` when the row says so for that person.
    var people: [InternalParticipant] = []
    /// Customer addresses → account (nil when unknown).
    var customers: [String: Int?] = [:]
    var otherExternal: Set<String> = []
    var accounts: Set<Int> = []
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
            customers[address] = account
            if let account { accounts.insert(account) }
        case let .otherExternal(address):
            otherExternal.insert(address)
        case let .unresolvedInternal(text), let .unresolvedName(text):
            unresolved[text, default: 0] += 1
        }
    }

    /// Every participant key, for "shares a participant" in the duplicate rule.
    var participantKeys: [String] {
        people.map { "p\($0.person)" } + customers.keys.sorted() + otherExternal.sorted()
    }
}
