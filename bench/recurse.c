/* recurse: deep, call-heavy recursion: the doubly recursive Fibonacci
 * function and Ackermann's function A(m, n), each counting its calls.
 *
 * Stresses: calls and returns (return-address prediction, a translator's
 * handling of indirect jumps through ra), stack-frame stores and loads,
 * short basic blocks.
 *
 * Self-check against closed forms and a simpler algorithm:
 *   - fib(n) must equal the iterative Fibonacci number F(n), and the naive
 *     recursion makes exactly 2 F(n+1) - 1 calls;
 *   - A(2, n) = 2n + 3 and A(3, n) = 2^(n+3) - 3. */
#include "bench.h"

/* Size parameter: the Fibonacci argument (each +1 multiplies fib's work by
 * about 1.6). */
#ifndef BENCH_SCALE
#define BENCH_SCALE 37
#endif

/* Ackermann's recursion is 2^(n+3) frames deep for m = 3; keep it well
 * inside the guest runtime's 64 KiB stack. */
#define ACK_N 6
#define ACK_REPEAT 20

static uint32_t calls BENCH_PAGE_ALIGNED;

static __attribute__((noinline)) uint32_t fib(uint32_t n) {
    ++calls;
    if (n < 2) return n;
    return fib(n - 1) + fib(n - 2);
}

static uint32_t fib_iterative(uint32_t n) {
    uint32_t previous = 0, current = 1;
    if (n == 0) return 0;
    for (uint32_t i = 1; i < n; ++i) {
        uint32_t next = previous + current;
        previous = current;
        current = next;
    }
    return current;
}

static __attribute__((noinline)) uint32_t ackermann(uint32_t m, uint32_t n) {
    ++calls;
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

int main(void) {
    int ok = 1;
    uint64_t checksum = 0;
    uint32_t n = bench_opaque_u32(BENCH_SCALE);

    calls = 0;
    uint32_t f = fib(n);
    ok &= bench_expect("recurse", "fib(n)", f, fib_iterative(n));
    ok &= bench_expect("recurse", "calls made by fib(n)", calls, 2 * (uint64_t)fib_iterative(n + 1) - 1);
    checksum = bench_fold(checksum, f);
    checksum = bench_fold(checksum, calls);

    uint32_t ack_n = bench_opaque_u32(ACK_N);
    for (uint32_t r = 0; r < ACK_REPEAT; ++r) {
        for (uint32_t k = 0; k <= ack_n; ++k) {
            calls = 0;
            uint32_t a2 = ackermann(2, k);
            ok &= bench_expect("recurse", "A(2, n)", a2, 2 * k + 3);
            uint32_t a3 = ackermann(3, k);
            ok &= bench_expect("recurse", "A(3, n)", a3, (1u << (k + 3)) - 3);
            checksum = bench_fold(checksum, ((uint64_t)calls << 32) | (a2 + a3));
        }
    }
    return bench_report("recurse", checksum, ok);
}
