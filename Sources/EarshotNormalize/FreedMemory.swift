#if os(Linux)
/// glibc's `int malloc_trim(size_t pad)` (declared in <malloc.h>, which the Glibc module does not export).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Hands freed heap pages back to the system. glibc keeps what a program frees (in every thread's
/// arena) for reuse; after a phase that freed a lot — the candidate store of a part read on another
/// thread, or everything normalizing held — the next phase would otherwise stack on that phase's peak.
public enum FreedMemory {
    public static func giveBack() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}
