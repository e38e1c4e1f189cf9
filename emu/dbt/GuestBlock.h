#pragma once

#include <cstdint>
#include <vector>

#include "isa/Instruction.h"

namespace glasshart {

// One instruction of the guest code a block is translated from.
struct GuestInstruction {
    DecodedInstruction decoded;
    std::uint64_t pc;
};

// A block's guest instructions in program order: straight-line code that
// only its last instruction may leave (apart from traps).
using GuestBlock = std::vector<GuestInstruction>;

}  // namespace glasshart
