// glasshart-cli: runs a RISC-V program headless: a Linux program in user
// mode (LinuxRun.cpp), a bare-metal one with the guest's UART on standard
// input and output, or a kernel boot.

#include <poll.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "CliOptions.h"
#include "CliReport.h"
#include "LinuxRun.h"
#include "DemoGuest.h"
#include "ConsoleInput.h"
#include "dbt/Dispatcher.h"
#include "gdb/GdbServer.h"
#include "machine/ElfImage.h"
#include "machine/Machine.h"


namespace glasshart::cli {
namespace {

// Instructions per run() call: small enough that typed input reaches the
// guest promptly, large enough that the loop costs nothing.
constexpr std::uint64_t kSlice = 1u << 20;
// A guest asleep in wfi is woken early by typed input; longer sleeps are
// cut to this so the loop stays responsive.
constexpr std::uint64_t kMaxIdleWaitMilliseconds = 100;

// How long the host waits while the guest sleeps `ticks` of mtime, so that a
// sleeping guest sees roughly real time (as under QEMU) instead of spinning.
int idleWaitMilliseconds(std::uint64_t ticks) {
    return static_cast<int>(std::min(kMaxIdleWaitMilliseconds, ticks / (memory_map::kTimebaseHz / 1000)));
}

std::optional<ElfImage> loadProgram(const CliOptions& options) {
    try {
        if (options.program) return ElfImage::load(*options.program);
        return ElfImage::parse(embedded::kDemoGuest, "built-in demo guest");
    } catch (const ElfError& error) {
        report("%s", error.what());
        return std::nullopt;
    }
}

// The program to run, checked against --xlen, or nullopt after reporting
// why there is none.
std::optional<ElfImage> checkedProgram(const CliOptions& options) {
    std::optional<ElfImage> program = loadProgram(options);
    if (!program) return std::nullopt;
    const std::string name = options.program ? options.program->string() : "built-in demo guest";
    if (options.xlen && *options.xlen != program->xlen()) {
        report("%s: is an RV%u program, but --xlen %u was given", name.c_str(),
               static_cast<unsigned>(program->xlen()), static_cast<unsigned>(*options.xlen));
        return std::nullopt;
    }
    return program;
}

// The guest's exit code as a process exit status. A code outside 0..255
// becomes 255 rather than being truncated: 256 & 0xff would turn a failing
// guest into a passing one.
int guestExitStatus(int code) { return code >= 0 && code <= 255 ? code : 255; }

int explainStop(const RunResult& result, Machine& machine) {
    const HartState& state = machine.state();
    switch (result.reason) {
    case StopReason::GuestExit: return guestExitStatus(result.exitCode);
    case StopReason::Waiting:
        report("the guest waits in wfi at pc 0x%" PRIx64 " for an interrupt that nothing can raise", state.pc);
        return kExitWaitingForever;
    case StopReason::LockedUp:
        report("the guest jumped to nothing: instruction fetch from 0x%" PRIx64
               " faulted, and its trap handler at 0x%" PRIx64 " cannot be fetched either",
               state.csr.mtval, state.pc);
        return kExitLockedUp;
    case StopReason::BudgetExhausted: case StopReason::Idle: case StopReason::Breakpoint: case StopReason::Watchpoint:
        break;
    }
    report("stopped after %" PRIu64 " instructions (--max-instructions) at pc 0x%" PRIx64, state.retired, state.pc);
    return kExitInstructionLimit;
}

// A machine with the program loaded or the kernel boot placed, or nullptr
// after reporting why not.
std::unique_ptr<Machine> prepareMachine(const CliOptions& options, const std::optional<ElfImage>& program) {
    MachineConfig config;
    config.engine = options.engine;
    config.ramSize = options.ramSize;
    config.translationCacheSize = options.translationCacheSize;
    auto console = [](std::uint8_t byte) { std::fputc(byte, stdout); };
    if (options.kernelBoot) {
        config.xlen = options.xlen.value_or(Xlen::Rv64);
        try {
            const KernelBoot boot = readKernelBoot(*options.kernelBoot);
            auto machine = std::make_unique<Machine>(config, console);
            machine->boot(boot);
            return machine;
        } catch (const BootError& error) {
            report("%s", error.what());
            return nullptr;
        }
    }
    config.xlen = program->xlen();
    auto machine = std::make_unique<Machine>(config, console);
    try {
        machine->load(*program);
    } catch (const ElfError& error) {
        report("%s", error.what());
        return nullptr;
    }
    return machine;
}

// How a run ended: the machine's last result, or a status settled otherwise.
struct Outcome {
    RunResult result;
    std::optional<int> status;
};

// The next run() budget, or nullopt once --max-instructions is reached.
std::optional<std::uint64_t> nextSlice(Machine& machine, const CliOptions& options) {
    if (!options.maxInstructions) return kSlice;
    const std::uint64_t left = *options.maxInstructions - machine.state().retired;
    if (left == 0) return std::nullopt;
    return std::min(kSlice, left);
}

// Hands typed input to the UART as far as it takes it; true if it took any.
bool feedUart(Machine& machine, ConsoleInput& input) {
    bool fed = false;
    while (input.hasPending() && machine.uart().canReceive()) {
        machine.uart().receive(input.take());
        fed = true;
    }
    return fed;
}

Outcome runAlone(Machine& machine, const CliOptions& options, ConsoleInput& input) {
    RunResult result;
    for (;;) {
        const auto slice = nextSlice(machine, options);
        if (!slice) break;
        result = machine.run(*slice);
        std::fflush(stdout);
        // A guest waiting for nothing but input (a shell at its prompt on a
        // tickless kernel) waits for the next keystroke, as long as there
        // can be one, and goes on once its UART has been given some.
        const bool waiting = result.reason == StopReason::Waiting;
        const bool awaitingInput = waiting && !input.atEnd() && !input.hasPending();
        input.poll(result.reason == StopReason::Idle ? idleWaitMilliseconds(result.idleTicks)
                   : awaitingInput                   ? -1
                                                     : 0);
        const bool fed = feedUart(machine, input);
        if (waiting && (fed || (!input.atEnd() && !input.hasPending()))) continue;
        if (result.reason != StopReason::BudgetExhausted && result.reason != StopReason::Idle) break;
    }
    return Outcome{result, std::nullopt};
}

// Runs the machine under gdb: nothing runs until gdb has connected (as with
// qemu -s -S); while gdb has the hart stopped the loop sleeps in poll(), and
// while it runs, it polls between slices for gdb's Ctrl-C. After a detach
// the guest runs on by itself and another gdb may connect.
Outcome runUnderGdb(Machine& machine, const CliOptions& options, ConsoleInput& input) {
    std::optional<gdb::GdbServer> server;
    try {
        server.emplace(machine, *options.gdb, [](const std::string& line) { report("%s", line.c_str()); });
    } catch (const gdb::SocketError& error) {
        report("--gdb: %s", error.what());
        return Outcome{RunResult{}, kExitUsage};
    }
    report("waiting for gdb: listening on %s", server->address().c_str());
    auto wait = [&](int timeoutMilliseconds) {
        std::vector<pollfd> descriptors;
        server->addPollDescriptors(descriptors);
        input.addPollDescriptor(descriptors);
        if (::poll(descriptors.data(), descriptors.size(), timeoutMilliseconds) > 0) {
            server->service(descriptors);
            input.service(descriptors);
        }
        feedUart(machine, input);
    };
    RunResult result;
    while (server->session() == nullptr) {
        wait(-1);
        if (server->takeKilled()) return Outcome{result, 0};
    }
    for (;;) {
        const gdb::GdbSession* session = server->session();
        if (session != nullptr && !session->running()) {
            wait(-1);
            if (server->takeKilled()) return Outcome{result, 0};
            continue;
        }
        const auto slice = nextSlice(machine, options);
        if (!slice) break;
        result = machine.run(*slice);
        std::fflush(stdout);
        server->machineStopped(result);
        const bool watched = server->session() != nullptr;
        if (result.reason == StopReason::GuestExit) break;
        // Without gdb, a lock-up or a wait nothing can end ends the run as it
        // would have without --gdb; with gdb, it is gdb's to see (a lock-up
        // is a stop) or to interrupt (a wait).
        if (!watched && result.reason == StopReason::LockedUp) break;
        if (!watched && result.reason == StopReason::Waiting && input.atEnd()) break;
        wait(result.reason == StopReason::Idle      ? idleWaitMilliseconds(result.idleTicks)
             : result.reason == StopReason::Waiting ? -1
                                                    : 0);
        if (server->takeKilled()) return Outcome{result, 0};
    }
    return Outcome{result, std::nullopt};
}

int run(const CliOptions& options) {
    std::ofstream trace;
    if (options.traceFile) {
        trace.open(*options.traceFile);
        if (!trace) {
            report("%s: cannot open the trace file for writing", options.traceFile->string().c_str());
            return kExitUsage;
        }
    }
    BlockObserver observer;
    if (trace.is_open()) {
        observer = [&trace](std::uint64_t pc, std::uint32_t count) {
            trace << std::hex << "0x" << pc << std::dec << ' ' << count << '\n';
        };
    }
    std::optional<ElfImage> program;
    if (!options.kernelBoot) {
        program = checkedProgram(options);
        if (!program) return kExitUsage;
        if (runsInUserMode(options, *program)) {
            if (options.ramSize != memory_map::kDefaultRamSize) {
                return usageError("--ram sizes the virt machine's RAM; a Linux program's address space is fixed");
            }
            return runLinuxProgram(options, *program, observer);
        }
        if (!options.programArguments.empty() || options.root || options.systemCallLog ||
            !options.environmentEdits.empty()) {
            return usageError(options.program->string() +
                              ": is a bare-metal program for the virt machine; program arguments, -E, -U, --root, "
                              "--writable and --strace are for Linux programs");
        }
    }
    const std::unique_ptr<Machine> prepared = prepareMachine(options, program);
    if (!prepared) return kExitUsage;
    Machine& machine = *prepared;
    if (observer) machine.setBlockTrace(observer);

    ConsoleInput input;
    const auto started = std::chrono::steady_clock::now();
    const Outcome outcome = options.gdb ? runUnderGdb(machine, options, input) : runAlone(machine, options, input);
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    const int status = outcome.status ? *outcome.status : explainStop(outcome.result, machine);
    if (options.statistics) printStatistics(machine, options, elapsed.count());
    return status;
}

}  // namespace
}  // namespace glasshart::cli

int main(int argc, char** argv) {
    using namespace glasshart::cli;
    const ParseResult parsed = parseCommandLine(argc, argv);
    if (std::holds_alternative<HelpRequested>(parsed)) {
        std::fputs(usageText().c_str(), stdout);
        return 0;
    }
    if (const auto* error = std::get_if<UsageError>(&parsed)) return usageError(error->message);
    return run(std::get<CliOptions>(parsed));
}
