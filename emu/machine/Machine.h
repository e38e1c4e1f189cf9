#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include "dev/BootRom.h"
#include "dev/Clint.h"
#include "dev/Htif.h"
#include "dev/Plic.h"
#include "dev/SifiveTest.h"
#include "dev/Uart16550.h"
#include "hart/Hart.h"
#include "interp/Interpreter.h"
#include "machine/Breakpoints.h"
#include "machine/ElfImage.h"
#include "machine/KernelBoot.h"
#include "machine/MachineConfig.h"
#include "machine/Watchpoints.h"
#include "machine/UserEnvironment.h"
#include "mem/Bus.h"

namespace glasshart {

class Dispatcher;

enum class StopReason : std::uint8_t {
    BudgetExhausted,  // ran the instructions it was asked to; call run() again
    GuestExit,        // the guest asked to stop (finisher or HTIF); see exitCode
    Idle,             // slept in wfi until a timer interrupt; see idleTicks
    Waiting,          // in wfi with nothing enabled that could ever wake it
    LockedUp,         // fetch faults at an unfetchable trap vector: the guest jumped to nothing
    Breakpoint,       // the next instruction is at a breakpoint; run() again resumes past it
    Watchpoint,       // the next instruction would touch a watched range (see watch); run() again runs it
};

struct RunResult {
    StopReason reason = StopReason::BudgetExhausted;
    int exitCode = 0;
    // Idle: the virtual time (mtime ticks) the hart just skipped asleep. A
    // host that wants the guest to see real time waits about that long.
    std::uint64_t idleTicks = 0;
    // Watchpoint: which one, and how the instruction at pc is about to touch it.
    WatchHit watch{};
};

// A QEMU-virt-compatible machine: one hart, RAM, boot ROM, UART, CLINT,
// PLIC, finisher and (when the program has the symbols) HTIF, run by the
// interpreter or the translator. It runs a bare-metal ELF program, or boots
// firmware + kernel + initrd as QEMU does. Configured for Platform::UserMode
// it is a hart and RAM alone, running one user-mode program for a
// UserEnvironment (a Linux process). Single-threaded: whoever owns it runs it.
class Machine {
public:
    using OutputSink = std::function<void(std::uint8_t)>;

    Machine(const MachineConfig& config, OutputSink console);
    ~Machine();
    Machine(const Machine&) = delete;
    Machine& operator=(const Machine&) = delete;

    // Copies the program into RAM and resets the hart to its entry point.
    // Throws ElfError if it does not fit this machine.
    void load(const ElfImage& program);
    // Platform::UserMode: runs `program` in U-mode for `environment`, which
    // lays it out (now and on every reset) and services its traps. Throws
    // ElfError if it does not fit. Without an environment, as load(program).
    void load(const ElfImage& program, std::unique_ptr<UserEnvironment> environment);
    // Boots `boot` as QEMU's -bios/-kernel/-initrd/-append would. Throws
    // BootError if it does not fit this machine.
    void boot(const KernelBoot& boot);
    // Puts RAM, devices and hart back to the state right after load().
    void reset();

    // Runs at most `budget` instructions.
    RunResult run(std::uint64_t budget);
    // Executes exactly one instruction (after taking a pending interrupt),
    // with the interpreter whatever the engine, ignoring breakpoints. An
    // instruction about to touch a watched range is reported instead
    // (StopReason::Watchpoint), and runs on the next step() or run().
    RunResult step();

    // Switches engine or translation cache size without touching the guest:
    // the translations are dropped, the hart and RAM stay as they are.
    void reconfigureEngine(Engine engine, std::uint64_t translationCacheSize);
    [[nodiscard]] std::uint64_t mtime() const { return clint_.mtime(); }

    void addBreakpoint(std::uint64_t pc);
    void removeBreakpoint(std::uint64_t pc);
    [[nodiscard]] const Breakpoints& breakpoints() const { return breakpoints_; }
    // While any watchpoint is set the machine runs on the interpreter,
    // whatever the engine (see runWatched).
    void addWatchpoint(const Watchpoint& watchpoint) { watchpoints_.add(watchpoint); }
    bool removeWatchpoint(const Watchpoint& watchpoint) { return watchpoints_.remove(watchpoint); }
    [[nodiscard]] const Watchpoints& watchpoints() const { return watchpoints_; }
    [[nodiscard]] const std::optional<ElfImage>& program() const { return program_; }
    // The user-mode program's environment; null on the virt board.
    [[nodiscard]] UserEnvironment* userEnvironment() { return environment_.get(); }
    // For the environment: it changed guest memory behind the hart's back
    // (a read() into a buffer, an unmapping), so translations made from
    // those bytes are dropped.
    void memoryChanged(std::uint64_t address, std::uint64_t length);

    // Reports each executed block of guest code (for --trace). Under the
    // translator this turns block chaining off.
    void setBlockTrace(BlockObserver observer);

    [[nodiscard]] const MachineConfig& config() const { return config_; }
    [[nodiscard]] Hart& hart() { return hart_; }
    [[nodiscard]] HartState& state() { return state_; }
    [[nodiscard]] Bus& bus() { return bus_; }
    [[nodiscard]] Uart16550& uart() { return uart_; }
    [[nodiscard]] Interpreter& interpreter() { return interpreter_; }
    // Null when the machine runs on the interpreter.
    [[nodiscard]] Dispatcher* dispatcher() { return dispatcher_.get(); }

private:
    void onWatchedWrite(std::uint64_t address, unsigned size);
    void requestStop(int exitCode);
    [[nodiscard]] std::uint64_t nextEvent(std::uint64_t end) const;
    [[nodiscard]] std::optional<std::uint64_t> sleepUntilWakeUp();
    void runEngine();
    [[nodiscard]] std::optional<RunResult> runWatched();
    // One instruction by the interpreter, or the watchpoint it would trigger.
    [[nodiscard]] std::optional<RunResult> stepWatched();
    [[nodiscard]] std::optional<RunResult> stopCondition() const;
    // Takes a due interrupt or wakes the hart; a result if it cannot go on.
    [[nodiscard]] std::optional<RunResult> serviceInterrupts();
    // Hands a trap the hart intercepted to the user-mode environment; a
    // result if the program cannot go on now.
    [[nodiscard]] std::optional<RunResult> serviceUserTrap();
    void attachDevices();
    void startUserProgram();
    void breakpointsChanged();
    void createDispatcher();
    void placeKernelBoot();
    [[nodiscard]] DeviceTreeDescription describe() const;

    MachineConfig config_;
    OutputSink console_;
    HartState state_;
    Bus bus_;
    Clint clint_;
    Plic plic_;
    Hart hart_;
    Uart16550 uart_;
    BootRom bootRom_;
    SifiveTest finisher_;
    std::unique_ptr<Htif> htif_;
    Breakpoints breakpoints_;
    std::optional<std::uint64_t> resumeAt_;  // a breakpoint just reported: run() steps past it
    Watchpoints watchpoints_;
    std::optional<std::uint64_t> watchReportedAt_;  // the instruction there runs without triggering again
    Interpreter interpreter_;
    std::unique_ptr<Dispatcher> dispatcher_;
    std::optional<ElfImage> program_;
    std::unique_ptr<UserEnvironment> environment_;  // with program_, on Platform::UserMode
    std::optional<KernelBoot> kernelBoot_;
    std::optional<BootPlan> bootPlan_;  // with kernelBoot_
    std::optional<int> exitRequest_;
    bool resetRequest_ = false;
};

}  // namespace glasshart
