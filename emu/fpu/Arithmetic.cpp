#include "fpu/Arithmetic.h"

#include <initializer_list>
#include <optional>
#include <utility>

#include "fpu/Rounding.h"
#include "fpu/Unpacked.h"

namespace glasshart::fpu {
namespace {

// Where sums are aligned: high enough that a 106-bit product keeps 19 zero
// bits below it and the sum still fits in 127 bits.
constexpr int kSumPosition = 125;

FpResult invalid(FloatFormat format) { return {format.canonicalNan(), kInvalid}; }

// Any NaN operand makes the result the canonical NaN; a signaling one also
// raises invalid (11.3).
std::optional<FpResult> nanOperands(FloatFormat format, std::initializer_list<std::uint64_t> operands) {
    bool anyNan = false;
    bool anySignaling = false;
    for (const std::uint64_t operand : operands) {
        const FloatClass c = classify(format, operand);
        anyNan = anyNan || isNan(c);
        anySignaling = anySignaling || c == FloatClass::SignalingNaN;
    }
    if (!anyNan) return std::nullopt;
    return FpResult{format.canonicalNan(), static_cast<std::uint8_t>(anySignaling ? kInvalid : 0)};
}

FpResult rounded(FloatFormat format, const Finite& value, RoundingMode mode) {
    FpResult result;
    result.bits = roundToFormat(format, value, mode, result.flags);
    return result;
}

// An exact sum is zero: +0, except -0 when rounding down (IEEE 754 6.3).
FpResult exactZeroSum(FloatFormat format, RoundingMode mode) {
    return {format.zero(mode == RoundingMode::Down), 0};
}

// x + y for non-zero finite values, exact or rounded to odd far below the
// precision of either format; nullopt when the sum is exactly zero.
std::optional<Finite> sumOf(Finite x, Finite y) {
    x = normalizedTo(x, kSumPosition);
    y = normalizedTo(y, kSumPosition);
    if (x.exponent < y.exponent) std::swap(x, y);
    // x's low bits are zero (its significand came from at most 106 bits), so
    // the jammed y keeps the sum's lowest bit odd exactly when it is inexact.
    y.significand = shiftRightJamming(y.significand, x.exponent - y.exponent);
    Finite sum{x.negative, x.exponent, 0};
    if (x.negative == y.negative) {
        sum.significand = x.significand + y.significand;
    } else if (x.significand >= y.significand) {
        sum.significand = x.significand - y.significand;
    } else {
        sum.significand = y.significand - x.significand;
        sum.negative = y.negative;
    }
    if (sum.significand == 0) return std::nullopt;
    return sum;
}

FpResult addSigned(FloatFormat format, std::uint64_t a, std::uint64_t b, bool negateB, RoundingMode mode) {
    if (auto nan = nanOperands(format, {a, b})) return *nan;
    if (negateB) b ^= format.signBit();
    const FloatClass ca = classify(format, a);
    const FloatClass cb = classify(format, b);
    const bool na = isNegative(format, a);
    const bool nb = isNegative(format, b);
    if (ca == FloatClass::Infinity || cb == FloatClass::Infinity) {
        if (ca == cb && na != nb) return invalid(format);  // inf - inf (7.2)
        return {ca == FloatClass::Infinity ? a : b, 0};
    }
    if (ca == FloatClass::Zero && cb == FloatClass::Zero) {
        return na == nb ? FpResult{a, 0} : exactZeroSum(format, mode);
    }
    if (ca == FloatClass::Zero) return {b, 0};
    if (cb == FloatClass::Zero) return {a, 0};
    const std::optional<Finite> sum = sumOf(unpackFinite(format, a), unpackFinite(format, b));
    return sum ? rounded(format, *sum, mode) : exactZeroSum(format, mode);
}

}  // namespace

FpResult add(FloatFormat format, std::uint64_t a, std::uint64_t b, RoundingMode mode) {
    return addSigned(format, a, b, false, mode);
}

FpResult subtract(FloatFormat format, std::uint64_t a, std::uint64_t b, RoundingMode mode) {
    return addSigned(format, a, b, true, mode);
}

FpResult multiply(FloatFormat format, std::uint64_t a, std::uint64_t b, RoundingMode mode) {
    if (auto nan = nanOperands(format, {a, b})) return *nan;
    const FloatClass ca = classify(format, a);
    const FloatClass cb = classify(format, b);
    const bool negative = isNegative(format, a) != isNegative(format, b);
    const bool zero = ca == FloatClass::Zero || cb == FloatClass::Zero;
    if (ca == FloatClass::Infinity || cb == FloatClass::Infinity) {
        return zero ? invalid(format) : FpResult{format.infinity(negative), 0};
    }
    if (zero) return {format.zero(negative), 0};
    const Finite x = unpackFinite(format, a);
    const Finite y = unpackFinite(format, b);
    return rounded(format, Finite{negative, x.exponent + y.exponent, x.significand * y.significand}, mode);
}

FpResult divide(FloatFormat format, std::uint64_t a, std::uint64_t b, RoundingMode mode) {
    if (auto nan = nanOperands(format, {a, b})) return *nan;
    const FloatClass ca = classify(format, a);
    const FloatClass cb = classify(format, b);
    const bool negative = isNegative(format, a) != isNegative(format, b);
    if (ca == FloatClass::Infinity) {
        return cb == FloatClass::Infinity ? invalid(format) : FpResult{format.infinity(negative), 0};
    }
    if (cb == FloatClass::Infinity) return {format.zero(negative), 0};
    if (cb == FloatClass::Zero) {
        if (ca == FloatClass::Zero) return invalid(format);
        return {format.infinity(negative), kDivideByZero};
    }
    if (ca == FloatClass::Zero) return {format.zero(negative), 0};
    // Both significands get their top bit at 63, so the 128-by-64-bit
    // quotient has 64 or 65 bits; the remainder becomes the odd bit.
    const Finite x = normalizedTo(unpackFinite(format, a), 63);
    const Finite y = normalizedTo(unpackFinite(format, b), 63);
    const Wide dividend = x.significand << 64;
    const Wide quotient = dividend / y.significand;
    const bool remainder = dividend % y.significand != 0;
    return rounded(format, Finite{negative, x.exponent - 64 - y.exponent, quotient | (remainder ? 1 : 0)}, mode);
}

namespace {

// floor(sqrt(n)), and whether that was exact; digit by digit in base 4.
std::pair<Wide, bool> integerSquareRoot(Wide n) {
    Wide root = 0;
    Wide bit = Wide{1} << 126;
    while (bit > n) bit >>= 2;
    while (bit != 0) {
        if (n >= root + bit) {
            n -= root + bit;
            root = (root >> 1) + bit;
        } else {
            root >>= 1;
        }
        bit >>= 2;
    }
    return {root, n == 0};
}

}  // namespace

FpResult squareRoot(FloatFormat format, std::uint64_t a, RoundingMode mode) {
    if (auto nan = nanOperands(format, {a})) return *nan;
    const FloatClass c = classify(format, a);
    if (c == FloatClass::Zero) return {a, 0};  // sqrt(-0) = -0 (IEEE 754 5.4.1)
    if (isNegative(format, a)) return invalid(format);
    if (c == FloatClass::Infinity) return {a, 0};
    // A significand of 125 or 126 bits with an even exponent gives a root of
    // 63 bits, far more than either precision needs.
    Finite x = normalizedTo(unpackFinite(format, a), 124);
    if ((x.exponent & 1) != 0) x = normalizedTo(x, 125);
    const auto [root, exact] = integerSquareRoot(x.significand);
    return rounded(format, Finite{false, x.exponent / 2, root | (exact ? 0 : 1)}, mode);
}

FpResult fusedMultiplyAdd(FloatFormat format, FusedKind kind, std::uint64_t a, std::uint64_t b, std::uint64_t c,
                          RoundingMode mode) {
    const FloatClass ca = classify(format, a);
    const FloatClass cb = classify(format, b);
    const FloatClass cc = classify(format, c);
    // inf * 0 is invalid even when the addend is a quiet NaN (11.6).
    if ((ca == FloatClass::Infinity && cb == FloatClass::Zero) ||
        (ca == FloatClass::Zero && cb == FloatClass::Infinity)) {
        return invalid(format);
    }
    if (auto nan = nanOperands(format, {a, b, c})) return *nan;
    const bool negateProduct = kind == FusedKind::NegatedMultiplySubtract || kind == FusedKind::NegatedMultiplyAdd;
    const bool negateAddend = kind == FusedKind::MultiplySubtract || kind == FusedKind::NegatedMultiplyAdd;
    const bool productNegative = (isNegative(format, a) != isNegative(format, b)) != negateProduct;
    const bool addendNegative = isNegative(format, c) != negateAddend;
    const std::uint64_t addend = (c & ~format.signBit()) | format.zero(addendNegative);
    if (ca == FloatClass::Infinity || cb == FloatClass::Infinity) {
        if (cc == FloatClass::Infinity && addendNegative != productNegative) return invalid(format);
        return {format.infinity(productNegative), 0};
    }
    if (cc == FloatClass::Infinity) return {addend, 0};
    if (ca == FloatClass::Zero || cb == FloatClass::Zero) {
        if (cc != FloatClass::Zero) return {addend, 0};  // 0 + c is c, exactly
        return addendNegative == productNegative ? FpResult{format.zero(productNegative), 0}
                                                 : exactZeroSum(format, mode);
    }
    const Finite x = unpackFinite(format, a);
    const Finite y = unpackFinite(format, b);
    const Finite product{productNegative, x.exponent + y.exponent, x.significand * y.significand};
    if (cc == FloatClass::Zero) return rounded(format, product, mode);
    Finite z = unpackFinite(format, c);
    z.negative = addendNegative;
    const std::optional<Finite> sum = sumOf(product, z);
    return sum ? rounded(format, *sum, mode) : exactZeroSum(format, mode);
}

}  // namespace glasshart::fpu
