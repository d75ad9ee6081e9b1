/*
 * csvcount: the CSV parser's own speed limit, for scripts/bench/run-bench.
 *
 *   cc -O2 -o .build-bench/csvcount scripts/bench/csvcount.c -lcsv
 *   csvcount FILE            prints "records fields bytes" on stdout
 *
 * Streams FILE in 1 MiB chunks through libcsv's csv_parse in strict mode (CSV_STRICT |
 * CSV_STRICT_FINI, the options earshot uses) and counts fields and records; no other work. A strict
 * parse error (a stray quote in an unquoted field) is counted, the rest of that physical line is
 * skipped and the parser restarted, as earshot does; the count of such lines goes to stderr.
 */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK (1u << 20)

struct counts {
    unsigned long long records;
    unsigned long long fields;
};

static void on_field(void *data, size_t len, void *ctx) {
    (void)data;
    (void)len;
    ((struct counts *)ctx)->fields++;
}

static void on_record(int terminator, void *ctx) {
    (void)terminator;
    ((struct counts *)ctx)->records++;
}

static void start(struct csv_parser *p) {
    if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        fprintf(stderr, "csvcount: csv_init failed\n");
        exit(70);
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: csvcount FILE\n");
        return 64;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        fprintf(stderr, "csvcount: %s: %s\n", argv[1], strerror(errno));
        return 66;
    }
    char *buf = malloc(CHUNK);
    if (!buf) {
        fprintf(stderr, "csvcount: out of memory\n");
        return 71;
    }
    struct csv_parser p;
    struct counts c = {0, 0};
    unsigned long long bytes = 0, errors = 0;
    int skipping = 0;  /* after a parse error: drop bytes up to the end of that line */
    start(&p);
    size_t n;
    while ((n = fread(buf, 1, CHUNK, f)) > 0) {
        bytes += n;
        size_t off = 0;
        while (off < n) {
            if (skipping) {
                char *nl = memchr(buf + off, '\n', n - off);
                if (!nl) { off = n; break; }
                off = (size_t)(nl - buf) + 1;
                skipping = 0;
                continue;
            }
            size_t used = csv_parse(&p, buf + off, n - off, on_field, on_record, &c);
            if (used == n - off) break;
            if (csv_error(&p) != CSV_EPARSE) {
                fprintf(stderr, "csvcount: %s: %s\n", argv[1], csv_strerror(csv_error(&p)));
                return 65;
            }
            errors++;
            csv_free(&p);
            start(&p);
            off += used;
            skipping = 1;
        }
    }
    if (ferror(f)) {
        fprintf(stderr, "csvcount: %s: read error\n", argv[1]);
        return 74;
    }
    if (csv_fini(&p, on_field, on_record, &c) != 0) {
        errors++;
        fprintf(stderr, "csvcount: %s: %s at end of file\n", argv[1], csv_strerror(csv_error(&p)));
    }
    csv_free(&p);
    free(buf);
    fclose(f);
    if (errors) fprintf(stderr, "csvcount: %llu malformed line(s) skipped\n", errors);
    printf("%llu %llu %llu\n", c.records, c.fields, bytes);
    return 0;
}
