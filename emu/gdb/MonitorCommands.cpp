#include "gdb/MonitorCommands.h"

#include <cinttypes>
#include <cstdio>

#include "dbt/Dispatcher.h"
#include "machine/Machine.h"

namespace glasshart::gdb {
namespace {

constexpr std::string_view kHelp =
    "Glasshart monitor commands:\n"
    "  monitor help   this list\n"
    "  monitor cache  translation cache statistics\n"
    "  monitor flush  empty the translation cache (the guest is not affected)\n";

std::string line(const char* format, auto... values) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, format, values...);
    return buffer;
}

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\n");
    return text.substr(first, last - first + 1);
}

std::string watchpointNote(const Machine& machine) {
    if (machine.watchpoints().empty()) return {};
    return "watchpoints are set: the machine runs on the interpreter until they are removed\n";
}

std::string cacheReport(Machine& machine) {
    const Dispatcher* dispatcher = machine.dispatcher();
    if (dispatcher == nullptr) return "engine: interpreter (no translation cache)\n";
    const TranslationCache& cache = dispatcher->cache();
    const CacheStatistics& stats = cache.statistics();
    const double hitRate =
        stats.lookups != 0 ? 100.0 * double(stats.lookups - stats.lookupMisses) / double(stats.lookups) : 0.0;
    std::string text = "engine: translator (RISC-V to x86-64)\n";
    text += line("translation cache:    %zu of %zu bytes used, %zu live blocks\n", cache.bytesUsed(),
                 cache.capacity(), cache.liveBlocks());
    text += line("blocks translated:    %" PRIu64 " (%" PRIu64 " guest instructions)\n", stats.blocksTranslated,
                 stats.instructionsTranslated);
    text += line("host code emitted:    %" PRIu64 " bytes\n", stats.hostBytesEmitted);
    text += line("cache flushes:        %" PRIu64 "\n", stats.flushes);
    text += line("dispatcher look-ups:  %" PRIu64 " (%.1f%% hits)\n", stats.lookups, hitRate);
    text += line("chains made:          %" PRIu64 "\n", stats.chainsMade);
    text += line("blocks invalidated:   %" PRIu64 "\n", stats.invalidations);
    return text + watchpointNote(machine);
}

std::string flush(Machine& machine) {
    Dispatcher* dispatcher = machine.dispatcher();
    if (dispatcher == nullptr) return "engine: interpreter (no translation cache to flush)\n";
    dispatcher->flush();
    return line("translation cache flushed (%" PRIu64 " flushes so far)\n", dispatcher->cache().statistics().flushes);
}

}  // namespace

std::string runMonitorCommand(Machine& machine, std::string_view command) {
    const std::string_view name = trimmed(command);
    if (name == "help" || name.empty()) return std::string(kHelp);
    if (name == "cache") return cacheReport(machine);
    if (name == "flush") return flush(machine);
    return "unknown monitor command '" + std::string(name) + "'; 'monitor help' lists them\n";
}

}  // namespace glasshart::gdb
