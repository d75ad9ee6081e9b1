import EarshotModel

/// One canonical field of a preset: the headers that may carry it, and whether a file without it
/// cannot be read at all.
public struct FieldSpec: Sendable, Hashable {
    public let field: String
    public let headers: [String]
    public let required: Bool

    public init(_ field: String, _ headers: [String], required: Bool = false) {
        self.field = field
        self.headers = headers
        self.required = required
    }
}

/// A known export format: which kind of source it is and how its headers map to canonical fields.
/// Headers match ignoring case, spaces, `_` and `-` (Data Loader upper-cases; BambooHR varies spacing).
public struct Preset: Sendable, Hashable {
    public let name: String
    public let kind: SourceKind
    /// Where the files come from and how to export them (printed by `sniff` and in the README).
    public let summary: String
    public let fields: [FieldSpec]
    /// A header only this format writes, used by `preset: auto` to break ties between similar presets.
    public let signature: [String]

    // Derived once here, not per header row: sniffing ranks every preset against up to 30 rows.
    /// Each field's headers in matching form, parallel to `fields`.
    let normalizedFieldHeaders: [[String]]
    let normalizedSignature: [String]
    /// Every header and signature header, in matching form and as written.
    let knownNormalized: Set<String>
    let knownWritten: Set<String>

    public init(name: String, kind: SourceKind, summary: String, fields: [FieldSpec], signature: [String] = []) {
        self.name = name
        self.kind = kind
        self.summary = summary
        self.fields = fields
        self.signature = signature
        normalizedFieldHeaders = fields.map { $0.headers.map(Self.normalizeHeader) }
        normalizedSignature = signature.map(Self.normalizeHeader)
        knownNormalized = Set(normalizedFieldHeaders.joined()).union(normalizedSignature)
        knownWritten = Set(fields.flatMap(\.headers) + signature)
    }

    /// The canonical field names this preset fills.
    public var fieldNames: [String] { fields.map(\.field) }

    /// A copy with the config's `columns:` overrides applied (canonical field → source header).
    public func overriding(_ columns: [String: String]) -> Preset {
        guard !columns.isEmpty else { return self }
        var specs = fields.map { spec in
            columns[spec.field].map { FieldSpec(spec.field, [$0], required: spec.required) } ?? spec
        }
        for (field, header) in columns.sorted(by: { $0.key < $1.key }) where !fieldNames.contains(field) {
            specs.append(FieldSpec(field, [header]))
        }
        return Preset(name: name, kind: kind, summary: summary, fields: specs, signature: signature)
    }

    /// Header text in the form used for matching.
    public static func normalizeHeader(_ text: String) -> String {
        var s = text
        if s.hasPrefix("\u{FEFF}") { s.removeFirst() }
        return String(s.lowercased().unicodeScalars.filter { $0 != " " && $0 != "_" && $0 != "-" && $0 != "\u{00A0}" }
            .map(Character.init))
    }

    /// Maps a header row to column indexes per canonical field: the first matching header wins.
    public func columnMap(for header: [String]) -> ColumnMap {
        columnMap(for: header, normalized: header.map(Self.normalizeHeader))
    }

    /// `columnMap(for:)` with the header already in matching form (`normalizeHeader` of each cell).
    func columnMap(for header: [String], normalized: [String]) -> ColumnMap {
        var indexes: [String: Int] = [:]
        for (spec, keys) in zip(fields, normalizedFieldHeaders) {
            for key in keys {
                if let i = normalized.firstIndex(of: key) {
                    indexes[spec.field] = i
                    break
                }
            }
        }
        let missing = fields.filter { $0.required && indexes[$0.field] == nil }.map(\.field)
        let sig = normalizedSignature.filter { normalized.contains($0) }.count
        return ColumnMap(indexes: indexes, missingRequired: missing, header: header, signatureHits: sig)
    }
}

/// The result of matching a header row against a preset.
public struct ColumnMap: Sendable {
    public let indexes: [String: Int]
    public let missingRequired: [String]
    /// The header row as written.
    public let header: [String]
    public let signatureHits: Int

    public var headerCount: Int { header.count }

    public var isComplete: Bool { missingRequired.isEmpty }
}

/// A file's column map and name held by reference: the rows of one stream all point at their stream's
/// copy, so a row costs one retain, of an object no other thread touches (an object retained from two
/// threads at once moves between their caches on every row).
final class ColumnMapReference: Sendable {
    let map: ColumnMap
    let file: String
    init(_ map: ColumnMap, file: String) {
        self.map = map
        self.file = file
    }
}

/// A record whose columns are addressed by canonical field name.
public struct MappedRow: Sendable {
    public let record: CSVRecord
    private let columns: ColumnMapReference
    private var map: ColumnMap { columns.map }

    init(record: CSVRecord, columns: ColumnMapReference) {
        self.record = record
        self.columns = columns
    }

    /// Where the row is: its file, and its record's first line and byte.
    public var location: SourceLocation { SourceLocation(file: columns.file, line: record.line, byte: record.byte) }
    /// The line the row's record starts on (`location.line`, without making a location).
    public var line: Int { record.line }

    /// The value of a canonical field, with spaces at both ends removed; "" when the column is absent.
    public subscript(field: String) -> String {
        guard let i = map.indexes[field], i < record.fieldCount else { return "" }
        return record.field(i).trimmingSpaces()
    }

    /// The value of a column found once per file (`ColumnMap.indexes`), trimmed; "" when absent.
    /// Row readers on the hot path look their columns up once instead of hashing a name per value.
    public subscript(column column: Int?) -> String {
        guard let i = column, i < record.fieldCount else { return "" }
        return record.field(i).trimmingSpaces()
    }

    /// True when the file has a column for this field.
    public func has(_ field: String) -> Bool { map.indexes[field] != nil }

    /// All fields, for presets that read columns by pattern (GAM's indexed attendees).
    public var fields: [String] { record.fields }
    /// The file's header row, for presets that read columns by pattern.
    public var header: [String] { map.header }
}
