// abort(): SIGABRT with its default action, exit status 134 in a shell.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    puts("aborting");
    fflush(stdout);
    abort();
}
