/* strings: the loops of a C library's string and memory functions, written
 * here in plain C — length (a byte at a time and four bytes at a time),
 * copy, compare, find a character — run over 2048 pseudo-random strings
 * (about 256 KiB of text), round after round.
 *
 * Fairness: every build compiles these loops as written. GCC would
 * otherwise turn a copy loop into a call to memcpy, and the host would run
 * glibc's vectorised routine where a guest runs its runtime's byte loop:
 * bench/CMakeLists.txt builds every benchmark with -fno-builtin and
 * -fno-tree-loop-distribute-patterns, and the host build without
 * vectorisation (the guests have no vector unit either).
 *
 * Stresses: byte loads and stores, short loops with data-dependent exits,
 * unaligned heads, the word-at-a-time zero-byte trick (shifts, masks).
 *
 * Self-check, independent of the functions measured: the generator records
 * every string's length, the number of times each letter occurs in the
 * whole pool and each string's FNV-1a hash; every round's lengths (both
 * routines) and letter counts must match those, a copy must compare equal
 * and, with one byte changed, unequal with the right sign; in the first and
 * last rounds the copies' hashes must match the originals'. */
#include <stddef.h>

#include "bench.h"

/* Size parameter: rounds over the pool. */
#ifndef BENCH_SCALE
#define BENCH_SCALE 500
#endif

#define STRINGS 2048u
#define MAX_LENGTH 255u
#define POOL_BYTES (STRINGS * (MAX_LENGTH + 1u))
#define LETTERS 26u

static char pool[POOL_BYTES] BENCH_PAGE_ALIGNED;
/* The copy lands 0 to 7 bytes into its buffer, so heads vary. */
static char scratch[MAX_LENGTH + 1u + 8u] BENCH_PAGE_ALIGNED;
static uint32_t start[STRINGS], length[STRINGS], fnv[STRINGS];
static uint32_t letter_count[LETTERS];

/* A 32-bit load from char storage (GCC's may_alias: no strict-aliasing
 * assumption), used only at 4-byte aligned addresses. */
typedef uint32_t __attribute__((may_alias)) word32;

static size_t length_bytes(const char *s) {
    const char *p = s;
    while (*p != '\0') ++p;
    return (size_t)(p - s);
}

/* Byte by byte up to a 4-byte boundary, then a word at a time: a word holds
 * a zero byte iff (w - 0x01010101) & ~w & 0x80808080 is not zero. */
static size_t length_words(const char *s) {
    const char *p = s;
    for (; ((uintptr_t)p & 3u) != 0; ++p)
        if (*p == '\0') return (size_t)(p - s);
    const word32 *w = (const word32 *)p;
    while (((*w - 0x01010101u) & ~*w & 0x80808080u) == 0) ++w;
    p = (const char *)w;
    while (*p != '\0') ++p;
    return (size_t)(p - s);
}

static void copy_bytes(char *dest, const char *src, size_t n) {
    for (size_t i = 0; i < n; ++i) dest[i] = src[i];
}

static int compare_bytes(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return (unsigned char)a[i] - (unsigned char)b[i];
    return 0;
}

static const char *find_char(const char *s, char c) {
    for (; *s != '\0'; ++s)
        if (*s == c) return s;
    return NULL;
}

static uint32_t fnv1a(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; ++i) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Words of 1-8 letters between single spaces; lengths 0..MAX_LENGTH. */
static void generate(void) {
    uint32_t seed = 0x57a1e5u, at = 0;
    for (uint32_t i = 0; i < STRINGS; ++i) {
        uint32_t n = bench_rand32(&seed) % (MAX_LENGTH + 1u), word = 0;
        start[i] = at;
        length[i] = n;
        for (uint32_t k = 0; k < n; ++k) {
            uint32_t r = bench_rand32(&seed);
            if (word > 0 && (word == 8 || r % 6 == 0)) {
                pool[at + k] = ' ';
                word = 0;
            } else {
                uint32_t letter = (r >> 8) % LETTERS;
                pool[at + k] = (char)('a' + letter);
                ++letter_count[letter];
                ++word;
            }
        }
        pool[at + n] = '\0';
        fnv[i] = fnv1a(&pool[at], n);
        at += n + 1u;
    }
}

/* How often c occurs in s, by repeated find_char. */
static uint32_t occurrences(const char *s, char c) {
    uint32_t count = 0;
    for (const char *p = find_char(s, c); p != NULL; p = find_char(p + 1, c)) ++count;
    return count;
}

static int sign(int x) { return (x > 0) - (x < 0); }

int main(void) {
    generate();
    uint32_t rounds = bench_opaque_u32(BENCH_SCALE);
    uint64_t checksum = 0;
    uint32_t bad_lengths = 0, bad_compares = 0, bad_hashes = 0, bad_counts = 0;
    for (uint32_t r = 0; r < rounds; ++r) {
        const char letter = (char)('a' + r % LETTERS);
        const int hash_round = r == 0 || r + 1 == rounds;
        uint32_t found = 0, total = 0;
        for (uint32_t i = 0; i < STRINGS; ++i) {
            const char *s = &pool[start[i]];
            size_t n = length_bytes(s);
            bad_lengths += (n != length[i]) + (length_words(s) != length[i]);

            char *copy = &scratch[(i + r) & 7u];
            copy_bytes(copy, s, n + 1);
            bad_compares += compare_bytes(copy, s, n + 1) != 0;
            if (hash_round) bad_hashes += fnv1a(copy, n) != fnv[i];
            if (n > 0) {
                /* Clear bit 5 of one byte (a letter becomes upper case, a
                 * space NUL): the copy must now compare below the original. */
                size_t at = (i * 31u + r) % n;
                copy[at] ^= 0x20;
                int got = compare_bytes(copy, s, n + 1);
                bad_compares += sign(got) != sign((unsigned char)copy[at] - (unsigned char)s[at]);
                total += (uint32_t)got;
            }
            found += occurrences(s, letter);
            total += (uint32_t)n;
        }
        bad_counts += found != letter_count[r % LETTERS];
        checksum = bench_fold(checksum, ((uint64_t)found << 32) | total);
    }
    int ok = bench_expect("strings", "lengths that differ from the generator's", bad_lengths, 0);
    ok &= bench_expect("strings", "compares with the wrong result", bad_compares, 0);
    ok &= bench_expect("strings", "copies whose hash differs", bad_hashes, 0);
    ok &= bench_expect("strings", "rounds with a wrong letter count", bad_counts, 0);
    return bench_report("strings", checksum, ok);
}
