#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>

#include "gdb/Endpoint.h"
#include "machine/KernelBoot.h"
#include "machine/MachineConfig.h"

namespace glasshart::cli {

// Exit statuses of glasshart-cli other than the guest's own.
inline constexpr int kExitUsage = 2;                // bad command line or unloadable program
inline constexpr int kExitWaitingForever = 123;     // wfi with nothing that could wake the hart
inline constexpr int kExitInstructionLimit = 124;   // --max-instructions reached (as timeout(1))
inline constexpr int kExitLockedUp = 125;           // the guest jumped to nothing

struct CliOptions {
    std::optional<std::filesystem::path> program;  // none: the built-in demo guest
    std::optional<Xlen> xlen;                       // none: from the ELF class
    Engine engine = Engine::Translator;
    std::uint64_t ramSize = memory_map::kDefaultRamSize;
    std::uint64_t translationCacheSize = MachineConfig{}.translationCacheSize;
    std::optional<std::uint64_t> maxInstructions;
    bool statistics = false;
    std::optional<std::filesystem::path> traceFile;
    // --kernel and its companions: boot firmware + kernel instead of a program.
    std::optional<KernelBootFiles> kernelBoot;
    // --gdb: serve gdb there, and run nothing until it has connected.
    std::optional<gdb::Endpoint> gdb;
};

struct HelpRequested {};
struct UsageError {
    std::string message;
};

using ParseResult = std::variant<CliOptions, HelpRequested, UsageError>;

[[nodiscard]] ParseResult parseCommandLine(int argc, const char* const* argv);
[[nodiscard]] std::string usageText();

// "16K", "64M", "1G" or a plain number of bytes; nullopt if malformed.
[[nodiscard]] std::optional<std::uint64_t> parseSize(std::string_view text);

}  // namespace glasshart::cli
