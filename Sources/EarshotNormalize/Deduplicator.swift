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

    /// Threads for matching runs of equal keys (results do not depend on it), the fewest rows a
    /// thread's share may hold, and the rows matched per round (`matchRuns`; tests lower both to cut
    /// small inputs into rounds and shares).
    let threads: Int
    let minimumShareRows: Int
    let roundRows: Int
    /// Called as each step ends (`EARSHOT_TIMINGS`), with its name and how long it took in seconds.
    var onStepDone: ((String, Double) -> Void)?
    private var stepStarted = ContinuousClock.now

    private mutating func stepDone(_ name: String) {
        let now = ContinuousClock.now, took = now - stepStarted
        stepStarted = now
        onStepDone?(name, Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18)
    }

    init(candidates: CandidateStore, config: EarshotConfig, period: Period, addresses: [String], threads: Int = 1,
         minimumShareRows: Int = 100_000, roundRows: Int = 1 << 21) {
        self.threads = threads
        self.minimumShareRows = minimumShareRows
        self.roundRows = roundRows
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

    /// The first rank seen with each (start minute, end minute, participant) in one run of equal start
    /// keys: open addressing with a multiplicative hash (SipHash through `Dictionary` was most of the
    /// rule's time at 10M rows), emptied between runs by bumping a generation instead of clearing.
    struct SlotTable {
        /// One slot, all its fields together: a probe reads one place (five arrays were five cache
        /// misses per probe once a long run's table outgrew the cache).
        private struct Slot {
            var start: Int64 = 0
            var end: Int64 = 0
            var member: Int64 = 0
            var rank: Int32 = 0
            var generation: UInt32 = 0
        }
        private var slots: [Slot] = []
        private var current: UInt32 = 1
        private var count = 0

        /// Empties the table, sized for about `expected` slots.
        mutating func reset(expected: Int) {
            var capacity = 16
            while capacity < expected * 2 { capacity <<= 1 }
            if capacity > slots.count { allocate(capacity); return }
            current &+= 1
            if current == 0 { slots = Array(repeating: Slot(), count: slots.count); current = 1 }
            count = 0
        }

        /// Fresh, empty slots, `capacity` of them (a power of two).
        private mutating func allocate(_ capacity: Int) {
            slots = Array(repeating: Slot(), count: capacity)
            current = 1
            count = 0
        }

        /// The rank stored for the slot, or nil after storing `newRank` for it.
        mutating func firstRank(start s: Int64, end e: Int64, member m: Int64, newRank: Int) -> Int? {
            if (count + 1) * 2 > slots.count { grow() }
            let mask = slots.count - 1
            var h = UInt64(bitPattern: s) &* 0x9E37_79B9_7F4A_7C15
            h = (h ^ UInt64(bitPattern: e)) &* 0xC2B2_AE3D_27D4_EB4F
            h = (h ^ UInt64(bitPattern: m)) &* 0x1656_67B1_9E37_79F9
            var i = Int(truncatingIfNeeded: h >> 32) & mask
            while slots[i].generation == current {
                if slots[i].start == s && slots[i].end == e && slots[i].member == m { return Int(slots[i].rank) }
                i = (i + 1) & mask
            }
            slots[i] = Slot(start: s, end: e, member: m, rank: Int32(newRank), generation: current)
            count += 1
            return nil
        }

        private mutating func grow() {
            let old = self
            allocate(max(16, slots.count * 2))
            for slot in old.slots where slot.generation == old.current {
                _ = firstRank(start: slot.start, end: slot.end, member: slot.member, newRank: Int(slot.rank))
            }
        }
    }

    /// The first rank of a run that carries `uid` (a struct: arrays of tuples look up their type metadata
    /// at run time).
    private struct FirstWithUID {
        var uid: UInt64
        var rank: Int
    }

    /// Ranks sorted by a 32-bit key, each packed as `key << 32 | rank` into one UInt64: 8 bytes a row
    /// (Swift's sort adds a buffer of half that), and integers sort without a comparator. Equal keys
    /// end up adjacent; callers resolve each run of equal keys on exact values.
    private static func packedRanks(_ n: Int, key: (Int) -> UInt32?) -> [UInt64] {
        var packed: [UInt64] = []
        packed.reserveCapacity(n)
        for rank in 0..<n { if let k = key(rank) { packed.append(UInt64(k) << 32 | UInt64(rank)) } }
        radixSortByKey(&packed)
        return packed
    }

    /// Sorts packed ranks by their key (the high 32 bits) in three stable counting passes of 11 bits.
    /// Ranks were appended in increasing order, and each pass keeps equal digits in order, so equal
    /// keys stay in rank order: the result is `sort()`'s, in linear time (10M rows: ~1 s of merge
    /// sort per pass of the rule before).
    static func radixSortByKey(_ a: inout [UInt64]) {
        guard a.count > 1 else { return }
        var buffer = [UInt64](repeating: 0, count: a.count)
        var counts = [Int](repeating: 0, count: 2048)
        for shift in [UInt64(32), 43, 54] {
            for i in counts.indices { counts[i] = 0 }
            for v in a { counts[Int((v >> shift) & 0x7FF)] += 1 }
            var total = 0
            for i in counts.indices { let c = counts[i]; counts[i] = total; total += c }
            for v in a {
                let d = Int((v >> shift) & 0x7FF)
                buffer[counts[d]] = v
                counts[d] += 1
            }
            swap(&a, &buffer)
        }
    }

    /// Calls `body` with each run of two or more equal keys (a slice of `packed`, no copy; `rank(_:)`
    /// reads a rank out of an element).
    private static func forEachRun(_ packed: ArraySlice<UInt64>, _ body: (ArraySlice<UInt64>) -> Void) {
        var i = packed.startIndex
        while i < packed.endIndex {
            var j = i + 1
            while j < packed.endIndex, packed[j] >> 32 == packed[i] >> 32 { j += 1 }
            if j - i > 1 { body(packed[i..<j]) }
            i = j
        }
    }

    private static func rank(_ packed: UInt64) -> Int { Int(packed & 0xFFFF_FFFF) }

    /// Pairs of ranks to join, packed `a << 32 | b`; a row usually matches one earlier copy, so the
    /// same pair twice in a row is kept once.
    struct Pairs {
        private(set) var packed: [UInt64] = []
        mutating func append(_ a: Int, _ b: Int) {
            let p = UInt64(a) << 32 | UInt64(b)
            if packed.last != p { packed.append(p) }
        }
    }

    /// Cuts `packed` into about `parts` pieces of equal size, each cut moved forward to the end of a
    /// run of equal keys: a run never straddles two pieces. Returns the cut points, first and last included.
    private static func cuts(_ packed: ArraySlice<UInt64>, parts: Int) -> [Int] {
        var cuts = [packed.startIndex]
        for k in 1..<max(1, parts) {
            var i = max(cuts[cuts.count - 1], packed.startIndex + packed.count * k / parts)
            while i > packed.startIndex, i < packed.endIndex, packed[i] >> 32 == packed[i - 1] >> 32 { i += 1 }
            cuts.append(i)
        }
        cuts.append(packed.endIndex)
        return cuts
    }

    /// Matches the runs of `packed` and joins the pairs found. Runs are matched in rounds of about
    /// `roundRows` ranks (so the pairs listed at once stay a few MB), each round on `threads` threads,
    /// each thread on its own share of the round's runs; the pairs are joined here between rounds.
    private mutating func matchRuns(_ packed: [UInt64], _ match: (ArraySlice<UInt64>, inout Pairs) -> Void) {
        let rounds = Self.cuts(packed[...], parts: max(1, packed.count / roundRows))
        for r in 0..<(rounds.count - 1) {
            let round = packed[rounds[r]..<rounds[r + 1]]
            let shares = Self.cuts(round, parts: max(1, min(threads, round.count / max(1, minimumShareRows))))
            let found = ParallelMap.each(shares.count - 1, threads: threads) { k in
                var pairs = Pairs()
                match(packed[shares[k]..<shares[k + 1]], &pairs)
                return pairs.packed
            }
            joinAll(found)
        }
    }

    private mutating func joinAll(_ shares: [[UInt64]]) {
        for pairs in shares { for p in pairs { union(Int(p >> 32), Int(p & 0xFFFF_FFFF)) } }
    }

    mutating func run(ledger: inout Ledger, model: inout CanonicalModel) {
        stepStarted = ContinuousClock.now
        defer { stepDone("clusters built and applied") }
        // Ranks: the i-th row in (config order, line) order; the smallest rank of a cluster (its root)
        // represents it. `order` maps rank to row (nil: rows are stored in that order).
        let order = candidates.readOrder()
        func row(_ rank: Int) -> Int { order.map { Int($0[rank]) } ?? rank }
        let n = candidates.count
        parent = Array(0..<Int32(n))

        // Memory, not speed, shapes this (it runs while every row is held): no dictionary over all rows,
        // but one sorted array of packed ranks at a time, and small tables over runs of equal keys.
        // Runs are independent: they are matched on `threads` threads (`matchRuns`), which only list the
        // pairs to join; the joins are then made on this one. The clusters do not depend on the order
        // of joins (the smallest rank is always the root).
        // What the threads read: the same columns as `candidates` (a copy of the struct shares their
        // storage), since closures inside this mutating method cannot capture `self`. A constant: a
        // closure reading a captured variable copies the whole struct (a retain per column) on each read.
        var packed: [UInt64]
        do { // the uid column is read only in here
            let store = candidates
            // Same iCalUID: sorted by the uid hash's high 32 bits, then matched on the whole hash.
            packed = Self.packedRanks(n) { rank in store.uidOf(row(rank)).map { UInt32(truncatingIfNeeded: $0 >> 32) } }
            stepDone("uids sorted")
            matchRuns(packed) { runs, pairs in
                // A run is almost always the copies of one meeting (one uid): each rank is matched against the
                // first ranks of the run's distinct uids so far, a short list; a Dictionary only past 16 of them.
                var firstWithUID: [UInt64: Int] = [:]
                var distinct: [FirstWithUID] = []
                Self.forEachRun(runs) { run in
                    if !firstWithUID.isEmpty { firstWithUID.removeAll(keepingCapacity: true) }
                    distinct.removeAll(keepingCapacity: true)
                    for p in run {
                        let rank = Self.rank(p)
                        let uid = store.uidOf(row(rank))!
                        if distinct.count <= 16 {
                            if let first = distinct.first(where: { $0.uid == uid }) { pairs.append(first.rank, rank); continue }
                            distinct.append(FirstWithUID(uid: uid, rank: rank))
                            if distinct.count <= 16 { continue }
                            for d in distinct { firstWithUID[d.uid] = d.rank }
                            continue
                        }
                        if let j = firstWithUID[uid] { pairs.append(j, rank) } else { firstWithUID[uid] = rank }
                    }
                }
            }
        }
        stepDone("same uid matched")
        // Uids are not read again: their column goes before the rest of the rule reaches the peak.
        candidates.releaseUIDs()
        let store = candidates
        // Same (start minute, end minute, participant): sorted by the start minute's low 32 bits, then
        // matched on the whole triple; a participant is a person (declined or not), an address, an account.
        packed = []
        packed = Self.packedRanks(n) { rank in UInt32(truncatingIfNeeded: store.startOf(row(rank)) / 60) }
        stepDone("start minutes sorted")
        matchRuns(packed) { runs, pairs in
            var firstWith = SlotTable()
            Self.forEachRun(runs) { run in
                firstWith.reset(expected: run.count * 4)
                for p in run {
                    let rank = Self.rank(p)
                    let r = row(rank)
                    let start = store.startOf(r) / 60, end = store.endOf(r) / 60
                    for member in store.memberSlice(r) {
                        let m = Self.namespaced(CandidateStore.member(member))
                        if let j = firstWith.firstRank(start: start, end: end, member: m, newRank: rank) { pairs.append(j, rank) }
                    }
                }
            }
        }
        packed = []
        stepDone("same minutes and participant matched")

        // Clusters as lists in rank order, threaded through one array that then replaces `parent`:
        // `link[r]` holds 1 + the next rank of r's cluster (0: none) in its low 31 bits, and bit 31 marks
        // a root. Walking ranks downwards and inserting each right after its root leaves every list
        // ascending. (Built before the interactions, so the model never shares memory with `parent`.)
        for r in 0..<n { parent[r] = Int32(find(r)) }
        var link = [UInt32](repeating: 0, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            let root = Int(parent[r])
            if root == r { link[r] |= 1 << 31 } else { link[r] = link[root] & 0x7FFF_FFFF; link[root] = link[root] & (1 << 31) | UInt32(r + 1) }
        }
        parent = []
        stepDone("clusters listed")
        // Clusters are built on `threads` threads, in rounds of consecutive ranks (each thread its own
        // share of a round, counting the ledger moves of its clusters' rows), and those that become an
        // interaction or a broadcast are applied here in rank order: numbered as they are appended,
        // exactly as one thread would.
        let links = link, addresses = self.addresses, threshold = config.metrics.broadcastThreshold
        let round = max(1, roundRows / 32)
        var moves = LedgerMoves(files: store.fileNames.count)
        for roundStart in stride(from: 0, to: n, by: round) {
            let roundEnd = min(n, roundStart + round)
            let shares = threads > 1 ? max(1, min(threads, (roundEnd - roundStart) / max(1, minimumShareRows / 8))) : 1
            let built = ParallelMap.map(shares, threads: threads) { k -> ([Cluster], LedgerMoves) in
                var scratch = ClusterScratch()
                var kept: [Cluster] = []
                var shareMoves = LedgerMoves(files: store.fileNames.count)
                let lo = roundStart + (roundEnd - roundStart) * k / shares, hi = roundStart + (roundEnd - roundStart) * (k + 1) / shares
                for root in lo..<hi where links[root] & (1 << 31) != 0 {
                    let cluster = Self.cluster(root: root, links: links, store: store, row: row, addresses: addresses,
                                               threshold: threshold, scratch: &scratch)
                    // Every row of an ignored cluster leaves `accepted`; of a kept one, every row but its root.
                    let category = LedgerMoves.category(cluster.rule)
                    for m in scratch.members where category > 0 || m != root {
                        shareMoves.add(fileOrder: store.fileOrderOf(row(m)), category: category)
                    }
                    if cluster.interaction != nil { kept.append(cluster) }
                }
                return (kept, shareMoves)
            }
            for (clusters, shareMoves) in built {
                moves.add(shareMoves)
                for cluster in clusters {
                    guard var interaction = cluster.interaction else { continue }
                    interaction.index = model.interactions.count
                    if let rule = cluster.rule {
                        if rule == .broadcast { model.broadcasts.append(interaction) }
                        continue
                    }
                    let clippedStart = max(interaction.start, period.startUTC)
                    let clippedEnd = min(interaction.end, period.endUTC)
                    for p in interaction.takingPart {
                        model.exposures.append(Exposure(person: p, interaction: interaction.index,
                                                        start: clippedStart, end: max(clippedStart, clippedEnd)))
                    }
                    model.interactions.append(interaction)
                }
            }
        }
        moves.apply(to: &ledger, fileNames: store.fileNames)
    }

    /// Rows that clusters move out of `accepted`, counted per file (config order) where the clusters are
    /// built and added to the ledger once: merged copies, and the rows of clusters ignored under a rule.
    struct LedgerMoves {
        /// The rules a cluster can be ignored under (`cluster(root:…)`); index 0 of `counts` is merged.
        static let rules: [IgnoreRule] = [.internalOnly, .noCustomer, .free, .broadcast]
        let files: Int
        /// `counts[category * files + fileOrder]`: category 0 merged, `1 + i` ignored under `rules[i]`.
        private var counts: [Int]

        init(files: Int) {
            self.files = files
            counts = Array(repeating: 0, count: files * (1 + Self.rules.count))
        }

        /// The category of rows that become ignored under `rule`, or merged when `rule` is nil.
        static func category(_ rule: IgnoreRule?) -> Int {
            guard let rule else { return 0 }
            guard let i = rules.firstIndex(of: rule) else { preconditionFailure("no ledger move for rule \(rule)") }
            return 1 + i
        }

        /// One row of file `fileOrder` moves to `category`.
        mutating func add(fileOrder: Int, category: Int) {
            counts[category * files + fileOrder] += 1
        }

        mutating func add(_ other: LedgerMoves) {
            for i in counts.indices { counts[i] += other.counts[i] }
        }

        func apply(to ledger: inout Ledger, fileNames: [String]) {
            for f in 0..<files {
                if counts[f] > 0 { ledger.acceptedBecameMerged(fileNames[f], count: counts[f]) }
                for (i, rule) in Self.rules.enumerated() where counts[(1 + i) * files + f] > 0 {
                    ledger.acceptedBecameIgnored(fileNames[f], rule, count: counts[(1 + i) * files + f])
                }
            }
        }
    }

    /// What a cluster becomes: ignored under `rule` (no interaction built when it is internal-only by
    /// its stored members), a broadcast or another ignored interaction, or an interaction (rule nil).
    struct Cluster {
        var root: Int
        var rule: IgnoreRule?
        var interaction: Interaction?
    }

    /// Reused between clusters of one thread.
    struct ClusterScratch {
        var members: [Int] = []
        var people = ParticipantSet()
        var customerIds = SmallIntSet(), otherIds = SmallIntSet(), accountIds = SmallIntSet()
    }

    /// Builds the cluster whose smallest rank is `root` (its ranks follow `links`), reading only.
    static func cluster(root: Int, links: [UInt32], store: CandidateStore, row: (Int) -> Int, addresses: [String],
                        threshold: Int, scratch: inout ClusterScratch) -> Cluster {
        scratch.members.removeAll(keepingCapacity: true)
        scratch.members.append(root)
        var cursor = Int(links[root] & 0x7FFF_FFFF) - 1
        while cursor >= 0 { scratch.members.append(cursor); cursor = Int(links[cursor] & 0x7FFF_FFFF) - 1 }
        // Most clusters (internal meetings) name no external participant in any copy: they are
        // `internal-only`, decided here without building the interaction (the general path below
        // reaches the same rule: no customer address and no other external address).
        if !scratch.members.contains(where: { m in store.memberSlice(row(m)).contains(where: CandidateStore.isExternal) }) {
            return Cluster(root: root, rule: .internalOnly, interaction: nil)
        }
        let repRow = row(root)
        var interaction = Interaction(index: 0, source: store.locationOf(repRow),
                                      sourceKind: store.sourceKindOf(repRow), kind: store.kindOf(repRow),
                                      start: store.startOf(repRow), end: store.endOf(repRow),
                                      subject: store.subjectOf(repRow))
        interaction.visitDates = store.visitDatesOf(repRow)
        interaction.organizer = store.organizerOf(repRow)
        interaction.rowCount = scratch.members.count
        // Read from the stored columns (no `Candidate` per copy); addresses stay interned ids until
        // the end (distinct ids are distinct texts: `Directory.addressId` interns by text).
        scratch.people.removeAll()
        scratch.customerIds.removeAll()
        scratch.otherIds.removeAll()
        scratch.accountIds.removeAll()
        var allFree = true
        for m in scratch.members {
            let r = row(m)
            interaction.seenIn.insert(store.sourceKindOf(r))
            for packed in store.memberSlice(r) {
                let value = Int(packed & 0x1FFF_FFFF)
                switch Int64(packed >> 29) {
                case Candidate.Tag.person.rawValue, Candidate.Tag.declinedPerson.rawValue:
                    scratch.people.insert(value, declined: packed >> 29 == UInt32(Candidate.Tag.declinedPerson.rawValue))
                case Candidate.Tag.customer.rawValue: scratch.customerIds.insert(value)
                case Candidate.Tag.otherExternal.rawValue: scratch.otherIds.insert(value)
                default: scratch.accountIds.insert(value)
                }
            }
            if !store.isFree(r) { allFree = false }
            if interaction.inPerson == nil { interaction.inPerson = store.inPersonOf(r) }
            if interaction.subject.isEmpty { interaction.subject = store.subjectOf(r) }
            if interaction.organizer == nil { interaction.organizer = store.organizerOf(r) }
            let kind = store.kindOf(r)
            if strength(kind) > strength(interaction.kind) { interaction.kind = kind }
        }
        let customers = scratch.customerIds.values.map { addresses[$0] }
        // `account:` and `contact:` stand-ins count only when no copy names a customer address.
        let real = customers.filter { !$0.hasPrefix("account:") && !$0.hasPrefix("contact:") }
        interaction.customerAddresses = (real.isEmpty ? customers : real + customers.filter { $0.hasPrefix("contact:") }).sorted()
        interaction.otherExternalCount = scratch.otherIds.count
        interaction.accounts = scratch.accountIds.values.sorted()
        interaction.internalParticipants = scratch.people.values.sorted { $0.person < $1.person }
        interaction.free = allFree

        let rule: IgnoreRule?
        if interaction.customerAddresses.isEmpty {
            rule = scratch.otherIds.isEmpty ? .internalOnly : .noCustomer
        } else if allFree {
            rule = .free
        } else if interaction.externalCount > threshold {
            rule = .broadcast
        } else {
            rule = nil
        }
        return Cluster(root: root, rule: rule, interaction: interaction)
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

/// A set of small integers in insertion order: a plain array while it is short (a cluster names a few
/// addresses and accounts), with a `Set` beside it past 32 values so a huge cluster stays linear.
struct SmallIntSet {
    private(set) var values: [Int] = []
    private var index: Set<Int>?

    var count: Int { values.count }
    var isEmpty: Bool { values.isEmpty }

    mutating func insert(_ v: Int) {
        if let set = index {
            if set.contains(v) { return }
            index!.insert(v)
        } else {
            if values.contains(v) { return }
            if values.count == 32 { index = Set(values); index!.insert(v) }
        }
        values.append(v)
    }

    mutating func removeAll() {
        values.removeAll(keepingCapacity: true)
        index = nil
    }
}

/// A cluster's internal participants, one entry per person, declined if any copy says so: an array
/// while short, with a position index beside it past 32 people.
struct ParticipantSet {
    private(set) var values: [InternalParticipant] = []
    private var position: [Int: Int]?

    mutating func insert(_ person: Int, declined: Bool) {
        let found: Int?
        if let position { found = position[person] } else { found = values.firstIndex { $0.person == person } }
        if let i = found {
            if declined { values[i].declined = true }
            return
        }
        values.append(InternalParticipant(person: person, declined: declined))
        if position != nil {
            position![person] = values.count - 1
        } else if values.count > 32 {
            position = Dictionary(uniqueKeysWithValues: values.indices.map { (values[$0].person, $0) })
        }
    }

    mutating func removeAll() {
        values.removeAll(keepingCapacity: true)
        position = nil
    }
}
