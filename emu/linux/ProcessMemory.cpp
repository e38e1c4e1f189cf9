#include "linux/ProcessMemory.h"

#include <cerrno>
#include <iterator>

#include "linux/LinuxAbi.h"
#include "mmu/PagingMode.h"

namespace glasshart {
namespace {

using namespace linux_abi;

constexpr std::uint64_t kPageMask = kPageSize - 1;

bool pageAligned(std::uint64_t value) { return (value & kPageMask) == 0; }

// Rounds a length up to whole pages; nullopt if that overflows.
std::optional<std::uint64_t> pages(std::uint64_t length) {
    if (length > ~std::uint64_t{0} - kPageMask) return std::nullopt;
    return (length + kPageMask) & ~kPageMask;
}

std::uint64_t pageUp(std::uint64_t address) { return (address + kPageMask) & ~kPageMask; }

}  // namespace

ProcessMemory::ProcessMemory(std::uint64_t base, std::uint64_t end, std::uint64_t mmapTop, Release release)
    : base_(base), end_(end), mmapTop_(mmapTop), release_(std::move(release)) {}

void ProcessMemory::reserve(std::uint64_t address, std::uint64_t length, std::uint64_t protection) {
    const std::uint64_t start = address & ~kPageMask;
    insert(start, pageUp(address + length), protection);
}

void ProcessMemory::setBreakStart(std::uint64_t address) {
    breakStart_ = pageUp(address);
    break_ = breakStart_;
}

bool ProcessMemory::fitsWindow(std::uint64_t address, std::uint64_t length) const {
    return address >= base_ && length <= end_ - base_ && address - base_ <= (end_ - base_) - length;
}

bool ProcessMemory::overlapsAny(std::uint64_t address, std::uint64_t end) const {
    // Regions never overlap, so only the last one starting below `end` can
    // reach past `address`.
    auto it = regions_.lower_bound(end);
    if (it == regions_.begin()) return false;
    return std::prev(it)->second.end > address;
}

bool ProcessMemory::isMapped(std::uint64_t address, std::uint64_t length) const {
    const std::uint64_t end = address + length;
    std::uint64_t cursor = address;
    while (cursor < end) {
        if (cursor >= breakStart_ && cursor < pageUp(break_)) {
            cursor = pageUp(break_);
            continue;
        }
        auto it = regions_.upper_bound(cursor);
        if (it == regions_.begin()) return false;
        --it;
        if (it->second.end <= cursor) return false;
        cursor = it->second.end;
    }
    return true;
}

std::optional<std::uint64_t> ProcessMemory::findFree(std::uint64_t length) const {
    // Top-down, as Linux's default layout: the highest gap that fits,
    // between the program break and mmapTop.
    const std::uint64_t low = std::max(base_, pageUp(break_));
    std::uint64_t high = mmapTop_;
    for (auto it = regions_.rbegin(); it != regions_.rend(); ++it) {
        const std::uint64_t start = it->first;
        const std::uint64_t end = it->second.end;
        if (start >= high) continue;
        if (end < high && high - end >= length && high - length >= low) return high - length;
        high = start;
        if (high <= low) return std::nullopt;
    }
    if (high > low && high - low >= length) return high - length;
    return std::nullopt;
}

void ProcessMemory::split(std::uint64_t address) {
    auto it = regions_.upper_bound(address);
    if (it == regions_.begin()) return;
    --it;
    if (it->first == address || it->second.end <= address) return;
    regions_[address] = Region{it->second.end, it->second.protection};
    it->second.end = address;
}

void ProcessMemory::remove(std::uint64_t address, std::uint64_t end) {
    split(address);
    split(end);
    regions_.erase(regions_.lower_bound(address), regions_.lower_bound(end));
}

void ProcessMemory::insert(std::uint64_t address, std::uint64_t end, std::uint64_t protection) {
    remove(address, end);
    regions_[address] = Region{end, protection};
}

std::uint64_t ProcessMemory::setBreak(std::uint64_t requested) {
    if (requested < breakStart_) return break_;
    const std::uint64_t oldTop = pageUp(break_);
    const std::uint64_t newTop = pageUp(requested);
    if (newTop > oldTop) {
        if (newTop > end_ || newTop < requested || overlapsAny(oldTop, newTop)) return break_;
        release_(oldTop, newTop - oldTop);
    } else if (newTop < oldTop) {
        release_(newTop, oldTop - newTop);
    }
    break_ = requested;
    return break_;
}

std::int64_t ProcessMemory::map(std::uint64_t address, std::uint64_t length, std::uint64_t protection,
                                std::uint64_t flags) {
    const auto rounded = pages(length);
    if (length == 0) return -EINVAL;
    if (!rounded) return -ENOMEM;
    if ((flags & (kMapFixed | kMapFixedNoreplace)) != 0) {
        if (!pageAligned(address)) return -EINVAL;
        if (!fitsWindow(address, *rounded)) return -ENOMEM;
        if ((flags & kMapFixed) == 0 && overlapsAny(address, address + *rounded)) return -EEXIST;
    } else {
        // A hint is taken where the range is free; else the kernel chooses.
        const std::uint64_t hint = address & ~kPageMask;
        const bool hintFits = hint != 0 && fitsWindow(hint, *rounded) && hint >= pageUp(break_) &&
                              !overlapsAny(hint, hint + *rounded);
        const auto chosen = hintFits ? std::optional<std::uint64_t>(hint) : findFree(*rounded);
        if (!chosen) return -ENOMEM;
        address = *chosen;
    }
    insert(address, address + *rounded, protection);
    release_(address, *rounded);
    return static_cast<std::int64_t>(address);
}

std::int64_t ProcessMemory::unmap(std::uint64_t address, std::uint64_t length) {
    const auto rounded = pages(length);
    if (!pageAligned(address) || length == 0 || !rounded || !fitsWindow(address, *rounded)) return -EINVAL;
    remove(address, address + *rounded);
    release_(address, *rounded);
    return 0;
}

std::int64_t ProcessMemory::protect(std::uint64_t address, std::uint64_t length, std::uint64_t protection) {
    const auto rounded = pages(length);
    if (!pageAligned(address) || !rounded) return -EINVAL;
    if (*rounded == 0) return 0;
    if (!fitsWindow(address, *rounded) || !isMapped(address, *rounded)) return -ENOMEM;
    const std::uint64_t end = address + *rounded;
    split(address);
    split(end);
    for (auto it = regions_.lower_bound(address); it != regions_.end() && it->first < end; ++it) {
        it->second.protection = protection;
    }
    return 0;
}

std::int64_t ProcessMemory::remap(std::uint64_t address, std::uint64_t oldLength, std::uint64_t newLength,
                                  std::uint64_t flags, const Move& move) {
    // MREMAP_FIXED and MREMAP_DONTUNMAP are not offered: glibc's realloc
    // asks only for MREMAP_MAYMOVE.
    const auto oldSize = pages(oldLength);
    const auto newSize = pages(newLength);
    if (!pageAligned(address) || newLength == 0 || (flags & ~kMremapMaymove) != 0 || !oldSize || !newSize) {
        return -EINVAL;
    }
    if (*oldSize == 0 || !fitsWindow(address, *oldSize) || !isMapped(address, *oldSize)) return -EFAULT;
    if (*newSize <= *oldSize) {
        if (*newSize < *oldSize) unmap(address + *newSize, *oldSize - *newSize);
        return static_cast<std::int64_t>(address);
    }
    const auto last = std::prev(regions_.upper_bound(address + *oldSize - 1));
    const std::uint64_t protection = last->second.protection;
    const std::uint64_t oldEnd = address + *oldSize;
    if (fitsWindow(address, *newSize) && !overlapsAny(oldEnd, address + *newSize)) {
        insert(oldEnd, address + *newSize, protection);
        release_(oldEnd, *newSize - *oldSize);
        return static_cast<std::int64_t>(address);
    }
    if ((flags & kMremapMaymove) == 0) return -ENOMEM;
    const auto destination = findFree(*newSize);
    if (!destination) return -ENOMEM;
    insert(*destination, *destination + *newSize, protection);
    release_(*destination, *newSize);
    move(address, *destination, *oldSize);
    unmap(address, *oldSize);
    return static_cast<std::int64_t>(*destination);
}

}  // namespace glasshart
