/// The company's growth stage: picks the CEO's target share of time with customers.
public enum CompanyStage: String, Sendable, Codable, CaseIterable {
    case startup, midsize, enterprise

    /// The CEO target line the report draws: 50% for startups, 25% for mid-sized companies, and the
    /// same 25% for enterprises (no separate figure is published; see README "Where the numbers come from").
    public var ceoTargetShare: Double {
        switch self {
        case .startup: return 0.50
        case .midsize, .enterprise: return 0.25
        }
    }
}

/// One input source in the config: a path or glob, a kind and a preset.
public struct SourceConfig: Sendable, Hashable {
    public var kind: SourceKind
    /// As written in the config, relative to the config file.
    public var path: String
    public var preset: String
    /// Canonical field → source header overrides.
    public var columns: [String: String]
    /// Zone of timestamps that carry none (defaults to the company's).
    public var timezone: String?
    /// Calendar owner template; `{stem}` is the file name without extension.
    public var owner: String?
    /// Overrides the encoding sniffer: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`.
    public var encoding: String?

    public init(kind: SourceKind, path: String, preset: String, columns: [String: String] = [:],
                timezone: String? = nil, owner: String? = nil, encoding: String? = nil) {
        self.kind = kind
        self.path = path
        self.preset = preset
        self.columns = columns
        self.timezone = timezone
        self.owner = owner
        self.encoding = encoding
    }
}

/// The metric settings (`metrics:` in the config).
public struct MetricSettings: Sendable, Hashable {
    public var weeklyHours: Double = 40
    public var cadenceWeeks: Int = 6
    public var exposureHours: Double = 2
    public var broadcastThreshold: Int = 25
    public var allDayHours: Double = 0
    public var ignoreDomains: [String] = []
    public init() {}
}

/// The report settings (`report:` in the config).
public struct ReportSettings: Sendable, Hashable {
    public var namedLayers: Int = 2
    public var minGroupSize: Int = 5
    public init() {}
}

/// A whole `earshot.yml`, with every default filled in.
public struct EarshotConfig: Sendable {
    public var companyName: String = "Company"
    public var companyDomains: [String] = []
    public var timezone: String = "UTC"
    public var stage: CompanyStage = .midsize
    /// `2026-Q3`, or nil when `from`/`to` are given.
    public var quarter: String?
    public var from: CivilDate?
    public var to: CivilDate?
    public var sources: [SourceConfig] = []
    public var metrics = MetricSettings()
    public var report = ReportSettings()
    public var maxRejectShare: Double = 0.05
    /// The folder the config file is in: source paths are relative to it.
    public var baseDirectory: String = "."
    /// The config file's path as given.
    public var path: String = ""

    public init() {}
}
