/* plic_uart: the UART's interrupts through the PLIC (PLIC specification
 * 1.0.0; TI PC16550D datasheet): source priorities, enables and thresholds
 * for the M and S contexts, claim and complete, the THR-empty interrupt,
 * and receiving lines by interrupt with wfi. The harness feeds the input.
 *
 * Nothing printed depends on when the host's input arrives or on how a
 * model times its character timeout: both engines and QEMU must print the
 * same. */
#include "expect.h"

static const char NAME[] = "plic_uart";

#define PLIC 0x0c000000UL
#define PLIC_PRIORITY(source) (PLIC + 4 * (source))
#define PLIC_PENDING (PLIC + 0x1000)
#define PLIC_ENABLE(context) (PLIC + 0x2000 + 0x80 * (context))
#define PLIC_THRESHOLD(context) (PLIC + 0x200000 + 0x1000 * (context))
#define PLIC_CLAIM(context) (PLIC + 0x200004 + 0x1000 * (context))
#define CONTEXT_M 0
#define CONTEXT_S 1
#define UART_SOURCE 10

#define UART_RBR_THR 0
#define UART_IER 1
#define UART_IIR 2
#define UART_LSR 5
#define IER_RECEIVED 0x01
#define IER_THR_EMPTY 0x02
#define IIR_NONE 0x01
#define IIR_THR_EMPTY 0x02
#define IIR_RECEIVED 0x04
#define IIR_TIMEOUT 0x0c
#define LSR_DATA_READY 0x01

#define MIP_SEIP (1UL << 9)
#define MIP_MEIP (1UL << 11)
#define MSTATUS_MIE (1UL << 3)

static volatile uint32_t *reg32(ureg address) { return (volatile uint32_t *)address; }
static volatile uint8_t *uart(unsigned offset) { return (volatile uint8_t *)(VIRT_UART + offset); }

/* The PLIC's output to the hart shows in mip; a device update may take a
 * moment to get there on QEMU, so the level is sampled for a while. */
static int line_high(ureg bit) {
    for (int i = 0; i < 1000; ++i)
        if (CSR_READ(mip) & bit) return 1;
    return 0;
}

static int uart_pending(void) { return (int)((*reg32(PLIC_PENDING) >> UART_SOURCE) & 1); }

static void test_thr_empty_through_both_contexts(void) {
    *reg32(PLIC_PRIORITY(UART_SOURCE)) = 1;
    EXPECT_EQ(*reg32(PLIC_PRIORITY(UART_SOURCE)), 1);
    *reg32(PLIC_PRIORITY(UART_SOURCE)) = 0xffffffff; /* WARL: three priority bits */
    EXPECT_EQ(*reg32(PLIC_PRIORITY(UART_SOURCE)), 7);
    *reg32(PLIC_PRIORITY(UART_SOURCE)) = 1;
    *reg32(PLIC_THRESHOLD(CONTEXT_M)) = 0;
    *reg32(PLIC_THRESHOLD(CONTEXT_S)) = 0;
    EXPECT_EQ(*reg32(PLIC_CLAIM(CONTEXT_M)), 0); /* nothing pending */

    /* Enabling the THR-empty interrupt while THR is empty raises it at
     * once. (The context is enabled first: QEMU 7.2 re-evaluates its
     * outputs on a new request, but not on an enable write.) */
    *reg32(PLIC_ENABLE(CONTEXT_M)) = 1u << UART_SOURCE;
    EXPECT_EQ(*reg32(PLIC_ENABLE(CONTEXT_M)), 1u << UART_SOURCE);
    EXPECT_EQ(line_high(MIP_MEIP), 0);
    *uart(UART_IER) = IER_THR_EMPTY;
    EXPECT_EQ(uart_pending(), 1);
    EXPECT_EQ(line_high(MIP_MEIP), 1);
    EXPECT_EQ(line_high(MIP_SEIP), 0);

    /* A threshold at the source's priority masks it, for claims too. */
    *reg32(PLIC_THRESHOLD(CONTEXT_M)) = 1;
    EXPECT_EQ(*reg32(PLIC_THRESHOLD(CONTEXT_M)), 1);
    EXPECT_EQ(line_high(MIP_MEIP), 0);
    EXPECT_EQ(*reg32(PLIC_CLAIM(CONTEXT_M)), 0);
    *reg32(PLIC_THRESHOLD(CONTEXT_M)) = 0;

    /* Claim takes it: pending clears and the output drops; the UART's own
     * interrupt goes when IIR reports it; completion re-arms the source. */
    EXPECT_EQ(*reg32(PLIC_CLAIM(CONTEXT_M)), UART_SOURCE);
    EXPECT_EQ(uart_pending(), 0);
    EXPECT_EQ(line_high(MIP_MEIP), 0);
    EXPECT_EQ(*reg32(PLIC_CLAIM(CONTEXT_M)), 0); /* in flight: no second claim */
    EXPECT_EQ(*uart(UART_IIR) & 0x0f, IIR_THR_EMPTY);
    EXPECT_EQ(*uart(UART_IIR) & 0x0f, IIR_NONE); /* reading IIR cleared it */
    *reg32(PLIC_CLAIM(CONTEXT_M)) = UART_SOURCE;
    EXPECT_EQ(line_high(MIP_MEIP), 0);

    /* Sending a byte empties THR again: the interrupt returns, now routed
     * to the S context only. */
    *reg32(PLIC_ENABLE(CONTEXT_M)) = 0;
    *reg32(PLIC_ENABLE(CONTEXT_S)) = 1u << UART_SOURCE;
    *uart(UART_RBR_THR) = '.';
    EXPECT_EQ(line_high(MIP_SEIP), 1);
    EXPECT_EQ(line_high(MIP_MEIP), 0);
    EXPECT_EQ(*reg32(PLIC_CLAIM(CONTEXT_S)), UART_SOURCE);
    EXPECT_EQ(*uart(UART_IIR) & 0x0f, IIR_THR_EMPTY);
    *reg32(PLIC_CLAIM(CONTEXT_S)) = UART_SOURCE;
    *uart(UART_IER) = 0;
    EXPECT_EQ(line_high(MIP_SEIP), 0);
    *reg32(PLIC_ENABLE(CONTEXT_S)) = 0;
    guest_putc('\n');
}

/* Receiving by interrupt: the handler moves what the UART holds into a
 * ring that receive_line() empties. */
static volatile char ring[256];
static volatile unsigned ring_head, ring_tail; /* written by the handler / by main */
static volatile unsigned unexpected;

void guest_trap_handler(struct trap_frame *frame) {
    if (frame->mcause != (MCAUSE_INTERRUPT | 11)) guest_unexpected_trap(frame);
    const uint32_t source = *reg32(PLIC_CLAIM(CONTEXT_M));
    if (source == UART_SOURCE) {
        /* The UART may have nothing left to report by now (the spec lets
         * a claimed request be stale), but never THR empty: it is off. */
        const uint8_t id = *uart(UART_IIR) & 0x0f;
        if (id != IIR_RECEIVED && id != IIR_TIMEOUT && id != IIR_NONE) ++unexpected;
        while (*uart(UART_LSR) & LSR_DATA_READY) ring[ring_head++ % sizeof ring] = (char)*uart(UART_RBR_THR);
        *reg32(PLIC_CLAIM(CONTEXT_M)) = source;
    } else if (source != 0) { /* 0: the request went away before the claim */
        ++unexpected;
    }
}

static char next_char(void) {
    /* Check and sleep with interrupts off, so none slips in between: wfi
     * still wakes for a pending, enabled interrupt (privileged spec 3.3.3). */
    for (;;) {
        CSR_CLEAR(mstatus, MSTATUS_MIE);
        if (ring_tail != ring_head) break;
        __asm__ volatile("wfi");
        CSR_SET(mstatus, MSTATUS_MIE);
    }
    const char c = ring[ring_tail++ % sizeof ring];
    CSR_SET(mstatus, MSTATUS_MIE);
    return c;
}

static char line[128];

static unsigned receive_line(void) {
    unsigned length = 0;
    for (char c = next_char(); c != '\n'; c = next_char()) {
        if (c != '\r' && length < sizeof line - 1) line[length++] = c;
    }
    line[length] = '\0';
    return length;
}

static void test_receive_by_interrupt(void) {
    *reg32(PLIC_PRIORITY(UART_SOURCE)) = 1;
    *reg32(PLIC_ENABLE(CONTEXT_M)) = 1u << UART_SOURCE;
    *uart(UART_IER) = IER_RECEIVED;
    CSR_SET(mie, MIP_MEIP);
    CSR_SET(mstatus, MSTATUS_MIE);
    unsigned lines = 0;
    say(NAME, "ready");
    while (receive_line() > 0) {
        guest_puts("> ");
        guest_puts(line);
        guest_putc('\n');
        ++lines;
    }
    CSR_CLEAR(mstatus, MSTATUS_MIE);
    *uart(UART_IER) = 0;
    EXPECT_EQ(lines, 2);
    EXPECT_EQ(unexpected, 0);
}

int main(void) {
    say(NAME, "start");
    test_thr_empty_through_both_contexts();
    test_receive_by_interrupt();
    return finish(NAME);
}
