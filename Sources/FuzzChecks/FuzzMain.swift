#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entry point both fuzz executables share outside libFuzzer: every file named on the command line
/// (or every file in a folder named there) is run through the target's check, so a crash input can be
/// replayed with a normal build: `swift run FuzzIngest Fixtures/fuzz/FuzzIngest-crashes/crash-…`.
public enum FuzzMain {
    /// Replays the files in `arguments`; exits 1 on the first broken invariant, else 0 (it never returns:
    /// the result type lets `main.swift` call it in a declaration, which `-parse-as-library` accepts).
    public static func replay(_ arguments: [String], target: String, check: ([UInt8]) -> String?) -> Int32 {
        var files: [String] = []
        for argument in arguments {
            if let dir = opendir(argument) {
                while let entry = readdir(dir) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                        String(validating: Array(raw.prefix { $0 != 0 }), as: UTF8.self) ?? ""
                    }
                    if !name.hasPrefix(".") { files.append(argument + "/" + name) }
                }
                closedir(dir)
            } else {
                files.append(argument)
            }
        }
        if files.isEmpty {
            print("usage: \(target) FILE|DIR… (built with -sanitize=fuzzer by scripts/fuzz, it is a libFuzzer binary)")
            exit(64)
        }
        for file in files.sorted() {
            guard let bytes = readFile(file) else {
                print("\(target): cannot read \(file)")
                exit(66)
            }
            if let problem = check(bytes) {
                print("\(target): \(file): \(problem)")
                exit(1)
            }
        }
        print("\(target): \(files.count) input(s), every invariant holds")
        exit(0)
    }

    /// A whole file's bytes, or nil when it cannot be opened.
    public static func readFile(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
            if n == 0 { break }
            out.append(contentsOf: buffer[..<n])
        }
        return out
    }
}
