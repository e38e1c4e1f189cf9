#include "isa/Decoder.h"

#include <array>
#include <cstddef>

#include "isa/Encoding.h"

namespace glasshart {
namespace {

// One row of Instructions.def, reduced to what decoding needs. The rows are
// taken from the .def at compile time rather than from instructionTable() at
// run time so that the bucket table below is a constant: no initialisation
// order to get wrong and no guard on the translator's hot path.
struct Row {
    std::uint32_t match;
    std::uint32_t mask;
    Opcode opcode;
    OperandFormat format;
    bool rv64Only;
};

constexpr std::array kRows = {
#define INSTRUCTION(name, mnemonic, match, mask, format, bytes, flags) \
    Row{match, mask, Opcode::name, OperandFormat::format, ((flags)&kRv64Only) != 0},
#include "isa/Instructions.def"
};

// Candidates are bucketed by major opcode (bits 6:2) and funct3 (bits 14:12),
// the two fields every 32-bit encoding has (unprivileged ISA section 2.2), so
// a lookup compares against at most a handful of rows. A row whose mask does
// not cover funct3 (lui, auipc, jal) goes into all eight of its buckets.
constexpr std::size_t kBucketCount = 32 * 8;

constexpr std::size_t bucketOf(std::uint32_t bits) {
    return (((bits >> 2) & 0x1f) << 3) | ((bits >> 12) & 0x7);
}

constexpr std::uint32_t kMajorMask = 0x7f;
constexpr std::uint32_t kFunct3Mask = 0x7000;

constexpr bool rowCoversFunct3(const Row& row) { return (row.mask & kFunct3Mask) == kFunct3Mask; }

constexpr bool rowInBucket(const Row& row, std::size_t bucket) {
    if ((((row.match >> 2) & 0x1f) << 3) != (bucket & ~std::size_t{7})) {
        return false;
    }
    return !rowCoversFunct3(row) || ((row.match >> 12) & 0x7) == (bucket & 7);
}

constexpr std::size_t countPlacements() {
    std::size_t count = 0;
    for (std::size_t bucket = 0; bucket < kBucketCount; ++bucket) {
        for (const Row& row : kRows) {
            count += rowInBucket(row, bucket) ? 1 : 0;
        }
    }
    return count;
}

struct Buckets {
    // Rows of bucket b are rows[begin[b] .. begin[b + 1]), in table order so
    // that a more specific row listed first (fence.tso before fence) wins.
    std::array<std::uint16_t, kBucketCount + 1> begin{};
    std::array<Row, countPlacements()> rows{};
};

constexpr Buckets kBuckets = [] {
    Buckets buckets;
    std::size_t next = 0;
    for (std::size_t bucket = 0; bucket < kBucketCount; ++bucket) {
        buckets.begin[bucket] = static_cast<std::uint16_t>(next);
        for (const Row& row : kRows) {
            if (rowInBucket(row, bucket)) {
                buckets.rows[next++] = row;
            }
        }
    }
    buckets.begin[kBucketCount] = static_cast<std::uint16_t>(next);
    return buckets;
}();

constexpr bool rowsAreWellFormed() {
    for (const Row& row : kRows) {
        // Every row must pin the major opcode (and be a 32-bit encoding) for
        // the bucketing to be exact.
        if ((row.mask & kMajorMask) != kMajorMask || (row.match & 0x3) != 0x3 ||
            (row.match & ~row.mask) != 0) {
            return false;
        }
    }
    return true;
}
static_assert(rowsAreWellFormed(), "Instructions.def: a row's match/mask breaks decoding");

// Fills the operand fields `format` says the encoding carries.
void extractOperands(DecodedInstruction& out, OperandFormat format, std::uint32_t bits) {
    using namespace encoding;
    switch (format) {
        case OperandFormat::None:
            break;
        case OperandFormat::Fence:
            // fm, pred and succ (section 2.7); rd and rs1 are reserved and
            // ignored by base implementations.
            out.imm = bits >> 20;
            break;
        case OperandFormat::Reg:
            out.rd = rd(bits);
            out.rs1 = rs1(bits);
            out.rs2 = rs2(bits);
            break;
        case OperandFormat::Imm:
        case OperandFormat::Load:
        case OperandFormat::Jalr:
            out.rd = rd(bits);
            out.rs1 = rs1(bits);
            out.imm = immI(bits);
            break;
        case OperandFormat::Shift:
            out.rd = rd(bits);
            out.rs1 = rs1(bits);
            out.imm = (bits >> 20) & 0x3f;
            break;
        case OperandFormat::ShiftW:
            out.rd = rd(bits);
            out.rs1 = rs1(bits);
            out.imm = (bits >> 20) & 0x1f;
            break;
        case OperandFormat::FenceVma:
            out.rs1 = rs1(bits);
            out.rs2 = rs2(bits);
            break;
        case OperandFormat::Store:
            out.rs1 = rs1(bits);
            out.rs2 = rs2(bits);
            out.imm = immS(bits);
            break;
        case OperandFormat::Branch:
            out.rs1 = rs1(bits);
            out.rs2 = rs2(bits);
            out.imm = immB(bits);
            break;
        case OperandFormat::Upper:
            out.rd = rd(bits);
            out.imm = immU(bits);
            break;
        case OperandFormat::Jal:
            out.rd = rd(bits);
            out.imm = immJ(bits);
            break;
        case OperandFormat::CsrReg:
            out.rd = rd(bits);
            out.rs1 = rs1(bits);
            out.csr = static_cast<std::uint16_t>(bits >> 20);
            break;
        case OperandFormat::CsrImm:
            // The rs1 field holds a zero-extended 5-bit immediate (section 9.1).
            out.rd = rd(bits);
            out.csr = static_cast<std::uint16_t>(bits >> 20);
            out.imm = rs1(bits);
            break;
        case OperandFormat::Amo:
            out.rd = rd(bits);
            out.rs1 = rs1(bits);
            out.rs2 = rs2(bits);
            out.acquire = ((bits >> 26) & 1) != 0;
            out.release = ((bits >> 25) & 1) != 0;
            break;
        case OperandFormat::LoadReserved:
            out.rd = rd(bits);
            out.rs1 = rs1(bits);
            out.acquire = ((bits >> 26) & 1) != 0;
            out.release = ((bits >> 25) & 1) != 0;
            break;
        case OperandFormat::FLoad:
            out.rd = rd(bits);
            out.rs1 = rs1(bits);
            out.imm = immI(bits);
            break;
        case OperandFormat::FStore:
            out.rs1 = rs1(bits);
            out.rs2 = rs2(bits);
            out.imm = immS(bits);
            break;
        case OperandFormat::FR4:
            // R4-type (unprivileged ISA 11.6): rs3 in bits 31:27.
            out.rs3 = static_cast<std::uint8_t>(bits >> 27);
            [[fallthrough]];
        case OperandFormat::FRegRm:
            out.rm = rm(bits);
            [[fallthrough]];
        case OperandFormat::FReg:
        case OperandFormat::FCompare:
            out.rd = rd(bits);
            out.rs1 = rs1(bits);
            out.rs2 = rs2(bits);
            break;
        case OperandFormat::FUnaryRm:
        case OperandFormat::FToIntRm:
        case OperandFormat::IntToFRm:
            out.rm = rm(bits);
            [[fallthrough]];
        case OperandFormat::FToInt:
        case OperandFormat::IntToF:
            out.rd = rd(bits);
            out.rs1 = rs1(bits);
            break;
    }
}

DecodedInstruction decode32(std::uint32_t bits, Xlen xlen) {
    DecodedInstruction out;
    out.bits = bits;
    const std::size_t bucket = bucketOf(bits);
    for (std::size_t i = kBuckets.begin[bucket]; i < kBuckets.begin[bucket + 1]; ++i) {
        const Row& row = kBuckets.rows[i];
        if ((bits & row.mask) != row.match) {
            continue;
        }
        if (xlen == Xlen::Rv32) {
            if (row.rv64Only) {
                return out;
            }
            // RV32I shifts by an immediate have a 5-bit shamt (section
            // 2.4.1); bit 25 belongs to funct7, which must be zero (RV32I
            // listing, chapter 24), so the RV64 encodings are not RV32 ones.
            if (row.format == OperandFormat::Shift && ((bits >> 25) & 1) != 0) {
                return out;
            }
        }
        out.opcode = row.opcode;
        extractOperands(out, row.format, bits);
        return out;
    }
    return out;
}

}  // namespace

DecodedInstruction decode(std::uint32_t bits, Xlen xlen) {
    if ((bits & 0x3) == 0x3) {
        return decode32(bits, xlen);
    }
    const auto parcel = static_cast<std::uint16_t>(bits);
    const std::uint32_t expanded = expandCompressed(parcel, xlen);
    DecodedInstruction out = expanded != 0 ? decode32(expanded, xlen) : DecodedInstruction{};
    out.length = 2;
    out.bits = parcel;
    return out;
}

}  // namespace glasshart
