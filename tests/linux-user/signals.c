// Signals a program sends itself, with their default actions: an ignored
// one is dropped, one ignored by default does nothing, a blocked one waits
// until it is unblocked and then terminates (exit status 143 for SIGTERM).
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    printf("kill(self, 0): %d\n", kill(getpid(), 0));
    signal(SIGTERM, SIG_IGN);
    raise(SIGTERM);
    puts("SIGTERM ignored");
    raise(SIGCHLD);
    raise(SIGWINCH);
    puts("SIGCHLD and SIGWINCH do nothing by default");
    signal(SIGTERM, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigprocmask(SIG_BLOCK, &set, NULL);
    raise(SIGTERM);
    puts("SIGTERM blocked and pending");
    fflush(stdout);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    puts("not reached");
    return 0;
}
