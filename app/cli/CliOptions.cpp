#include "CliOptions.h"

#include <charconv>
#include <limits>
#include <string_view>

namespace glasshart::cli {
namespace {

constexpr std::uint64_t kMinRam = kMinRamSize;
constexpr std::uint64_t kMaxRam = kMaxRamSize;

std::optional<std::uint64_t> parseCount(std::string_view text) {
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

std::string sizeRange(std::uint64_t low, std::uint64_t high) {
    auto show = [](std::uint64_t bytes) {
        if (bytes % (1ull << 30) == 0) return std::to_string(bytes >> 30) + "G";
        if (bytes % (1ull << 20) == 0) return std::to_string(bytes >> 20) + "M";
        return std::to_string(bytes >> 10) + "K";
    };
    return show(low) + " to " + show(high);
}

}  // namespace

std::optional<std::uint64_t> parseSize(std::string_view text) {
    if (text.empty()) return std::nullopt;
    unsigned shift = 0;
    switch (text.back()) {
    case 'K': case 'k': shift = 10; break;
    case 'M': case 'm': shift = 20; break;
    case 'G': case 'g': shift = 30; break;
    default: break;
    }
    if (shift != 0) text.remove_suffix(1);
    const auto value = parseCount(text);
    if (!value || *value > (std::numeric_limits<std::uint64_t>::max() >> shift)) return std::nullopt;
    return *value << shift;
}

std::string usageText() {
    return R"(Usage: glasshart-cli [OPTIONS] [PROGRAM [ARGUMENTS...]]
       glasshart-cli [OPTIONS] --kernel IMAGE [--initrd FILE] [--append ARGS] [--bios FILE]

Runs a RISC-V program headless. A Linux program (a static riscv64-linux-gnu
ELF) runs in user mode, as qemu-riscv64 runs it: its system calls are
served by the emulator, it gets ARGUMENTS and the environment, standard
input and output are its own, and its exit status is glasshart-cli's. A
bare-metal program runs on a QEMU-virt-compatible machine: the guest's
UART output goes to standard output and standard input goes to its UART.
Without PROGRAM, runs the built-in demo guest (an interactive monitor).
With --kernel, boots firmware and a kernel as QEMU's -bios, -kernel, -initrd
and -append do, with the UART as the console. Options come before PROGRAM:
what follows it is the program's.

Options:
  --mode auto|user|system how to run PROGRAM (default auto: user mode for a
                          Linux program, the virt machine for anything else)
  --engine dbt|interp     execution engine: the RISC-V to x86-64 translator
                          (default) or the reference interpreter
  --xlen 32|64            register width (default: from the ELF class; must
                          match it)
  --ram SIZE              guest RAM at 0x80000000 (default 128M; 1M to 16G)
  --tc-size SIZE          translation cache size (default 64M; 16K to 1G);
                          when full it is flushed whole
  --max-instructions N    stop after N instructions (exit status 124)
  --stats                 print execution and cache statistics to stderr
  --trace FILE            write each executed block (guest pc, instruction
                          count) to FILE
  --kernel IMAGE          boot this raw kernel image (Linux's Image) in S-mode
                          under the firmware
  --initrd FILE           with --kernel: an initial RAM disk
  --append ARGS           with --kernel: the kernel command line
  --bios FILE             with --kernel: the raw M-mode firmware (default:
                          Debian's OpenSBI, )" + std::string(kDebianOpenSbiFirmware) + R"()
  --gdb [HOST:]PORT       serve gdb's remote protocol on PORT (0: any free
                          port), at 127.0.0.1 unless HOST is given, and wait
                          for gdb to connect before the first instruction
  --help                  show this text

User mode (Linux programs):
  -E NAME=VALUE           set NAME in the program's environment (which is
                          otherwise glasshart-cli's own)
  -U NAME                 remove NAME from the program's environment
  --root DIR              make DIR the program's "/": every path it opens is
                          resolved inside DIR, and neither ".." nor a
                          symbolic link leads out of it
  --writable              with --root: let the program create, change and
                          remove files inside DIR (without it, and without
                          --root, it reads files but cannot change any)
  --strace                log each system call to stderr

SIZE is a number of bytes with an optional K, M or G suffix (16K, 64M, 1G).

Exit status: a Linux program's own (128 + N when signal N killed it, as a
shell reports it); a bare-metal guest's own (sifive_test finisher or HTIF;
0 = pass; a code outside 0 to 255 gives 255); or
  2    bad command line, or the program cannot be loaded
  123  the guest waits (wfi) for an interrupt that nothing can raise, or a
       Linux program waits for something nothing can bring
  124  --max-instructions reached
  125  the guest jumped to nothing (fetch fault with no fetchable trap handler)
With --gdb, a kill from gdb ends glasshart-cli with status 0.
)";
}

namespace {

// -E, -U, --root, --writable, --strace and --mode: nullopt if `arg` is none
// of them, else an empty string or what is wrong with it.
template <typename Value>
std::optional<std::string> parseUserModeOption(std::string_view arg, Value value, CliOptions& options) {
    const bool takesValue = arg == "-E" || arg == "-U" || arg == "--root" || arg == "--mode";
    if (!takesValue && arg != "--writable" && arg != "--strace") return std::nullopt;
    if (arg == "--writable") {
        options.writable = true;
        return std::string();
    }
    if (arg == "--strace") {
        options.systemCallLog = true;
        return std::string();
    }
    const std::optional<std::string_view> v = value();
    if (!v) return std::string(arg) + " needs a value";
    if (arg == "--root") {
        options.root = std::filesystem::path(*v);
    } else if (arg == "--mode") {
        if (*v == "auto") {
            options.mode = RunMode::Auto;
        } else if (*v == "user") {
            options.mode = RunMode::User;
        } else if (*v == "system") {
            options.mode = RunMode::System;
        } else {
            return "--mode must be auto, user or system, not '" + std::string(*v) + "'";
        }
    } else if (arg == "-U") {
        if (v->empty() || v->find('=') != std::string_view::npos) {
            return "-U needs a variable name, not '" + std::string(*v) + "'";
        }
        options.environmentEdits.push_back(EnvironmentEdit{std::string(*v), std::nullopt});
    } else {
        const std::size_t equals = v->find('=');
        if (equals == 0 || equals == std::string_view::npos) {
            return "-E needs NAME=VALUE, not '" + std::string(*v) + "'";
        }
        options.environmentEdits.push_back(EnvironmentEdit{std::string(v->substr(0, equals)),
                                                           std::string(v->substr(equals + 1))});
    }
    return std::string();
}

// What the options say about user and system mode that cannot go together.
std::optional<std::string> checkModes(const CliOptions& options) {
    if (options.writable && !options.root) {
        return "--writable needs --root: without a root directory the program's files are the host's, which "
               "it may only read";
    }
    const bool userOptions = options.root || options.writable || options.systemCallLog ||
                             !options.environmentEdits.empty() || !options.programArguments.empty();
    if (userOptions && (options.mode == RunMode::System || options.kernelBoot || !options.program)) {
        return "program arguments, -E, -U, --root, --writable and --strace are for a Linux program in user mode";
    }
    if (options.mode == RunMode::User && (options.kernelBoot || !options.program)) {
        return "--mode user needs a Linux PROGRAM";
    }
    return std::nullopt;
}

}  // namespace

ParseResult parseCommandLine(int argc, const char* const* argv) {
    CliOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> std::optional<std::string_view> {
            if (i + 1 >= argc) return std::nullopt;
            return std::string_view(argv[++i]);
        };
        auto missing = [&] { return UsageError{std::string(arg) + " needs a value"}; };
        if (arg == "--help" || arg == "-h") return HelpRequested{};
        if (arg == "--engine") {
            const auto v = value();
            if (!v) return missing();
            if (*v == "dbt") {
                options.engine = Engine::Translator;
            } else if (*v == "interp") {
                options.engine = Engine::Interpreter;
            } else {
                return UsageError{"--engine must be dbt or interp, not '" + std::string(*v) + "'"};
            }
        } else if (arg == "--xlen") {
            const auto v = value();
            if (!v) return missing();
            if (*v == "32") {
                options.xlen = Xlen::Rv32;
            } else if (*v == "64") {
                options.xlen = Xlen::Rv64;
            } else {
                return UsageError{"--xlen must be 32 or 64, not '" + std::string(*v) + "'"};
            }
        } else if (arg == "--ram" || arg == "--tc-size") {
            const auto v = value();
            if (!v) return missing();
            const auto size = parseSize(*v);
            const bool ram = arg == "--ram";
            const std::uint64_t low = ram ? kMinRam : kMinTranslationCacheSize;
            const std::uint64_t high = ram ? kMaxRam : kMaxTranslationCacheSize;
            if (!size || *size < low || *size > high) {
                return UsageError{std::string(arg) + " must be a size from " + sizeRange(low, high) + ", not '" +
                                  std::string(*v) + "'"};
            }
            (ram ? options.ramSize : options.translationCacheSize) = *size;
        } else if (arg == "--max-instructions") {
            const auto v = value();
            if (!v) return missing();
            const auto count = parseCount(*v);
            if (!count || *count == 0) {
                return UsageError{"--max-instructions must be a positive whole number, not '" + std::string(*v) + "'"};
            }
            options.maxInstructions = count;
        } else if (arg == "--stats") {
            options.statistics = true;
        } else if (arg == "--trace") {
            const auto v = value();
            if (!v) return missing();
            options.traceFile = std::filesystem::path(*v);
        } else if (arg == "--kernel" || arg == "--initrd" || arg == "--append" || arg == "--bios") {
            const auto v = value();
            if (!v) return missing();
            if (!options.kernelBoot) options.kernelBoot = KernelBootFiles{};
            KernelBootFiles& boot = *options.kernelBoot;
            if (arg == "--kernel") boot.kernel = std::filesystem::path(*v);
            if (arg == "--initrd") boot.initrd = std::filesystem::path(*v);
            if (arg == "--append") boot.bootargs = std::string(*v);
            if (arg == "--bios") boot.firmware = std::filesystem::path(*v);
        } else if (arg == "--gdb") {
            const auto v = value();
            if (!v) return missing();
            auto endpoint = gdb::parseEndpoint(*v);
            if (const auto* problem = std::get_if<std::string>(&endpoint)) return UsageError{"--gdb: " + *problem};
            options.gdb = std::get<gdb::Endpoint>(endpoint);
        } else if (const auto result = parseUserModeOption(arg, value, options)) {
            if (!result->empty()) return UsageError{*result};
        } else if (arg.starts_with("-") && arg != "-") {
            return UsageError{"unknown option '" + std::string(arg) + "'"};
        } else {
            // The program; what follows is its own.
            options.program = std::filesystem::path(arg);
            for (int rest = i + 1; rest < argc; ++rest) options.programArguments.emplace_back(argv[rest]);
            break;
        }
    }
    if (const auto problem = checkModes(options)) return UsageError{*problem};
    if (options.kernelBoot) {
        if (options.kernelBoot->kernel.empty()) return UsageError{"--initrd, --append and --bios need --kernel"};
        if (options.program) {
            return UsageError{"give either a program or --kernel, not both ('" + options.program->string() + "')"};
        }
        if (options.xlen == Xlen::Rv32 && !options.kernelBoot->firmware) {
            return UsageError{"--xlen 32 with --kernel needs --bios: Debian's OpenSBI is built for RV64 only"};
        }
    }
    return options;
}

}  // namespace glasshart::cli
