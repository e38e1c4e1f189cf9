// LinuxProcess: the system calls on files and descriptors.

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "linux/LinuxProcess.h"

namespace glasshart {
namespace {

using namespace linux_abi;

// Open flags, *at() flags and terminal requests go to the host unchanged:
// x86-64 and RISC-V share the generic values.
static_assert(O_CREAT == kOpenCreate && O_TRUNC == kOpenTruncate && O_APPEND == kOpenAppend &&
              O_DIRECTORY == kOpenDirectory && O_NOFOLLOW == kOpenNoFollow && O_CLOEXEC == kOpenCloseOnExec &&
              O_PATH == kOpenPath && (O_TMPFILE & kOpenTmpfile) != 0);
static_assert(AT_SYMLINK_NOFOLLOW == kAtSymlinkNofollow && AT_EMPTY_PATH == kAtEmptyPath &&
              AT_REMOVEDIR == kAtRemovedir && AT_EACCESS == kAtEaccess && AT_FDCWD == kAtFdcwd);
static_assert(TCGETS == kTcgets && TCSETS == kTcsets && TCSETSW == kTcsetsw && TCSETSF == kTcsetsf &&
              TIOCGWINSZ == kTiocgwinsz && TIOCGPGRP == kTiocgpgrp && FIONREAD == kFionread);
static_assert(sizeof(struct statx) == 256, "struct statx is the same on every architecture");

// The console looks like a pseudo-terminal (Unix 98 pty major 136).
constexpr std::uint64_t kConsoleDevice = 136u << 8;
constexpr std::uint32_t kConsoleMode = S_IFCHR | 0620;

Stat guestStat(const struct ::stat& host) {
    Stat guest{};
    guest.device = host.st_dev;
    guest.inode = host.st_ino;
    guest.mode = host.st_mode;
    guest.links = static_cast<std::uint32_t>(host.st_nlink);
    guest.user = host.st_uid;
    guest.group = host.st_gid;
    guest.specialDevice = host.st_rdev;
    guest.size = host.st_size;
    guest.blockSize = static_cast<std::int32_t>(host.st_blksize);
    guest.blocks = host.st_blocks;
    guest.accessSeconds = host.st_atim.tv_sec;
    guest.accessNanoseconds = static_cast<std::uint64_t>(host.st_atim.tv_nsec);
    guest.modifySeconds = host.st_mtim.tv_sec;
    guest.modifyNanoseconds = static_cast<std::uint64_t>(host.st_mtim.tv_nsec);
    guest.changeSeconds = host.st_ctim.tv_sec;
    guest.changeNanoseconds = static_cast<std::uint64_t>(host.st_ctim.tv_nsec);
    return guest;
}

struct ::stat consoleStat() {
    struct ::stat status{};
    status.st_mode = kConsoleMode;
    status.st_nlink = 1;
    status.st_uid = getuid();
    status.st_gid = getgid();
    status.st_rdev = kConsoleDevice;
    status.st_blksize = 1024;
    return status;
}

// A terminal in its usual cooked mode: line editing, echo, signals, output
// newlines as CR LF (termios(3)).
Termios cookedTermios() {
    Termios mode{};
    mode.inputFlags = ICRNL | IXON;
    mode.outputFlags = OPOST | ONLCR;
    mode.controlFlags = B38400 | CS8 | CREAD;
    mode.localFlags = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
    mode.controlCharacters[VINTR] = 003;
    mode.controlCharacters[VQUIT] = 034;
    mode.controlCharacters[VERASE] = 0177;
    mode.controlCharacters[VKILL] = 025;
    mode.controlCharacters[VEOF] = 004;
    mode.controlCharacters[VMIN] = 1;
    mode.controlCharacters[VSTART] = 021;
    mode.controlCharacters[VSTOP] = 023;
    mode.controlCharacters[VSUSP] = 032;
    return mode;
}

// One struct iovec of readv/writev.
struct IoPiece {
    std::uint64_t base;
    std::uint64_t length;
};

// The `count` iovecs at `address` (two words of `word` bytes each): 0, or
// EINVAL for too many or too much in all, EFAULT if the array itself is out
// of reach. The buffers are checked only as bytes move, as the kernel
// copies them: a bad one ends the transfer there.
int readIovecs(GuestMemory& guest, std::uint64_t address, std::uint64_t count, unsigned word,
               std::vector<IoPiece>& pieces) {
    if (count > kMaxIovecs) return -EINVAL;
    std::uint64_t total = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
        IoPiece piece{0, 0};
        if (!guest.read(address + i * 2 * word, std::span(reinterpret_cast<std::uint8_t*>(&piece.base), word)) ||
            !guest.read(address + (i * 2 + 1) * word, std::span(reinterpret_cast<std::uint8_t*>(&piece.length), word))) {
            return -EFAULT;
        }
        if (piece.length > kMaxReadWrite - total) return -EINVAL;
        pieces.push_back(piece);
        total += piece.length;
    }
    return 0;
}

// The pieces' bytes in order, up to the first piece out of reach.
std::vector<std::uint8_t> gather(GuestMemory& guest, const std::vector<IoPiece>& pieces, bool& fault) {
    std::vector<std::uint8_t> bytes;
    fault = false;
    for (const IoPiece& piece : pieces) {
        const std::uint8_t* source = guest.bytes(piece.base, piece.length);
        if (piece.length != 0 && source == nullptr) {
            fault = true;
            break;
        }
        bytes.insert(bytes.end(), source, source + piece.length);
    }
    return bytes;
}

// Spreads what readv read over its pieces, in order; how many bytes found
// a place before a piece out of reach.
std::size_t scatter(GuestMemory& guest, const std::vector<IoPiece>& pieces, std::span<const std::uint8_t> bytes) {
    std::size_t at = 0;
    for (const IoPiece& piece : pieces) {
        const std::size_t part = std::min<std::size_t>(bytes.size() - at, piece.length);
        if (part == 0) continue;
        std::uint8_t* destination = guest.bytes(piece.base, part);
        if (destination == nullptr) break;
        std::memcpy(destination, bytes.data() + at, part);
        guest.changed(piece.base, part);
        at += part;
    }
    return at;
}

template <typename Call>
ssize_t retryInterrupted(Call call) {
    for (;;) {
        const ssize_t result = call();
        if (result >= 0 || errno != EINTR) return result;
    }
}

}  // namespace

// --- paths and descriptors -------------------------------------------------------

std::optional<std::string> LinuxProcess::readPath(std::uint64_t address, int& error) {
    bool tooLong = false;
    auto path = memory().readString(address, kPathMax - 1, tooLong);
    if (!path) error = tooLong ? ENAMETOOLONG : EFAULT;
    return path;
}

LinuxProcess::Base LinuxProcess::baseFor(std::int64_t dirfd, std::string_view path) const {
    Base base;
    if (path.starts_with('/')) return base;  // an absolute path ignores the directory (openat(2))
    base.keep = static_cast<std::int32_t>(dirfd) == kAtFdcwd ? workingDirectory_ : files_.get(static_cast<std::int32_t>(dirfd));
    if (!base.keep) {
        base.error = EBADF;
    } else if (!base.keep->directory) {
        base.error = ENOTDIR;
    } else {
        base.ref = DirectoryRef{base.keep->host.get(), base.keep->guestPath};
    }
    return base;
}

SyscallResult LinuxProcess::installOpened(HostDescriptor descriptor, bool closeOnExec) {
    auto file = std::make_shared<OpenFile>();
    struct ::stat status{};
    file->directory = ::fstat(descriptor.get(), &status) == 0 && S_ISDIR(status.st_mode);
    if (file->directory) file->guestPath = fileSystem_.guestPathOf(descriptor.get());
    file->host = std::move(descriptor);
    return files_.install(std::move(file), closeOnExec);
}

SyscallResult LinuxProcess::sysOpenat(const SyscallArguments& args) {
    int error = 0;
    const auto path = readPath(args[1], error);
    if (!path) return -error;
    const Base base = baseFor(args.integer(0), *path);
    if (base.error != 0) return -base.error;
    const auto flags = static_cast<std::uint32_t>(args[2]);
    const auto mode = static_cast<std::uint32_t>(args[3]) & ~umask_ & 07777;
    OpenResult opened = fileSystem_.open(base.ref, *path, flags, mode);
    if (opened.error != 0) return -opened.error;
    return installOpened(std::move(opened.descriptor), (flags & kOpenCloseOnExec) != 0);
}

SyscallResult LinuxProcess::sysClose(const SyscallArguments& args) { return files_.close(args.integer(0)); }

SyscallResult LinuxProcess::sysDup(const SyscallArguments& args) {
    auto file = files_.get(args.integer(0));
    if (!file) return -EBADF;
    return files_.install(std::move(file), false);
}

SyscallResult LinuxProcess::sysDup3(const SyscallArguments& args) {
    const std::int32_t from = args.integer(0);
    const std::int32_t to = args.integer(1);
    if ((args[2] & ~std::uint64_t{kOpenCloseOnExec}) != 0) return -EINVAL;
    auto file = files_.get(from);
    if (!file || to < 0 || to >= FileTable::kMaxDescriptors) return -EBADF;
    if (from == to) return -EINVAL;
    files_.installAt(to, std::move(file), (args[2] & kOpenCloseOnExec) != 0);
    return to;
}

SyscallResult LinuxProcess::sysFcntl(const SyscallArguments& args) {
    const std::int32_t fd = args.integer(0);
    auto file = files_.get(fd);
    if (!file) return -EBADF;
    const std::uint64_t argument = args[2];
    switch (args.integer(1)) {
    case kFcntlDupfd:
    case kFcntlDupfdCloexec: {
        const auto lowest = static_cast<std::int32_t>(argument);
        if (lowest < 0 || lowest >= FileTable::kMaxDescriptors) return -EINVAL;
        return files_.install(std::move(file), args.integer(1) == kFcntlDupfdCloexec, lowest);
    }
    case kFcntlGetfd: return files_.closeOnExec(fd) ? kFdCloexec : 0;
    case kFcntlSetfd: files_.setCloseOnExec(fd, (argument & kFdCloexec) != 0); return 0;
    case kFcntlGetfl: {
        if (file->console) return O_RDWR;
        const int flags = ::fcntl(file->host.get(), F_GETFL);
        return flags >= 0 ? flags : -errno;
    }
    case kFcntlSetfl:
        if (file->console) return 0;
        return ::fcntl(file->host.get(), F_SETFL, static_cast<int>(argument)) == 0 ? 0 : -errno;
    default: return -EINVAL;  // record locks and the rest: not offered
    }
}

// --- reading and writing -----------------------------------------------------------

SyscallResult LinuxProcess::readBytes(OpenFile& file, std::span<std::uint8_t> into, std::optional<std::int64_t> offset) {
    if (file.console) {
        if (offset) return -ESPIPE;
        const auto typed = options_.console->read(into);
        if (!typed) return SyscallResult::wait();
        return static_cast<std::int64_t>(*typed);
    }
    const int fd = file.host.get();
    const ssize_t got = retryInterrupted(
        [&] { return offset ? ::pread(fd, into.data(), into.size(), *offset) : ::read(fd, into.data(), into.size()); });
    return got >= 0 ? got : -errno;
}

SyscallResult LinuxProcess::writeBytes(OpenFile& file, std::span<const std::uint8_t> from,
                                       std::optional<std::int64_t> offset) {
    if (file.console) {
        if (offset) return -ESPIPE;
        options_.console->write(from);
        return static_cast<std::int64_t>(from.size());
    }
    const int fd = file.host.get();
    const ssize_t put = retryInterrupted(
        [&] { return offset ? ::pwrite(fd, from.data(), from.size(), *offset) : ::write(fd, from.data(), from.size()); });
    if (put >= 0) return put;
    // A pipe with no reader: the writer gets SIGPIPE as well (pipe(7)).
    if (errno == EPIPE) {
        const SyscallResult signalled = sendSignal(kSigPipe);
        if (signalled.kind == SyscallResult::Kind::Exit) return signalled;
        return -EPIPE;
    }
    return -errno;
}

SyscallResult LinuxProcess::readInto(OpenFile& file, std::uint64_t buffer, std::uint64_t count,
                                     std::optional<std::int64_t> offset) {
    count = std::min(count, kMaxReadWrite);
    if (count == 0) return 0;
    std::uint8_t* destination = memory().bytes(buffer, count);
    if (destination == nullptr) return -EFAULT;
    const SyscallResult got = readBytes(file, std::span(destination, count), offset);
    if (got.kind == SyscallResult::Kind::Return && got.value > 0) memory().changed(buffer, static_cast<std::uint64_t>(got.value));
    return got;
}

SyscallResult LinuxProcess::writeFrom(OpenFile& file, std::uint64_t buffer, std::uint64_t count,
                                      std::optional<std::int64_t> offset) {
    count = std::min(count, kMaxReadWrite);
    if (count == 0) return 0;
    const std::uint8_t* source = memory().bytes(buffer, count);
    if (source == nullptr) return -EFAULT;
    return writeBytes(file, std::span(source, count), offset);
}

SyscallResult LinuxProcess::sysRead(const SyscallArguments& args) {
    const auto file = files_.get(args.integer(0));
    if (!file) return -EBADF;
    return readInto(*file, args[1], args[2], std::nullopt);
}

SyscallResult LinuxProcess::sysWrite(const SyscallArguments& args) {
    const auto file = files_.get(args.integer(0));
    if (!file) return -EBADF;
    return writeFrom(*file, args[1], args[2], std::nullopt);
}

SyscallResult LinuxProcess::sysPread64(const SyscallArguments& args) {
    const auto file = files_.get(args.integer(0));
    if (!file) return -EBADF;
    if (args.offset(3) < 0) return -EINVAL;
    return readInto(*file, args[1], args[2], args.offset(3));
}

SyscallResult LinuxProcess::sysPwrite64(const SyscallArguments& args) {
    const auto file = files_.get(args.integer(0));
    if (!file) return -EBADF;
    if (args.offset(3) < 0) return -EINVAL;
    return writeFrom(*file, args[1], args[2], args.offset(3));
}

SyscallResult LinuxProcess::vectored(const SyscallArguments& args, bool write) {
    const auto file = files_.get(args.integer(0));
    if (!file) return -EBADF;
    GuestMemory guest = memory();
    std::vector<IoPiece> pieces;
    const int error = readIovecs(guest, args[1], args[2], xlen() == Xlen::Rv64 ? 8 : 4, pieces);
    if (error != 0) return error;
    // The pieces go through one buffer and one call, so a write stays one
    // write (a pipe or terminal sees it whole).
    if (write) {
        bool fault = false;
        const std::vector<std::uint8_t> gathered = gather(guest, pieces, fault);
        if (gathered.empty()) return fault ? -EFAULT : 0;
        return writeBytes(*file, gathered, std::nullopt);
    }
    std::uint64_t total = 0;
    for (const IoPiece& piece : pieces) total += piece.length;
    if (total == 0) return 0;
    std::vector<std::uint8_t> buffer(total);
    const SyscallResult got = readBytes(*file, buffer, std::nullopt);
    if (got.kind != SyscallResult::Kind::Return || got.value <= 0) return got;
    const std::size_t placed = scatter(guest, pieces, std::span(buffer.data(), static_cast<std::size_t>(got.value)));
    return placed > 0 ? static_cast<std::int64_t>(placed) : -EFAULT;
}

SyscallResult LinuxProcess::sysReadv(const SyscallArguments& args) { return vectored(args, false); }
SyscallResult LinuxProcess::sysWritev(const SyscallArguments& args) { return vectored(args, true); }

SyscallResult LinuxProcess::sysLseek(const SyscallArguments& args) {
    const auto file = files_.get(args.integer(0));
    if (!file) return -EBADF;
    if (file->console) return -ESPIPE;
    if (xlen() == Xlen::Rv64) {
        const off_t position = ::lseek(file->host.get(), static_cast<off_t>(args[1]), args.integer(2));
        return position >= 0 ? position : -errno;
    }
    // RV32's llseek(fd, offset_high, offset_low, result, whence).
    const auto offset = static_cast<off_t>((args[1] << 32) | (args[2] & 0xffff'ffffull));
    const off_t position = ::lseek(file->host.get(), offset, args.integer(4));
    if (position < 0) return -errno;
    return memory().writeValue(args[3], static_cast<std::int64_t>(position)) ? 0 : -EFAULT;
}

SyscallResult LinuxProcess::sysGetdents64(const SyscallArguments& args) {
    const auto file = files_.get(args.integer(0));
    if (!file) return -EBADF;
    if (file->console) return -ENOTDIR;
    // struct linux_dirent64 has the same layout everywhere.
    const std::uint64_t count = std::min<std::uint64_t>(args[2], kMaxReadWrite);
    std::uint8_t* destination = memory().bytes(args[1], count);
    if (destination == nullptr) return -EFAULT;
    const long got = ::syscall(SYS_getdents64, file->host.get(), destination, count);
    if (got < 0) return -errno;
    memory().changed(args[1], static_cast<std::uint64_t>(got));
    return got;
}

SyscallResult LinuxProcess::sysFtruncate(const SyscallArguments& args) {
    const auto file = files_.get(args.integer(0));
    if (!file) return -EBADF;
    if (file->console) return -EINVAL;
    return ::ftruncate(file->host.get(), args.offset(1)) == 0 ? 0 : -errno;
}

SyscallResult LinuxProcess::sysFsync(const SyscallArguments& args) {
    const auto file = files_.get(args.integer(0));
    if (!file) return -EBADF;
    if (file->console) return 0;
    return ::fsync(file->host.get()) == 0 ? 0 : -errno;
}

SyscallResult LinuxProcess::sysFdatasync(const SyscallArguments& args) {
    const auto file = files_.get(args.integer(0));
    if (!file) return -EBADF;
    if (file->console) return 0;
    return ::fdatasync(file->host.get()) == 0 ? 0 : -errno;
}

// --- terminals -------------------------------------------------------------------------

SyscallResult LinuxProcess::consoleIoctl(std::uint64_t request, std::uint64_t argument) {
    switch (request) {
    case kTcgets: return memory().writeValue(argument, cookedTermios()) ? 0 : -EFAULT;
    case kTcsets: case kTcsetsw: case kTcsetsf: return 0;  // the window's terminal keeps its own mode
    case kTiocgwinsz: return memory().writeValue(argument, options_.console->windowSize()) ? 0 : -EFAULT;
    case kTiocgpgrp:
        return memory().writeValue(argument, static_cast<std::int32_t>(processId())) ? 0 : -EFAULT;
    default: return -ENOTTY;
    }
}

SyscallResult LinuxProcess::hostIoctl(int fd, std::uint64_t request, std::uint64_t argument) {
    // Only terminal requests, with the same structures on both sides.
    auto query = [&](auto value) -> SyscallResult {
        if (::ioctl(fd, request, &value) != 0) return -errno;
        return memory().writeValue(argument, value) ? 0 : -EFAULT;
    };
    switch (request) {
    case kTcgets: return query(Termios{});
    case kTiocgwinsz: return query(WindowSize{});
    case kTiocgpgrp: case kFionread: return query(std::int32_t{0});
    case kTcsets: case kTcsetsw: case kTcsetsf: {
        const auto mode = memory().readValue<Termios>(argument);
        if (!mode) return -EFAULT;
        return ::ioctl(fd, request, &*mode) == 0 ? 0 : -errno;
    }
    default: return -ENOTTY;
    }
}

SyscallResult LinuxProcess::sysIoctl(const SyscallArguments& args) {
    const auto file = files_.get(args.integer(0));
    if (!file) return -EBADF;
    const std::uint64_t request = static_cast<std::uint32_t>(args[1]);
    if (file->console) return consoleIoctl(request, args[2]);
    return hostIoctl(file->host.get(), request, args[2]);
}

// --- metadata -----------------------------------------------------------------------------

SyscallResult LinuxProcess::writeStat(std::uint64_t address, const struct ::stat& status) {
    return memory().writeValue(address, guestStat(status)) ? 0 : -EFAULT;
}

SyscallResult LinuxProcess::sysFstat(const SyscallArguments& args) {
    const auto file = files_.get(args.integer(0));
    if (!file) return -EBADF;
    if (file->console) return writeStat(args[1], consoleStat());
    struct ::stat status{};
    if (::fstat(file->host.get(), &status) != 0) return -errno;
    return writeStat(args[1], status);
}

SyscallResult LinuxProcess::statPath(std::int64_t dirfd, std::uint64_t pathAddress, std::uint64_t out,
                                     std::uint64_t flags) {
    if ((flags & ~std::uint64_t{kAtSymlinkNofollow | kAtEmptyPath | AT_NO_AUTOMOUNT}) != 0) return -EINVAL;
    int error = 0;
    const auto path = readPath(pathAddress, error);
    if (!path) return -error;
    if (path->empty() && (flags & kAtEmptyPath) != 0) {
        SyscallArguments descriptor;
        descriptor.values = {static_cast<std::uint64_t>(dirfd), out};
        if (static_cast<std::int32_t>(dirfd) == kAtFdcwd) {
            struct ::stat status{};
            return ::fstat(workingDirectory_->host.get(), &status) == 0 ? writeStat(out, status) : -errno;
        }
        return sysFstat(descriptor);
    }
    const Base base = baseFor(dirfd, *path);
    if (base.error != 0) return -base.error;
    struct ::stat status{};
    const int result = fileSystem_.stat(base.ref, *path, (flags & kAtSymlinkNofollow) == 0, status);
    return result == 0 ? writeStat(out, status) : result;
}

SyscallResult LinuxProcess::sysNewfstatat(const SyscallArguments& args) {
    return statPath(args.integer(0), args[1], args[2], args[3]);
}

SyscallResult LinuxProcess::sysStatx(const SyscallArguments& args) {
    const std::uint64_t flags = args[2];
    const auto mask = static_cast<unsigned>(args[3]);
    int error = 0;
    const auto path = readPath(args[1], error);
    if (!path) return -error;
    struct ::statx status{};
    if (path->empty() && (flags & kAtEmptyPath) != 0) {
        const auto file = static_cast<std::int32_t>(args[0]) == kAtFdcwd ? workingDirectory_ : files_.get(args.integer(0));
        if (!file) return -EBADF;
        if (file->console) {
            status.stx_mask = STATX_TYPE | STATX_MODE | STATX_NLINK | STATX_UID | STATX_GID;
            status.stx_mode = kConsoleMode;
            status.stx_nlink = 1;
            status.stx_uid = getuid();
            status.stx_gid = getgid();
            status.stx_rdev_major = kConsoleDevice >> 8;
            status.stx_blksize = 1024;
        } else if (::statx(file->host.get(), "", AT_EMPTY_PATH, mask, &status) != 0) {
            return -errno;
        }
    } else {
        const Base base = baseFor(args.integer(0), *path);
        if (base.error != 0) return -base.error;
        const int result = fileSystem_.statx(base.ref, *path, (flags & kAtSymlinkNofollow) == 0, mask, status);
        if (result != 0) return result;
    }
    return memory().writeValue(args[4], status) ? 0 : -EFAULT;
}

SyscallResult LinuxProcess::sysReadlinkat(const SyscallArguments& args) {
    int error = 0;
    const auto path = readPath(args[1], error);
    if (!path) return -error;
    const auto size = static_cast<std::int32_t>(args[3]);
    if (size <= 0) return -EINVAL;
    std::string target;
    if (*path == "/proc/self/exe") {
        // The program, not the emulator running it.
        target = options_.executablePath;
    } else {
        const Base base = baseFor(args.integer(0), *path);
        if (base.error != 0) return -base.error;
        const int result = fileSystem_.readLink(base.ref, *path, target);
        if (result != 0) return result;
    }
    const std::size_t length = std::min(target.size(), static_cast<std::size_t>(size));
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(target.data());
    return memory().write(args[2], std::span(bytes, length)) ? static_cast<std::int64_t>(length) : -EFAULT;
}

SyscallResult LinuxProcess::access(std::int64_t dirfd, std::uint64_t pathAddress, std::uint64_t mode,
                                   std::uint64_t flags) {
    if ((flags & ~std::uint64_t{kAtEaccess | kAtSymlinkNofollow | kAtEmptyPath}) != 0 || (mode & ~7ull) != 0) {
        return -EINVAL;
    }
    int error = 0;
    const auto path = readPath(pathAddress, error);
    if (!path) return -error;
    const Base base = baseFor(dirfd, *path);
    if (base.error != 0) return -base.error;
    return fileSystem_.access(base.ref, *path, static_cast<unsigned>(mode), (flags & kAtSymlinkNofollow) == 0,
                              (flags & kAtEaccess) != 0);
}

SyscallResult LinuxProcess::sysFaccessat(const SyscallArguments& args) {
    return access(args.integer(0), args[1], args[2], 0);
}

SyscallResult LinuxProcess::sysFaccessat2(const SyscallArguments& args) {
    return access(args.integer(0), args[1], args[2], args[3]);
}

// --- directories --------------------------------------------------------------------------

SyscallResult LinuxProcess::sysGetcwd(const SyscallArguments& args) {
    const std::string path = fileSystem_.confined() ? workingDirectory_->guestPath
                                                    : fileSystem_.guestPathOf(workingDirectory_->host.get());
    if (args[1] < path.size() + 1) return -ERANGE;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(path.c_str());
    // The kernel's getcwd returns the length with the NUL.
    return memory().write(args[0], std::span(bytes, path.size() + 1)) ? static_cast<std::int64_t>(path.size() + 1)
                                                                       : -EFAULT;
}

SyscallResult LinuxProcess::sysChdir(const SyscallArguments& args) {
    int error = 0;
    const auto path = readPath(args[0], error);
    if (!path) return -error;
    const Base base = baseFor(kAtFdcwd, *path);
    if (base.error != 0) return -base.error;
    OpenResult directory = fileSystem_.openDirectory(base.ref, *path);
    if (directory.error != 0) return -directory.error;
    auto file = std::make_shared<OpenFile>();
    file->directory = true;
    file->guestPath = fileSystem_.guestPathOf(directory.descriptor.get());
    file->host = std::move(directory.descriptor);
    workingDirectory_ = std::move(file);
    return 0;
}

SyscallResult LinuxProcess::sysFchdir(const SyscallArguments& args) {
    auto file = files_.get(args.integer(0));
    if (!file) return -EBADF;
    if (!file->directory) return -ENOTDIR;
    workingDirectory_ = std::move(file);
    return 0;
}

SyscallResult LinuxProcess::sysMkdirat(const SyscallArguments& args) {
    int error = 0;
    const auto path = readPath(args[1], error);
    if (!path) return -error;
    const Base base = baseFor(args.integer(0), *path);
    if (base.error != 0) return -base.error;
    return fileSystem_.makeDirectory(base.ref, *path, static_cast<std::uint32_t>(args[2]) & ~umask_ & 07777);
}

SyscallResult LinuxProcess::sysUnlinkat(const SyscallArguments& args) {
    if ((args[2] & ~std::uint64_t{kAtRemovedir}) != 0) return -EINVAL;
    int error = 0;
    const auto path = readPath(args[1], error);
    if (!path) return -error;
    const Base base = baseFor(args.integer(0), *path);
    if (base.error != 0) return -base.error;
    return fileSystem_.remove(base.ref, *path, (args[2] & kAtRemovedir) != 0);
}

SyscallResult LinuxProcess::sysRenameat2(const SyscallArguments& args) {
    int error = 0;
    const auto from = readPath(args[1], error);
    if (!from) return -error;
    const auto to = readPath(args[3], error);
    if (!to) return -error;
    const Base fromBase = baseFor(args.integer(0), *from);
    if (fromBase.error != 0) return -fromBase.error;
    const Base toBase = baseFor(args.integer(2), *to);
    if (toBase.error != 0) return -toBase.error;
    return fileSystem_.rename(fromBase.ref, *from, toBase.ref, *to, static_cast<unsigned>(args[4]));
}

SyscallResult LinuxProcess::sysUmask(const SyscallArguments& args) {
    const std::uint32_t previous = umask_;
    umask_ = static_cast<std::uint32_t>(args[0]) & 0777;
    return previous;
}

}  // namespace glasshart
