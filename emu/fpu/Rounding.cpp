#include "fpu/Rounding.h"

#include <algorithm>

namespace glasshart::fpu {

RoundedInteger roundShifted(Wide significand, int shift, bool negative, RoundingMode mode) {
    if (shift <= 0) return {significand << -shift, false};
    Wide kept = 0;
    Wide rest = significand;
    Wide half = 0;  // the weight of the first dropped bit; 0 stands for "more than rest"
    if (shift < 128) {
        kept = significand >> shift;
        rest = significand & ((Wide{1} << shift) - 1);
        half = Wide{1} << (shift - 1);
    }
    const bool inexact = rest != 0;
    const bool aboveHalf = half != 0 && rest > half;
    const bool atHalf = half != 0 && rest == half;
    bool up = false;
    switch (mode) {
    case RoundingMode::NearestEven: up = aboveHalf || (atHalf && (kept & 1) != 0); break;
    case RoundingMode::NearestMaxMagnitude: up = aboveHalf || atHalf; break;
    case RoundingMode::TowardZero: up = false; break;
    case RoundingMode::Down: up = inexact && negative; break;
    case RoundingMode::Up: up = inexact && !negative; break;
    }
    return {kept + (up ? 1 : 0), inexact};
}

namespace {

// Overflow delivers infinity or the largest finite number, by mode and sign
// (IEEE 754 7.4).
std::uint64_t overflowResult(FloatFormat format, bool negative, RoundingMode mode) {
    const bool toInfinity = mode == RoundingMode::NearestEven || mode == RoundingMode::NearestMaxMagnitude ||
                            (mode == RoundingMode::Up && !negative) || (mode == RoundingMode::Down && negative);
    return toInfinity ? format.infinity(negative) : format.largestFinite(negative);
}

}  // namespace

std::uint64_t roundToFormat(FloatFormat format, const Finite& value, RoundingMode mode, std::uint8_t& flags) {
    const int fractionBits = static_cast<int>(format.fractionBits);
    // The value lies in [2^binade, 2^(binade+1)).
    const int binade = value.exponent + highestBit(value.significand);
    // The weight of the result's last bit: fixed below the normal range.
    const int quantum = std::max(binade, format.minExponent()) - fractionBits;
    RoundedInteger rounded = roundShifted(value.significand, quantum - value.exponent, value.negative, mode);
    int resultQuantum = quantum;
    if ((rounded.value >> (fractionBits + 1)) != 0) {  // rounded up into the next binade
        rounded.value >>= 1;
        ++resultQuantum;
    }
    if (rounded.inexact) {
        flags |= kInexact;
        // Tiny after rounding: the result rounded with an unbounded exponent
        // range would lie below 2^emin. Only a value just below 2^emin can
        // round up to it. Underflow is raised when tiny and inexact (IEEE 754 7.5).
        bool tiny = binade < format.minExponent();
        if (binade == format.minExponent() - 1) {
            const RoundedInteger unbounded =
                roundShifted(value.significand, binade - fractionBits - value.exponent, value.negative, mode);
            tiny = (unbounded.value >> (fractionBits + 1)) == 0;
        }
        if (tiny) flags |= kUnderflow;
    }
    const std::uint64_t sign = format.zero(value.negative);
    const auto significand = static_cast<std::uint64_t>(rounded.value);
    if ((significand >> format.fractionBits) == 0) return sign | significand;  // subnormal or zero
    const auto biased = static_cast<std::uint64_t>(resultQuantum + fractionBits + format.bias());
    if (biased >= format.maxBiasedExponent()) {
        flags |= kOverflow | kInexact;
        return overflowResult(format, value.negative, mode);
    }
    return sign | (biased << format.fractionBits) | (significand & format.fractionMask());
}

Wide shiftRightJamming(Wide value, int shift) {
    if (shift <= 0) return value;
    if (shift >= 128) return value != 0 ? 1 : 0;
    const bool dropped = (value & ((Wide{1} << shift) - 1)) != 0;
    return (value >> shift) | (dropped ? 1 : 0);
}

}  // namespace glasshart::fpu
