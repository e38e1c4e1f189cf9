// Formats instructions exactly as `riscv64-unknown-elf-objdump -d` from
// binutils 2.40 does. Which alias objdump picks for which operand values was
// established by experiment (assembling every encoding class with gas and
// reading objdump's output back) and is pinned by DisassemblerVsObjdumpTest;
// the rules below are Glasshart's own description of that behaviour.

#include "isa/Disassembler.h"

#include <array>
#include <charconv>
#include <cstddef>
#include <string_view>

#include "isa/CsrAddress.h"
#include "isa/Encoding.h"

namespace glasshart {
namespace {

constexpr std::array<const char*, 32> kAbiNames = {
    "zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
    "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
    "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

// The floating-point ABI names (RISC-V ELF psABI, "Floating-point Register Convention").
constexpr std::array<const char*, 32> kFloatAbiNames = {
    "ft0", "ft1", "ft2",  "ft3",  "ft4", "ft5", "ft6",  "ft7",  "fs0",  "fs1",  "fa0",
    "fa1", "fa2", "fa3",  "fa4",  "fa5", "fa6", "fa7",  "fs2",  "fs3",  "fs4",  "fs5",
    "fs6", "fs7", "fs8",  "fs9",  "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
};

// The rounding modes as objdump names them (unprivileged ISA table 11.1);
// 5 and 6 are reserved.
constexpr std::array<const char*, 8> kRoundingModeNames = {
    "rne", "rtz", "rdn", "rup", "rmm", "unknown", "unknown", "dyn",
};
constexpr std::uint8_t kDynamicRounding = 7;

// When an instruction of `opcode` satisfies `when`, objdump prints
// `mnemonic` followed by `operands`, a template in which
//   d, s, t  are rd, rs1 and rs2 by ABI name,
//   D, S, T, R are rd, rs1, rs2 and rs3 as floating-point registers,
//   m        is ",<rounding mode>", or nothing for the dynamic mode,
//   i        is imm in signed decimal,
//   h        is imm in hex (shift amounts),
//   u        is imm >> 12 as a 20-bit hex number (lui, auipc),
//   a        is the branch or jump target pc + imm as a bare hex address,
//            followed by " <symbol>" when the namer knows one,
//   c        is the CSR by name, or its number in hex,
//   p, q     are the fence predecessor and successor sets,
//   w        is the whole instruction word in hex,
// and every other character stands for itself. An opcode's rules are tried
// in order; without a matching rule it prints its table mnemonic with the
// default template of its operand format.
constexpr std::int8_t kAny = -1;
constexpr std::int8_t kNonZero = -2;
constexpr std::int8_t kRa = 1;

struct ImmTest {
    enum class Kind : std::uint8_t { Any, Equals, NonZero } kind = Kind::Any;
    std::int64_t value = 0;
};
constexpr ImmTest immIs(std::int64_t value) { return {ImmTest::Kind::Equals, value}; }
constexpr ImmTest kImmNonZero{ImmTest::Kind::NonZero, 0};

// How the instruction was fetched, for the compressed forms objdump prints
// differently from the 32-bit instruction they expand to (unprivileged ISA
// 16.9 lists the encodings).
enum class Fetched : std::uint8_t {
    Any,
    Compressed,  // any 16-bit encoding
    CAddi,       // quadrant 1, funct3 000: C.NOP and C.ADDI
    CLi,         // quadrant 1, funct3 010
    CMv,         // quadrant 2, funct3 100, bit 12 clear: C.MV (C.JR has rs2 = 0)
};

struct When {
    std::int8_t rd = kAny;  // a register index, kAny or kNonZero
    std::int8_t rs1 = kAny;
    std::int8_t rs2 = kAny;
    ImmTest imm{};
    Fetched fetched = Fetched::Any;
    std::int16_t csr = kAny;
    bool rv32 = false;               // only when disassembling RV32 code
    std::uint32_t reservedBits = 0;  // only when one of these bits is set
    bool sameSources = false;        // only when rs2 is rs1
};

struct AliasRule {
    Opcode opcode;
    When when;
    std::string_view mnemonic;
    std::string_view operands;
};

constexpr bool registerMatches(std::int8_t test, std::uint8_t reg) {
    return test == kAny || (test == kNonZero ? reg != 0 : reg == test);
}

constexpr bool immMatches(const ImmTest& test, std::int64_t imm) {
    switch (test.kind) {
        case ImmTest::Kind::Any:
            return true;
        case ImmTest::Kind::Equals:
            return imm == test.value;
        case ImmTest::Kind::NonZero:
            return imm != 0;
    }
    return false;
}

constexpr bool fetchedMatches(Fetched test, const DecodedInstruction& in) {
    const unsigned quadrant = in.bits & 0x3;
    const unsigned funct3 = (in.bits >> 13) & 0x7;
    switch (test) {
        case Fetched::Any:
            return true;
        case Fetched::Compressed:
            return in.length == 2;
        case Fetched::CAddi:
            return in.length == 2 && quadrant == 1 && funct3 == 0;
        case Fetched::CLi:
            return in.length == 2 && quadrant == 1 && funct3 == 2;
        case Fetched::CMv:
            return in.length == 2 && quadrant == 2 && funct3 == 4 && ((in.bits >> 12) & 1) == 0;
    }
    return false;
}

constexpr bool ruleMatches(const When& when, const DecodedInstruction& in, Xlen xlen) {
    return registerMatches(when.rd, in.rd) && registerMatches(when.rs1, in.rs1) &&
           registerMatches(when.rs2, in.rs2) && immMatches(when.imm, in.imm) &&
           fetchedMatches(when.fetched, in) && (when.csr == kAny || in.csr == when.csr) &&
           (!when.rv32 || xlen == Xlen::Rv32) &&
           (when.reservedBits == 0 || (in.bits & when.reservedBits) != 0) &&
           (!when.sameSources || in.rs1 == in.rs2);
}

constexpr std::int16_t csrNumber(CsrAddress csr) { return static_cast<std::int16_t>(csr); }

// Fields the fences reserve for future use (unprivileged ISA 2.7 and
// chapter 3): a hart ignores them, but objdump only recognises encodings
// that leave them zero.
constexpr std::uint32_t kFenceReserved = 0xf00f8f80;     // fm, rs1, rd
constexpr std::uint32_t kFenceTsoReserved = 0x000f8f80;  // rs1, rd
constexpr std::uint32_t kFenceIReserved = 0xffff8f80;    // imm, rs1, rd
// binutils 2.40 knows the exact widening conversions (fcvt.d.s, fcvt.d.w,
// fcvt.d.wu) only with rm = 000; the ISA gives them an rm field like the
// other conversions, so Glasshart decodes every rm and prints the others as
// objdump does.
constexpr std::uint32_t kRmField = 0x7000;

constexpr AliasRule kRules[] = {
    // Compressed HINTs (unprivileged ISA 16.8) mostly keep their "c." name;
    // a C.ADDI with a zero immediate stays an add rather than becoming mv.
    {Opcode::Addi, {.rd = 0, .imm = kImmNonZero, .fetched = Fetched::CAddi}, "c.nop", "i"},
    {Opcode::Addi, {.rd = kNonZero, .imm = immIs(0), .fetched = Fetched::CAddi}, "add", "d,s,i"},
    {Opcode::Addi, {.rd = 0, .fetched = Fetched::CLi}, "c.li", "d,i"},
    {Opcode::Addi, {.rd = 0, .rs1 = 0, .imm = immIs(0)}, "nop", ""},
    {Opcode::Addi, {.rs1 = 0}, "li", "d,i"},
    {Opcode::Addi, {.imm = immIs(0)}, "mv", "d,s"},
    // binutils 2.40 names most immediate forms after their register twins
    // (add a0,a1,5 for addi); slti and sltiu keep their own names.
    {Opcode::Addi, {}, "add", "d,s,i"},
    {Opcode::Sltiu, {.imm = immIs(1)}, "seqz", "d,s"},
    {Opcode::Xori, {.imm = immIs(-1)}, "not", "d,s"},
    {Opcode::Xori, {}, "xor", "d,s,i"},
    {Opcode::Ori, {}, "or", "d,s,i"},
    {Opcode::Andi, {.imm = immIs(0xff)}, "zext.b", "d,s"},
    {Opcode::Andi, {}, "and", "d,s,i"},
    {Opcode::Slli, {.imm = immIs(0), .fetched = Fetched::Compressed}, "c.slli64", "d"},
    {Opcode::Slli, {.rd = 0, .fetched = Fetched::Compressed}, "c.slli", "d,h"},
    {Opcode::Slli, {}, "sll", "d,s,h"},
    {Opcode::Srli, {.imm = immIs(0), .fetched = Fetched::Compressed}, "c.srli64", "d"},
    {Opcode::Srli, {}, "srl", "d,s,h"},
    {Opcode::Srai, {.imm = immIs(0), .fetched = Fetched::Compressed}, "c.srai64", "d"},
    {Opcode::Srai, {}, "sra", "d,s,h"},
    {Opcode::Addiw, {.imm = immIs(0)}, "sext.w", "d,s"},
    {Opcode::Addiw, {}, "addw", "d,s,i"},
    {Opcode::Slliw, {}, "sllw", "d,s,h"},
    {Opcode::Srliw, {}, "srlw", "d,s,h"},
    {Opcode::Sraiw, {}, "sraw", "d,s,h"},

    {Opcode::Add, {.rd = 0, .fetched = Fetched::CMv}, "c.mv", "d,t"},
    {Opcode::Add, {.fetched = Fetched::CMv}, "mv", "d,t"},
    {Opcode::Add, {.rd = 0, .fetched = Fetched::Compressed}, "c.add", "d,t"},
    {Opcode::Sub, {.rs1 = 0}, "neg", "d,t"},
    {Opcode::Slt, {.rs2 = 0}, "sltz", "d,s"},
    {Opcode::Slt, {.rs1 = 0}, "sgtz", "d,t"},
    {Opcode::Sltu, {.rs1 = 0}, "snez", "d,t"},
    {Opcode::Subw, {.rs1 = 0}, "negw", "d,t"},

    {Opcode::Lui, {.rd = 0, .fetched = Fetched::Compressed}, "c.lui", "d,u"},

    {Opcode::Jal, {.rd = 0}, "j", "a"},
    {Opcode::Jal, {.rd = kRa}, "jal", "a"},
    {Opcode::Jalr, {.rd = 0, .rs1 = kRa, .imm = immIs(0)}, "ret", ""},
    {Opcode::Jalr, {.rd = 0, .imm = immIs(0)}, "jr", "s"},
    {Opcode::Jalr, {.rd = kRa, .imm = immIs(0)}, "jalr", "s"},
    {Opcode::Jalr, {.rd = 0}, "jr", "i(s)"},
    {Opcode::Jalr, {.rd = kRa}, "jalr", "i(s)"},
    {Opcode::Jalr, {.imm = immIs(0)}, "jalr", "d,s"},

    {Opcode::Beq, {.rs2 = 0}, "beqz", "s,a"},
    {Opcode::Bne, {.rs2 = 0}, "bnez", "s,a"},
    {Opcode::Blt, {.rs2 = 0}, "bltz", "s,a"},
    {Opcode::Blt, {.rs1 = 0}, "bgtz", "t,a"},
    {Opcode::Bge, {.rs1 = 0}, "blez", "t,a"},
    {Opcode::Bge, {.rs2 = 0}, "bgez", "s,a"},

    {Opcode::FenceTso, {.reservedBits = kFenceTsoReserved}, ".4byte", "w"},
    {Opcode::Fence, {.reservedBits = kFenceReserved}, ".4byte", "w"},
    {Opcode::Fence, {.imm = immIs(0xff)}, "fence", ""},
    {Opcode::FenceI, {.reservedBits = kFenceIReserved}, ".4byte", "w"},
    {Opcode::SfenceVma, {.rs1 = 0, .rs2 = 0}, "sfence.vma", ""},
    {Opcode::SfenceVma, {.rs2 = 0}, "sfence.vma", "s"},

    // The assembly programmer's manual spells unimp as csrrw zero,cycle,zero:
    // cycle is read-only, so the write always traps (privileged spec 2.1).
    {Opcode::Csrrw, {.rd = 0, .rs1 = 0, .csr = csrNumber(CsrAddress::Cycle)}, "unimp", ""},
    // The F extension's CSR pseudo-instructions (unprivileged ISA chapter 25,
    // table 25.3); objdump uses them whatever rd is.
    {Opcode::Csrrw, {.rd = 0, .csr = csrNumber(CsrAddress::Fcsr)}, "fscsr", "s"},
    {Opcode::Csrrw, {.csr = csrNumber(CsrAddress::Fcsr)}, "fscsr", "d,s"},
    {Opcode::Csrrw, {.rd = 0, .csr = csrNumber(CsrAddress::Frm)}, "fsrm", "s"},
    {Opcode::Csrrw, {.csr = csrNumber(CsrAddress::Frm)}, "fsrm", "d,s"},
    {Opcode::Csrrw, {.rd = 0, .csr = csrNumber(CsrAddress::Fflags)}, "fsflags", "s"},
    {Opcode::Csrrw, {.csr = csrNumber(CsrAddress::Fflags)}, "fsflags", "d,s"},
    {Opcode::Csrrw, {.rd = 0}, "csrw", "c,s"},
    {Opcode::Csrrs, {.rs1 = 0, .csr = csrNumber(CsrAddress::Cycle)}, "rdcycle", "d"},
    {Opcode::Csrrs, {.rs1 = 0, .csr = csrNumber(CsrAddress::Time)}, "rdtime", "d"},
    {Opcode::Csrrs, {.rs1 = 0, .csr = csrNumber(CsrAddress::Instret)}, "rdinstret", "d"},
    // The high halves exist only on RV32 (Zicntr), so only there do they
    // have pseudo-instructions.
    {Opcode::Csrrs,
     {.rs1 = 0, .csr = csrNumber(CsrAddress::Cycleh), .rv32 = true},
     "rdcycleh",
     "d"},
    {Opcode::Csrrs, {.rs1 = 0, .csr = csrNumber(CsrAddress::Timeh), .rv32 = true}, "rdtimeh", "d"},
    {Opcode::Csrrs,
     {.rs1 = 0, .csr = csrNumber(CsrAddress::Instreth), .rv32 = true},
     "rdinstreth",
     "d"},
    {Opcode::Csrrs, {.rs1 = 0, .csr = csrNumber(CsrAddress::Fcsr)}, "frcsr", "d"},
    {Opcode::Csrrs, {.rs1 = 0, .csr = csrNumber(CsrAddress::Frm)}, "frrm", "d"},
    {Opcode::Csrrs, {.rs1 = 0, .csr = csrNumber(CsrAddress::Fflags)}, "frflags", "d"},
    {Opcode::Csrrs, {.rs1 = 0}, "csrr", "d,c"},
    {Opcode::Csrrs, {.rd = 0}, "csrs", "c,s"},
    {Opcode::Csrrc, {.rd = 0}, "csrc", "c,s"},
    // binutils 2.40 prints the immediate CSR forms without their "i".
    {Opcode::Csrrwi, {.csr = csrNumber(CsrAddress::Frm)}, "fsrmi", "d,i"},
    {Opcode::Csrrwi, {.csr = csrNumber(CsrAddress::Fflags)}, "fsflagsi", "d,i"},
    {Opcode::Csrrwi, {.rd = 0}, "csrw", "c,i"},
    {Opcode::Csrrwi, {}, "csrrw", "d,c,i"},
    {Opcode::Csrrsi, {.rd = 0}, "csrs", "c,i"},
    {Opcode::Csrrsi, {}, "csrrs", "d,c,i"},
    {Opcode::Csrrci, {.rd = 0}, "csrc", "c,i"},
    {Opcode::Csrrci, {}, "csrrc", "d,c,i"},

    // Sign injection with rs1 = rs2 moves, negates or takes the absolute value.
    {Opcode::FsgnjS, {.sameSources = true}, "fmv.s", "D,S"},
    {Opcode::FsgnjnS, {.sameSources = true}, "fneg.s", "D,S"},
    {Opcode::FsgnjxS, {.sameSources = true}, "fabs.s", "D,S"},
    {Opcode::FsgnjD, {.sameSources = true}, "fmv.d", "D,S"},
    {Opcode::FsgnjnD, {.sameSources = true}, "fneg.d", "D,S"},
    {Opcode::FsgnjxD, {.sameSources = true}, "fabs.d", "D,S"},
    {Opcode::FcvtDS, {.reservedBits = kRmField}, ".4byte", "w"},
    {Opcode::FcvtDS, {}, "fcvt.d.s", "D,S"},
    {Opcode::FcvtDW, {.reservedBits = kRmField}, ".4byte", "w"},
    {Opcode::FcvtDW, {}, "fcvt.d.w", "D,s"},
    {Opcode::FcvtDWu, {.reservedBits = kRmField}, ".4byte", "w"},
    {Opcode::FcvtDWu, {}, "fcvt.d.wu", "D,s"},
};

constexpr std::size_t kOpcodeCount = static_cast<std::size_t>(Opcode::Illegal) + 1;

struct RuleRange {
    std::uint8_t begin = 0;
    std::uint8_t end = 0;
};

// The rules of each opcode, found with one lookup.
constexpr std::array<RuleRange, kOpcodeCount> kRuleRanges = [] {
    std::array<RuleRange, kOpcodeCount> ranges{};
    for (std::size_t i = std::size(kRules); i-- > 0;) {
        RuleRange& range = ranges[static_cast<std::size_t>(kRules[i].opcode)];
        if (range.end == 0) {
            range.end = static_cast<std::uint8_t>(i + 1);
        }
        range.begin = static_cast<std::uint8_t>(i);
    }
    return ranges;
}();

constexpr bool rulesAreGroupedByOpcode() {
    for (std::size_t i = 0; i < std::size(kRules); ++i) {
        const RuleRange range = kRuleRanges[static_cast<std::size_t>(kRules[i].opcode)];
        if (i < range.begin || i >= range.end) {
            return false;
        }
        for (std::size_t j = range.begin; j < range.end; ++j) {
            if (kRules[j].opcode != kRules[i].opcode) {
                return false;
            }
        }
    }
    return std::size(kRules) < 256;
}
static_assert(rulesAreGroupedByOpcode(), "kRules: keep each opcode's rules together");

constexpr std::string_view defaultOperands(OperandFormat format) {
    switch (format) {
        case OperandFormat::None:
            return "";
        case OperandFormat::Reg:
            return "d,s,t";
        case OperandFormat::Imm:
            return "d,s,i";
        case OperandFormat::Shift:
        case OperandFormat::ShiftW:
            return "d,s,h";
        case OperandFormat::Load:
            return "d,i(s)";
        case OperandFormat::Store:
            return "t,i(s)";
        case OperandFormat::Branch:
            return "s,t,a";
        case OperandFormat::Upper:
            return "d,u";
        case OperandFormat::Jal:
            return "d,a";
        case OperandFormat::Jalr:
            return "d,i(s)";
        case OperandFormat::Fence:
            return "p,q";
        case OperandFormat::CsrReg:
            return "d,c,s";
        case OperandFormat::CsrImm:
            return "d,c,i";
        case OperandFormat::Amo:
            return "d,t,(s)";
        case OperandFormat::LoadReserved:
            return "d,(s)";
        case OperandFormat::FenceVma:
            return "s,t";
        case OperandFormat::FLoad:
            return "D,i(s)";
        case OperandFormat::FStore:
            return "T,i(s)";
        case OperandFormat::FR4:
            return "D,S,T,Rm";
        case OperandFormat::FRegRm:
            return "D,S,Tm";
        case OperandFormat::FReg:
            return "D,S,T";
        case OperandFormat::FUnaryRm:
            return "D,Sm";
        case OperandFormat::FCompare:
            return "d,S,T";
        case OperandFormat::FToIntRm:
            return "d,Sm";
        case OperandFormat::FToInt:
            return "d,S";
        case OperandFormat::IntToFRm:
            return "D,sm";
        case OperandFormat::IntToF:
            return "D,s";
    }
    return "";
}

void appendHex(std::string& out, std::uint64_t value) {
    char buffer[16];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, 16);
    out.append(buffer, result.ptr);
}

void appendDecimal(std::string& out, std::int64_t value) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

// A fence's predecessor or successor set (unprivileged ISA 2.7): the letters
// of the bits set, in the order i, o, r, w.
void appendFenceSet(std::string& out, unsigned set) {
    if (set == 0) {
        out += "unknown";
        return;
    }
    constexpr char kLetters[] = {'i', 'o', 'r', 'w'};
    for (unsigned bit = 0; bit < 4; ++bit) {
        if ((set & (8u >> bit)) != 0) {
            out += kLetters[bit];
        }
    }
}

void appendOperands(std::string& out, std::string_view pattern, const DecodedInstruction& in,
                    std::uint64_t pc, Xlen xlen, const SymbolNamer& namer) {
    for (const char code : pattern) {
        switch (code) {
            case 'd':
                out += kAbiNames[in.rd];
                break;
            case 's':
                out += kAbiNames[in.rs1];
                break;
            case 't':
                out += kAbiNames[in.rs2];
                break;
            case 'D':
                out += kFloatAbiNames[in.rd];
                break;
            case 'S':
                out += kFloatAbiNames[in.rs1];
                break;
            case 'T':
                out += kFloatAbiNames[in.rs2];
                break;
            case 'R':
                out += kFloatAbiNames[in.rs3];
                break;
            case 'm':
                if (in.rm != kDynamicRounding) {
                    out += ',';
                    out += kRoundingModeNames[in.rm];
                }
                break;
            case 'i':
                appendDecimal(out, in.imm);
                break;
            case 'h':
                out += "0x";
                appendHex(out, static_cast<std::uint64_t>(in.imm));
                break;
            case 'u':
                out += "0x";
                appendHex(out, (static_cast<std::uint64_t>(in.imm) >> 12) & 0xfffff);
                break;
            case 'a': {
                std::uint64_t target = pc + static_cast<std::uint64_t>(in.imm);
                if (xlen == Xlen::Rv32) {
                    target &= 0xffffffffu;
                }
                appendHex(out, target);
                if (namer) {
                    if (const std::optional<std::string> symbol = namer(target)) {
                        out += " <";
                        out += *symbol;
                        out += '>';
                    }
                }
                break;
            }
            case 'c':
                if (const std::optional<std::string_view> name = csrName(in.csr)) {
                    out += *name;
                } else {
                    out += "0x";
                    appendHex(out, in.csr);
                }
                break;
            case 'p':
                appendFenceSet(out, (static_cast<unsigned>(in.imm) >> 4) & 0xf);
                break;
            case 'q':
                appendFenceSet(out, static_cast<unsigned>(in.imm) & 0xf);
                break;
            case 'w':
                out += "0x";
                appendHex(out, in.bits);
                break;
            default:
                out += code;
                break;
        }
    }
}

}  // namespace

std::string disassemble(const DecodedInstruction& instruction, std::uint64_t pc, Xlen xlen,
                        const SymbolNamer& namer) {
    if (instruction.isIllegal()) {
        // objdump's words for "not an instruction": the all-zero parcel is
        // its c.unimp, anything else is shown as raw data.
        if (instruction.length == 2 && instruction.bits == 0) {
            return "unimp";
        }
        std::string text(instruction.length == 2 ? ".2byte\t0x" : ".4byte\t0x");
        appendHex(text, instruction.bits);
        return text;
    }

    const InstructionInfo& info = instruction.info();
    std::string_view mnemonic = info.mnemonic;
    std::string_view operands = defaultOperands(info.format);
    const RuleRange range = kRuleRanges[static_cast<std::size_t>(instruction.opcode)];
    for (std::size_t i = range.begin; i < range.end; ++i) {
        if (ruleMatches(kRules[i].when, instruction, xlen)) {
            mnemonic = kRules[i].mnemonic;
            operands = kRules[i].operands;
            break;
        }
    }

    std::string text(mnemonic);
    if (info.format == OperandFormat::Amo || info.format == OperandFormat::LoadReserved) {
        // Ordering bits become a suffix (unprivileged ISA 8.2).
        if (instruction.acquire && instruction.release) {
            text += ".aqrl";
        } else if (instruction.acquire) {
            text += ".aq";
        } else if (instruction.release) {
            text += ".rl";
        }
    }
    if (!operands.empty()) {
        text += '\t';
        appendOperands(text, operands, instruction, pc, xlen, namer);
    }
    return text;
}

const char* abiRegisterName(unsigned index) {
    return index < kAbiNames.size() ? kAbiNames[index] : "?";
}

const char* floatAbiRegisterName(unsigned index) {
    return index < kFloatAbiNames.size() ? kFloatAbiNames[index] : "?";
}

const char* roundingModeName(unsigned mode) {
    return mode < kRoundingModeNames.size() ? kRoundingModeNames[mode] : "unknown";
}

}  // namespace glasshart
