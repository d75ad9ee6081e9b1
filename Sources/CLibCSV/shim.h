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
static inline int earshot_csv_segment_trims_nothing(const unsigned char *p, size_t n, unsigned char delim) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if ((c != 0x20 && c != 0x09) || c == delim) continue;
        if (i == 0 || i + 1 == n) return 0;
        unsigned char a = p[i - 1], b = p[i + 1];
        if (a == delim || a == 0x22 || a == 0x0D || a == 0x0A) return 0;
        if (b == delim || b == 0x22 || b == 0x0D || b == 0x0A) return 0;
    }
    return 1;
}
#endif
