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
// its conditional branches may leave on their taken way (side exits), and
// its last instruction in any way (apart from traps).
using GuestBlock = std::vector<GuestInstruction>;

// x1 (ra) and x5 (t0) are the link registers: a jump that writes one is a
// call, and a jump through one that writes x0 is a return (unprivileged ISA
// 2.5.1, the return-address stack hints).
[[nodiscard]] constexpr bool isLinkRegister(unsigned reg) { return reg == 1 || reg == 5; }

// Where a jal or a branch goes when it is taken.
[[nodiscard]] inline std::uint64_t jumpTarget(const GuestInstruction& jump, Xlen xlen) {
    const std::uint64_t target = jump.pc + static_cast<std::uint64_t>(jump.decoded.imm);
    return xlen == Xlen::Rv32 ? static_cast<std::uint32_t>(target) : target;
}

// Whether the block's last instruction can jump back to its start, as a
// loop does (a call to it is a call, not a loop).
[[nodiscard]] inline bool jumpsBack(const GuestBlock& block, Xlen xlen) {
    const GuestInstruction& last = block.back();
    const bool loopJump = last.decoded.opcode == Opcode::Jal && !isLinkRegister(last.decoded.rd);
    if (!loopJump && last.decoded.info().format != OperandFormat::Branch) return false;
    return jumpTarget(last, xlen) == block.front().pc;
}

}  // namespace glasshart
