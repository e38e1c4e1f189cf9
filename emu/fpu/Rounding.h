#pragma once
// The one place results are rounded to a format or to an integer.
//
// Why software rounding rather than the host FPU: x86 has no
// round-to-nearest-ties-to-max-magnitude, propagates NaN payloads where
// RISC-V returns the canonical NaN, detects x87 tininess differently and
// lets the compiler move operations across rounding-mode changes. Instead
// every operation in emu/fpu computes its result exactly in integers (a
// significand of up to 127 bits and an exponent), or, where that is
// impossible (quotients, square roots, sums of very differently scaled
// operands), "rounded to odd": truncated with a 1 OR-ed into the lowest
// bit when anything non-zero was dropped. A value rounded to odd at two or
// more bits below the target precision rounds to the same result and the
// same flags as the exact value in every rounding mode, so one rounding
// function serves all operations and all five modes.

#include <cstdint>

#include "fpu/FloatFormat.h"
#include "fpu/Unpacked.h"

namespace glasshart::fpu {

// An integer rounded from value >> shift under a mode.
struct RoundedInteger {
    Wide value = 0;
    bool inexact = false;
};

// `significand` * 2^-shift rounded to an integer under `mode` (a negative
// shift multiplies exactly). `negative` is the sign of the whole number,
// which the directed modes need.
[[nodiscard]] RoundedInteger roundShifted(Wide significand, int shift, bool negative, RoundingMode mode);

// value rounded to `format` under `mode`, with overflow, underflow (tininess
// detected after rounding, as RISC-V requires: unprivileged ISA 11.2) and
// inexact raised into `flags`. value.significand must be non-zero and below
// 2^127, and either exact or rounded to odd at least two bits below the
// format's precision.
[[nodiscard]] std::uint64_t roundToFormat(FloatFormat format, const Finite& value, RoundingMode mode,
                                          std::uint8_t& flags);

// value >> shift, rounded to odd: the bits shifted out are remembered as a 1
// in the lowest bit.
[[nodiscard]] Wide shiftRightJamming(Wide value, int shift);

}  // namespace glasshart::fpu
