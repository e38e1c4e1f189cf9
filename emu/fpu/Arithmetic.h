#pragma once
// The computational instructions of F and D (unprivileged ISA 11.6, 12.4):
// each result is the exact value rounded once under `mode`, with the IEEE
// 754 exception flags. NaN results are always the canonical NaN (11.3).
// Operands and results are in the format's low bits (singles not boxed).

#include <cstdint>

#include "fpu/FloatFormat.h"

namespace glasshart::fpu {

[[nodiscard]] FpResult add(FloatFormat format, std::uint64_t a, std::uint64_t b, RoundingMode mode);
[[nodiscard]] FpResult subtract(FloatFormat format, std::uint64_t a, std::uint64_t b, RoundingMode mode);
[[nodiscard]] FpResult multiply(FloatFormat format, std::uint64_t a, std::uint64_t b, RoundingMode mode);
[[nodiscard]] FpResult divide(FloatFormat format, std::uint64_t a, std::uint64_t b, RoundingMode mode);
[[nodiscard]] FpResult squareRoot(FloatFormat format, std::uint64_t a, RoundingMode mode);

// The fused forms (11.6): (±(a * b)) ± c with a single rounding.
// fmadd: a*b + c; fmsub: a*b - c; fnmsub: -(a*b) + c; fnmadd: -(a*b) - c.
enum class FusedKind : std::uint8_t { MultiplyAdd, MultiplySubtract, NegatedMultiplySubtract, NegatedMultiplyAdd };
[[nodiscard]] FpResult fusedMultiplyAdd(FloatFormat format, FusedKind kind, std::uint64_t a, std::uint64_t b,
                                        std::uint64_t c, RoundingMode mode);

}  // namespace glasshart::fpu
