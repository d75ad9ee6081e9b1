import EarshotModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Expands the config's sources (paths and globs, relative to the config file) into files, in config
/// order and, within a glob, sorted by name so runs are deterministic.
public enum SourceResolver {
    public static func files(for config: EarshotConfig) throws -> [SourceFile] {
        var out: [SourceFile] = []
        for source in config.sources {
            let pattern = source.path
            if pattern.split(separator: "/").contains("..") { throw IngestError.unsafePath(pattern: pattern) }
            let full = pattern.hasPrefix("/") ? pattern : (config.baseDirectory as NSString).appendingPathComponent(pattern)
            let isGlob = pattern.contains(where: { "*?[".contains($0) })
            if !isGlob {
                guard FileManager.default.fileExists(atPath: full) else {
                    throw IngestError.fileMissing(file: pattern, pattern: pattern)
                }
                out.append(SourceFile(path: full, displayName: pattern, source: source))
                continue
            }
            var g = glob_t()
            defer { globfree(&g) }
            var matches: [String] = []
            if glob(full, 0, nil, &g) == 0 {
                for i in 0..<Int(g.gl_pathc) {
                    if let p = g.gl_pathv[i], let s = String(validatingCString: p) { matches.append(s) }
                }
            }
            matches = matches.filter { var dir: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &dir) && !dir.boolValue }
            guard !matches.isEmpty else { throw IngestError.globMatchesNothing(pattern: pattern) }
            let prefix = pattern.hasPrefix("/") ? "" : (config.baseDirectory as NSString).standardizingPath + "/"
            for m in matches.sorted() {
                let standardized = (m as NSString).standardizingPath
                let display = !prefix.isEmpty && standardized.hasPrefix(prefix) ? String(standardized.dropFirst(prefix.count)) : m
                out.append(SourceFile(path: m, displayName: display, source: source))
            }
        }
        return out
    }
}
