#ifndef EARSHOT_CLIBCSV_SHIM_H
#define EARSHOT_CLIBCSV_SHIM_H
/* libcsv, the system C library (Debian: libcsv-dev). Debian ships no pkg-config file: linked by name. */
#include <csv.h>

/* libcsv's space function: nothing is a space, so no field is trimmed. libcsv calls it for every byte
   of an unquoted field; as C it costs a cycle or two, where a Swift @convention(c) closure cost a sixth
   of the reader's time (measured with perf on 314 MB). */
static inline int earshot_csv_no_space(unsigned char c) {
    (void)c;
    return 0;
}

/* 1 when libcsv's built-in space test (space and tab, without a space function) treats this segment
   exactly as earshot_csv_no_space does, so the parser may run it without a per-byte function call.
   libcsv only acts on a space or tab (other than the delimiter) that starts a field, ends an unquoted
   field, or follows a closing quote: each of those touches a delimiter, a quote, a line end, or the
   segment's edge (a field may continue in the next segment). A segment with no such space or tab
   trims nothing either way. Checked in C over the segment's bytes before it is parsed. */
static inline int earshot_csv_space_at_edge(const unsigned char *p, size_t n, size_t i, unsigned char delim) {
    if (i == 0 || i + 1 == n) return 1;
    unsigned char a = p[i - 1], b = p[i + 1];
    if (a == delim || a == 0x22 || a == 0x0D || a == 0x0A) return 1;
    if (b == delim || b == 0x22 || b == 0x0D || b == 0x0A) return 1;
    return 0;
}

/* 1 when p[j] is a space or tab libcsv might trim: at an edge (earshot_csv_space_at_edge) and, for a
   segment that starts outside any quoted field, outside one (an even number of quotes before it; an
   escaped quote "" counts twice). `quotes` counts the quotes among p[0..<*counted], carried from call
   to call so that each byte is counted once. */
static inline int earshot_csv_may_trim_at(const unsigned char *p, size_t n, size_t j, unsigned char delim,
                                          int starts_outside_quotes, size_t *quotes, size_t *counted) {
    unsigned char c = p[j];
    if (!((c == 0x20 || c == 0x09) && c != delim && earshot_csv_space_at_edge(p, n, j, delim))) return 0;
    if (!starts_outside_quotes) return 1;
    for (; *counted < j; (*counted)++) *quotes += p[*counted] == 0x22;
    return (*quotes & 1) == 0;
}

/* starts_outside_quotes: the segment starts a record, so outside any quoted field: a space or tab
   inside a quoted field is then never trimmed, whatever its neighbours (a quoted subject's ", " does
   not make the whole line take the space function). */
static inline int earshot_csv_segment_trims_nothing(const unsigned char *p, size_t n, unsigned char delim,
                                                    int starts_outside_quotes) {
    size_t quotes = 0, counted = 0;
    /* Eight bytes at a time: a word with no space and no tab (other than a tab delimiter) is skipped
       whole; in a word holding one, only the bytes flagged are checked. */
    const unsigned long long ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const unsigned long long spaces = 0x20 * ones, tabs = delim == 0x09 ? 0 : 0x09 * ones;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        unsigned long long w;
        __builtin_memcpy(&w, p + i, 8);
        unsigned long long s = w ^ spaces, t = w ^ tabs;
        unsigned long long found = ((s - ones) & ~s & highs) | (tabs ? ((t - ones) & ~t & highs) : 0);
        /* Only the flagged bytes are looked at (lowest first); a flag may be false past a true one,
           so each flagged byte is still tested for a space or tab. */
        while (found) {
            size_t j = i + (size_t)(__builtin_ctzll(found) >> 3);
            if (earshot_csv_may_trim_at(p, n, j, delim, starts_outside_quotes, &quotes, &counted)) return 0;
            found &= found - 1;
        }
    }
    for (; i < n; i++) {
        if (earshot_csv_may_trim_at(p, n, i, delim, starts_outside_quotes, &quotes, &counted)) return 0;
    }
    return 1;
}

/* Asks the CPU to start loading the cache line at p: a hash table slot that will be read a little
   later, so that the wait for memory overlaps other work (`Prefetch` in LibCSVReader.swift). */
static inline void earshot_prefetch(const void *p) {
    __builtin_prefetch(p, 0, 3);
}
#endif
