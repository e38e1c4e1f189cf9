#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>
#include <QVector>
#include <memory>
#include <optional>

#include "BlockDescription.h"
#include "linux/LinuxBootOptions.h"
#include "inspect/HartSnapshot.h"
#include "inspect/InspectorEvent.h"
#include "machine/ElfImage.h"
#include "worker/GdbServerStatus.h"
#include "worker/WorkerCommand.h"

namespace glasshart {

class EmulatorWorker;
struct WorkerReplies;

// The window's one door to the emulator. It owns the worker thread (which
// owns the Machine), forwards commands to it through a lock-free queue, and
// at display rate turns the newest snapshot and the queued events into
// signals for the panes. Nothing here ever waits for the worker.
class Inspector : public QObject {
    Q_OBJECT

public:
    explicit Inspector(QObject* parent = nullptr);
    ~Inspector() override;

    [[nodiscard]] const HartSnapshot& snapshot() const { return snapshot_; }
    [[nodiscard]] bool isRunning() const { return snapshot_.runState == RunState::Running; }
    // The program's symbols, for naming addresses; null before a program
    // and for a kernel boot.
    [[nodiscard]] const ElfImage* program() const { return program_ ? &*program_ : nullptr; }
    [[nodiscard]] QString programName() const { return programName_; }
    [[nodiscard]] const QSet<quint64>& breakpoints() const { return breakpoints_; }
    // "main+0x10" for an address, or an empty string.
    [[nodiscard]] QString describeAddress(quint64 address) const;
    [[nodiscard]] quint64 droppedEvents() const;
    // The longest time between two display refreshes while the guest ran:
    // how long the window thread was busy at worst (the goal is under 50 ms).
    [[nodiscard]] qint64 longestFrameMilliseconds() const { return longestFrame_; }
    [[nodiscard]] quint64 frames() const { return frames_; }
    [[nodiscard]] const GdbServerStatus& gdbServer() const { return gdbServer_; }

public slots:
    // Loads a RISC-V ELF (or the built-in demo) on a fresh machine, paused
    // at its entry: a Linux program (isLinuxProgram) as a process in user
    // mode, with the console as its terminal and the window's environment,
    // anything else on the virt board. Errors arrive as errorOccurred().
    void openProgram(const QString& path);
    void openDemo();
    // Boots firmware, kernel and initrd on a fresh RV64 machine with the
    // options' RAM, paused before the first instruction. The images are read
    // on the worker thread: programOpened(name) follows when the machine is
    // ready, errorOccurred when it cannot be (a message saying what to do).
    void bootLinux(const glasshart::LinuxBootOptions& options, const QString& name);
    void run();
    void pause();
    void stepInstruction();
    void stepBlock();   // runs to the end of the current translated block
    void stepOver();    // steps, but runs through calls (jal/jalr that link)
    void runTo(quint64 pc);
    void reset();
    void toggleBreakpoint(quint64 pc);
    // Only while paused: writes x[index] (1..31) or, for index 32, the pc.
    void setRegister(unsigned index, quint64 value);
    void sendInput(const QByteArray& bytes);
    void flushCache();
    void setCacheSize(quint64 bytes);
    void setEngine(glasshart::Engine engine);
    // Asynchronous requests; the answers come as blockDescribed/memoryRead.
    void requestBlock(quint64 guestPc);
    // Memory as the hart sees it now (through the page tables under
    // paging): as data, with its loads' rights, or as code, with its
    // fetches' rights. Both answer with memoryRead.
    void requestMemory(quint64 address, quint32 length);
    void requestCode(quint64 address, quint32 length);
    void requestActivity();  // answered by activityDescribed
    // Block profiling (entry counts, recent blocks) for requestActivity();
    // it slows translated code a little, so it is off by default.
    void setProfiling(bool on);
    // A gdb stub on 127.0.0.1:port (0: any free port) for this machine and
    // the ones opened after it, until stopGdbServer(). While gdb is
    // connected it drives the hart: run and step requests are ignored,
    // pause() stops gdb's continue. Answered by gdbServerChanged.
    void startGdbServer(quint16 port);
    void stopGdbServer();

signals:
    void snapshotUpdated(const glasshart::HartSnapshot& snapshot);
    void cacheEvents(const QVector<glasshart::InspectorEvent>& events);
    void uartOutput(const QByteArray& bytes);
    void programOpened(const QString& name);
    void runStateChanged(glasshart::RunState state);
    void breakpointsChanged(const QSet<quint64>& breakpoints);
    void blockDescribed(const glasshart::BlockDescription& block);
    void memoryRead(const glasshart::MemoryContents& contents);
    void activityDescribed(const glasshart::BlockActivity& activity);
    void errorOccurred(const QString& message);
    void gdbServerChanged(const glasshart::GdbServerStatus& status);

private:
    void poll();
    void start(ElfImage program, const QString& name);
    void startProcess(ElfImage program, const QString& path);
    void stopWorker();
    [[nodiscard]] WorkerReplies replies();
    void started(const QString& name);
    void bootFinished(quint64 generation, const QString& name, const QString& problem);
    // Sends a command to the worker, if there is one.
    void post(WorkerCommand::Kind kind, std::uint64_t a = 0, std::uint64_t b = 0);
    void postEngineConfiguration();
    void setGdbServer(const GdbServerStatus& status);

    std::unique_ptr<EmulatorWorker> worker_;
    QTimer refresh_;
    QElapsedTimer sinceLastFrame_;
    qint64 longestFrame_ = 0;
    quint64 frames_ = 0;
    HartSnapshot snapshot_;
    std::optional<ElfImage> program_;
    QString programName_;
    QSet<quint64> breakpoints_;
    MachineConfig config_;
    bool profiling_ = false;
    std::optional<quint16> gdbPort_;  // the gdb server each new worker starts
    GdbServerStatus gdbServer_;
    quint64 generation_ = 0;  // counts workers: tells a late reply from an old one
};

}  // namespace glasshart
