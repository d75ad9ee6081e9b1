import EarshotModel
import EarshotIngest

/// How an address or display name was classified (DESIGN.md "Terms every metric uses").
public enum ParticipantClass: Sendable, Equatable {
    /// A person of the company (index in `people`).
    case person(Int)
    /// An internal address or name that matches nobody in the people sources.
    case unresolvedInternal(String)
    /// A customer: the normalized address (or `account:<id>` when the source names only the account)
    /// and the account it belongs to, when known.
    case customer(String, account: Int?)
    /// An external address that is not a customer (vendors, personal mail, ignored domains).
    case otherExternal(String)
    /// A display name that matches no person and no contact.
    case unresolvedName(String)
}

/// A participant resolved for a candidate: a person, or an interned address (`Directory.addresses`)
/// with its account, or text that matched nobody (counted in the report's unresolved names).
public enum ResolvedParticipant: Sendable, Equatable {
    case person(Int)
    case customer(address: Int, account: Int?)
    case otherExternal(address: Int)
    case unresolved(String)
}

/// People, accounts and contacts with every lookup normalize needs: by e-mail, by alias or CRM id,
/// by display name as Outlook writes it, and by domain.
public final class Directory {
    public private(set) var people: [Person] = []
    public private(set) var accounts: [Account] = []
    public private(set) var contacts: [Contact] = []

    private var personByEmail: [String: Int] = [:]
    private var personByAlias: [String: Int] = [:]
    private var personByName: [String: Int] = [:]
    private var ambiguousNames: Set<String> = []
    private var accountByDomain: [String: Int] = [:]
    private var accountById: [String: Int] = [:]
    private var accountByName: [String: Int] = [:]
    private var contactByEmail: [String: Int] = [:]
    private var contactById: [String: Int] = [:]
    private var contactByName: [String: Int] = [:]

    public let companyDomains: Set<String>
    public let ignoreDomains: Set<String>
    /// True when an accounts or contacts source was configured: customers must then belong to an account.
    public var hasAccountsSource = false { didSet { invalidateCaches() } }

    /// Interned customer and external addresses: candidates keep 8-byte ids, not strings.
    private var addressIds: [String: Int] = [:]
    public private(set) var addresses: [String] = []

    public func addressId(_ address: String) -> Int {
        if let id = addressIds[address] { return id }
        addresses.append(address)
        addressIds[address] = addresses.count - 1
        return addresses.count - 1
    }

    /// Manager references as the org-chart source wrote them, resolved once every person is known.
    struct ManagerRef { var person: Int; var id: String; var email: String; var name: String }
    var managerRefs: [ManagerRef] = []

    public init(companyDomains: [String], ignoreDomains: [String]) {
        self.companyDomains = Set(companyDomains)
        self.ignoreDomains = Set(ignoreDomains)
    }

    /// A directory with the same people, accounts, contacts and interned addresses, for one thread of a
    /// file read in parts: lookups share this one's tables (copied on write), while its caches and the
    /// addresses it interns are its own. The addresses it adds are `addresses[addresses.count...]` of
    /// this directory at the time of the copy; `Normalizer` interns them here in order afterwards.
    public func snapshot() -> Directory { Directory(copying: self) }

    private init(copying other: Directory) {
        self.companyDomains = other.companyDomains
        self.ignoreDomains = other.ignoreDomains
        people = other.people
        accounts = other.accounts
        contacts = other.contacts
        personByEmail = other.personByEmail
        personByAlias = other.personByAlias
        personByName = other.personByName
        ambiguousNames = other.ambiguousNames
        accountByDomain = other.accountByDomain
        accountById = other.accountById
        accountByName = other.accountByName
        contactByEmail = other.contactByEmail
        contactById = other.contactById
        contactByName = other.contactByName
        hasAccountsSource = other.hasAccountsSource
        addressIds = other.addressIds
        addresses = other.addresses
        managerRefs = other.managerRefs
        classifyCache = other.classifyCache
        resolvedCache = other.resolvedCache
        personCache = other.personCache
        addressClasses = other.addressClasses
    }

    /// The Salesforce "empty id" sentinel and blank values read as nil.
    public static func cleanId(_ text: String) -> String? {
        let t = text.trimmingSpaces()
        if t.isEmpty || t == "000000000000000AAA" || t == "000000000000000" { return nil }
        return t
    }

    /// `Okafor, Ben` and `Ben Okafor` both become `ben okafor`; quotes and an `<address>` part are dropped.
    public static func nameKey(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? asciiNameKey(Array(text.utf8)) : characterNameKey(text)
    }

    /// `nameKey`'s rules on ASCII, where every byte is a Character (CR LF aside, which no rule splits or
    /// drops): the same key without walking Characters (people sources: ~5,000 instructions a name).
    static func asciiNameKey(_ text: [UInt8]) -> String {
        var b = text
        if let lt = b.firstIndex(of: 0x3C) { b.removeSubrange(lt...) }
        b.removeAll { $0 == 0x22 }
        func trimmed(_ part: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            var part = part
            while let f = part.first, f == 0x20 || f == 0x09 { part = part.dropFirst() }
            while let l = part.last, l == 0x20 || l == 0x09 { part = part.dropLast() }
            return part
        }
        if let comma = b.firstIndex(of: 0x2C) {
            let last = trimmed(b[..<comma]), first = trimmed(b[(comma + 1)...])
            if !last.isEmpty, !first.isEmpty { b = Array(first) + [0x20] + Array(last) }
        }
        // Lower-cased; runs of spaces and tabs become one space, none at either end.
        var key: [UInt8] = []
        key.reserveCapacity(b.count)
        var space = false
        for c in b {
            if c == 0x20 || c == 0x09 {
                space = !key.isEmpty
                continue
            }
            if space { key.append(0x20) }
            space = false
            key.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
        }
        return String(validating: key, as: UTF8.self) ?? ""
    }

    /// `nameKey` by Characters, for text that is not ASCII.
    static func characterNameKey(_ text: String) -> String {
        var s = text
        if let lt = s.firstIndex(of: "<") { s = String(s[..<lt]) }
        if s.utf8.contains(0x22) { s.removeAll { $0 == "\"" } }
        // A display name, not CSV: Outlook's "Last, First" form becomes "First Last".
        if let comma = s.firstIndex(of: ",") {
            let last = s[..<comma].trimmingSpaces(), first = s[s.index(after: comma)...].trimmingSpaces()
            if !last.isEmpty, !first.isEmpty { s = "\(first) \(last)" }
        }
        return s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    // MARK: People

    public func person(email: String) -> Int? {
        EmailAddress(email).flatMap { personByEmail[$0.normalized] }
    }

    public func person(alias: String) -> Int? { personByAlias[alias.lowercased()] }

    public func person(name: String) -> Int? {
        let key = Self.nameKey(name)
        return ambiguousNames.contains(key) ? nil : personByName[key]
    }

    /// A person by e-mail, id/alias, or display name, in that order.
    public func person(reference text: String) -> Int? {
        let key = Substring(text).utf8, hash = ByteKeyedTable<Int?>.hash(key)
        if let cached = personCache.value(for: key, hash: hash) { return cached }
        let result = personUncached(reference: text)
        personCache.insert(key, hash: hash, value: result)
        return result
    }

    /// `person(reference:)` for a field's bytes where a record holds them (well-formed UTF-8), given
    /// their `UTF8Bytes.hash` (from `prefetchPerson`).
    func person(field: ASCIIField, hash: UInt64) -> Int? {
        if let cached = personCache.value(forBytes: field.bytes, range: field.range, hash: hash) { return cached }
        return person(reference: field.string)
    }

    /// Starts loading what `person(field:hash:)` reads first, so that other work overlaps the wait
    /// for memory; returns the hash to look the field up with.
    func prefetchPerson(field: ASCIIField) -> UInt64 {
        let hash = UTF8Bytes.hash(field.bytes, field.range)
        personCache.prefetch(hash: hash)
        return hash
    }

    private func personUncached(reference text: String) -> Int? {
        let t = text.trimmingSpaces()
        guard !t.isEmpty else { return nil }
        if let p = person(email: t) { return p }
        if let p = person(alias: t) { return p }
        if let lt = t.firstIndex(of: "<"), let gt = t.lastIndex(of: ">"), lt < gt,
           let p = person(email: String(t[t.index(after: lt)..<gt])) { return p }
        return person(name: t)
    }

    /// Adds a person, or merges into the one with the same e-mail. Returns the index and whether it was new.
    @discardableResult
    public func upsertPerson(id: String, email: EmailAddress, name: String) -> (Int, Bool) {
        invalidateCaches()
        if let existing = personByEmail[email.normalized] {
            if !id.isEmpty { addAlias(id, to: existing) }
            if people[existing].name.isEmpty { people[existing].name = name }
            return (existing, false)
        }
        let index = people.count
        people.append(Person(index: index, id: id, email: email, name: name))
        personByEmail[email.normalized] = index
        if !id.isEmpty { addAlias(id, to: index) }
        let key = Self.nameKey(name)
        if !key.isEmpty {
            if personByName[key] != nil { ambiguousNames.insert(key) } else { personByName[key] = index }
        }
        return (index, true)
    }

    public func addAlias(_ alias: String, to person: Int) {
        invalidateCaches()
        let key = alias.lowercased()
        guard !key.isEmpty else { return }
        if personByAlias[key] == nil { personByAlias[key] = person }
        if !people[person].aliases.contains(alias), people[person].id != alias { people[person].aliases.append(alias) }
    }

    public func update(_ person: Int, _ change: (inout Person) -> Void) { change(&people[person]) }

    // MARK: Accounts and contacts

    @discardableResult
    public func addAccount(id: String, name: String, domains: [String]) -> Int {
        invalidateCaches()
        if let existing = accountById[id.lowercased()] { return existing }
        let index = accounts.count
        accounts.append(Account(index: index, id: id, name: name, domains: domains))
        accountById[id.lowercased()] = index
        let nameKey = name.lowercased().trimmingSpaces()
        if !nameKey.isEmpty, accountByName[nameKey] == nil { accountByName[nameKey] = index }
        for d in domains where accountByDomain[d] == nil { accountByDomain[d] = index }
        return index
    }

    public func account(id: String) -> Int? { accountById[id.lowercased()] }
    public func account(name: String) -> Int? { accountByName[name.lowercased().trimmingSpaces()] }
    public func account(domain: String) -> Int? { DomainName.normalize(domain).flatMap { accountByDomain[$0] } }
    /// An account by id, then by name, then by domain.
    public func account(reference: String) -> Int? {
        account(id: reference) ?? account(name: reference) ?? account(domain: reference)
    }

    public func addContact(id: String, email: EmailAddress?, name: String, account: Int?) {
        invalidateCaches()
        let index = contacts.count
        contacts.append(Contact(id: id, email: email, name: name, account: account))
        if let email, contactByEmail[email.normalized] == nil { contactByEmail[email.normalized] = index }
        if !id.isEmpty, contactById[id.lowercased()] == nil { contactById[id.lowercased()] = index }
        let key = Self.nameKey(name)
        if !key.isEmpty, contactByName[key] == nil { contactByName[key] = index }
    }

    public func contact(id: String) -> Contact? { contactById[id.lowercased()].map { contacts[$0] } }

    // MARK: Classification

    /// Classifies an e-mail address.
    public func classify(address: EmailAddress) -> ParticipantClass {
        if let known = addressClasses[address.normalized] { return known }
        let c = classifyUncached(address: address)
        addressClasses[address.normalized] = c
        return c
    }

    /// `classify(address:)` by normalized address: CRM rows name the same contacts' addresses again and
    /// again, and the domain rules cost thousands of instructions each time. Cleared with the other caches.
    private var addressClasses: [String: ParticipantClass] = [:]

    private func classifyUncached(address: EmailAddress) -> ParticipantClass {
        let domain = String(address.domain)
        if companyDomains.contains(domain) || companyDomains.contains(where: { domain.hasSuffix("." + $0) }) {
            if let p = personByEmail[address.normalized] { return .person(p) }
            return .unresolvedInternal(address.normalized)
        }
        if let p = personByEmail[address.normalized] { return .person(p) } // an employee's other address
        if ignoreDomains.contains(domain) { return .otherExternal(address.normalized) }
        if let c = contactByEmail[address.normalized] { return .customer(address.normalized, account: contacts[c].account) }
        // The domain itself, then each parent (`eu.bluefin.example` → `bluefin.example`): a few hash
        // lookups instead of a scan over every account's domains.
        var candidate = Substring(domain)
        while candidate.contains(".") {
            if let a = accountByDomain[String(candidate)] { return .customer(address.normalized, account: a) }
            candidate = candidate[candidate.index(after: candidate.firstIndex(of: ".")!)...]
        }
        return hasAccountsSource ? .otherExternal(address.normalized) : .customer(address.normalized, account: nil)
    }

    /// Classifications by the exact text a source wrote: attendee lists repeat the same names and
    /// addresses on every row, so each distinct text is parsed once. Keyed by the text's bytes (no
    /// String hashing per lookup); cleared when the directory changes.
    private var classifyCache = ByteKeyedTable<ParticipantClass?>()
    private var resolvedCache = ByteKeyedTable<ResolvedParticipant?>()
    private var personCache = ByteKeyedTable<Int?>()

    /// Recently met attendee lists, whole, and what each piece resolved to: the copies of one meeting
    /// (and a recurring meeting's occurrences) repeat the same list, which is then hashed once instead
    /// of split, trimmed and looked up piece by piece. Direct-mapped by the list's hash, so it stays
    /// small however many lists a file holds.
    private var listCache = [CachedList?](repeating: nil, count: Directory.listCacheSlots)
    static let listCacheSlots = 512
    /// False only while `listCache` is known to be empty (set where a list is stored).
    private var listCacheMayHoldLists = false

    /// One attendee list as a source wrote it and its participants in order (`forEachParticipant`).
    private struct CachedList {
        var hash: UInt64
        var spaceSeparated: Bool
        var text: [UInt8]
        var participants: [ResolvedParticipant]
    }

    /// Empties the caches only calendar and CRM participants fill (attendee lists, classifications,
    /// resolutions): called once those files are read, so the duplicate rule's peak does not carry
    /// them. They are caches: anything looked up again is computed again, the same.
    public func releaseParticipantCaches() {
        listCache = [CachedList?](repeating: nil, count: Self.listCacheSlots)
        listCacheMayHoldLists = false
        classifyCache = ByteKeyedTable()
        resolvedCache = ByteKeyedTable()
        addressClasses = [:]
    }

    private func invalidateCaches() {
        // Called for every person, alias, account and contact added: the list cache is only scanned
        // when a list may have been stored since it was last emptied.
        if listCacheMayHoldLists {
            listCache = [CachedList?](repeating: nil, count: Self.listCacheSlots)
            listCacheMayHoldLists = false
        }
        if classifyCache.count > 0 { classifyCache = ByteKeyedTable() }
        if resolvedCache.count > 0 { resolvedCache = ByteKeyedTable() }
        if personCache.count > 0 { personCache = ByteKeyedTable() }
        if !addressClasses.isEmpty { addressClasses = [:] }
    }

    /// Classifies what a calendar writes for a participant: an address, `Name <address>`, or a display name.
    public func classify(reference text: String) -> ParticipantClass? {
        let key = Substring(text).utf8, hash = ByteKeyedTable<ParticipantClass?>.hash(key)
        if let cached = classifyCache.value(for: key, hash: hash) { return cached }
        let result = classifyUncached(reference: text)
        classifyCache.insert(key, hash: hash, value: result)
        return result
    }

    /// `resolve(reference:)` for a participant's bytes where a record holds them (trimmed, well-formed
    /// UTF-8), given their `UTF8Bytes.hash` (from `prefetchResolve`): a text met before costs no String.
    func resolve(field: ASCIIField, hash: UInt64) -> ResolvedParticipant? {
        resolve(bytes: field.bytes, range: field.range, hash: hash)
    }

    /// `resolve(field:hash:)` of `bytes[range]` (an attendee list's piece: no field value made for it).
    private func resolve(bytes: [UInt8], range: Range<Int>, hash: UInt64) -> ResolvedParticipant? {
        if let cached = resolvedCache.value(forBytes: bytes, range: range, hash: hash) { return cached }
        return resolve(reference: Substring(UTF8Bytes.string(bytes[range]) ?? ""))
    }

    /// Starts loading what `resolve(field:hash:)` reads first; returns the hash to look the field up with.
    func prefetchResolve(field: ASCIIField) -> UInt64 {
        prefetchResolve(bytes: field.bytes, range: field.range)
    }

    private func prefetchResolve(bytes: [UInt8], range: Range<Int>) -> UInt64 {
        let hash = UTF8Bytes.hash(bytes, range)
        resolvedCache.prefetch(hash: hash)
        return hash
    }

    /// `classify(reference:)` ready for a candidate: a customer's or other external address is interned
    /// (`addressId`) when its text is first met, as `Candidate.add` would intern it.
    public func resolve(reference text: Substring) -> ResolvedParticipant? {
        let key = text.utf8, hash = ByteKeyedTable<ResolvedParticipant?>.hash(key)
        if let cached = resolvedCache.value(for: key, hash: hash) { return cached }
        let result: ResolvedParticipant?
        switch classifyUncached(reference: String(text)) {
        case nil: result = nil
        case let .person(p): result = .person(p)
        case let .customer(address, account): result = .customer(address: addressId(address), account: account)
        case let .otherExternal(address): result = .otherExternal(address: addressId(address))
        case let .unresolvedInternal(t), let .unresolvedName(t): result = .unresolved(t)
        }
        resolvedCache.insert(key, hash: hash, value: result)
        return result
    }

    /// Resolves each participant of an attendee list, in order: split at `;` and line ends, each
    /// trimmed of spaces, tabs and no-break spaces, empty ones skipped (`CalendarRowReader.splitAttendees`);
    /// or, for GAM's `attendeesList`, split at spaces. Read on the UTF-8 bytes where they lie; a piece
    /// with a non-ASCII byte at an edge is trimmed as Characters, as `trimmingSpaces` does.
    /// A list met recently is replayed from `listCache`: resolving the same text again gives the same
    /// participants (resolution is cached by text, and addresses are interned on first sight).
    public func forEachParticipant(inList text: String, spaceSeparated: Bool, _ body: (ResolvedParticipant) -> Void) {
        guard !text.isEmpty else { return }
        let key = Substring(text).utf8
        let hash = UTF8Bytes.hash(key)
        if let participants = cachedList(hash: hash, spaceSeparated: spaceSeparated, matches: { UTF8Bytes.equal($0, key) }) {
            for r in participants { body(r) }
            return
        }
        var participants: [ResolvedParticipant] = []
        forEachParticipantUncached(inList: text, spaceSeparated: spaceSeparated) { participants.append($0) }
        for r in participants { body(r) }
        listCacheMayHoldLists = true
        listCache[Self.listSlot(hash)] = CachedList(hash: hash, spaceSeparated: spaceSeparated, text: Array(text.utf8),
                                                    participants: participants)
    }

    /// `forEachParticipant(inList:spaceSeparated: false, _:)` for an ASCII list's bytes where a record
    /// holds them (trimmed of spaces and tabs): no String unless a participant is met for the first time.
    /// On ASCII, the String path's rules are these byte rules: split at `;`, LF and CR, each piece
    /// trimmed of spaces and tabs, empty pieces skipped, each looked up by its bytes.
    func forEachParticipant(inASCIIList list: ASCIIField, _ body: (ResolvedParticipant) -> Void) {
        guard !list.isEmpty else { return }
        let bytes = list.bytes, range = list.range
        let hash = UTF8Bytes.hash(bytes, range)
        if let participants = cachedList(hash: hash, spaceSeparated: false, matches: { UTF8Bytes.equal($0, bytes, range) }) {
            for r in participants { body(r) }
            return
        }
        // The pieces first, each one's slot prefetched, then each resolved: their waits for memory
        // overlap instead of following one another. The pieces' buffer is reused from list to list.
        var pieces = spareListPieces
        spareListPieces = []
        pieces.removeAll(keepingCapacity: true)
        func piece(_ a: Int, _ b: Int) {
            var a = a, b = b
            while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
            while a < b, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
            if a < b { pieces.append(ListPiece(range: a..<b, hash: prefetchResolve(bytes: bytes, range: a..<b))) }
        }
        var start = range.lowerBound
        for i in range where bytes[i] == 0x3B || bytes[i] == 0x0A || bytes[i] == 0x0D {
            piece(start, i)
            start = i + 1
        }
        piece(start, range.upperBound)
        // The slot's entry is taken out and refilled in place: its arrays keep their room (no
        // allocation per list met; nothing the loop calls touches the list cache).
        let slot = Self.listSlot(hash)
        var entry = listCache[slot] ?? CachedList(hash: hash, spaceSeparated: false, text: [], participants: [])
        listCache[slot] = nil
        entry.hash = hash
        entry.spaceSeparated = false
        entry.text.removeAll(keepingCapacity: true)
        entry.text.append(contentsOf: bytes[range])
        entry.participants.removeAll(keepingCapacity: true)
        for p in pieces {
            if let r = resolve(bytes: bytes, range: p.range, hash: p.hash) { entry.participants.append(r) }
        }
        spareListPieces = pieces
        for r in entry.participants { body(r) }
        listCacheMayHoldLists = true
        listCache[slot] = entry
    }

    /// `forEachParticipant(inASCIIList:_:)`'s pieces buffer between calls.
    private var spareListPieces: [ListPiece] = []

    /// One participant's place in an attendee list and its hash.
    private struct ListPiece {
        var range: Range<Int>
        var hash: UInt64
    }

    private static func listSlot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 40) & (listCacheSlots - 1) }

    private func cachedList(hash: UInt64, spaceSeparated: Bool, matches: (ArraySlice<UInt8>) -> Bool) -> [ResolvedParticipant]? {
        guard let cached = listCache[Self.listSlot(hash)], cached.hash == hash, cached.spaceSeparated == spaceSeparated,
              matches(cached.text[...]) else { return nil }
        return cached.participants
    }

    private func forEachParticipantUncached(inList text: String, spaceSeparated: Bool, _ body: (ResolvedParticipant) -> Void) {
        if spaceSeparated {
            // `split(separator: " ")` splits at Characters: on ASCII text that is every 0x20 byte.
            guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
                for part in text.split(separator: " ") { if let r = resolve(reference: part) { body(r) } }
                return
            }
            for part in Substring(text).utf8.split(separator: 0x20) { if let r = resolve(reference: Substring(part)) { body(r) } }
            return
        }
        let u = text.utf8
        func piece(_ range: Range<String.Index>) {
            var a = range.lowerBound, b = range.upperBound
            while a < b, u[a] == 0x20 || u[a] == 0x09 { a = u.index(after: a) }
            while a < b, u[u.index(before: b)] == 0x20 || u[u.index(before: b)] == 0x09 { b = u.index(before: b) }
            guard a < b else { return }
            let part: Substring
            if u[a] < 0x80 && u[u.index(before: b)] < 0x80 { part = Substring(u[a..<b]) } else {
                part = Substring(u[range]).trimmingSpaces()
                guard !part.isEmpty else { return }
            }
            if let r = resolve(reference: part) { body(r) }
        }
        var start = u.startIndex
        var i = start
        while i != u.endIndex {
            let c = u[i]
            if c == 0x3B || c == 0x0A || c == 0x0D {
                piece(start..<i)
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        piece(start..<u.endIndex)
    }

    private func classifyUncached(reference text: String) -> ParticipantClass? {
        let t = text.trimmingSpaces().trimmingCharacters(in: "'\"")
        guard !t.isEmpty else { return nil }
        if let lt = t.firstIndex(of: "<"), let gt = t.lastIndex(of: ">"), lt < gt,
           let address = EmailAddress(t[t.index(after: lt)..<gt]) {
            return classify(address: address)
        }
        if let address = EmailAddress(t) { return classify(address: address) }
        if let p = person(name: t) { return .person(p) }
        if let p = person(alias: t) { return .person(p) }
        if let c = contactByName[Self.nameKey(t)] {
            let contact = contacts[c]
            if let email = contact.email { return classify(address: email) }
            return .customer("contact:\(contact.id.lowercased())", account: contact.account)
        }
        return .unresolvedName(t)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
