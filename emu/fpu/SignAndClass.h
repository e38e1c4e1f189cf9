#pragma once
// The bit-level operations: sign injection and fclass (unprivileged ISA
// 11.6, 11.9). Neither looks at NaNs nor raises a flag.

#include <cstdint>

#include "fpu/FloatFormat.h"

namespace glasshart::fpu {

enum class SignInjection : std::uint8_t { Copy, Negate, Xor };  // fsgnj, fsgnjn, fsgnjx

// a's exponent and fraction with the sign made from b's (and a's, for Xor).
[[nodiscard]] std::uint64_t injectSign(FloatFormat format, SignInjection kind, std::uint64_t a, std::uint64_t b);

// The fclass mask (table 11.5): exactly one of bits 0-9 set.
[[nodiscard]] std::uint64_t classMask(FloatFormat format, std::uint64_t a);

}  // namespace glasshart::fpu
