#pragma once
// The parts of the Linux user ABI on RISC-V that the process emulation
// speaks: numbers, flags and structure layouts a guest passes to system
// calls. RISC-V uses the kernel's generic ("asm-generic") definitions
// throughout, and so does x86-64 for errno values, open and mmap flags,
// signal numbers, termios and most of the rest; where the host's value is
// passed straight through, a static_assert in the .cpp that does so checks
// that the two agree.

#include <cstddef>
#include <cstdint>

namespace glasshart::linux_abi {

// --- files (include/uapi/asm-generic/fcntl.h) ------------------------------
inline constexpr std::int64_t kAtFdcwd = -100;
inline constexpr std::uint32_t kAtSymlinkNofollow = 0x100;
inline constexpr std::uint32_t kAtRemovedir = 0x200;
inline constexpr std::uint32_t kAtEaccess = 0x200;
inline constexpr std::uint32_t kAtEmptyPath = 0x1000;

inline constexpr std::uint32_t kOpenAccessMode = 03;
inline constexpr std::uint32_t kOpenReadOnly = 00;
inline constexpr std::uint32_t kOpenCreate = 0100;
inline constexpr std::uint32_t kOpenTruncate = 01000;
inline constexpr std::uint32_t kOpenAppend = 02000;
inline constexpr std::uint32_t kOpenDirectory = 0200000;
inline constexpr std::uint32_t kOpenNoFollow = 0400000;
inline constexpr std::uint32_t kOpenCloseOnExec = 02000000;
inline constexpr std::uint32_t kOpenPath = 010000000;
inline constexpr std::uint32_t kOpenTmpfile = 020000000;

inline constexpr unsigned kFcntlDupfd = 0;
inline constexpr unsigned kFcntlGetfd = 1;
inline constexpr unsigned kFcntlSetfd = 2;
inline constexpr unsigned kFcntlGetfl = 3;
inline constexpr unsigned kFcntlSetfl = 4;
inline constexpr unsigned kFcntlDupfdCloexec = 1030;
inline constexpr std::uint64_t kFdCloexec = 1;

// Most a single read or write moves (include/linux/fs.h MAX_RW_COUNT), and
// most iovecs readv/writev take (UIO_MAXIOV).
inline constexpr std::uint64_t kMaxReadWrite = 0x7fff'f000;
inline constexpr std::uint64_t kMaxIovecs = 1024;
// The longest path a system call reads, its NUL included (PATH_MAX).
inline constexpr std::size_t kPathMax = 4096;

// --- memory (include/uapi/asm-generic/mman-common.h) -----------------------
inline constexpr std::uint64_t kProtRead = 0x1;
inline constexpr std::uint64_t kProtWrite = 0x2;
inline constexpr std::uint64_t kProtExec = 0x4;
inline constexpr std::uint64_t kMapShared = 0x01;
inline constexpr std::uint64_t kMapPrivate = 0x02;
inline constexpr std::uint64_t kMapSharedValidate = 0x03;
inline constexpr std::uint64_t kMapType = 0x0f;
inline constexpr std::uint64_t kMapFixed = 0x10;
inline constexpr std::uint64_t kMapAnonymous = 0x20;
inline constexpr std::uint64_t kMapFixedNoreplace = 0x100000;
inline constexpr std::uint64_t kMremapMaymove = 1;
inline constexpr std::uint64_t kMremapFixed = 2;
// mmap2's offset is in units of 4096 bytes whatever the page size.
inline constexpr unsigned kMmap2OffsetShift = 12;

// --- process ---------------------------------------------------------------
// Signals (include/uapi/asm-generic/signal.h).
inline constexpr int kSigIll = 4;
inline constexpr int kSigTrap = 5;
inline constexpr int kSigAbrt = 6;
inline constexpr int kSigBus = 7;
inline constexpr int kSigKill = 9;
inline constexpr int kSigSegv = 11;
inline constexpr int kSigChld = 17;
inline constexpr int kSigCont = 18;
inline constexpr int kSigStop = 19;
inline constexpr int kSigTstp = 20;
inline constexpr int kSigTtou = 22;
inline constexpr int kSigPipe = 13;
inline constexpr int kSigUrg = 23;
inline constexpr int kSigWinch = 28;
inline constexpr int kSignalCount = 64;  // _NSIG
inline constexpr std::uint64_t kSigDefault = 0;  // SIG_DFL
inline constexpr std::uint64_t kSigIgnore = 1;   // SIG_IGN
// rt_sigprocmask's `how`.
inline constexpr std::uint64_t kSigBlock = 0;
inline constexpr std::uint64_t kSigUnblock = 1;
inline constexpr std::uint64_t kSigSetmask = 2;
// The kernel's sigset_t: one bit per signal, 64 signals.
inline constexpr std::uint64_t kSigsetSize = 8;

// Resource limits (include/uapi/asm-generic/resource.h).
inline constexpr unsigned kRlimitStack = 3;
inline constexpr unsigned kRlimitCount = 16;
inline constexpr std::uint64_t kRlimInfinity = ~std::uint64_t{0};

// futex operations (include/uapi/linux/futex.h).
inline constexpr std::uint64_t kFutexWait = 0;
inline constexpr std::uint64_t kFutexWake = 1;
inline constexpr std::uint64_t kFutexWaitBitset = 9;
inline constexpr std::uint64_t kFutexWakeBitset = 10;
inline constexpr std::uint64_t kFutexCommandMask = 0x7f;  // without FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME

// getrandom flags (include/uapi/linux/random.h).
inline constexpr std::uint64_t kGrndNonblock = 1;
inline constexpr std::uint64_t kGrndRandom = 2;
inline constexpr std::uint64_t kGrndInsecure = 4;

// --- terminals (include/uapi/asm-generic/ioctls.h, termbits.h) -------------
inline constexpr std::uint64_t kTcgets = 0x5401;
inline constexpr std::uint64_t kTcsets = 0x5402;
inline constexpr std::uint64_t kTcsetsw = 0x5403;
inline constexpr std::uint64_t kTcsetsf = 0x5404;
inline constexpr std::uint64_t kTiocgpgrp = 0x540f;
inline constexpr std::uint64_t kTiocgwinsz = 0x5413;
inline constexpr std::uint64_t kFionread = 0x541b;

// The kernel's struct termios (not glibc's, which is longer).
struct Termios {
    std::uint32_t inputFlags;
    std::uint32_t outputFlags;
    std::uint32_t controlFlags;
    std::uint32_t localFlags;
    std::uint8_t lineDiscipline;
    std::uint8_t controlCharacters[19];
};
static_assert(sizeof(Termios) == 36);

struct WindowSize {
    std::uint16_t rows;
    std::uint16_t columns;
    std::uint16_t xPixels;
    std::uint16_t yPixels;
};

// --- structures --------------------------------------------------------------
// The generic struct stat (include/uapi/asm-generic/stat.h) of RV64's
// fstat and newfstatat; x86-64 has a layout of its own.
struct Stat {
    std::uint64_t device;
    std::uint64_t inode;
    std::uint32_t mode;
    std::uint32_t links;
    std::uint32_t user;
    std::uint32_t group;
    std::uint64_t specialDevice;
    std::uint64_t padding1;
    std::int64_t size;
    std::int32_t blockSize;
    std::int32_t padding2;
    std::int64_t blocks;
    std::int64_t accessSeconds;
    std::uint64_t accessNanoseconds;
    std::int64_t modifySeconds;
    std::uint64_t modifyNanoseconds;
    std::int64_t changeSeconds;
    std::uint64_t changeNanoseconds;
    std::uint32_t unused4;
    std::uint32_t unused5;
};
static_assert(sizeof(Stat) == 128);

// struct new_utsname: six NUL-padded fields of 65 bytes.
inline constexpr unsigned kUtsFieldLength = 65;

// riscv_hwprobe keys (arch/riscv/include/uapi/asm/hwprobe.h).
inline constexpr std::int64_t kHwprobeMvendorid = 0;
inline constexpr std::int64_t kHwprobeMarchid = 1;
inline constexpr std::int64_t kHwprobeMimpid = 2;
inline constexpr std::int64_t kHwprobeBaseBehavior = 3;
inline constexpr std::int64_t kHwprobeImaExt0 = 4;
inline constexpr std::uint64_t kHwprobeBaseBehaviorIma = 1;
inline constexpr std::uint64_t kHwprobeImaFd = 1;
inline constexpr std::uint64_t kHwprobeImaC = 2;

}  // namespace glasshart::linux_abi
