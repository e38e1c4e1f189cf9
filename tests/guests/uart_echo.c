/* uart_echo: console input through the 16550 UART. Reads lines by polling
 * the line status register's data-ready bit (guest_getc) and echoes each
 * one upper-cased, until an empty line. The harness feeds it stdin,
 * including a line longer than the UART's 16-byte receive FIFO, so the
 * emulator must hold input back until the guest has room for it. */
#include "expect.h"

static const char NAME[] = "uart_echo";

static int read_line(char *line, int capacity) {
    int length = 0;
    for (;;) {
        int c = guest_getc();
        if (c < 0) continue;                 /* nothing waiting yet */
        if (c == '\n') break;
        if (c == '\r') continue;
        if (length < capacity - 1) line[length++] = (char)c;
    }
    line[length] = '\0';
    return length;
}

int main(void) {
    say(NAME, "ready");
    char line[256];
    int lines = 0, bytes = 0;
    for (;;) {
        int length = read_line(line, sizeof line);
        if (length == 0) break;
        for (int i = 0; i < length; ++i)
            if (line[i] >= 'a' && line[i] <= 'z') line[i] = (char)(line[i] - 'a' + 'A');
        guest_puts("> ");
        guest_puts(line);
        guest_putc('\n');
        ++lines;
        bytes += length;
    }
    guest_puts("uart_echo: ");
    guest_put_dec(lines);
    guest_puts(" lines, ");
    guest_put_dec(bytes);
    guest_puts(" bytes\n");
    EXPECT_TRUE(lines > 0);
    return finish(NAME);
}
