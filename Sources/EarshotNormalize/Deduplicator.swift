import EarshotModel

/// Merges the copies of one meeting (the organizer's calendar, each attendee's calendar, the rep's CRM
/// entry) into one interaction, then decides what each merged interaction is.
///
/// The duplicate rule (README "Duplicates"): two rows are the same interaction when they carry the same
/// `uid` (iCalUID), or when they start and end in the same UTC minute and share at least one participant
/// (an internal person or an external address) or an account. The relation is transitive. The row that
/// comes first in config order (then line order) represents the interaction and is `accepted`; the
/// others are `merged`. A merged interaction with no customer participant is ignored (`internal-only`,
/// or `no-customer` when its externals are all non-customers); one marked free in every copy is ignored
/// (`free`); one with more than `broadcast_threshold` external participants is a broadcast (`broadcast`),
/// listed apart and never exposure.
struct Deduplicator {
    var candidates: CandidateStore
    let config: EarshotConfig
    let period: Period
    /// The directory's interned addresses (`Candidate` keeps their ids).
    let addresses: [String]
    private var parent: [Int]

    init(candidates: CandidateStore, config: EarshotConfig, period: Period, addresses: [String]) {
        self.addresses = addresses
        self.candidates = candidates
        self.config = config
        self.period = period
        self.parent = Array(candidates.indices)
    }

    private mutating func find(_ i: Int) -> Int {
        var root = i
        while parent[root] != root { root = parent[root] }
        var j = i
        while parent[j] != root { let next = parent[j]; parent[j] = root; j = next }
        return root
    }

    private mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        guard ra != rb else { return }
        // The smaller index (earlier in config and line order) stays the root.
        if ra < rb { parent[rb] = ra } else { parent[ra] = rb }
    }

    mutating func run(ledger: inout Ledger, model: inout CanonicalModel) {
        // Candidates arrive in read order; rank i is the i-th row in (config order, line) order, so the
        // smallest rank of a cluster (its root) is its representative.
        let row = candidates.readOrder()
        var byUID: [UInt64: Int] = [:]
        // (start minute, end minute, participant) → first rank, keyed by a 64-bit mix of the triple to keep
        // the index small; a hit is verified against the row itself, so a hash collision never merges.
        var bySlot: [UInt64: Int32] = [:]
        for i in row.indices {
            let r = row[i]
            if let uid = candidates.uidOf(r) {
                if let j = byUID[uid] { union(j, i) } else { byUID[uid] = i }
            }
            let start = candidates.startOf(r) / 60, end = candidates.endOf(r) / 60
            // Keys: a person (declined or not), an address (customer or other), an account.
            for member in candidates.memberSlice(r) {
                let key = Self.namespaced(member)
                let slot = Self.mix(start, end, key)
                if let j = bySlot[slot].map(Int.init) {
                    let other = row[j]
                    if candidates.startOf(other) / 60 == start, candidates.endOf(other) / 60 == end,
                       candidates.memberSlice(other).contains(where: { Self.namespaced($0) == key }) {
                        union(j, i)
                    }
                } else {
                    bySlot[slot] = Int32(i)
                }
            }
        }
        bySlot = [:]
        byUID = [:]
        // Group members by root without a dictionary of arrays: sort (root, index) pairs.
        let roots = candidates.indices.map { find($0) }
        let order = candidates.indices.sorted { (roots[$0], $0) < (roots[$1], $1) }
        var cursor = 0
        while cursor < order.count {
            let root = roots[order[cursor]]
            var next = cursor
            while next < order.count && roots[order[next]] == root { next += 1 }
            let members = Array(order[cursor..<next])
            cursor = next
            let rep = candidates[row[root]]
            var interaction = Interaction(index: model.interactions.count, source: rep.location, sourceKind: rep.sourceKind,
                                          kind: rep.kind, start: rep.start, end: rep.end, subject: rep.subject)
            interaction.visitDates = rep.visitDates
            interaction.organizer = rep.organizer
            interaction.rowCount = members.count
            var people: [Int: Bool] = [:]
            var customers: Set<String> = []
            var others: Set<String> = []
            var accounts: Set<Int> = []
            var allFree = true
            for m in members {
                let c = candidates[row[m]]
                interaction.seenIn.insert(c.sourceKind)
                for p in c.people { people[p.person] = (people[p.person] ?? false) || p.declined }
                customers.formUnion(c.customers.map { addresses[$0] })
                others.formUnion(c.otherExternal.map { addresses[$0] })
                accounts.formUnion(c.accounts)
                if !c.free { allFree = false }
                if interaction.inPerson == nil { interaction.inPerson = c.inPerson }
                if interaction.subject.isEmpty { interaction.subject = c.subject }
                if interaction.organizer == nil { interaction.organizer = c.organizer }
                if Self.strength(c.kind) > Self.strength(interaction.kind) { interaction.kind = c.kind }
            }
            // `account:` and `contact:` stand-ins count only when no copy names a customer address.
            let real = customers.filter { !$0.hasPrefix("account:") && !$0.hasPrefix("contact:") }
            interaction.customerAddresses = (real.isEmpty ? customers : real.union(customers.filter { $0.hasPrefix("contact:") })).sorted()
            interaction.otherExternalCount = others.count
            interaction.accounts = accounts.sorted()
            interaction.internalParticipants = people.keys.sorted().map { InternalParticipant(person: $0, declined: people[$0]!) }
            interaction.free = allFree

            let rule: IgnoreRule?
            if interaction.customerAddresses.isEmpty {
                rule = others.isEmpty ? .internalOnly : .noCustomer
            } else if allFree {
                rule = .free
            } else if interaction.externalCount > config.metrics.broadcastThreshold {
                rule = .broadcast
            } else {
                rule = nil
            }
            if let rule {
                for m in members { ledger.acceptedBecameIgnored(candidates.file(row[m]), rule) }
                if rule == .broadcast { model.broadcasts.append(interaction) }
                continue
            }
            for m in members where m != root { ledger.acceptedBecameMerged(candidates.file(row[m])) }
            let clippedStart = max(interaction.start, period.startUTC)
            let clippedEnd = min(interaction.end, period.endUTC)
            for p in interaction.takingPart {
                model.exposures.append(Exposure(person: p, interaction: interaction.index,
                                                start: clippedStart, end: max(clippedStart, clippedEnd)))
            }
            model.interactions.append(interaction)
        }
    }

    /// A member as a duplicate-rule key: people (declined or not), addresses (customer or not), accounts.
    static func namespaced(_ member: Int64) -> Int64 {
        let tag = Candidate.tag(member), value = member & Candidate.valueMask
        return (tag <= 2 ? Int64(1) : tag <= 4 ? 2 : 3) << 58 | value
    }

    /// A fixed 64-bit mix (splitmix64 finalizer) of the triple: deterministic across runs.
    static func mix(_ a: Int64, _ b: Int64, _ c: Int64) -> UInt64 {
        func f(_ x: UInt64) -> UInt64 {
            var z = x &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return f(f(f(UInt64(bitPattern: a)) ^ UInt64(bitPattern: b)) ^ UInt64(bitPattern: c))
    }

    static func strength(_ kind: InteractionKind) -> Int {
        switch kind {
        case .visit: return 4
        case .meeting: return 3
        case .call: return 2
        case .email: return 1
        case .other: return 0
        }
    }
}


