import EarshotModel

/// Every preset earshot knows, by name. `preset: auto` chooses among them by the header
/// (`Sniffer.rank`); the order here only breaks exact ties, and lists presets by kind.
public enum PresetCatalog {
    public static let all: [Preset] = [
        // people
        .genericPeople, .salesforceUser, .salesforceUserRole, .bamboohrPeople, .workdayPeople,
        .entraUsers, .entraManagers,
        // accounts and contacts
        .genericAccounts, .salesforceAccount, .hubspotCompanies,
        .genericContacts, .salesforceContact, .hubspotContacts,
        // calendars
        .outlookCalendar, .googleCalendar, .gamEvents, .genericCalendar,
        // crm
        .salesforceEvent, .salesforceTask, .salesforceEventRelation, .salesforceReport,
        .hubspotMeetings, .hubspotCalls, .dynamicsAppointments,
        // feedback and handoffs
        .genericFeedback, .zendeskTickets, .salesforceCase,
        .genericHandoffs, .salesforceCaseHistory, .zendeskAudits,
    ]

    public static func named(_ name: String) -> Preset? { all.first { $0.name == name } }
}
