// Calls a system call glasshart does not offer (io_setup), twice: it must
// answer ENOSYS both times and report it once.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
    for (int i = 0; i < 2; ++i) {
        errno = 0;
        const long result = syscall(SYS_io_setup, 1, NULL);
        printf("io_setup: %ld, errno %s\n", result, errno == ENOSYS ? "ENOSYS" : strerror(errno));
    }
    return 0;
}
