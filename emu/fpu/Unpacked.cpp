#include "fpu/Unpacked.h"

#include <bit>

namespace glasshart::fpu {

FloatClass classify(FloatFormat format, std::uint64_t bits) {
    const std::uint64_t exponent = (bits >> format.fractionBits) & format.maxBiasedExponent();
    const std::uint64_t fraction = bits & format.fractionMask();
    if (exponent == format.maxBiasedExponent()) {
        if (fraction == 0) return FloatClass::Infinity;
        // The most significant fraction bit tells quiet from signaling (IEEE 754 6.2.1).
        return (fraction & format.quietBit()) != 0 ? FloatClass::QuietNaN : FloatClass::SignalingNaN;
    }
    if (exponent == 0) return fraction == 0 ? FloatClass::Zero : FloatClass::Subnormal;
    return FloatClass::Normal;
}

Finite unpackFinite(FloatFormat format, std::uint64_t bits) {
    const std::uint64_t biased = (bits >> format.fractionBits) & format.maxBiasedExponent();
    const std::uint64_t fraction = bits & format.fractionMask();
    Finite value;
    value.negative = isNegative(format, bits);
    // Subnormals have the exponent of the smallest normal but no implicit bit.
    const int exponent = biased == 0 ? format.minExponent() : static_cast<int>(biased) - format.bias();
    value.exponent = exponent - static_cast<int>(format.fractionBits);
    value.significand = biased == 0 ? fraction : fraction | (std::uint64_t{1} << format.fractionBits);
    return value;
}

int highestBit(Wide value) {
    const auto high = static_cast<std::uint64_t>(value >> 64);
    if (high != 0) return 127 - std::countl_zero(high);
    return 63 - std::countl_zero(static_cast<std::uint64_t>(value));
}

Finite normalizedTo(Finite value, int position) {
    const int shift = position - highestBit(value.significand);
    value.significand <<= shift;
    value.exponent -= shift;
    return value;
}

}  // namespace glasshart::fpu
