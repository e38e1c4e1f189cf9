/* counters: the Zicntr/Zihpm counters as far as QEMU can be an oracle for
 * them. QEMU 7.2 without -icount derives mcycle and minstret from the host's
 * time-stamp counter, so nothing here depends on how fast either counter
 * moves and nothing printed contains a counter value: only that they never
 * go backwards, that they move, and that time agrees with the CLINT's
 * mtime. The exact instruction counting lives in counters_exact, which the
 * harness runs under Glasshart only. */
#include "expect.h"

static const char NAME[] = "counters";

#define MCOUNTINHIBIT_IR (1UL << 2)

/* A 64-bit counter read; RV32 reads the high half around the low half until
 * it is stable (unprivileged spec 10.1). */
#if XLEN == 64
#define READ64(name) ((uint64_t)CSR_READ(name))
#else
#define READ64(name) ({ \
    uint32_t hi_, lo_; \
    do { \
        hi_ = CSR_READ(name##h); \
        lo_ = CSR_READ(name); \
    } while (CSR_READ(name##h) != hi_); \
    ((uint64_t)hi_ << 32) | lo_; })
#endif

static uint64_t read_mcycle(void) { return READ64(mcycle); }
static uint64_t read_minstret(void) { return READ64(minstret); }
static uint64_t read_cycle(void) { return READ64(cycle); }
static uint64_t read_instret(void) { return READ64(instret); }
static uint64_t read_time(void) { return READ64(time); }

static void busy(int n) {
    for (volatile int i = 0; i < n; ++i) {
    }
}

/* Must run before anything writes minstret or clears mcountinhibit: QEMU
 * 7.2 freezes an inhibited counter only while it has not been (re)started
 * by such a write, and then reads it as the last value written. So only the
 * property the spec and QEMU share is checked: two reads while
 * mcountinhibit.IR is set are equal (privileged spec 3.1.12). */
static void test_inhibit(void) {
    CSR_SET(mcountinhibit, MCOUNTINHIBIT_IR);
    EXPECT_EQ(CSR_READ(mcountinhibit) & MCOUNTINHIBIT_IR, MCOUNTINHIBIT_IR);
    uint64_t first = read_minstret();
    busy(1000);
    uint64_t second = read_minstret();
    CSR_CLEAR(mcountinhibit, MCOUNTINHIBIT_IR);
    EXPECT_TRUE(first == second);
    say(NAME, "minstret stands still while mcountinhibit.IR is set");
}

static void monotonic(const char *what, uint64_t (*read)(void)) {
    uint64_t previous = read();
    int backwards = 0;
    for (int i = 0; i < 100; ++i) {
        uint64_t now = read();
        if (now < previous) backwards = 1;
        previous = now;
    }
    guest_check(!backwards, what, __LINE__);
    ++expect_count;
    /* Moves: wait for a change, giving up after far more iterations than
     * any tick size could need. */
    uint64_t before = read();
    for (long spins = 0; read() == before && spins < 10000000; ++spins) {
    }
    guest_check(read() > before, what, __LINE__);
    ++expect_count;
}

static void test_monotonic(void) {
    monotonic("mcycle", read_mcycle);
    monotonic("minstret", read_minstret);
    monotonic("cycle", read_cycle);
    monotonic("instret", read_instret);
    monotonic("time", read_time);
    say(NAME, "mcycle, minstret, cycle, instret and time never go backwards and do move");

    /* The unprivileged aliases show the machine counters (unprivileged 10.1, privileged 3.1.10). */
    uint64_t machine = read_minstret();
    EXPECT_TRUE(read_instret() >= machine);
    machine = read_mcycle();
    EXPECT_TRUE(read_cycle() >= machine);

    /* time reads the CLINT's mtime (3.2.1). */
    uint64_t before = guest_mtime();
    uint64_t time = read_time();
    uint64_t after = guest_mtime();
    EXPECT_TRUE(before <= time && time <= after);
    say(NAME, "cycle and instret alias mcycle and minstret; time follows mtime");
}

static void test_writes(void) {
    /* A written value is where counting continues from (privileged spec 3.1.10). */
    CSR_WRITE(minstret, 1000);
    ureg instret = CSR_READ(minstret);
    EXPECT_TRUE(instret >= 1000);
    CSR_WRITE(mcycle, 5000);
    ureg cycle = CSR_READ(mcycle);
    EXPECT_TRUE(cycle >= 5000);
    say(NAME, "minstret and mcycle count on from a written value");
}

int main(void) {
    test_inhibit();
    test_monotonic();
    test_writes();
    return finish(NAME);
}
