#include "CliReport.h"

#include <cinttypes>

#include "dbt/Dispatcher.h"

namespace glasshart::cli {

int usageError(const std::string& message) {
    std::fprintf(stderr, "glasshart-cli: %s\nTry 'glasshart-cli --help' for the options.\n", message.c_str());
    return kExitUsage;
}

void printStatistics(Machine& machine, const CliOptions& options, double seconds) {
    const HartState& state = machine.state();
    std::fprintf(stderr, "--- glasshart-cli statistics ---\n");
    std::fprintf(stderr, "engine                 %s\n",
                 options.engine == Engine::Translator ? "dbt (RISC-V to x86-64 translator)" : "interp");
    std::fprintf(stderr, "instructions retired   %" PRIu64 "\n", state.retired);
    std::fprintf(stderr, "wall time              %.3f s\n", seconds);
    std::fprintf(stderr, "speed                  %.1f MIPS\n", seconds > 0 ? state.retired / seconds / 1e6 : 0.0);
    const Dispatcher* dispatcher = machine.dispatcher();
    if (dispatcher == nullptr) return;
    const TranslationCache& cache = dispatcher->cache();
    const CacheStatistics& stats = cache.statistics();
    const double perInstruction =
        stats.instructionsTranslated ? double(stats.hostBytesEmitted) / double(stats.instructionsTranslated) : 0.0;
    const double hitRate = stats.lookups ? 100.0 * double(stats.lookups - stats.lookupMisses) / double(stats.lookups) : 0.0;
    std::fprintf(stderr, "translation cache      %zu of %zu bytes used, %zu live blocks\n", cache.bytesUsed(),
                 cache.capacity(), cache.liveBlocks());
    std::fprintf(stderr, "blocks translated      %" PRIu64 " (%" PRIu64 " guest instructions)\n",
                 stats.blocksTranslated, stats.instructionsTranslated);
    std::fprintf(stderr, "host code emitted      %" PRIu64 " bytes (%.1f per guest instruction)\n",
                 stats.hostBytesEmitted, perInstruction);
    const double translationSeconds = double(stats.translationNanoseconds) / 1e9;
    std::fprintf(stderr, "translation time       %.3f s (%.2f M guest instructions a second)\n", translationSeconds,
                 translationSeconds > 0 ? double(stats.instructionsTranslated) / translationSeconds / 1e6 : 0.0);
    std::fprintf(stderr, "cache flushes          %" PRIu64 "\n", stats.flushes);
    std::fprintf(stderr, "dispatcher look-ups    %" PRIu64 " (%.1f%% hits)\n", stats.lookups, hitRate);
    std::fprintf(stderr, "chains made            %" PRIu64 "\n", stats.chainsMade);
    std::fprintf(stderr, "blocks invalidated     %" PRIu64 "\n", stats.invalidations);
}

}  // namespace glasshart::cli
