/* The program GdbClientTest debugs with gdb-multiarch: a loop that calls a
 * function and stores into a watched variable, a variable that is only read,
 * a string and an FP value in a known register, then a spin that only gdb
 * can end (by interrupting it and setting `released`), then a clean exit.
 * "spinning" on the console tells the test that gdb's continue is under way. */
#include "guest.h"

volatile ureg counter;                   /* written each round: a write watchpoint */
volatile ureg threshold = 7;             /* read once: a read watchpoint */
const char greeting[] = "hello gdb";     /* read by gdb as memory */
static volatile double fp_value = 2.5;   /* loaded into fs1 */
volatile int released;                   /* set by gdb */

__attribute__((noinline)) ureg add_step(ureg value, ureg step) { return value + step; }

/* A place to stop at once fs1 holds fp_value. */
__attribute__((noinline)) void fp_loaded(void) { __asm__ volatile(""); }

__attribute__((noinline)) void load_fp(void) {
    __asm__ volatile("fld fs1, 0(%0)" : : "r"(&fp_value) : "fs1");
    fp_loaded();
}

int main(void) {
    ureg total = 0;
    for (ureg i = 0; i < 10; ++i) {
        total = add_step(total, i);
        counter = total;
    }
    load_fp();
    guest_puts("spinning\n");
    while (!released) {
    }
    guest_puts(total > threshold ? "done\n" : "wrong\n");
    return total == 45 ? 0 : 1;
}
