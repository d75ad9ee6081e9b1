import EarshotIngest
import EarshotModel
import Foundation

/// A problem that stops normalization of a whole file (exit 66 or 78).
public enum NormalizeError: Error, Equatable, CustomStringConvertible, Sendable {
    case calendarOwnerMissing(file: String, preset: String)
    case calendarOwnerUnknown(file: String, owner: String)

    public var description: String {
        switch self {
        case let .calendarOwnerMissing(file, preset):
            return "\(file): a \(preset) export does not say whose calendar it is. Fix: add `owner: \"{stem}@yourcompany.com\"` (or the owner's address) to this source in the config."
        case let .calendarOwnerUnknown(file, owner):
            return "\(file): the calendar's owner \"\(owner)\" is not in any people source. Fix: correct `owner:` in the config, or add the person to the org chart."
        }
    }
}

/// What normalize hands on: the canonical model and the ledger of every input row.
public struct NormalizeResult: Sendable {
    public var model: CanonicalModel
    public var ledger: Ledger
    /// The preset each file was read with (after `auto`), in read order.
    public var presets: [(file: String, preset: String)]
}

/// Turns the configured exports into the canonical model (DESIGN.md stage 2): people first (every
/// people source merged by e-mail; the first people source in config order is the org chart), then
/// accounts and contacts, then calendars and CRM rows, feedback and handoffs. Duplicates across sources
/// are merged (see `Deduplicator`), and each customer-facing interaction becomes one exposure per
/// internal participant.
public final class Normalizer {
    let config: EarshotConfig
    let period: Period
    let companyZone: ZoneRules
    let directory: Directory
    var ledger = Ledger()
    var model = CanonicalModel()
    var candidates = CandidateStore(fileNames: [])
    var unresolved: [String: Int] = [:]
    var presets: [(file: String, preset: String)] = []
    var orgChartSource: Int?
    var managerRefs: [Directory.ManagerRef] = []
    var feedbackIndex: [String: Int] = [:]
    var ignoredItems: Set<String> = []
    var zoneCache: [String: ZoneRules] = [:]
    var relations: [EventRelation] = []
    /// Salesforce roles: id → (name, parent id); people's role ids.
    var roles: [String: (name: String, parent: String?)] = [:]
    var personRole: [Int: String] = [:]
    /// Called after each file with its name, rows read and the parts it was read in (for the progress line).
    public var onFileDone: ((_ file: String, _ rows: Int, _ parts: Int) -> Void)?
    /// Called when a phase ends (reading the files, the duplicate rule), for `EARSHOT_TIMINGS`.
    public var onPhaseDone: ((String) -> Void)?
    /// Called when a step of the duplicate rule ends, with its name and seconds, for `EARSHOT_TIMINGS`
    /// (from the rule's own thread).
    public var onStepDone: ((String, Double) -> Void)?

    public init(config: EarshotConfig, period: Period) {
        self.config = config
        self.period = period
        self.companyZone = period.zone
        self.directory = Directory(companyDomains: config.companyDomains, ignoreDomains: config.metrics.ignoreDomains)
    }

    /// Reads every file, in the order people → accounts → contacts → calendar/CRM → feedback → handoffs.
    public func run(files: [SourceFile]) throws -> NormalizeResult {
        let order: [SourceKind] = [.people, .accounts, .contacts, .calendar, .crm, .feedback, .handoffs]
        directory.hasAccountsSource = files.contains { $0.source.kind == .accounts || $0.source.kind == .contacts }
        model.hasFeedback = files.contains { $0.source.kind == .feedback }
        model.hasCalendar = files.contains { $0.source.kind == .calendar }
        model.hasCRM = files.contains { $0.source.kind == .crm }
        // Register every file first so the ledger lists files in config order.
        for f in files { ledger.open(f.displayName) }
        candidates = CandidateStore(fileNames: files.map(\.displayName))
        var duplicateRule: BackgroundJob<(Ledger, CanonicalModel)>?
        for kind in order {
            // Once every calendar and CRM row is read, the duplicate rule runs on its own thread while
            // feedback and handoffs are read here (they share nothing: it moves rows of calendar and
            // CRM files in a ledger of its own and builds interactions in a model of its own).
            if kind == .feedback { duplicateRule = startDuplicateRule() }
            for (fileOrder, file) in files.enumerated() where file.source.kind == kind {
                try read(file, fileOrder: fileOrder)
                onFileDone?(file.displayName, ledger[file.displayName]?.read ?? 0, partsRead[file.displayName] ?? 1)
            }
            if kind == .people { resolveManagers() }
            if kind == .crm { applyRelations() }
        }
        onPhaseDone?("read and normalize rows")
        let (moves, built) = (duplicateRule ?? startDuplicateRule()).result()
        ledger.absorb(moves, lineOffset: 0)
        model.interactions = built.interactions
        model.exposures = built.exposures
        model.broadcasts = built.broadcasts
        onPhaseDone?("duplicate rule")
        model.people = directory.people
        model.accounts = directory.accounts
        model.contacts = directory.contacts
        model.unresolvedNames = unresolved
        return NormalizeResult(model: model, ledger: ledger, presets: presets)
    }

    /// Starts the duplicate rule over every candidate read so far (the store is handed over and
    /// emptied here): its ledger moves (counts only, added to this ledger afterwards) and the
    /// interactions, exposures and broadcasts it builds.
    private func startDuplicateRule() -> BackgroundJob<(Ledger, CanonicalModel)> {
        var dedup = Deduplicator(candidates: candidates, config: config, period: period, addresses: directory.addresses,
                                 threads: parallelism)
        dedup.onStepDone = onStepDone
        candidates = CandidateStore(fileNames: [])
        directory.releaseParticipantCaches()
        relations = []
        FreedMemory.giveBack()
        return BackgroundJob(threads: parallelism) {
            var moves = Ledger(), built = CanonicalModel()
            dedup.run(ledger: &moves, model: &built)
            return (moves, built)
        }
    }

    func zone(for file: SourceFile, defaultUTC: Bool) -> ZoneRules {
        if let name = file.source.timezone {
            if let z = zoneCache[name] { return z }
            let z = ZoneRules(identifier: name) ?? companyZone
            zoneCache[name] = z
            return z
        }
        return defaultUTC ? .utc : companyZone
    }

    func read(_ file: SourceFile, fileOrder: Int) throws {
        let inspected = try SourceReader.inspect(file)
        let preset = inspected.1
        presets.append((file.displayName, preset.name))
        switch preset.kind {
        case .people where preset.name == "entra-managers":
            try SourceReader.read(file, ledger: &ledger, inspected: inspected) { row in self.managerLink(row) }
        case .people where preset.name == "salesforce-userrole":
            try SourceReader.read(file, ledger: &ledger, inspected: inspected) { row in self.role(row) }
        case .people:
            if orgChartSource == nil { orgChartSource = fileOrder }
            let isOrgChart = orgChartSource == fileOrder
            var seen: Set<String> = []
            try SourceReader.read(file, ledger: &ledger, inspected: inspected) { row in self.person(row, orgChart: isOrgChart, seen: &seen) }
        case .accounts:
            try SourceReader.read(file, ledger: &ledger, inspected: inspected) { row in self.account(row) }
        case .contacts:
            try SourceReader.read(file, ledger: &ledger, inspected: inspected) { row in self.contact(row) }
        case .calendar:
            let reader = try CalendarRowReader(file: file, preset: preset, zone: zone(for: file, defaultUTC: false),
                                               directory: directory, period: period, fileOrder: fileOrder,
                                               broadcastThreshold: config.metrics.broadcastThreshold, sniffed: inspected.0)
            try readCandidates(file, inspected: inspected, reader: reader)
        case .crm:
            let reader = CRMRowReader(file: file, preset: preset, zone: zone(for: file, defaultUTC: preset.name.hasPrefix("salesforce-") && preset.name != "salesforce-report"),
                                      directory: directory, period: period, fileOrder: fileOrder,
                                      eventColumns: .init(preset.columnMap(for: inspected.0.header)))
            if preset.name == "salesforce-eventrelation" {
                try SourceReader.read(file, ledger: &ledger, inspected: inspected) { row in
                    let (outcome, relation) = reader.relation(row)
                    if let relation { self.relations.append(relation) }
                    return outcome
                }
                return
            }
            try readCandidates(file, inspected: inspected, reader: reader)
        case .feedback:
            let z = zone(for: file, defaultUTC: preset.name.hasPrefix("salesforce-"))
            try SourceReader.read(file, ledger: &ledger, inspected: inspected) { row in self.feedback(row, zone: z) }
        case .handoffs:
            let z = zone(for: file, defaultUTC: preset.name.hasPrefix("salesforce-"))
            let history = preset.name == "salesforce-casehistory" || preset.name == "zendesk-audits"
            var seen: Set<String> = []
            try SourceReader.read(file, ledger: &ledger, inspected: inspected) { row in
                history ? self.ownerChange(row, zone: z, seen: &seen) : self.handoff(row, zone: z)
            }
        }
    }

    /// Threads a large calendar or CRM file is read on (one per core; `EARSHOT_THREADS` overrides).
    public var parallelism = ProcessInfo.processInfo.activeProcessorCount
    /// A calendar or CRM file is read in parts of at least this many bytes (below it, on one thread).
    public var minimumPartBytes = 16 << 20
    /// How many parts each calendar or CRM file was read in (1: whole, on this thread).
    public private(set) var partsRead: [String: Int] = [:]

    /// A calendar or CRM file's rows, read in parts on `parallelism` threads when it is large
    /// (`SplitRead`; a small file, or one thread, is one part): each later part has its own directory
    /// snapshot, candidates and unresolved names, added to the run's in order, so the result is the
    /// same as one thread's.
    func readCandidates(_ file: SourceFile, inspected: (SniffResult, Preset), reader: some CandidateRowReading) throws {
        let size = ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? NSNumber)?.intValue ?? 0
        var states: [Int: PartState] = [:]
        partsRead[file.displayName] = try SplitRead.read(file, size: size, ledger: &ledger, inspected: inspected, parts: parallelism,
                           minimumPartBytes: minimumPartBytes, consumer: { k in
            if k == 0 {
                return { row in reader.read(row, unresolved: &self.unresolved, into: &self.candidates) }
            }
            let state = PartState(directory: self.directory.snapshot(), addressBase: self.directory.addresses.count,
                                  fileNames: self.candidates.fileNames)
            states[k] = state
            let partReader = reader.reading(in: state.directory)
            return { row in partReader.read(row, unresolved: &state.unresolved, into: &state.candidates) }
        }, adopt: { k, lineOffset in
            guard let state = states[k] else { return }
            states[k] = nil
            // The part's own addresses (ids from addressBase on), interned here in the order it met them.
            let added = state.directory.addresses[state.addressBase...].map { directory.addressId($0) }
            let base = UInt32(state.addressBase)
            candidates.append(contentsOf: &state.candidates, lineOffset: lineOffset) { m in
                guard CandidateStore.isExternal(m), m & 0x1FFF_FFFF >= base else { return m }
                return m & 0xE000_0000 | UInt32(added[Int(m & 0x1FFF_FFFF - base)])
            }
            for (name, n) in state.unresolved { unresolved[name, default: 0] += n }
            // The part's store was freed on the other thread's arena: give it back before the next part
            // and the duplicate rule (10M rows: peak RSS 1,000 MB without, 781 MB with).
            FreedMemory.giveBack()
        })
    }

    // MARK: People

    static func isTrue(_ text: String) -> Bool? {
        // The spellings exports write on nearly every row, before lower-casing.
        switch text {
        case "false", "FALSE", "False", "0": return false
        case "true", "TRUE", "True", "1": return true
        case "": return nil
        default: break
        }
        let lower = text.lowercased()
        if trueWords.contains(lower) { return true }
        if falseWords.contains(lower) { return false }
        return nil
    }

    /// The lower-cased spellings `isTrue` reads as true and as false (`ASCIIField.truth` reads the same).
    static let trueWords = ["1", "true", "yes", "y", "active", "waar", "wahr", "ja", "ein", "x"]
    static let falseWords = ["0", "false", "no", "n", "inactive", "terminated", "onwaar", "falsch", "nein", "aus"]

    static func parseDay(_ text: String) -> CivilDate?? {
        if text.isEmpty { return .some(nil) }
        if let t = Timestamps.parseISO(text) { return CivilDate(dayNumber: Int(t.wall / 86_400)) }
        if let d = Timestamps.parseDate(text, order: .monthFirst) { return d }
        return nil
    }

    func person(_ row: MappedRow, orgChart: Bool, seen: inout Set<String>) -> RowDisposition {
        var emailText = row["email"]
        if emailText.isEmpty { emailText = row["upn"] }
        guard !emailText.isEmpty else { return .rejected(.missingValue, detail: "email is empty") }
        guard let email = EmailAddress(emailText) else {
            return .rejected(.missingValue, detail: "email \"\(emailText)\" is not an e-mail address")
        }
        if seen.contains(email.normalized) { return .ignored(.duplicate) }
        seen.insert(email.normalized)
        var name = row["name"]
        if name.isEmpty { name = [row["first_name"], row["last_name"]].filter { !$0.isEmpty }.joined(separator: " ") }
        let id = Directory.cleanId(row["id"]) ?? ""
        let active = Self.isTrue(row["active"]) ?? true
        let existing = directory.person(email: email.normalized)
        if existing == nil && !orgChart {
            let internalDomain = directory.companyDomains.contains(String(email.domain))
            guard internalDomain && active else { return .ignored(.notAnEmployee) }
            // Findings name people by source line or id only: the report names no one below the named layers.
            model.orgFindings.append("\(row.location.file) line \(row.location.line): an active company address that is not in the org chart (added without a manager)")
        }
        var start: CivilDate?, end: CivilDate?
        switch Self.parseDay(row["start_date"]) {
        case .none: return .rejected(.badDate, detail: "start_date \"\(row["start_date"])\" is not a date")
        case let .some(d): start = d
        }
        switch Self.parseDay(row["end_date"]) {
        case .none: return .rejected(.badDate, detail: "end_date \"\(row["end_date"])\" is not a date")
        case let .some(d): end = d
        }
        var weekly: Double?
        if !row["weekly_hours"].isEmpty {
            guard let w = Double(row["weekly_hours"]), w > 0, w <= 168 else {
                return .rejected(.badNumber, detail: "weekly_hours \"\(row["weekly_hours"])\" is not a number of hours")
            }
            weekly = w
        }
        let (index, _) = directory.upsertPerson(id: id, email: email, name: name)
        if let username = EmailAddress(row["username"]), username != email { directory.addAlias(username.normalized, to: index) }
        directory.update(index) { p in
            if p.title.isEmpty { p.title = row["title"] }
            if p.department.isEmpty { p.department = row["department"] }
            if p.startDate == nil { p.startDate = start }
            if p.endDate == nil { p.endDate = end }
            if p.weeklyHours == nil { p.weeklyHours = weekly }
            if !active && orgChart { p.active = false }
        }
        if orgChart {
            managerRefs.append(.init(person: index, id: Directory.cleanId(row["manager_id"]) ?? "",
                                     email: row["manager_email"], name: row["manager_name"]))
        }
        if let role = Directory.cleanId(row["role_id"]), personRole[index] == nil { personRole[index] = role.lowercased() }
        return .accepted
    }

    /// `entra-managers`: one row per (user, manager) link; applied after the people sources.
    func managerLink(_ row: MappedRow) -> RowDisposition {
        guard let user = directory.person(reference: row["user"]) else {
            return .rejected(.unknownPerson, detail: "user \"\(row["user"])\" matches no person")
        }
        let manager = row["manager"]
        guard !manager.isEmpty else { return .ignored(.noParticipants) }
        managerRefs.append(.init(person: user, id: manager.contains("@") ? "" : manager,
                                 email: manager.contains("@") ? manager : "", name: ""))
        return .accepted
    }

    /// `salesforce-userrole`: the role tree, used when no people source gives managers.
    func role(_ row: MappedRow) -> RowDisposition {
        guard let id = Directory.cleanId(row["id"]) else { return .rejected(.missingValue, detail: "Id is empty") }
        roles[id.lowercased()] = (row["name"], Directory.cleanId(row["parent_role_id"])?.lowercased())
        return .accepted
    }

    /// When no person has a manager but roles are known: each person's manager is a holder of the
    /// nearest ancestor role that has one (the first by id when several hold it).
    func applyRoleTree() {
        guard !roles.isEmpty, directory.people.allSatisfy({ $0.manager == nil }) else { return }
        var holders: [String: [Int]] = [:]
        for (person, role) in personRole { holders[role, default: []].append(person) }
        for key in holders.keys { holders[key]!.sort { directory.people[$0].id < directory.people[$1].id } }
        for (person, role) in personRole.sorted(by: { $0.key < $1.key }) {
            var parent = roles[role]?.parent
            var hops = 0
            while let p = parent, hops < 100 {
                if let holder = holders[p]?.first, holder != person {
                    directory.update(person) { $0.manager = holder }
                    break
                }
                parent = roles[p]?.parent
                hops += 1
            }
        }
        model.orgFindings.append("no people source gives managers: the reporting lines follow the Salesforce role tree")
    }

    /// Adds EventRelation invitees to the CRM events they name (merged rows); relations whose event is
    /// not counted are `not-an-activity`.
    func applyRelations() {
        guard !relations.isEmpty else { return }
        var byEvent: [UInt64: [Int]] = [:]
        for (row, id) in candidates.crmRows { byEvent[id, default: []].append(row) }
        for r in relations {
            guard let targets = Candidate.uidHash(r.eventId).flatMap({ byEvent[$0] }) else {
                ledger.acceptedBecameIgnored(r.file, .notAnActivity)
                continue
            }
            for t in targets { candidates.modify(t) { candidate in
                if r.relationId.hasPrefix("005"), let p = directory.person(alias: r.relationId) {
                    candidate.add(.person(p), declined: r.declined, in: directory, unresolved: &unresolved)
                } else if let contact = directory.contact(id: r.relationId) {
                    if let email = contact.email {
                        candidate.add(directory.classify(address: email), declined: r.declined, in: directory, unresolved: &unresolved)
                    } else {
                        candidate.add(.customer("contact:\(r.relationId.lowercased())", account: contact.account), in: directory, unresolved: &unresolved)
                    }
                } else if let a = directory.account(id: r.relationId) {
                    candidate.addAccount(a)
                } else {
                    unresolved[r.relationId, default: 0] += 1
                }
            } }
            ledger.acceptedBecameMerged(r.file)
        }
        relations = []
    }

    func resolveManagers() {
        for ref in managerRefs {
            var manager: Int?
            var written = ""
            if !ref.id.isEmpty { manager = directory.person(alias: ref.id); written = ref.id }
            if manager == nil, !ref.email.isEmpty { manager = directory.person(email: ref.email); written = ref.email }
            if manager == nil, !ref.name.isEmpty { manager = directory.person(name: ref.name); written = ref.name }
            let who = directory.people[ref.person]
            let label = who.id.isEmpty ? "a person" : "person \(who.id)"
            if manager == nil, !written.isEmpty {
                model.orgFindings.append("\(label): the manager given is not in the org chart")
            }
            if manager == ref.person {
                model.orgFindings.append("\(label) is their own manager")
                manager = nil
            }
            if manager != nil || directory.people[ref.person].manager == nil {
                directory.update(ref.person) { $0.manager = manager }
            }
        }
        managerRefs = []
        applyRoleTree()
    }

    // MARK: Accounts and contacts

    func account(_ row: MappedRow) -> RowDisposition {
        if Normalizer.isTrue(row["is_deleted"]) == true { return .ignored(.deleted) }
        guard let id = Directory.cleanId(row["id"]) else { return .rejected(.missingValue, detail: "id is empty") }
        var domains: [String] = []
        for part in row["domain"].split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " }) {
            if let d = DomainName.normalize(part), !domains.contains(d) { domains.append(d) }
        }
        if let d = DomainName.normalize(row["website"]), !domains.contains(d) { domains.append(d) }
        if directory.account(id: id) != nil { return .ignored(.duplicate) }
        directory.addAccount(id: id, name: row["name"].isEmpty ? id : row["name"], domains: domains)
        return .accepted
    }

    func contact(_ row: MappedRow) -> RowDisposition {
        if Normalizer.isTrue(row["is_deleted"]) == true { return .ignored(.deleted) }
        let email = EmailAddress(row["email"])
        var name = row["name"]
        if name.isEmpty { name = [row["first_name"], row["last_name"]].filter { !$0.isEmpty }.joined(separator: " ") }
        let id = Directory.cleanId(row["id"]) ?? ""
        guard email != nil || !id.isEmpty else { return .rejected(.missingValue, detail: "neither email nor id is given") }
        let accountRef = Directory.cleanId(row["account_id"])
        let account = accountRef.flatMap { ref in ref.split(separator: ";").lazy.compactMap { self.directory.account(reference: String($0).trimmingSpaces()) }.first }
            ?? Directory.cleanId(row["account"]).flatMap { directory.account(reference: $0) }
            ?? email.flatMap { directory.account(domain: String($0.domain)) }
        directory.addContact(id: id, email: email, name: name, account: account)
        return .accepted
    }

    // MARK: Feedback and handoffs

    func feedback(_ row: MappedRow, zone: ZoneRules) -> RowDisposition {
        if Normalizer.isTrue(row["is_deleted"]) == true { return .ignored(.deleted) }
        let id = row["id"]
        guard !id.isEmpty else { return .rejected(.missingValue, detail: "id is empty") }
        guard let by = directory.person(reference: row["captured_by"]) ?? Directory.cleanId(row["captured_by"]).flatMap({ directory.person(alias: $0) }) else {
            return .rejected(.unknownPerson, detail: "captured_by \"\(row["captured_by"])\" matches no person")
        }
        guard let at = Timestamps.instant(row["captured_at"], zone: zone) else {
            return .rejected(.badDate, detail: "captured_at \"\(row["captured_at"])\" is not a date and time")
        }
        guard at >= period.startUTC, at < period.endUTC else {
            ignoredItems.insert(id)
            return .ignored(.outsidePeriod)
        }
        if feedbackIndex[id] != nil { return .ignored(.duplicate) }
        var account = row["account"].isEmpty ? nil : directory.account(reference: row["account"])
        if account == nil, let email = EmailAddress(row["requester_email"]) {
            account = directory.account(domain: String(email.domain))
        }
        if account == nil, !row["requester_domain"].isEmpty { account = directory.account(domain: row["requester_domain"]) }
        if account == nil, let contact = Directory.cleanId(row["contact_id"]).flatMap({ directory.contact(id: $0) }) {
            account = contact.account
        }
        feedbackIndex[id] = model.feedback.count
        model.feedback.append(FeedbackItem(id: id, capturedBy: by, account: account, capturedAt: at, channel: row["channel"]))
        return .accepted
    }

    func handoff(_ row: MappedRow, zone: ZoneRules) -> RowDisposition {
        let id = row["item_id"]
        if ignoredItems.contains(id) { return .ignored(.outsidePeriod) }
        guard let item = feedbackIndex[id] else {
            return .rejected(.unknownItem, detail: "item_id \"\(id)\" is in no feedback source")
        }
        guard let from = directory.person(reference: row["from"]) else {
            return .rejected(.unknownPerson, detail: "from \"\(row["from"])\" matches no person")
        }
        guard let to = directory.person(reference: row["to"]) else {
            return .rejected(.unknownPerson, detail: "to \"\(row["to"])\" matches no person")
        }
        guard let at = Timestamps.instant(row["at"], zone: zone) else {
            return .rejected(.badDate, detail: "at \"\(row["at"])\" is not a date and time")
        }
        guard at >= period.startUTC, at < period.endUTC else { return .ignored(.outsidePeriod) }
        model.handoffs.append(Handoff(item: item, from: from, to: to, at: at))
        return .accepted
    }
}

extension Normalizer {
    /// Salesforce CaseHistory / Zendesk audits: an owner (assignee) change hands the item to the new
    /// owner. Salesforce writes a lookup change twice (names and ids): the second copy of the same
    /// (item, new owner, instant) is `duplicate`. Other fields, and queues, are `not-an-activity`.
    func ownerChange(_ row: MappedRow, zone: ZoneRules, seen: inout Set<String>) -> RowDisposition {
        if Normalizer.isTrue(row["is_deleted"]) == true { return .ignored(.deleted) }
        let field = row["field"].lowercased().replacingOccurrences(of: " ", with: "_")
        guard ["owner", "ownerassignment", "ownerescalated", "assignee", "assignee_id"].contains(field) else {
            return .ignored(.notAnActivity)
        }
        let id = row["item_id"]
        if ignoredItems.contains(id) { return .ignored(.outsidePeriod) }
        guard let item = feedbackIndex[id] else { return .rejected(.unknownItem, detail: "item \"\(id)\" is in no feedback source") }
        let newValue = row["new_value"]
        if newValue.hasPrefix("00G") { return .ignored(.notAnActivity) } // a queue, not a person
        guard let to = directory.person(reference: newValue) ?? directory.person(alias: newValue) else {
            return .rejected(.unknownPerson, detail: "new owner \"\(newValue)\" matches no person")
        }
        guard let at = Timestamps.instant(row["at"], zone: zone) else {
            return .rejected(.badDate, detail: "\"\(row["at"])\" is not a date and time")
        }
        guard at >= period.startUTC, at < period.endUTC else { return .ignored(.outsidePeriod) }
        let key = "\(item)|\(to)|\(at)"
        guard seen.insert(key).inserted else { return .ignored(.duplicate) }
        let from = directory.person(reference: row["old_value"]) ?? directory.person(alias: row["old_value"])
            ?? directory.person(reference: row["by"]) ?? model.feedback[item].capturedBy
        model.handoffs.append(Handoff(item: item, from: from, to: to, at: at))
        return .accepted
    }
}

/// What a later part of a file read in parts collects on its own thread, until it is added to the run.
private final class PartState {
    let directory: Directory
    let addressBase: Int
    var candidates: CandidateStore
    var unresolved: [String: Int] = [:]
    init(directory: Directory, addressBase: Int, fileNames: [String]) {
        self.directory = directory
        self.addressBase = addressBase
        candidates = CandidateStore(fileNames: fileNames)
    }
}

/// A calendar or CRM row reader: reads a row into a candidate, looking participants up in `directory`
/// (the run's, or the snapshot of a part read on its own thread).
protocol CandidateRowReading {
    /// The same reader, looking participants up in `directory` (a part's snapshot).
    func reading(in directory: Directory) -> Self
    func read(_ row: MappedRow, unresolved: inout [String: Int]) -> RowResult
    /// `read(_:unresolved:)` with the candidate appended to `store` (the row is then accepted): a
    /// reader that builds it in place saves copying it out through a `RowResult`.
    func read(_ row: MappedRow, unresolved: inout [String: Int], into store: inout CandidateStore) -> RowDisposition
}

extension CandidateRowReading {
    func read(_ row: MappedRow, unresolved: inout [String: Int], into store: inout CandidateStore) -> RowDisposition {
        read(row, unresolved: &unresolved).stored(in: &store)
    }
}

extension CalendarRowReader: CandidateRowReading {}
extension CRMRowReader: CandidateRowReading {}

/// A calendar or CRM row either becomes a candidate interaction or ends with an outcome now.
enum RowResult {
    case candidate(Candidate)
    case outcome(RowDisposition)

    /// A candidate appended to `store` (the row accepted), or the outcome.
    func stored(in store: inout CandidateStore) -> RowDisposition {
        switch self {
        case let .candidate(c): store.append(c); return .accepted
        case let .outcome(o): return o
        }
    }
}
