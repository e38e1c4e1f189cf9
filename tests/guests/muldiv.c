/* muldiv: the M extension (unprivileged ISA chapter 7). Every instruction
 * runs on all pairs of a set of edge operands and is compared with a
 * reference written with shifts and adds only, so no M instruction checks
 * itself; a handful of spelled-out cases pin the corner semantics of 7.2:
 * division by zero gives a quotient of all ones and the dividend as
 * remainder, and MIN / -1 gives MIN with remainder 0, neither traps. */
#include "expect.h"

static const char NAME[] = "muldiv";

/* The unsigned double-width product (hi:lo) = a * b. */
static void ref_mul_wide(ureg a, ureg b, ureg *hi, ureg *lo) {
    ureg high = 0, low = 0;
    for (int i = 0; i < XLEN; ++i) {
        if (((b >> i) & 1) == 0) continue;
        ureg add_low = a << i;
        ureg add_high = i == 0 ? 0 : a >> (XLEN - i);
        ureg sum = low + add_low;
        high += add_high + (sum < low);
        low = sum;
    }
    *hi = high;
    *lo = low;
}

static int negative(ureg v) { return (v >> (XLEN - 1)) != 0; }

static ureg ref_mul(ureg a, ureg b) { ureg hi, lo; ref_mul_wide(a, b, &hi, &lo); return lo; }
static ureg ref_mulhu(ureg a, ureg b) { ureg hi, lo; ref_mul_wide(a, b, &hi, &lo); return hi; }
/* Reading a negative operand as unsigned adds 2^XLEN * other to the product;
 * the signed high halves subtract that back. */
static ureg ref_mulh(ureg a, ureg b) {
    return ref_mulhu(a, b) - (negative(a) ? b : 0) - (negative(b) ? a : 0);
}
static ureg ref_mulhsu(ureg a, ureg b) { return ref_mulhu(a, b) - (negative(a) ? b : 0); }

/* Restoring division. */
static void ref_divmodu(ureg n, ureg d, ureg *q, ureg *r) {
    if (d == 0) {
        *q = ONES;
        *r = n;
        return;
    }
    ureg quotient = 0, remainder = 0;
    for (int i = XLEN - 1; i >= 0; --i) {
        ureg carry = remainder >> (XLEN - 1);
        remainder = (remainder << 1) | ((n >> i) & 1);
        if (carry || remainder >= d) {
            remainder -= d;
            quotient |= (ureg)1 << i;
        }
    }
    *q = quotient;
    *r = remainder;
}

static ureg ref_divu(ureg a, ureg b) { ureg q, r; ref_divmodu(a, b, &q, &r); return q; }
static ureg ref_remu(ureg a, ureg b) { ureg q, r; ref_divmodu(a, b, &q, &r); return r; }

/* Signed division rounds toward zero and the remainder takes the dividend's
 * sign (7.2). MIN / -1 needs no special case here: |MIN| reads as 2^(XLEN-1)
 * and negating that quotient gives MIN again. */
static void ref_divmod(ureg a, ureg b, ureg *q, ureg *r) {
    if (b == 0) {
        *q = ONES;
        *r = a;
        return;
    }
    ureg magnitude_a = negative(a) ? 0 - a : a;
    ureg magnitude_b = negative(b) ? 0 - b : b;
    ureg quotient, remainder;
    ref_divmodu(magnitude_a, magnitude_b, &quotient, &remainder);
    *q = negative(a) != negative(b) ? 0 - quotient : quotient;
    *r = negative(a) ? 0 - remainder : remainder;
}

static ureg ref_div(ureg a, ureg b) { ureg q, r; ref_divmod(a, b, &q, &r); return q; }
static ureg ref_rem(ureg a, ureg b) { ureg q, r; ref_divmod(a, b, &q, &r); return r; }

#if XLEN == 64
static ureg sext32(ureg v) { return (ureg)(long)(int32_t)(uint32_t)v; }
static ureg zext32(ureg v) { return (uint32_t)v; }
/* The *W forms operate on the low 32 bits and sign-extend the 32-bit result
 * (7.1, 7.2); on sign-extended inputs the 64-bit reference gives the right
 * low word, including 0x8000_0000 for MIN32 / -1. */
static ureg ref_mulw(ureg a, ureg b) { return sext32(ref_mul(a, b)); }
static ureg ref_divw(ureg a, ureg b) { return sext32(ref_div(sext32(a), sext32(b))); }
static ureg ref_remw(ureg a, ureg b) { return sext32(ref_rem(sext32(a), sext32(b))); }
static ureg ref_divuw(ureg a, ureg b) { return sext32(ref_divu(zext32(a), zext32(b))); }
static ureg ref_remuw(ureg a, ureg b) { return sext32(ref_remu(zext32(a), zext32(b))); }
#endif

static const ureg operands[] = {
    0, 1, 2, 3, 7, 10, (ureg)-1, (ureg)-2, (ureg)-7,
    REG_MIN, REG_MAX, REG_MIN + 1,
    (ureg)0x5555555555555555ULL, (ureg)0xaaaaaaaaaaaaaaaaULL,
    0x7fffffff, 0x80000000UL, 0xffffffffUL, 0x12345678,
#if XLEN == 64
    0x100000000UL, 0xffffffff80000000UL, 0x123456789abcdef0UL, 0x1ffffffffUL,
#endif
};
#define OPERAND_COUNT (sizeof operands / sizeof operands[0])

static unsigned long pair_failures;

static void expect_pair(const char *insn, ureg a, ureg b, ureg actual, ureg expected) {
    ++expect_count;
    expect_fold(actual);
    if (actual == expected) return;
    ++pair_failures;
    guest_check(0, insn, __LINE__);
    guest_puts("      ");
    guest_put_hex(a);
    guest_puts(", ");
    guest_put_hex(b);
    guest_puts(": got ");
    guest_put_hex(actual);
    guest_puts(", expected ");
    guest_put_hex(expected);
    guest_putc('\n');
}

#define ALL_PAIRS(insn, reference) \
    for (unsigned i_ = 0; i_ < OPERAND_COUNT; ++i_) \
        for (unsigned j_ = 0; j_ < OPERAND_COUNT; ++j_) { \
            ureg a_ = operands[i_], b_ = operands[j_]; \
            expect_pair(insn, a_, b_, OP_RR(insn, a_, b_), reference(a_, b_)); \
        }

static void test_reference(void) {
    /* The reference itself, against hand-worked products and quotients. */
    EXPECT_EQ(ref_mul(6, 7), 42);
    EXPECT_EQ(ref_mulhu(ONES, ONES), ONES - 1);             /* (2^X-1)^2 */
    EXPECT_EQ(ref_mulh(ONES, ONES), 0);                     /* (-1)(-1) = 1 */
    EXPECT_EQ(ref_mulhsu(ONES, ONES), ONES);                /* -(2^X-1) */
    EXPECT_EQ(ref_mulh(REG_MIN, REG_MIN), (ureg)1 << (XLEN - 2));
    EXPECT_EQ(ref_divu(100, 7), 14);
    EXPECT_EQ(ref_remu(100, 7), 2);
    EXPECT_EQ(ref_div((ureg)-7, 2), (ureg)-3);
    EXPECT_EQ(ref_rem((ureg)-7, 2), ONES);
    EXPECT_EQ(ref_div(7, (ureg)-2), (ureg)-3);
    EXPECT_EQ(ref_rem(7, (ureg)-2), 1);
}

static void test_multiply(void) {
    EXPECT_EQ(OP_RR("mul", 6, 7), 42);
    EXPECT_EQ(OP_RR("mul", REG_MIN, ONES), REG_MIN);
    EXPECT_EQ(OP_RR("mul", ONES, ONES), 1);
    EXPECT_EQ(OP_RR("mulhu", ONES, ONES), ONES - 1);
    EXPECT_EQ(OP_RR("mulh", ONES, ONES), 0);
    EXPECT_EQ(OP_RR("mulhsu", ONES, ONES), ONES);
    EXPECT_EQ(OP_RR("mulhsu", 1, ONES), 0);
    EXPECT_EQ(OP_RR("mulh", REG_MIN, REG_MIN), (ureg)1 << (XLEN - 2));
    EXPECT_EQ(OP_RR("mulhsu", REG_MIN, ONES), REG_MIN);
    EXPECT_EQ(OP_RR("mulhu", REG_MIN, 2), 1);
    EXPECT_EQ(OP_RR("mulh", (ureg)-2, REG_MAX), ONES);
    /* Destination equal to both sources. */
    ureg square = 12345;
    __asm__ volatile("mul %0, %0, %0" : "+r"(square));
    EXPECT_EQ(square, 152399025);
    ureg high = ONES;
    __asm__ volatile("mulhu %0, %0, %0" : "+r"(high));
    EXPECT_EQ(high, ONES - 1);
    ALL_PAIRS("mul", ref_mul);
    ALL_PAIRS("mulh", ref_mulh);
    ALL_PAIRS("mulhsu", ref_mulhsu);
    ALL_PAIRS("mulhu", ref_mulhu);
    say(NAME, "mul mulh mulhsu mulhu");
}

static void test_divide(void) {
    /* Division by zero (table 7.1). */
    EXPECT_EQ(OP_RR("div", 42, 0), ONES);
    EXPECT_EQ(OP_RR("div", (ureg)-42, 0), ONES);
    EXPECT_EQ(OP_RR("divu", 42, 0), ONES);
    EXPECT_EQ(OP_RR("rem", 42, 0), 42);
    EXPECT_EQ(OP_RR("rem", (ureg)-42, 0), (ureg)-42);
    EXPECT_EQ(OP_RR("remu", REG_MIN, 0), REG_MIN);
    /* Signed overflow. */
    EXPECT_EQ(OP_RR("div", REG_MIN, ONES), REG_MIN);
    EXPECT_EQ(OP_RR("rem", REG_MIN, ONES), 0);
    EXPECT_EQ(OP_RR("divu", REG_MIN, ONES), 0);
    EXPECT_EQ(OP_RR("remu", REG_MIN, ONES), REG_MIN);
    /* Rounding toward zero, remainder signed like the dividend. */
    EXPECT_EQ(OP_RR("div", (ureg)-7, 2), (ureg)-3);
    EXPECT_EQ(OP_RR("rem", (ureg)-7, 2), ONES);
    EXPECT_EQ(OP_RR("div", 7, (ureg)-2), (ureg)-3);
    EXPECT_EQ(OP_RR("rem", 7, (ureg)-2), 1);
    EXPECT_EQ(OP_RR("divu", ONES, 2), REG_MAX);
    EXPECT_EQ(OP_RR("remu", ONES, 16), 15);
    ALL_PAIRS("div", ref_div);
    ALL_PAIRS("divu", ref_divu);
    ALL_PAIRS("rem", ref_rem);
    ALL_PAIRS("remu", ref_remu);
    say(NAME, "div divu rem remu, by zero and MIN / -1");
}

#if XLEN == 64
static void test_word_forms(void) {
    EXPECT_EQ(OP_RR("mulw", 0x10000, 0x8000), 0xffffffff80000000UL);
    EXPECT_EQ(OP_RR("mulw", 0x100000003UL, 5), 15);          /* upper bits ignored */
    EXPECT_EQ(OP_RR("divw", 0x80000000UL, ONES), 0xffffffff80000000UL);
    EXPECT_EQ(OP_RR("remw", 0x80000000UL, ONES), 0);
    EXPECT_EQ(OP_RR("divw", 0x100000008UL, 2), 4);
    EXPECT_EQ(OP_RR("divw", 5, 0), ONES);
    EXPECT_EQ(OP_RR("remw", 0x1fffffff9UL, 0), (ureg)-7);    /* sext of the low word */
    EXPECT_EQ(OP_RR("divuw", 0x80000000UL, 0), ONES);
    EXPECT_EQ(OP_RR("remuw", 0x80000000UL, 0), 0xffffffff80000000UL);
    EXPECT_EQ(OP_RR("divuw", 0xfffffffeUL, 1), (ureg)-2);
    EXPECT_EQ(OP_RR("remuw", 0x500000007UL, 0x100000004UL), 3);
    ALL_PAIRS("mulw", ref_mulw);
    ALL_PAIRS("divw", ref_divw);
    ALL_PAIRS("divuw", ref_divuw);
    ALL_PAIRS("remw", ref_remw);
    ALL_PAIRS("remuw", ref_remuw);
    say(NAME, "mulw divw divuw remw remuw");
}
#endif

int main(void) {
    test_reference();
    test_multiply();
    test_divide();
#if XLEN == 64
    test_word_forms();
#endif
    if (pair_failures != 0) say(NAME, "some operand pairs disagree with the reference");
    return finish(NAME);
}
