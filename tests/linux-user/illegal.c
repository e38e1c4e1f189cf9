// An all-zero instruction, which RISC-V reserves as illegal: SIGILL, exit
// status 132 in a shell.
#include <stdio.h>

int main(void) {
    puts("before the illegal instruction");
    fflush(stdout);
    __asm__ volatile(".2byte 0");
    puts("after it");
    return 0;
}
