/* hash: counting keys in an open-addressing hash table. Keys are 64-bit
 * values scrambled by a bijective multiply-xorshift mixer; the slot of a key
 * is the FNV-1a 64-bit hash of its eight bytes, with linear probing.
 *
 * Stresses: 64-bit multiplies and shifts (several instructions each on
 * rv32), a byte loop per key, loads from pseudo-random slots of a 1 MiB
 * table, short probe loops with unpredictable exits.
 *
 * Self-check, from how the keys are generated rather than from the table:
 *   - FNV-1a 64 of "", "a" and "foobar" must give the published test
 *     vectors (0xcbf29ce484222325, 0xaf63dc4c8601ec8c, 0x85944171f73967e8);
 *   - a round inserts INSERTS keys drawn from DISTINCT bases, cycling
 *     through the bases in a fixed permuted order; the mixer is a bijection,
 *     so the table must end up with exactly DISTINCT keys, each base's key
 *     must be found again, and its count must be INSERTS / DISTINCT or one
 *     more, the latter for exactly INSERTS % DISTINCT of the bases. */
#include "bench.h"

/* Size parameter: rounds of clear-and-fill. */
#ifndef BENCH_SCALE
#define BENCH_SCALE 64
#endif

#define SLOTS (1u << 16)
#define DISTINCT 40000u
#define INSERTS 300000u
#define STEP 7919u /* a prime that does not divide DISTINCT: visits every base */

struct slot {
    uint64_t key; /* 0 = empty; the mixer maps only 0 to 0 and keys are never 0 */
    uint32_t count;
    uint32_t pad;
};

static struct slot table[SLOTS] BENCH_PAGE_ALIGNED;

static uint64_t fnv1a64(const uint8_t *data, uint32_t length) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (uint32_t i = 0; i < length; ++i) {
        h ^= data[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* Each step (xor with a right shift, multiply by an odd constant) is
 * invertible modulo 2^64, so the whole mixer is a bijection. */
static uint64_t mix64(uint64_t x) {
    x ^= x >> 31;
    x *= 0x7f4a7c15d1b54a33ull;
    x ^= x >> 27;
    x *= 0x6c8e9cf570932bd5ull;
    x ^= x >> 33;
    return x;
}

static uint32_t slot_of(uint64_t key) {
    uint8_t bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = (uint8_t)(key >> (8 * i));
    return (uint32_t)fnv1a64(bytes, 8) & (SLOTS - 1);
}

static struct slot *find(uint64_t key) {
    uint32_t s = slot_of(key);
    while (table[s].key != key && table[s].key != 0) s = (s + 1) & (SLOTS - 1);
    return &table[s];
}

static uint64_t key_of(uint32_t base, uint32_t round) {
    return mix64(((uint64_t)(round + 1) << 32) | base);
}

int main(void) {
    static const uint8_t foobar[] = {'f', 'o', 'o', 'b', 'a', 'r'};
    int ok = 1;
    ok &= bench_expect("hash", "FNV-1a of \"\"", fnv1a64(foobar, 0), 0xcbf29ce484222325ull);
    ok &= bench_expect("hash", "FNV-1a of \"a\"", fnv1a64(&foobar[4], 1), 0xaf63dc4c8601ec8cull);
    ok &= bench_expect("hash", "FNV-1a of \"foobar\"", fnv1a64(foobar, 6), 0x85944171f73967e8ull);

    uint32_t rounds = bench_opaque_u32(BENCH_SCALE);
    uint64_t checksum = 0;
    for (uint32_t round = 0; round < rounds; ++round) {
        for (uint32_t s = 0; s < SLOTS; ++s) {
            table[s].key = 0;
            table[s].count = 0;
        }

        uint32_t base = 0;
        for (uint32_t i = 0; i < INSERTS; ++i) {
            struct slot *slot = find(key_of(base + 1, round));
            slot->key = key_of(base + 1, round);
            ++slot->count;
            base += STEP;
            if (base >= DISTINCT) base -= DISTINCT;
        }

        uint32_t used = 0;
        uint64_t contents = 0;
        for (uint32_t s = 0; s < SLOTS; ++s) {
            if (table[s].key == 0) continue;
            ++used;
            contents = contents * 31 + (table[s].key ^ s) + table[s].count;
        }
        ok &= bench_expect("hash", "distinct keys in the table", used, DISTINCT);

        uint32_t lows = 0, highs = 0;
        for (uint32_t b = 1; b <= DISTINCT; ++b) {
            uint64_t key = key_of(b, round);
            struct slot *slot = find(key);
            if (slot->key != key) {
                ok = bench_expect("hash", "key found again", 0, 1);
                break;
            }
            if (slot->count == INSERTS / DISTINCT) ++lows;
            if (slot->count == INSERTS / DISTINCT + 1) ++highs;
        }
        ok &= bench_expect("hash", "keys counted one more time", highs, INSERTS % DISTINCT);
        ok &= bench_expect("hash", "keys counted INSERTS/DISTINCT times", lows, DISTINCT - INSERTS % DISTINCT);
        checksum = bench_fold(checksum, contents);
    }
    return bench_report("hash", checksum, ok);
}
