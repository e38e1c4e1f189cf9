#include "fpu/Comparison.h"

#include "fpu/Unpacked.h"

namespace glasshart::fpu {
namespace {

bool isZero(FloatFormat format, std::uint64_t bits) { return (bits & ~format.signBit()) == 0; }

// Numeric order of two non-NaN values; zeros compare equal unless
// `signedZeros`, in which case -0 < +0.
bool ordered(FloatFormat format, std::uint64_t a, std::uint64_t b, bool signedZeros) {
    const bool na = isNegative(format, a);
    const bool nb = isNegative(format, b);
    if (!signedZeros && isZero(format, a) && isZero(format, b)) return false;
    if (na != nb) return na;
    // Sign-magnitude: the encodings of same-signed values order like their magnitudes.
    const std::uint64_t ma = a & ~format.signBit();
    const std::uint64_t mb = b & ~format.signBit();
    return na ? ma > mb : ma < mb;
}

std::uint8_t invalidIf(bool condition) { return condition ? kInvalid : 0; }

struct NanCheck {
    bool any;
    bool signaling;
};

NanCheck nans(FloatFormat format, std::uint64_t a, std::uint64_t b) {
    const FloatClass ca = classify(format, a);
    const FloatClass cb = classify(format, b);
    return {isNan(ca) || isNan(cb), ca == FloatClass::SignalingNaN || cb == FloatClass::SignalingNaN};
}

FpResult select(FloatFormat format, std::uint64_t a, std::uint64_t b, bool wantLess) {
    const FloatClass ca = classify(format, a);
    const FloatClass cb = classify(format, b);
    const NanCheck n = nans(format, a, b);
    const std::uint8_t flags = invalidIf(n.signaling);
    if (isNan(ca) && isNan(cb)) return {format.canonicalNan(), flags};
    if (isNan(ca)) return {b, flags};
    if (isNan(cb)) return {a, flags};
    const bool aFirst = ordered(format, a, b, true) == wantLess;
    return {aFirst ? a : b, flags};
}

}  // namespace

FpResult equal(FloatFormat format, std::uint64_t a, std::uint64_t b) {
    const NanCheck n = nans(format, a, b);
    if (n.any) return {0, invalidIf(n.signaling)};
    const bool same = a == b || (isZero(format, a) && isZero(format, b));
    return {same ? 1u : 0u, 0};
}

FpResult less(FloatFormat format, std::uint64_t a, std::uint64_t b) {
    if (nans(format, a, b).any) return {0, kInvalid};
    return {ordered(format, a, b, false) ? 1u : 0u, 0};
}

FpResult lessOrEqual(FloatFormat format, std::uint64_t a, std::uint64_t b) {
    if (nans(format, a, b).any) return {0, kInvalid};
    return {ordered(format, b, a, false) ? 0u : 1u, 0};
}

FpResult minimum(FloatFormat format, std::uint64_t a, std::uint64_t b) { return select(format, a, b, true); }

FpResult maximum(FloatFormat format, std::uint64_t a, std::uint64_t b) { return select(format, a, b, false); }

}  // namespace glasshart::fpu
