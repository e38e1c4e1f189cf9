#pragma once
// The page-based virtual-memory schemes a satp MODE can select (privileged
// spec 20211203, sections 4.3 to 4.5).

#include <cstdint>
#include <optional>

#include "isa/Instruction.h"

namespace glasshart {

struct PagingMode {
    unsigned levels;      // page-table depth
    unsigned pteBytes;    // size of one page-table entry
    unsigned vpnBits;     // virtual page number bits per level
    unsigned vaBits;      // significant virtual address bits
    std::uint64_t ppnMask;  // the PPN field of a PTE, after shifting out the 10 flag bits
};

inline constexpr unsigned kPageShift = 12;
inline constexpr std::uint64_t kPageSize = 1ull << kPageShift;

inline constexpr PagingMode kSv32{2, 4, 10, 32, (1ull << 22) - 1};
inline constexpr PagingMode kSv39{3, 8, 9, 39, (1ull << 44) - 1};
inline constexpr PagingMode kSv48{4, 8, 9, 48, (1ull << 44) - 1};

// The fields of satp (4.1.11): MODE, ASID and the root page table's PPN.
struct Satp {
    std::optional<PagingMode> mode;  // nullopt: Bare
    std::uint64_t rootPpn;
};

// Decodes satp for `xlen`. Writes of an unsupported MODE are ignored (satp
// is WARL), so decodeSatp only ever sees supported ones.
[[nodiscard]] Satp decodeSatp(std::uint64_t satp, Xlen xlen);
[[nodiscard]] bool isSupportedSatpMode(std::uint64_t satp, Xlen xlen);

}  // namespace glasshart
