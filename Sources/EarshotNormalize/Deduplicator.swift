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
    /// Union-find over read ranks (32-bit: a run's rows fit, and the index costs 4 bytes a row).
    private var parent: [Int32] = []

    init(candidates: CandidateStore, config: EarshotConfig, period: Period, addresses: [String]) {
        self.addresses = addresses
        self.candidates = candidates
        self.config = config
        self.period = period
    }

    private mutating func find(_ i: Int) -> Int {
        var root = i
        while Int(parent[root]) != root { root = Int(parent[root]) }
        var j = i
        while Int(parent[j]) != root { let next = Int(parent[j]); parent[j] = Int32(root); j = next }
        return root
    }

    private mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        guard ra != rb else { return }
        // The smaller index (earlier in config and line order) stays the root.
        if ra < rb { parent[rb] = Int32(ra) } else { parent[ra] = Int32(rb) }
    }

    /// A sort key and a read rank, sorted by key then rank.
    private struct Keyed: Comparable {
        var key: Int64
        var rank: Int32
        static func < (a: Keyed, b: Keyed) -> Bool { (a.key, a.rank) < (b.key, b.rank) }
    }

    /// What two copies of a meeting share within one start minute: end minute and a participant.
    private struct Slot: Hashable {
        var end: Int64
        var member: Int64
    }

    mutating func run(ledger: inout Ledger, model: inout CanonicalModel) {
        // Ranks: the i-th row in (config order, line) order; the smallest rank of a cluster (its root)
        // represents it. `order` maps rank to row (nil: rows are stored in that order).
        let order = candidates.readOrder()
        func row(_ rank: Int) -> Int { order.map { Int($0[rank]) } ?? rank }
        let n = candidates.count
        parent = Array(0..<Int32(n))

        // Memory, not speed, shapes this (it runs while every row is held): instead of dictionaries
        // over all rows, two sorted arrays of (key, rank), one at a time, and one small dictionary.
        // Same iCalUID: neighbours after sorting by (uid, rank).
        var keyed: [Keyed] = []
        keyed.reserveCapacity(n)
        for r in 0..<n { if let uid = candidates.uidOf(row(r)) { keyed.append(Keyed(key: Int64(bitPattern: uid), rank: Int32(r))) } }
        keyed.sort()
        for k in keyed.indices.dropFirst() where keyed[k].key == keyed[k - 1].key { union(Int(keyed[k - 1].rank), Int(keyed[k].rank)) }

        // Same (start minute, end minute, participant): group by start minute, then match end minute and
        // participant (a person, declined or not; an address; an account) within the group.
        keyed.removeAll(keepingCapacity: true)
        for r in 0..<n { keyed.append(Keyed(key: candidates.startOf(row(r)) / 60, rank: Int32(r))) }
        keyed.sort()
        var firstWith: [Slot: Int32] = [:]
        var groupStart = 0
        while groupStart < keyed.count {
            var groupEnd = groupStart
            while groupEnd < keyed.count, keyed[groupEnd].key == keyed[groupStart].key { groupEnd += 1 }
            firstWith.removeAll(keepingCapacity: true)
            for k in groupStart..<groupEnd {
                let rank = Int(keyed[k].rank), r = row(rank)
                let end = candidates.endOf(r) / 60
                for member in candidates.memberSlice(r) {
                    let slot = Slot(end: end, member: Self.namespaced(CandidateStore.member(member)))
                    if let j = firstWith[slot] { union(Int(j), rank) } else { firstWith[slot] = Int32(rank) }
                }
            }
            groupStart = groupEnd
        }
        keyed = []
        firstWith = [:]

        // Clusters as lists in rank order, threaded through one array: `next[r]` is the rank after r in
        // r's cluster (-1: none). Walking ranks downwards and inserting each right after its root leaves
        // every list ascending.
        for r in 0..<n { parent[r] = Int32(find(r)) }
        var next = [Int32](repeating: -1, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            let root = Int(parent[r])
            if root != r { next[r] = next[root]; next[root] = Int32(r) }
        }
        for root in 0..<n where Int(parent[root]) == root {
            var members = [root]
            var cursor = Int(next[root])
            while cursor >= 0 { members.append(cursor); cursor = Int(next[cursor]) }
            let rep = candidates[row(root)]
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
                let c = candidates[row(m)]
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
                for m in members { ledger.acceptedBecameIgnored(candidates.file(row(m)), rule) }
                if rule == .broadcast { model.broadcasts.append(interaction) }
                continue
            }
            for m in members where m != root { ledger.acceptedBecameMerged(candidates.file(row(m))) }
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


