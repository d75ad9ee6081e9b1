import EarshotModel
import Testing
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
