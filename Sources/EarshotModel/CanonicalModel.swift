/// Everything normalize hands to aggregate: people, accounts, merged interactions, their exposures,
/// feedback and handoffs, plus what could not be resolved. The grain of each array is one entity.
public struct CanonicalModel: Sendable {
    public var people: [Person] = []
    public var accounts: [Account] = []
    public var contacts: [Contact] = []
    /// Merged interactions, customer-facing or not (internal-only ones are dropped before this).
    public var interactions: [Interaction] = []
    /// One per internal participant who takes part in a customer-facing interaction, clipped to the period.
    public var exposures: [Exposure] = []
    /// Customer-facing interactions with more than `broadcast_threshold` external participants.
    public var broadcasts: [Interaction] = []
    public var feedback: [FeedbackItem] = []
    public var handoffs: [Handoff] = []
    /// Display names and addresses that matched no person or contact, with how often.
    public var unresolvedNames: [String: Int] = [:]
    /// Org-chart findings with names (cycles, several roots, missing managers).
    public var orgFindings: [String] = []
    /// True when at least one feedback source was configured.
    public var hasFeedback = false
    /// True when at least one calendar source and one CRM source were read (logging coverage is meaningful).
    public var hasCalendar = false
    public var hasCRM = false

    public init() {}
}
