#pragma once

#include <cstdint>

#include "isa/Instruction.h"

namespace glasshart {

// Decodes one instruction. `bits` holds the fetched parcel(s): if its low two
// bits are not 0b11 it is a 16-bit compressed instruction (only bits 15:0 are
// looked at), which is expanded to its 32-bit equivalent (unprivileged ISA
// chapter 16) and decoded as that, with length 2 and `bits` kept as fetched.
// Anything reserved, or outside the extensions this hart has (for `xlen`),
// decodes as Opcode::Illegal.
[[nodiscard]] DecodedInstruction decode(std::uint32_t bits, Xlen xlen);

// The 32-bit instruction a compressed one stands for, or 0 if it is illegal
// or reserved for this xlen.
[[nodiscard]] std::uint32_t expandCompressed(std::uint16_t bits, Xlen xlen);

// Length in bytes of the instruction whose first parcel is `lowParcel`.
[[nodiscard]] constexpr unsigned instructionLength(std::uint16_t lowParcel) {
    return (lowParcel & 0x3) == 0x3 ? 4 : 2;
}

}  // namespace glasshart
