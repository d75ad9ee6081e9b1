import Foundation

/// Runs the built `earshot` binary, as a user would, and captures what it prints.
public enum Binary {
    /// The `earshot` executable built beside the test runner (`swift build --build-tests` builds both).
    public static var path: String {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [runner, runner.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("earshot").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return Fixtures.root.appendingPathComponent(".build/debug/earshot").path
    }

    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs `earshot ARGS` in `directory` (default: the repository root), with `environment` added to
    /// this process's environment.
    public static func run(_ arguments: [String], in directory: URL = Fixtures.root,
                           environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // The CLI writes UTF-8; anything else is a test failure worth seeing, not a silent U+FFFD.
        return Result(status: process.terminationStatus,
                      stdout: String(validating: [UInt8](o), as: UTF8.self) ?? "<stdout is not UTF-8>",
                      stderr: String(validating: [UInt8](e), as: UTF8.self) ?? "<stderr is not UTF-8>")
    }
}
