/* sieve: the sieve of Eratosthenes over the integers below 2^21, one byte
 * per integer, repeated; each round counts and sums the primes.
 *
 * Stresses: byte stores with a large, varying stride across a 2 MiB array
 * (cache and TLB unfriendly), short inner loops, data-dependent branches.
 *
 * Self-check, independent of the sieve:
 *   - the number of primes below 10^6 must be 78498 (pi(10^6), a classical
 *     value of the prime-counting function);
 *   - every integer in a window just below the limit is tested by trial
 *     division and must agree with the sieve's verdict. */
#include "bench.h"

/* Size parameter: rounds of the sieve. */
#ifndef BENCH_SCALE
#define BENCH_SCALE 64
#endif

#define LIMIT (1u << 21)
#define WINDOW 2000u

static uint8_t composite[LIMIT] BENCH_PAGE_ALIGNED;

static void sieve(void) {
    for (uint32_t i = 0; i < LIMIT; ++i) composite[i] = 0;
    composite[0] = composite[1] = 1;
    for (uint32_t p = 2; p * p < LIMIT; ++p) {
        if (composite[p]) continue;
        for (uint32_t m = p * p; m < LIMIT; m += p) composite[m] = 1;
    }
}

static int is_prime_by_division(uint32_t n) {
    if (n < 2) return 0;
    for (uint32_t d = 2; d * d <= n; ++d)
        if (n % d == 0) return 0;
    return 1;
}

int main(void) {
    int ok = 1;
    uint32_t rounds = bench_opaque_u32(BENCH_SCALE);
    uint64_t checksum = 0;
    for (uint32_t round = 0; round < rounds; ++round) {
        sieve();
        uint32_t count = 0, below_million = 0;
        uint64_t sum = 0;
        for (uint32_t n = 0; n < LIMIT; ++n) {
            if (composite[n]) continue;
            ++count;
            sum += n;
            if (n < 1000000u) ++below_million;
        }
        ok &= bench_expect("sieve", "primes below 10^6", below_million, 78498);
        checksum = bench_fold(checksum, ((uint64_t)count << 40) ^ sum);
    }
    for (uint32_t n = LIMIT - WINDOW; n < LIMIT; ++n)
        ok &= bench_expect("sieve", "sieve agrees with trial division", !composite[n], (uint64_t)is_prime_by_division(n));
    return bench_report("sieve", checksum, ok);
}
