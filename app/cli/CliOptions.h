#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "gdb/Endpoint.h"
#include "machine/KernelBoot.h"
#include "machine/MachineConfig.h"

namespace glasshart::cli {

// Exit statuses of glasshart-cli other than the guest's own.
inline constexpr int kExitUsage = 2;                // bad command line or unloadable program
inline constexpr int kExitWaitingForever = 123;     // wfi with nothing that could wake the hart
inline constexpr int kExitInstructionLimit = 124;   // --max-instructions reached (as timeout(1))
inline constexpr int kExitLockedUp = 125;           // the guest jumped to nothing

// How PROGRAM runs: on the virt board, or as a Linux process.
enum class RunMode : std::uint8_t {
    Auto,    // a Linux program in user mode, anything else on the board
    User,    // as a Linux process (qemu-riscv64's way)
    System,  // bare metal on the virt board (qemu-system-riscv64's way)
};

// One -E or -U, applied to the host's environment in command-line order.
struct EnvironmentEdit {
    std::string name;
    std::optional<std::string> value;  // none: unset it
};

struct CliOptions {
    std::optional<std::filesystem::path> program;  // none: the built-in demo guest
    // Everything after PROGRAM: its arguments (user mode only).
    std::vector<std::string> programArguments;
    RunMode mode = RunMode::Auto;
    std::vector<EnvironmentEdit> environmentEdits;
    std::optional<std::filesystem::path> root;  // --root: the Linux program's "/"
    bool writable = false;                      // --writable: it may change files inside the root
    bool systemCallLog = false;                 // --strace
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
