#include "Inspector.h"

#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <span>

#include "DemoGuest.h"
#include "linux/AddressSpace.h"
#include "linux/LinuxProgram.h"
#include "worker/EmulatorWorker.h"


namespace glasshart {
namespace {

// The window refreshes at display rate; faster gains nothing.
constexpr int kRefreshMilliseconds = 16;
// Bytes of typed input per command (they travel packed in one word).
constexpr int kInputChunk = 8;


}  // namespace

Inspector::Inspector(QObject* parent) : QObject(parent) {
    qRegisterMetaType<glasshart::BlockDescription>();
    qRegisterMetaType<glasshart::BlockActivity>();
    qRegisterMetaType<glasshart::MemoryContents>();
    qRegisterMetaType<glasshart::GdbServerStatus>();
    refresh_.setInterval(kRefreshMilliseconds);
    connect(&refresh_, &QTimer::timeout, this, &Inspector::poll);
}

Inspector::~Inspector() = default;

QString Inspector::describeAddress(quint64 address) const {
    if (!program_) return {};
    const auto name = program_->describeAddress(address);
    return name ? QString::fromStdString(*name) : QString();
}

void Inspector::post(WorkerCommand::Kind kind, std::uint64_t a, std::uint64_t b) {
    if (worker_) worker_->post(WorkerCommand{kind, a, b});
}

quint64 Inspector::droppedEvents() const { return worker_ ? worker_->droppedEvents() : 0; }

void Inspector::openProgram(const QString& path) {
    try {
        ElfImage program = ElfImage::load(path.toStdString());
        if (isLinuxProgram(program)) {
            startProcess(std::move(program), path);
        } else {
            start(std::move(program), QFileInfo(path).fileName());
        }
    } catch (const ElfError& error) {
        emit errorOccurred(QString::fromStdString(error.what()));
    }
}

void Inspector::openDemo() {
    start(ElfImage::parse(embedded::kDemoGuest, "built-in demo guest"), tr("Demo monitor"));
}

// Answers from the worker thread, re-emitted on the window's thread (if
// the Inspector still exists by then).
WorkerReplies Inspector::replies() {
    QPointer<Inspector> self(this);
    const quint64 generation = generation_;
    auto onBlock = [self](BlockDescription block) {
        QMetaObject::invokeMethod(self, [self, block] { if (self) emit self->blockDescribed(block); },
                                  Qt::QueuedConnection);
    };
    auto onMemory = [self](MemoryContents contents) {
        QMetaObject::invokeMethod(self, [self, contents] { if (self) emit self->memoryRead(contents); },
                                  Qt::QueuedConnection);
    };
    auto onActivity = [self](BlockActivity activity) {
        QMetaObject::invokeMethod(self, [self, activity] { if (self) emit self->activityDescribed(activity); },
                                  Qt::QueuedConnection);
    };
    auto onBooted = [self, generation, name = programName_](QString problem) {
        QMetaObject::invokeMethod(
            self, [self, generation, name, problem] { if (self) self->bootFinished(generation, name, problem); },
            Qt::QueuedConnection);
    };
    return WorkerReplies{onBlock, onMemory, onActivity, onBooted};
}

void Inspector::stopWorker() {
    refresh_.stop();
    sinceLastFrame_.invalidate();
    worker_.reset();  // joins the old worker thread
    ++generation_;
    snapshot_ = HartSnapshot{};
    breakpoints_.clear();
    if (gdbServer_.state != GdbServerStatus::State::Off) setGdbServer(GdbServerStatus{});
}

void Inspector::start(ElfImage program, const QString& name) {
    stopWorker();
    MachineConfig config = config_;
    config.xlen = program.xlen();
    config.ramSize = memory_map::kDefaultRamSize;
    program_ = std::move(program);
    programName_ = name;
    try {
        worker_ = std::make_unique<EmulatorWorker>(config, *program_, replies());
    } catch (const ElfError& error) {
        program_.reset();
        emit errorOccurred(QString::fromStdString(error.what()));
        return;
    }
    started(name);
}

void Inspector::startProcess(ElfImage program, const QString& path) {
    stopWorker();
    ProcessOptions process;
    process.arguments = {path.toStdString()};
    for (const QString& variable : QProcessEnvironment::systemEnvironment().toStringList()) {
        process.environment.push_back(variable.toStdString());
    }
    process.executablePath = QFileInfo(path).absoluteFilePath().toStdString();
    const MachineConfig config = userModeConfig(program.xlen(), config_.engine, config_.translationCacheSize);
    program_ = std::move(program);
    programName_ = QFileInfo(path).fileName();
    try {
        worker_ = std::make_unique<EmulatorWorker>(config, *program_, std::move(process), replies());
    } catch (const ElfError& error) {
        program_.reset();
        programName_.clear();
        emit errorOccurred(QString::fromStdString(error.what()));
        return;
    }
    started(programName_);
}

void Inspector::bootLinux(const LinuxBootOptions& options, const QString& name) {
    stopWorker();
    MachineConfig config = config_;
    config.xlen = Xlen::Rv64;  // Debian builds no RV32 kernel or OpenSBI
    config.ramSize = options.ramSize;
    program_.reset();
    programName_ = name;
    worker_ = std::make_unique<EmulatorWorker>(config, options.files(), replies());
    // Commands posted from here on wait in the ring until the machine exists.
    if (profiling_) post(WorkerCommand::Kind::SetProfiling, 1);
    if (gdbPort_) post(WorkerCommand::Kind::StartGdbServer, *gdbPort_);
    refresh_.start();
}

void Inspector::bootFinished(quint64 generation, const QString& name, const QString& problem) {
    if (generation != generation_) return;  // a worker since replaced
    if (!problem.isEmpty()) {
        stopWorker();
        programName_.clear();
        emit errorOccurred(problem);
        return;
    }
    emit programOpened(name);
    emit breakpointsChanged(breakpoints_);
    poll();
}

void Inspector::started(const QString& name) {
    if (profiling_) post(WorkerCommand::Kind::SetProfiling, 1);
    if (gdbPort_) post(WorkerCommand::Kind::StartGdbServer, *gdbPort_);
    emit programOpened(name);
    emit breakpointsChanged(breakpoints_);
    refresh_.start();
    poll();
}

void Inspector::poll() {
    if (!worker_) return;
    // Frames are timed while the guest runs flat out: that is when the
    // window must stay responsive (start-up and loading are not frames).
    const qint64 sinceLast = sinceLastFrame_.isValid() ? sinceLastFrame_.restart() : (sinceLastFrame_.start(), 0);
    if (isRunning()) {
        longestFrame_ = std::max(longestFrame_, sinceLast);
        ++frames_;
    }
    HartSnapshot latest;
    if (worker_->readSnapshot(latest)) {
        const bool stateChanged = latest.runState != snapshot_.runState;
        snapshot_ = latest;
        emit snapshotUpdated(snapshot_);
        if (stateChanged) emit runStateChanged(snapshot_.runState);
    }
    QVector<InspectorEvent> events;
    while (const auto event = worker_->nextEvent()) events.push_back(*event);
    if (!events.isEmpty()) emit cacheEvents(events);
    QByteArray output;
    while (const auto byte = worker_->nextOutputByte()) output.append(static_cast<char>(*byte));
    if (!output.isEmpty()) emit uartOutput(output);
    if (auto status = worker_->takeGdbServerStatus()) setGdbServer(*status);
}

void Inspector::run() { post(WorkerCommand::Kind::Run); }
void Inspector::pause() { post(WorkerCommand::Kind::Pause); }
void Inspector::stepInstruction() { post(WorkerCommand::Kind::Step); }
void Inspector::stepBlock() { post(WorkerCommand::Kind::StepBlock); }
void Inspector::stepOver() { post(WorkerCommand::Kind::StepOver); }
void Inspector::runTo(quint64 pc) { post(WorkerCommand::Kind::RunTo, pc); }
void Inspector::reset() { post(WorkerCommand::Kind::Reset); }
void Inspector::flushCache() { post(WorkerCommand::Kind::FlushCache); }

void Inspector::toggleBreakpoint(quint64 pc) {
    if (!worker_) return;
    const bool remove = breakpoints_.contains(pc);
    post(remove ? WorkerCommand::Kind::RemoveBreakpoint : WorkerCommand::Kind::AddBreakpoint, pc);
    if (remove) {
        breakpoints_.remove(pc);
    } else {
        breakpoints_.insert(pc);
    }
    emit breakpointsChanged(breakpoints_);
}

void Inspector::setRegister(unsigned index, quint64 value) {
    post(WorkerCommand::Kind::SetRegister, index, value);
}

void Inspector::sendInput(const QByteArray& bytes) {
    if (!worker_) return;
    for (qsizetype at = 0; at < bytes.size(); at += kInputChunk) {
        const qsizetype count = std::min<qsizetype>(kInputChunk, bytes.size() - at);
        std::uint64_t packed = 0;
        for (qsizetype i = 0; i < count; ++i) packed |= std::uint64_t{static_cast<std::uint8_t>(bytes[at + i])} << (8 * i);
        post(WorkerCommand::Kind::Input, packed, static_cast<std::uint64_t>(count));
    }
}

void Inspector::setCacheSize(quint64 bytes) {
    config_.translationCacheSize = std::clamp<quint64>(bytes, kMinTranslationCacheSize, kMaxTranslationCacheSize);
    postEngineConfiguration();
}

void Inspector::setEngine(Engine engine) {
    config_.engine = engine;
    postEngineConfiguration();
}

void Inspector::postEngineConfiguration() {
    post(WorkerCommand::Kind::Reconfigure, static_cast<std::uint64_t>(config_.engine), config_.translationCacheSize);
}

void Inspector::requestBlock(quint64 guestPc) {
    post(WorkerCommand::Kind::DescribeBlock, guestPc);
}

void Inspector::setProfiling(bool on) {
    profiling_ = on;
    post(WorkerCommand::Kind::SetProfiling, on ? 1 : 0);
}

void Inspector::requestActivity() {
    post(WorkerCommand::Kind::DescribeActivity);
}

void Inspector::requestMemory(quint64 address, quint32 length) {
    post(WorkerCommand::Kind::ReadMemory, address, length);
}

void Inspector::requestCode(quint64 address, quint32 length) {
    post(WorkerCommand::Kind::ReadCode, address, length);
}

void Inspector::startGdbServer(quint16 port) {
    gdbPort_ = port;
    post(WorkerCommand::Kind::StartGdbServer, port);
}

void Inspector::stopGdbServer() {
    gdbPort_.reset();
    post(WorkerCommand::Kind::StopGdbServer);
}

void Inspector::setGdbServer(const GdbServerStatus& status) {
    // A server that cannot start is not started again with every program.
    if (status.state == GdbServerStatus::State::Failed) gdbPort_.reset();
    gdbServer_ = status;
    emit gdbServerChanged(gdbServer_);
}

}  // namespace glasshart
