#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "linux/Console.h"
#include "linux/FileTable.h"
#include "linux/GuestFileSystem.h"
#include "linux/GuestMemory.h"
#include "linux/InitialStack.h"
#include "linux/ProcessMemory.h"
#include "machine/ElfImage.h"
#include "machine/UserEnvironment.h"

namespace glasshart {

// How a Linux process is started and what it may touch.
struct ProcessOptions {
    std::vector<std::string> arguments;    // argv; argv[0] as the program was named
    std::vector<std::string> environment;  // "NAME=value"
    std::string executablePath;            // what /proc/self/exe reads as
    FileAccessPolicy files;
    // Where standard input, output and error go: null for the host's own
    // descriptors 0, 1 and 2.
    std::shared_ptr<Console> console;
    // For comparing runs instruction by instruction (the two engines): the
    // same random bytes, a clock that follows the instruction count, and
    // fixed ids, host names and memory figures on every run.
    bool deterministic = false;
};

// One system call, as the system-call log shows it.
struct SyscallRecord {
    std::uint64_t number = 0;
    std::string_view name;  // empty for a number the ABI does not have
    std::array<std::uint64_t, 6> arguments{};
    std::int64_t result = 0;  // a value or -errno
    std::uint64_t pc = 0;
    bool handled = false;     // false: answered ENOSYS
};

// A system call's arguments a0..a5, as the handlers read them.
struct SyscallArguments {
    std::array<std::uint64_t, 6> values{};
    Xlen xlen = Xlen::Rv64;

    [[nodiscard]] std::uint64_t operator[](std::size_t index) const { return values[index]; }
    // An `int` parameter: the low 32 bits, signed.
    [[nodiscard]] std::int32_t integer(std::size_t index) const { return static_cast<std::int32_t>(values[index]); }
    // A 64-bit offset: one register on RV64, a low/high pair from `index` on RV32.
    [[nodiscard]] std::int64_t offset(std::size_t index) const {
        if (xlen == Xlen::Rv64) return static_cast<std::int64_t>(values[index]);
        return static_cast<std::int64_t>((values[index] & 0xffff'ffffull) | (values[index + 1] << 32));
    }
};

// What a handler decided: a value for a0 (a result or -errno), the end of
// the process, or that it waits for input and the ecall is retried later.
struct SyscallResult {
    enum class Kind : std::uint8_t { Return, Exit, Wait };
    Kind kind = Kind::Return;
    std::int64_t value = 0;  // Exit: the status a shell would see

    // Implicit, so that a handler can `return -EBADF;` or `return count;`.
    SyscallResult(std::int64_t result) : value(result) {}
    static SyscallResult exit(int status) { return SyscallResult(Kind::Exit, status); }
    static SyscallResult wait() { return SyscallResult(Kind::Wait, 0); }

private:
    SyscallResult(Kind k, std::int64_t v) : kind(k), value(v) {}
};

// A Linux process for a user-mode Machine: it loads a static ELF program
// as the kernel's ELF loader does (segments at their virtual addresses, the
// initial stack of InitialStack.h, the program break after the last
// segment), then answers its ecalls as Linux's system calls
// (Syscalls.def) and turns its faults into signals. Signals are delivered
// with their default action only: a program killed by one ends with status
// 128 + signal, as a shell reports it. One thread, no fork or exec.
class LinuxProcess final : public UserEnvironment {
public:
    // Throws ElfError if the program is not one user mode can run
    // (linuxProgramProblem()), and std::system_error if the root directory
    // cannot be opened.
    LinuxProcess(const ElfImage& program, ProcessOptions options);
    ~LinuxProcess() override;

    void start(Machine& machine) override;
    TrapOutcome handleTrap(Machine& machine, const Trap& trap) override;

    using SyscallObserver = std::function<void(const SyscallRecord&)>;
    void setSyscallObserver(SyscallObserver observer) { syscallObserver_ = std::move(observer); }
    // One-line reports for the user: an unsupported system call (once per
    // number), the signal that killed the program.
    using Diagnostics = std::function<void(const std::string& message)>;
    void setDiagnostics(Diagnostics diagnostics) { diagnostics_ = std::move(diagnostics); }

    // The signal that ended the program, once one has.
    [[nodiscard]] std::optional<int> terminatingSignal() const { return terminatingSignal_; }

private:
#define SYSCALL(number, name64, name32, Handler) SyscallResult sys##Handler(const SyscallArguments&);
#include "linux/Syscalls.def"

    // --- start-up (LinuxProcess.cpp) ---------------------------------------
    void resetState();
    void loadSegments();
    void buildStack();
    void enterUserMode();
    void openStandardStreams();
    [[nodiscard]] std::uint64_t loadBias() const;
    [[nodiscard]] std::vector<AuxiliaryEntry> auxiliaryVector() const;
    void fillRandom(std::span<std::uint8_t> bytes);

    // --- traps and signals (LinuxProcess.cpp) -------------------------------
    TrapOutcome systemCall();
    SyscallResult dispatch(std::uint64_t number, const SyscallArguments& args);
    SyscallResult unsupported(std::uint64_t number);
    // Ends the process as `signal`'s default action does; `why` says what raised it.
    SyscallResult kill(int signal, const std::string& why);
    // kill(2)/tgkill(2) aimed at this process.
    SyscallResult sendSignal(int signal);
    // Takes the action of every pending signal the mask no longer blocks.
    SyscallResult deliverPending();
    void report(const std::string& message) const;

    // --- files (FileSyscalls.cpp) ------------------------------------------
    // The directory a *at() call's paths are relative to, or -EBADF/-ENOTDIR.
    struct Base {
        int error = 0;
        std::shared_ptr<OpenFile> keep;  // holds the directory open during the call
        DirectoryRef ref{-1, {}};
    };
    [[nodiscard]] Base baseFor(std::int64_t dirfd, std::string_view path) const;
    // The path at `address`, or an errno (EFAULT, ENAMETOOLONG).
    [[nodiscard]] std::optional<std::string> readPath(std::uint64_t address, int& error);
    SyscallResult readBytes(OpenFile& file, std::span<std::uint8_t> into, std::optional<std::int64_t> offset);
    SyscallResult writeBytes(OpenFile& file, std::span<const std::uint8_t> from, std::optional<std::int64_t> offset);
    SyscallResult readInto(OpenFile& file, std::uint64_t buffer, std::uint64_t count,
                           std::optional<std::int64_t> offset);
    SyscallResult writeFrom(OpenFile& file, std::uint64_t buffer, std::uint64_t count,
                            std::optional<std::int64_t> offset);
    SyscallResult vectored(const SyscallArguments& args, bool write);
    SyscallResult writeStat(std::uint64_t address, const struct ::stat& status);
    SyscallResult statPath(std::int64_t dirfd, std::uint64_t pathAddress, std::uint64_t out, std::uint64_t flags);
    SyscallResult consoleIoctl(std::uint64_t request, std::uint64_t argument);
    SyscallResult hostIoctl(int fd, std::uint64_t request, std::uint64_t argument);
    SyscallResult installOpened(HostDescriptor descriptor, bool closeOnExec);
    SyscallResult access(std::int64_t dirfd, std::uint64_t pathAddress, std::uint64_t mode, std::uint64_t flags);

    // --- memory (MemorySyscalls.cpp) ----------------------------------------
    void releaseMemory(std::uint64_t address, std::uint64_t length);
    SyscallResult mapFile(std::uint64_t address, std::uint64_t length, std::uint64_t protection,
                          std::uint64_t flags, std::int64_t fd, std::int64_t offset);

    // --- time (ProcessSyscalls.cpp) -----------------------------------------
    // The clock `clock` (a clockid_t) in nanoseconds, or nullopt for an unknown clock.
    [[nodiscard]] std::optional<std::int64_t> clockNanoseconds(std::int64_t clock) const;
    SyscallResult sleepFor(std::int64_t nanoseconds);
    [[nodiscard]] std::uint64_t processId() const;

    [[nodiscard]] GuestMemory memory() { return GuestMemory(*machine_); }
    [[nodiscard]] Xlen xlen() const { return program_.xlen(); }
    [[nodiscard]] std::uint64_t truncate(std::uint64_t value) const;

    ElfImage program_;
    ProcessOptions options_;
    GuestFileSystem fileSystem_;
    Machine* machine_ = nullptr;
    SyscallObserver syscallObserver_;
    Diagnostics diagnostics_;

    // The process, as start() sets it up.
    std::optional<ProcessMemory> processMemory_;
    FileTable files_;
    std::shared_ptr<OpenFile> workingDirectory_;
    struct SignalAction {
        std::uint64_t handler = 0;  // SIG_DFL, SIG_IGN or an address
        std::uint64_t flags = 0;
        std::uint64_t mask = 0;
    };
    std::array<SignalAction, linux_abi::kSignalCount + 1> signalActions_{};
    std::uint64_t signalMask_ = 0;
    std::uint64_t pendingSignals_ = 0;  // sent while blocked
    std::uint32_t umask_ = 022;
    std::uint64_t clearChildTid_ = 0;
    std::array<std::array<std::uint64_t, 2>, linux_abi::kRlimitCount> limits_{};
    std::uint64_t randomState_ = 0;  // deterministic runs
    std::set<std::uint64_t> reportedUnsupported_;
    std::optional<int> terminatingSignal_;
};

}  // namespace glasshart
