import EarshotModel

extension Preset {
    /// `id,captured_by,account,requester_email,captured_at,channel`: feedback from any tool.
    public static let genericFeedback = Preset(
        name: "generic-feedback", kind: .feedback,
        summary: "Any feedback log: id,captured_by,account,requester_email,captured_at,channel (captured_by an e-mail or a name).",
        fields: [
            FieldSpec("id", ["id", "item_id"], required: true),
            FieldSpec("captured_by", ["captured_by", "captured by", "owner"], required: true),
            FieldSpec("account", ["account", "account_id", "organization"]),
            FieldSpec("requester_email", ["requester_email", "requester email"]),
            FieldSpec("captured_at", ["captured_at", "captured at", "created_at"], required: true),
            FieldSpec("channel", ["channel", "via"]),
        ],
        signature: ["captured_by", "captured_at"])

    /// `item_id,from,to,at`: who passed which feedback item to whom, and when.
    public static let genericHandoffs = Preset(
        name: "generic-handoffs", kind: .handoffs,
        summary: "Any handoff log: item_id,from,to,at (from/to e-mails or names).",
        fields: [
            FieldSpec("item_id", ["item_id", "item id", "ticket_id"], required: true),
            FieldSpec("from", ["from", "from_email"], required: true),
            FieldSpec("to", ["to", "to_email"], required: true),
            FieldSpec("at", ["at", "handed_at", "created_at"], required: true),
        ],
        signature: ["item_id", "from", "to"])
}
