#ifndef EARSHOT_CLIBCSV_SHIM_H
#define EARSHOT_CLIBCSV_SHIM_H
/* libcsv, the system C library (Debian: libcsv-dev). Debian ships no pkg-config file: linked by name. */
#include <csv.h>
#endif
