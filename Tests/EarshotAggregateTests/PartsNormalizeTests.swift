import EarshotIngest
import EarshotModel
import EarshotNormalize
import Testing
import TestSupport

/// The normalizer's side of reading a calendar or CRM file in parts: each later part's own directory
/// snapshot, candidates and unresolved names must come back as if one thread had read the file.
@Suite("normalizing a calendar or CRM file read in parts")
struct PartsNormalizeTests {
    static func normalize(parallelism: Int, partBytes: Int) throws -> (NormalizeResult, Normalizer) {
        let config = try ConfigLoader.load(path: Fixtures.path("demo/earshot.yml"))
        let period = Period(quarter: config.quarter!, zone: ZoneRules(identifier: config.timezone)!)!
        let normalizer = Normalizer(config: config, period: period)
        normalizer.parallelism = parallelism
        normalizer.minimumPartBytes = partBytes
        return (try normalizer.run(files: try SourceResolver.files(for: config)), normalizer)
    }

    @Test("the demo's calendar and Salesforce events in three parts give the one-thread model and ledger")
    func demoInParts() throws {
        let (one, n1) = try Self.normalize(parallelism: 1, partBytes: 1 << 30)
        let (three, n3) = try Self.normalize(parallelism: 3, partBytes: 20_000)
        #expect(n1.partsRead["calendar/events.csv"] == 1)
        // 444,545 bytes in three shares: no cut lands inside a quoted field or after a blank line there.
        #expect(n3.partsRead["calendar/events.csv"] == 3)
        // The Salesforce events (a CRM file) are read in parts the same way.
        #expect(n1.partsRead["salesforce/Event.csv"] == 1)
        #expect(n3.partsRead["salesforce/Event.csv"] == 3) // 101,527 bytes: no cut inside a quoted description
        #expect(three.ledger.files == one.ledger.files)
        #expect(three.ledger.rejects == one.ledger.rejects)
        #expect(three.model.unresolvedNames == one.model.unresolvedNames)
        #expect(three.model.exposures == one.model.exposures)
        #expect(three.model.interactions.count == one.model.interactions.count)
        for (a, b) in zip(three.model.interactions, one.model.interactions) {
            #expect(a.index == b.index && a.source == b.source && a.start == b.start && a.end == b.end
                    && a.internalParticipants == b.internalParticipants && a.customerAddresses == b.customerAddresses
                    && a.otherExternalCount == b.otherExternalCount && a.accounts == b.accounts && a.subject == b.subject)
        }
    }
}
