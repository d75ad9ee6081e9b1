import EarshotModel
import Foundation
import Testing
import TestSupport
@testable import EarshotAggregate
@testable import EarshotHistory

@Suite("the SQLite history store")
struct HistoryStoreTests {
    func metrics(quarter: String, ceoShare: Double, layer1Hours: Double) -> Metrics {
        let period = Period(quarter: quarter, zone: .utc)!
        let headline = Headline(ceoName: "Cleo", ceoShare: ceoShare, ceoTarget: 0.25, executiveTeamShare: ceoShare / 2,
                                executivesJudged: 0, executivesMetCadence: 0, executiveCount: 0, layerBelowHalf: nil,
                                feedbackReachingExecutives: nil)
        let layers = [
            LayerMetrics(layer: 0, headcount: 1, contactRate: 1, hoursMean: 10, hoursMedian: 10, hoursP90: 10, shareMedian: 0.02,
                         cadenceRate: 1, suppressed: false),
            LayerMetrics(layer: 1, headcount: 6, contactRate: 0.5, hoursMean: layer1Hours, hoursMedian: nil, hoursP90: nil,
                         shareMedian: nil, cadenceRate: nil, suppressed: false),
            LayerMetrics(layer: 2, headcount: 2, contactRate: nil, hoursMean: nil, hoursMedian: nil, hoursP90: nil, shareMedian: nil,
                         cadenceRate: nil, suppressed: true),
        ]
        return Metrics(period: period, people: [], layers: layers, chains: [], dilutionByLayer: [:], funnel: [], executiveFeedback: [],
                       accounts: [], logging: [], headline: headline, orgFindings: [], depth: 2, windowsInPeriod: [])
    }

    @Test("runs come back oldest first with their headline and unsuppressed layer figures")
    func roundTrip() throws {
        let path = Fixtures.scratch("history").appendingPathComponent("h.sqlite").path
        let store = try HistoryStore(path: path)
        try store.record(metrics(quarter: "2026-Q2", ceoShare: 0.05, layer1Hours: 12), company: "Acme", runAt: "2026-07-01T02:00:00Z")
        try store.record(metrics(quarter: "2026-Q3", ceoShare: 0.07, layer1Hours: 15), company: "Acme", runAt: "2026-10-01T02:00:00Z")
        // Reopening runs the migrator again without harm and sees both runs.
        let reopened = try HistoryStore(path: path)
        #expect(try reopened.runCount() == 2)
        let trends = try reopened.trends()
        #expect(trends.map(\.period) == ["2026-Q2", "2026-Q3"])
        #expect(trends.map(\.ceoShare) == [0.05, 0.07])
        // The suppressed layer 2 is never stored as a figure.
        #expect(trends[1].layerHoursMean == [0: 10, 1: 15])
    }

    @Test("a path that cannot be a database is a clear error")
    func badPath() {
        #expect(throws: HistoryError.self) { try HistoryStore(path: "/proc/no/such/dir/h.sqlite") }
    }
}
