#pragma once

#include <cstdio>

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

// --stats: execution and translation cache statistics on standard error.
void printStatistics(Machine& machine, const CliOptions& options, double seconds);

}  // namespace glasshart::cli
