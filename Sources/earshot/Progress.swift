import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress display on stderr for long runs, shown only when stderr is a terminal
/// (quiet under cron, make and CI). Messages and errors go through `say`, always to stderr.
final class Progress: @unchecked Sendable {
    let interactive: Bool
    private var files = 0
    private var rows = 0
    private let started = Date()

    init() { interactive = isatty(2) == 1 }

    func fileDone(_ file: String, rows fileRows: Int, parts: Int) {
        files += 1
        rows += fileRows
        if timings {
            // Not ending in " s": the bench's phase table reads only the phase lines.
            let now = Date()
            let inParts = parts > 1 ? ", \(parts) parts" : ""
            Self.say(String(format: "earshot:   %@ %.2f s, %d rows", file, now.timeIntervalSince(fileStarted), fileRows) + inParts)
            fileStarted = now
        }
        guard interactive else { return }
        let seconds = max(Date().timeIntervalSince(started), 0.001)
        let rate = Int(Double(rows) / seconds)
        Self.write("\r\u{1B}[K\(files) files, \(rows) rows, \(rate) rows/s — \(file)")
    }

    /// With `EARSHOT_TIMINGS=1`, prints how long each phase took (README "Performance").
    let timings = ProcessInfo.processInfo.environment["EARSHOT_TIMINGS"] == "1"
    private var phaseStarted = Date()
    private var fileStarted = Date()

    func phaseDone(_ name: String) {
        guard timings else { return }
        let now = Date()
        Self.say(String(format: "earshot: %@ %.2f s", name, now.timeIntervalSince(phaseStarted)))
        phaseStarted = now
    }

    /// A step of the duplicate rule and how long it took (it runs on its own thread: the line is
    /// written whole, under a lock shared with the other timing lines).
    func stepDone(_ name: String, seconds: Double) {
        guard timings else { return }
        // Not ending in " s": the bench's phase table reads only the phase lines.
        Self.say(String(format: "earshot:   duplicate rule: %@ %.2f s, step", name, seconds))
    }

    func finish() { if interactive && files > 0 { Self.write("\r\u{1B}[K") } }

    static func say(_ text: String) { write(text + "\n") }

    private static let output = NSLock()

    static func write(_ text: String) {
        output.lock()
        defer { output.unlock() }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
