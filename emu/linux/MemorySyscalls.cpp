// LinuxProcess: the system calls on the address space (mmap(2), brk(2)).

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "linux/LinuxProcess.h"
#include "mmu/PagingMode.h"

namespace glasshart {
namespace {

using namespace linux_abi;

static_assert(MAP_FIXED == kMapFixed && MAP_ANONYMOUS == kMapAnonymous && MAP_FIXED_NOREPLACE == kMapFixedNoreplace);

}  // namespace

void LinuxProcess::releaseMemory(std::uint64_t address, std::uint64_t length) {
    Ram& ram = machine_->bus().ram();
    if (!ram.contains(address, length)) return;
    ram.discard(address, length);
    machine_->memoryChanged(address, length);
}

SyscallResult LinuxProcess::sysBrk(const SyscallArguments& args) {
    return static_cast<std::int64_t>(processMemory_->setBreak(args[0]));
}

SyscallResult LinuxProcess::sysMmap(const SyscallArguments& args) {
    // RV32's mmap2 counts the offset in 4096-byte units.
    const std::uint64_t offset = xlen() == Xlen::Rv64 ? args[5] : args[5] << kMmap2OffsetShift;
    const std::uint64_t flags = args[3];
    const std::uint64_t type = flags & kMapType;
    if (type != kMapShared && type != kMapPrivate && type != kMapSharedValidate) return -EINVAL;
    if ((offset & (kPageSize - 1)) != 0) return -EINVAL;
    if ((flags & kMapAnonymous) != 0) return processMemory_->map(args[0], args[1], args[2], flags);
    return mapFile(args[0], args[1], args[2], flags, args.integer(4), static_cast<std::int64_t>(offset));
}

SyscallResult LinuxProcess::mapFile(std::uint64_t address, std::uint64_t length, std::uint64_t protection,
                                    std::uint64_t flags, std::int64_t fd, std::int64_t offset) {
    const auto file = files_.get(fd);
    if (!file) return -EBADF;
    if (file->console || file->directory) return -ENODEV;
    // The mapping is a copy of the file: a shared writable one could not
    // carry the program's stores back to the file.
    if ((flags & kMapType) != kMapPrivate && (protection & kProtWrite) != 0) {
        report("shared writable file mappings are not supported: mmap answered ENODEV");
        return -ENODEV;
    }
    const std::int64_t mapped = processMemory_->map(address, length, protection, flags);
    if (mapped < 0) return mapped;
    const auto start = static_cast<std::uint64_t>(mapped);
    std::uint8_t* destination = memory().bytes(start, length);
    std::uint64_t filled = 0;
    while (filled < length) {
        const ssize_t got = ::pread(file->host.get(), destination + filled, length - filled,
                                    offset + static_cast<std::int64_t>(filled));
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            processMemory_->unmap(start, length);
            return -errno;
        }
        if (got == 0) break;  // past the end of the file the pages stay zero
        filled += static_cast<std::uint64_t>(got);
    }
    memory().changed(start, filled);
    return mapped;
}

SyscallResult LinuxProcess::sysMunmap(const SyscallArguments& args) { return processMemory_->unmap(args[0], args[1]); }

SyscallResult LinuxProcess::sysMprotect(const SyscallArguments& args) {
    return processMemory_->protect(args[0], args[1], args[2]);
}

SyscallResult LinuxProcess::sysMremap(const SyscallArguments& args) {
    auto move = [this](std::uint64_t from, std::uint64_t to, std::uint64_t length) {
        Ram& ram = machine_->bus().ram();
        std::memmove(ram.at(to), ram.at(from), length);
        machine_->memoryChanged(to, length);
    };
    return processMemory_->remap(args[0], args[1], args[2], args[3], move);
}

SyscallResult LinuxProcess::sysMadvise(const SyscallArguments& args) {
    const std::uint64_t address = args[0];
    if ((address & (kPageSize - 1)) != 0) return -EINVAL;
    // MADV_DONTNEED and MADV_FREE let the kernel drop private anonymous
    // pages, which then read as zero; the rest is advice that may be ignored.
    if (args[2] == MADV_DONTNEED || args[2] == MADV_FREE) {
        const std::uint64_t length = (args[1] + kPageSize - 1) & ~(kPageSize - 1);
        if (!processMemory_->isMapped(address, length)) return -ENOMEM;
        releaseMemory(address, length);
    }
    return 0;
}

}  // namespace glasshart
