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

    /// Calls `body` with each chunk of the file in order (POSIX reads: see `ChunkedFile`).
    public static func forEachChunk(path: String, displayName: String, range: Range<Int>? = nil,
                                    _ body: ([UInt8]) throws -> Void) throws {
        let opened: Bool
        do {
            opened = try ChunkedFile.forEachChunk(path: path, chunkSize: chunkSize, range: range, body)
        } catch let e as ChunkedFileError {
            throw IngestError.unreadable(file: displayName, reason: e.description)
        }
        guard opened else {
            throw IngestError.unreadable(file: displayName, reason: "the file disappeared or cannot be opened")
        }
    }
}
