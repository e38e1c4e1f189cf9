/* supervisor: S and U modes without paging (privileged spec 20211203,
 * chapters 3 and 4): privilege checks on CSRs and instructions, ecall from
 * each mode, trap delegation, sret, the TSR/TW/TVM traps, counter enables,
 * S-level interrupts and their delegation, and the sstatus/sie/sip views. */
#include "privilege.h"

static const char NAME[] = "supervisor";

#define MIP_SSIP (1UL << IRQ_S_SOFT)
#define MIP_MSIP (1UL << IRQ_M_SOFT)
#define MIP_STIP (1UL << IRQ_S_TIMER)

/* Small routines run in S or U by run_in; each is a leaf that touches only
 * a0, a1 and a7, and every instruction in them that may fault is 32 bits. */
ureg read_mstatus(ureg, ureg);
ureg read_sstatus(ureg, ureg);
ureg do_ecall(ureg, ureg);
ureg do_sret(ureg, ureg);
ureg do_wfi(ureg, ureg);
ureg read_satp(ureg, ureg);
ureg do_sfence(ureg, ureg);
ureg read_cycle(ureg, ureg);
ureg read_time(ureg, ureg);
ureg read_instret(ureg, ureg);
ureg write_sie(ureg, ureg);
ureg read_sie(ureg, ureg);
ureg write_sip(ureg, ureg);
ureg read_sip(ureg, ureg);
ureg enable_sie_briefly(ureg, ureg);
ureg spin(ureg, ureg);
ureg sret_to_user(ureg, ureg);
ureg user_tail(ureg, ureg);
__asm__(
    ".option push\n.option norvc\n"
    "read_mstatus: csrr a0, mstatus\n ret\n"
    "read_sstatus: csrr a0, sstatus\n ret\n"
    "do_ecall: li a7, 0\n ecall\n ret\n"
    "do_sret: li a0, 1\n sret\n li a0, 2\n ret\n"
    "do_wfi: li a0, 1\n wfi\n li a0, 2\n ret\n"
    "read_satp: li a0, -1\n csrr a0, satp\n ret\n"
    "do_sfence: li a0, 1\n sfence.vma\n li a0, 2\n ret\n"
    "read_cycle: li a0, 0\n rdcycle a0\n snez a0, a0\n ret\n"
    "read_time: li a0, -1\n rdtime a0\n li a0, 1\n ret\n"
    "read_instret: li a0, 0\n rdinstret a0\n snez a0, a0\n ret\n"
    "write_sie: csrw sie, a0\n ret\n"
    "read_sie: csrr a0, sie\n ret\n"
    "write_sip: csrw sip, a0\n ret\n"
    "read_sip: csrr a0, sip\n ret\n"
    /* Opens the S interrupt window for a few instructions. */
    "enable_sie_briefly: csrsi sstatus, 2\n nop\n nop\n nop\n csrci sstatus, 2\n ret\n"
    "spin: nop\n nop\n nop\n nop\n ret\n"
    /* From S: sret into user_tail in U, with SPIE set so SIE comes back on. */
    "sret_to_user: la a1, user_tail\n csrw sepc, a1\n li a1, 0x100\n csrc sstatus, a1\n"
    "  li a1, 0x20\n csrs sstatus, a1\n sret\n"
    "user_tail: li a0, 0x55\n li a7, 0x5e5e\n ecall\n"
    ".option pop\n");

void guest_trap_handler(struct trap_frame *frame) {
    if (privilege_m_trap(frame)) return;
    /* M interrupts here: the CLINT's software one, or STIP left to M. */
    m_trap.count++;
    m_trap.cause = frame->mcause;
    m_trap.epc = frame->mepc;
    m_trap.status = CSR_READ(mstatus);
    *(volatile uint32_t *)VIRT_CLINT_MSIP = 0;
    CSR_CLEAR(mip, MIP_STIP);
}

static ureg in_mode(ureg mode, ureg (*fn)(ureg, ureg), ureg a) {
    return run_in(mode, (ureg)lower_entry, (ureg)fn, a, 0);
}

static ureg mpp_of(ureg status) { return (status & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT; }

static void test_identity(void) {
    const ureg misa = CSR_READ(misa);
    EXPECT_EQ((misa >> ('S' - 'A')) & 1, 1);
    EXPECT_EQ((misa >> ('U' - 'A')) & 1, 1);
#if XLEN == 64
    EXPECT_EQ((CSR_READ(mstatus) >> 32) & 0xf, 0xa); /* UXL = SXL = 2, 3.1.6.2 */
    EXPECT_EQ((CSR_READ(sstatus) >> 32) & 0xf, 0x2); /* sstatus shows UXL only */
#endif
}

static void test_csr_privilege(void) {
    clear_traps();
    EXPECT_EQ(in_mode(PRIV_U, read_mstatus, 0), 0);
    EXPECT_EQ(m_trap.count, 1);
    EXPECT_EQ(m_trap.cause, CAUSE_ILLEGAL);
    EXPECT_EQ(m_trap.epc, (ureg)read_mstatus);
    EXPECT_EQ(mpp_of(m_trap.status), PRIV_U);

    clear_traps();
    in_mode(PRIV_S, read_mstatus, 0);
    EXPECT_EQ(m_trap.cause, CAUSE_ILLEGAL);
    EXPECT_EQ(mpp_of(m_trap.status), PRIV_S);

    clear_traps();
    in_mode(PRIV_S, read_sstatus, 0);
    EXPECT_EQ(m_trap.count, 0); /* S may read sstatus */
    in_mode(PRIV_U, read_sstatus, 0);
    EXPECT_EQ(m_trap.count, 1);
    EXPECT_EQ(m_trap.cause, CAUSE_ILLEGAL);
}

static void test_ecall(void) {
    clear_traps();
    in_mode(PRIV_U, do_ecall, 0);
    EXPECT_EQ(m_trap.cause, CAUSE_ECALL_U);
    EXPECT_EQ(m_trap.tval, 0);
    in_mode(PRIV_S, do_ecall, 0);
    EXPECT_EQ(m_trap.cause, CAUSE_ECALL_S);
    EXPECT_EQ(m_trap.count, 2);
}

static void test_delegation(void) {
    clear_traps();
    CSR_WRITE(stvec, s_trap_entry);
    CSR_WRITE(medeleg, (1UL << CAUSE_ECALL_U) | (1UL << CAUSE_ILLEGAL));
    EXPECT_EQ(CSR_READ(medeleg), (1UL << CAUSE_ECALL_U) | (1UL << CAUSE_ILLEGAL));

    in_mode(PRIV_U, do_ecall, 0); /* to S */
    EXPECT_EQ(s_trap.count, 1);
    EXPECT_EQ(s_trap.cause, CAUSE_ECALL_U);
    EXPECT_EQ(s_trap.epc, (ureg)do_ecall + 4);
    EXPECT_EQ(s_trap.status & MSTATUS_SPP, 0);
    EXPECT_EQ(m_trap.count, 0);

    in_mode(PRIV_S, read_mstatus, 0); /* illegal in S, delegated: stays in S */
    EXPECT_EQ(s_trap.count, 2);
    EXPECT_EQ(s_trap.cause, CAUSE_ILLEGAL);
    EXPECT_EQ(s_trap.status & MSTATUS_SPP, MSTATUS_SPP);

    in_mode(PRIV_S, do_ecall, 0); /* ecall from S is not delegated */
    EXPECT_EQ(m_trap.count, 1);
    EXPECT_EQ(m_trap.cause, CAUSE_ECALL_S);

    /* Delegation never takes a trap below the mode it happens in (3.1.8). */
    unsigned before = m_trap.count;
    __asm__ volatile(".option push\n.option norvc\ncsrr zero, 0x7ff\n.option pop"); /* an illegal CSR, in M */
    EXPECT_EQ(m_trap.count, before + 1);
    EXPECT_EQ(m_trap.cause, CAUSE_ILLEGAL);
    EXPECT_EQ(s_trap.count, 2);
    CSR_WRITE(medeleg, 0);
}

static void test_sret(void) {
    clear_traps();
    /* sret in U is illegal; in S with TSR it is too (3.1.6.5). */
    EXPECT_EQ(in_mode(PRIV_U, do_sret, 0), 2);
    EXPECT_EQ(m_trap.cause, CAUSE_ILLEGAL);
    CSR_SET(mstatus, MSTATUS_TSR);
    EXPECT_EQ(in_mode(PRIV_S, do_sret, 0), 2);
    EXPECT_EQ(m_trap.count, 2);
    CSR_CLEAR(mstatus, MSTATUS_TSR);

    /* From S into U: SPP picks U, SIE takes SPIE, SPIE becomes 1, SPP 0. */
    CSR_CLEAR(mstatus, MSTATUS_SIE);
    EXPECT_EQ(in_mode(PRIV_S, sret_to_user, 0), 0x55);
    EXPECT_EQ(m_trap.count, 2);
    const ureg status = CSR_READ(mstatus);
    EXPECT_EQ(status & (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP), MSTATUS_SIE | MSTATUS_SPIE);
    CSR_CLEAR(mstatus, MSTATUS_SIE);
}

static void test_wfi_and_fences(void) {
    clear_traps();
    EXPECT_EQ(in_mode(PRIV_U, do_wfi, 0), 2);
    EXPECT_EQ(m_trap.cause, CAUSE_ILLEGAL); /* U-mode wfi traps (QEMU does too) */
    CSR_SET(mstatus, MSTATUS_TW);
    in_mode(PRIV_S, do_wfi, 0);
    EXPECT_EQ(m_trap.count, 2);
    CSR_CLEAR(mstatus, MSTATUS_TW);
    /* Without TW, S may wait: a pending, enabled but masked SSIP ends it at once. */
    CSR_WRITE(mideleg, MIP_SSIP);
    CSR_WRITE(mie, MIP_SSIP);
    CSR_SET(mip, MIP_SSIP);
    EXPECT_EQ(in_mode(PRIV_S, do_wfi, 0), 2);
    EXPECT_EQ(m_trap.count, 2);
    CSR_CLEAR(mip, MIP_SSIP);
    CSR_WRITE(mie, 0);
    CSR_WRITE(mideleg, 0);

    EXPECT_EQ(in_mode(PRIV_S, do_sfence, 0), 2);
    EXPECT_EQ(in_mode(PRIV_S, read_satp, 0), 0);
    EXPECT_EQ(m_trap.count, 2);
    in_mode(PRIV_U, do_sfence, 0);
    EXPECT_EQ(m_trap.count, 3);
    CSR_SET(mstatus, MSTATUS_TVM);
    in_mode(PRIV_S, do_sfence, 0);
    in_mode(PRIV_S, read_satp, 0);
    EXPECT_EQ(m_trap.count, 5);
    EXPECT_EQ(m_trap.cause, CAUSE_ILLEGAL);
    CSR_CLEAR(mstatus, MSTATUS_TVM);
    EXPECT_EQ(CSR_READ(satp), 0); /* M is not bound by TVM */
}

static void test_counter_enables(void) {
    clear_traps();
    CSR_WRITE(mcounteren, 0);
    CSR_WRITE(scounteren, 0);
    in_mode(PRIV_S, read_cycle, 0);
    in_mode(PRIV_S, read_time, 0);
    in_mode(PRIV_S, read_instret, 0);
    EXPECT_EQ(m_trap.count, 3);
    CSR_WRITE(mcounteren, 7);
    EXPECT_EQ(in_mode(PRIV_S, read_cycle, 0), 1);
    EXPECT_EQ(in_mode(PRIV_S, read_time, 0), 1);
    EXPECT_EQ(in_mode(PRIV_S, read_instret, 0), 1);
    EXPECT_EQ(m_trap.count, 3);
    in_mode(PRIV_U, read_instret, 0); /* U needs scounteren too */
    EXPECT_EQ(m_trap.count, 4);
    CSR_WRITE(scounteren, 4);
    EXPECT_EQ(in_mode(PRIV_U, read_instret, 0), 1);
    in_mode(PRIV_U, read_cycle, 0);
    EXPECT_EQ(m_trap.count, 5);
    CSR_WRITE(mcounteren, 0);
    CSR_WRITE(scounteren, 0);
}

static void test_interrupt_views(void) {
    clear_traps();
    CSR_WRITE(mideleg, MIP_SSIP | MIP_STIP);
    /* Only the S bits: QEMU also shows hardwired hypervisor bits here. */
    EXPECT_EQ(CSR_READ(mideleg) & 0x222, MIP_SSIP | MIP_STIP);
    CSR_WRITE(mie, MIP_MSIP);
    /* sie shows and changes only the delegated bits of mie (4.1.3). */
    in_mode(PRIV_S, write_sie, (ureg)-1);
    EXPECT_EQ(CSR_READ(mie), MIP_MSIP | MIP_SSIP | MIP_STIP);
    EXPECT_EQ(in_mode(PRIV_S, read_sie, 0), MIP_SSIP | MIP_STIP);
    /* S sets SSIP through sip, but not STIP. */
    in_mode(PRIV_S, write_sip, MIP_SSIP | MIP_STIP);
    EXPECT_EQ(CSR_READ(mip) & (MIP_SSIP | MIP_STIP), MIP_SSIP);
    /* SSIP is pending and enabled in sie, but SIE is clear in S: nothing
     * until the window opens; then S takes it. */
    EXPECT_EQ(s_trap.count, 0);
    CSR_WRITE(stvec, s_trap_entry);
    in_mode(PRIV_S, enable_sie_briefly, 0);
    EXPECT_EQ(s_trap.count, 1);
    EXPECT_EQ(s_trap.cause, MCAUSE_INTERRUPT | IRQ_S_SOFT);
    EXPECT_EQ(CSR_READ(mip) & MIP_SSIP, 0);
    /* In U, S interrupts are enabled whatever SIE says. */
    CSR_SET(mip, MIP_SSIP);
    CSR_CLEAR(mstatus, MSTATUS_SIE);
    in_mode(PRIV_U, spin, 0);
    EXPECT_EQ(s_trap.count, 2);
    EXPECT_EQ(s_trap.status & MSTATUS_SPP, 0);
    /* M raises STIP for S (no Sstc): the handler masks it in sie. */
    CSR_SET(mip, MIP_STIP);
    in_mode(PRIV_U, spin, 0);
    EXPECT_EQ(s_trap.count, 3);
    EXPECT_EQ(s_trap.cause, MCAUSE_INTERRUPT | IRQ_S_TIMER);
    CSR_CLEAR(mip, MIP_STIP);
    /* An M interrupt in S is taken in M even with MIE clear, and before a
     * pending S interrupt (3.1.9). */
    CSR_SET(mip, MIP_SSIP);
    CSR_CLEAR(mstatus, MSTATUS_MIE); /* M itself must not take it first */
    *(volatile uint32_t *)VIRT_CLINT_MSIP = 1;
    in_mode(PRIV_U, spin, 0);
    EXPECT_EQ(m_trap.count, 1);
    EXPECT_EQ(m_trap.cause, MCAUSE_INTERRUPT | IRQ_M_SOFT);
    EXPECT_EQ(mpp_of(m_trap.status), PRIV_U);
    EXPECT_EQ(s_trap.count, 4);
    EXPECT_EQ(s_trap.cause, MCAUSE_INTERRUPT | IRQ_S_SOFT);
    /* The order goes by destination first: an S timer interrupt left to M
     * comes before a delegated software interrupt, though STI is below SSI. */
    CSR_WRITE(mideleg, MIP_SSIP);
    CSR_WRITE(mie, MIP_SSIP | MIP_STIP);
    CSR_SET(mip, MIP_SSIP | MIP_STIP);
    in_mode(PRIV_U, spin, 0);
    EXPECT_EQ(m_trap.count, 2);
    EXPECT_EQ(m_trap.cause, MCAUSE_INTERRUPT | IRQ_S_TIMER);
    EXPECT_EQ(s_trap.count, 5);
    EXPECT_EQ(s_trap.cause, MCAUSE_INTERRUPT | IRQ_S_SOFT);
    CSR_WRITE(mie, 0);
    CSR_WRITE(mideleg, 0);
}

static void test_mstatus_fields(void) {
    const ureg saved = CSR_READ(mstatus);
    CSR_CLEAR(mstatus, MSTATUS_MPP | MSTATUS_MIE | MSTATUS_TVM);
    CSR_SET(mstatus, 1UL << MSTATUS_MPP_SHIFT);
    EXPECT_EQ(mpp_of(CSR_READ(mstatus)), PRIV_S);
    /* sstatus writes reach only its own fields. */
    const ureg fields = MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR;
    CSR_WRITE(sstatus, fields | MSTATUS_MIE | MSTATUS_TVM);
    EXPECT_EQ(CSR_READ(mstatus) & (fields | MSTATUS_MIE | MSTATUS_TVM), fields);
    CSR_WRITE(mstatus, saved);
}

int main(void) {
    say(NAME, "start");
    privilege_setup();
    test_identity();
    test_csr_privilege();
    test_ecall();
    test_delegation();
    test_sret();
    test_wfi_and_fences();
    test_counter_enables();
    test_interrupt_views();
    test_mstatus_fields();
    return finish(NAME);
}
