#include "mmu/PagingMode.h"

namespace glasshart {
namespace {

// satp.MODE values on RV64 (table 4.4): 0 Bare, 8 Sv39, 9 Sv48.
constexpr std::uint64_t kModeBare = 0;
constexpr std::uint64_t kModeSv39 = 8;
constexpr std::uint64_t kModeSv48 = 9;

std::uint64_t modeField(std::uint64_t satp, Xlen xlen) {
    return xlen == Xlen::Rv32 ? (satp >> 31) & 1 : satp >> 60;
}

}  // namespace

bool isSupportedSatpMode(std::uint64_t satp, Xlen xlen) {
    const std::uint64_t mode = modeField(satp, xlen);
    if (xlen == Xlen::Rv32) return true;  // the one-bit field has Bare and Sv32 only
    return mode == kModeBare || mode == kModeSv39 || mode == kModeSv48;
}

Satp decodeSatp(std::uint64_t satp, Xlen xlen) {
    const std::uint64_t mode = modeField(satp, xlen);
    if (xlen == Xlen::Rv32) {
        return Satp{mode == 1 ? std::optional(kSv32) : std::nullopt, satp & ((1ull << 22) - 1)};
    }
    const std::uint64_t ppn = satp & ((1ull << 44) - 1);
    if (mode == kModeSv39) return Satp{kSv39, ppn};
    if (mode == kModeSv48) return Satp{kSv48, ppn};
    return Satp{std::nullopt, ppn};
}

}  // namespace glasshart
