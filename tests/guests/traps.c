/* traps: machine-mode exceptions and trap CSRs (privileged spec chapter 3).
 *
 * Where the spec lets mtval be either zero or something specific (illegal
 * instruction bits, an ebreak's address) the check accepts both and the
 * value is not printed; where QEMU and the spec agree on one value (the
 * faulting address of an access fault) that value is required. */
#include "expect.h"

static const char NAME[] = "traps";

#define MSTATUS_MIE (1UL << 3)
#define MSTATUS_MPIE (1UL << 7)
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP (3UL << MSTATUS_MPP_SHIFT)
#define PRIV_U 0
#define PRIV_M 3
#define MIE_MSIE (1UL << 3)
#define MIE_MTIE (1UL << 7)
#define MIP_MSIP (1UL << 3)
#define MIP_MTIP (1UL << 7)

#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL 2
#define CAUSE_BREAKPOINT 3
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_STORE_ACCESS 7
#define CAUSE_ECALL_M 11
#define IRQ_M_SOFT 3
#define IRQ_M_TIMER 7

/* An address with no device behind it on the virt machine: the gap between
 * fw_cfg and the flash banks. (0x4000_0000 is not a hole there: it is the
 * PCIe MMIO window, which reads as all ones.) */
#define UNMAPPED 0x10200000UL

extern char trap_vector_table[];
extern volatile uint32_t trap_vector_slot;

struct trap_record {
    ureg cause;
    ureg epc;
    ureg tval;
    ureg status;     /* mstatus as the handler found it */
    ureg instruction; /* the bits at mepc, for illegal-instruction checks */
};

static volatile int armed;
static volatile unsigned traps_taken;
static struct trap_record last;

static volatile uint32_t *const msip = (volatile uint32_t *)VIRT_CLINT_MSIP;

static unsigned instruction_length(ureg pc) {
    /* 1.5: the two low bits are 11 for 32-bit instructions. */
    return (*(volatile uint16_t *)pc & 3) == 3 ? 4 : 2;
}

static ureg instruction_bits(ureg pc) {
    volatile uint16_t *half = (volatile uint16_t *)pc;
    return instruction_length(pc) == 4 ? (ureg)half[0] | (ureg)half[1] << 16 : half[0];
}

void guest_trap_handler(struct trap_frame *frame) {
    ureg cause = frame->mcause;
    if (!armed) {
        guest_unexpected_trap(frame);
    }
    ++traps_taken;
    last.cause = cause;
    last.epc = frame->mepc;
    last.tval = CSR_READ(mtval);
    last.status = CSR_READ(mstatus);
    last.instruction = 0;
    if (cause & MCAUSE_INTERRUPT) {
        /* Silence the source; mepc already names the interrupted instruction. */
        if ((cause & ~MCAUSE_INTERRUPT) == IRQ_M_SOFT) *msip = 0;
        if ((cause & ~MCAUSE_INTERRUPT) == IRQ_M_TIMER) guest_set_mtimecmp(UINT64_MAX);
        return;
    }
    if (cause == CAUSE_FETCH_ACCESS) {
        /* Nothing to read at mepc; the test jumped there with jalr ra. */
        frame->mepc = frame->x[1];
        return;
    }
    last.instruction = instruction_bits(frame->mepc);
    frame->mepc += instruction_length(frame->mepc);
}

/* Runs one asm statement with the handler armed; "1:" must label the
 * instruction expected to trap, whose address lands in *at. */
#define TRAPPING(at, ...) do { \
    armed = 1; \
    __asm__ volatile(__VA_ARGS__ "\n la %0, 1b" : "=r"(at) :: "memory"); \
    armed = 0; \
} while (0)

static void expect_trap(ureg cause, ureg at, unsigned before, int line) {
    ++expect_count;
    expect_fold(last.cause);
    expect_fold(last.epc - at);
    guest_check(traps_taken == before + 1, "exactly one trap", line);
    guest_check(last.cause == cause, "mcause", line);
    guest_check(last.epc == at, "mepc is the trapping instruction", line);
}

static void test_illegal_instruction(void) {
    ureg at;
    unsigned before = traps_taken;
    /* An OP-major-opcode word with funct7 0x7f: no extension defines it. */
    TRAPPING(at, "1: .4byte 0xfe000033");
    expect_trap(CAUSE_ILLEGAL, at, before, __LINE__);
    /* 3.1.16: mtval is either zero or the faulting instruction. */
    EXPECT_EQ(last.instruction, 0xfe000033u);
    EXPECT_TRUE(last.tval == 0 || last.tval == 0xfe000033u);

    /* c.lwsp with rd = x0 is reserved (16.3): a 16-bit illegal instruction,
     * so mtval, if written, holds just those 16 bits and the handler skips
     * 2 bytes. */
    before = traps_taken;
    ureg after = 0;
    armed = 1;
    __asm__ volatile(
        "1: .2byte 0x4002\n"
        "li %1, 1\n"
        "la %0, 1b"
        : "=r"(at), "+r"(after) :: "memory");
    armed = 0;
    expect_trap(CAUSE_ILLEGAL, at, before, __LINE__);
    EXPECT_EQ(last.instruction, 0x4002);
    EXPECT_TRUE(last.tval == 0 || last.tval == 0x4002);
    EXPECT_EQ(after, 1);

    /* The all-zero halfword is defined to be illegal (16.5). */
    before = traps_taken;
    TRAPPING(at, "1: .2byte 0x0000");
    expect_trap(CAUSE_ILLEGAL, at, before, __LINE__);
    EXPECT_EQ(last.tval, 0);
    say(NAME, "illegal instruction, 32-bit and compressed");
}

static void test_ecall_ebreak(void) {
    ureg at;
    /* Enable interrupts globally with none enabled in mie, so the trap can
     * show how entry moves MIE into MPIE (3.1.6.1). */
    CSR_WRITE(mie, 0);
    CSR_SET(mstatus, MSTATUS_MIE);
    unsigned before = traps_taken;
    TRAPPING(at, "1: ecall");
    ureg status_after = CSR_READ(mstatus);
    CSR_CLEAR(mstatus, MSTATUS_MIE);
    expect_trap(CAUSE_ECALL_M, at, before, __LINE__);
    EXPECT_EQ(last.tval, 0);
    EXPECT_EQ(last.status & MSTATUS_MIE, 0);
    EXPECT_EQ(last.status & MSTATUS_MPIE, MSTATUS_MPIE);
    EXPECT_EQ((last.status & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, PRIV_M);
    EXPECT_EQ(status_after & MSTATUS_MIE, MSTATUS_MIE);   /* mret put it back */
    say(NAME, "ecall from M: mcause 11, MIE saved in MPIE");

    /* ebreak leaves mepc at itself (3.3.1); mtval is zero or its address. */
    before = traps_taken;
    TRAPPING(at, "1: .4byte 0x00100073");
    expect_trap(CAUSE_BREAKPOINT, at, before, __LINE__);
    EXPECT_TRUE(last.tval == 0 || last.tval == at);
    EXPECT_EQ(last.instruction, 0x00100073u);

    before = traps_taken;
    ureg after = 0;
    armed = 1;
    __asm__ volatile(
        "1: .2byte 0x9002\n"        /* c.ebreak */
        "li %1, 1\n"
        "la %0, 1b"
        : "=r"(at), "+r"(after) :: "memory");
    armed = 0;
    expect_trap(CAUSE_BREAKPOINT, at, before, __LINE__);
    EXPECT_TRUE(last.tval == 0 || last.tval == at);
    EXPECT_EQ(last.instruction, 0x9002);
    EXPECT_EQ(after, 1);
    say(NAME, "ebreak and c.ebreak: mcause 3, mepc at the ebreak");
}

static void access_fault(const char *insn_text, int store, ureg address, int line) {
    ureg at;
    unsigned before = traps_taken;
    ureg loaded = 0x1234;
    armed = 1;
    if (store)
        __asm__ volatile("1: sw %1, 0(%2)\n la %0, 1b" : "=&r"(at) : "r"(loaded), "r"(address) : "memory");
    else
        __asm__ volatile("1: lw %1, 0(%2)\n la %0, 1b" : "=&r"(at), "+r"(loaded) : "r"(address) : "memory");
    armed = 0;
    expect_trap(store ? CAUSE_STORE_ACCESS : CAUSE_LOAD_ACCESS, at, before, line);
    guest_check(last.tval == address, insn_text, line);
    EXPECT_EQ(loaded, 0x1234);     /* a faulting load leaves rd alone */
}

static void test_access_faults(void) {
    access_fault("lw from 0 sets mtval", 0, 0, __LINE__);
    access_fault("sw to 0 sets mtval", 1, 0, __LINE__);
    access_fault("lw from a hole sets mtval", 0, UNMAPPED, __LINE__);
    access_fault("sw to a hole sets mtval", 1, UNMAPPED + 8, __LINE__);

    /* mtval is the accessed address, offset included. */
    ureg at;
    unsigned before = traps_taken;
    armed = 1;
    __asm__ volatile("1: lbu t0, 3(%1)\n la %0, 1b" : "=r"(at) : "r"(UNMAPPED) : "t0", "memory");
    armed = 0;
    expect_trap(CAUSE_LOAD_ACCESS, at, before, __LINE__);
    EXPECT_EQ(last.tval, UNMAPPED + 3);

    /* An instruction fetch from the hole: mepc and mtval are the target; the
     * jalr itself completed, so ra holds the way back. */
    before = traps_taken;
    armed = 1;
    __asm__ volatile("jalr ra, 0(%0)" :: "r"(UNMAPPED + 0x40) : "ra", "memory");
    armed = 0;
    EXPECT_EQ(traps_taken, before + 1);
    EXPECT_EQ(last.cause, CAUSE_FETCH_ACCESS);
    EXPECT_EQ(last.epc, UNMAPPED + 0x40);
    EXPECT_EQ(last.tval, UNMAPPED + 0x40);
    say(NAME, "load, store and fetch access faults: mcause 5, 7 and 1, mtval the address");
}

static void test_mret(void) {
    /* mret sets MIE from MPIE, MPIE to 1 and MPP to the least-privileged
     * supported mode (3.1.6.1, 3.3.2). mie is zero, so enabling MIE here
     * lets nothing in. */
    ureg lowest = (CSR_READ(misa) & (1UL << ('U' - 'A'))) ? PRIV_U : PRIV_M;
    CSR_WRITE(mie, 0);
    for (int mpie = 0; mpie <= 1; ++mpie) {
        CSR_CLEAR(mstatus, MSTATUS_MIE | MSTATUS_MPIE);
        CSR_SET(mstatus, MSTATUS_MPP | (mpie ? MSTATUS_MPIE : 0));
        ureg status;
        __asm__ volatile(
            "la t0, 1f\n"
            "csrw mepc, t0\n"
            "mret\n"
            "1: csrr %0, mstatus"
            : "=r"(status) :: "t0", "memory");
        CSR_CLEAR(mstatus, MSTATUS_MIE);
        EXPECT_EQ(status & MSTATUS_MIE, mpie ? MSTATUS_MIE : 0);
        EXPECT_EQ(status & MSTATUS_MPIE, MSTATUS_MPIE);
        /* Not folded into the printed hash: whether U-mode exists is the
         * implementation's choice (QEMU's virt has it). */
        EXPECT_TRUE((status & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT == lowest);
    }
    say(NAME, "mret restores MIE from MPIE");
}

static void test_machine_csrs(void) {
    ureg misa = CSR_READ(misa);
    /* MXL is 1 for RV32 and 2 for RV64 (3.1.1). */
    EXPECT_EQ(misa >> (XLEN - 2), XLEN == 64 ? 2 : 1);
    for (const char *ext = "IMAC"; *ext; ++ext)
        EXPECT_EQ((misa >> (*ext - 'A')) & 1, 1);
    EXPECT_EQ((misa >> ('E' - 'A')) & 1, 0);
    EXPECT_EQ(CSR_READ(mhartid), 0);
    say(NAME, "misa has MXL and I, M, A, C; mhartid is 0");

    /* Read-only CSRs (address bits 11:10 = 11) read without trapping;
     * an instruction that would write one is illegal (privileged spec 2.1).
     * CSRRS/CSRRC with rs1 = x0 and CSRRSI/CSRRCI with a zero immediate do
     * not write at all (unprivileged spec 9.1). */
    unsigned before = traps_taken;
    armed = 1;
    ureg sink;
    __asm__ volatile("csrr %0, mvendorid" : "=r"(sink));
    __asm__ volatile("csrr %0, marchid" : "=r"(sink));
    __asm__ volatile("csrr %0, mimpid" : "=r"(sink));
    __asm__ volatile("csrrc %0, mhartid, x0" : "=r"(sink));
    __asm__ volatile("csrrsi %0, mvendorid, 0" : "=r"(sink));
    __asm__ volatile("csrrci %0, mhartid, 0" : "=r"(sink));
    armed = 0;
    EXPECT_EQ(traps_taken, before);

    ureg at;
    ureg kept = 0x77;
    before = traps_taken;
    armed = 1;
    __asm__ volatile("1: csrw mvendorid, %1\n la %0, 1b" : "=&r"(at) : "r"(kept) : "memory");
    armed = 0;
    expect_trap(CAUSE_ILLEGAL, at, before, __LINE__);
    EXPECT_TRUE(last.tval == 0 || last.tval == last.instruction);

    before = traps_taken;
    armed = 1;
    __asm__ volatile("1: csrrw %1, mhartid, %1\n la %0, 1b" : "=&r"(at), "+r"(kept) :: "memory");
    armed = 0;
    expect_trap(CAUSE_ILLEGAL, at, before, __LINE__);
    EXPECT_EQ(kept, 0x77);        /* the trapping instruction wrote no rd */

    before = traps_taken;
    armed = 1;
    __asm__ volatile("1: csrrwi x0, mimpid, 1\n la %0, 1b" : "=&r"(at) :: "memory");
    armed = 0;
    expect_trap(CAUSE_ILLEGAL, at, before, __LINE__);
    say(NAME, "read-only CSRs read fine, writing one is illegal");

    /* A CSR number nothing implements: 0x7ff is in the machine custom range
     * (table 2.1), unused on the virt machine; 0x3ff is an unallocated
     * standard machine number. Reading with rd = x0 still traps. */
    before = traps_taken;
    armed = 1;
    __asm__ volatile("1: csrr %1, 0x7ff\n la %0, 1b" : "=&r"(at), "+r"(kept) :: "memory");
    armed = 0;
    expect_trap(CAUSE_ILLEGAL, at, before, __LINE__);
    EXPECT_EQ(kept, 0x77);
    EXPECT_TRUE(last.tval == 0 || last.tval == last.instruction);

    before = traps_taken;
    armed = 1;
    __asm__ volatile("1: csrrs x0, 0x3ff, x0\n la %0, 1b" : "=&r"(at) :: "memory");
    armed = 0;
    expect_trap(CAUSE_ILLEGAL, at, before, __LINE__);

    before = traps_taken;
    armed = 1;
    __asm__ volatile("1: csrw 0x7ff, %1\n la %0, 1b" : "=&r"(at) : "r"(kept) : "memory");
    armed = 0;
    expect_trap(CAUSE_ILLEGAL, at, before, __LINE__);
    say(NAME, "unknown CSRs are illegal");
}

static void test_vectored(void) {
    ureg table = (ureg)trap_vector_table;
    CSR_WRITE(mtvec, table | 1);
    EXPECT_EQ(CSR_READ(mtvec), table | 1);

    /* Exceptions use BASE even in vectored mode (3.1.7). */
    ureg at;
    unsigned before = traps_taken;
    trap_vector_slot = 99;
    TRAPPING(at, "1: ecall");
    expect_trap(CAUSE_ECALL_M, at, before, __LINE__);
    EXPECT_EQ(trap_vector_slot, 0);

    before = traps_taken;
    trap_vector_slot = 99;
    TRAPPING(at, "1: .4byte 0xfe000033");
    expect_trap(CAUSE_ILLEGAL, at, before, __LINE__);
    EXPECT_EQ(trap_vector_slot, 0);

    /* A machine software interrupt enters at BASE + 4 * 3. Raise it first
     * with MIE clear, then enable: the spec (3.1.9) has interrupt
     * conditions re-evaluated right after a write to mstatus, so the trap is
     * taken with mepc at the instruction after the csrs. */
    CSR_WRITE(mie, MIE_MSIE);
    *msip = 1;
    while ((CSR_READ(mip) & MIP_MSIP) == 0) {
    }
    before = traps_taken;
    trap_vector_slot = 99;
    armed = 1;
    __asm__ volatile("csrs mstatus, %1\n 1: nop\n la %0, 1b" : "=r"(at) : "r"(MSTATUS_MIE) : "memory");
    CSR_CLEAR(mstatus, MSTATUS_MIE);
    armed = 0;
    expect_trap(MCAUSE_INTERRUPT | IRQ_M_SOFT, at, before, __LINE__);
    EXPECT_EQ(trap_vector_slot, IRQ_M_SOFT);
    EXPECT_EQ(CSR_READ(mip) & MIP_MSIP, 0);

    /* A machine timer interrupt enters at BASE + 4 * 7. mtimecmp = 0 is
     * already in the past. */
    CSR_WRITE(mie, MIE_MTIE);
    guest_set_mtimecmp(0);
    while ((CSR_READ(mip) & MIP_MTIP) == 0) {
    }
    before = traps_taken;
    trap_vector_slot = 99;
    armed = 1;
    __asm__ volatile("csrs mstatus, %1\n 1: nop\n la %0, 1b" : "=r"(at) : "r"(MSTATUS_MIE) : "memory");
    CSR_CLEAR(mstatus, MSTATUS_MIE);
    armed = 0;
    expect_trap(MCAUSE_INTERRUPT | IRQ_M_TIMER, at, before, __LINE__);
    EXPECT_EQ(trap_vector_slot, IRQ_M_TIMER);
    EXPECT_EQ(CSR_READ(mip) & MIP_MTIP, 0);

    CSR_WRITE(mie, 0);
    extern char guest_trap_entry[];
    CSR_WRITE(mtvec, (ureg)guest_trap_entry);
    say(NAME, "vectored mtvec: interrupts at BASE + 4 * cause, exceptions at BASE");
}

int main(void) {
    test_illegal_instruction();
    test_ecall_ebreak();
    test_access_faults();
    test_mret();
    test_machine_csrs();
    test_vectored();
    guest_puts("traps: ");
    guest_put_dec(traps_taken);
    guest_puts(" traps taken\n");
    return finish(NAME);
}
