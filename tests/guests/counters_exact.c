/* counters_exact: minstret counts exactly the instructions that retire.
 * The harness runs it under Glasshart only: QEMU 7.2 without -icount
 * derives minstret from the host's time-stamp counter, and even with
 * -icount (which gets the straight-line and loop windows below right) it
 * counts trapping ecall/ebreak/illegal instructions as retired and reads a
 * value one too high right after a write, so it cannot be the oracle here.
 *
 * How many does a window count? A CSR instruction reads the counter's
 * value from before its own execution (unprivileged spec 9.1), i.e. the
 * count of instructions retired before it. So between two reads
 *     csrr a, minstret
 *     <N instructions>
 *     csrr b, minstret
 * b - a = N + 1: the N instructions and the first csrr itself.
 * Instructions that trap do not retire (privileged spec 3.3.1 says so of
 * ecall and ebreak; an instruction that raises an exception never
 * completes), while every instruction of the handler, mret included, does. */
#include "expect.h"

static const char NAME[] = "counters_exact";

#define MCOUNTINHIBIT_CY (1UL << 0)
#define MCOUNTINHIBIT_IR (1UL << 2)

/* The window between two minstret reads around the given instructions. */
#define WINDOW(...) ({ ureg a_, b_; __asm__ volatile( \
    ".option push\n.option norvc\n" \
    "csrr %0, minstret\n" \
    ".option pop\n" \
    __VA_ARGS__ "\n" \
    "csrr %1, minstret" \
    : "=&r"(a_), "=&r"(b_) :: "t0", "t1", "t6", "memory"); b_ - a_; })

static void test_straight_line(void) {
    EXPECT_EQ(WINDOW(""), 1);
    EXPECT_EQ(WINDOW("nop"), 2);
    EXPECT_EQ(WINDOW(".rept 10\n addi t0, t0, 1\n .endr"), 11);
    /* Compressed and 32-bit instructions count one each. */
    EXPECT_EQ(WINDOW(".rept 50\n c.nop\n xori t1, t1, 3\n .endr"), 101);
    /* rdinstret reads the same counter. */
    ureg a, b;
    __asm__ volatile("rdinstret %0\n .rept 7\n nop\n .endr\n rdinstret %1" : "=&r"(a), "=&r"(b));
    EXPECT_EQ(b - a, 8);
    say(NAME, "N instructions between two reads differ by N + 1 (N = 0, 1, 10, 100, 7)");
}

static void test_loops_and_calls(void) {
    /* li, then 300 times addi + bnez. */
    EXPECT_EQ(WINDOW("li t0, 300\n 1: addi t0, t0, -1\n bnez t0, 1b"), 1 + 1 + 600);
    /* Forward branches, taken and not. */
    EXPECT_EQ(WINDOW("li t0, 1\n beqz t0, 1f\n nop\n 1: bnez t0, 2f\n nop\n 2:"), 1 + 4);
    /* A call and return: jal, the callee's addi and jr, then the j back. */
    EXPECT_EQ(WINDOW("jal t1, 1f\n j 2f\n 1: addi t0, t0, 1\n jr t1\n 2:"), 1 + 4);
    say(NAME, "loops, branches and calls count every executed instruction");
}

/* A trap handler of exactly four instructions that skips the 4-byte
 * instruction that trapped. */
__asm__(
    ".text\n"
    ".balign 4\n"
    "counting_handler:\n"
    ".option push\n.option norvc\n"
    "csrr t6, mepc\n"
    "addi t6, t6, 4\n"
    "csrw mepc, t6\n"
    "mret\n"
    ".option pop\n");
extern char counting_handler[];
extern char guest_trap_entry[];

static void test_traps(void) {
    CSR_WRITE(mtvec, (ureg)counting_handler);
    /* The first csrr, nothing for the trapping instruction, four for the
     * handler. */
    EXPECT_EQ(WINDOW("ecall"), 1 + 4);
    EXPECT_EQ(WINDOW(".4byte 0x00100073"), 1 + 4);           /* ebreak */
    EXPECT_EQ(WINDOW(".4byte 0xfe000033"), 1 + 4);           /* illegal */
    EXPECT_EQ(WINDOW("li t0, 0\n lw t0, 0(t0)"), 1 + 1 + 4);  /* access fault */
    EXPECT_EQ(WINDOW("ecall\n nop\n ecall"), 1 + 4 + 1 + 4);
    CSR_WRITE(mtvec, (ureg)guest_trap_entry);
    say(NAME, "trapping instructions do not retire, the handler's do");
}

/* Zicsr (unprivileged spec 9.1): "a value written to instret
 * by one instruction will be the value read by the following instruction";
 * the write replaces the writing instruction's own increment. */
static void test_write(void) {
    ureg value;
    __asm__ volatile("li t0, 1000\n csrw minstret, t0\n csrr %0, minstret" : "=r"(value) :: "t0");
    EXPECT_EQ(value, 1000);
    __asm__ volatile("li t0, 1000\n csrw minstret, t0\n nop\n nop\n csrr %0, minstret" : "=r"(value) :: "t0");
    EXPECT_EQ(value, 1002);
#if XLEN == 32
    /* The low half carries into minstreth. */
    ureg low, high;
    __asm__ volatile(
        "csrw minstreth, zero\n"
        "li t0, 0xfffffffe\n"
        "csrw minstret, t0\n"
        "nop\n nop\n nop\n"
        "csrr %0, minstret\n"
        "csrr %1, minstreth"
        : "=&r"(low), "=&r"(high) :: "t0");
    EXPECT_EQ(low, 1);
    EXPECT_EQ(high, 1);
#endif
    say(NAME, "a written minstret is what the next instruction reads");
}

/* mcountinhibit (privileged spec 3.1.12) stops the counters. Whether the
 * instruction that sets or clears an inhibit bit is itself counted is not
 * specified, so that one instruction may go either way. */
static void test_inhibit(void) {
    ureg a, b, c, d;
    __asm__ volatile(
        "li t0, %4\n"
        "csrr %0, minstret\n"
        "csrs mcountinhibit, t0\n"
        ".rept 50\n nop\n .endr\n"
        "csrr %1, minstret\n"
        "csrr %2, minstret\n"
        "csrc mcountinhibit, t0\n"
        ".rept 10\n nop\n .endr\n"
        "csrr %3, minstret"
        : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(d) : "i"(MCOUNTINHIBIT_IR) : "t0");
    EXPECT_TRUE(b == c);
    EXPECT_TRUE(b - a == 1 || b - a == 2);
    EXPECT_TRUE(d - c == 10 || d - c == 11);

    ureg cycle_a, cycle_b;
    CSR_SET(mcountinhibit, MCOUNTINHIBIT_CY);
    __asm__ volatile("csrr %0, mcycle\n .rept 20\n nop\n .endr\n csrr %1, mcycle" : "=&r"(cycle_a), "=&r"(cycle_b));
    CSR_CLEAR(mcountinhibit, MCOUNTINHIBIT_CY);
    EXPECT_TRUE(cycle_a == cycle_b);
    say(NAME, "mcountinhibit.IR freezes minstret and mcountinhibit.CY freezes mcycle");
}

int main(void) {
    test_straight_line();
    test_loops_and_calls();
    test_traps();
    test_write();
    test_inhibit();
    return finish(NAME);
}
