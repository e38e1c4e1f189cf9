#pragma once
// The decoded form of one RISC-V instruction and the static facts about each
// opcode, both generated from Instructions.def.

#include <cstdint>
#include <span>
#include <string_view>

namespace glasshart {

enum class Xlen : std::uint8_t { Rv32 = 32, Rv64 = 64 };

enum class Opcode : std::uint16_t {
#define INSTRUCTION(name, mnemonic, match, mask, format, bytes, flags) name,
#include "isa/Instructions.def"
    Illegal,
};

// Which operand fields an encoding carries; drives immediate extraction in
// the decoder and operand printing in the disassembler.
enum class OperandFormat : std::uint8_t {
    None,          // ecall, mret, fence.i ...
    Reg,           // rd, rs1, rs2
    Imm,           // rd, rs1, imm[11:0]
    Shift,         // rd, rs1, shamt[5:0] (shamt[5] must be 0 on RV32)
    ShiftW,        // rd, rs1, shamt[4:0]
    Load,          // rd, imm(rs1)
    Store,         // rs2, imm(rs1)
    Branch,        // rs1, rs2, pc-relative target
    Upper,         // rd, imm[31:12]
    Jal,           // rd, pc-relative target
    Jalr,          // rd, imm(rs1)
    Fence,         // pred, succ
    CsrReg,        // rd, csr, rs1
    CsrImm,        // rd, csr, uimm[4:0] (in the rs1 field)
    Amo,           // rd, rs2, (rs1), aq/rl
    LoadReserved,  // rd, (rs1), aq/rl
    FenceVma,      // rs1 (address), rs2 (ASID)
    // F and D: "f" marks a floating-point register, rm the rounding mode.
    FLoad,         // frd, imm(rs1)
    FStore,        // frs2, imm(rs1)
    FR4,           // frd, frs1, frs2, frs3, rm (the fused multiply-adds)
    FRegRm,        // frd, frs1, frs2, rm
    FReg,          // frd, frs1, frs2
    FUnaryRm,      // frd, frs1, rm
    FCompare,      // rd, frs1, frs2
    FToIntRm,      // rd, frs1, rm
    FToInt,        // rd, frs1
    IntToFRm,      // frd, rs1, rm
    IntToF,        // frd, rs1
};

enum InstructionFlag : std::uint32_t {
    kRv64Only = 1u << 0,    // reserved encoding on RV32
    kEndsBlock = 1u << 1,   // a translated block stops after this instruction
    kLoad = 1u << 2,
    kStore = 1u << 3,
    kZeroExtend = 1u << 4,  // loads: zero- rather than sign-extend
    kAtomic = 1u << 5,      // LR/SC/AMO
    kSystem = 1u << 6,      // privileged or CSR: always executed through the interpreter
    kFloat = 1u << 7,       // F/D: needs the FP unit (mstatus.FS), always executed through the interpreter
};

struct InstructionInfo {
    Opcode opcode;
    std::string_view mnemonic;
    std::uint32_t match;
    std::uint32_t mask;
    OperandFormat format;
    std::uint8_t accessBytes;
    std::uint32_t flags;

    [[nodiscard]] bool has(InstructionFlag flag) const { return (flags & flag) != 0; }
};

// Every row of Instructions.def, indexed by Opcode.
[[nodiscard]] std::span<const InstructionInfo> instructionTable();
[[nodiscard]] const InstructionInfo& infoOf(Opcode opcode);

struct DecodedInstruction {
    Opcode opcode = Opcode::Illegal;
    std::uint8_t rd = 0;
    std::uint8_t rs1 = 0;
    std::uint8_t rs2 = 0;
    std::uint8_t rs3 = 0;           // the fused multiply-adds' third source
    std::uint8_t rm = 0;            // F/D rounding-mode field (bits 14:12), where the format has one
    std::uint8_t length = 4;        // 2 for a compressed instruction
    bool acquire = false;           // AMO/LR/SC aq bit
    bool release = false;           // AMO/LR/SC rl bit
    std::uint16_t csr = 0;
    std::int64_t imm = 0;           // sign-extended immediate, shamt, uimm or fence bits
    std::uint32_t bits = 0;         // the instruction as fetched (16 bits if compressed)

    [[nodiscard]] const InstructionInfo& info() const { return infoOf(opcode); }
    [[nodiscard]] bool isIllegal() const { return opcode == Opcode::Illegal; }
};

}  // namespace glasshart
