/// An employee, merged from every people source by e-mail. Layer is derived by aggregation, never imported.
public struct Person: Sendable, Hashable {
    /// Dense index of this person in `CanonicalModel.people`.
    public let index: Int
    /// The org chart's id (employee id, Salesforce User id, …): the first source's id.
    public var id: String
    /// The primary e-mail; every lookup compares its normalized form.
    public var email: EmailAddress?
    /// Other addresses and ids that name this person (CRM user ids, secondary addresses).
    public var aliases: [String]
    public var name: String
    public var title: String
    /// Index of the manager in `CanonicalModel.people`, when the org chart resolves one.
    public var manager: Int?
    public var department: String
    /// First day employed; nil when no source gives one.
    public var startDate: CivilDate?
    /// Last day worked (inclusive); nil when no source gives one.
    public var endDate: CivilDate?
    /// Contracted weekly hours; nil means the config's `weekly_hours`.
    public var weeklyHours: Double?
    /// False when a source marks the person inactive.
    public var active: Bool

    public init(index: Int, id: String, email: EmailAddress?, name: String) {
        self.index = index
        self.id = id
        self.email = email
        self.aliases = []
        self.name = name
        self.title = ""
        self.manager = nil
        self.department = ""
        self.active = true
    }
}

/// A customer account, with the domains that make an address belong to it.
public struct Account: Sendable, Hashable {
    public let index: Int
    public var id: String
    public var name: String
    public var domains: [String]

    public init(index: Int, id: String, name: String, domains: [String]) {
        self.index = index
        self.id = id
        self.name = name
        self.domains = domains
    }
}

/// A customer contact: an address linked to an account.
public struct Contact: Sendable, Hashable {
    public var id: String
    public var email: EmailAddress?
    public var name: String
    /// Index of the account in `CanonicalModel.accounts`.
    public var account: Int?

    public init(id: String, email: EmailAddress?, name: String, account: Int?) {
        self.id = id
        self.email = email
        self.name = name
        self.account = account
    }
}
