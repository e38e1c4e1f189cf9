/* Glasshart's built-in demo guest: a small interactive monitor on the UART
 * whose commands make the translator's work visible (hot loops, timer
 * interrupts, self-modifying code, a flood of distinct code). */
#include "guest.h"

#define LINE_MAX 80
#define TICKS_PER_SECOND 10000000ull /* the virt timebase */
#define POLL_TICKS (TICKS_PER_SECOND / 100)

static volatile unsigned long timer_ticks;

void guest_trap_handler(struct trap_frame *frame) {
    const ureg interrupt_bit = (ureg)1 << (sizeof(ureg) * 8 - 1);
    if (frame->mcause == (interrupt_bit | 7)) { /* machine timer */
        ++timer_ticks;
        guest_set_mtimecmp(~0ull);
        return;
    }
    guest_unexpected_trap(frame);
}

/* Sleeps in wfi until the timer fires `ticks` from now. */
static void sleep_ticks(uint64_t ticks) {
    unsigned long before = timer_ticks;
    guest_set_mtimecmp(guest_mtime() + ticks);
    CSR_SET(mie, 1 << 7);
    CSR_SET(mstatus, 1 << 3);
    while (timer_ticks == before) __asm__ volatile("wfi");
    CSR_CLEAR(mstatus, 1 << 3);
}

static int read_char(void) {
    int c;
    while ((c = guest_getc()) < 0) sleep_ticks(POLL_TICKS);
    return c;
}

static int read_line(char *line) {
    int length = 0;
    for (;;) {
        int c = read_char();
        if (c == '\r' || c == '\n') {
            guest_putc('\n');
            line[length] = 0;
            return length;
        }
        if ((c == 0x7f || c == '\b') && length > 0) {
            --length;
            guest_puts("\b \b");
        } else if (c >= ' ' && length < LINE_MAX - 1) {
            line[length++] = (char)c;
            guest_putc((char)c);
        }
    }
}

static int starts_with(const char *text, const char *prefix) {
    while (*prefix)
        if (*text++ != *prefix++) return 0;
    return 1;
}

static unsigned long parse_number(const char *text, unsigned long fallback) {
    unsigned long value = 0;
    int digits = 0;
    while (*text == ' ') ++text;
    for (; *text >= '0' && *text <= '9'; ++text, ++digits) value = value * 10 + (unsigned long)(*text - '0');
    return digits ? value : fallback;
}

__attribute__((noinline)) static void command_primes(unsigned long limit) {
    unsigned long count = 0;
    for (unsigned long n = 2; n <= limit; ++n) {
        int prime = 1;
        for (unsigned long d = 2; d * d <= n; ++d)
            if (n % d == 0) { prime = 0; break; }
        count += (unsigned long)prime;
    }
    guest_puts("primes up to ");
    guest_put_dec((int64_t)limit);
    guest_puts(": ");
    guest_put_dec((int64_t)count);
    guest_putc('\n');
}

__attribute__((noinline)) static void command_ticker(unsigned long seconds) {
    for (unsigned long i = 1; i <= seconds; ++i) {
        sleep_ticks(TICKS_PER_SECOND);
        guest_puts("tick ");
        guest_put_dec((int64_t)i);
        guest_puts(" (timer interrupts so far: ");
        guest_put_dec((int64_t)timer_ticks);
        guest_puts(")\n");
    }
}

/* Rewrites the immediate of an `addi a0, a0, imm` in place, then fence.i:
 * the translator must drop the old translation of this function. */
__attribute__((noinline, aligned(64))) static long patched_add(long x) {
    __asm__ volatile(".option push\n.option norvc\naddi %0, %0, 1\n.option pop" : "+r"(x));
    return x;
}

__attribute__((noinline)) static void command_smc(void) {
    uint32_t *code = (uint32_t *)(void *)patched_add;
    uint32_t *addi = 0;
    for (int i = 0; i < 16 && !addi; ++i)
        if ((code[i] & 0xfff0707f) == 0x00100013) addi = &code[i]; /* addi rd, rs1, 1 */
    if (!addi) {
        guest_puts("smc: could not find the instruction to patch\n");
        return;
    }
    for (uint32_t step = 1; step <= 5; ++step) {
        *addi = (*addi & 0x000fffff) | (step << 20);
        __asm__ volatile("fence.i" ::: "memory");
        guest_puts("patched the addi to add ");
        guest_put_dec(step);
        guest_puts(": 100 -> ");
        guest_put_dec(patched_add(100));
        guest_putc('\n');
    }
}

#define FLOOD4(n) FLOOD1(n##0) FLOOD1(n##1) FLOOD1(n##2) FLOOD1(n##3)
#define FLOOD16(n) FLOOD4(n##0) FLOOD4(n##1) FLOOD4(n##2) FLOOD4(n##3)
#define FLOOD1(n) \
    __attribute__((noinline)) static unsigned long flood_##n(unsigned long x) { \
        x = x * 2654435761u + 0x##n; x ^= x >> 13; x = x * 2246822519u + 0x##n; return x ^ (x >> 7); }
FLOOD16(1) FLOOD16(2) FLOOD16(3) FLOOD16(4)
#undef FLOOD1
#define FLOOD1(n) flood_##n,
static unsigned long (*const flood_functions[])(unsigned long) = {FLOOD16(1) FLOOD16(2) FLOOD16(3) FLOOD16(4)};

__attribute__((noinline)) static void command_flood(unsigned long rounds) {
    unsigned long x = 1;
    const unsigned count = sizeof flood_functions / sizeof flood_functions[0];
    for (unsigned long r = 0; r < rounds; ++r)
        for (unsigned i = 0; i < count; ++i) x = flood_functions[i](x);
    guest_puts("ran ");
    guest_put_dec(count);
    guest_puts(" distinct functions ");
    guest_put_dec((int64_t)rounds);
    guest_puts(" times, checksum ");
    guest_put_hex(x);
    guest_putc('\n');
}

__attribute__((noinline)) static void command_info(void) {
    guest_puts("misa     ");
    guest_put_hex(CSR_READ(misa));
    guest_puts("\nmhartid  ");
    guest_put_hex(CSR_READ(mhartid));
    guest_puts("\nmtime    ");
    guest_put_dec((int64_t)guest_mtime());
    guest_puts("\ninstret  ");
    guest_put_dec((int64_t)CSR_READ(minstret));
    guest_putc('\n');
}

__attribute__((noinline)) static void command_help(void) {
    guest_puts("commands:\n"
               "  help          this list\n"
               "  primes [N]    count primes up to N by trial division (a hot loop)\n"
               "  ticker [N]    N one-second timer interrupts, sleeping in wfi\n"
               "  smc           patch an instruction, fence.i, run it again (5 times)\n"
               "  flood [N]     call 64 distinct functions N times (fills a small cache)\n"
               "  echo TEXT     print TEXT back\n"
               "  info          misa, mhartid, mtime, instret\n"
               "  exit          power off\n");
}

int main(void) {
    char line[LINE_MAX];
    guest_puts("\nGlasshart demo monitor (RV");
    guest_put_dec((int64_t)sizeof(ureg) * 8);
    guest_puts(") - type 'help' for commands.\n");
    for (;;) {
        guest_puts("> ");
        if (read_line(line) == 0) continue;
        if (starts_with(line, "help")) command_help();
        else if (starts_with(line, "primes")) command_primes(parse_number(line + 6, 200000));
        else if (starts_with(line, "ticker")) command_ticker(parse_number(line + 6, 3));
        else if (starts_with(line, "smc")) command_smc();
        else if (starts_with(line, "flood")) command_flood(parse_number(line + 5, 1000));
        else if (starts_with(line, "echo ")) { guest_puts(line + 5); guest_putc('\n'); }
        else if (starts_with(line, "info")) command_info();
        else if (starts_with(line, "exit")) { guest_puts("bye\n"); return 0; }
        else { guest_puts("unknown command: "); guest_puts(line); guest_puts(" (try 'help')\n"); }
    }
}
