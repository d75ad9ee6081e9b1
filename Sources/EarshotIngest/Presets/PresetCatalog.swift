import EarshotModel

/// Every preset earshot knows, by name. `preset: auto` chooses among them by the header.
public enum PresetCatalog {
    public static let all: [Preset] = [
        .genericPeople, .salesforceUser,
        .genericAccounts, .genericContacts,
        .outlookCalendar, .genericCalendar,
        .salesforceEvent,
        .genericFeedback, .genericHandoffs,
    ]

    public static func named(_ name: String) -> Preset? { all.first { $0.name == name } }
}
