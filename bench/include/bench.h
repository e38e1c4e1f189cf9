/* The tiny portable interface every Glasshart benchmark is written against.
 *
 * The same benchmark source builds three ways:
 *   - bare-metal RISC-V (rv32/rv64) on top of the guest runtime
 *     (bench/support/bench_baremetal.c: UART output, exit via the virt
 *     finisher);
 *   - hosted: natively on the host and as a static Linux rv64 program
 *     (bench/support/bench_hosted.c: stdio, exit()).
 *
 * A benchmark's main() does its work, prints its checksum with
 * bench_report() and returns (or calls bench_exit()) with 0 on success.
 * Only fixed-width integer types are used for results, so the checksum is
 * the same on rv32, rv64 and the host. */
#ifndef GLASSHART_BENCH_H
#define GLASSHART_BENCH_H

#include <stdint.h>

void bench_print(const char *s);        /* no newline added */
void bench_print_u64(uint64_t value);   /* decimal */
_Noreturn void bench_exit(int code);    /* 0 = pass, anything else = fail */

/* Prints "<name> checksum <decimal>" and "<name> self-check passed|FAILED",
 * one per line, and returns the exit code main() should return:
 * 0 if ok, 1 if not. run-benchmarks parses the "checksum" line. */
static inline int bench_report(const char *name, uint64_t checksum, int ok) {
    bench_print(name);
    bench_print(" checksum ");
    bench_print_u64(checksum);
    bench_print("\n");
    bench_print(name);
    bench_print(ok ? " self-check passed\n" : " self-check FAILED\n");
    return ok ? 0 : 1;
}

/* 1 if got == want; otherwise prints
 * "<name> mismatch: <what> got <got> want <want>" and returns 0, so checks
 * read: ok &= bench_expect("crc32", "check value", got, want); */
static inline int bench_expect(const char *name, const char *what, uint64_t got, uint64_t want) {
    if (got == want) return 1;
    bench_print(name);
    bench_print(" mismatch: ");
    bench_print(what);
    bench_print(" got ");
    bench_print_u64(got);
    bench_print(" want ");
    bench_print_u64(want);
    bench_print("\n");
    return 0;
}

/* Marsaglia's xorshift32: a deterministic, 32-bit-only generator so rv32,
 * rv64 and the host see the same pseudo-random data. state must not be 0. */
static inline uint32_t bench_rand32(uint32_t *state) {
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

/* Folds value into a running 64-bit checksum (order-sensitive). */
static inline uint64_t bench_fold(uint64_t sum, uint64_t value) {
    sum = ((sum << 7) | (sum >> 57)) ^ value;
    return sum * 0x9e3779b97f4a7c15ull;
}

/* For a benchmark's mutable globals. The bare-metal link packs data right
 * after code, and emulators that watch for self-modifying code page by page
 * (QEMU does; a translator has to) take a slow path on every store to a page
 * that also holds translated code. Starting the data on its own 4 KiB page
 * keeps the benchmarks measuring computation, not that slow path. */
#define BENCH_PAGE_ALIGNED __attribute__((aligned(4096)))

/* Keeps the optimiser from treating value as a compile-time constant, so a
 * benchmark's size parameter cannot be folded away natively. */
static inline uint32_t bench_opaque_u32(uint32_t value) {
    __asm__ volatile("" : "+r"(value));
    return value;
}

#endif
