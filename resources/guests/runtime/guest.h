/* Glasshart's bare-metal guest runtime: console, exit and CSR access on the
 * QEMU virt machine. Shared by the demo, the test guests and the benchmarks. */
#ifndef GLASSHART_GUEST_H
#define GLASSHART_GUEST_H

#include <stdint.h>

typedef unsigned long ureg;  /* an XLEN-wide register */

/* Registers as saved by guest_trap_entry; x[0] is unused. */
struct trap_frame {
    ureg x[32];
    ureg mepc;   /* written back to mepc before mret */
    ureg mcause;
};

/* Called for every trap; the default is guest_unexpected_trap. Define your
 * own (non-weak) to handle traps. */
void guest_trap_handler(struct trap_frame *frame);
/* Prints mcause, mepc and mtval and exits with 3. */
_Noreturn void guest_unexpected_trap(const struct trap_frame *frame);

void guest_putc(char c);
void guest_puts(const char *s);              /* no newline added */
void guest_put_hex(uint64_t value);          /* 0x-prefixed, no leading zeros */
void guest_put_dec(int64_t value);
int guest_getc(void);                        /* -1 if no byte is waiting */
_Noreturn void guest_exit(int code);         /* 0 = pass, anything else = fail */

/* Prints "FAIL: what (line N)" and counts the failure. */
#define CHECK(cond) guest_check((cond) != 0, #cond, __LINE__)
void guest_check(int ok, const char *what, int line);
int guest_failures(void);

#define CSR_READ(name) ({ ureg v_; __asm__ volatile("csrr %0, " #name : "=r"(v_)); v_; })
#define CSR_WRITE(name, v) __asm__ volatile("csrw " #name ", %0" :: "r"((ureg)(v)))
#define CSR_SET(name, v) __asm__ volatile("csrs " #name ", %0" :: "r"((ureg)(v)))
#define CSR_CLEAR(name, v) __asm__ volatile("csrc " #name ", %0" :: "r"((ureg)(v)))

/* The virt machine's devices. */
#define VIRT_TEST_FINISHER 0x100000UL
#define VIRT_CLINT 0x2000000UL
#define VIRT_CLINT_MSIP (VIRT_CLINT + 0x0)
#define VIRT_CLINT_MTIMECMP (VIRT_CLINT + 0x4000)
#define VIRT_CLINT_MTIME (VIRT_CLINT + 0xbff8)
#define VIRT_UART 0x10000000UL

uint64_t guest_mtime(void);
void guest_set_mtimecmp(uint64_t value);

#endif
