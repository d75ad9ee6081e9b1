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
#endif
