#include "machine/Machine.h"

#include <algorithm>
#include <limits>

#include "dbt/Dispatcher.h"
#include "isa/IsaName.h"
#include "mem/MemoryMap.h"

namespace glasshart {

Machine::Machine(const MachineConfig& config, OutputSink console)
    : config_(config),
      console_(std::move(console)),
      bus_(config.ramBase, config.ramSize),
      clint_(state_, config.instructionsPerTick),
      hart_(state_, config.xlen, clint_, plic_, bus_),
      uart_([this](std::uint8_t byte) { console_(byte); }),
      bootRom_(memory_map::kBootRomSize),
      finisher_([this](FinisherRequest request) {
          switch (request.kind) {
          case FinisherRequest::Kind::Pass: requestStop(0); break;
          case FinisherRequest::Kind::Fail: requestStop(request.code); break;
          case FinisherRequest::Kind::Reset:
              resetRequest_ = true;
              hart_.requestAttention();
              break;
          }
      }),
      interpreter_(hart_, bus_, breakpoints_) {
    // A user-mode program owns its whole address space: no device there.
    if (config.platform == Platform::Virt) attachDevices();
    bus_.setWriteObserver([this](std::uint64_t address, unsigned size) { onWatchedWrite(address, size); });
    clint_.setLinesChangedCallback([this] { hart_.requestAttention(); });
    plic_.setLinesChangedCallback([this] { hart_.requestAttention(); });
    uart_.setInterruptCallback([this](bool level) { plic_.setSourceLevel(memory_map::kUartPlicSource, level); });
    createDispatcher();
    hart_.reset(config.ramBase);
}

void Machine::attachDevices() {
    bus_.attach(memory_map::kTestFinisherBase, memory_map::kTestFinisherSize, finisher_);
    bus_.attach(memory_map::kClintBase, memory_map::kClintSize, clint_);
    bus_.attach(memory_map::kUartBase, memory_map::kUartSize, uart_);
    bus_.attach(memory_map::kPlicBase, memory_map::kPlicSize, plic_);
    bus_.attach(memory_map::kBootRomBase, memory_map::kBootRomSize, bootRom_);
}

void Machine::createDispatcher() {
    dispatcher_.reset();
    bus_.ram().unwatchAll(Ram::kTranslatedCode);
    if (config_.engine == Engine::Translator) {
        dispatcher_ =
            std::make_unique<Dispatcher>(hart_, bus_, interpreter_, breakpoints_, config_.translationCacheSize);
    }
}

void Machine::reconfigureEngine(Engine engine, std::uint64_t translationCacheSize) {
    config_.engine = engine;
    config_.translationCacheSize = translationCacheSize;
    createDispatcher();
}

Machine::~Machine() = default;

void Machine::load(const ElfImage& program) { load(program, nullptr); }

void Machine::load(const ElfImage& program, std::unique_ptr<UserEnvironment> environment) {
    kernelBoot_.reset();
    bootPlan_.reset();
    program_ = program;
    environment_ = std::move(environment);
    reset();
}

void Machine::boot(const KernelBoot& boot) {
    // Planned once, before anything changes: it throws if the boot does not
    // fit, and every reset places the same plan again.
    bootPlan_ = planKernelBoot(boot, describe());
    program_.reset();
    environment_.reset();
    kernelBoot_ = boot;
    reset();
}

DeviceTreeDescription Machine::describe() const {
    DeviceTreeDescription description;
    description.xlen = config_.xlen;
    description.ramBase = memory_map::kRamBase;
    description.ramSize = config_.ramSize;
    description.isa = isaNameFromMisa(state_.csr.misa, config_.xlen);
    description.mmuType = config_.xlen == Xlen::Rv64 ? "riscv,sv39" : "riscv,sv32";
    return description;
}

void Machine::placeKernelBoot() {
    const BootPlan& plan = *bootPlan_;
    Ram& ram = bus_.ram();
    auto place = [&](std::uint64_t address, const std::vector<std::uint8_t>& bytes) {
        std::copy(bytes.begin(), bytes.end(), ram.at(address));
    };
    place(memory_map::kRamBase, kernelBoot_->firmware);
    place(plan.kernelAddress, kernelBoot_->kernel);
    if (plan.initrd) place(plan.initrd->start, kernelBoot_->initrd);
    place(plan.deviceTreeAddress, plan.deviceTree);
    bootRom_.load(plan.firmwareInfo);
    // QEMU's reset vector hands over a0 = hart id, a1 = device tree, a2 =
    // fw_dynamic information.
    state_.x[11] = plan.deviceTreeAddress;
    state_.x[12] = memory_map::kBootRomBase;
}

void Machine::reset() {
    bus_.ram().clear();
    bus_.ram().unwatchAll(Ram::kHostInterface);
    if (dispatcher_) dispatcher_->flush();
    uart_.reset();
    interpreter_.clearLockup();
    exitRequest_.reset();
    resetRequest_ = false;
    resumeAt_.reset();
    watchReportedAt_.reset();
    htif_.reset();
    plic_.reset();
    bootRom_.load({});
    if (environment_) {
        startUserProgram();
        return;
    }
    hart_.interceptUserTraps(false);
    std::uint64_t entry = config_.ramBase;
    if (program_) {
        program_->copyInto(bus_.ram());
        entry = program_->entry();
        if (const auto tohost = program_->symbolAddress("tohost")) {
            htif_ = std::make_unique<Htif>(
                bus_, *tohost, program_->symbolAddress("fromhost"), [this](std::uint8_t byte) { console_(byte); },
                [this](int code) { requestStop(code); });
            htif_->start();
        }
    }
    hart_.reset(entry);
    clint_.reset();  // after the hart: mtime restarts from the hart's reset clock
    if (kernelBoot_) placeKernelBoot();  // after the hart: it sets the boot registers
}

void Machine::startUserProgram() {
    hart_.reset(config_.ramBase);
    clint_.reset();
    hart_.interceptUserTraps(true);
    environment_->start(*this);
}

void Machine::onWatchedWrite(std::uint64_t address, unsigned size) {
    if (htif_ && htif_->onWrite(address, size)) return;
    const Ram& ram = bus_.ram();
    if (dispatcher_ && (ram.isWatched(address, Ram::kTranslatedCode) ||
                        ram.isWatched(address + size - 1, Ram::kTranslatedCode))) {
        dispatcher_->invalidate(address, size);
    }
}

void Machine::memoryChanged(std::uint64_t address, std::uint64_t length) {
    if (!dispatcher_ || length == 0) return;
    const Ram& ram = bus_.ram();
    const std::uint64_t last = address + (length - 1);
    for (std::uint64_t page = address >> Ram::kPageShift; page <= last >> Ram::kPageShift; ++page) {
        const std::uint64_t start = std::max(address, page << Ram::kPageShift);
        if (ram.contains(start, 1) && ram.isWatched(start, Ram::kTranslatedCode)) {
            const std::uint64_t end = std::min<std::uint64_t>(last, start | ((1ull << Ram::kPageShift) - 1));
            dispatcher_->invalidate(start, end - start + 1);
        }
    }
}

void Machine::requestStop(int exitCode) {
    if (!exitRequest_) exitRequest_ = exitCode;
    hart_.requestAttention();
}

std::uint64_t Machine::nextEvent(std::uint64_t end) const {
    // The timer line rises when the clock (retired + idle) reaches the
    // compare value; idle does not move while instructions run.
    const std::uint64_t timerClock = clint_.clockAtTimerInterrupt();
    if (timerClock <= state_.clock()) return end;  // already pending, or never: no change to wait for
    return std::min(end, state_.retired + (timerClock - state_.clock()));
}

std::optional<std::uint64_t> Machine::sleepUntilWakeUp() {
    // Skip the idle time up to the timer interrupt, if it can wake the hart.
    constexpr std::uint64_t kTimerBit = 1ull << static_cast<unsigned>(Interrupt::MachineTimer);
    const std::uint64_t timerClock = clint_.clockAtTimerInterrupt();
    if ((state_.csr.mie & kTimerBit) == 0 || timerClock == std::numeric_limits<std::uint64_t>::max()) {
        return std::nullopt;
    }
    const std::uint64_t ticksBefore = clint_.mtime();
    if (timerClock > state_.clock()) state_.idle += timerClock - state_.clock();
    return clint_.mtime() - ticksBefore;
}

void Machine::setBlockTrace(BlockObserver observer) {
    if (dispatcher_) {
        dispatcher_->setBlockObserver(std::move(observer));
    } else {
        interpreter_.setBlockObserver(std::move(observer));
    }
}

void Machine::runEngine() {
    if (dispatcher_) {
        dispatcher_->run();
    } else {
        interpreter_.run();
    }
}

std::optional<RunResult> Machine::stopCondition() const {
    if (exitRequest_) return RunResult{StopReason::GuestExit, *exitRequest_};
    if (interpreter_.lockedUp()) return RunResult{StopReason::LockedUp, 0};
    return std::nullopt;
}

std::optional<RunResult> Machine::serviceUserTrap() {
    if (!environment_) return std::nullopt;
    const std::optional<Trap> trap = hart_.takeInterceptedTrap();
    if (!trap) return std::nullopt;
    const TrapOutcome outcome = environment_->handleTrap(*this, *trap);
    switch (outcome.kind) {
    case TrapOutcome::Kind::Resume: return std::nullopt;
    case TrapOutcome::Kind::Exit: requestStop(outcome.exitCode); return stopCondition();
    case TrapOutcome::Kind::WaitForInput: return RunResult{StopReason::Waiting, 0};
    }
    return std::nullopt;
}

std::optional<RunResult> Machine::serviceInterrupts() {
    if (const auto interrupt = hart_.pendingInterrupt()) {
        hart_.takeInterrupt(*interrupt);
        return std::nullopt;
    }
    if (!state_.waitingForInterrupt) return std::nullopt;
    if (hart_.wakeUpPending()) {
        state_.waitingForInterrupt = false;
        return std::nullopt;
    }
    const auto slept = sleepUntilWakeUp();
    if (!slept) return RunResult{StopReason::Waiting, 0, 0};
    state_.waitingForInterrupt = false;
    return RunResult{StopReason::Idle, 0, *slept};
}

RunResult Machine::run(std::uint64_t budget) {
    const std::uint64_t end =
        budget > std::numeric_limits<std::uint64_t>::max() - state_.retired ? std::numeric_limits<std::uint64_t>::max()
                                                                            : state_.retired + budget;
    for (;;) {
        if (resetRequest_) reset();
        if (const auto stop = serviceUserTrap()) return *stop;
        if (const auto stop = stopCondition()) return *stop;
        if (const auto stop = serviceInterrupts()) return *stop;
        if (state_.retired >= end) return RunResult{StopReason::BudgetExhausted, 0};
        if (breakpoints_.contains(state_.pc)) {
            if (resumeAt_ != state_.pc) {
                resumeAt_ = state_.pc;
                return RunResult{StopReason::Breakpoint, 0};
            }
            // Reported already: the instruction runs now, unless it first
            // stops at a watchpoint (then the breakpoint is not reported again).
            if (const auto stop = stepWatched()) return *stop;
            resumeAt_.reset();
            continue;
        }
        resumeAt_.reset();
        state_.eventAt = nextEvent(end);
        if (!watchpoints_.empty()) {
            if (const auto stop = runWatched()) return *stop;
            continue;
        }
        watchReportedAt_.reset();
        runEngine();
    }
}

// Watchpoints are checked by the interpreter alone: while any is set, the
// machine runs on it whatever the engine. Translated loads and stores take an
// inline fast path that never leaves translated code, so watching them there
// would cost a check in every translated access (or keeping watched pages
// out of the TLB and sorting watched from unwatched accesses in the slow
// path) for a debugging aid where speed matters little. The interpreter
// sees each instruction before it runs and knows its data address
// exactly, which is what a watchpoint that stops before the access needs.
std::optional<RunResult> Machine::runWatched() {
    while (interpreter_.mayContinue()) {
        if (auto stop = stepWatched()) return stop;
    }
    return std::nullopt;
}

std::optional<RunResult> Machine::stepWatched() {
    const auto instruction = interpreter_.fetch();
    if (!instruction) return std::nullopt;  // a fetch fault: its trap has been entered
    if (const auto hit = watchpoints_.match(*instruction, state_, config_.xlen);
        hit && watchReportedAt_ != state_.pc) {
        watchReportedAt_ = state_.pc;
        RunResult result{StopReason::Watchpoint, 0};
        result.watch = *hit;
        return result;
    }
    watchReportedAt_.reset();
    if (interpreter_.execute(*instruction) == Completion::Retired) ++state_.retired;
    return std::nullopt;
}

RunResult Machine::step() {
    if (resetRequest_) reset();
    if (const auto stop = stopCondition()) return *stop;
    if (const auto stop = serviceInterrupts()) return *stop;
    resumeAt_.reset();
    if (const auto stop = stepWatched()) return *stop;
    if (const auto stop = serviceUserTrap()) return *stop;
    if (const auto stop = stopCondition()) return *stop;
    return RunResult{StopReason::BudgetExhausted, 0};
}

void Machine::addBreakpoint(std::uint64_t pc) {
    breakpoints_.add(pc);
    breakpointsChanged();
}

void Machine::removeBreakpoint(std::uint64_t pc) {
    breakpoints_.remove(pc);
    breakpointsChanged();
}

void Machine::breakpointsChanged() {
    if (dispatcher_) dispatcher_->breakpointsChanged();
}

}  // namespace glasshart
