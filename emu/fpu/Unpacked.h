#pragma once
// A floating-point value taken apart: its class and, for finite values, an
// exact integer significand and power-of-two exponent.

#include <cstdint>

#include "fpu/FloatFormat.h"

namespace glasshart::fpu {

using Wide = unsigned __int128;

enum class FloatClass : std::uint8_t { Zero, Subnormal, Normal, Infinity, QuietNaN, SignalingNaN };

[[nodiscard]] FloatClass classify(FloatFormat format, std::uint64_t bits);
[[nodiscard]] constexpr bool isNan(FloatClass c) { return c == FloatClass::QuietNaN || c == FloatClass::SignalingNaN; }
[[nodiscard]] constexpr bool isFiniteNonZero(FloatClass c) {
    return c == FloatClass::Subnormal || c == FloatClass::Normal;
}
[[nodiscard]] constexpr bool isNegative(FloatFormat format, std::uint64_t bits) {
    return (bits & format.signBit()) != 0;
}

// The number (-1)^negative * significand * 2^exponent. Operations build
// their exact result in this form before rounding it once.
struct Finite {
    bool negative = false;
    int exponent = 0;
    Wide significand = 0;
};

// A zero, subnormal or normal value exactly as a Finite (a zero has
// significand 0).
[[nodiscard]] Finite unpackFinite(FloatFormat format, std::uint64_t bits);

// Position of the most significant set bit of a non-zero value.
[[nodiscard]] int highestBit(Wide value);

// The same value with its most significant bit moved to `position`
// (exactly: only ever shifted left).
[[nodiscard]] Finite normalizedTo(Finite value, int position);

}  // namespace glasshart::fpu
