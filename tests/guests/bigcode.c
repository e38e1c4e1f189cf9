/* bigcode: far more distinct code than a small translation cache holds.
 * 512 generated functions, each a different mix of shifts, adds, multiplies
 * and a data-dependent branch, are chained several times in two orders, and
 * the result is compared with one small loop computing the same mix with
 * the function number as a variable. The harness also runs this under
 * Glasshart with --tc-size 16K, so the translator must flush and
 * retranslate many times and still reach the same checksum. */
#include "expect.h"

static const char NAME[] = "bigcode";

/* One round of function `id`'s mix. With a constant id the compiler turns
 * every expression of id into immediates, so each function's code differs. */
#define ROUND(x, id, k) do { \
    (x) ^= (x) >> ((((id) * 7 + (k) * 5) % 19) + 3); \
    (x) += (ureg)(0x9e3779b97f4a7c15ULL * (uint64_t)((id) * 4 + (k) + 1)); \
    if ((x) & ((ureg)1 << (((id) + (k)) % XLEN))) \
        (x) = (x) * (ureg)(0x2545f4914f6cdd1dULL + (uint64_t)(id)) + (ureg)(id); \
    else \
        (x) = ((x) << 7 | (x) >> (XLEN - 7)) ^ (ureg)((k) + 1); \
} while (0)

/* The functions live in their own section so the program can measure them:
 * the linker defines __start_bigcode and __stop_bigcode around it. */
#define DEFINE_FUNCTION(hex) \
    __attribute__((noinline, noclone, section("bigcode"))) \
    static ureg f_##hex(ureg x) { \
        ROUND(x, 0x##hex, 0); \
        ROUND(x, 0x##hex, 1); \
        ROUND(x, 0x##hex, 2); \
        ROUND(x, 0x##hex, 3); \
        return x; \
    }
#define TABLE_ENTRY(hex) f_##hex,

/* Three hex digits of function number, built by pasting. */
#define EACH_16(M, p) M(p##0) M(p##1) M(p##2) M(p##3) M(p##4) M(p##5) M(p##6) M(p##7) \
    M(p##8) M(p##9) M(p##a) M(p##b) M(p##c) M(p##d) M(p##e) M(p##f)
#define EACH_256(M, p) EACH_16(M, p##0) EACH_16(M, p##1) EACH_16(M, p##2) EACH_16(M, p##3) \
    EACH_16(M, p##4) EACH_16(M, p##5) EACH_16(M, p##6) EACH_16(M, p##7) \
    EACH_16(M, p##8) EACH_16(M, p##9) EACH_16(M, p##a) EACH_16(M, p##b) \
    EACH_16(M, p##c) EACH_16(M, p##d) EACH_16(M, p##e) EACH_16(M, p##f)

EACH_256(DEFINE_FUNCTION, 0)
EACH_256(DEFINE_FUNCTION, 1)

typedef ureg (*function)(ureg);
static function const functions[] = {
    EACH_256(TABLE_ENTRY, 0)
    EACH_256(TABLE_ENTRY, 1)
};
#define FUNCTION_COUNT (sizeof functions / sizeof functions[0])

extern char __start_bigcode[], __stop_bigcode[];

static ureg reference(unsigned id, ureg x) {
    for (unsigned k = 0; k < 4; ++k) ROUND(x, id, k);
    return x;
}

/* Visits every function: in order, then with a stride coprime to 512. */
static unsigned order(int pass, unsigned i) {
    return pass < 3 ? i : (i * 167u) % FUNCTION_COUNT;
}

int main(void) {
    ureg size = (ureg)(__stop_bigcode - __start_bigcode);
    guest_puts("bigcode: ");
    guest_put_dec((int64_t)FUNCTION_COUNT);
    guest_puts(" functions in ");
    guest_put_dec((int64_t)size);
    guest_puts(" bytes of code\n");
    EXPECT_TRUE(size > 2 * 16384);

    ureg x = 12345, expected = 12345;
    for (int pass = 0; pass < 5; ++pass) {
        for (unsigned i = 0; i < FUNCTION_COUNT; ++i) {
            unsigned id = order(pass, i);
            x = functions[id](x);
            expected = reference(id, expected);
        }
        EXPECT_EQ(x, expected);
        guest_puts("bigcode: pass ");
        guest_put_dec(pass);
        guest_puts(" checksum ");
        guest_put_hex(x);
        guest_putc('\n');
    }
    return finish(NAME);
}
