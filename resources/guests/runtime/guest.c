#include "guest.h"

#define UART_THR 0
#define UART_RBR 0
#define UART_LSR 5
#define UART_LSR_DATA_READY 0x01
#define UART_LSR_THR_EMPTY 0x20

static volatile uint8_t *const uart = (volatile uint8_t *)VIRT_UART;
static int failures;

void guest_putc(char c) {
    while ((uart[UART_LSR] & UART_LSR_THR_EMPTY) == 0) {
    }
    uart[UART_THR] = (uint8_t)c;
}

void guest_puts(const char *s) {
    while (*s) guest_putc(*s++);
}

void guest_put_hex(uint64_t value) {
    char digits[16];
    int n = 0;
    do {
        digits[n++] = "0123456789abcdef"[value & 0xf];
        value >>= 4;
    } while (value != 0);
    guest_puts("0x");
    while (n > 0) guest_putc(digits[--n]);
}

void guest_put_dec(int64_t value) {
    char digits[20];
    int n = 0;
    uint64_t magnitude = value < 0 ? 0 - (uint64_t)value : (uint64_t)value;
    if (value < 0) guest_putc('-');
    do {
        digits[n++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    while (n > 0) guest_putc(digits[--n]);
}

int guest_getc(void) {
    if ((uart[UART_LSR] & UART_LSR_DATA_READY) == 0) return -1;
    return uart[UART_RBR];
}

_Noreturn void guest_exit(int code) {
    volatile uint32_t *finisher = (volatile uint32_t *)VIRT_TEST_FINISHER;
    *finisher = code == 0 ? 0x5555 : (((uint32_t)code << 16) | 0x3333);
    for (;;) {
    }
}

void guest_check(int ok, const char *what, int line) {
    if (ok) return;
    ++failures;
    guest_puts("FAIL: ");
    guest_puts(what);
    guest_puts(" (line ");
    guest_put_dec(line);
    guest_puts(")\n");
}

int guest_failures(void) { return failures; }

__attribute__((weak)) void guest_trap_handler(struct trap_frame *frame) { guest_unexpected_trap(frame); }

void guest_unexpected_trap(const struct trap_frame *frame) {
    guest_puts("unexpected trap: mcause=");
    guest_put_hex(frame->mcause);
    guest_puts(" mepc=");
    guest_put_hex(frame->mepc);
    guest_puts(" mtval=");
    guest_put_hex(CSR_READ(mtval));
    guest_putc('\n');
    guest_exit(3);
}

uint64_t guest_mtime(void) {
#if __riscv_xlen == 64
    return *(volatile uint64_t *)VIRT_CLINT_MTIME;
#else
    volatile uint32_t *mtime = (volatile uint32_t *)VIRT_CLINT_MTIME;
    uint32_t high, low;
    do {
        high = mtime[1];
        low = mtime[0];
    } while (mtime[1] != high);
    return ((uint64_t)high << 32) | low;
#endif
}

void guest_set_mtimecmp(uint64_t value) {
#if __riscv_xlen == 64
    *(volatile uint64_t *)VIRT_CLINT_MTIMECMP = value;
#else
    /* Privileged spec 3.2.1: write the high half last, with the low half
     * parked at all ones so no spurious interrupt fires in between. */
    volatile uint32_t *mtimecmp = (volatile uint32_t *)VIRT_CLINT_MTIMECMP;
    mtimecmp[0] = 0xffffffffu;
    mtimecmp[1] = (uint32_t)(value >> 32);
    mtimecmp[0] = (uint32_t)value;
#endif
}
