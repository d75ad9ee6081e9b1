import EarshotModel
import Testing
import TestSupport
@testable import EarshotNormalize

/// The compact candidate store must give back exactly what was put in: chunk boundaries, packed
/// members and the rare columns kept apart are where a compact layout can lose something.
@Suite("candidate store")
struct CandidateStoreTests {
    @Test("a chunked column reads back every value across chunk boundaries, and writes in place")
    func chunkedColumn() {
        var column = ChunkedColumn<Int32>()
        let n = 3 * ChunkedColumn<Int32>.chunkSize + 17 // three full chunks and a partial fourth
        for i in 0..<n { column.append(Int32(i) &* 7) }
        #expect(column.count == n)
        #expect((0..<n).allSatisfy { column[$0] == Int32($0) &* 7 })
        column[65_536] = -1 // first value of the second chunk
        #expect(column[65_535] == 65_535 * 7 && column[65_536] == -1 && column[65_537] == 65_537 * 7)
    }

    /// Bulk appends (a part's columns copied a chunk at a time) must equal value-by-value appends,
    /// batches ending anywhere: empty, one value, a chunk less one, a chunk, more than a chunk.
    @Test("a chunked column appended in batches holds what one-by-one appends hold")
    func chunkedColumnBatches() {
        let size = ChunkedColumn<Int32>.chunkSize
        var bulk = ChunkedColumn<Int32>(), single = ChunkedColumn<Int32>()
        var next: Int32 = 0
        for batch in [0, 1, size - 1, size, 3, size + 5, 0, 2 * size + 1] {
            let values = (0..<batch).map { _ in next &+= 3; return next }
            bulk.append(contentsOf: values)
            for v in values { single.append(v) }
        }
        #expect(bulk.count == single.count)
        #expect((0..<bulk.count).allSatisfy { bulk[$0] == single[$0] })
        #expect(bulk.chunk(1).first == single[size])
    }

    @Test("runs never straddle a chunk: a run that does not fit starts the next chunk")
    func chunkedRuns() {
        var runs = ChunkedRuns<UInt32>()
        let first = runs.append((0..<65_530).map(UInt32.init))     // leaves 6 free in chunk 0
        let second = runs.append([1, 2, 3, 4, 5, 6, 7, 8] as [UInt32]) // 8 > 6: goes to chunk 1, offset 0
        let third = runs.append([9] as [UInt32])                   // chunk 1, offset 8
        #expect(first == 0 && second == 1 << 16 && third == 1 << 16 | 8)
        #expect(Array(runs.run(at: second, count: 8)) == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(Array(runs.run(at: third, count: 1)) == [9])
        #expect(runs.run(at: first, count: 65_530).last == 65_529)
    }

    @Test("a part's store appended across chunk boundaries: lines moved, externals remapped, side columns kept")
    func appendPart() {
        let d = Directory(companyDomains: ["acme.example"], ignoreDomains: [])
        var unresolved: [String: Int] = [:]
        func candidate(_ i: Int) -> Candidate {
            var c = Candidate(fileOrder: 0, line: i + 2, sourceKind: .calendar,
                              kind: i % 5 == 0 ? .visit : .meeting, start: 1_767_225_600 + Int64(i) * 60, end: 1_767_225_600 + Int64(i) * 60 + 1_800,
                              visitDates: i % 5 == 0 ? 20_454...20_455 : nil, uid: UInt64(i + 1), organizer: i % 3,
                              subject: i % 7 == 0 ? "all hands \(i)" : "", inPerson: nil, free: false)
            c.add(.person(i % 11), in: d, unresolved: &unresolved)
            c.add(.customer("c\(i % 13)@bluefin.example", account: nil), in: d, unresolved: &unresolved)
            return c
        }
        var main = CandidateStore(fileNames: ["a.csv"])
        main.append(candidate(0))
        var part = CandidateStore(fileNames: ["a.csv"])
        let n = 2 * ChunkedColumn<Int32>.chunkSize + 5 // the copy releases two full chunks of the part on the way
        for i in 0..<n { part.append(candidate(i)) }
        // Address id k of the part becomes 1000 + k here; persons and accounts are not addresses.
        main.append(contentsOf: &part, lineOffset: 100) { m in
            CandidateStore.isExternal(m) ? m & 0xE000_0000 | (1_000 + m & 0x1FFF_FFFF) : m
        }
        #expect(part.count == 0)
        #expect(main.count == n + 1)
        for i in [0, 1, 65_535, 65_536, 131_072, n - 1] {
            let back = main[i + 1], want = candidate(i)
            #expect(back.line == i + 2 + 100)
            #expect(back.start == want.start && back.end == want.end && back.uid == want.uid && back.organizer == want.organizer)
            #expect(back.visitDates == want.visitDates && back.subject == want.subject && back.kind == want.kind)
            #expect(back.people == want.people)
            #expect(back.customers == want.customers.map { 1_000 + $0 })
        }
    }

    /// The part's starts are kept from the main store's base (here 90 years earlier: none fits 32 bits,
    /// all go to the far starts), a long duration keeps its row, member addresses move by the chunks
    /// before the part's, and a row appended after the part reads back whole (its members go on in the
    /// part's last chunk).
    @Test("a part appended to a store with another base, then a row after it")
    func appendPartFarBase() {
        let d = Directory(companyDomains: ["acme.example"], ignoreDomains: [])
        var unresolved: [String: Int] = [:]
        func candidate(_ i: Int, start: Int64, length: Int64 = 1_800) -> Candidate {
            var c = Candidate(fileOrder: 0, line: i + 2, sourceKind: .calendar,
                              kind: .meeting, start: start, end: start + length, visitDates: nil, uid: nil, organizer: nil,
                              subject: "", inPerson: nil, free: false)
            for k in 0..<(i % 9) { c.add(.person(i + k), in: d, unresolved: &unresolved) }
            return c
        }
        let early: Int64 = -1_000_000_000, later: Int64 = 1_767_225_600
        var main = CandidateStore(fileNames: ["a.csv"])
        for i in 0..<70_000 { main.append(candidate(i, start: early)) }  // members fill more than one chunk
        var part = CandidateStore(fileNames: ["a.csv"])
        for i in 0..<1_000 { part.append(candidate(i, start: later + Int64(i), length: i == 500 ? 5_000_000_000 : 1_800)) }
        main.append(contentsOf: &part, lineOffset: 0) { $0 }
        main.append(candidate(7, start: later))
        #expect(main.count == 71_001)
        for i in [0, 1, 499, 500, 999] {
            let back = main[70_000 + i], want = candidate(i, start: later + Int64(i), length: i == 500 ? 5_000_000_000 : 1_800)
            #expect(back.start == want.start && back.end == want.end)
            #expect(back.people == want.people)
        }
        let last = main[71_000], want = candidate(7, start: later)
        #expect(last.start == want.start && last.end == want.end && last.people == want.people)
        #expect(main[69_999].people == candidate(69_999, start: early).people && main[0].start == early)
    }

    @Test("a candidate with every optional part set survives the round trip")
    func roundTrip() {
        let d = Directory(companyDomains: ["acme.example"], ignoreDomains: [])
        var unresolved: [String: Int] = [:]
        var c = Candidate(fileOrder: 1, line: 42, sourceKind: .crm,
                          kind: .visit, start: 1_767_225_600, end: 1_767_312_000, visitDates: 20_454...20_455,
                          uid: 0xFFFF_0000_1234_5678, organizer: 3, subject: "All hands", inPerson: true, free: true)
        c.crmId = 99
        c.add(.person(3), in: d, unresolved: &unresolved)
        c.add(.person(536_870_911), declined: true, in: d, unresolved: &unresolved) // the largest id a member keeps (2^29 - 1)
        c.add(.otherExternal("x@other.example"), in: d, unresolved: &unresolved)
        c.addAccount(7)
        var plain = Candidate(fileOrder: 0, line: 2, sourceKind: .calendar,
                              kind: .meeting, start: 0, end: 60, visitDates: nil, uid: nil, organizer: nil, subject: "",
                              inPerson: false, free: false)
        plain.add(.person(1), in: d, unresolved: &unresolved)

        var store = CandidateStore(fileNames: ["a.csv", "b.csv"])
        store.append(plain)
        store.append(c)
        let back = store[1], plainBack = store[0]
        #expect(store.locationOf(1).file == "b.csv" && back.line == 42 && back.fileOrder == 1)
        #expect(back.sourceKind == .crm && back.kind == .visit && back.free && back.inPerson == true)
        #expect(back.start == c.start && back.end == c.end && back.visitDates == 20_454...20_455)
        #expect(back.uid == c.uid && back.organizer == 3 && back.crmId == 99 && back.subject == "All hands")
        #expect(back.people == c.people && back.otherExternal == c.otherExternal && back.accounts == [7])
        #expect(plainBack.inPerson == false && plainBack.visitDates == nil && plainBack.uid == nil && plainBack.crmId == nil)
        #expect(plainBack.people == [InternalParticipant(person: 1, declined: false)] && plainBack.subject.isEmpty)
        #expect(store.readOrder() == nil) // stored in (file, line) order already

        // Starts are kept as 32-bit offsets from the first row's start (0 here) and durations in 32 bits;
        // a start 3e9 seconds before it and a duration of 8e9 seconds (about 254 years) go to the rare columns.
        var long = plain
        long.line = 50
        long.fileOrder = 1
        long.start = -3_000_000_000
        long.end = 5_000_000_000
        store.append(long)
        #expect(store[2].start == -3_000_000_000 && store[2].end == 5_000_000_000)
        #expect(store.startOf(1) == 1_767_225_600 && store.startOf(0) == 0)
        #expect(store.endOf(1) == c.end && store.endOf(0) == 60)
    }
}

/// The duplicate rule sorts rows by 32 bits of a key (the uid hash's high half, the start minute's low
/// half) and must then match on the whole value: rows that share only those 32 bits stay apart.
@Suite("duplicate rule on packed keys")
struct PackedKeyDedupTests {
    /// Runs the duplicate rule over 30-minute rows of one file (lines 2, 3, …), each with the given
    /// start, uid and person, and customer x@client.example so that every row counts.
    static func dedup(_ rows: [(start: Int64, uid: UInt64?, person: Int)]) throws -> CanonicalModel {
        let d = Directory(companyDomains: ["acme.example"], ignoreDomains: [])
        var unresolved: [String: Int] = [:]
        var ledger = Ledger()
        ledger.open("a.csv")
        var store = CandidateStore(fileNames: ["a.csv"])
        for (line, row) in rows.enumerated() {
            var c = Candidate(fileOrder: 0, line: line + 2, sourceKind: .calendar,
                              kind: .meeting, start: row.start, end: row.start + 1_800, visitDates: nil, uid: row.uid, organizer: nil,
                              subject: "", inPerson: nil, free: false)
            c.add(.person(row.person), in: d, unresolved: &unresolved)
            c.add(.customer("x@client.example", account: nil), in: d, unresolved: &unresolved)
            store.append(c)
            ledger.countRead("a.csv")
            ledger.accept("a.csv")
        }
        var config = EarshotConfig()
        config.metrics.broadcastThreshold = 25
        let period = try #require(Period(from: CivilDate(dayNumber: 0), to: CivilDate(dayNumber: 3_000_000), zone: .utc))
        var dedup = Deduplicator(candidates: store, config: config, period: period, addresses: d.addresses)
        var model = CanonicalModel()
        dedup.run(ledger: &ledger, model: &model)
        return model
    }

    @Test("uids equal in their high 32 bits, and starts 2^32 minutes apart, do not merge; a real uid match does")
    func partialKeysDoNotMerge() throws {
        let farApart: Int64 = (1 << 32) * 60 // seconds in 2^32 minutes
        let model = try Self.dedup([
            (0, 0x1111_2222_0000_0001, 1),          // 1: a
            (7_200, 0x1111_2222_0000_0002, 2),      // 2: same high half as row 1, nothing else shared
            (14_400, 0x1111_2222_0000_0001, 3),     // 3: row 1's uid at another time: merges with row 1
            (86_400, nil, 4),                       // 4
            (86_400 + farApart, nil, 4),            // 5: same low 32 bits of the start minute as row 4, same person
        ])
        // Expected by hand: {1, 3} merge on the uid; 2, 4 and 5 stay alone: four interactions, one merged row.
        #expect(model.interactions.map(\.rowCount) == [2, 1, 1, 1])
        #expect(model.interactions.map(\.source.line) == [2, 3, 5, 6])
    }

    @Test("a run of 20 distinct uids sharing their high 32 bits: each merges with its own copy only")
    func manyUIDsInOneRun() throws {
        // Row i (0..<40) carries uid low half i % 20, a person of its own and a start hours from every
        // other row's, so only the uid can merge rows: i with i + 20 (more than the 16 uids a run
        // matches by scanning before it switches to a dictionary).
        let rows: [(start: Int64, uid: UInt64?, person: Int)] = (0..<40).map { (i: Int) -> (start: Int64, uid: UInt64?, person: Int) in
            (start: Int64(i) * 7_200, uid: 0xABCD_0000_0000_0000 | UInt64(i % 20), person: 100 + i)
        }
        let model = try Self.dedup(rows)
        #expect(model.interactions.count == 20)
        #expect(model.interactions.allSatisfy { $0.rowCount == 2 })
        #expect(model.interactions.map(\.source.line) == Array(2...21))
        #expect(model.interactions.map { $0.internalParticipants.map(\.person) } == (0..<20).map { [100 + $0, 120 + $0] })
    }
}

/// The duplicate rule's slot table against a Dictionary doing the same job: random slots with many
/// repeats, over several runs (generations) and through growth past the size each run announced.
@Suite("duplicate rule's slot table")
struct SlotTableTests {
    @Test("first rank per (start, end, member), as a Dictionary keeps it, across runs and growth")
    func matchesDictionary() {
        struct Key: Hashable { let s: Int64, e: Int64, m: Int64 }
        var table = Deduplicator.SlotTable()
        var state: UInt64 = 7
        func next() -> UInt64 { state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return state >> 33 }
        for run in 0..<6 {
            var reference: [Key: Int] = [:]
            // Announce fewer slots than arrive (run 0 announces 1), so the table must grow mid-run.
            table.reset(expected: run == 0 ? 1 : 50)
            for rank in 0..<3_000 {
                let key = Key(s: Int64(next() % 4), e: Int64(next() % 5), m: Int64(next() % 40) | (run % 2 == 0 ? 1 << 58 : 2 << 58))
                let got = table.firstRank(start: key.s, end: key.e, member: key.m, newRank: rank)
                #expect(got == reference[key], "run \(run), rank \(rank)")
                if reference[key] == nil { reference[key] = rank }
            }
        }
    }

    /// A cluster's address, account and people sets switch from a plain array to an indexed one past 32
    /// values; both must keep exactly the first occurrence of each value in order (people: declined if
    /// any copy declined). Reference: a Set of values seen and a Dictionary of people, by hand.
    @Test("cluster sets keep first occurrences in order, below and past 32 values", arguments: [5, 32, 33, 300])
    func clusterSets(distinct: Int) {
        var generator = SplitMix(seed: 2027)
        var ints = SmallIntSet(), people = ParticipantSet()
        var seen = Set<Int>(), order: [Int] = [], declined: [Int: Bool] = [:]
        for _ in 0..<(distinct * 6) {
            let v = Int.random(in: 0..<distinct, using: &generator), d = Bool.random(using: &generator)
            ints.insert(v)
            people.insert(v, declined: d)
            if seen.insert(v).inserted { order.append(v) }
            declined[v] = (declined[v] ?? false) || d
        }
        #expect(ints.values == order)
        #expect(ints.count == order.count)
        #expect(people.values.map(\.person) == order)
        #expect(people.values.allSatisfy { declined[$0.person] == $0.declined })
        ints.removeAll()
        people.removeAll()
        ints.insert(7)
        people.insert(7, declined: false)
        #expect(ints.values == [7])
        #expect(people.values == [InternalParticipant(person: 7, declined: false)])
    }

    /// A candidate's member list gains an index past 32 members (an all-hands names the whole company);
    /// it must keep exactly what the plain list kept. Reference: the list rule by hand (one entry per
    /// person, declined if any mention declined; each address and account once; first-seen order).
    @Test("members past 32: same list as the plain rule, declines upgrading in place", arguments: [10, 33, 500])
    func manyMembers(distinct: Int) {
        var generator = SplitMix(seed: 2028)
        var c = Candidate(fileOrder: 0, line: 1, sourceKind: .calendar,
                          kind: .meeting, start: 0, end: 60, visitDates: nil, uid: nil, organizer: nil, subject: "",
                          inPerson: nil, free: false)
        var expected: [Int64] = []
        var unresolved: [String: Int] = [:]
        for _ in 0..<(distinct * 4) {
            let v = Int.random(in: 0..<distinct, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0, 1:
                let declined = Bool.random(using: &generator)
                c.add(.person(v), declined: declined, unresolved: &unresolved)
                let plain = Candidate.Tag.person.bits | Int64(v), down = Candidate.Tag.declinedPerson.bits | Int64(v)
                if let i = expected.firstIndex(where: { $0 == plain || $0 == down }) {
                    if declined { expected[i] = down }
                } else {
                    expected.append(declined ? down : plain)
                }
            case 2:
                c.add(.customer(address: v, account: nil), unresolved: &unresolved)
                let m = Candidate.Tag.customer.bits | Int64(v)
                if !expected.contains(m) { expected.append(m) }
            default:
                c.addAccount(v)
                let m = Candidate.Tag.account.bits | Int64(v)
                if !expected.contains(m) { expected.append(m) }
            }
        }
        #expect(c.members == expected)
        #expect((c.memberPositions != nil) == (expected.count > 32))
    }

    /// The duplicate rule sorts packed ranks (key << 32 | rank, ranks appended in increasing order) by
    /// radix; the expectation is the standard library's `sort()` of the same values.
    @Test("radix sort of packed ranks equals sort(), keys narrow and wide", arguments: [0, 1, 2, 1_000, 100_000])
    func radixSort(count: Int) {
        var generator = SplitMix(seed: 2029)
        for keyBits in [UInt64(3), 20, 32] {
            var packed = (0..<count).map { rank in
                (UInt64.random(in: 0...UInt64.max, using: &generator) >> (64 - keyBits)) << 32 | UInt64(rank)
            }
            let expected = packed.sorted()
            Deduplicator.radixSortByKey(&packed)
            #expect(packed == expected)
        }
    }

    /// The duplicate rule matches runs on several threads, each on its own share of the runs, and joins
    /// the pairs they list afterwards. Expectation: the same rule on one thread. About 6,000 rows: the
    /// copies of 1,500 meetings on 200 start times (long runs, cut between shares), half with a uid.
    @Test("duplicate rule on 1 thread and on 2, 3 and 7 shares in rounds: same interactions and ledger", arguments: [2, 3, 7])
    func dedupShares(threads: Int) {
        var generator = SplitMix(seed: 2030)
        var store = CandidateStore(fileNames: ["a.csv", "b.csv"])
        // 1,500 meetings of 2-6 copies each (one per attendee's calendar), on 200 half-hour slots.
        var rows: [Candidate] = []
        for meeting in 0..<1_500 {
            let start = Int64(1_783_000_000 + 1_800 * Int.random(in: 0..<200, using: &generator))
            let uid: UInt64? = meeting % 2 == 0 ? UInt64(meeting + 1) << 20 : nil
            let people = (0..<Int.random(in: 2...6, using: &generator)).map { _ in Int.random(in: 0..<300, using: &generator) }
            let customer = Int.random(in: 0..<200, using: &generator)
            for _ in people {
                var c = Candidate(fileOrder: 0, line: 0, sourceKind: .calendar,
                                  kind: .meeting, start: start, end: start + 1_800, visitDates: nil, uid: uid, organizer: nil,
                                  subject: "", inPerson: nil, free: false)
                var unresolved: [String: Int] = [:]
                for p in people { c.add(.person(p), unresolved: &unresolved) }
                c.add(.customer(address: customer, account: customer % 40), unresolved: &unresolved)
                rows.append(c)
            }
        }
        rows.shuffle(using: &generator)
        for (i, var c) in rows.enumerated() {
            c.fileOrder = i < rows.count / 2 ? 0 : 1
            c.line = i + 2
            store.append(c)
        }
        let counts = [0, 1].map { f in rows.indices.filter { ($0 < rows.count / 2 ? 0 : 1) == f }.count }
        let addresses = (0..<200).map { "x\($0)@bluefin.example" }
        let period = Period(quarter: "2026-Q3", zone: .utc)!
        func run(_ threads: Int, _ share: Int, _ round: Int) -> (String, [FileLedger]) {
            var ledger = Ledger()
            for (f, n) in zip(store.fileNames, counts) { for _ in 0..<n { ledger.countRead(f); ledger.accept(f) } }
            var model = CanonicalModel()
            var dedup = Deduplicator(candidates: store, config: EarshotConfig(), period: period, addresses: addresses,
                                     threads: threads, minimumShareRows: share, roundRows: round)
            dedup.run(ledger: &ledger, model: &model)
            let text = model.interactions.map { i in
                "\(i.index) \(i.source) \(i.start) \(i.rowCount) \(i.customerAddresses) \(i.internalParticipants.map(\.person)) \(i.accounts)"
            }.joined(separator: "\n")
            return (text + "\nbroadcasts \(model.broadcasts.count) exposures \(model.exposures.count)", ledger.files)
        }
        let one = run(1, 100_000, 1 << 21), many = run(threads, 50, 700)
        #expect(many.0 == one.0)
        #expect(many.1 == one.1)
        // Duplicates were found, so the shares had pairs to join.
        #expect(one.1.contains { $0.merged > 0 })
    }
}
