#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>

namespace glasshart {

// The process's memory map as brk, mmap, munmap, mremap and mprotect see
// it (mmap(2), brk(2)): which page ranges are mapped, with what protection,
// and where the program break is. It decides addresses and answers errors;
// the caller moves bytes. Released pages go to `release`, which must make
// them read as zero when mapped again (anonymous memory starts zeroed).
//
// The hart does not consult it: an access to an unmapped page inside the
// address space window still succeeds, and protections are not enforced
// (see AddressSpace.h).
class ProcessMemory {
public:
    using Release = std::function<void(std::uint64_t address, std::uint64_t length)>;

    // Mappings may lie in [base, end); mmap without an address places them
    // as high as they fit below `mmapTop`, above the program break.
    ProcessMemory(std::uint64_t base, std::uint64_t end, std::uint64_t mmapTop, Release release);

    // What the program loader and the stack occupy. The program break
    // starts at the end of the program's last segment, page-aligned.
    void reserve(std::uint64_t address, std::uint64_t length, std::uint64_t protection);
    void setBreakStart(std::uint64_t address);

    // brk(2) as the kernel answers it: the new break, or the old one when
    // the request cannot be met (a request of 0 asks for the current break).
    std::uint64_t setBreak(std::uint64_t requested);
    [[nodiscard]] std::uint64_t currentBreak() const { return break_; }

    // The address of the new mapping, or a negative errno.
    std::int64_t map(std::uint64_t address, std::uint64_t length, std::uint64_t protection, std::uint64_t flags);
    // 0 or a negative errno.
    std::int64_t unmap(std::uint64_t address, std::uint64_t length);
    std::int64_t protect(std::uint64_t address, std::uint64_t length, std::uint64_t protection);
    // mremap: where the mapping now starts, or a negative errno. When it
    // moves, `move` is told to copy the old bytes before the old range is
    // released.
    using Move = std::function<void(std::uint64_t from, std::uint64_t to, std::uint64_t length)>;
    std::int64_t remap(std::uint64_t address, std::uint64_t oldLength, std::uint64_t newLength, std::uint64_t flags,
                       const Move& move);

    // Whether every page of [address, address + length) is mapped.
    [[nodiscard]] bool isMapped(std::uint64_t address, std::uint64_t length) const;

private:
    struct Region {
        std::uint64_t end;
        std::uint64_t protection;
    };
    [[nodiscard]] bool overlapsAny(std::uint64_t address, std::uint64_t end) const;
    [[nodiscard]] std::optional<std::uint64_t> findFree(std::uint64_t length) const;
    [[nodiscard]] bool fitsWindow(std::uint64_t address, std::uint64_t length) const;
    // Cuts the regions so that none straddles `address`.
    void split(std::uint64_t address);
    void remove(std::uint64_t address, std::uint64_t end);
    void insert(std::uint64_t address, std::uint64_t end, std::uint64_t protection);

    std::uint64_t base_;
    std::uint64_t end_;
    std::uint64_t mmapTop_;
    Release release_;
    std::map<std::uint64_t, Region> regions_;  // by start; never overlapping
    std::uint64_t breakStart_ = 0;
    std::uint64_t break_ = 0;
};

}  // namespace glasshart
