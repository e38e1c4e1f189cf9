#include "privilege.h"

extern char run_in_return[];

void privilege_setup(void) {
    CSR_WRITE(pmpaddr0, (ureg)-1);
    CSR_WRITE(pmpcfg0, 0x1f); /* NAPOT, R, W, X: the whole address space */
}

int privilege_m_trap(struct trap_frame *frame) {
    const ureg cause = frame->mcause;
    if ((cause == CAUSE_ECALL_U || cause == CAUSE_ECALL_S) && frame->x[17] == RUN_IN_RETURN) {
        frame->mepc = (ureg)run_in_return;
        CSR_SET(mstatus, MSTATUS_MPP); /* mret stays in M */
        return 1;
    }
    if (cause & MCAUSE_INTERRUPT) return 0;
    m_trap.count++;
    m_trap.cause = cause;
    m_trap.epc = frame->mepc;
    m_trap.tval = CSR_READ(mtval);
    m_trap.status = CSR_READ(mstatus);
    /* mret goes back to the mode that trapped, past the faulting instruction. */
    frame->mepc = cause == CAUSE_FETCH_ACCESS || cause == CAUSE_FETCH_PAGE ? frame->x[1] : frame->mepc + 4;
    return 1;
}
