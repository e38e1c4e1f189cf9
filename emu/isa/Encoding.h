#pragma once
// Bit-level helpers for 32-bit RISC-V encodings (unprivileged ISA 20191213,
// section 2.2 "Base Instruction Formats" and 2.3 "Immediate Encoding
// Variants"): field extraction for the decoder, field insertion for the
// compressed expander and for tests that build instructions.

#include <array>
#include <cstddef>
#include <cstdint>

#include "isa/Instruction.h"

namespace glasshart::encoding {

// The match pattern of every opcode, indexed by Opcode; compile-time twin of
// instructionTable()[i].match so encoders can be constexpr.
inline constexpr std::array<std::uint32_t, static_cast<std::size_t>(Opcode::Illegal)> kMatch = {
#define INSTRUCTION(name, mnemonic, match, mask, format, bytes, flags) match,
#include "isa/Instructions.def"
};

[[nodiscard]] constexpr std::uint32_t matchOf(Opcode opcode) {
    return kMatch[static_cast<std::size_t>(opcode)];
}

[[nodiscard]] constexpr std::uint8_t rd(std::uint32_t bits) { return (bits >> 7) & 0x1f; }
[[nodiscard]] constexpr std::uint8_t rs1(std::uint32_t bits) { return (bits >> 15) & 0x1f; }
[[nodiscard]] constexpr std::uint8_t rs2(std::uint32_t bits) { return (bits >> 20) & 0x1f; }
// The F/D rounding-mode field (unprivileged ISA 11.2), where funct3 sits.
[[nodiscard]] constexpr std::uint8_t rm(std::uint32_t bits) { return (bits >> 12) & 0x7; }

// Sign-extends the low `width` bits of `value`.
[[nodiscard]] constexpr std::int64_t signExtend(std::uint64_t value, unsigned width) {
    const std::uint64_t sign = std::uint64_t{1} << (width - 1);
    const std::uint64_t field = value & ((sign << 1) - 1);
    return static_cast<std::int64_t>(field ^ sign) - static_cast<std::int64_t>(sign);
}

// Immediates, reassembled from their scattered fields (section 2.3, figure 2.4).
[[nodiscard]] constexpr std::int64_t immI(std::uint32_t bits) { return signExtend(bits >> 20, 12); }
[[nodiscard]] constexpr std::int64_t immS(std::uint32_t bits) {
    return signExtend(((bits >> 25) << 5) | ((bits >> 7) & 0x1f), 12);
}
[[nodiscard]] constexpr std::int64_t immB(std::uint32_t bits) {
    return signExtend(((bits >> 31) << 12) | (((bits >> 7) & 0x1) << 11) |
                          (((bits >> 25) & 0x3f) << 5) | (((bits >> 8) & 0xf) << 1),
                      13);
}
// The value lui places in rd: bits 31:12 of the word, sign-extended from bit 31.
[[nodiscard]] constexpr std::int64_t immU(std::uint32_t bits) {
    return signExtend(bits & 0xfffff000u, 32);
}
[[nodiscard]] constexpr std::int64_t immJ(std::uint32_t bits) {
    return signExtend(((bits >> 31) << 20) | (bits & 0x000ff000u) | (((bits >> 20) & 0x1) << 11) |
                          (((bits >> 21) & 0x3ff) << 1),
                      21);
}

// Encoders: the opcode's match pattern with the operand fields filled in.
// Immediates are truncated to their field; callers pass in-range values.
[[nodiscard]] constexpr std::uint32_t encodeR(Opcode opcode, unsigned rd, unsigned rs1,
                                              unsigned rs2) {
    return matchOf(opcode) | (rs2 << 20) | (rs1 << 15) | (rd << 7);
}
[[nodiscard]] constexpr std::uint32_t encodeI(Opcode opcode, unsigned rd, unsigned rs1,
                                              std::int64_t imm) {
    return matchOf(opcode) | ((static_cast<std::uint32_t>(imm) & 0xfff) << 20) | (rs1 << 15) |
           (rd << 7);
}
[[nodiscard]] constexpr std::uint32_t encodeS(Opcode opcode, unsigned rs1, unsigned rs2,
                                              std::int64_t imm) {
    const auto u = static_cast<std::uint32_t>(imm);
    return matchOf(opcode) | (((u >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) |
           ((u & 0x1f) << 7);
}
[[nodiscard]] constexpr std::uint32_t encodeB(Opcode opcode, unsigned rs1, unsigned rs2,
                                              std::int64_t offset) {
    const auto u = static_cast<std::uint32_t>(offset);
    return matchOf(opcode) | (((u >> 12) & 0x1) << 31) | (((u >> 5) & 0x3f) << 25) | (rs2 << 20) |
           (rs1 << 15) | (((u >> 1) & 0xf) << 8) | (((u >> 11) & 0x1) << 7);
}
[[nodiscard]] constexpr std::uint32_t encodeU(Opcode opcode, unsigned rd, std::int64_t value) {
    return matchOf(opcode) | (static_cast<std::uint32_t>(value) & 0xfffff000u) | (rd << 7);
}
[[nodiscard]] constexpr std::uint32_t encodeJ(Opcode opcode, unsigned rd, std::int64_t offset) {
    const auto u = static_cast<std::uint32_t>(offset);
    return matchOf(opcode) | (((u >> 20) & 0x1) << 31) | (((u >> 1) & 0x3ff) << 21) |
           (((u >> 11) & 0x1) << 20) | (u & 0x000ff000u) | (rd << 7);
}

}  // namespace glasshart::encoding
