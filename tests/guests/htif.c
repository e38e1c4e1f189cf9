/* htif: a guest that ends the way Spike's test programs do, by writing
 * (code << 1) | 1 to tohost (device 0, command 0 of the HTIF protocol),
 * with no UART and no finisher. It prints nothing; the exit code is a bit
 * mask of the checks that failed, so 0 is a pass. Built with NO_RUNTIME and
 * started by htif_start.S. */
#include <stdint.h>

extern volatile uint64_t tohost;
extern volatile uint64_t fromhost;

_Noreturn void htif_exit(int code);
int main(void);

_Noreturn void htif_exit(int code) {
    uint64_t command = ((uint64_t)(unsigned)code << 1) | 1;
#if __riscv_xlen == 64
    tohost = command;
#else
    /* A 32-bit hart writes the low word first: a host watching tohost acts
     * on the write of the high word (QEMU's HTIF does). */
    volatile uint32_t *words = (volatile uint32_t *)&tohost;
    words[0] = (uint32_t)command;
    words[1] = (uint32_t)(command >> 32);
#endif
    for (;;) {
    }
}

static volatile unsigned long counter = 7;      /* .data */
static volatile unsigned long zeroed[4];        /* .bss, cleared by _start */

int main(void) {
    int failures = 0;
    if (tohost != 0 || fromhost != 0) failures |= 1;
    if (counter != 7) failures |= 2;
    for (int i = 0; i < 4; ++i)
        if (zeroed[i] != 0) failures |= 4;
    unsigned long sum = 0;
    for (unsigned long i = 1; i <= 100; ++i) sum += i * counter;
    if (sum != 5050 * 7) failures |= 8;
    if ((uintptr_t)&tohost % 64 != 0 || (uintptr_t)&fromhost % 64 != 0) failures |= 16;
    return failures;
}
