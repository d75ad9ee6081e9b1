@testable import EarshotModel
import Testing
import TestSupport
@testable import EarshotNormalize

@Suite("people, accounts and participant classification")
struct DirectoryTests {
    func directory(withAccounts: Bool = true) -> Directory {
        let d = Directory(companyDomains: ["acme.example"], ignoreDomains: ["gmail.com"])
        d.upsertPerson(id: "E4", email: EmailAddress("ben.okafor@acme.example")!, name: "Ben Okafor")
        if withAccounts {
            d.hasAccountsSource = true
            let a = d.addAccount(id: "001A", name: "Bluefin", domains: ["bluefin.example"])
            d.addContact(id: "003C", email: EmailAddress("kim@bluefin.example"), name: "Kim Lee", account: a)
        }
        return d
    }

    @Test("Outlook's display-name forms resolve to the same person", arguments: [
        "Okafor, Ben", "Ben Okafor", "ben okafor", "\"Okafor, Ben\" <BEN.OKAFOR@acme.example>", "Ben.Okafor@Acme.Example",
    ])
    func displayNames(text: String) {
        #expect(directory().classify(reference: text) == .person(0))
    }

    /// The byte-level list reader must see the same participants as splitting the list into Strings
    /// (`CalendarRowReader.splitAttendees`, or `split(separator: " ")` for GAM) and classifying each:
    /// the expectation comes from that String path on a second, identical directory (so interned
    /// address ids must also come out in the same order).
    @Test("attendee lists read on bytes resolve like split Strings", arguments: [
        ("Okafor, Ben; kim@bluefin.example;;  auditor@bigfour.example ", false),
        ("\u{00A0}Kim Lee\u{00A0};\tben.okafor@acme.example\t", false),          // no-break spaces and tabs at the edges
        ("a@bluefin.example\r\nb@bluefin.example\rc@bluefin.example\n", false),  // line ends separate too
        (" \u{0301}x@bluefin.example; y@bluefin.example \u{0301}", false),     // a space a combining mark joins is kept
        ("Jörg Ünbekannt; ; ;Renée <renee@bluefin.example>", false),
        ("ben.okafor@acme.example  kim@bluefin.example z@bigfour.example", true),
        ("ben.okafor@acme.example Jörg@bluefin.example  \u{0301}q@bluefin.example", true),
        ("", false), (";;;", false), ("   ", true),
    ])
    func listsOnBytes(list: String, gam: Bool) {
        let bytes = directory(), strings = directory()
        var seen: [ResolvedParticipant] = []
        bytes.forEachParticipant(inList: list, spaceSeparated: gam) { seen.append($0) }
        let parts = gam ? list.split(separator: " ").map(String.init) : CalendarRowReader.splitAttendees(list)
        let expected: [ResolvedParticipant] = parts.compactMap { strings.classify(reference: $0) }.map { cls in
            switch cls {
            case let .person(p): return .person(p)
            case let .customer(a, account): return .customer(address: strings.addressId(a), account: account)
            case let .otherExternal(a): return .otherExternal(address: strings.addressId(a))
            case let .unresolvedInternal(t), let .unresolvedName(t): return .unresolved(t)
            }
        }
        #expect(seen == expected)
        #expect(bytes.addresses == strings.addresses)
        // Met again, the list is replayed from the directory's list cache: same participants.
        var again: [ResolvedParticipant] = []
        bytes.forEachParticipant(inList: list, spaceSeparated: gam) { again.append($0) }
        #expect(again == expected)
    }

    /// The list cache is direct-mapped: with 3,000 distinct lists over 512 slots, slots are shared and
    /// overwritten. Every list, read in an interleaved order and under both separators, must give what
    /// a directory without any earlier lists gives for it alone (expectation: a fresh directory per list,
    /// compared on participants with addresses as text, since interned ids depend on order).
    @Test("the attendee-list cache never mixes lists up: slots shared, both separators")
    func listCacheCollisions() {
        let d = directory()
        func text(_ r: ResolvedParticipant, _ dir: Directory) -> String {
            switch r {
            case let .person(p): return "person \(p)"
            case let .customer(a, account): return "customer \(dir.addresses[a]) \(account.map(String.init) ?? "-")"
            case let .otherExternal(a): return "other \(dir.addresses[a])"
            case let .unresolved(t): return "unresolved \(t)"
            }
        }
        let lists = (0..<3_000).map { i in "u\(i)@bluefin.example;Okafor, Ben u\(i % 7)@other.example" }
        for round in 0..<2 {
            for (i, list) in lists.enumerated() {
                let gam = (i + round) % 2 == 0
                var seen: [String] = []
                d.forEachParticipant(inList: list, spaceSeparated: gam) { seen.append(text($0, d)) }
                let fresh = directory()
                var expected: [String] = []
                fresh.forEachParticipant(inList: list, spaceSeparated: gam) { expected.append(text($0, fresh)) }
                #expect(seen == expected, "list \(i), round \(round)")
                #expect(seen.count == (gam ? 3 : 2))
            }
        }
    }

    /// Display names as calendars write them, and the key each is looked up by (the rule in
    /// `Directory.nameKey`'s comment: quotes and an `<address>` part dropped, "Last, First" turned
    /// around, lower-cased, runs of spaces and tabs made one space).
    @Test("display names become one lookup key", arguments: [
        ("Okafor, Ben", "ben okafor"), ("Ben Okafor", "ben okafor"), ("  Ben \t  Okafor ", "ben okafor"),
        ("\"Ben Okafor\" <ben@acme.example>", "ben okafor"), ("Ben \"Benny\" Okafor", "ben benny okafor"),
        ("O'Neil, Rania", "rania o'neil"), ("José Núñez", "josé núñez"), (",Ben", ",ben"), ("", ""),
    ])
    func nameKeys(name: String, key: String) {
        #expect(Directory.nameKey(name) == key)
    }

    /// ASCII names take a byte path; it must give what the Character rules give, on random text dense
    /// in what the rules act on (`<`, quotes, commas, spaces, tabs, CR LF, both cases).
    @Test("ASCII name keys: bytes and Characters agree on 5,000 random names")
    func asciiNameKeys() {
        var generator = SplitMix(seed: 2029)
        let pieces = ["Ben", "OKAFOR", "o'neil", " ", "  ", "\t", ",", "\"", "<", ">", "ben@acme.example", "\r\n", "A", "z", "-", "."]
        var turned = 0
        for _ in 0..<5_000 {
            let name = generator.text(from: pieces, upTo: 7)
            let bytes = Directory.asciiNameKey(Array(name.utf8))
            #expect(bytes == Directory.characterNameKey(name), "\(name.debugDescription)")
            if name.utf8.contains(0x2C), !bytes.utf8.contains(0x2C) { turned += 1 }
        }
        // Some names are "Last, First" and get turned around, so that rule is compared too.
        #expect(turned > 100)
    }

    @Test("the byte-keyed cache finds every key it stored, across growth, and no other")
    func byteKeyedTable() {
        var table = ByteKeyedTable<Int>()
        // Keys of every length around a slot's 32-byte head, and some far past it.
        let keys = (0..<5_000).map { "user\($0)@bluefin.example" } + ["", "a", "exactly8", "nine char"]
            + (28...40).map { String(repeating: "k", count: $0) } + (0..<300).map { "customer.contact\($0)@a-very-long-domain.example" }
        for (i, k) in keys.enumerated() {
            let u = Substring(k).utf8
            #expect(table.value(for: u, hash: ByteKeyedTable<Int>.hash(u)) == nil)
            table.insert(u, hash: ByteKeyedTable<Int>.hash(u), value: i)
        }
        for (i, k) in keys.enumerated() {
            let u = Substring(k).utf8
            #expect(table.value(for: u, hash: ByteKeyedTable<Int>.hash(u)) == i)
        }
        // A key longer than the table keeps is not stored: looked up, it misses (callers compute again).
        let long = String(repeating: "x", count: ByteKeyedTable<Int>.maxKeyLength + 1)
        table.insert(Substring(long).utf8, hash: ByteKeyedTable<Int>.hash(Substring(long).utf8), value: -1)
        #expect(table.value(for: Substring(long).utf8, hash: ByteKeyedTable<Int>.hash(Substring(long).utf8)) == nil)
        #expect(table.count == keys.count)
        // A key that is a prefix of a stored one, or differs in its last byte, is not found.
        // Also keys equal to a stored one in the first 32 bytes (the head) but not after, or the reverse.
        let near = ["customer.contact1@a-very-long-domain.exampld", "customer.contact1@a-very-long-domain.exampl",
                    "Customer.contact1@a-very-long-domain.example", String(repeating: "k", count: 40) + "k",
                    String(repeating: "k", count: 31) + "j", String(repeating: "k", count: 32) + "j"]
        for k in ["user1@bluefin.exampl", "user1@bluefin.examplf", "exactly9"] + near {
            #expect(table.value(for: Substring(k).utf8, hash: ByteKeyedTable<Int>.hash(Substring(k).utf8)) == nil)
        }
    }

    @Test("customers, other externals and unresolved names")
    func classes() {
        let d = directory()
        #expect(d.classify(reference: "Kim Lee") == .customer("kim@bluefin.example", account: 0))
        #expect(d.classify(reference: "someone@bluefin.example") == .customer("someone@bluefin.example", account: 0))
        #expect(d.classify(reference: "auditor@bigfour.example") == .otherExternal("auditor@bigfour.example"))
        #expect(d.classify(reference: "kim.lee@gmail.com") == .otherExternal("kim.lee@gmail.com"))
        #expect(d.classify(reference: "Pat Unknown") == .unresolvedName("Pat Unknown"))
        #expect(d.classify(reference: "ghost@acme.example") == .unresolvedInternal("ghost@acme.example"))
    }

    @Test("with no accounts source, any non-company, non-ignored domain is a customer")
    func noAccounts() {
        let d = directory(withAccounts: false)
        #expect(d.classify(reference: "buyer@anywhere.example") == .customer("buyer@anywhere.example", account: nil))
        #expect(d.classify(reference: "me@gmail.com") == .otherExternal("me@gmail.com"))
    }

    @Test("account domains from websites", arguments: [
        ("https://www.Example.no/", "example.no"), ("http://example.co.uk/path?q=1", "example.co.uk"), ("EXAMPLE.com", "example.com"),
    ])
    func domains(text: String, expected: String) {
        #expect(DomainName.normalize(text) == expected)
    }

    /// ASCII domains and websites take a byte path; it must give what the Character rules give, on
    /// random text made of the pieces those rules cut at (schemes, `www.`, `/ ? # : @`, dots, spaces).
    @Test("ASCII domains: bytes and Characters agree on 5,000 random inputs")
    func asciiDomains() {
        let pieces = ["https://", "HTTP://", "www.", "WWW.", "Example", "co", ".", "..", "/", "?q=1", "#top", ":8080", "@",
                      "user", " ", "\t", "-", "\r\n", "no"]
        let kept = compareOnRandomText(seed: 2030, pieces: pieces, upTo: 6, count: 5_000,
                                       bytes: { DomainName.normalizeASCII(Array($0.utf8)) },
                                       characters: { DomainName.normalizeCharacters($0) })
        // Some inputs are domains, so both outcomes are compared.
        #expect(kept > 200)
    }

    @Test("the Salesforce empty-id sentinel reads as empty")
    func sentinel() {
        #expect(Directory.cleanId("000000000000000AAA") == nil)
        #expect(Directory.cleanId(" 005Dn000001AbCdIAA ") == "005Dn000001AbCdIAA")
    }
}

@Suite("account domains and subdomains")
struct SubdomainTests {
    @Test("an address on a subdomain belongs to the account of its nearest listed parent")
    func subdomain() {
        let d = Directory(companyDomains: ["acme.example"], ignoreDomains: [])
        d.hasAccountsSource = true
        d.addAccount(id: "A", name: "Bluefin", domains: ["bluefin.example"])
        d.addAccount(id: "B", name: "Bluefin Europe", domains: ["eu.bluefin.example"])
        #expect(d.classify(reference: "x@ops.eu.bluefin.example") == .customer("x@ops.eu.bluefin.example", account: 1))
        #expect(d.classify(reference: "y@us.bluefin.example") == .customer("y@us.bluefin.example", account: 0))
        #expect(d.classify(reference: "z@notbluefin.example") == .otherExternal("z@notbluefin.example"))
    }
}
