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
    var candidates: [Candidate]
    let config: EarshotConfig
    let period: Period
    private var parent: [Int]

    init(candidates: [Candidate], config: EarshotConfig, period: Period) {
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
        // Candidates arrive in read order: sort by (config order, line) so the root is the representative.
        candidates.sort { ($0.fileOrder, $0.location.line) < ($1.fileOrder, $1.location.line) }
        var byUID: [String: Int] = [:]
        var bySlot: [SlotKey: [String: Int]] = [:]
        for i in candidates.indices {
            let c = candidates[i]
            if let uid = c.uid?.lowercased() {
                if let j = byUID[uid] { union(j, i) } else { byUID[uid] = i }
            }
            let slot = SlotKey(start: c.start / 60, end: c.end / 60)
            var keys = bySlot[slot] ?? [:]
            for key in c.participantKeys + c.accounts.sorted().map({ "a\($0)" }) {
                if let j = keys[key] { union(j, i) } else { keys[key] = i }
            }
            bySlot[slot] = keys
        }
        var clusters: [Int: [Int]] = [:]
        for i in candidates.indices { clusters[find(i), default: []].append(i) }

        for root in clusters.keys.sorted() {
            let members = clusters[root]!
            let rep = candidates[root]
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
                let c = candidates[m]
                interaction.seenIn.insert(c.sourceKind)
                for p in c.people { people[p.person] = (people[p.person] ?? false) || p.declined }
                customers.formUnion(c.customers.keys)
                others.formUnion(c.otherExternal)
                accounts.formUnion(c.accounts)
                if !c.free { allFree = false }
                if interaction.inPerson == nil { interaction.inPerson = c.inPerson }
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
                for m in members { ledger.acceptedBecameIgnored(candidates[m].file, rule) }
                if rule == .broadcast { model.broadcasts.append(interaction) }
                continue
            }
            for m in members where m != root { ledger.acceptedBecameMerged(candidates[m].file) }
            let clippedStart = max(interaction.start, period.startUTC)
            let clippedEnd = min(interaction.end, period.endUTC)
            for p in interaction.takingPart {
                model.exposures.append(Exposure(person: p, interaction: interaction.index,
                                                start: clippedStart, end: max(clippedStart, clippedEnd)))
            }
            model.interactions.append(interaction)
        }
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

private struct SlotKey: Hashable {
    let start: Int64
    let end: Int64
}
