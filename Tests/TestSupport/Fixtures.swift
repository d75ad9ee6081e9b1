import Foundation

/// Locates the repository's `Fixtures/` folder from this file's path (`Bundle.module` cannot reach a
/// top-level folder) and makes scratch folders for tests that write files.
public enum Fixtures {
    /// The repository root.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func url(_ relative: String) -> URL { root.appendingPathComponent("Fixtures").appendingPathComponent(relative) }
    public static func path(_ relative: String) -> String { url(relative).path }

    /// A fresh empty folder under the system's temporary folder.
    public static func scratch(_ name: String = "earshot-test") -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes `bytes` to `name` inside `dir` and returns the path.
    @discardableResult
    public static func write(_ bytes: [UInt8], to name: String, in dir: URL) -> String {
        let url = dir.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: url)
        return url.path
    }

    @discardableResult
    public static func write(_ text: String, to name: String, in dir: URL) -> String {
        write(Array(text.utf8), to: name, in: dir)
    }
}
