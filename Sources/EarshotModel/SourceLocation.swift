/// Where a record starts in an input file: the file as the config named it, the 1-based line, and the
/// 0-based byte offset in the file as stored on disk (before any transcoding).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let byte: Int

    public init(file: String, line: Int, byte: Int) {
        self.file = file
        self.line = line
        self.byte = byte
    }

    public var description: String { "\(file):\(line) (byte \(byte))" }
}

/// The kinds of source a config can name; each kind has its own presets and canonical fields.
public enum SourceKind: String, Sendable, CaseIterable, Codable {
    case people, accounts, contacts, calendar, crm, feedback, handoffs
}
