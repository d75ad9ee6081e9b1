import EarshotModel

extension Preset {
    /// Zendesk Support ticket export (Admin Center › Account › Tools › Reports › Export, or Explore):
    /// Requester, Submitter and Assignee are names; custom fields follow as `Title [type]`.
    public static let zendeskTickets = Preset(
        name: "zendesk-tickets", kind: .feedback,
        summary: "Zendesk Support: Admin Center › Account › Tools › Reports › Export › CSV (full ticket export). Captured by the Assignee (a name) at Created at (yyyy-MM-dd HH:mm, zone unconfirmed: set the source's timezone); account = Organization, else the requester's domain.",
        fields: [
            FieldSpec("id", ["Id"], required: true),
            FieldSpec("captured_by", ["Assignee"], required: true),
            FieldSpec("requester", ["Requester"]),
            FieldSpec("requester_email", ["Requester email"]),
            FieldSpec("requester_domain", ["Requester domain"]),
            FieldSpec("account", ["Organization"]),
            FieldSpec("captured_at", ["Created at"], required: true),
            FieldSpec("channel", ["Via"]),
            FieldSpec("status", ["Status"]),
            FieldSpec("subject", ["Subject"]),
            FieldSpec("group", ["Group"]),
            FieldSpec("ticket_type", ["Ticket type"]),
        ],
        signature: ["Summation column", "Requester domain", "Requester external id", "Ticket type", "Group stations", "Assignee stations"])

    /// Ticket audits flattened to one row per field change. No confirmed real export exists: Zendesk
    /// has no audit CSV in its UI; these headers are what an export script is expected to write.
    public static let zendeskAudits = Preset(
        name: "zendesk-audits", kind: .handoffs,
        summary: "Zendesk ticket audits, one row per change event. No confirmed real header: Zendesk offers no audit CSV in its UI, so this is the shape of a script over the Ticket Audits API (GET /api/v2/ticket_audits) writing ticket_id, created_at, author_id, field_name, value, previous_value (labels Ticket ID, Created at, Author, Field, Value, Previous value also match). assignee_id changes are the handoffs.",
        fields: [
            FieldSpec("item_id", ["Ticket ID", "ticket_id"], required: true),
            FieldSpec("at", ["Created at", "created_at"], required: true),
            FieldSpec("author", ["Author", "author_id"]),
            FieldSpec("field", ["Field", "field_name"]),
            FieldSpec("new_value", ["Value", "value"]),
            FieldSpec("old_value", ["Previous value", "previous_value"]),
            FieldSpec("audit_id", ["Audit ID", "audit_id"]),
        ],
        signature: ["Previous value", "previous_value", "field_name", "author_id", "audit_id"])
}
