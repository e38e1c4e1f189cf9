// emu/fpu on hand-checkable IEEE 754 cases. Every expected value follows
// from the standard and the RISC-V rules (unprivileged ISA chapters 11-12)
// by arithmetic on the encodings, as the comments show; none was taken from
// Glasshart's own output. The guest programs compare everything else with
// QEMU.
#include <QtTest>

#include <cstdint>
#include <functional>

#include "fpu/Arithmetic.h"
#include "fpu/Comparison.h"
#include "fpu/Conversion.h"
#include "fpu/NanBoxing.h"
#include "fpu/SignAndClass.h"

using namespace glasshart::fpu;

namespace {

constexpr RoundingMode kRne = RoundingMode::NearestEven;
constexpr RoundingMode kRtz = RoundingMode::TowardZero;
constexpr RoundingMode kRdn = RoundingMode::Down;
constexpr RoundingMode kRup = RoundingMode::Up;
constexpr RoundingMode kRmm = RoundingMode::NearestMaxMagnitude;

// Singles: 1.0 = 0x3f800000 (biased exponent 127), 2^-24 = 0x33800000.
constexpr std::uint64_t kOne = 0x3f800000;
constexpr std::uint64_t kMinusOne = 0xbf800000;
constexpr std::uint64_t kTwo = 0x40000000;
constexpr std::uint64_t kHalfUlpOfOne = 0x33800000;  // 2^-24
constexpr std::uint64_t kMaxFinite = 0x7f7fffff;
constexpr std::uint64_t kInf = 0x7f800000;
constexpr std::uint64_t kMinusInf = 0xff800000;
constexpr std::uint64_t kMinNormal = 0x00800000;     // 2^-126
constexpr std::uint64_t kMinSubnormal = 0x00000001;  // 2^-149
constexpr std::uint64_t kQuietNan = 0x7fc01234;      // payload 0x1234
constexpr std::uint64_t kSignalingNan = 0x7f801234;
constexpr std::uint64_t kCanonical = 0x7fc00000;
constexpr std::uint64_t kCanonicalDouble = 0x7ff8000000000000;
constexpr std::uint64_t kPlusZero = 0;
constexpr std::uint64_t kMinusZero = 0x80000000;

constexpr std::uint8_t kNone = 0;
constexpr std::uint8_t kNx = kInexact;
constexpr std::uint8_t kUfNx = kUnderflow | kInexact;
constexpr std::uint8_t kOfNx = kOverflow | kInexact;
constexpr std::uint8_t kNv = kInvalid;
constexpr std::uint8_t kDz = kDivideByZero;

struct Expected {
    std::uint64_t bits;
    std::uint8_t flags;
};

void check(const FpResult& actual, Expected expected) {
    QCOMPARE(QString::number(actual.bits, 16), QString::number(expected.bits, 16));
    QCOMPARE(actual.flags, expected.flags);
}

}  // namespace

class FpuTest : public QObject {
    Q_OBJECT

private slots:
    void addRoundsTiesByMode() {
        // 1 + 2^-24 lies halfway between 1 and 1 + 2^-23 (0x3f800001).
        check(add(kSingle, kOne, kHalfUlpOfOne, kRne), {kOne, kNx});  // tie to the even 1.0
        check(add(kSingle, kOne, kHalfUlpOfOne, kRmm), {0x3f800001, kNx});  // tie away from zero
        check(add(kSingle, kOne, kHalfUlpOfOne, kRtz), {kOne, kNx});
        check(add(kSingle, kOne, kHalfUlpOfOne, kRdn), {kOne, kNx});
        check(add(kSingle, kOne, kHalfUlpOfOne, kRup), {0x3f800001, kNx});
        // (1 + 2^-23) + 2^-24: halfway between 0x3f800001 and the even 0x3f800002.
        check(add(kSingle, 0x3f800001, kHalfUlpOfOne, kRne), {0x3f800002, kNx});
        check(add(kSingle, 0x3f800001, kHalfUlpOfOne, kRtz), {0x3f800001, kNx});
        // Negative ties: -1 - 2^-24.
        check(subtract(kSingle, kMinusOne, kHalfUlpOfOne, kRne), {kMinusOne, kNx});
        check(subtract(kSingle, kMinusOne, kHalfUlpOfOne, kRmm), {0xbf800001, kNx});
        check(subtract(kSingle, kMinusOne, kHalfUlpOfOne, kRdn), {0xbf800001, kNx});
        check(subtract(kSingle, kMinusOne, kHalfUlpOfOne, kRup), {kMinusOne, kNx});
        check(add(kSingle, kOne, kOne, kRne), {kTwo, kNone});
    }

    void exactZeroSumsAndSignedZeros() {
        // x - x is +0, except -0 when rounding down (IEEE 754 6.3).
        for (RoundingMode mode : {kRne, kRtz, kRup, kRmm}) check(subtract(kSingle, kOne, kOne, mode), {kPlusZero, kNone});
        check(subtract(kSingle, kOne, kOne, kRdn), {kMinusZero, kNone});
        check(add(kSingle, kPlusZero, kMinusZero, kRne), {kPlusZero, kNone});
        check(add(kSingle, kPlusZero, kMinusZero, kRdn), {kMinusZero, kNone});
        check(add(kSingle, kMinusZero, kMinusZero, kRne), {kMinusZero, kNone});
        check(add(kSingle, kMinusZero, kOne, kRne), {kOne, kNone});
    }

    void invalidOperationsGiveTheCanonicalNan() {
        check(subtract(kSingle, kInf, kInf, kRne), {kCanonical, kNv});
        check(add(kSingle, kInf, kMinusInf, kRne), {kCanonical, kNv});
        check(multiply(kSingle, kInf, kPlusZero, kRne), {kCanonical, kNv});
        check(divide(kSingle, kPlusZero, kMinusZero, kRne), {kCanonical, kNv});
        check(divide(kSingle, kInf, kMinusInf, kRne), {kCanonical, kNv});
        check(squareRoot(kSingle, kMinusOne, kRne), {kCanonical, kNv});
        check(squareRoot(kSingle, kMinusInf, kRne), {kCanonical, kNv});
        check(squareRoot(kDouble, 0xbff0000000000000, kRne), {kCanonicalDouble, kNv});
    }

    void nanOperandsAreNotPropagated() {
        // RISC-V returns the canonical NaN, not an input payload (11.3);
        // only a signaling NaN raises invalid.
        check(add(kSingle, kQuietNan, kOne, kRne), {kCanonical, kNone});
        check(add(kSingle, kOne, kSignalingNan, kRne), {kCanonical, kNv});
        check(multiply(kSingle, kQuietNan, kSignalingNan, kRne), {kCanonical, kNv});
        check(squareRoot(kSingle, 0xffc00001, kRne), {kCanonical, kNone});
        check(add(kDouble, 0x7ff0000000000001, 0, kRne), {kCanonicalDouble, kNv});
    }

    void overflowByModeAndSign() {
        // max + max = 2^129 (1 - 2^-24): beyond the format.
        check(add(kSingle, kMaxFinite, kMaxFinite, kRne), {kInf, kOfNx});
        check(add(kSingle, kMaxFinite, kMaxFinite, kRmm), {kInf, kOfNx});
        check(add(kSingle, kMaxFinite, kMaxFinite, kRtz), {kMaxFinite, kOfNx});
        check(add(kSingle, kMaxFinite, kMaxFinite, kRdn), {kMaxFinite, kOfNx});
        check(add(kSingle, kMaxFinite, kMaxFinite, kRup), {kInf, kOfNx});
        const std::uint64_t minusMax = 0xff7fffff;
        check(add(kSingle, minusMax, minusMax, kRdn), {kMinusInf, kOfNx});
        check(add(kSingle, minusMax, minusMax, kRup), {minusMax, kOfNx});
        check(add(kSingle, minusMax, minusMax, kRtz), {minusMax, kOfNx});
        // max * 1 stays finite; inf arithmetic is exact and raises nothing.
        check(multiply(kSingle, kMaxFinite, kOne, kRne), {kMaxFinite, kNone});
        check(add(kSingle, kInf, kMaxFinite, kRne), {kInf, kNone});
    }

    void underflowIsTinyAndInexact() {
        // 2^-126 * 0.5 = 2^-127 is an exact subnormal: no flags.
        check(multiply(kSingle, kMinNormal, 0x3f000000, kRne), {0x00400000, kNone});
        // 2^-149 * 0.5 = 2^-150: halfway between 0 and 2^-149.
        check(multiply(kSingle, kMinSubnormal, 0x3f000000, kRne), {kPlusZero, kUfNx});
        check(multiply(kSingle, kMinSubnormal, 0x3f000000, kRmm), {kMinSubnormal, kUfNx});
        check(multiply(kSingle, kMinSubnormal, 0x3f000000, kRup), {kMinSubnormal, kUfNx});
        check(multiply(kSingle, kMinSubnormal, 0xbf000000, kRdn), {0x80000001, kUfNx});
        check(multiply(kSingle, kMinSubnormal, 0xbf000000, kRtz), {kMinusZero, kUfNx});
        check(multiply(kDouble, 1, 0x3fe0000000000000, kRne), {0, kUfNx});
    }

    void tininessIsDetectedAfterRounding() {
        // (1 - 2^-24) * 2^-126: exact with an unbounded exponent, so tiny;
        // as a subnormal it is (2^23 - 1/2) * 2^-149, a tie that RNE rounds
        // up to 2^-126. Underflow all the same.
        check(multiply(kSingle, 0x3f7fffff, kMinNormal, kRne), {kMinNormal, kUfNx});
        // 2^-126 - 2^-151 = (1 - 2^-25) * 2^-126: with 24 bits and an
        // unbounded exponent RNE rounds it to 2^-126, so it is NOT tiny
        // after rounding: inexact only. The product 2^-75 * -2^-76 is exact
        // inside the fused operation.
        const std::uint64_t twoToMinus75 = 0x1a000000;        // biased 52
        const std::uint64_t minusTwoToMinus76 = 0x99800000;   // biased 51
        check(fusedMultiplyAdd(kSingle, FusedKind::MultiplyAdd, twoToMinus75, minusTwoToMinus76, kMinNormal, kRne),
              {kMinNormal, kNx});
        // Toward zero the same value rounds to 1 - 2^-24 (tiny), delivered as
        // the largest subnormal.
        check(fusedMultiplyAdd(kSingle, FusedKind::MultiplyAdd, twoToMinus75, minusTwoToMinus76, kMinNormal, kRtz),
              {0x007fffff, kUfNx});
        // The same value as a double (biased 896, fraction 2^52 - 2^28) narrowed.
        check(convertFormat(kDouble, kSingle, 0x380ffffff0000000, kRne), {kMinNormal, kNx});
        check(convertFormat(kDouble, kSingle, 0x380ffffff0000000, kRtz), {0x007fffff, kUfNx});
    }

    void divisionAndSquareRoot() {
        check(divide(kSingle, kOne, kPlusZero, kRne), {kInf, kDz});
        check(divide(kSingle, kMinusOne, kPlusZero, kRne), {kMinusInf, kDz});
        check(divide(kSingle, kOne, kMinusZero, kRne), {kMinusInf, kDz});
        check(divide(kSingle, kInf, kPlusZero, kRne), {kInf, kNone});  // inf / 0 is exact, not a division by zero
        check(divide(kSingle, kOne, kInf, kRne), {kPlusZero, kNone});
        // 1/3 = 0.010101...b: the 24-bit significand 0xaaaaaa is followed by 1010..., above half.
        check(divide(kSingle, kOne, 0x40400000, kRne), {0x3eaaaaab, kNx});
        check(divide(kSingle, kOne, 0x40400000, kRtz), {0x3eaaaaaa, kNx});
        check(divide(kSingle, kOne, 0x40400000, kRup), {0x3eaaaaab, kNx});
        check(divide(kSingle, 0x40c00000, 0x40400000, kRne), {kTwo, kNone});  // 6 / 3
        // sqrt(2) = 1.0110101000001001111001100110011111110011101111001100|1001...b
        check(squareRoot(kDouble, 0x4000000000000000, kRne), {0x3ff6a09e667f3bcd, kNx});
        check(squareRoot(kDouble, 0x4000000000000000, kRtz), {0x3ff6a09e667f3bcc, kNx});
        check(squareRoot(kDouble, 0x4000000000000000, kRdn), {0x3ff6a09e667f3bcc, kNx});
        check(squareRoot(kDouble, 0x4000000000000000, kRup), {0x3ff6a09e667f3bcd, kNx});
        check(squareRoot(kSingle, 0x40800000, kRne), {kTwo, kNone});  // sqrt(4)
        check(squareRoot(kSingle, kMinusZero, kRne), {kMinusZero, kNone});
        check(squareRoot(kSingle, kInf, kRne), {kInf, kNone});
        // sqrt(2^-149) = 2^-74.5: an odd exponent on a subnormal.
        check(squareRoot(kSingle, kMinSubnormal, kRtz), {0x1a3504f3, kNx});
    }

    void fusedOperationsRoundOnce() {
        // (1 + 2^-12)^2 - 1 = 2^-11 + 2^-24 exactly; rounding the product
        // first would lose the 2^-24.
        const std::uint64_t onePlus = 0x3f800800;
        check(fusedMultiplyAdd(kSingle, FusedKind::MultiplyAdd, onePlus, onePlus, kMinusOne, kRne), {0x3a000400, kNone});
        check(fusedMultiplyAdd(kSingle, FusedKind::MultiplySubtract, onePlus, onePlus, kOne, kRne), {0x3a000400, kNone});
        check(fusedMultiplyAdd(kSingle, FusedKind::NegatedMultiplySubtract, onePlus, onePlus, kOne, kRne),
              {0xba000400, kNone});
        check(fusedMultiplyAdd(kSingle, FusedKind::NegatedMultiplyAdd, onePlus, onePlus, kMinusOne, kRne),
              {0xba000400, kNone});
        // inf * 0 + qNaN is invalid (11.6), unlike other quiet NaN inputs.
        check(fusedMultiplyAdd(kSingle, FusedKind::MultiplyAdd, kInf, kPlusZero, kQuietNan, kRne), {kCanonical, kNv});
        check(fusedMultiplyAdd(kSingle, FusedKind::MultiplyAdd, kOne, kOne, kQuietNan, kRne), {kCanonical, kNone});
        check(fusedMultiplyAdd(kSingle, FusedKind::MultiplyAdd, kInf, kOne, kMinusInf, kRne), {kCanonical, kNv});
        // 1 * 1 - 1 is an exact zero: +0, or -0 rounding down.
        check(fusedMultiplyAdd(kSingle, FusedKind::MultiplyAdd, kOne, kOne, kMinusOne, kRne), {kPlusZero, kNone});
        check(fusedMultiplyAdd(kSingle, FusedKind::MultiplyAdd, kOne, kOne, kMinusOne, kRdn), {kMinusZero, kNone});
        // -(+0 * 1) - (+0) = -0 - 0 = -0 in every mode.
        check(fusedMultiplyAdd(kSingle, FusedKind::NegatedMultiplyAdd, kPlusZero, kOne, kPlusZero, kRne),
              {kMinusZero, kNone});
        // A tiny addend only nudges the rounding: 1 * 1 + 2^-149 rounds up under RUP.
        check(fusedMultiplyAdd(kSingle, FusedKind::MultiplyAdd, kOne, kOne, kMinSubnormal, kRup), {0x3f800001, kNx});
        check(fusedMultiplyAdd(kSingle, FusedKind::MultiplyAdd, kOne, kOne, 0x80000001, kRtz), {0x3f7fffff, kNx});
    }

    void floatToIntegerRoundsAndSaturates() {
        const std::uint64_t twoAndAHalf = 0x40200000;
        const std::uint64_t minusTwoAndAHalf = 0xc0200000;
        check(toSignedInteger(kSingle, twoAndAHalf, 32, kRne), {2, kNx});
        check(toSignedInteger(kSingle, twoAndAHalf, 32, kRmm), {3, kNx});
        check(toSignedInteger(kSingle, twoAndAHalf, 32, kRup), {3, kNx});
        check(toSignedInteger(kSingle, twoAndAHalf, 32, kRdn), {2, kNx});
        check(toSignedInteger(kSingle, minusTwoAndAHalf, 32, kRne), {0xfffffffe, kNx});
        check(toSignedInteger(kSingle, minusTwoAndAHalf, 32, kRmm), {0xfffffffd, kNx});
        check(toSignedInteger(kSingle, minusTwoAndAHalf, 32, kRdn), {0xfffffffd, kNx});
        check(toSignedInteger(kSingle, minusTwoAndAHalf, 32, kRtz), {0xfffffffe, kNx});
        // Table 11.4.
        check(toSignedInteger(kSingle, kQuietNan, 32, kRne), {0x7fffffff, kNv});
        check(toSignedInteger(kSingle, 0xffc00000, 32, kRne), {0x7fffffff, kNv});  // a negative NaN too
        check(toSignedInteger(kSingle, kInf, 32, kRne), {0x7fffffff, kNv});
        check(toSignedInteger(kSingle, kMinusInf, 32, kRne), {0x80000000, kNv});
        check(toSignedInteger(kSingle, 0x4f000000, 32, kRne), {0x7fffffff, kNv});  // 2^31
        check(toSignedInteger(kSingle, 0xcf000000, 32, kRne), {0x80000000, kNone});  // -2^31 fits
        check(toUnsignedInteger(kSingle, kMinusOne, 32, kRne), {0, kNv});
        check(toUnsignedInteger(kSingle, 0xbf000000, 32, kRtz), {0, kNx});  // -0.5 truncates to 0: valid
        check(toUnsignedInteger(kSingle, 0xbf000000, 32, kRdn), {0, kNv});  // -0.5 rounds to -1: invalid
        check(toUnsignedInteger(kSingle, kQuietNan, 32, kRne), {0xffffffff, kNv});
        check(toUnsignedInteger(kSingle, kMinusInf, 32, kRne), {0, kNv});
        check(toUnsignedInteger(kDouble, 0x41efffffffe00000, 32, kRne), {0xffffffff, kNone});  // 2^32 - 1
        check(toUnsignedInteger(kDouble, 0x41f0000000000000, 32, kRne), {0xffffffff, kNv});    // 2^32
        check(toSignedInteger(kDouble, 0x43e0000000000000, 64, kRne), {0x7fffffffffffffff, kNv});  // 2^63
        check(toSignedInteger(kDouble, 0xc3e0000000000000, 64, kRne), {0x8000000000000000, kNone});
        check(toUnsignedInteger(kDouble, 0x43e0000000000000, 64, kRne), {0x8000000000000000, kNone});
        check(toUnsignedInteger(kDouble, 0x43f0000000000000, 64, kRne), {0xffffffffffffffff, kNv});  // 2^64
        check(toSignedInteger(kDouble, 0x8000000000000000, 64, kRne), {0, kNone});  // -0
        check(toSignedInteger(kSingle, kMinSubnormal, 64, kRup), {1, kNx});
    }

    void integerToFloat() {
        // 2^24 + 1 needs 25 bits: halfway between 2^24 (0x4b800000) and 2^24 + 2.
        check(fromSignedInteger(kSingle, 16777217, kRne), {0x4b800000, kNx});
        check(fromSignedInteger(kSingle, 16777217, kRup), {0x4b800001, kNx});
        check(fromSignedInteger(kSingle, 16777217, kRmm), {0x4b800001, kNx});
        check(fromSignedInteger(kSingle, -16777217, kRdn), {0xcb800001, kNx});
        check(fromSignedInteger(kSingle, INT64_MIN, kRne), {0xdf000000, kNone});  // -2^63, exact
        check(fromSignedInteger(kSingle, 0, kRdn), {kPlusZero, kNone});  // never -0
        check(fromUnsignedInteger(kDouble, UINT64_MAX, kRne), {0x43f0000000000000, kNx});
        check(fromUnsignedInteger(kDouble, UINT64_MAX, kRtz), {0x43efffffffffffff, kNx});
        check(fromUnsignedInteger(kDouble, 0xffffffff, kRne), {0x41efffffffe00000, kNone});
    }

    void formatConversions() {
        check(convertFormat(kSingle, kDouble, 0x3fc00000, kRne), {0x3ff8000000000000, kNone});  // 1.5
        check(convertFormat(kSingle, kDouble, kMinSubnormal, kRne), {0x36a0000000000000, kNone});  // 2^-149 is normal in D
        check(convertFormat(kSingle, kDouble, kSignalingNan, kRne), {kCanonicalDouble, kNv});
        check(convertFormat(kSingle, kDouble, 0xffc00001, kRne), {kCanonicalDouble, kNone});
        check(convertFormat(kDouble, kSingle, 0x7e37e43c8800759c, kRne), {kInf, kOfNx});  // 1e300
        check(convertFormat(kDouble, kSingle, 0x7e37e43c8800759c, kRtz), {kMaxFinite, kOfNx});
        check(convertFormat(kDouble, kSingle, 0xbff0000000000000, kRne), {kMinusOne, kNone});
        check(convertFormat(kDouble, kSingle, 0x8000000000000000, kRne), {kMinusZero, kNone});
    }

    void comparisons() {
        check(equal(kSingle, kQuietNan, kOne), {0, kNone});  // quiet comparison
        check(equal(kSingle, kSignalingNan, kOne), {0, kNv});
        check(equal(kSingle, kMinusZero, kPlusZero), {1, kNone});
        check(less(kSingle, kQuietNan, kOne), {0, kNv});  // signaling comparisons
        check(lessOrEqual(kSingle, kOne, kQuietNan), {0, kNv});
        check(less(kSingle, kMinusZero, kPlusZero), {0, kNone});
        check(lessOrEqual(kSingle, kPlusZero, kMinusZero), {1, kNone});
        check(less(kSingle, kMinusInf, 0xff7fffff), {1, kNone});
        check(less(kSingle, 0xbf800001, kMinusOne), {1, kNone});
        check(lessOrEqual(kSingle, kTwo, kOne), {0, kNone});
    }

    void minimumAndMaximum() {
        check(minimum(kSingle, kPlusZero, kMinusZero), {kMinusZero, kNone});
        check(maximum(kSingle, kMinusZero, kPlusZero), {kPlusZero, kNone});
        check(minimum(kSingle, kQuietNan, kOne), {kOne, kNone});
        check(maximum(kSingle, kOne, kSignalingNan), {kOne, kNv});
        check(minimum(kSingle, kQuietNan, kSignalingNan), {kCanonical, kNv});
        check(maximum(kSingle, kQuietNan, kQuietNan), {kCanonical, kNone});
        check(minimum(kSingle, kMinusInf, kOne), {kMinusInf, kNone});
        check(maximum(kDouble, 0xbff0000000000000, 0xc000000000000000), {0xbff0000000000000, kNone});
    }

    void signInjectionAndClass() {
        QCOMPARE(injectSign(kSingle, SignInjection::Copy, kOne, kMinusZero), kMinusOne);
        QCOMPARE(injectSign(kSingle, SignInjection::Negate, kOne, kMinusZero), kOne);
        QCOMPARE(injectSign(kSingle, SignInjection::Xor, kMinusOne, kMinusZero), kOne);
        QCOMPARE(injectSign(kSingle, SignInjection::Copy, kSignalingNan, kMinusOne), kSignalingNan | 0x80000000);
        // Table 11.5, bit by bit.
        const std::uint64_t values[] = {kMinusInf, kMinusOne, 0x80000001, kMinusZero, kPlusZero,
                                        kMinSubnormal, kOne, kInf, kSignalingNan, kQuietNan};
        for (unsigned bit = 0; bit < 10; ++bit) QCOMPARE(classMask(kSingle, values[bit]), std::uint64_t{1} << bit);
        QCOMPARE(classMask(kDouble, 0x7ff4000000000000), std::uint64_t{1} << 8);
        QCOMPARE(classMask(kDouble, 0x000fffffffffffff), std::uint64_t{1} << 5);
    }

    void nanBoxing() {
        QCOMPARE(boxSingle(kOne), 0xffffffff3f800000ull);
        QCOMPARE(unboxSingle(0xffffffff3f800000ull), kOne);
        // Anything else reads as the canonical NaN (12.2).
        QCOMPARE(unboxSingle(0x000000003f800000ull), kCanonical);
        QCOMPARE(unboxSingle(0xfffffffe3f800000ull), kCanonical);
        QCOMPARE(unboxSingle(0x3ff0000000000000ull), kCanonical);
    }
};

QTEST_GUILESS_MAIN(FpuTest)
#include "FpuTest.moc"
