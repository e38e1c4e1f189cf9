/* Running code in S and U mode from an M-mode test program, and the trap
 * handlers that come with it (privilege.S).
 *
 * run_in(mode, entry, fn, a, b) calls fn(a, b) in `mode` and returns its
 * result in M. `entry` and `fn` are addresses as that mode sees them: the
 * address of lower_entry and of fn, or of their aliases when paging maps
 * the program elsewhere for U. fn ends with an ecall (a7 = RUN_IN_RETURN)
 * that the M handler turns into a return: call privilege_m_trap() first in
 * guest_trap_handler.
 *
 * Both handlers record the trap and step over the faulting instruction:
 * every instruction meant to fault in these programs is a 32-bit one. A
 * fetch fault returns to ra instead, as if the called code had returned. */
#ifndef GLASSHART_TESTS_PRIVILEGE_H
#define GLASSHART_TESTS_PRIVILEGE_H

#include "expect.h"

#define PRIV_U 0
#define PRIV_S 1
#define PRIV_M 3
#define RUN_IN_RETURN 0x5e5e

#define MSTATUS_SIE (1UL << 1)
#define MSTATUS_MIE (1UL << 3)
#define MSTATUS_SPIE (1UL << 5)
#define MSTATUS_MPIE (1UL << 7)
#define MSTATUS_SPP (1UL << 8)
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP (3UL << MSTATUS_MPP_SHIFT)
#define MSTATUS_MPRV (1UL << 17)
#define MSTATUS_SUM (1UL << 18)
#define MSTATUS_MXR (1UL << 19)
#define MSTATUS_TVM (1UL << 20)
#define MSTATUS_TW (1UL << 21)
#define MSTATUS_TSR (1UL << 22)

#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL 2
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_STORE_ACCESS 7
#define CAUSE_ECALL_U 8
#define CAUSE_ECALL_S 9
#define CAUSE_ECALL_M 11
#define CAUSE_FETCH_PAGE 12
#define CAUSE_LOAD_PAGE 13
#define CAUSE_STORE_PAGE 15
#define IRQ_S_SOFT 1
#define IRQ_M_SOFT 3
#define IRQ_S_TIMER 5

struct trap_log {
    unsigned count;
    ureg cause;
    ureg epc;
    ureg tval;
    ureg status; /* mstatus (or sstatus) as the handler found it */
};

extern volatile struct trap_log m_trap; /* traps taken into M */
extern volatile struct trap_log s_trap; /* traps taken into S */

extern char lower_entry[];
extern char s_trap_entry[];
ureg run_in(ureg mode, ureg entry, ureg fn, ureg a, ureg b);

/* Gives S and U access to all memory through PMP entry 0, as firmware
 * does: with PMP implemented and no entry matching, S and U may access
 * nothing (privileged spec 3.7.1). Call first. */
void privilege_setup(void);

/* Handles run_in's returns and records other traps; returns 0 for a trap
 * it does not expect (an interrupt), which the caller must deal with. */
int privilege_m_trap(struct trap_frame *frame);

static inline void clear_traps(void) {
    m_trap.count = 0;
    m_trap.cause = m_trap.epc = m_trap.tval = m_trap.status = 0;
    s_trap.count = 0;
    s_trap.cause = s_trap.epc = s_trap.tval = s_trap.status = 0;
}

#endif
