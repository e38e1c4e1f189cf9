// The smallest Linux program: printf and a return from main.
#include <stdio.h>

int main(void) {
    printf("Hello from a static RISC-V Linux program!\n");
    return 0;
}
