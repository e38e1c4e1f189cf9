#include "linux/LinuxProcess.h"

#include <elf.h>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <stdexcept>

#include "hart/Mstatus.h"
#include "isa/CsrAddress.h"
#include "linux/AddressSpace.h"
#include "linux/LinuxProgram.h"
#include "linux/SyscallTable.h"
#include "machine/Machine.h"
#include "mmu/PagingMode.h"

namespace glasshart {
namespace {

using namespace linux_abi;

// Guest errno values are the host's: x86-64 and RISC-V both use the
// kernel's asm-generic errno numbers.
static_assert(ENOENT == 2 && EAGAIN == 11 && EFAULT == 14 && EROFS == 30 && ENOSYS == 38 && ETIMEDOUT == 110);

// Where a static-PIE program linked at 0 is placed, as Linux places ET_DYN
// programs away from the bottom of the address space.
constexpr std::uint64_t kPieBase = 0x4000'0000;
// ecall has no compressed form.
constexpr std::uint64_t kEcallLength = 4;
// A fixed seed for deterministic runs' random bytes.
constexpr std::uint64_t kDeterministicSeed = 0x676c'6173'7368'6172;

std::string hex(std::uint64_t value) {
    char text[24];
    std::snprintf(text, sizeof text, "0x%" PRIx64, value);
    return text;
}

std::string signalName(int signal) {
    static constexpr const char* kNames[] = {
        "",        "SIGHUP",  "SIGINT",    "SIGQUIT", "SIGILL",    "SIGTRAP", "SIGABRT", "SIGBUS",
        "SIGFPE",  "SIGKILL", "SIGUSR1",   "SIGSEGV", "SIGUSR2",   "SIGPIPE", "SIGALRM", "SIGTERM",
        "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",   "SIGTTIN", "SIGTTOU", "SIGURG",
        "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",  "SIGIO",   "SIGPWR",  "SIGSYS"};
    if (signal > 0 && signal < 32) return kNames[signal];
    return "SIGRTMIN+" + std::to_string(signal - 32);
}

// The signal Linux sends for a synchronous exception (arch/riscv/kernel/traps.c).
int signalFor(Exception cause) {
    switch (cause) {
    case Exception::IllegalInstruction: return kSigIll;
    case Exception::Breakpoint: return kSigTrap;
    case Exception::InstructionAddressMisaligned:
    case Exception::LoadAddressMisaligned:
    case Exception::StoreAddressMisaligned: return kSigBus;
    default: return kSigSegv;
    }
}

void setCsr(Hart& hart, CsrAddress address, std::uint64_t value) {
    if (!hart.writeCsr(static_cast<std::uint16_t>(address), value)) {
        throw std::logic_error("the hart refused a CSR write while entering user mode");
    }
}

}  // namespace

LinuxProcess::LinuxProcess(const ElfImage& program, ProcessOptions options)
    : program_(program), options_(std::move(options)), fileSystem_(options_.files) {
    if (const auto problem = linuxProgramProblem(program_)) throw ElfError(program_.fileName() + ": " + *problem);
    if (options_.arguments.empty()) options_.arguments.push_back(program_.fileName());
}

LinuxProcess::~LinuxProcess() = default;

std::uint64_t LinuxProcess::truncate(std::uint64_t value) const {
    return xlen() == Xlen::Rv32 ? static_cast<std::uint32_t>(value) : value;
}

void LinuxProcess::report(const std::string& message) const {
    if (diagnostics_) diagnostics_(message);
}

// --- start-up ------------------------------------------------------------------

void LinuxProcess::start(Machine& machine) {
    machine_ = &machine;
    resetState();
    loadSegments();
    buildStack();
    openStandardStreams();
    enterUserMode();
}

void LinuxProcess::resetState() {
    processMemory_.emplace(address_space::kBase, address_space::kEnd, address_space::kMmapTop,
                           [this](std::uint64_t address, std::uint64_t length) { releaseMemory(address, length); });
    files_.clear();
    signalActions_ = {};
    signalMask_ = 0;
    pendingSignals_ = 0;
    umask_ = 022;
    clearChildTid_ = 0;
    randomState_ = kDeterministicSeed;
    reportedUnsupported_.clear();
    terminatingSignal_.reset();
    // The limits a program reads are the host's, except the stack's, which
    // is the one this address space gives it. Setting them changes only
    // what the program reads back.
    for (unsigned resource = 0; resource < kRlimitCount; ++resource) {
        rlimit limit{RLIM_INFINITY, RLIM_INFINITY};
        getrlimit(static_cast<__rlimit_resource>(resource), &limit);
        limits_[resource] = {limit.rlim_cur, limit.rlim_max};
    }
    limits_[kRlimitStack] = {address_space::kStackSize, kRlimInfinity};
    OpenResult directory = fileSystem_.initialDirectory();
    workingDirectory_ = std::make_shared<OpenFile>();
    workingDirectory_->directory = true;
    if (directory.error == 0) workingDirectory_->guestPath = fileSystem_.guestPathOf(directory.descriptor.get());
    workingDirectory_->host = std::move(directory.descriptor);
}

std::uint64_t LinuxProcess::loadBias() const {
    if (!program_.loadInfo().positionIndependent) return 0;
    const auto& segments = program_.segments();
    const auto lowest = std::min_element(segments.begin(), segments.end(), [](const auto& a, const auto& b) {
        return a.virtualAddress < b.virtualAddress;
    });
    return lowest->virtualAddress < address_space::kBase ? kPieBase : 0;
}

void LinuxProcess::loadSegments() {
    Ram& ram = machine_->bus().ram();
    const std::uint64_t bias = loadBias();
    std::uint64_t end = 0;
    for (std::size_t i = 0; i < program_.segments().size(); ++i) {
        const ElfSegment& segment = program_.segments()[i];
        const std::uint64_t address = segment.virtualAddress + bias;
        const bool fits = address >= address_space::kBase && segment.memorySize <= address_space::kMmapTop &&
                          address <= address_space::kMmapTop - segment.memorySize;
        if (!fits) {
            throw ElfError(program_.fileName() + ": segment " + std::to_string(i) + " at " + hex(address) + "-" +
                           hex(address + segment.memorySize) + " lies outside the user address space " +
                           hex(address_space::kBase) + "-" + hex(address_space::kMmapTop) +
                           " (Linux maps nothing below " + hex(address_space::kBase) + ")");
        }
        std::copy(segment.bytes.begin(), segment.bytes.end(), ram.at(address));
        const std::uint64_t protection =
            kProtRead | (segment.writable ? kProtWrite : 0) | (segment.executable ? kProtExec : 0);
        processMemory_->reserve(address, segment.memorySize, protection);
        end = std::max(end, address + segment.memorySize);
    }
    processMemory_->setBreakStart(end);
}

std::vector<AuxiliaryEntry> LinuxProcess::auxiliaryVector() const {
    // RISC-V's AT_HWCAP has one bit per single-letter extension, as misa;
    // Linux reports the base ISA letters it supports (arch/riscv/kernel/cpufeature.c).
    const std::uint64_t misa = machine_->state().csr.misa;
    std::uint64_t hardwareCapabilities = 0;
    for (const char letter : {'I', 'M', 'A', 'F', 'D', 'C', 'V'}) {
        hardwareCapabilities |= misa & (1ull << (letter - 'A'));
    }
    const ElfLoadInfo& info = program_.loadInfo();
    const std::uint64_t bias = loadBias();
    // The order of fs/binfmt_elf.c's create_elf_tables. RISC-V has no
    // AT_PLATFORM (its ELF_PLATFORM is NULL), and there is no vDSO, so no
    // AT_SYSINFO_EHDR: the C library then makes real system calls.
    return {
        {AT_HWCAP, hardwareCapabilities},
        {AT_PAGESZ, kPageSize},
        {AT_CLKTCK, static_cast<std::uint64_t>(sysconf(_SC_CLK_TCK))},
        {AT_PHDR, info.programHeaderAddress ? *info.programHeaderAddress + bias : 0},
        {AT_PHENT, info.programHeaderSize},
        {AT_PHNUM, info.programHeaderCount},
        {AT_BASE, 0},
        {AT_FLAGS, 0},
        {AT_ENTRY, program_.entry() + bias},
        {AT_UID, getuid()},
        {AT_EUID, geteuid()},
        {AT_GID, getgid()},
        {AT_EGID, getegid()},
        {AT_SECURE, 0},
    };
}

void LinuxProcess::fillRandom(std::span<std::uint8_t> bytes) {
    if (!options_.deterministic) {
        std::size_t filled = 0;
        while (filled < bytes.size()) {
            const ssize_t got = getrandom(bytes.data() + filled, bytes.size() - filled, 0);
            if (got > 0) filled += static_cast<std::size_t>(got);
        }
        return;
    }
    // SplitMix64: a fixed, well-mixed sequence.
    for (std::uint8_t& byte : bytes) {
        randomState_ += 0x9e37'79b9'7f4a'7c15ull;
        std::uint64_t z = randomState_;
        z = (z ^ (z >> 30)) * 0xbf58'476d'1ce4'e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d0'49bb'1331'11ebull;
        byte = static_cast<std::uint8_t>(z ^ (z >> 31));
    }
}

void LinuxProcess::buildStack() {
    InitialStackContents contents;
    contents.arguments = options_.arguments;
    contents.environment = options_.environment;
    contents.executableName = options_.arguments.front();
    fillRandom(contents.random);
    contents.auxiliary = auxiliaryVector();
    InitialStack stack;
    try {
        // Linux allows arguments and environment a quarter of the stack.
        stack = buildInitialStack(contents, address_space::kStackTop, xlen(), address_space::kStackSize / 4);
    } catch (const std::length_error& error) {
        throw ElfError(program_.fileName() + ": " + error.what());
    }
    std::copy(stack.bytes.begin(), stack.bytes.end(), machine_->bus().ram().at(stack.stackPointer));
    processMemory_->reserve(address_space::kStackTop - address_space::kStackSize, address_space::kStackSize,
                            kProtRead | kProtWrite);
    machine_->state().x[2] = stack.stackPointer;
}

void LinuxProcess::openStandardStreams() {
    for (int fd = 0; fd < 3; ++fd) {
        auto file = std::make_shared<OpenFile>();
        if (options_.console) {
            file->console = fd == 0 ? OpenFile::ConsoleStream::Input : OpenFile::ConsoleStream::Output;
        } else {
            // A duplicate, so that the guest closing its descriptor leaves
            // the emulator's own standard streams alone.
            file->host = HostDescriptor(fcntl(fd, F_DUPFD_CLOEXEC, 3));
            if (!file->host.valid()) continue;
        }
        files_.installAt(fd, std::move(file), false);
    }
}

void LinuxProcess::enterUserMode() {
    // As the kernel's start_thread(): every register zero but sp, pc at the
    // entry, U-mode, the FPU usable (FS Initial), and the cycle, time and
    // instret counters readable from U-mode.
    Hart& hart = machine_->hart();
    constexpr std::uint64_t kCounters = 0x7;
    setCsr(hart, CsrAddress::Mcounteren, kCounters);
    setCsr(hart, CsrAddress::Scounteren, kCounters);
    const std::uint64_t status = (hart.mstatus() & ~(mstatus::kMpp | mstatus::kFs)) | mstatus::kFsInitial;
    setCsr(hart, CsrAddress::Mstatus, status);  // MPP = 0: mret goes to U-mode
    setCsr(hart, CsrAddress::Mepc, program_.entry() + loadBias());
    hart.mret();
}

// --- traps and signals ---------------------------------------------------------

TrapOutcome LinuxProcess::handleTrap(Machine& machine, const Trap& trap) {
    machine_ = &machine;
    if (trap.cause == Exception::EcallFromU) return systemCall();
    const HartState& state = machine.state();
    std::string why = std::string(exceptionName(trap.cause));
    if (trap.cause == Exception::IllegalInstruction) {
        why += " " + hex(trap.value) + " at pc " + hex(state.pc);
    } else {
        why += " at address " + hex(trap.value) + ", pc " + hex(state.pc);
    }
    const SyscallResult end = kill(signalFor(trap.cause), why);
    return TrapOutcome{TrapOutcome::Kind::Exit, static_cast<int>(end.value)};
}

TrapOutcome LinuxProcess::systemCall() {
    HartState& state = machine_->state();
    const std::uint64_t number = state.x[17];  // a7
    SyscallArguments args;
    args.xlen = xlen();
    for (std::size_t i = 0; i < args.values.size(); ++i) args.values[i] = state.x[10 + i];  // a0..a5
    const SyscallResult result = dispatch(number, args);
    if (result.kind == SyscallResult::Kind::Wait) return TrapOutcome{TrapOutcome::Kind::WaitForInput, 0};
    if (syscallObserver_) {
        syscallObserver_(SyscallRecord{number, syscallName(number, xlen()), args.values, result.value, state.pc,
                                       isSyscallHandled(number, xlen())});
    }
    if (result.kind == SyscallResult::Kind::Exit) return TrapOutcome{TrapOutcome::Kind::Exit, static_cast<int>(result.value)};
    state.x[10] = truncate(static_cast<std::uint64_t>(result.value));
    state.pc = truncate(state.pc + kEcallLength);
    return TrapOutcome{};
}

SyscallResult LinuxProcess::dispatch(std::uint64_t number, const SyscallArguments& args) {
    if (syscallName(number, xlen()).empty()) return unsupported(number);
    switch (number) {
#define SYSCALL(number, name64, name32, Handler) \
    case number: return sys##Handler(args);
#include "linux/Syscalls.def"
    default: return unsupported(number);
    }
}

SyscallResult LinuxProcess::unsupported(std::uint64_t number) {
    if (reportedUnsupported_.insert(number).second) {
        const std::string_view name = syscallName(number, xlen());
        report(name.empty() ? "unknown system call " + std::to_string(number) + ": answered ENOSYS"
                            : "unsupported system call " + std::to_string(number) + " (" + std::string(name) +
                                  "): answered ENOSYS");
    }
    return -ENOSYS;
}

SyscallResult LinuxProcess::kill(int signal, const std::string& why) {
    terminatingSignal_ = signal;
    std::string message = "killed by signal " + std::to_string(signal) + " (" + signalName(signal) + ")";
    if (!why.empty()) message += ": " + why;
    if (signalActions_[static_cast<std::size_t>(signal)].handler > kSigIgnore) {
        message += "; its handler was not run (signals take their default action only)";
    }
    report(message);
    return SyscallResult::exit(128 + signal);
}

SyscallResult LinuxProcess::sendSignal(int signal) {
    if (signal == 0) return 0;  // only asks whether the process exists
    if (signal < 0 || signal > kSignalCount) return -EINVAL;
    const bool unstoppable = signal == kSigKill || signal == kSigStop;
    // A blocked signal stays pending until unblocked; an ignored one is
    // dropped (signal(7)).
    const std::uint64_t bit = 1ull << (signal - 1);
    if (!unstoppable && (signalMask_ & bit) != 0) {
        pendingSignals_ |= bit;
        return 0;
    }
    const std::uint64_t handler = signalActions_[static_cast<std::size_t>(signal)].handler;
    if (!unstoppable && handler == kSigIgnore) return 0;
    if (handler == kSigDefault || unstoppable) {
        // Default action "ignore" (signal(7)); a stop cannot stop a
        // process nobody could continue, so it is ignored too.
        const bool ignoredByDefault = signal == kSigChld || signal == kSigCont || signal == kSigUrg ||
                                      signal == kSigWinch;
        const bool stops = signal == kSigStop || (signal >= kSigTstp && signal <= kSigTtou);
        if (ignoredByDefault || stops) return 0;
    }
    return kill(signal, "sent by the program itself");
}

SyscallResult LinuxProcess::deliverPending() {
    while (const std::uint64_t deliverable = pendingSignals_ & ~signalMask_) {
        const int signal = std::countr_zero(deliverable) + 1;
        pendingSignals_ &= ~(1ull << (signal - 1));
        const SyscallResult result = sendSignal(signal);
        if (result.kind == SyscallResult::Kind::Exit) return result;
    }
    return 0;
}

}  // namespace glasshart
