import EarshotModel
import Testing
@testable import EarshotIngest

/// Sniffer decisions on small in-memory samples (each sample is the whole "file").
@Suite("sniffer")
struct SniffTests {
    static func sniff(_ text: String, kind: SourceKind? = nil) -> SniffResult {
        Sniffer.sniff(sample: Array(text.utf8), whole: true, kind: kind)
    }

    static let encodingCases: [(String, [UInt8], TextEncoding)] = [
        ("ASCII is UTF-8", Array("a,b\n1,2\n".utf8), .utf8),
        ("é as C3 A9 is UTF-8", [0x63, 0x61, 0x66, 0xC3, 0xA9, 0x0A], .utf8),
        ("UTF-8 BOM", [0xEF, 0xBB, 0xBF, 0x61, 0x2C, 0x62, 0x0A], .utf8BOM),
        ("UTF-16LE BOM", [0xFF, 0xFE, 0x61, 0x00, 0x2C, 0x00, 0x62, 0x00], .utf16LE),
        ("UTF-16BE BOM", [0xFE, 0xFF, 0x00, 0x61, 0x00, 0x2C, 0x00, 0x62], .utf16BE),
        // every other byte NUL, none at the even positions: UTF-16LE without a BOM
        ("UTF-16LE without BOM", [0x61, 0x00, 0x2C, 0x00, 0x62, 0x00, 0x0A, 0x00], .utf16LE),
        // é as the single byte E9 is not UTF-8
        ("Latin-1 é", [0x63, 0x61, 0x66, 0xE9, 0x2C, 0x62, 0x0A], .windows1252),
        // a lone 0x81 (undefined in strict Windows-1252) is not UTF-8 either
        ("undefined byte 0x81", [0x61, 0x81, 0x2C, 0x62, 0x0A], .windows1252),
    ]

    @Test("encoding is decided by bytes", arguments: encodingCases)
    func encoding(_ c: (String, [UInt8], TextEncoding)) {
        #expect(Sniffer.encoding(of: c.1) == c.2, "\(c.0)")
    }

    static let delimiterCases: [(String, String)] = [
        ("a,b,c\n1,2,3\n4,5,6\n", "comma"),
        // the commas sit inside quotes: only `;` splits every row into the same 3 fields
        ("a;b;c\n\"1,5\";2;3\n4;\"5,5\";6\n", "semicolon"),
        ("a\tb\tc\n1\t2\t3\n", "tab"),
        ("a|b|c\n1|2|3\n", "pipe"),
    ]

    @Test("delimiter", arguments: delimiterCases)
    func delimiter(_ c: (String, String)) {
        #expect(Self.sniff(c.0).delimiterName == c.1)
    }

    @Test("Excel's sep= line sets the delimiter and pushes the header to record 1")
    func excelSep() {
        let r = Self.sniff("sep=;\r\nid;email;name;title\r\nE1;a@tidewater.example;A;CEO\r\n")
        #expect(r.excelSepLine)
        #expect(r.delimiterName == "semicolon")
        #expect(r.headerRecordIndex == 1)
        #expect(r.header == ["id", "email", "name", "title"])
        #expect(r.preset?.name == "generic-people")
    }

    @Test("title lines before the header are a preamble")
    func preamble() {
        // records: 0 title, 1 "exported …" line, 2 header (the blank line is no record)
        let r = Self.sniff("Account list\nExported 2026-09-08\n\nid,name,domain,website\nA1,Tern,tern.example,\n")
        #expect(r.headerRecordIndex == 2)
        #expect(r.preset?.name == "generic-accounts")
    }

    @Test("Qualtrics: labels and ImportId rows after the header are extra header rows")
    func qualtrics() {
        // Qualtrics quotes the JSON cells, doubling their quotes
        let three = "ResponseId,RecordedDate,Q1\nResponse ID,Recorded Date,How likely…\n"
            + #""{""ImportId"":""_recordId""}","{""ImportId"":""recordedDate"",""timezone"":""America/Denver""}","{""ImportId"":""QID1""}""# + "\n"
            + "R_1,2026-07-01 10:00:00,9\n"
        #expect(Self.sniff(three).extraHeaderRows == 2)
        // the legacy format: one JSON row right after the header
        let two = "ResponseId,Q1\n" + #""{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}""# + "\nR_1,9\n"
        #expect(Self.sniff(two).extraHeaderRows == 1)
        #expect(Self.sniff("a,b\n1,2\n3,4\n").extraHeaderRows == 0)
    }

    @Test("no preset fits: the first row of more than one field is the header")
    func noPreset() {
        let r = Self.sniff("Report\nx,y,z\n1,2,3\n")
        #expect(r.preset == nil)
        #expect(r.headerRecordIndex == 1)
        #expect(r.header == ["x", "y", "z"])
    }

    @Test("equal scores: the preset spelled exactly like the header wins")
    func exactSpellingBreaksTies() throws {
        let header = ["id", "email", "name", "manager_id"]
        // generic-people and salesforce-user both claim the 4 columns (40) with no signature; generic-people
        // writes all four exactly so, salesforce-user none (Id, Email, Name, ManagerId).
        let g = try #require(Sniffer.rank(.genericPeople, header: header))
        let s = try #require(Sniffer.rank(.salesforceUser, header: header))
        #expect(g.score == 40 && s.score == 40)
        #expect(g.exactHeaders == 4 && s.exactHeaders == 0)
        #expect(Self.sniff("id,email,name,manager_id\nE1,a@tidewater.example,A,\n").preset?.name == "generic-people")
        // generic-contacts vs salesforce-contact on id,email,name,account_id: 40 each, exact 4 vs 0
        #expect(Self.sniff("id,email,name,account_id\nC1,a@tern.example,A,A1\n").preset?.name == "generic-contacts")
    }

    @Test("signature columns outweigh shared ones (Data Loader upper-cases headers)")
    func signatureWins() throws {
        let header = ["ID", "OWNERID", "SUBJECT", "TASKSUBTYPE", "CALLDURATIONINSECONDS"]
        // salesforce-task: 5 columns claimed (50) + 2 signature hits (40) = 90; salesforce-event: Id,
        // OwnerId, Subject = 30.
        #expect(try #require(Sniffer.rank(.salesforceTask, header: header)).score == 90)
        #expect(try #require(Sniffer.rank(.salesforceEvent, header: header)).score == 30)
        #expect(Self.sniff(header.joined(separator: ",") + "\n00T1,0051,Call,Call,60\n").preset?.name == "salesforce-task")
    }

    @Test("Google's header is a subset of Outlook's: Google wins by claiming Description too")
    func googleVersusOutlook() throws {
        let header = ["Subject", "Start Date", "Start Time", "End Date", "End Time", "All Day Event", "Description", "Location", "Private"]
        // google claims all 9 (90); outlook claims all but Description (80).
        #expect(try #require(Sniffer.rank(.googleCalendar, header: header)).score == 90)
        #expect(try #require(Sniffer.rank(.outlookCalendar, header: header)).score == 80)
    }

    @Test("a source's kind limits preset: auto to presets of that kind")
    func kindRestricts() {
        let text = "Id,Email,Name,AccountId\n003A,a@tern.example,A,001A\n"
        // any kind: salesforce-contact claims 4 columns (40); people only: salesforce-user claims 3
        // (30) and ties generic-people (30) but spells Id, Email, Name exactly.
        #expect(Self.sniff(text).preset?.name == "salesforce-contact")
        #expect(Self.sniff(text, kind: .people).preset?.name == "salesforce-user")
        #expect(Self.sniff(text, kind: .calendar).preset == nil)
    }
}
