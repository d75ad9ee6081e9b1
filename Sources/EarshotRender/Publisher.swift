import CAtomicSwap
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why outputs could not be published; each maps to a DESIGN.md exit code.
public enum PublishError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Another run holds the lock (exit 75).
    case locked(target: String)
    /// The output folder (or the folder beside it) cannot be created (exit 73).
    case cannotCreate(path: String, reason: String)
    /// A file cannot be written or synced, e.g. a full disk (exit 74).
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .locked(target):
            return "\(target): another earshot run is publishing to this folder (lock \(target).lock is held). Fix: wait for it to finish, or run with another --out."
        case let .cannotCreate(path, reason):
            return "\(path): cannot create the output folder: \(reason). Fix: check that the parent folder exists and is writable, or choose another --out."
        case let .cannotWrite(path, reason):
            return "\(path): cannot write: \(reason). Fix: free disk space or check permissions; the last good report was left as it was."
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .locked: return 75
        case .cannotCreate: return 73
        case .cannotWrite: return 74
        }
    }
}

/// An exclusive advisory lock on `TARGET.lock` beside the output folder: two runs never interleave;
/// the second is refused at once (exit 75). Released when the process ends, even on SIGKILL.
public final class OutputLock {
    private let fd: Int32

    public init(target: String) throws {
        let path = target + ".lock"
        let parent = (target as NSString).deletingLastPathComponent
        if !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) {
            do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
                throw PublishError.cannotCreate(path: parent, reason: Self.reason(error))
            }
        }
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PublishError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw PublishError.locked(target: target)
        }
    }

    deinit {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }

    static func reason(_ error: Error) -> String { (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription }
}

/// Writes a run into a fresh folder beside the target, syncs every file, and swaps it into place in
/// one step, so a failed or killed run never touches the last good report (DESIGN.md "Publishing").
public struct Publisher {
    /// The folder readers open, e.g. `out/demo`.
    public let target: String

    public init(target: String) {
        var t = target
        while t.count > 1 && t.hasSuffix("/") { t.removeLast() }
        self.target = t
    }

    /// Test hook for the failure drills: milliseconds to wait after each file is written, so a test can
    /// kill a run in the middle of publishing (`EARSHOT_TEST_WRITE_DELAY_MS`). Unset in normal use.
    static let writeDelay: UInt32 = UInt32(ProcessInfo.processInfo.environment["EARSHOT_TEST_WRITE_DELAY_MS"] ?? "") ?? 0

    /// Creates the staging folder `TARGET.staging-PID`, empty. Called under the lock, so staging folders
    /// left by runs that were killed are removed first.
    public func makeStaging() throws -> String {
        let parent = (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        where name.hasPrefix(base + ".staging-") || name.hasPrefix(base + ".previous-") {
            try? FileManager.default.removeItem(atPath: parent + "/" + name)
        }
        let staging = "\(target).staging-\(getpid())"
        do { try FileManager.default.createDirectory(atPath: staging + "/data", withIntermediateDirectories: true) } catch {
            throw PublishError.cannotCreate(path: staging, reason: OutputLock.reason(error))
        }
        return staging
    }

    /// Writes one file inside the staging folder and fsyncs it.
    public func write(_ contents: String, to relative: String, in staging: String) throws {
        let path = staging + "/" + relative
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PublishError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        // Written a MiB at a time: one copy of a slice in memory, never of the whole table (the
        // interactions table is tens of MB at 10M input rows), and no pointer code outside ingest.
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        let utf8 = contents.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8.index(start, offsetBy: 1 << 20, limitedBy: utf8.endIndex) ?? utf8.endIndex
            do { try handle.write(contentsOf: Data(utf8[start..<end])) } catch {
                throw PublishError.cannotWrite(path: path, reason: OutputLock.reason(error))
            }
            start = end
        }
        guard fsync(fd) == 0 else { throw PublishError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        if Self.writeDelay > 0 { usleep(Self.writeDelay * 1000) }
    }

    static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }

    /// Swaps the staging folder into place: an atomic exchange where the file system allows it, else
    /// rename the old folder aside and the new one in. The old report is then removed.
    public func publish(staging: String) throws {
        Self.syncFolder(staging + "/data")
        Self.syncFolder(staging)
        let parent = (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: target) {
            guard rename(staging, target) == 0 else {
                throw PublishError.cannotWrite(path: target, reason: String(cString: strerror(errno)))
            }
        } else if earshot_exchange_paths(staging, target) == 0 {
            // `staging` now holds the previous report.
            try? FileManager.default.removeItem(atPath: staging)
        } else {
            let aside = "\(target).previous-\(getpid())"
            guard rename(target, aside) == 0 else {
                throw PublishError.cannotWrite(path: target, reason: String(cString: strerror(errno)))
            }
            guard rename(staging, target) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(aside, target)
                throw PublishError.cannotWrite(path: target, reason: reason)
            }
            try? FileManager.default.removeItem(atPath: aside)
        }
        Self.syncFolder(parent)
    }

    /// Keeps a complete run that failed a quality gate as `TARGET.failed` (the target is untouched).
    public func keepFailed(staging: String) throws -> String {
        let failed = target + ".failed"
        try? FileManager.default.removeItem(atPath: failed)
        guard rename(staging, failed) == 0 else {
            throw PublishError.cannotWrite(path: failed, reason: String(cString: strerror(errno)))
        }
        return failed
    }

    /// Removes a staging folder after a failure.
    public func discard(staging: String) {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
