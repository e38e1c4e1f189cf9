#include "worker/EmulatorWorker.h"

#include <QCoreApplication>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <new>

#include "dbt/Dispatcher.h"
#include "isa/Decoder.h"
#include "mmu/PagingMode.h"

namespace glasshart {
namespace {

// Instructions per slice: about two milliseconds of translated code (at
// 2,000 MIPS; 1M made the window 13% slower than glasshart-cli), so
// commands and snapshots are never far apart.
constexpr std::uint64_t kSlice = 1u << 22;
// Longest the worker sleeps while the guest idles in wfi, so pauses and
// typed input are handled promptly.
constexpr auto kMaxIdleSleep = std::chrono::milliseconds(20);
// The most one memory request reads.
constexpr std::uint64_t kMaxMemoryRead = 1u << 20;

bool linksReturnAddress(const DecodedInstruction& instruction) {
    return (instruction.opcode == Opcode::Jal || instruction.opcode == Opcode::Jalr) && instruction.rd != 0;
}

}  // namespace

EmulatorWorker::EmulatorWorker(const MachineConfig& config, const ElfImage& program, Replies replies)
    : config_(config), replies_(std::move(replies)), wake_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
    makeMachine();
    machine_->load(program);
    start();
    thread_ = std::thread([this] { loop(); });
}

EmulatorWorker::EmulatorWorker(const MachineConfig& config, const ElfImage& program, ProcessOptions process,
                               Replies replies)
    : config_(config), replies_(std::move(replies)) {
    console_ = std::make_shared<TerminalConsole>([this](std::span<const std::uint8_t> bytes) { showOutput(bytes); });
    process.console = console_;
    auto linuxProcess = std::make_unique<LinuxProcess>(program, std::move(process));
    linuxProcess->setSyscallObserver([this](const SyscallRecord& call) {
        InspectorEvent event{InspectorEventKind::SystemCall, machine_->state().retired, call.pc, 0, 0, call.number,
                             static_cast<std::uint64_t>(call.result)};
        std::copy_n(call.arguments.begin(), event.arguments.size(), event.arguments.begin());
        events_.push(event);
    });
    // The program's own terminal is where the user looks.
    linuxProcess->setDiagnostics([this](const std::string& message) {
        const std::string line = "\n[glasshart: " + message + "]\n";
        showOutput(std::span(reinterpret_cast<const std::uint8_t*>(line.data()), line.size()));
    });
    makeMachine();
    machine_->load(program, std::move(linuxProcess));
    start();
    thread_ = std::thread([this] { loop(); });
}

void EmulatorWorker::showOutput(std::span<const std::uint8_t> bytes) {
    for (const std::uint8_t byte : bytes) uartOutput_.push(byte);
}

EmulatorWorker::EmulatorWorker(const MachineConfig& config, KernelBootFiles boot, Replies replies)
    : config_(config),
      boot_(std::move(boot)),
      replies_(std::move(replies)),
      wake_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
    thread_ = std::thread([this] { loop(); });
}

void EmulatorWorker::makeMachine() {
    machine_ = std::make_unique<Machine>(config_, [this](std::uint8_t byte) { uartOutput_.push(byte); });
}

void EmulatorWorker::start() {
    attachObservers();
    rateStart_ = std::chrono::steady_clock::now();
    publish();
}

bool EmulatorWorker::bootKernel(const KernelBootFiles& files) {
    QString problem;
    try {
        const KernelBoot boot = readKernelBoot(files);
        makeMachine();
        machine_->boot(boot);
    } catch (const BootError& error) {
        problem = QString::fromStdString(error.what());
    } catch (const std::bad_alloc&) {
        problem = QCoreApplication::translate("glasshart::EmulatorWorker",
                                              "Cannot reserve %1 MiB of host memory for the guest's RAM: give the "
                                              "machine less RAM.")
                      .arg(config_.ramSize >> 20);
    } catch (const std::exception& error) {
        // Anything else is a machine that cannot take this boot; the thread
        // must not die of it.
        problem = QCoreApplication::translate("glasshart::EmulatorWorker", "The machine cannot boot this: %1")
                      .arg(QString::fromStdString(error.what()));
    }
    if (!problem.isEmpty()) {
        machine_.reset();
        replies_.booted(problem);
        return false;
    }
    start();
    replies_.booted(QString());
    return true;
}

EmulatorWorker::~EmulatorWorker() {
    post(WorkerCommand{WorkerCommand::Kind::Quit});
    thread_.join();
}

bool EmulatorWorker::post(const WorkerCommand& command) {
    const bool queued = commands_.push(command);
    commandsPosted_.fetch_add(1, std::memory_order_release);
    commandsPosted_.notify_one();
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = ::write(wake_.get(), &one, sizeof one);
    return queued;
}

void EmulatorWorker::attachObservers() {
    machine_->hart().setTrapObserver([this](const TrapRecord& trap) {
        events_.push(InspectorEvent{trap.interrupt ? InspectorEventKind::Interrupt : InspectorEventKind::Trap,
                                    machine_->state().retired, trap.pc, 0, 0, trap.cause, trap.value});
    });
    if (Dispatcher* dispatcher = machine_->dispatcher()) {
        dispatcher->setProfiling(profiling_);
        dispatcher->cache().setEventHook([this](const CacheEvent& event) {
            static constexpr InspectorEventKind kKinds[] = {
                InspectorEventKind::BlockTranslated, InspectorEventKind::CacheFlushed,
                InspectorEventKind::BlockInvalidated, InspectorEventKind::ChainPatched};
            events_.push(InspectorEvent{kKinds[static_cast<int>(event.kind)], machine_->state().retired,
                                        event.guestPc, event.hostOffset, event.hostSize, event.targetPc, 0});
        });
    }
}

void EmulatorWorker::loop() {
    if (boot_ && !bootKernel(*boot_)) {
        // Nothing to run: wait for the window to let the worker go.
        while (!quit_) {
            const std::uint32_t seen = commandsPosted_.load(std::memory_order_acquire);
            while (const auto command = commands_.pop()) quit_ = quit_ || command->kind == WorkerCommand::Kind::Quit;
            if (!quit_) commandsPosted_.wait(seen, std::memory_order_acquire);
        }
        return;
    }
    while (!quit_) {
        while (const auto command = commands_.pop()) execute(*command);
        if (quit_) break;
        if (gdb_) serviceGdb(0);
        if (runState_ == RunState::Running) {
            runSlice();
            continue;
        }
        if (gdb_) {
            serviceGdb(-1);
            continue;
        }
        // Paused: sleep until the window posts something. post() pushes
        // before it bumps the counter, so nothing can slip between the two.
        const std::uint32_t seen = commandsPosted_.load(std::memory_order_acquire);
        if (commands_.empty()) commandsPosted_.wait(seen, std::memory_order_acquire);
    }
}

void EmulatorWorker::execute(const WorkerCommand& command) {
    using Kind = WorkerCommand::Kind;
    switch (command.kind) {
    case Kind::Run: case Kind::Step: case Kind::StepBlock: case Kind::StepOver: case Kind::RunTo:
        // While gdb is connected it decides when the hart runs; the window
        // may only pause it (gdb then hears of a SIGINT stop).
        if (gdbHoldsTheHart()) return publish();
        break;
    default: break;
    }
    switch (command.kind) {
    case Kind::Run: setRunState(RunState::Running); break;
    case Kind::Pause:
        // Waiting counts as running: the user may pause a guest asleep at its prompt.
        if (runState_ == RunState::Running || runState_ == RunState::Waiting) setRunState(RunState::Paused);
        break;
    case Kind::Step: if (runState_ != RunState::Running) noteStop(machine_->step()); break;
    case Kind::StepBlock: if (runState_ != RunState::Running) stepBlock(); break;
    case Kind::StepOver: if (runState_ != RunState::Running) stepOver(); break;
    case Kind::RunTo: runTo(command.a); break;
    case Kind::Reset:
        if (console_) console_->clear();
        machine_->reset();
        pendingInput_.clear();
        setRunState(RunState::Paused);
        break;
    case Kind::AddBreakpoint: machine_->addBreakpoint(command.a); break;
    case Kind::RemoveBreakpoint:
        if (command.a != temporaryBreakpoint_) machine_->removeBreakpoint(command.a);
        break;
    case Kind::Input:
        for (std::uint64_t i = 0; i < command.b; ++i) pendingInput_.push_back(static_cast<std::uint8_t>(command.a >> (8 * i)));
        feedInput();
        // A guest asleep until input (a shell at its prompt) goes on: the
        // byte may raise the interrupt it waits for.
        if (runState_ == RunState::Waiting) setRunState(RunState::Running);
        break;
    case Kind::FlushCache: if (Dispatcher* dispatcher = machine_->dispatcher()) dispatcher->flush(); break;
    case Kind::Reconfigure:
        machine_->reconfigureEngine(static_cast<Engine>(command.a), command.b);
        attachObservers();
        break;
    case Kind::SetRegister:
        if (runState_ == RunState::Running) break;
        if (command.a == 32) {
            machine_->state().pc = machine_->hart().truncate(command.b & ~1ull);
        } else if (command.a > 0 && command.a < 32) {
            machine_->state().x[command.a] = machine_->hart().truncate(command.b);
        }
        break;
    case Kind::DescribeBlock: describeBlock(command.a); break;
    case Kind::ReadMemory: readMemory(command.a, command.b, AccessType::Load); break;
    case Kind::ReadCode: readMemory(command.a, command.b, AccessType::Fetch); break;
    case Kind::DescribeActivity: describeActivity(); break;
    case Kind::SetProfiling:
        profiling_ = command.a != 0;
        if (Dispatcher* dispatcher = machine_->dispatcher()) dispatcher->setProfiling(profiling_);
        break;
    case Kind::StartGdbServer: startGdbServer(static_cast<std::uint16_t>(command.a)); break;
    case Kind::StopGdbServer: stopGdbServer(); break;
    case Kind::Quit: quit_ = true; break;
    }
    publish();
}

void EmulatorWorker::startGdbServer(std::uint16_t port) {
    stopGdbServer();
    try {
        gdb_ = std::make_unique<gdb::GdbServer>(*machine_, gdb::Endpoint{"127.0.0.1", port},
                                                [this](const std::string& line) {
                                                    gdbNews_ = QString::fromStdString(line);
                                                });
    } catch (const gdb::SocketError& error) {
        gdbNews_ = QString::fromStdString(error.what());
        reportGdb(GdbServerStatus::State::Failed);
        return;
    }
    gdbNews_.clear();
    reportGdb(GdbServerStatus::State::Listening);
}

void EmulatorWorker::stopGdbServer() {
    if (!gdb_) return;
    gdb_.reset();  // closes the connection; the session takes its breakpoints out
    gdbConnected_ = false;
    gdbNews_.clear();
    reportGdb(GdbServerStatus::State::Off);
}

void EmulatorWorker::reportGdb(GdbServerStatus::State state) {
    GdbServerStatus status;
    status.state = state;
    if (gdb_) status.address = QString::fromStdString(gdb_->address());
    status.detail = gdbNews_;
    {
        const std::lock_guard lock(gdbStatusLock_);
        gdbStatus_ = std::move(status);
    }
    gdbStatusSequence_.fetch_add(1, std::memory_order_release);
}

std::optional<GdbServerStatus> EmulatorWorker::takeGdbServerStatus() {
    const std::uint32_t sequence = gdbStatusSequence_.load(std::memory_order_acquire);
    if (sequence == gdbStatusSeen_) return std::nullopt;
    gdbStatusSeen_ = sequence;
    const std::lock_guard lock(gdbStatusLock_);
    return gdbStatus_;
}

void EmulatorWorker::serviceGdb(int timeoutMilliseconds) {
    std::vector<pollfd> descriptors{pollfd{wake_.get(), POLLIN, 0}};
    gdb_->addPollDescriptors(descriptors);
    if (::poll(descriptors.data(), descriptors.size(), timeoutMilliseconds) <= 0) return;
    if ((descriptors.front().revents & POLLIN) != 0) {
        std::uint64_t count = 0;
        [[maybe_unused]] const ssize_t read = ::read(wake_.get(), &count, sizeof count);
    }
    gdb_->service(descriptors);
    followGdb();
}

void EmulatorWorker::followGdb() {
    if (gdb_->takeKilled()) {
        // gdb ended the program: the window gets it back from the start.
        machine_->reset();
        pendingInput_.clear();
        setRunState(RunState::Paused);
    }
    const gdb::GdbSession* session = gdb_->session();
    if (session != nullptr && !gdbConnected_) {
        gdbConnected_ = true;
        // A debugger that connects finds the hart stopped.
        if (runState_ == RunState::Running || runState_ == RunState::Waiting) setRunState(RunState::Paused);
        reportGdb(GdbServerStatus::State::Connected);
    } else if (session == nullptr && gdbConnected_) {
        gdbConnected_ = false;
        reportGdb(GdbServerStatus::State::Listening);
    }
    if (session != nullptr && session->running() && runState_ != RunState::Running &&
        runState_ != RunState::Waiting) {
        setRunState(RunState::Running);
    }
    publish();
}

void EmulatorWorker::feedInput() {
    if (console_) {
        for (const std::uint8_t byte : pendingInput_) console_->type(byte);
        pendingInput_.clear();
        return;
    }
    Uart16550& uart = machine_->uart();
    while (!pendingInput_.empty() && uart.canReceive()) {
        uart.receive(pendingInput_.front());
        pendingInput_.pop_front();
    }
}

void EmulatorWorker::runSlice() {
    const RunResult result = machine_->run(kSlice);
    // Before noteStop: gdb hears of a breakpoint as a breakpoint, not as the
    // pause that follows it.
    if (gdb_) gdb_->machineStopped(result);
    feedInput();
    if (result.reason == StopReason::Idle) {
        const auto ticks = std::chrono::nanoseconds(result.idleTicks * (1'000'000'000 / memory_map::kTimebaseHz));
        publish();
        const std::uint32_t seen = commandsPosted_.load(std::memory_order_acquire);
        const auto until = std::chrono::steady_clock::now() + std::min<std::chrono::nanoseconds>(ticks, kMaxIdleSleep);
        // Sleep like the guest, but wake for any command.
        while (commandsPosted_.load(std::memory_order_acquire) == seen && std::chrono::steady_clock::now() < until) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return;
    }
    if (result.reason != StopReason::BudgetExhausted) noteStop(result);
    publish();
}

void EmulatorWorker::noteStop(const RunResult& result) {
    switch (result.reason) {
    case StopReason::GuestExit: setRunState(RunState::Exited, result.exitCode); break;
    case StopReason::Waiting: setRunState(RunState::Waiting); break;
    case StopReason::LockedUp: setRunState(RunState::LockedUp); break;
    case StopReason::Breakpoint: case StopReason::Watchpoint: setRunState(RunState::Paused); break;
    case StopReason::BudgetExhausted: case StopReason::Idle: break;
    }
    if (result.reason != StopReason::BudgetExhausted && result.reason != StopReason::Idle) finishRunTo();
}

void EmulatorWorker::setRunState(RunState state, int exitCode) {
    // The hart stops for a reason gdb did not see (the window's Pause or
    // Reset): a continuing gdb is told of a SIGINT stop.
    if (gdb_ && state != RunState::Running && state != RunState::Waiting) gdb_->interrupt();
    runState_ = state;
    exitCode_ = exitCode;
    if (state != RunState::Running) finishRunTo();
}

std::optional<DecodedInstruction> EmulatorWorker::instructionAtPc() const {
    // A look only: unlike Interpreter::fetch(), a failed read raises nothing.
    const Bus& bus = machine_->bus();
    const std::uint64_t pc = machine_->state().pc;
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    if (!bus.fetch(pc, 2, low)) return std::nullopt;
    if (instructionLength(static_cast<std::uint16_t>(low)) == 4 && !bus.fetch(pc + 2, 2, high)) return std::nullopt;
    return decode(low | (high << 16), machine_->config().xlen);
}

void EmulatorWorker::stepBlock() {
    // Step until an instruction that ends a translated block has run, a trap
    // moved the pc elsewhere, or a block's worth of instructions has passed.
    HartState& state = machine_->state();
    for (unsigned i = 0; i < Interpreter::kMaxBlockInstructions; ++i) {
        const std::uint64_t pc = state.pc;
        const auto instruction = instructionAtPc();
        const RunResult result = machine_->step();
        if (result.reason != StopReason::BudgetExhausted) return noteStop(result);
        if (!instruction || instruction->info().has(kEndsBlock) ||
            state.pc != machine_->hart().truncate(pc + instruction->length)) {
            return;
        }
    }
}

void EmulatorWorker::stepOver() {
    const auto instruction = instructionAtPc();
    if (!instruction || !linksReturnAddress(*instruction)) {
        noteStop(machine_->step());
        return;
    }
    runTo(machine_->hart().truncate(machine_->state().pc + instruction->length));
}

void EmulatorWorker::runTo(std::uint64_t pc) {
    if (!machine_->breakpoints().contains(pc)) {
        temporaryBreakpoint_ = pc;
        machine_->addBreakpoint(pc);
    }
    // Leave the current pc first, or a breakpoint there would stop us at once.
    if (runState_ != RunState::Running) {
        const RunResult result = machine_->step();
        if (result.reason != StopReason::BudgetExhausted) return noteStop(result);
        if (machine_->state().pc == pc) return finishRunTo();
    }
    runState_ = RunState::Running;
}

void EmulatorWorker::finishRunTo() {
    if (!temporaryBreakpoint_) return;
    const std::uint64_t pc = *temporaryBreakpoint_;
    temporaryBreakpoint_.reset();
    machine_->removeBreakpoint(pc);
}

void EmulatorWorker::publish() {
    const auto now = std::chrono::steady_clock::now();
    const HartState& state = machine_->state();
    const std::chrono::duration<double> elapsed = now - rateStart_;
    if (elapsed.count() >= 0.5) {
        instructionsPerSecond_ = double(state.retired - rateRetired_) / elapsed.count();
        rateRetired_ = state.retired;
        rateStart_ = now;
    }
    HartSnapshot snapshot;
    snapshot.sequence = ++sequence_;
    snapshot.hart = state;
    snapshot.xlen = machine_->config().xlen;
    snapshot.engine = machine_->config().engine;
    snapshot.runState = runState_;
    snapshot.exitCode = exitCode_;
    snapshot.mstatus = machine_->hart().mstatus();
    snapshot.sstatus = machine_->hart().sstatus();
    snapshot.mip = machine_->hart().mip();
    snapshot.minstret = machine_->hart().minstret();
    snapshot.mcycle = machine_->hart().mcycle();
    snapshot.mtime = machine_->mtime();
    snapshot.instructionsPerSecond = runState_ == RunState::Running ? instructionsPerSecond_ : 0;
    if (const Dispatcher* dispatcher = machine_->dispatcher()) {
        const TranslationCache& cache = dispatcher->cache();
        snapshot.cache = CacheCounters{cache.statistics(), cache.bytesUsed(), cache.capacity(), cache.liveBlocks()};
    }
    snapshots_.publish(snapshot);
}

const TranslatedBlock* EmulatorWorker::blockAt(std::uint64_t pc) {
    const Dispatcher* dispatcher = machine_->dispatcher();
    if (dispatcher == nullptr) return nullptr;
    const TranslationCache& cache = dispatcher->cache();
    // Under paging one virtual pc can have blocks from several address
    // spaces: prefer the one the hart would run now.
    const Mmu& mmu = machine_->hart().mmu();
    const TranslatedBlock* containing = nullptr;
    for (const auto& block : cache.blocks()) {
        if (!block->valid || pc < block->guestPc || pc >= block->guestEnd) continue;
        if (mmu.inspect(block->guestPc, AccessType::Fetch) != block->key.physical) continue;
        if (block->guestPc == pc) return block.get();
        containing = block.get();
    }
    return containing != nullptr ? containing : cache.blockContaining(pc);
}

void EmulatorWorker::describeBlock(std::uint64_t pc) {
    BlockDescription description;
    description.guestPc = pc;
    const TranslatedBlock* block = blockAt(pc);
    if (block != nullptr) {
        const CodeArena& arena = machine_->dispatcher()->cache().arena();
        description.found = true;
        description.guestPc = block->guestPc;
        description.guestEnd = block->guestEnd;
        description.hostAddress = arena.executableAddress(block->hostOffset);
        description.translationSerial = block->translationSerial;
        description.hostCode = QByteArray(reinterpret_cast<const char*>(arena.executable(block->hostOffset)),
                                          static_cast<qsizetype>(block->hostSize));
        const Ram& ram = machine_->bus().ram();
        // The block's bytes are where its pc was mapped when it was translated.
        if (ram.contains(block->key.physical, block->guestEnd - block->guestPc)) {
            description.guestCode = QByteArray(reinterpret_cast<const char*>(ram.at(block->key.physical)),
                                               static_cast<qsizetype>(block->guestEnd - block->guestPc));
        }
        description.spans = QVector<InstructionSpan>(block->spans.begin(), block->spans.end());
        description.registerHomes = QVector<RegisterHome>(block->registerHomes.begin(), block->registerHomes.end());
    }
    replies_.block(std::move(description));
}

void EmulatorWorker::readMemory(std::uint64_t address, std::uint64_t length, AccessType access) {
    const Mmu& mmu = machine_->hart().mmu();
    const Ram& ram = machine_->bus().ram();
    MemoryContents contents;
    contents.requested = address;
    contents.address = address;
    contents.translated = access == AccessType::Fetch ? mmu.fetchTranslated() : mmu.dataTranslated();
    length = std::min<std::uint64_t>(length, kMaxMemoryRead);
    if (length == 0) return replies_.memory(std::move(contents));
    const std::uint64_t last = length - 1 > ~address ? ~std::uint64_t{0} : address + (length - 1);
    // Page by page: each may be mapped elsewhere, or not at all.
    for (std::uint64_t at = address;;) {
        const std::uint64_t pageLast = std::min(last, at | (kPageSize - 1));
        const std::uint64_t count = pageLast - at + 1;
        const auto physical = mmu.inspect(at, access);
        if (physical && ram.contains(*physical, count)) {
            if (contents.bytes.isEmpty()) contents.address = at;
            contents.bytes.append(reinterpret_cast<const char*>(ram.at(*physical)), static_cast<qsizetype>(count));
        } else if (!contents.bytes.isEmpty()) {
            break;  // the end of the first readable run
        }
        if (pageLast == last) break;
        at = pageLast + 1;
    }
    replies_.memory(std::move(contents));
}

void EmulatorWorker::describeActivity() {
    BlockActivity activity;
    if (const Dispatcher* dispatcher = machine_->dispatcher()) {
        for (const auto& block : dispatcher->cache().blocks()) {
            if (block->valid && block->executions > 0) {
                activity.hottest.push_back({block->guestPc, block->executions, block->instructionCount});
            }
        }
        const auto hotter = [](const BlockActivity::Hot& a, const BlockActivity::Hot& b) {
            return a.executions > b.executions;
        };
        const auto keep = std::min<qsizetype>(kHottestBlocks, activity.hottest.size());
        std::partial_sort(activity.hottest.begin(), activity.hottest.begin() + keep, activity.hottest.end(), hotter);
        activity.hottest.resize(keep);
        const RecentBlocks& recent = dispatcher->recentBlocks();
        for (std::size_t i = 1; i <= RecentBlocks::kSize; ++i) {
            const std::uint64_t pc = recent.pcs[(recent.next + RecentBlocks::kSize - i) % RecentBlocks::kSize];
            if (pc != 0) activity.recent.push_back(pc);
        }
    }
    replies_.activity(std::move(activity));
}

}  // namespace glasshart
