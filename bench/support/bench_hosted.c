/* bench.h on a hosted C implementation — the native build on the host and
 * the Linux-static rv64 build alike: stdio and exit(). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"

void bench_print(const char *s) { fputs(s, stdout); }

void bench_print_u64(uint64_t value) { printf("%" PRIu64, value); }

_Noreturn void bench_exit(int code) {
    fflush(stdout);
    exit(code);
}
