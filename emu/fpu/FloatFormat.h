#pragma once
// The two IEEE 754 binary formats of the F and D extensions, the rounding
// modes and exception flags of the RISC-V fcsr, and the result type every
// operation of emu/fpu returns (unprivileged ISA 20191213, chapters 11-12).

#include <cstdint>

namespace glasshart::fpu {

// An IEEE 754 binary interchange format: sign, biased exponent, fraction.
struct FloatFormat {
    unsigned exponentBits;
    unsigned fractionBits;

    [[nodiscard]] constexpr unsigned width() const { return 1 + exponentBits + fractionBits; }
    [[nodiscard]] constexpr int bias() const { return (1 << (exponentBits - 1)) - 1; }
    // The smallest exponent of a normal number (IEEE 754 emin).
    [[nodiscard]] constexpr int minExponent() const { return 1 - bias(); }
    // The biased exponent of infinities and NaNs.
    [[nodiscard]] constexpr std::uint64_t maxBiasedExponent() const {
        return (std::uint64_t{1} << exponentBits) - 1;
    }
    [[nodiscard]] constexpr std::uint64_t signBit() const { return std::uint64_t{1} << (width() - 1); }
    [[nodiscard]] constexpr std::uint64_t fractionMask() const {
        return (std::uint64_t{1} << fractionBits) - 1;
    }
    [[nodiscard]] constexpr std::uint64_t quietBit() const {
        return std::uint64_t{1} << (fractionBits - 1);
    }
    [[nodiscard]] constexpr std::uint64_t zero(bool negative) const { return negative ? signBit() : 0; }
    [[nodiscard]] constexpr std::uint64_t infinity(bool negative) const {
        return zero(negative) | (maxBiasedExponent() << fractionBits);
    }
    [[nodiscard]] constexpr std::uint64_t largestFinite(bool negative) const {
        return zero(negative) | ((maxBiasedExponent() - 1) << fractionBits) | fractionMask();
    }
    // The one NaN RISC-V operations produce: positive, quiet, zero payload
    // (unprivileged ISA 11.3, "NaN Generation and Propagation").
    [[nodiscard]] constexpr std::uint64_t canonicalNan() const {
        return (maxBiasedExponent() << fractionBits) | quietBit();
    }
};

inline constexpr FloatFormat kSingle{8, 23};
inline constexpr FloatFormat kDouble{11, 52};

// The rm encodings 0-4 (unprivileged ISA table 11.1). 5 and 6 are reserved
// and 7 (dynamic) is resolved from frm before an operation is called.
enum class RoundingMode : std::uint8_t {
    NearestEven = 0,
    TowardZero = 1,
    Down = 2,
    Up = 3,
    NearestMaxMagnitude = 4,
};

// fflags bits (unprivileged ISA figure 11.2 / table 11.2).
enum ExceptionFlag : std::uint8_t {
    kInexact = 1u << 0,
    kUnderflow = 1u << 1,
    kOverflow = 1u << 2,
    kDivideByZero = 1u << 3,
    kInvalid = 1u << 4,
};

// A result in the format's low bits (for kSingle, not yet NaN-boxed), or
// an integer, with the exception flags the operation raised.
struct FpResult {
    std::uint64_t bits = 0;
    std::uint8_t flags = 0;
};

}  // namespace glasshart::fpu
