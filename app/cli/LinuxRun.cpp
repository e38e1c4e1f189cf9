#include "LinuxRun.h"

#include <csignal>
#include <cinttypes>
#include <chrono>
#include <cstdio>
#include <system_error>

#include "CliReport.h"
#include "linux/AddressSpace.h"
#include "linux/LinuxProcess.h"
#include "linux/LinuxProgram.h"

extern char** environ;

namespace glasshart::cli {
namespace {

constexpr std::uint64_t kSlice = 1u << 22;

// The host's environment with the -E and -U edits applied in order, as
// qemu-riscv64 builds its guest's.
std::vector<std::string> guestEnvironment(const std::vector<EnvironmentEdit>& edits) {
    std::vector<std::string> environment;
    for (char** entry = environ; *entry != nullptr; ++entry) environment.emplace_back(*entry);
    for (const EnvironmentEdit& edit : edits) {
        const std::string prefix = edit.name + "=";
        std::erase_if(environment, [&](const std::string& entry) { return entry.starts_with(prefix); });
        if (edit.value) environment.push_back(prefix + *edit.value);
    }
    return environment;
}

// What /proc/self/exe reads as: the program's absolute path, inside the
// root when there is one and the program is in it.
std::string executablePath(const CliOptions& options) {
    std::error_code error;
    const auto program = std::filesystem::weakly_canonical(*options.program, error);
    if (error) return std::filesystem::absolute(*options.program).string();
    if (options.root) {
        const auto root = std::filesystem::weakly_canonical(*options.root, error);
        const auto inside = program.lexically_relative(root);
        if (!error && !inside.empty() && *inside.begin() != "..") return "/" + inside.string();
    }
    return program.string();
}

ProcessOptions processOptions(const CliOptions& options) {
    ProcessOptions process;
    process.arguments.push_back(options.program->string());
    process.arguments.insert(process.arguments.end(), options.programArguments.begin(),
                             options.programArguments.end());
    process.environment = guestEnvironment(options.environmentEdits);
    process.executablePath = executablePath(options);
    process.files = FileAccessPolicy{options.root, options.writable};
    return process;
}

void logSystemCall(const SyscallRecord& call) {
    const std::string name = call.name.empty() ? "syscall_" + std::to_string(call.number) : std::string(call.name);
    std::fprintf(stderr, "[strace] %s(0x%" PRIx64 ", 0x%" PRIx64 ", 0x%" PRIx64 ", 0x%" PRIx64 ", 0x%" PRIx64
                 ", 0x%" PRIx64 ") = %" PRId64 "\n",
                 name.c_str(), call.arguments[0], call.arguments[1], call.arguments[2], call.arguments[3],
                 call.arguments[4], call.arguments[5], call.result);
}

// The machine running the program, or nullptr after reporting why it cannot.
std::unique_ptr<Machine> startProcess(const CliOptions& options, const ElfImage& program) {
    try {
        auto process = std::make_unique<LinuxProcess>(program, processOptions(options));
        process->setDiagnostics([](const std::string& message) { report("%s", message.c_str()); });
        if (options.systemCallLog) process->setSyscallObserver(logSystemCall);
        auto machine = std::make_unique<Machine>(
            userModeConfig(program.xlen(), options.engine, options.translationCacheSize), [](std::uint8_t) {});
        machine->load(program, std::move(process));
        return machine;
    } catch (const ElfError& error) {
        report("%s", error.what());
    } catch (const std::system_error& error) {
        report("--root %s: %s", options.root ? options.root->c_str() : "", error.code().message().c_str());
    }
    return nullptr;
}

int explainStop(const RunResult& result, Machine& machine) {
    const HartState& state = machine.state();
    switch (result.reason) {
    case StopReason::GuestExit: return result.exitCode;
    case StopReason::Waiting:
        report("the program waits at pc 0x%" PRIx64 " for something nothing can bring", state.pc);
        return kExitWaitingForever;
    default: break;
    }
    report("stopped after %" PRIu64 " instructions (--max-instructions) at pc 0x%" PRIx64, state.retired, state.pc);
    return kExitInstructionLimit;
}

}  // namespace

bool runsInUserMode(const CliOptions& options, const ElfImage& program) {
    if (options.mode != RunMode::Auto) return options.mode == RunMode::User;
    return isLinuxProgram(program);
}

int runLinuxProgram(const CliOptions& options, const ElfImage& program, const BlockObserver& trace) {
    // A write to a pipe nobody reads must come back as EPIPE, so that the
    // program, not glasshart-cli, gets SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    const std::unique_ptr<Machine> machine = startProcess(options, program);
    if (!machine) return kExitUsage;
    if (trace) machine->setBlockTrace(trace);
    const auto started = std::chrono::steady_clock::now();
    RunResult result;
    for (;;) {
        std::uint64_t slice = kSlice;
        if (options.maxInstructions) {
            const std::uint64_t left = *options.maxInstructions - machine->state().retired;
            if (left == 0) break;
            slice = std::min(slice, left);
        }
        result = machine->run(slice);
        if (result.reason != StopReason::BudgetExhausted) break;
    }
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    const int status = explainStop(result, *machine);
    if (options.statistics) printStatistics(*machine, options, elapsed.count());
    return status;
}

}  // namespace glasshart::cli
