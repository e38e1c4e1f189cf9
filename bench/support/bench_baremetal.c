/* bench.h on bare-metal RISC-V, on top of Glasshart's guest runtime. */
#include <stddef.h>

#include "bench.h"
#include "guest.h"

void bench_print(const char *s) { guest_puts(s); }

void bench_print_u64(uint64_t value) {
    /* guest_put_dec takes a signed value; print all 64 bits ourselves. On
     * rv32 the divisions go through libgcc. */
    char digits[20];
    int n = 0;
    do {
        digits[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (n > 0) guest_putc(digits[--n]);
}

_Noreturn void bench_exit(int code) { guest_exit(code); }

/* GCC may turn a benchmark's fill or copy loop into a call to memset or
 * memcpy even with -ffreestanding, and the guest runtime provides neither.
 * These are weak so a runtime that grows its own wins, and are compiled so
 * that GCC does not turn them into calls to themselves. */
#define BENCH_NO_LIBCALLS __attribute__((weak, optimize("no-tree-loop-distribute-patterns")))

BENCH_NO_LIBCALLS void *memset(void *dest, int c, size_t n) {
    unsigned char *d = dest;
    while (n-- > 0) *d++ = (unsigned char)c;
    return dest;
}

BENCH_NO_LIBCALLS void *memcpy(void *dest, const void *src, size_t n) {
    unsigned char *d = dest;
    const unsigned char *s = src;
    while (n-- > 0) *d++ = *s++;
    return dest;
}

BENCH_NO_LIBCALLS void *memmove(void *dest, const void *src, size_t n) {
    unsigned char *d = dest;
    const unsigned char *s = src;
    if (d < s) {
        while (n-- > 0) *d++ = *s++;
    } else {
        while (n-- > 0) d[n] = s[n];
    }
    return dest;
}
