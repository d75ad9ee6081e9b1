#ifndef EARSHOT_CLIBCSV_SHIM_H
#define EARSHOT_CLIBCSV_SHIM_H
/* libcsv, the system C library (Debian: libcsv-dev). Debian ships no pkg-config file: linked by name. */
#include <csv.h>
#include <stdlib.h>

/* libcsv's space function: nothing is a space, so no field is trimmed. libcsv calls it for every byte
   of an unquoted field; as C it costs a cycle or two, where a Swift @convention(c) closure cost a sixth
   of the reader's time (measured with perf on 314 MB). */
static inline int earshot_csv_no_space(unsigned char c) {
    (void)c;
    return 0;
}

/* Whether libcsv's built-in space test (space and tab, without a space function) treats a segment
   exactly as earshot_csv_no_space does, so the parser may run it without a per-byte function call
   (EARSHOT_SEGMENT_MAY_TRIM unset, from earshot_csv_scan_segment). libcsv only acts on a space or
   tab (other than the delimiter) that starts a field, ends an unquoted field, or follows a closing quote: each of those touches a delimiter, a quote, a line end, or the
   segment's edge (a field may continue in the next segment). A segment with no such space or tab
   trims nothing either way. Checked in C over the segment's bytes before it is parsed. A segment that
   starts a record starts outside any quoted field: a space or tab inside a quoted field is then never
   trimmed, whatever its neighbours (a quoted subject's ", " does not make the whole line take the
   space function). */
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

/* What the reader learns about a segment in the same pass that finds its end (earshot_csv_scan_segment). */
enum {
    EARSHOT_SEGMENT_QUOTE_OR_NUL = 1, /* a quote or a NUL byte: its fields are copied, not read in place */
    EARSHOT_SEGMENT_NON_ASCII = 2,    /* a byte of 0x80 or more: its fields' encoding is checked */
    EARSHOT_SEGMENT_MAY_TRIM = 4      /* a space or tab libcsv's built-in test might trim (earshot_csv_may_trim_at) */
};

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The next segment of p[0..<n]: up to and including the first LF or CR (all n bytes when there is
   none). Returns its length and sets *flags (EARSHOT_SEGMENT_*) for exactly those bytes: one pass
   instead of three (the line end, quotes/NULs/non-ASCII, the space test), sixteen bytes at a time
   with SSE2. Spaces and tabs are judged by earshot_csv_may_trim_at, on the whole of p[0..<n]: a byte's
   neighbours within the segment are the same there, and a segment that ends before n ends with its
   line end, which is not a space. */
static inline size_t earshot_csv_scan_segment(const unsigned char *p, size_t n, unsigned char delim,
                                              int starts_outside_quotes, int *flags) {
    int f = 0;
    size_t quotes = 0, counted = 0, i = 0;
#if defined(__SSE2__)
    const __m128i lf = _mm_set1_epi8(0x0A), cr = _mm_set1_epi8(0x0D), quote = _mm_set1_epi8(0x22);
    const __m128i zero = _mm_setzero_si128(), space = _mm_set1_epi8(0x20);
    const __m128i tab = _mm_set1_epi8(delim == 0x09 ? 0x20 : 0x09); /* a tab delimiter is never trimmed */
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        unsigned eol = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
        unsigned keep = eol ? ((eol & (0u - eol)) << 1) - 1 : 0xFFFFu; /* through the first line end */
        if ((unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, zero))) & keep)
            f |= EARSHOT_SEGMENT_QUOTE_OR_NUL;
        if ((unsigned)_mm_movemask_epi8(v) & keep) f |= EARSHOT_SEGMENT_NON_ASCII;
        unsigned s = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, tab))) & keep;
        for (; s && !(f & EARSHOT_SEGMENT_MAY_TRIM); s &= s - 1) {
            if (earshot_csv_may_trim_at(p, n, i + (size_t)__builtin_ctz(s), delim, starts_outside_quotes, &quotes, &counted))
                f |= EARSHOT_SEGMENT_MAY_TRIM;
        }
        if (eol) {
            *flags = f;
            return i + (size_t)__builtin_ctz(eol) + 1;
        }
    }
#endif
    for (; i < n; i++) {
        unsigned char c = p[i];
        if (c == 0x22 || c == 0) f |= EARSHOT_SEGMENT_QUOTE_OR_NUL;
        if (c >= 0x80) f |= EARSHOT_SEGMENT_NON_ASCII;
        if (!(f & EARSHOT_SEGMENT_MAY_TRIM) && earshot_csv_may_trim_at(p, n, i, delim, starts_outside_quotes, &quotes, &counted))
            f |= EARSHOT_SEGMENT_MAY_TRIM;
        if (c == 0x0A || c == 0x0D) {
            *flags = f;
            return i + 1;
        }
    }
    *flags = f;
    return n;
}

/* The field ends of a line read where it lies (no quote, no NUL: libcsv trims nothing there, so each
   field is the text between delimiters): libcsv's callbacks note them here, in C, instead of calling
   into Swift once per field. ends[i] is where field i ends, counted from the line's first byte. */
struct earshot_line_fields {
    long *ends;
    long count;
    long capacity;
    int complete; /* the record ended */
    int failed;   /* no memory for more ends */
};

static inline void earshot_line_field(void *data, size_t length, void *context) {
    struct earshot_line_fields *f = (struct earshot_line_fields *)context;
    (void)data;
    if (f->count == f->capacity) {
        long capacity = f->capacity ? f->capacity * 2 : 64;
        long *ends = (long *)realloc(f->ends, (size_t)capacity * sizeof *ends);
        if (!ends) {
            f->failed = 1;
            return;
        }
        f->ends = ends;
        f->capacity = capacity;
    }
    f->ends[f->count] = (f->count ? f->ends[f->count - 1] + 1 : 0) + (long)length;
    f->count++;
}

static inline void earshot_line_record(int terminator, void *context) {
    (void)terminator;
    ((struct earshot_line_fields *)context)->complete = 1;
}

/* Asks the CPU to start loading the cache line at p: a hash table slot that will be read a little
   later, so that the wait for memory overlaps other work (`Prefetch` in LibCSVReader.swift). */
static inline void earshot_prefetch(const void *p) {
    __builtin_prefetch(p, 0, 3);
}
#endif
