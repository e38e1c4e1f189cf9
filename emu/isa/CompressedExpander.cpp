// RVC expansion (unprivileged ISA 20191213, chapter 16). Every compressed
// instruction is rewritten as the 32-bit instruction it stands for; reserved
// encodings and encodings reserved for this XLEN expand to 0, which decode()
// reports as illegal. The floating-point loads and stores expand to
// flw/fsw/fld/fsd: C.FLD/C.FSD(SP) on both XLENs, C.FLW/C.FSW(SP) on RV32
// only, where RV64 has C.LD/C.SD(SP) instead (16.3, 16.4).

#include "isa/Decoder.h"
#include "isa/Encoding.h"

namespace glasshart {
namespace {

using namespace encoding;

constexpr unsigned kRa = 1;
constexpr unsigned kSp = 2;

// Bits hi..lo of the parcel, shifted down to bit 0.
constexpr unsigned field(std::uint16_t c, unsigned hi, unsigned lo) {
    return (c >> lo) & ((1u << (hi - lo + 1)) - 1);
}

// Bits hi..lo of the parcel, placed at bit `to` of an immediate.
constexpr unsigned place(std::uint16_t c, unsigned hi, unsigned lo, unsigned to) {
    return field(c, hi, lo) << to;
}

// The 3-bit register fields of CIW/CL/CS/CA/CB formats name x8..x15 (16.2).
constexpr unsigned rdPrime(std::uint16_t c) { return 8 + field(c, 4, 2); }
constexpr unsigned rs1Prime(std::uint16_t c) { return 8 + field(c, 9, 7); }

// Immediate layouts, table 16.1 and the per-instruction figures of 16.3-16.5.
constexpr std::int64_t ciImm(std::uint16_t c) {  // imm[5] | imm[4:0]
    return signExtend(place(c, 12, 12, 5) | place(c, 6, 2, 0), 6);
}
constexpr unsigned ciShamt(std::uint16_t c) { return place(c, 12, 12, 5) | place(c, 6, 2, 0); }
constexpr unsigned addi4spnImm(std::uint16_t c) {  // nzuimm[5:4|9:6|2|3]
    return place(c, 12, 11, 4) | place(c, 10, 7, 6) | place(c, 6, 6, 2) | place(c, 5, 5, 3);
}
constexpr unsigned wordOffset(std::uint16_t c) {  // CL/CS: uimm[5:3] | uimm[2|6]
    return place(c, 12, 10, 3) | place(c, 6, 6, 2) | place(c, 5, 5, 6);
}
constexpr unsigned doubleOffset(std::uint16_t c) {  // CL/CS: uimm[5:3] | uimm[7:6]
    return place(c, 12, 10, 3) | place(c, 6, 5, 6);
}
constexpr std::int64_t jumpOffset(std::uint16_t c) {  // CJ: offset[11|4|9:8|10|6|7|3:1|5]
    return signExtend(place(c, 12, 12, 11) | place(c, 11, 11, 4) | place(c, 10, 9, 8) |
                          place(c, 8, 8, 10) | place(c, 7, 7, 6) | place(c, 6, 6, 7) |
                          place(c, 5, 3, 1) | place(c, 2, 2, 5),
                      12);
}
constexpr std::int64_t branchOffset(std::uint16_t c) {  // CB: offset[8|4:3] | offset[7:6|2:1|5]
    return signExtend(place(c, 12, 12, 8) | place(c, 11, 10, 3) | place(c, 6, 5, 6) |
                          place(c, 4, 3, 1) | place(c, 2, 2, 5),
                      9);
}
constexpr std::int64_t addi16spImm(std::uint16_t c) {  // nzimm[9] | nzimm[4|6|8:7|5]
    return signExtend(place(c, 12, 12, 9) | place(c, 6, 6, 4) | place(c, 5, 5, 6) |
                          place(c, 4, 3, 7) | place(c, 2, 2, 5),
                      10);
}
constexpr std::int64_t luiImm(std::uint16_t c) {  // nzimm[17] | nzimm[16:12]
    return signExtend(place(c, 12, 12, 17) | place(c, 6, 2, 12), 18);
}
constexpr unsigned lwspOffset(std::uint16_t c) {  // uimm[5] | uimm[4:2|7:6]
    return place(c, 12, 12, 5) | place(c, 6, 4, 2) | place(c, 3, 2, 6);
}
constexpr unsigned ldspOffset(std::uint16_t c) {  // uimm[5] | uimm[4:3|8:6]
    return place(c, 12, 12, 5) | place(c, 6, 5, 3) | place(c, 4, 2, 6);
}
constexpr unsigned swspOffset(std::uint16_t c) {  // uimm[5:2|7:6]
    return place(c, 12, 9, 2) | place(c, 8, 7, 6);
}
constexpr unsigned sdspOffset(std::uint16_t c) {  // uimm[5:3|8:6]
    return place(c, 12, 10, 3) | place(c, 9, 7, 6);
}

// Shift-immediate encodings carry shamt in the I-immediate's low bits.
constexpr std::uint32_t encodeShift(Opcode opcode, unsigned rd, unsigned rs1, unsigned shamt) {
    return matchOf(opcode) | (shamt << 20) | (rs1 << 15) | (rd << 7);
}

// Quadrant 0 (table 16.5).
std::uint32_t expandQuadrant0(std::uint16_t c, bool rv64) {
    switch (field(c, 15, 13)) {
        case 0: {  // C.ADDI4SPN; nzuimm = 0 is reserved, which covers the all-zero parcel
            const unsigned imm = addi4spnImm(c);
            return imm == 0 ? 0 : encodeI(Opcode::Addi, rdPrime(c), kSp, imm);
        }
        case 1:  // C.FLD
            return encodeI(Opcode::Fld, rdPrime(c), rs1Prime(c), doubleOffset(c));
        case 2:  // C.LW
            return encodeI(Opcode::Lw, rdPrime(c), rs1Prime(c), wordOffset(c));
        case 3:  // C.LD on RV64; C.FLW on RV32
            return rv64 ? encodeI(Opcode::Ld, rdPrime(c), rs1Prime(c), doubleOffset(c))
                        : encodeI(Opcode::Flw, rdPrime(c), rs1Prime(c), wordOffset(c));
        case 5:  // C.FSD
            return encodeS(Opcode::Fsd, rs1Prime(c), rdPrime(c), doubleOffset(c));
        case 6:  // C.SW
            return encodeS(Opcode::Sw, rs1Prime(c), rdPrime(c), wordOffset(c));
        case 7:  // C.SD on RV64; C.FSW on RV32
            return rv64 ? encodeS(Opcode::Sd, rs1Prime(c), rdPrime(c), doubleOffset(c))
                        : encodeS(Opcode::Fsw, rs1Prime(c), rdPrime(c), wordOffset(c));
        default:  // the reserved funct3 = 100
            return 0;
    }
}

// Quadrant 1, funct3 = 100: shifts, C.ANDI and the register-register ops.
std::uint32_t expandArithmetic(std::uint16_t c, bool rv64) {
    const unsigned reg = rs1Prime(c);
    switch (field(c, 11, 10)) {
        case 0:    // C.SRLI
        case 1: {  // C.SRAI
            // On RV32, shamt[5] = 1 is reserved for custom use; shamt = 0 is a HINT.
            if (!rv64 && field(c, 12, 12) != 0) {
                return 0;
            }
            const Opcode op = field(c, 11, 10) == 0 ? Opcode::Srli : Opcode::Srai;
            return encodeShift(op, reg, reg, ciShamt(c));
        }
        case 2:  // C.ANDI
            return encodeI(Opcode::Andi, reg, reg, ciImm(c));
        default:
            break;
    }
    const unsigned rs2 = rdPrime(c);
    if (field(c, 12, 12) == 0) {  // C.SUB, C.XOR, C.OR, C.AND
        constexpr Opcode kOps[] = {Opcode::Sub, Opcode::Xor, Opcode::Or, Opcode::And};
        return encodeR(kOps[field(c, 6, 5)], reg, reg, rs2);
    }
    // C.SUBW and C.ADDW are RV64 only; funct2 = 10 and 11 are reserved.
    if (!rv64 || field(c, 6, 6) != 0) {
        return 0;
    }
    return encodeR(field(c, 5, 5) == 0 ? Opcode::Subw : Opcode::Addw, reg, reg, rs2);
}

// Quadrant 1 (table 16.6).
std::uint32_t expandQuadrant1(std::uint16_t c, bool rv64) {
    const unsigned rd = field(c, 11, 7);
    switch (field(c, 15, 13)) {
        case 0:  // C.NOP (rd = 0) and C.ADDI; the nzimm = 0 / rd = 0 forms are HINTs
            return encodeI(Opcode::Addi, rd, rd, ciImm(c));
        case 1:
            if (!rv64) {  // C.JAL is RV32C only
                return encodeJ(Opcode::Jal, kRa, jumpOffset(c));
            }
            // C.ADDIW; rd = 0 is reserved
            return rd == 0 ? 0 : encodeI(Opcode::Addiw, rd, rd, ciImm(c));
        case 2:  // C.LI; rd = 0 is a HINT
            return encodeI(Opcode::Addi, rd, 0, ciImm(c));
        case 3: {
            if (rd == kSp) {  // C.ADDI16SP; nzimm = 0 is reserved
                const std::int64_t imm = addi16spImm(c);
                return imm == 0 ? 0 : encodeI(Opcode::Addi, kSp, kSp, imm);
            }
            const std::int64_t imm = luiImm(c);  // C.LUI; nzimm = 0 reserved, rd = 0 a HINT
            return imm == 0 ? 0 : encodeU(Opcode::Lui, rd, imm);
        }
        case 4:
            return expandArithmetic(c, rv64);
        case 5:  // C.J
            return encodeJ(Opcode::Jal, 0, jumpOffset(c));
        case 6:  // C.BEQZ
            return encodeB(Opcode::Beq, rs1Prime(c), 0, branchOffset(c));
        default:  // C.BNEZ
            return encodeB(Opcode::Bne, rs1Prime(c), 0, branchOffset(c));
    }
}

// Quadrant 2 (table 16.7).
std::uint32_t expandQuadrant2(std::uint16_t c, bool rv64) {
    const unsigned rd = field(c, 11, 7);
    const unsigned rs2 = field(c, 6, 2);
    switch (field(c, 15, 13)) {
        case 0:  // C.SLLI; rd = 0 and shamt = 0 are HINTs, RV32 shamt[5] = 1 is custom
            if (!rv64 && field(c, 12, 12) != 0) {
                return 0;
            }
            return encodeShift(Opcode::Slli, rd, rd, ciShamt(c));
        case 1:  // C.FLDSP; f0 is a valid destination
            return encodeI(Opcode::Fld, rd, kSp, ldspOffset(c));
        case 2:  // C.LWSP; rd = 0 is reserved
            return rd == 0 ? 0 : encodeI(Opcode::Lw, rd, kSp, lwspOffset(c));
        case 3:  // C.LDSP on RV64 (rd = 0 reserved); C.FLWSP on RV32
            if (!rv64) return encodeI(Opcode::Flw, rd, kSp, lwspOffset(c));
            return rd == 0 ? 0 : encodeI(Opcode::Ld, rd, kSp, ldspOffset(c));
        case 4:
            if (field(c, 12, 12) == 0) {
                if (rs2 == 0) {  // C.JR; rs1 = 0 is reserved
                    return rd == 0 ? 0 : encodeI(Opcode::Jalr, 0, rd, 0);
                }
                return encodeR(Opcode::Add, rd, 0, rs2);  // C.MV; rd = 0 is a HINT
            }
            if (rs2 == 0) {  // C.EBREAK when rs1 = 0, else C.JALR
                return rd == 0 ? matchOf(Opcode::Ebreak) : encodeI(Opcode::Jalr, kRa, rd, 0);
            }
            return encodeR(Opcode::Add, rd, rd, rs2);  // C.ADD; rd = 0 is a HINT
        case 5:  // C.FSDSP
            return encodeS(Opcode::Fsd, kSp, rs2, sdspOffset(c));
        case 6:  // C.SWSP
            return encodeS(Opcode::Sw, kSp, rs2, swspOffset(c));
        default:  // C.SDSP on RV64; C.FSWSP on RV32
            return rv64 ? encodeS(Opcode::Sd, kSp, rs2, sdspOffset(c))
                        : encodeS(Opcode::Fsw, kSp, rs2, swspOffset(c));
    }
}

}  // namespace

std::uint32_t expandCompressed(std::uint16_t bits, Xlen xlen) {
    const bool rv64 = xlen == Xlen::Rv64;
    switch (bits & 0x3) {
        case 0:
            return expandQuadrant0(bits, rv64);
        case 1:
            return expandQuadrant1(bits, rv64);
        case 2:
            return expandQuadrant2(bits, rv64);
        default:  // not a compressed instruction
            return 0;
    }
}

}  // namespace glasshart
