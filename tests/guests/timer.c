/* timer: machine timer and software interrupts through the CLINT
 * (privileged spec 3.1.9, 3.2.1). Every interrupt this program asks for is
 * disarmed by the handler, so the counts it prints are exact whatever the
 * speed of the host: they say how many interrupts were requested, and the
 * checks make sure each arrived once. */
#include "expect.h"

static const char NAME[] = "timer";

#define MSTATUS_MIE (1UL << 3)
#define MIE_MSIE (1UL << 3)
#define MIE_MTIE (1UL << 7)
#define MIP_MSIP (1UL << 3)
#define MIP_MTIP (1UL << 7)
#define IRQ_M_SOFT 3
#define IRQ_M_TIMER 7
#define WFI_ENCODING 0x10500073u

/* The virt machine's timebase is 10 MHz; 1 ms ahead is far enough that the
 * program is waiting when the interrupt comes, and a deadline of 5 s turns a
 * lost interrupt into a failure rather than a hang. */
#define SOON 10000
#define PATIENCE 50000000

static volatile uint32_t *const msip = (volatile uint32_t *)VIRT_CLINT_MSIP;

static volatile unsigned timer_interrupts, software_interrupts;
static volatile ureg last_epc;
static volatile ureg causes[8];
static volatile unsigned cause_count;

void guest_trap_handler(struct trap_frame *frame) {
    ureg cause = frame->mcause;
    causes[cause_count & 7] = cause;   /* the last eight */
    ++cause_count;
    last_epc = frame->mepc;
    if (cause == (MCAUSE_INTERRUPT | IRQ_M_TIMER)) {
        ++timer_interrupts;
        guest_set_mtimecmp(UINT64_MAX);
    } else if (cause == (MCAUSE_INTERRUPT | IRQ_M_SOFT)) {
        ++software_interrupts;
        *msip = 0;
    } else {
        guest_unexpected_trap(frame);
    }
    /* Taken just before the wfi of a wait loop (after the loop looked at the
     * counter): step over the wfi, which would otherwise sleep with nothing
     * left to wake it. A wfi that was woken by this interrupt already has
     * mepc past it (3.3.3). */
    if (*(volatile uint16_t *)frame->mepc == (WFI_ENCODING & 0xffff) &&
        ((volatile uint16_t *)frame->mepc)[1] == WFI_ENCODING >> 16)
        frame->mepc += 4;
}

static int waited_too_long(uint64_t deadline, int line) {
    if (guest_mtime() < deadline) return 0;
    guest_check(0, "interrupt arrived within 5 s", line);
    return 1;
}

static void test_busy_loop(void) {
    CSR_WRITE(mie, MIE_MTIE);
    CSR_SET(mstatus, MSTATUS_MIE);
    volatile ureg work = 1;
    for (int i = 0; i < 5; ++i) {
        unsigned before = timer_interrupts;
        guest_set_mtimecmp(guest_mtime() + SOON);
        uint64_t deadline = guest_mtime() + PATIENCE;
        while (timer_interrupts == before) {
            work = work * 3 + 1;
            if (waited_too_long(deadline, __LINE__)) break;
        }
        EXPECT_EQ(timer_interrupts, before + 1);
    }
    CSR_CLEAR(mstatus, MSTATUS_MIE);
    EXPECT_EQ(causes[0], MCAUSE_INTERRUPT | IRQ_M_TIMER);
    EXPECT_EQ(CSR_READ(mip) & MIP_MTIP, 0);   /* mtimecmp moved away */
    guest_puts("timer: took ");
    guest_put_dec(timer_interrupts);
    guest_puts(" timer interrupts during a busy loop\n");
}

static void test_wfi(void) {
    unsigned start = timer_interrupts;
    CSR_WRITE(mie, MIE_MTIE);
    CSR_SET(mstatus, MSTATUS_MIE);
    for (int i = 0; i < 5; ++i) {
        unsigned before = timer_interrupts;
        guest_set_mtimecmp(guest_mtime() + SOON);
        uint64_t deadline = guest_mtime() + PATIENCE;
        while (timer_interrupts == before) {
            __asm__ volatile("wfi" ::: "memory");
            if (waited_too_long(deadline, __LINE__)) break;
        }
        EXPECT_EQ(timer_interrupts, before + 1);
    }
    CSR_CLEAR(mstatus, MSTATUS_MIE);
    guest_puts("timer: took ");
    guest_put_dec(timer_interrupts - start);
    guest_puts(" timer interrupts in wfi\n");
}

/* With mstatus.MIE clear a pending, enabled interrupt waits; setting MIE
 * must take it before the next instruction, because interrupt conditions
 * are re-evaluated right after a write to mstatus or mie (3.1.9). */
static void test_held_off(void) {
    CSR_CLEAR(mstatus, MSTATUS_MIE);
    CSR_WRITE(mie, MIE_MTIE);
    unsigned before = timer_interrupts;
    guest_set_mtimecmp(guest_mtime() + SOON);
    uint64_t deadline = guest_mtime() + PATIENCE;
    while ((CSR_READ(mip) & MIP_MTIP) == 0)
        if (waited_too_long(deadline, __LINE__)) break;
    for (volatile int spin = 0; spin < 1000; ++spin) {
    }
    EXPECT_EQ(timer_interrupts, before);
    ureg at;
    __asm__ volatile("csrs mstatus, %1\n 1: nop\n la %0, 1b" : "=r"(at) : "r"(MSTATUS_MIE) : "memory");
    CSR_CLEAR(mstatus, MSTATUS_MIE);
    EXPECT_EQ(timer_interrupts, before + 1);
    EXPECT_TRUE(last_epc == at);
    say(NAME, "pending timer interrupt held off while mstatus.MIE=0, taken as soon as it is set");

    /* wfi with MIE clear still wakes for an interrupt enabled in mie, and
     * execution continues after it without a trap (3.3.3). */
    before = timer_interrupts;
    guest_set_mtimecmp(guest_mtime() + SOON);
    deadline = guest_mtime() + PATIENCE;
    while ((CSR_READ(mip) & MIP_MTIP) == 0) {
        __asm__ volatile("wfi");
        if (waited_too_long(deadline, __LINE__)) break;
    }
    EXPECT_EQ(timer_interrupts, before);
    /* The same through mie: MIE set, MTIE clear, then enable MTIE. */
    CSR_WRITE(mie, 0);
    CSR_SET(mstatus, MSTATUS_MIE);
    __asm__ volatile("csrs mie, %1\n 1: nop\n la %0, 1b" : "=r"(at) : "r"(MIE_MTIE) : "memory");
    CSR_CLEAR(mstatus, MSTATUS_MIE);
    EXPECT_EQ(timer_interrupts, before + 1);
    EXPECT_TRUE(last_epc == at);
    say(NAME, "wfi wakes with mstatus.MIE=0; enabling mie.MTIE takes the interrupt at once");
}

static void test_software(void) {
    unsigned start = software_interrupts;
    CSR_WRITE(mie, MIE_MSIE);
    CSR_SET(mstatus, MSTATUS_MIE);
    for (int i = 0; i < 3; ++i) {
        unsigned before = software_interrupts;
        *msip = 1;
        uint64_t deadline = guest_mtime() + PATIENCE;
        while (software_interrupts == before)
            if (waited_too_long(deadline, __LINE__)) break;
        EXPECT_EQ(software_interrupts, before + 1);
        EXPECT_EQ(causes[(cause_count - 1) & 7], MCAUSE_INTERRUPT | IRQ_M_SOFT);
        EXPECT_EQ(CSR_READ(mip) & MIP_MSIP, 0);
    }
    CSR_CLEAR(mstatus, MSTATUS_MIE);
    guest_puts("timer: took ");
    guest_put_dec(software_interrupts - start);
    guest_puts(" software interrupts through msip\n");
}

/* Both pending at once: machine software interrupts outrank machine timer
 * interrupts (3.1.9), and the second is taken right after the first one's
 * mret. */
static void test_priority(void) {
    CSR_CLEAR(mstatus, MSTATUS_MIE);
    CSR_WRITE(mie, MIE_MSIE | MIE_MTIE);
    *msip = 1;
    guest_set_mtimecmp(0);
    uint64_t deadline = guest_mtime() + PATIENCE;
    while ((CSR_READ(mip) & (MIP_MSIP | MIP_MTIP)) != (MIP_MSIP | MIP_MTIP))
        if (waited_too_long(deadline, __LINE__)) break;
    cause_count = 0;
    CSR_SET(mstatus, MSTATUS_MIE);
    CSR_CLEAR(mstatus, MSTATUS_MIE);
    EXPECT_EQ(cause_count, 2);
    EXPECT_EQ(causes[0], MCAUSE_INTERRUPT | IRQ_M_SOFT);
    EXPECT_EQ(causes[1], MCAUSE_INTERRUPT | IRQ_M_TIMER);
    CSR_WRITE(mie, 0);
    say(NAME, "software interrupt before timer interrupt when both are pending");
}

int main(void) {
    guest_set_mtimecmp(UINT64_MAX);
    test_busy_loop();
    test_wfi();
    test_held_off();
    test_software();
    test_priority();
    return finish(NAME);
}
