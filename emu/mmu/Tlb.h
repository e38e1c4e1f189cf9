#pragma once

#include <array>
#include <cstdint>

#include "mmu/PagingMode.h"

namespace glasshart {

// One 4 KiB page of a software TLB, laid out for translated code's inline
// probe: a load hits when (address & ~0xfff) equals readTag, a store when it
// equals writeTag. Only RAM pages are entered, so a hit can go straight to
// host memory at address + hostAddend.
struct TlbEntry {
    std::uint64_t readTag;        // for the fetch TLB: executable
    std::uint64_t writeTag;
    std::uint64_t hostAddend;
    std::uint64_t physicalAddend;  // physical address = address + physicalAddend
};

// A direct-mapped TLB for one access context (privilege, SUM).
struct Tlb {
    static constexpr unsigned kIndexBits = 8;
    static constexpr std::size_t kEntries = std::size_t{1} << kIndexBits;
    // No masked address equals it: masking keeps bits 11:3 clear.
    static constexpr std::uint64_t kEmptyTag = ~0ull;
    static constexpr TlbEntry kEmptyEntry{kEmptyTag, kEmptyTag, 0, 0};

    std::array<TlbEntry, kEntries> entries;
    bool filled = false;  // since the last clear: an untouched TLB costs nothing to flush

    Tlb() { entries.fill(kEmptyEntry); }
    void clear() {
        if (filled) entries.fill(kEmptyEntry);
        filled = false;
    }
    [[nodiscard]] static std::size_t indexOf(std::uint64_t address) {
        return (address >> kPageShift) & (kEntries - 1);
    }
    [[nodiscard]] const TlbEntry& entryFor(std::uint64_t address) const { return entries[indexOf(address)]; }
    void fill(std::uint64_t address, const TlbEntry& entry) {
        entries[indexOf(address)] = entry;
        filled = true;
    }
};

static_assert(sizeof(TlbEntry) == 32, "translated code scales the TLB index by 32");

}  // namespace glasshart
