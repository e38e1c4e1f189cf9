#pragma once

#include <cstdio>
#include <string>

#include "CliOptions.h"
#include "machine/Machine.h"

namespace glasshart::cli {

// One line "glasshart-cli: ..." on standard error.
template <typename... Args>
void report(const char* format, const Args&... args) {
    std::fputs("glasshart-cli: ", stderr);
    if constexpr (sizeof...(Args) == 0) {
        std::fputs(format, stderr);
    } else {
        std::fprintf(stderr, format, args...);
    }
    std::fputc('\n', stderr);
}

// A mistake on the command line: the problem, then a pointer to --help;
// returns the exit status for it.
int usageError(const std::string& message);

// --stats: execution and translation cache statistics on standard error.
void printStatistics(Machine& machine, const CliOptions& options, double seconds);

}  // namespace glasshart::cli
