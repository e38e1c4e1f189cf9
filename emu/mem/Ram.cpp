#include "mem/Ram.h"

#include <sys/mman.h>

#include <algorithm>
#include <new>

namespace glasshart {

Ram::Ram(std::uint64_t base, std::uint64_t size)
    : base_(base), size_(size), watch_(((size + (1u << kPageShift) - 1) >> kPageShift) + 1, 0) {
    // An anonymous mapping: zero-filled, and only touched pages cost memory.
    void* mapping = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (mapping == MAP_FAILED) throw std::bad_alloc();
    bytes_ = static_cast<std::uint8_t*>(mapping);
}

Ram::~Ram() { munmap(bytes_, size_); }

void Ram::clear() {
    // Dropping the pages is faster than writing zeros over a large RAM.
    madvise(bytes_, size_, MADV_DONTNEED);
}

void Ram::discard(std::uint64_t address, std::uint64_t length) {
    constexpr std::uint64_t kPage = 1ull << kPageShift;
    const std::uint64_t first = (address - base_ + kPage - 1) & ~(kPage - 1);
    const std::uint64_t end = (address - base_ + length) & ~(kPage - 1);
    if (end > first) madvise(bytes_ + first, end - first, MADV_DONTNEED);
}

void Ram::unwatchAll(WatchReason reason) {
    for (std::uint8_t& flags : watch_) flags &= static_cast<std::uint8_t>(~reason);
}

}  // namespace glasshart
