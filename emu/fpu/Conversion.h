#pragma once
// Conversions between the formats and to and from integers (unprivileged
// ISA 11.7, 12.5).

#include <cstdint>

#include "fpu/FloatFormat.h"

namespace glasshart::fpu {

// Float to a `width`-bit (32 or 64) signed or unsigned integer, rounded
// under `mode`. Out-of-range values and NaNs raise invalid and saturate as
// table 11.4 says; the result is the integer's `width`-bit pattern.
[[nodiscard]] FpResult toSignedInteger(FloatFormat format, std::uint64_t a, unsigned width, RoundingMode mode);
[[nodiscard]] FpResult toUnsignedInteger(FloatFormat format, std::uint64_t a, unsigned width, RoundingMode mode);

[[nodiscard]] FpResult fromSignedInteger(FloatFormat format, std::int64_t value, RoundingMode mode);
[[nodiscard]] FpResult fromUnsignedInteger(FloatFormat format, std::uint64_t value, RoundingMode mode);

// fcvt.s.d and fcvt.d.s: NaNs become the target's canonical NaN.
[[nodiscard]] FpResult convertFormat(FloatFormat from, FloatFormat to, std::uint64_t a, RoundingMode mode);

}  // namespace glasshart::fpu
