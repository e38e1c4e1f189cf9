// LinuxProcess: the system calls about the process itself, its signals,
// its limits and time.

#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <string_view>

#include "linux/LinuxProcess.h"
#include "machine/Machine.h"
#include "mem/MemoryMap.h"

namespace glasshart {
namespace {

using namespace linux_abi;

constexpr std::int64_t kNanosecondsPerSecond = 1'000'000'000;
// What a deterministic run's sysinfo reports as the memory: 1 GiB, all free.
constexpr unsigned long kDeterministicMemoryBytes = 1ul << 30;

// A deterministic run's wall clock starts at 2025-01-01 00:00:00 UTC.
constexpr std::int64_t kDeterministicEpochSeconds = 1'735'689'600;
constexpr std::int64_t kNanosecondsPerTick = kNanosecondsPerSecond / memory_map::kTimebaseHz;

// The kernel's 64-bit struct timespec (__kernel_timespec), which RV64 and
// RV32's *_time64 calls share.
struct Timespec {
    std::int64_t seconds;
    std::int64_t nanoseconds;
};

// SIGKILL and SIGSTOP cannot be blocked (sigprocmask(2)).
constexpr std::uint64_t kUnblockable = (1ull << (kSigKill - 1)) | (1ull << (kSigStop - 1));

}  // namespace

std::uint64_t LinuxProcess::processId() const { return static_cast<std::uint64_t>(getpid()); }

// --- ending ---------------------------------------------------------------------------

SyscallResult LinuxProcess::sysExit(const SyscallArguments& args) { return SyscallResult::exit(args.integer(0) & 0xff); }

// One thread: ending it ends the process.
SyscallResult LinuxProcess::sysExitGroup(const SyscallArguments& args) { return sysExit(args); }

// --- identity ----------------------------------------------------------------------------

SyscallResult LinuxProcess::sysGetpid(const SyscallArguments&) { return static_cast<std::int64_t>(processId()); }
// The only thread's id is the process's (gettid(2)).
SyscallResult LinuxProcess::sysGettid(const SyscallArguments&) { return static_cast<std::int64_t>(processId()); }
SyscallResult LinuxProcess::sysGetppid(const SyscallArguments&) { return getppid(); }
SyscallResult LinuxProcess::sysGetuid(const SyscallArguments&) { return getuid(); }
SyscallResult LinuxProcess::sysGeteuid(const SyscallArguments&) { return geteuid(); }
SyscallResult LinuxProcess::sysGetgid(const SyscallArguments&) { return getgid(); }
SyscallResult LinuxProcess::sysGetegid(const SyscallArguments&) { return getegid(); }

SyscallResult LinuxProcess::sysSetTidAddress(const SyscallArguments& args) {
    clearChildTid_ = args[0];
    return static_cast<std::int64_t>(processId());
}

SyscallResult LinuxProcess::sysSetRobustList(const SyscallArguments& args) {
    // struct robust_list_head is three words; the list matters only to
    // other threads when this one dies, and there are none.
    const std::uint64_t headSize = xlen() == Xlen::Rv64 ? 24 : 12;
    return args[1] == headSize ? 0 : -EINVAL;
}

// Restartable sequences need the kernel to tell a thread it was preempted
// or migrated, which never happens here; ENOSYS makes the C library do
// without them, as on a kernel built without CONFIG_RSEQ.
SyscallResult LinuxProcess::sysRseq(const SyscallArguments&) { return -ENOSYS; }

SyscallResult LinuxProcess::sysUname(const SyscallArguments& args) {
    utsname host{};
    ::uname(&host);
    std::array<char, 6 * kUtsFieldLength> fields{};
    auto put = [&](unsigned index, std::string_view text) {
        text = text.substr(0, kUtsFieldLength - 1);  // the rest of the field stays NUL
        std::copy(text.begin(), text.end(), fields.begin() + index * kUtsFieldLength);
    };
    put(0, "Linux");
    put(1, host.nodename);
    put(2, host.release);
    put(3, host.version);
    put(4, xlen() == Xlen::Rv64 ? "riscv64" : "riscv32");
    put(5, host.domainname);
    return memory().writeValue(args[0], fields) ? 0 : -EFAULT;
}

// The host's memory and load figures (the C library sizes caches and
// answers sysconf(_SC_PHYS_PAGES) from them); a deterministic run gets
// fixed ones instead, with its own uptime, since the host's change from
// moment to moment. RV32's struct sysinfo has 32-bit longs, so it gets them
// converted.
SyscallResult LinuxProcess::sysSysinfo(const SyscallArguments& args) {
    struct ::sysinfo host{};
    if (options_.deterministic) {
        host.uptime = static_cast<long>(*clockNanoseconds(CLOCK_BOOTTIME) / kNanosecondsPerSecond);
        host.totalram = kDeterministicMemoryBytes;
        host.freeram = kDeterministicMemoryBytes;
        host.procs = 1;
        host.mem_unit = 1;
    } else if (::sysinfo(&host) != 0) {
        return -errno;
    }
    if (xlen() == Xlen::Rv64) return memory().writeValue(args[0], host) ? 0 : -EFAULT;
    struct Sysinfo32 {
        std::int32_t uptime;
        std::uint32_t loads[3];
        std::uint32_t totalram, freeram, sharedram, bufferram, totalswap, freeswap;
        std::uint16_t procs, pad;
        std::uint32_t totalhigh, freehigh, unit;
        char reserved[8];
    };
    static_assert(sizeof(Sysinfo32) == 64);
    // In units of mem_unit bytes, chosen so that the totals fit 32 bits.
    std::uint64_t unit = host.mem_unit;
    const std::uint64_t largest = std::max(host.totalram, host.totalswap);
    while (largest * host.mem_unit / unit > 0xffff'ffffull) unit *= 2;
    auto scaled = [&](unsigned long value) { return static_cast<std::uint32_t>(value * host.mem_unit / unit); };
    Sysinfo32 guest{};
    guest.uptime = static_cast<std::int32_t>(host.uptime);
    for (int i = 0; i < 3; ++i) guest.loads[i] = static_cast<std::uint32_t>(host.loads[i]);
    guest.totalram = scaled(host.totalram);
    guest.freeram = scaled(host.freeram);
    guest.sharedram = scaled(host.sharedram);
    guest.bufferram = scaled(host.bufferram);
    guest.totalswap = scaled(host.totalswap);
    guest.freeswap = scaled(host.freeswap);
    guest.procs = host.procs;
    guest.unit = static_cast<std::uint32_t>(unit);
    return memory().writeValue(args[0], guest) ? 0 : -EFAULT;
}

// --- signals --------------------------------------------------------------------------------

SyscallResult LinuxProcess::sysRtSigaction(const SyscallArguments& args) {
    const std::int32_t signal = args.integer(0);
    if (args[3] != kSigsetSize || signal < 1 || signal > kSignalCount) return -EINVAL;
    if (args[1] != 0 && (signal == kSigKill || signal == kSigStop)) return -EINVAL;
    // RISC-V's struct sigaction: handler, flags (both words), then the
    // 64-bit mask; there is no sa_restorer (the vDSO returns from handlers).
    const unsigned word = xlen() == Xlen::Rv64 ? 8 : 4;
    SignalAction& action = signalActions_[static_cast<std::size_t>(signal)];
    if (args[2] != 0) {
        std::array<std::uint8_t, 24> old{};
        std::memcpy(old.data(), &action.handler, word);
        std::memcpy(old.data() + word, &action.flags, word);
        std::memcpy(old.data() + 2 * word, &action.mask, 8);
        if (!memory().write(args[2], std::span(old.data(), 2 * word + 8))) return -EFAULT;
    }
    if (args[1] != 0) {
        std::array<std::uint8_t, 24> next{};
        if (!memory().read(args[1], std::span(next.data(), 2 * word + 8))) return -EFAULT;
        SignalAction updated;
        std::memcpy(&updated.handler, next.data(), word);
        std::memcpy(&updated.flags, next.data() + word, word);
        std::memcpy(&updated.mask, next.data() + 2 * word, 8);
        action = updated;
    }
    return 0;
}

SyscallResult LinuxProcess::sysRtSigprocmask(const SyscallArguments& args) {
    if (args[3] != kSigsetSize) return -EINVAL;
    if (args[2] != 0 && !memory().writeValue(args[2], signalMask_)) return -EFAULT;
    if (args[1] == 0) return 0;
    const auto set = memory().readValue<std::uint64_t>(args[1]);
    if (!set) return -EFAULT;
    switch (args[0]) {
    case kSigBlock: signalMask_ |= *set; break;
    case kSigUnblock: signalMask_ &= ~*set; break;
    case kSigSetmask: signalMask_ = *set; break;
    default: return -EINVAL;
    }
    signalMask_ &= ~kUnblockable;
    return deliverPending();
}

SyscallResult LinuxProcess::sysKill(const SyscallArguments& args) {
    // 0 and -1 name every process the caller may signal: here, itself.
    const std::int32_t pid = args.integer(0);
    if (pid != 0 && pid != -1 && static_cast<std::uint64_t>(pid) != processId()) return -ESRCH;
    return sendSignal(args.integer(1));
}

SyscallResult LinuxProcess::sysTkill(const SyscallArguments& args) {
    if (static_cast<std::uint64_t>(args.integer(0)) != processId()) return -ESRCH;
    return sendSignal(args.integer(1));
}

SyscallResult LinuxProcess::sysTgkill(const SyscallArguments& args) {
    if (static_cast<std::uint64_t>(args.integer(0)) != processId() ||
        static_cast<std::uint64_t>(args.integer(1)) != processId()) {
        return -ESRCH;
    }
    return sendSignal(args.integer(2));
}

// --- limits ----------------------------------------------------------------------------------

SyscallResult LinuxProcess::sysPrlimit64(const SyscallArguments& args) {
    const std::int32_t pid = args.integer(0);
    if (pid != 0 && static_cast<std::uint64_t>(pid) != processId()) return -ESRCH;
    const std::uint64_t resource = static_cast<std::uint32_t>(args[1]);
    if (resource >= kRlimitCount) return -EINVAL;
    std::optional<std::array<std::uint64_t, 2>> next;
    if (args[2] != 0) {
        next = memory().readValue<std::array<std::uint64_t, 2>>(args[2]);
        if (!next) return -EFAULT;
        if ((*next)[0] > (*next)[1]) return -EINVAL;
    }
    // struct rlimit64: two 64-bit words on both ABIs.
    if (args[3] != 0 && !memory().writeValue(args[3], limits_[resource])) return -EFAULT;
    if (next) limits_[resource] = *next;
    return 0;
}

SyscallResult LinuxProcess::sysGetrlimit(const SyscallArguments& args) {
    SyscallArguments prlimit;
    prlimit.values = {0, args[0], 0, args[1]};
    return sysPrlimit64(prlimit);
}

SyscallResult LinuxProcess::sysSetrlimit(const SyscallArguments& args) {
    SyscallArguments prlimit;
    prlimit.values = {0, args[0], args[1], 0};
    return sysPrlimit64(prlimit);
}

// --- threads ---------------------------------------------------------------------------------

SyscallResult LinuxProcess::sysFutex(const SyscallArguments& args) {
    const std::uint64_t command = args[1] & kFutexCommandMask;
    if (command == kFutexWake || command == kFutexWakeBitset) return 0;  // nobody waits
    if (command != kFutexWait && command != kFutexWaitBitset) {
        // Requeueing and priority inheritance concern other threads.
        report("futex operation " + std::to_string(command) + " is not supported: answered ENOSYS");
        return -ENOSYS;
    }
    const auto value = memory().readValue<std::uint32_t>(args[0]);
    if (!value) return -EFAULT;
    if (*value != static_cast<std::uint32_t>(args[2])) return -EAGAIN;
    // No other thread can change the word or wake the waiter: a timed wait
    // times out, an untimed one waits for ever, as it would on Linux.
    if (args[3] != 0) return -ETIMEDOUT;
    report("the program waits on a futex that no other thread can wake");
    return SyscallResult::wait();
}

SyscallResult LinuxProcess::sysFutexTime64(const SyscallArguments& args) { return sysFutex(args); }

SyscallResult LinuxProcess::sysSchedYield(const SyscallArguments&) { return 0; }

// --- time ----------------------------------------------------------------------------------------

std::optional<std::int64_t> LinuxProcess::clockNanoseconds(std::int64_t clock) const {
    if (options_.deterministic) {
        // Time follows the instruction count through mtime, as the
        // hart's own time CSR does.
        const auto elapsed = static_cast<std::int64_t>(machine_->mtime()) * kNanosecondsPerTick;
        if (clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE || clock == CLOCK_TAI) {
            return kDeterministicEpochSeconds * kNanosecondsPerSecond + elapsed;
        }
        if (clock >= 0 && clock <= CLOCK_BOOTTIME) return elapsed;
        return std::nullopt;
    }
    if (clock < 0) return std::nullopt;  // another process's CPU clock
    timespec now{};
    if (::clock_gettime(static_cast<clockid_t>(clock), &now) != 0) return std::nullopt;
    return now.tv_sec * kNanosecondsPerSecond + now.tv_nsec;
}

SyscallResult LinuxProcess::sysClockGettime(const SyscallArguments& args) {
    const auto now = clockNanoseconds(args.integer(0));
    if (!now) return -EINVAL;
    const Timespec value{*now / kNanosecondsPerSecond, *now % kNanosecondsPerSecond};
    return memory().writeValue(args[1], value) ? 0 : -EFAULT;
}

SyscallResult LinuxProcess::sysClockGettime64(const SyscallArguments& args) { return sysClockGettime(args); }

SyscallResult LinuxProcess::sysClockGetres(const SyscallArguments& args) {
    if (!clockNanoseconds(args.integer(0))) return -EINVAL;
    const Timespec resolution{0, options_.deterministic ? kNanosecondsPerTick : 1};
    if (args[1] == 0) return 0;
    return memory().writeValue(args[1], resolution) ? 0 : -EFAULT;
}

SyscallResult LinuxProcess::sysClockGetresTime64(const SyscallArguments& args) { return sysClockGetres(args); }

SyscallResult LinuxProcess::sysGettimeofday(const SyscallArguments& args) {
    const auto now = clockNanoseconds(CLOCK_REALTIME);
    if (args[0] != 0) {
        const Timespec value{*now / kNanosecondsPerSecond, (*now % kNanosecondsPerSecond) / 1000};
        if (!memory().writeValue(args[0], value)) return -EFAULT;
    }
    // The obsolete struct timezone: reported as UTC.
    if (args[1] != 0 && !memory().writeValue(args[1], std::array<std::int32_t, 2>{})) return -EFAULT;
    return 0;
}

SyscallResult LinuxProcess::sleepFor(std::int64_t nanoseconds) {
    // A deterministic run does not wait: its clock moves with the
    // instructions, not with the host's time.
    if (nanoseconds <= 0 || options_.deterministic) return 0;
    timespec request{nanoseconds / kNanosecondsPerSecond, nanoseconds % kNanosecondsPerSecond};
    while (::nanosleep(&request, &request) != 0 && errno == EINTR) {
    }
    return 0;
}

SyscallResult LinuxProcess::sysNanosleep(const SyscallArguments& args) {
    const auto request = memory().readValue<Timespec>(args[0]);
    if (!request) return -EFAULT;
    if (request->seconds < 0 || request->nanoseconds < 0 || request->nanoseconds >= kNanosecondsPerSecond) {
        return -EINVAL;
    }
    if (args[1] != 0 && !memory().writeValue(args[1], Timespec{})) return -EFAULT;
    return sleepFor(request->seconds * kNanosecondsPerSecond + request->nanoseconds);
}

SyscallResult LinuxProcess::sysClockNanosleep(const SyscallArguments& args) {
    const auto now = clockNanoseconds(args.integer(0));
    if (!now) return -EINVAL;
    const auto request = memory().readValue<Timespec>(args[2]);
    if (!request) return -EFAULT;
    if (request->seconds < 0 || request->nanoseconds < 0 || request->nanoseconds >= kNanosecondsPerSecond) {
        return -EINVAL;
    }
    const std::int64_t asked = request->seconds * kNanosecondsPerSecond + request->nanoseconds;
    return sleepFor((args[1] & TIMER_ABSTIME) != 0 ? asked - *now : asked);
}

SyscallResult LinuxProcess::sysClockNanosleepTime64(const SyscallArguments& args) { return sysClockNanosleep(args); }

// --- the machine ------------------------------------------------------------------------------------

SyscallResult LinuxProcess::sysGetrandom(const SyscallArguments& args) {
    if ((args[2] & ~(kGrndNonblock | kGrndRandom | kGrndInsecure)) != 0) return -EINVAL;
    const std::uint64_t length = std::min(args[1], kMaxReadWrite);
    std::uint8_t* destination = memory().bytes(args[0], length);
    if (destination == nullptr) return -EFAULT;
    fillRandom(std::span(destination, length));
    memory().changed(args[0], length);
    return static_cast<std::int64_t>(length);
}

SyscallResult LinuxProcess::sysRiscvHwprobe(const SyscallArguments& args) {
    if (args[4] != 0) return -EINVAL;
    // Each pair is {s64 key, u64 value}; a key this hart cannot answer
    // becomes -1 (Documentation/arch/riscv/hwprobe.rst).
    for (std::uint64_t i = 0; i < args[1]; ++i) {
        const std::uint64_t pair = args[0] + i * 16;
        const auto key = memory().readValue<std::int64_t>(pair);
        if (!key) return -EFAULT;
        std::int64_t answeredKey = *key;
        std::uint64_t value = 0;
        switch (*key) {
        case kHwprobeMvendorid: case kHwprobeMarchid: case kHwprobeMimpid: break;
        case kHwprobeBaseBehavior: value = kHwprobeBaseBehaviorIma; break;
        case kHwprobeImaExt0: value = kHwprobeImaFd | kHwprobeImaC; break;
        default: answeredKey = -1; break;
        }
        if (!memory().writeValue(pair, std::array<std::uint64_t, 2>{static_cast<std::uint64_t>(answeredKey), value})) {
            return -EFAULT;
        }
    }
    return 0;
}

// Stores into translated code already dropped the stale translations when
// they happened, so instruction fetch is coherent without doing anything.
SyscallResult LinuxProcess::sysRiscvFlushIcache(const SyscallArguments&) { return 0; }

}  // namespace glasshart
