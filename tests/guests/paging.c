/* paging: virtual memory for S and U (privileged spec 20211203, chapter 4):
 * Sv32 on RV32, Sv39 and Sv48 on RV64. Page tables built here map the
 * program 1:1 for S, again at an alias for U, and a window of test pages
 * with every kind of permission; S and U code then touches them and the
 * faults, A/D updates and permission rules are checked from M. */
#include "privilege.h"

static const char NAME[] = "paging";

#define PAGE 4096UL
#define PTES (PAGE / sizeof(ureg))
#define PTE_V 0x001UL
#define PTE_R 0x002UL
#define PTE_W 0x004UL
#define PTE_X 0x008UL
#define PTE_U 0x010UL
#define PTE_A 0x040UL
#define PTE_D 0x080UL
#define PTE_LEAF (PTE_V | PTE_A | PTE_D)

#define RAM_BASE 0x80000000UL
#define USER_ALIAS 0xc0000000UL /* the program again, as U pages */
#define WINDOW 0x40000000UL     /* test pages, one per kind */
#define WINDOW_PAGE(n) (WINDOW + (n) * PAGE)

enum window_page {
    READ_ONLY, READ_WRITE, EXECUTE_ONLY, USER_DATA, INVALID, WRITE_ONLY, FRESH,
    STRADDLE_FIRST, STRADDLE_SECOND, POINTER_AT_LEAF_LEVEL, RESERVED_BITS, WINDOW_PAGES
};

static ureg root[PTES] __attribute__((aligned(PAGE)));
#if XLEN == 64
static ureg root48[PTES] __attribute__((aligned(PAGE))); /* Sv48's extra level above root */
static ureg middle[PTES] __attribute__((aligned(PAGE)));
#endif
static ureg leaves[PTES] __attribute__((aligned(PAGE)));
static uint8_t pages[WINDOW_PAGES][PAGE] __attribute__((aligned(PAGE)));

static ureg pte(const void *target, ureg flags) { return ((ureg)target >> 12) << 10 | flags; }
static ureg ppn_pte(ureg physical, ureg flags) { return (physical >> 12) << 10 | flags; }
static ureg alias(const void *p) { return (ureg)p - RAM_BASE + USER_ALIAS; }

/* Routines run in S or U: leaves that keep to a0, a1, t0 and t1 and never
 * touch the stack (U has none mapped); the instructions under test are 32
 * bits, so the handlers can step over them. */
ureg load_word(ureg, ureg);
ureg store_word(ureg, ureg);
ureg amo_add(ureg, ureg);
ureg call_at(ureg, ureg);
ureg fence_vm(ureg, ureg);
ureg mprv_load(ureg, ureg);
extern char return_42[], return_42_end[];
extern char straddle_code[], straddle_code_end[];
__asm__(
    ".option push\n.option norvc\n"
    "load_word: mv t0, a0\n li a0, -1\n lw a0, 0(t0)\n ret\n"
    "store_word: sw a1, 0(a0)\n ret\n"
    "amo_add: mv t0, a0\n li a0, -1\n amoadd.w a0, a1, (t0)\n ret\n"
    "call_at: mv t1, ra\n jalr a0\n mv ra, t1\n ret\n"
    "fence_vm: sfence.vma\n ret\n"
    /* M: one load with MPRV set and MPP = a1 (already shifted into place). */
    "mprv_load: li t0, 0x1800\n csrc mstatus, t0\n csrs mstatus, a1\n li t0, 0x20000\n csrs mstatus, t0\n"
    "  mv t1, a0\n li a0, -1\n lw a0, 0(t1)\n csrc mstatus, t0\n ret\n"
    "return_42: li a0, 42\n ret\n return_42_end:\n"
    "straddle_code: li a0, 42\n ret\n straddle_code_end:\n"
    ".option pop\n");

/* A loop for the translator's inline TLB path: compiled C, run in S or U. */
static __attribute__((noinline)) ureg sum_words(ureg address, ureg count) {
    ureg sum = 0;
    for (ureg i = 0; i < count; ++i) sum += ((volatile uint32_t *)address)[i] * (i + 1);
    return sum;
}

void guest_trap_handler(struct trap_frame *frame) {
    if (!privilege_m_trap(frame)) guest_unexpected_trap(frame); /* no interrupts here */
}

static ureg in_s(ureg (*fn)(ureg, ureg), ureg a, ureg b) {
    return run_in(PRIV_S, (ureg)lower_entry, (ureg)fn, a, b);
}
static ureg in_u(ureg (*fn)(ureg, ureg), ureg a, ureg b) {
    return run_in(PRIV_U, alias(lower_entry), alias((const void *)fn), a, b);
}

static void copy(void *to, const void *from, ureg length) {
    for (ureg i = 0; i < length; ++i) ((volatile uint8_t *)to)[i] = ((const uint8_t *)from)[i];
}

/* The leaf table for the window: one PTE per kind of page. */
static void map_window(void) {
    for (ureg i = 0; i < PTES; ++i) leaves[i] = 0;
    leaves[READ_ONLY] = pte(pages[READ_ONLY], PTE_LEAF | PTE_R);
    leaves[READ_WRITE] = pte(pages[READ_WRITE], PTE_LEAF | PTE_R | PTE_W);
    leaves[EXECUTE_ONLY] = pte(pages[EXECUTE_ONLY], PTE_LEAF | PTE_X);
    leaves[USER_DATA] = pte(pages[USER_DATA], PTE_LEAF | PTE_U | PTE_R | PTE_W);
    leaves[INVALID] = pte(pages[INVALID], PTE_A | PTE_D | PTE_R | PTE_W); /* V clear */
    leaves[WRITE_ONLY] = pte(pages[WRITE_ONLY], PTE_LEAF | PTE_W);       /* reserved combination */
    leaves[FRESH] = pte(pages[FRESH], PTE_V | PTE_R | PTE_W);            /* A and D clear */
    leaves[STRADDLE_FIRST] = pte(pages[STRADDLE_FIRST], PTE_LEAF | PTE_X);
    leaves[POINTER_AT_LEAF_LEVEL] = pte(pages[POINTER_AT_LEAF_LEVEL], PTE_V);
#if XLEN == 64
    leaves[RESERVED_BITS] = pte(pages[RESERVED_BITS], PTE_LEAF | PTE_R | PTE_W) | (1UL << 61); /* PBMT */
#endif
    copy(pages[EXECUTE_ONLY], return_42, (ureg)(return_42_end - return_42));
    /* li a0, 42 split over the end of one page and the start of the next. */
    copy(pages[STRADDLE_FIRST] + PAGE - 2, straddle_code, 2);
    copy(pages[STRADDLE_SECOND], straddle_code + 2, (ureg)(straddle_code_end - straddle_code) - 2);
    __asm__ volatile("fence.i");
}

/* satp for `mode`, with the tables above it linked in. The misaligned
 * superpage sits right after the window's leaf table in VA. */
static ureg build_tables(unsigned mode) {
    for (ureg i = 0; i < PTES; ++i) root[i] = 0;
    map_window();
#if XLEN == 32
    (void)mode;
    root[RAM_BASE >> 22] = ppn_pte(RAM_BASE, PTE_LEAF | PTE_R | PTE_W | PTE_X);
    root[USER_ALIAS >> 22] = ppn_pte(RAM_BASE, PTE_LEAF | PTE_U | PTE_R | PTE_W | PTE_X);
    root[WINDOW >> 22] = pte(leaves, PTE_V);
    root[(WINDOW >> 22) + 1] = pte(pages[READ_WRITE], PTE_LEAF | PTE_R | PTE_W); /* 4 MiB leaf, 4 KiB aligned */
    return (1UL << 31) | ((ureg)root >> 12);
#else
    for (ureg i = 0; i < PTES; ++i) middle[i] = 0;
    root[RAM_BASE >> 30] = ppn_pte(RAM_BASE, PTE_LEAF | PTE_R | PTE_W | PTE_X);
    root[USER_ALIAS >> 30] = ppn_pte(RAM_BASE, PTE_LEAF | PTE_U | PTE_R | PTE_W | PTE_X);
    root[WINDOW >> 30] = pte(middle, PTE_V);
    middle[0] = pte(leaves, PTE_V);
    middle[1] = pte(pages[READ_WRITE], PTE_LEAF | PTE_R | PTE_W); /* 2 MiB leaf, 4 KiB aligned */
    if (mode == 8) return (8UL << 60) | ((ureg)root >> 12);
    for (ureg i = 0; i < PTES; ++i) root48[i] = 0;
    root48[0] = pte(root, PTE_V);
    return (9UL << 60) | ((ureg)root48 >> 12);
#endif
}

static const ureg MISALIGNED_SUPERPAGE = XLEN == 32 ? WINDOW + (1UL << 22) : WINDOW + (1UL << 21);

static void expect_trap(volatile struct trap_log *log, unsigned count, ureg cause, ureg tval) {
    EXPECT_EQ(log->count, count);
    EXPECT_EQ(log->cause, cause);
    EXPECT_EQ(log->tval, tval);
}

static void test_permissions(void) {
    clear_traps();
    ((volatile uint32_t *)pages[READ_ONLY])[0] = 0x1234;
    EXPECT_EQ(in_s(load_word, WINDOW_PAGE(READ_ONLY), 0), 0x1234);
    in_s(store_word, WINDOW_PAGE(READ_ONLY), 5);
    expect_trap(&m_trap, 1, CAUSE_STORE_PAGE, WINDOW_PAGE(READ_ONLY));
    EXPECT_EQ(m_trap.epc, (ureg)store_word);
    in_s(amo_add, WINDOW_PAGE(READ_ONLY) + 4, 1); /* an AMO needs W */
    expect_trap(&m_trap, 2, CAUSE_STORE_PAGE, WINDOW_PAGE(READ_ONLY) + 4);

    in_s(store_word, WINDOW_PAGE(READ_WRITE) + 8, 0xabcd);
    EXPECT_EQ(((volatile uint32_t *)pages[READ_WRITE])[2], 0xabcd);
    EXPECT_EQ(in_s(amo_add, WINDOW_PAGE(READ_WRITE) + 8, 1), 0xabcd);
    EXPECT_EQ(in_s(load_word, WINDOW_PAGE(READ_WRITE) + 8, 0), 0xabce);

    EXPECT_EQ(in_s(call_at, WINDOW_PAGE(EXECUTE_ONLY), 0), 42);
    in_s(load_word, WINDOW_PAGE(EXECUTE_ONLY), 0);
    expect_trap(&m_trap, 3, CAUSE_LOAD_PAGE, WINDOW_PAGE(EXECUTE_ONLY));
    CSR_SET(mstatus, MSTATUS_MXR); /* loads may now read executable pages */
    EXPECT_EQ(in_s(load_word, WINDOW_PAGE(EXECUTE_ONLY), 0), *(volatile uint32_t *)return_42);
    CSR_CLEAR(mstatus, MSTATUS_MXR);
    in_s(load_word, WINDOW_PAGE(EXECUTE_ONLY), 0);
    expect_trap(&m_trap, 4, CAUSE_LOAD_PAGE, WINDOW_PAGE(EXECUTE_ONLY));
    in_s(call_at, WINDOW_PAGE(READ_WRITE), 0); /* not executable */
    expect_trap(&m_trap, 5, CAUSE_FETCH_PAGE, WINDOW_PAGE(READ_WRITE));
    EXPECT_EQ(m_trap.epc, WINDOW_PAGE(READ_WRITE));
}

static void test_invalid_entries(void) {
    clear_traps();
    in_s(load_word, WINDOW_PAGE(INVALID), 0);
    expect_trap(&m_trap, 1, CAUSE_LOAD_PAGE, WINDOW_PAGE(INVALID));
    in_s(load_word, WINDOW_PAGE(WRITE_ONLY) + 12, 0);
    expect_trap(&m_trap, 2, CAUSE_LOAD_PAGE, WINDOW_PAGE(WRITE_ONLY) + 12);
    in_s(store_word, WINDOW_PAGE(WRITE_ONLY), 0);
    expect_trap(&m_trap, 3, CAUSE_STORE_PAGE, WINDOW_PAGE(WRITE_ONLY));
    in_s(load_word, WINDOW_PAGE(POINTER_AT_LEAF_LEVEL), 0);
    expect_trap(&m_trap, 4, CAUSE_LOAD_PAGE, WINDOW_PAGE(POINTER_AT_LEAF_LEVEL));
    in_s(load_word, MISALIGNED_SUPERPAGE + 16, 0);
    expect_trap(&m_trap, 5, CAUSE_LOAD_PAGE, MISALIGNED_SUPERPAGE + 16);
    in_s(load_word, WINDOW_PAGE(WINDOW_PAGES), 0); /* nothing mapped there at all */
    expect_trap(&m_trap, 6, CAUSE_LOAD_PAGE, WINDOW_PAGE(WINDOW_PAGES));
#if XLEN == 64
    in_s(load_word, WINDOW_PAGE(RESERVED_BITS), 0);
    expect_trap(&m_trap, 7, CAUSE_LOAD_PAGE, WINDOW_PAGE(RESERVED_BITS));
#endif
}

static void test_noncanonical(unsigned mode) {
#if XLEN == 64
    /* Bits above the VA width must copy its top bit (4.4.1, 4.5.1). */
    clear_traps();
    const ureg bad = mode == 8 ? 1UL << 38 : 1UL << 47;
    in_s(load_word, bad, 0);
    expect_trap(&m_trap, 1, CAUSE_LOAD_PAGE, bad);
    in_s(store_word, bad | 0x8000000000000000UL, 0);
    expect_trap(&m_trap, 2, CAUSE_STORE_PAGE, bad | 0x8000000000000000UL);
#else
    (void)mode;
#endif
}

static void test_user_pages(void) {
    clear_traps();
    ((volatile uint32_t *)pages[USER_DATA])[1] = 0x5151;
    EXPECT_EQ(in_u(load_word, WINDOW_PAGE(USER_DATA) + 4, 0), 0x5151);
    in_u(store_word, WINDOW_PAGE(USER_DATA) + 8, 0x77);
    EXPECT_EQ(((volatile uint32_t *)pages[USER_DATA])[2], 0x77);
    EXPECT_EQ(m_trap.count, 0);
    in_u(load_word, WINDOW_PAGE(READ_WRITE), 0); /* not a U page */
    expect_trap(&m_trap, 1, CAUSE_LOAD_PAGE, WINDOW_PAGE(READ_WRITE));
    in_u(call_at, WINDOW_PAGE(EXECUTE_ONLY), 0);
    expect_trap(&m_trap, 2, CAUSE_FETCH_PAGE, WINDOW_PAGE(EXECUTE_ONLY));

    /* S reaches U pages only with SUM, and never executes them (4.3.1). */
    in_s(load_word, WINDOW_PAGE(USER_DATA) + 4, 0);
    expect_trap(&m_trap, 3, CAUSE_LOAD_PAGE, WINDOW_PAGE(USER_DATA) + 4);
    CSR_SET(mstatus, MSTATUS_SUM);
    EXPECT_EQ(in_s(load_word, WINDOW_PAGE(USER_DATA) + 4, 0), 0x5151);
    in_s(call_at, alias(return_42), 0);
    expect_trap(&m_trap, 4, CAUSE_FETCH_PAGE, alias(return_42));
    CSR_CLEAR(mstatus, MSTATUS_SUM);
    in_s(load_word, WINDOW_PAGE(USER_DATA) + 4, 0); /* no stale translation */
    expect_trap(&m_trap, 5, CAUSE_LOAD_PAGE, WINDOW_PAGE(USER_DATA) + 4);
}

static void test_accessed_and_dirty(void) {
    clear_traps();
    EXPECT_EQ(leaves[FRESH] & (PTE_A | PTE_D), 0);
    in_s(load_word, WINDOW_PAGE(FRESH), 0);
    EXPECT_EQ(leaves[FRESH] & (PTE_A | PTE_D), PTE_A); /* the hart sets A */
    in_s(store_word, WINDOW_PAGE(FRESH), 9);
    EXPECT_EQ(leaves[FRESH] & (PTE_A | PTE_D), PTE_A | PTE_D); /* and D for a store */
    EXPECT_EQ(((volatile uint32_t *)pages[FRESH])[0], 9);
    EXPECT_EQ(m_trap.count, 0);
}

static void test_remap_and_fence(void) {
    clear_traps();
    ((volatile uint32_t *)pages[READ_ONLY])[0] = 111;
    ((volatile uint32_t *)pages[READ_WRITE])[0] = 222;
    EXPECT_EQ(in_s(load_word, WINDOW_PAGE(READ_ONLY), 0), 111);
    leaves[READ_ONLY] = pte(pages[READ_WRITE], PTE_LEAF | PTE_R);
    in_s(fence_vm, 0, 0);
    EXPECT_EQ(in_s(load_word, WINDOW_PAGE(READ_ONLY), 0), 222);
    leaves[READ_ONLY] = pte(pages[READ_ONLY], PTE_LEAF | PTE_R);
    in_s(fence_vm, 0, 0);
    EXPECT_EQ(in_s(load_word, WINDOW_PAGE(READ_ONLY), 0), 111);
}

static void test_straddling_fetch(void) {
    /* A 32-bit instruction whose second half is on an unmapped page faults
     * with the address of that page; once it is mapped the instruction runs. */
    clear_traps();
    in_s(call_at, WINDOW_PAGE(STRADDLE_SECOND) - 2, 0);
    expect_trap(&m_trap, 1, CAUSE_FETCH_PAGE, WINDOW_PAGE(STRADDLE_SECOND));
    EXPECT_EQ(m_trap.epc, WINDOW_PAGE(STRADDLE_SECOND) - 2);
    leaves[STRADDLE_SECOND] = pte(pages[STRADDLE_SECOND], PTE_LEAF | PTE_X);
    in_s(fence_vm, 0, 0);
    EXPECT_EQ(in_s(call_at, WINDOW_PAGE(STRADDLE_SECOND) - 2, 0), 42);
    EXPECT_EQ(m_trap.count, 1);
}

static void test_mprv(void) {
    clear_traps();
    ((volatile uint32_t *)pages[READ_ONLY])[3] = 0x3333;
    EXPECT_EQ(mprv_load(WINDOW_PAGE(READ_ONLY) + 12, (ureg)PRIV_S << MSTATUS_MPP_SHIFT), 0x3333);
    mprv_load(WINDOW_PAGE(READ_ONLY) + 12, (ureg)PRIV_U << MSTATUS_MPP_SHIFT);
    expect_trap(&m_trap, 1, CAUSE_LOAD_PAGE, WINDOW_PAGE(READ_ONLY) + 12);
    EXPECT_EQ(CSR_READ(mstatus) & MSTATUS_MPRV, 0);
}

static void test_delegated_faults(void) {
    clear_traps();
    CSR_WRITE(stvec, s_trap_entry);
    CSR_WRITE(medeleg, (1UL << CAUSE_LOAD_PAGE) | (1UL << CAUSE_STORE_PAGE) | (1UL << CAUSE_FETCH_PAGE));
    in_s(load_word, WINDOW_PAGE(INVALID) + 4, 0);
    expect_trap(&s_trap, 1, CAUSE_LOAD_PAGE, WINDOW_PAGE(INVALID) + 4);
    EXPECT_EQ(s_trap.status & MSTATUS_SPP, MSTATUS_SPP);
    in_u(store_word, WINDOW_PAGE(READ_WRITE), 0);
    expect_trap(&s_trap, 2, CAUSE_STORE_PAGE, WINDOW_PAGE(READ_WRITE));
    EXPECT_EQ(s_trap.status & MSTATUS_SPP, 0);
    EXPECT_EQ(s_trap.epc, alias(store_word));
    EXPECT_EQ(m_trap.count, 0);
    CSR_WRITE(medeleg, 0);
}

static void test_loops(void) {
    /* Many accesses through the same pages: the translator's inline path. */
    for (ureg i = 0; i < PAGE / 4; ++i) {
        ((volatile uint32_t *)pages[READ_WRITE])[i] = (uint32_t)(i * 2654435761u);
        ((volatile uint32_t *)pages[USER_DATA])[i] = (uint32_t)(i ^ 0x5a5a5a5a);
    }
    const ureg expected_rw = sum_words((ureg)pages[READ_WRITE], PAGE / 4);
    const ureg expected_user = sum_words((ureg)pages[USER_DATA], PAGE / 4);
    for (int round = 0; round < 3; ++round) {
        EXPECT_EQ(in_s(sum_words, WINDOW_PAGE(READ_WRITE), PAGE / 4), expected_rw);
        EXPECT_EQ(in_u(sum_words, WINDOW_PAGE(USER_DATA), PAGE / 4), expected_user);
    }
}

static void run_mode(unsigned mode, const char *label) {
    say(NAME, label);
    const ureg satp = build_tables(mode);
    CSR_WRITE(satp, satp);
    EXPECT_EQ(CSR_READ(satp), satp);
    test_permissions();
    test_invalid_entries();
    test_noncanonical(mode);
    test_user_pages();
    test_accessed_and_dirty();
    test_remap_and_fence();
    test_straddling_fetch();
    test_mprv();
    test_delegated_faults();
    test_loops();
    CSR_WRITE(satp, 0);
}

int main(void) {
    say(NAME, "start");
    privilege_setup();
#if XLEN == 64
    /* satp is WARL: a write asking for a reserved mode changes nothing. */
    CSR_WRITE(satp, 15UL << 60);
    EXPECT_EQ(CSR_READ(satp), 0);
    run_mode(8, "Sv39");
    run_mode(9, "Sv48");
#else
    run_mode(1, "Sv32");
#endif
    return finish(NAME);
}
