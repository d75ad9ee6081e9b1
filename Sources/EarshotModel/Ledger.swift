/// Why a row was rejected: a closed list, documented in README.md ("Reject reasons").
public enum RejectReason: String, Sendable, CaseIterable, Codable, Comparable {
    /// A quote opened a field that never closed before the end of the file or the next error.
    case unterminatedQuote = "unterminated-quote"
    /// A quote inside an unquoted field, or text after a closing quote.
    case strayQuote = "stray-quote"
    case tooManyFields = "too-many-fields"
    case tooFewFields = "too-few-fields"
    /// A field larger than the reader's cap (`LibCSVReader.maxFieldBytes`).
    case fieldTooLarge = "field-too-large"
    /// Bytes that are not valid in the file's encoding (UTF-8 declared or sniffed), or a NUL byte.
    case invalidEncoding = "invalid-encoding"
    /// A date or time that does not parse or does not exist (Feb 30, 25:00).
    case badDate = "bad-date"
    /// A number (duration, hours) that does not parse or is negative.
    case badNumber = "bad-number"
    /// A required value is empty (no start, no owner, no e-mail).
    case missingValue = "missing-value"
    /// A person reference (owner, captured by, handoff from/to) that matches no person.
    case unknownPerson = "unknown-person"
    /// A handoff naming a feedback item no feedback source holds.
    case unknownItem = "unknown-item"
    /// An end before the start.
    case endBeforeStart = "end-before-start"

    public static func < (a: RejectReason, b: RejectReason) -> Bool { a.rawValue < b.rawValue }
}

/// Rules under which a row is out of scope; every ignored row names one. Documented in README.md.
public enum IgnoreRule: String, Sendable, CaseIterable, Codable, Comparable {
    case blankLine = "blank-line"
    /// Lines before the header row (report titles, Excel's `sep=` hint) and extra header rows.
    case preamble
    case footer
    case deleted
    case cancelled
    case massEmail = "mass-email"
    case notAnActivity = "not-an-activity"
    case internalOnly = "internal-only"
    case noParticipants = "no-participants"
    case outsidePeriod = "outside-period"
    case free
    case broadcast
    case duplicate = "duplicate"
    /// A secondary people source (e.g. Salesforce User) names an address that is not an employee in the org chart.
    case notAnEmployee = "not-an-employee"
    /// Customer-facing in form but every external participant is not a customer (vendors, personal mail).
    case noCustomer = "no-customer"

    public static func < (a: IgnoreRule, b: IgnoreRule) -> Bool { a.rawValue < b.rawValue }
}

/// A rejected row, as `data/rejects.csv` lists it.
public struct Reject: Sendable, Hashable {
    public var location: SourceLocation
    public var reason: RejectReason
    /// What exactly was wrong, for a person: `start "2026-13-45" is not a date`.
    public var detail: String
    /// The raw text of the record (escaped when written).
    public var raw: String

    public init(location: SourceLocation, reason: RejectReason, detail: String, raw: String) {
        self.location = location
        self.reason = reason
        self.detail = detail
        self.raw = raw
    }
}

/// One input file's account of its rows: read = accepted + merged + ignored + rejected.
public struct FileLedger: Sendable, Hashable {
    public let file: String
    public var read = 0
    public var accepted = 0
    public var merged = 0
    public var ignored: [IgnoreRule: Int] = [:]
    public var rejected = 0

    public init(file: String) { self.file = file }

    public var ignoredTotal: Int { ignored.values.reduce(0, +) }
    /// True when every row read ended in exactly one outcome.
    public var balances: Bool { read == accepted + merged + ignoredTotal + rejected }
    /// The share of rows rejected (0 for an empty file).
    public var rejectShare: Double { read == 0 ? 0 : Double(rejected) / Double(read) }
}

/// Every file's ledger plus the rejected rows, in the order files were read.
public struct Ledger: Sendable {
    public private(set) var files: [FileLedger] = []
    public private(set) var rejects: [Reject] = []
    private var position: [String: Int] = [:]

    public init() {}

    /// Registers a file (idempotent) so that empty files still get a ledger row.
    public mutating func open(_ file: String) {
        if position[file] == nil {
            position[file] = files.count
            files.append(FileLedger(file: file))
        }
    }

    // The file of the last update: rows come file by file, so most updates skip the name lookup
    // (comparing a String with the same instance is a pointer check).
    private var lastFile = ""
    private var lastIndex = -1

    private mutating func update(_ file: String, _ change: (inout FileLedger) -> Void) {
        if lastIndex < 0 || file != lastFile {
            open(file)
            lastIndex = position[file]!
            lastFile = file
        }
        change(&files[lastIndex])
    }

    public mutating func countRead(_ file: String, count: Int = 1) { update(file) { $0.read += count } }
    public mutating func accept(_ file: String, count: Int = 1) { update(file) { $0.accepted += count } }
    public mutating func ignore(_ file: String, _ rule: IgnoreRule) { update(file) { $0.ignored[rule, default: 0] += 1 } }
    public mutating func reject(_ reject: Reject) {
        update(reject.location.file) { $0.rejected += 1 }
        rejects.append(reject)
    }
    /// Moves `count` accepted rows of `file` to merged (duplicates found after all rows were read).
    public mutating func acceptedBecameMerged(_ file: String, count: Int = 1) {
        update(file) { $0.accepted -= count; $0.merged += count }
    }
    /// Moves `count` accepted rows of `file` to ignored under `rule` (decided after merging).
    public mutating func acceptedBecameIgnored(_ file: String, _ rule: IgnoreRule, count: Int = 1) {
        update(file) { $0.accepted -= count; $0.ignored[rule, default: 0] += count }
    }

    /// Adds the counts and rejects of `part`, the ledger of a later part of a file read on its own
    /// thread, after this ledger's rows; its reject lines are counted from the part's start, so they
    /// move down by `lineOffset` (the lines before the part).
    public mutating func absorb(_ part: Ledger, lineOffset: Int) {
        for f in part.files {
            update(f.file) { mine in
                mine.read += f.read
                mine.accepted += f.accepted
                mine.merged += f.merged
                mine.rejected += f.rejected
                for (rule, n) in f.ignored { mine.ignored[rule, default: 0] += n }
            }
        }
        for var r in part.rejects {
            r.location = SourceLocation(file: r.location.file, line: r.location.line + lineOffset, byte: r.location.byte)
            rejects.append(r)
        }
    }

    /// Files whose counts do not add up (should always be empty).
    public var unbalanced: [FileLedger] { files.filter { !$0.balances } }

    public subscript(file: String) -> FileLedger? { position[file].map { files[$0] } }
}
