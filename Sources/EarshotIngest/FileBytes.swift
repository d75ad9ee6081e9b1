import Foundation

/// Reads files in chunks with FileHandle, so no input is ever held whole in memory.
public enum FileBytes {
    public static let chunkSize = 1 << 20

    /// The first `count` bytes of a file (fewer when it is shorter).
    public static func readPrefix(path: String, displayName: String, count: Int) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileManager.default.fileExists(atPath: path)
                ? IngestError.unreadable(file: displayName, reason: "permission denied or not a regular file")
                : IngestError.fileMissing(file: displayName, pattern: displayName)
        }
        defer { try? handle.close() }
        do {
            return [UInt8](try handle.read(upToCount: count) ?? Data())
        } catch {
            throw IngestError.unreadable(file: displayName, reason: "\(error)")
        }
    }

    /// Calls `body` with each chunk of the file in order.
    public static func forEachChunk(path: String, displayName: String, _ body: ([UInt8]) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError.unreadable(file: displayName, reason: "the file disappeared or cannot be opened")
        }
        defer { try? handle.close() }
        while true {
            let data: Data?
            do { data = try handle.read(upToCount: chunkSize) } catch {
                throw IngestError.unreadable(file: displayName, reason: "\(error)")
            }
            guard let data, !data.isEmpty else { return }
            try body([UInt8](data))
        }
    }
}
