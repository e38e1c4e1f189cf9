#include "fpu/Conversion.h"

#include "fpu/Rounding.h"
#include "fpu/Unpacked.h"

namespace glasshart::fpu {
namespace {

struct IntegerRange {
    Wide maxPositive;  // largest magnitude of a positive result
    Wide maxNegative;  // largest magnitude of a negative result
};

std::uint64_t widthMask(unsigned width) { return width == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << width) - 1; }

FpResult toInteger(FloatFormat format, std::uint64_t a, unsigned width, bool isSigned, RoundingMode mode) {
    const IntegerRange range = isSigned ? IntegerRange{(Wide{1} << (width - 1)) - 1, Wide{1} << (width - 1)}
                                        : IntegerRange{(Wide{1} << width) - 1, 0};
    const std::uint64_t mask = widthMask(width);
    // Table 11.4: NaN and +inf give the largest value, -inf the smallest.
    auto saturated = [&](bool negative) {
        const std::uint64_t value =
            negative ? static_cast<std::uint64_t>(0 - range.maxNegative) : static_cast<std::uint64_t>(range.maxPositive);
        return FpResult{value & mask, kInvalid};
    };
    const FloatClass c = classify(format, a);
    if (isNan(c)) return saturated(false);
    const bool negative = isNegative(format, a);
    if (c == FloatClass::Infinity) return saturated(negative);
    if (c == FloatClass::Zero) return {0, 0};
    const Finite x = unpackFinite(format, a);
    // 2^64 and above is out of range for every width; below it the
    // significand shifted into place fits easily.
    if (x.exponent + highestBit(x.significand) >= 64) return saturated(negative);
    const RoundedInteger r = roundShifted(x.significand, -x.exponent, negative, mode);
    if (r.value > (negative ? range.maxNegative : range.maxPositive)) return saturated(negative);
    const auto magnitude = static_cast<std::uint64_t>(r.value);
    return {(negative ? 0 - magnitude : magnitude) & mask, static_cast<std::uint8_t>(r.inexact ? kInexact : 0)};
}

FpResult fromInteger(FloatFormat format, bool negative, std::uint64_t magnitude, RoundingMode mode) {
    if (magnitude == 0) return {format.zero(false), 0};
    FpResult result;
    result.bits = roundToFormat(format, Finite{negative, 0, magnitude}, mode, result.flags);
    return result;
}

}  // namespace

FpResult toSignedInteger(FloatFormat format, std::uint64_t a, unsigned width, RoundingMode mode) {
    return toInteger(format, a, width, true, mode);
}

FpResult toUnsignedInteger(FloatFormat format, std::uint64_t a, unsigned width, RoundingMode mode) {
    return toInteger(format, a, width, false, mode);
}

FpResult fromSignedInteger(FloatFormat format, std::int64_t value, RoundingMode mode) {
    const auto bits = static_cast<std::uint64_t>(value);
    return fromInteger(format, value < 0, value < 0 ? 0 - bits : bits, mode);
}

FpResult fromUnsignedInteger(FloatFormat format, std::uint64_t value, RoundingMode mode) {
    return fromInteger(format, false, value, mode);
}

FpResult convertFormat(FloatFormat from, FloatFormat to, std::uint64_t a, RoundingMode mode) {
    const FloatClass c = classify(from, a);
    const bool negative = isNegative(from, a);
    switch (c) {
    case FloatClass::SignalingNaN: return {to.canonicalNan(), kInvalid};
    case FloatClass::QuietNaN: return {to.canonicalNan(), 0};
    case FloatClass::Infinity: return {to.infinity(negative), 0};
    case FloatClass::Zero: return {to.zero(negative), 0};
    case FloatClass::Subnormal:
    case FloatClass::Normal: break;
    }
    FpResult result;
    result.bits = roundToFormat(to, unpackFinite(from, a), mode, result.flags);
    return result;
}

}  // namespace glasshart::fpu
