/// What an interaction was: DESIGN.md's kinds. A direct contact is any kind but `.email`.
public enum InteractionKind: String, Sendable, Codable, CaseIterable {
    case meeting, call, email, visit, other

    /// Meetings, calls and visits are direct contact; e-mail is not.
    public var isDirect: Bool { self != .email && self != .other }
}

/// The state a source gives an interaction; cancelled and declined are kept distinct.
public enum InteractionStatus: String, Sendable, Codable {
    case confirmed, tentative, cancelled, declined
}

/// One internal participant of an interaction.
public struct InternalParticipant: Sendable, Hashable {
    /// Index in `CanonicalModel.people`.
    public var person: Int
    /// True when this person's own copy (or the source) says they declined: they do not take part.
    public var declined: Bool

    public init(person: Int, declined: Bool = false) {
        self.person = person
        self.declined = declined
    }
}

/// A meeting, call, e-mail or visit after duplicates across sources were merged into one.
public struct Interaction: Sendable {
    /// Dense index in `CanonicalModel.interactions`.
    public var index: Int
    /// The row it was read from (the first of the merged rows, in config order).
    public var source: SourceLocation
    /// The kind of source that held the representative row.
    public var sourceKind: SourceKind
    /// All source kinds that held a copy (for logging coverage: calendar vs CRM).
    public var seenIn: Set<SourceKind>
    public var kind: InteractionKind
    /// UTC instants, seconds since the epoch; `end >= start`.
    public var start: Int64
    public var end: Int64
    /// For visits: the local dates the visit covers (first, last inclusive).
    public var visitDates: ClosedRange<Int>?
    public var organizer: Int?
    public var internalParticipants: [InternalParticipant]
    /// Normalized addresses of customer participants.
    public var customerAddresses: [String]
    /// Number of external participants that are not customers.
    public var otherExternalCount: Int
    /// Indexes in `CanonicalModel.accounts`.
    public var accounts: [Int]
    /// Kept for drill-down only; no metric reads it.
    public var subject: String
    /// True/false when the source says in person or remote; nil when it does not say.
    public var inPerson: Bool?
    public var status: InteractionStatus
    /// Marked free (Outlook show-as free, Google `transparent`).
    public var free: Bool
    /// Number of source rows merged into this interaction (1 = no duplicate).
    public var rowCount: Int

    public init(index: Int, source: SourceLocation, sourceKind: SourceKind, kind: InteractionKind,
                start: Int64, end: Int64, subject: String) {
        self.index = index
        self.source = source
        self.sourceKind = sourceKind
        self.seenIn = [sourceKind]
        self.kind = kind
        self.start = start
        self.end = end
        self.visitDates = nil
        self.organizer = nil
        self.internalParticipants = []
        self.customerAddresses = []
        self.otherExternalCount = 0
        self.accounts = []
        self.subject = subject
        self.inPerson = nil
        self.status = .confirmed
        self.free = false
        self.rowCount = 1
    }

    /// Everyone external: customers plus other external addresses.
    public var externalCount: Int { customerAddresses.count + otherExternalCount }

    /// Internal people who take part: every listed internal participant who did not decline.
    public var takingPart: [Int] { internalParticipants.filter { !$0.declined }.map(\.person) }
}

/// One internal participant's share of a customer-facing interaction, clipped to the period.
public struct Exposure: Sendable, Hashable {
    public var person: Int
    public var interaction: Int
    public var start: Int64
    public var end: Int64

    public init(person: Int, interaction: Int, start: Int64, end: Int64) {
        self.person = person
        self.interaction = interaction
        self.start = start
        self.end = end
    }
}

/// A piece of frontline feedback: who captured it, for which account, when. The text is not kept.
public struct FeedbackItem: Sendable, Hashable {
    public var id: String
    public var capturedBy: Int
    public var account: Int?
    public var capturedAt: Int64
    public var channel: String

    public init(id: String, capturedBy: Int, account: Int?, capturedAt: Int64, channel: String) {
        self.id = id
        self.capturedBy = capturedBy
        self.account = account
        self.capturedAt = capturedAt
        self.channel = channel
    }
}

/// A feedback item passed from one person to another at an instant.
public struct Handoff: Sendable, Hashable {
    /// Index in `CanonicalModel.feedback`.
    public var item: Int
    public var from: Int
    public var to: Int
    public var at: Int64

    public init(item: Int, from: Int, to: Int, at: Int64) {
        self.item = item
        self.from = from
        self.to = to
        self.at = at
    }
}
