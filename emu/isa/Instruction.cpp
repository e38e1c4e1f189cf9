#include "isa/Instruction.h"

#include <array>

namespace glasshart {
namespace {

constexpr std::array kTable = {
#define INSTRUCTION(name, mnemonic, match, mask, format, bytes, flags) \
    InstructionInfo{Opcode::name, mnemonic, match, mask, OperandFormat::format, bytes, flags},
#include "isa/Instructions.def"
    InstructionInfo{Opcode::Illegal, "unimp", 0, 0, OperandFormat::None, 0, kEndsBlock | kSystem},
};

static_assert(kTable.size() == static_cast<std::size_t>(Opcode::Illegal) + 1);

}  // namespace

std::span<const InstructionInfo> instructionTable() { return {kTable.data(), kTable.size() - 1}; }

const InstructionInfo& infoOf(Opcode opcode) { return kTable[static_cast<std::size_t>(opcode)]; }

}  // namespace glasshart
