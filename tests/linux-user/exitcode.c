// exit() with a status above 255: the parent sees only the low 8 bits.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char** argv) {
    const int status = argc > 1 ? atoi(argv[1]) : 300;
    printf("exiting with %d\n", status);
    exit(status);
}
