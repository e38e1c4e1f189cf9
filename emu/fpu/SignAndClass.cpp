#include "fpu/SignAndClass.h"

#include "fpu/Unpacked.h"

namespace glasshart::fpu {

std::uint64_t injectSign(FloatFormat format, SignInjection kind, std::uint64_t a, std::uint64_t b) {
    const std::uint64_t sign = format.signBit();
    std::uint64_t newSign = b & sign;
    if (kind == SignInjection::Negate) newSign ^= sign;
    if (kind == SignInjection::Xor) newSign ^= a & sign;
    return (a & ~sign) | newSign;
}

std::uint64_t classMask(FloatFormat format, std::uint64_t a) {
    const bool negative = isNegative(format, a);
    // Bits 0-7 run from -inf up to +inf; 8 and 9 are the NaNs.
    unsigned bit = 0;
    switch (classify(format, a)) {
    case FloatClass::Infinity: bit = negative ? 0 : 7; break;
    case FloatClass::Normal: bit = negative ? 1 : 6; break;
    case FloatClass::Subnormal: bit = negative ? 2 : 5; break;
    case FloatClass::Zero: bit = negative ? 3 : 4; break;
    case FloatClass::SignalingNaN: bit = 8; break;
    case FloatClass::QuietNaN: bit = 9; break;
    }
    return std::uint64_t{1} << bit;
}

}  // namespace glasshart::fpu
