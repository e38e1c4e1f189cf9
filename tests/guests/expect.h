/* Helpers shared by the self-checking guest programs in tests/guests.
 *
 * EXPECT_EQ counts every comparison and folds the actual value into a
 * running FNV-1a style hash. The programs print the count and the hash at the
 * end: both are deterministic for a given ELF, so the harness' byte-for-byte
 * comparison with QEMU also catches a wrong value that no CHECK looked at
 * closely enough. */
#ifndef GLASSHART_TESTS_EXPECT_H
#define GLASSHART_TESTS_EXPECT_H

#include "guest.h"

#define XLEN __riscv_xlen
#define REG_MIN ((ureg)1 << (XLEN - 1))   /* most negative signed value */
#define REG_MAX (REG_MIN - 1)             /* most positive signed value */
#define ONES ((ureg)-1)
/* mcause's interrupt flag is its most significant bit (privileged spec 3.1.15). */
#define MCAUSE_INTERRUPT REG_MIN

static unsigned long expect_count;
static uint64_t expect_hash = 0xcbf29ce484222325ULL;

static inline void expect_fold(uint64_t value) {
    expect_hash = (expect_hash ^ value) * 0x100000001b3ULL;
}

static inline void expect_eq(ureg actual, ureg expected, const char *what, int line) {
    ++expect_count;
    expect_fold(actual);
    guest_check(actual == expected, what, line);
    if (actual != expected) {
        guest_puts("      got ");
        guest_put_hex(actual);
        guest_puts(", expected ");
        guest_put_hex(expected);
        guest_putc('\n');
    }
}

#define EXPECT_EQ(actual, expected) \
    expect_eq((ureg)(actual), (ureg)(expected), #actual " == " #expected, __LINE__)

/* A condition that is checked but whose value does not enter the hash. */
#define EXPECT_TRUE(cond) (++expect_count, CHECK(cond))

/* One instruction on register/immediate operands, kept in its 32-bit
 * encoding (.option norvc) so that the compressed forms are only exercised
 * where a test asks for them by name. */
#define OP_RR(insn, a, b) ({ ureg r_; __asm__ volatile( \
    ".option push\n.option norvc\n" insn " %0, %1, %2\n.option pop" \
    : "=r"(r_) : "r"((ureg)(a)), "r"((ureg)(b))); r_; })
#define OP_RI(insn, a, imm) ({ ureg r_; __asm__ volatile( \
    ".option push\n.option norvc\n" insn " %0, %1, %2\n.option pop" \
    : "=r"(r_) : "r"((ureg)(a)), "i"(imm)); r_; })

/* "<name>: <text>\n" */
static inline void say(const char *name, const char *text) {
    guest_puts(name);
    guest_puts(": ");
    guest_puts(text);
    guest_putc('\n');
}

/* The closing lines every program prints, and its exit code. */
static inline int finish(const char *name) {
    guest_puts(name);
    guest_puts(": ");
    guest_put_dec((int64_t)expect_count);
    guest_puts(" checks, hash ");
    guest_put_hex(expect_hash);
    guest_putc('\n');
    guest_puts(name);
    guest_puts(guest_failures() == 0 ? ": PASS\n" : ": FAILED\n");
    return guest_failures() == 0 ? 0 : 1;
}

#endif
