// A store through a null pointer: SIGSEGV, exit status 139 in a shell.
#include <stdio.h>

int main(void) {
    puts("before the fault");
    fflush(stdout);
    volatile int* nowhere = (int*)0;
    *nowhere = 1;
    puts("after the fault");
    return 0;
}
