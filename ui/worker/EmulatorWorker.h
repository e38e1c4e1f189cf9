#pragma once

#include <QByteArray>

#include <atomic>
#include <chrono>
#include <deque>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

#include "BlockDescription.h"
#include "inspect/EventRing.h"
#include "inspect/HartSnapshot.h"
#include "inspect/InspectorEvent.h"
#include "inspect/SnapshotChannel.h"
#include "machine/Machine.h"
#include "worker/WorkerCommand.h"

namespace glasshart {

// Owns a Machine on a thread of its own and runs it in slices. Between
// slices it publishes a snapshot (wait-free, no allocation) and pushes what
// happened into bounded rings; commands arrive through another ring. The
// window thread never waits for it.
class EmulatorWorker {
public:
    // Answers to on-demand requests, called on the worker thread.
    struct Replies {
        std::function<void(BlockDescription)> block;
        std::function<void(quint64 address, QByteArray bytes)> memory;
        std::function<void(BlockActivity)> activity;
    };
    static constexpr int kHottestBlocks = 20;

    static constexpr std::size_t kEventCapacity = 1u << 13;
    static constexpr std::size_t kUartCapacity = 1u << 16;

    EmulatorWorker(const MachineConfig& config, const ElfImage& program, Replies replies);
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

private:
    void loop();
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
    void describeBlock(std::uint64_t pc);
    void readMemory(std::uint64_t address, std::uint64_t length);
    void describeActivity();
    void feedInput();

    std::unique_ptr<Machine> machine_;
    Replies replies_;
    SnapshotChannel<HartSnapshot> snapshots_;
    EventRing<InspectorEvent, kEventCapacity> events_;
    EventRing<std::uint8_t, kUartCapacity> uartOutput_;
    EventRing<WorkerCommand, 1024> commands_;
    std::atomic<std::uint32_t> commandsPosted_{0};
    std::deque<std::uint8_t> pendingInput_;  // typed bytes the UART cannot take yet
    RunState runState_ = RunState::Paused;
    int exitCode_ = 0;
    std::optional<std::uint64_t> temporaryBreakpoint_;
    std::uint64_t sequence_ = 0;
    double instructionsPerSecond_ = 0;
    std::uint64_t rateRetired_ = 0;
    std::chrono::steady_clock::time_point rateStart_;
    bool profiling_ = false;
    bool quit_ = false;
    std::thread thread_;  // last: starts after everything above exists
};

}  // namespace glasshart
