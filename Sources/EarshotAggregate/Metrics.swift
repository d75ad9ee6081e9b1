import EarshotModel

/// One row of `person_metrics.csv`: one person employed on at least one day of the period.
public struct PersonMetrics: Sendable {
    public var person: Int
    public var personId: String
    public var email: String
    /// Blank unless the person is at a named layer.
    public var name: String
    public var title: String
    public var layer: Int?
    public var customerHours: Double
    public var shareOfTime: Double?
    public var contacts: Int
    public var directContacts: Int
    public var distinctAccounts: Int
    public var distinctCustomerPeople: Int
    public var inPersonShare: Double?
    public var cadenceMet: Bool?
    public var exposureMet: Bool?
    public var longestGapDays: Int
    public var daysSinceLast: Int?
    public var hopsToCustomer: Int?
    public var employedDays: Int
    /// Per cadence window (whole and tail): whether it held a direct contact, its union hours, and
    /// whether it was judged.
    public var windows: [WindowResult]
    /// True when the person is at a layer ≤ `named_layers`.
    public var named: Bool
}

/// One cadence window of one person.
public struct WindowResult: Sendable, Hashable {
    public var first: CivilDate
    /// Last day inside the window.
    public var last: CivilDate
    public var whole: Bool
    public var judged: Bool
    public var directContacts: Int
    public var hours: Double
}

/// One row of `layer_metrics.csv`.
public struct LayerMetrics: Sendable {
    public var layer: Int
    public var headcount: Int
    public var contactRate: Double?
    public var hoursMean: Double?
    public var hoursMedian: Double?
    public var hoursP90: Double?
    public var shareMedian: Double?
    public var cadenceRate: Double?
    public var suppressed: Bool
}

/// One row of `chains.csv`: a manager's organisation and how its customer contact reaches them.
public struct ChainMetrics: Sendable {
    public var person: Int
    public var personId: String
    /// Blank unless the manager is at a named layer.
    public var name: String
    public var layer: Int
    public var hasDirectContact: Bool
    /// People below the manager.
    public var organisation: Int
    /// Of them, people with direct contact.
    public var withDirectContact: Int
    /// Of those, people whose contact reaches the manager only through a manager without direct contact.
    public var secondHand: Int
    public var secondHandShare: Double?
    /// Chains (frontline people with direct contact) whose first manager without direct contact is this one.
    public var dilutionPoints: Int
    /// Organisation smaller than `min_group_size` (figures blank).
    public var suppressed: Bool
}

/// One row of `feedback_funnel.csv`.
public struct FunnelRow: Sendable {
    public var layer: Int
    /// Blank figures: publishing them would let a reader recover a suppressed layer by difference.
    public var suppressed: Bool = false
    public var items: Int
    public var reached: Int
    public var reach: Double?
    public var retention: Double?
    public var medianDays: Double?
}

/// Feedback that reached one named person.
public struct ExecutiveFeedback: Sendable {
    public var person: Int
    public var name: String
    public var layer: Int
    public var captured: Int
    public var handedUp: Int
}

/// For one account with activity: the highest layer that met it.
public struct AccountCoverage: Sendable {
    public var account: Int
    public var name: String
    public var highestLayer: Int?
    public var interactions: Int
    /// Account × layer: how many distinct people of each layer met the account in the period.
    public var peopleByLayer: [Int: Int] = [:]
    public var metByNamedLayer: Bool
}

/// Calendar vs CRM for one named person.
public struct LoggingCoverage: Sendable {
    public var person: Int
    public var name: String
    public var calendarMeetings: Int
    public var calendarAlsoInCRM: Int
    public var crmActivities: Int
    public var crmAlsoInCalendar: Int
    public var calendarShareInCRM: Double? { calendarMeetings == 0 ? nil : Double(calendarAlsoInCRM) / Double(calendarMeetings) }
    public var crmShareInCalendar: Double? { crmActivities == 0 ? nil : Double(crmAlsoInCalendar) / Double(crmActivities) }
}

/// The first screen of the report.
public struct Headline: Sendable {
    public var ceoName: String?
    public var ceoShare: Double?
    public var ceoTarget: Double
    public var executiveTeamShare: Double?
    public var executivesJudged: Int
    public var executivesMetCadence: Int
    public var executiveCount: Int
    /// Walking up from the frontline, the first layer whose contact rate is below one half.
    public var layerBelowHalf: Int?
    /// Share of frontline-captured items (captured below layer 1) that reached layer ≤ 1.
    public var feedbackReachingExecutives: Double?
}

/// Everything aggregate produces for render and history.
public struct Metrics: Sendable {
    public var period: Period
    public var people: [PersonMetrics]
    public var layers: [LayerMetrics]
    public var chains: [ChainMetrics]
    /// Per layer: the number of chains whose dilution point is a manager at that layer.
    public var dilutionByLayer: [Int: Int]
    public var funnel: [FunnelRow]
    public var executiveFeedback: [ExecutiveFeedback]
    public var accounts: [AccountCoverage]
    public var logging: [LoggingCoverage]
    public var headline: Headline
    public var orgFindings: [String]
    public var depth: Int
    public var windowsInPeriod: [(first: CivilDate, last: CivilDate, whole: Bool)]
}

/// One earlier run as the history store returns it, for the trends section.
public struct TrendPoint: Sendable, Hashable {
    /// The period's name (`2026-Q3`) or its dates.
    public var period: String
    /// When the run happened (UTC, ISO 8601), for night-over-night series.
    public var runAt: String
    public var ceoShare: Double?
    public var executiveTeamShare: Double?
    /// Mean customer hours per person, by layer (suppressed layers absent).
    public var layerHoursMean: [Int: Double]

    public init(period: String, runAt: String, ceoShare: Double?, executiveTeamShare: Double?, layerHoursMean: [Int: Double]) {
        self.period = period
        self.runAt = runAt
        self.ceoShare = ceoShare
        self.executiveTeamShare = executiveTeamShare
        self.layerHoursMean = layerHoursMean
    }
}
