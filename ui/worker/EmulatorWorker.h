#pragma once

#include <QByteArray>

#include <atomic>
#include <chrono>
#include <deque>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "BlockDescription.h"
#include "gdb/GdbServer.h"
#include "gdb/TcpSocket.h"
#include "inspect/EventRing.h"
#include "inspect/HartSnapshot.h"
#include "inspect/InspectorEvent.h"
#include "inspect/SnapshotChannel.h"
#include "linux/LinuxProcess.h"
#include "linux/TerminalConsole.h"
#include "machine/KernelBoot.h"
#include "machine/Machine.h"
#include "mmu/AccessType.h"
#include "worker/GdbServerStatus.h"
#include "worker/WorkerCommand.h"
#include "worker/WorkerReplies.h"

namespace glasshart {

// Owns a Machine on a thread of its own and runs it in slices. Between
// slices it publishes a snapshot (wait-free, no allocation) and pushes what
// happened into bounded rings; commands arrive through another ring. The
// window thread never waits for it.
class EmulatorWorker {
public:
    using Replies = WorkerReplies;
    static constexpr int kHottestBlocks = 20;

    static constexpr std::size_t kEventCapacity = 1u << 13;
    static constexpr std::size_t kUartCapacity = 1u << 16;

    // A machine with `program` loaded, paused at its entry. Throws ElfError
    // if the program does not fit it.
    EmulatorWorker(const MachineConfig& config, const ElfImage& program, Replies replies);
    // A Linux program in user mode (config from userModeConfig()), paused at
    // its entry, with the terminal as its standard streams: its output comes
    // out where the UART's would, typed input goes through a TerminalConsole,
    // and each system call is a SystemCall event. Throws ElfError if the
    // program cannot run.
    EmulatorWorker(const MachineConfig& config, const ElfImage& program, ProcessOptions process, Replies replies);
    // Boots firmware, kernel and initrd as QEMU does, paused before the first
    // instruction. The worker thread reads the images and builds the machine
    // (tens of megabytes: the window must not wait for it) and answers
    // through Replies::booted; after a failed boot it ignores every command.
    EmulatorWorker(const MachineConfig& config, KernelBootFiles boot, Replies replies);
    ~EmulatorWorker();
    EmulatorWorker(const EmulatorWorker&) = delete;
    EmulatorWorker& operator=(const EmulatorWorker&) = delete;

    // --- window thread ---------------------------------------------------
    // False if the command ring is full (the command is dropped).
    bool post(const WorkerCommand& command);
    [[nodiscard]] bool readSnapshot(HartSnapshot& out) { return snapshots_.readLatest(out); }
    [[nodiscard]] std::optional<InspectorEvent> nextEvent() { return events_.pop(); }
    [[nodiscard]] std::optional<std::uint8_t> nextOutputByte() { return uartOutput_.pop(); }
    [[nodiscard]] std::uint64_t droppedEvents() const { return events_.dropped() + uartOutput_.dropped(); }
    // The gdb server's newest status, if it changed since the last call.
    [[nodiscard]] std::optional<GdbServerStatus> takeGdbServerStatus();

private:
    void loop();
    [[nodiscard]] bool bootKernel(const KernelBootFiles& files);
    void makeMachine();
    void start();
    void execute(const WorkerCommand& command);
    void runSlice();
    [[nodiscard]] std::optional<DecodedInstruction> instructionAtPc() const;
    void stepBlock();
    void stepOver();
    void runTo(std::uint64_t pc);
    void finishRunTo();
    void setRunState(RunState state, int exitCode = 0);
    void noteStop(const RunResult& result);
    void publish();
    void attachObservers();
    [[nodiscard]] const TranslatedBlock* blockAt(std::uint64_t pc);
    void describeBlock(std::uint64_t pc);
    void readMemory(std::uint64_t address, std::uint64_t length, AccessType access);
    void describeActivity();
    void feedInput();
    // --- the gdb server: gdb drives the hart while it is connected -------
    void startGdbServer(std::uint16_t port);
    void stopGdbServer();
    // Accepts, reads and answers what gdb's sockets have, waiting at most
    // `timeoutMilliseconds` (-1: until gdb or the window has something).
    void serviceGdb(int timeoutMilliseconds);
    // The run state follows what gdb did: connected (pause), continued
    // (run), killed (start afresh, paused), left.
    void followGdb();
    [[nodiscard]] bool gdbHoldsTheHart() const { return gdb_ && gdb_->session() != nullptr; }
    void reportGdb(GdbServerStatus::State state);
    void showOutput(std::span<const std::uint8_t> bytes);

    MachineConfig config_;
    std::unique_ptr<Machine> machine_;  // null until a kernel boot has built it, or after it failed
    std::optional<KernelBootFiles> boot_;  // the boot the worker thread does first
    Replies replies_;
    SnapshotChannel<HartSnapshot> snapshots_;
    EventRing<InspectorEvent, kEventCapacity> events_;
    EventRing<std::uint8_t, kUartCapacity> uartOutput_;
    EventRing<WorkerCommand, 1024> commands_;
    std::atomic<std::uint32_t> commandsPosted_{0};
    std::deque<std::uint8_t> pendingInput_;  // typed bytes the UART cannot take yet
    std::shared_ptr<TerminalConsole> console_;  // a Linux program's terminal; null otherwise
    RunState runState_ = RunState::Paused;
    int exitCode_ = 0;
    std::optional<std::uint64_t> temporaryBreakpoint_;
    std::uint64_t sequence_ = 0;
    double instructionsPerSecond_ = 0;
    std::uint64_t rateRetired_ = 0;
    std::chrono::steady_clock::time_point rateStart_;
    bool profiling_ = false;
    bool quit_ = false;
    std::unique_ptr<gdb::GdbServer> gdb_;  // after machine_, which it refers to
    bool gdbConnected_ = false;
    QString gdbNews_;  // the server's last line: who connected, why they left
    // Signalled by post(), so that a worker waiting in poll() for gdb also
    // wakes for the window's commands.
    gdb::FileDescriptor wake_;
    // The server's status for the window. It changes only when gdb comes or
    // goes, so a lock is simplest; the window takes it only when the
    // sequence says there is something new.
    std::mutex gdbStatusLock_;
    GdbServerStatus gdbStatus_;
    std::atomic<std::uint32_t> gdbStatusSequence_{0};
    std::uint32_t gdbStatusSeen_ = 0;  // window thread
    std::thread thread_;  // last: starts after everything above exists
};

}  // namespace glasshart
