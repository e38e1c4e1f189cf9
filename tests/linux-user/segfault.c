// Faults that Linux turns into SIGSEGV (exit status 139 in a shell): a
// store through a null pointer, or with the argument "call" a call through
// one, which faults on the instruction fetch.
#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
    puts("before the fault");
    fflush(stdout);
    if (argc > 1 && strcmp(argv[1], "call") == 0) {
        void (*volatile nowhere)(void) = NULL;
        nowhere();
    } else {
        volatile int* nowhere = (int*)0;
        *nowhere = 1;
    }
    puts("after the fault");
    return 0;
}
