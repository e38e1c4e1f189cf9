#pragma once
// Singles in the 64-bit f registers of a hart with D (unprivileged ISA
// 12.2): written with the upper 32 bits all ones; a register that is not
// boxed that way reads, as a single, as the canonical NaN.

#include <cstdint>

#include "fpu/FloatFormat.h"

namespace glasshart::fpu {

inline constexpr std::uint64_t kBoxBits = 0xffff'ffff'0000'0000ull;

[[nodiscard]] constexpr std::uint64_t boxSingle(std::uint64_t single) {
    return kBoxBits | (single & 0xffff'ffffull);
}

[[nodiscard]] constexpr std::uint64_t unboxSingle(std::uint64_t reg) {
    return (reg & kBoxBits) == kBoxBits ? reg & 0xffff'ffffull : kSingle.canonicalNan();
}

}  // namespace glasshart::fpu
