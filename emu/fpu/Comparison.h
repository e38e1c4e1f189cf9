#pragma once
// Comparisons, minimum and maximum (unprivileged ISA 11.8, 12.6, with the
// 2.2 definition of fmin/fmax: IEEE 754-2019 minimumNumber/maximumNumber).

#include <cstdint>

#include "fpu/FloatFormat.h"

namespace glasshart::fpu {

// feq is a quiet comparison: only signaling NaNs raise invalid. flt and fle
// are signaling: any NaN raises invalid. A NaN operand makes all three 0.
// bits is 1 or 0.
[[nodiscard]] FpResult equal(FloatFormat format, std::uint64_t a, std::uint64_t b);
[[nodiscard]] FpResult less(FloatFormat format, std::uint64_t a, std::uint64_t b);
[[nodiscard]] FpResult lessOrEqual(FloatFormat format, std::uint64_t a, std::uint64_t b);

// -0 is less than +0; a single NaN operand gives the other operand, two
// give the canonical NaN; signaling NaNs raise invalid.
[[nodiscard]] FpResult minimum(FloatFormat format, std::uint64_t a, std::uint64_t b);
[[nodiscard]] FpResult maximum(FloatFormat format, std::uint64_t a, std::uint64_t b);

}  // namespace glasshart::fpu
