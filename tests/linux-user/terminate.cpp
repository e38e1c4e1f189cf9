// An uncaught exception: std::terminate aborts, and SIGABRT's default
// action ends the process (exit status 134 in a shell).
#include <cstdio>
#include <stdexcept>

int main() {
    std::puts("about to throw");
    std::fflush(stdout);
    throw std::runtime_error("nobody catches this");
}
