/* The floor for issue 4: read a file once, in 1 MiB chunks, and count its line ends with
 * memchr. `wirestory --stream --summary` is compared with this (tests/bench/compare.sh).
 *
 *   wirestory_memchr_baseline FILE   ->  "<lines> lines, <bytes> bytes, <seconds> s"
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char** argv) {
    enum { chunk_size = 1 << 20 };
    static char buf[chunk_size];
    unsigned long long lines = 0, bytes = 0;
    double t0 = now_seconds();
    FILE* f;
    size_t n;
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    while ((n = fread(buf, 1, chunk_size, f)) > 0) {
        const char* p = buf;
        const char* end = buf + n;
        bytes += n;
        while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
            ++lines;
            ++p;
        }
    }
    fclose(f);
    printf("%llu lines, %llu bytes, %.6f s\n", lines, bytes, now_seconds() - t0);
    return 0;
}
