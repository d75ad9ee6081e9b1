import EarshotAggregate
import EarshotModel

/// Everything the report is drawn from. Render reads only this: no stage after aggregate can see a
/// person's name unless aggregate put it there (named layers only).
public struct ReportInput: Sendable {
    public var config: EarshotConfig
    public var metrics: Metrics
    public var ledger: Ledger
    /// Broadcasts (webinars, conferences): kept apart, never exposure.
    public var broadcasts: [Interaction]
    /// Display names and addresses that matched nobody, with counts.
    public var unresolvedNames: [String: Int]
    /// The preset each file was read with.
    public var presets: [(file: String, preset: String)]
    /// Earlier runs from the history store, oldest first; empty without `--history`.
    public var trends: [TrendPoint]
    /// earshot's version, printed in the report and the manifest.
    public var version: String
    /// True when the run was given a history store (even an empty one).
    public var historyGiven = false

    public init(config: EarshotConfig, metrics: Metrics, ledger: Ledger, broadcasts: [Interaction],
                unresolvedNames: [String: Int], presets: [(file: String, preset: String)], trends: [TrendPoint], version: String) {
        self.config = config
        self.metrics = metrics
        self.ledger = ledger
        self.broadcasts = broadcasts
        self.unresolvedNames = unresolvedNames
        self.presets = presets
        self.trends = trends
        self.version = version
    }
}
