import EarshotModel

extension Preset {
    /// `id,name,domain,website`: any CRM's account list; `domain` may hold several, separated by `;`.
    public static let genericAccounts = Preset(
        name: "generic-accounts", kind: .accounts,
        summary: "Any account list: id,name,domain,website (domain may hold several, separated by ';').",
        fields: [
            FieldSpec("id", ["id", "account_id", "account id"], required: true),
            FieldSpec("name", ["name", "account_name", "account name"], required: true),
            FieldSpec("domain", ["domain", "domains"]),
            FieldSpec("website", ["website", "url"]),
        ])

    /// `id,email,name,account_id`: customer contacts linked to accounts.
    public static let genericContacts = Preset(
        name: "generic-contacts", kind: .contacts,
        summary: "Any contact list: id,email,name,account_id.",
        fields: [
            FieldSpec("id", ["id", "contact_id", "contact id"], required: true),
            FieldSpec("email", ["email"], required: true),
            FieldSpec("name", ["name", "full name"]),
            FieldSpec("account_id", ["account_id", "account id", "accountid"]),
        ])
}
