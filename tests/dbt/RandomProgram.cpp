#include "RandomProgram.h"

#include <cstring>
#include <span>

#include "isa/CsrAddress.h"
#include "isa/Decoder.h"

namespace glasshart::test {
namespace {

std::uint32_t encodeR(std::uint32_t match, unsigned rd, unsigned rs1, unsigned rs2) {
    return match | rd << 7 | rs1 << 15 | rs2 << 20;
}
std::uint32_t encodeI(std::uint32_t match, unsigned rd, unsigned rs1, std::int32_t imm) {
    return match | rd << 7 | rs1 << 15 | (static_cast<std::uint32_t>(imm) & 0xfff) << 20;
}
std::uint32_t encodeS(std::uint32_t match, unsigned rs1, unsigned rs2, std::int32_t imm) {
    const auto u = static_cast<std::uint32_t>(imm);
    return match | (u & 0x1f) << 7 | rs1 << 15 | rs2 << 20 | ((u >> 5) & 0x7f) << 25;
}
std::uint32_t encodeB(std::uint32_t match, unsigned rs1, unsigned rs2, std::int32_t offset) {
    const auto u = static_cast<std::uint32_t>(offset);
    return match | ((u >> 11) & 1) << 7 | ((u >> 1) & 0xf) << 8 | rs1 << 15 | rs2 << 20 | ((u >> 5) & 0x3f) << 25 |
           ((u >> 12) & 1) << 31;
}
std::uint32_t encodeJ(std::uint32_t match, unsigned rd, std::int32_t offset) {
    const auto u = static_cast<std::uint32_t>(offset);
    return match | rd << 7 | ((u >> 12) & 0xff) << 12 | ((u >> 11) & 1) << 20 | ((u >> 1) & 0x3ff) << 21 |
           ((u >> 20) & 1) << 31;
}

const InstructionInfo& info(Opcode opcode) { return infoOf(opcode); }

// One instruction slot of the body; control transfers are resolved after layout.
struct Slot {
    enum class Kind { Plain, Compressed, Branch, Jal, AuipcJalr } kind;
    std::uint32_t bits = 0;
    Opcode opcode = Opcode::Illegal;
    unsigned rd = 0, rs1 = 0, rs2 = 0;
    std::size_t target = 0;  // slot index (forward)

    [[nodiscard]] unsigned size() const {
        return kind == Kind::Compressed ? 2 : kind == Kind::AuipcJalr ? 8 : 4;
    }
};

class Generator {
public:
    Generator(std::uint32_t seed, Xlen xlen) : random_(seed), xlen_(xlen) {
        for (const InstructionInfo& row : instructionTable()) {
            if (row.has(kRv64Only) && xlen == Xlen::Rv32) continue;
            switch (row.opcode) {
            case Opcode::Jal: case Opcode::Jalr: case Opcode::Mret: case Opcode::Wfi: continue;
            default: break;
            }
            if (row.format == OperandFormat::Branch) {
                branches_.push_back(&row);
            } else {
                plain_.push_back(&row);
            }
        }
    }

    Slot next(std::size_t index, std::size_t count) {
        const unsigned pick = uniform(100);
        const std::size_t farthest = std::min(count, index + 12);
        auto forward = [&] { return index + 1 + uniform(static_cast<unsigned>(farthest - index)); };
        if (pick < 8) {
            const InstructionInfo& branch = *branches_[uniform(static_cast<unsigned>(branches_.size()))];
            return Slot{Slot::Kind::Branch, 0, branch.opcode, 0, anyRegister(), anyRegister(), forward()};
        }
        if (pick < 10) return Slot{Slot::Kind::Jal, 0, Opcode::Jal, destination(), 0, 0, forward()};
        if (pick < 12) return Slot{Slot::Kind::AuipcJalr, 0, Opcode::Jalr, destination(), 0, 0, forward()};
        if (pick < 22) return Slot{Slot::Kind::Compressed, compressed()};
        return Slot{Slot::Kind::Plain, plain()};
    }

    std::uint64_t registerValue() {
        static constexpr std::uint64_t kEdges[] = {0, 1, ~0ull, 0x8000'0000'0000'0000ull, 0x7fff'ffff'ffff'ffffull,
                                                   0x8000'0000ull, 0x7fff'ffffull, 0xffff'ffffull};
        const std::uint64_t value = uniform(4) == 0 ? kEdges[uniform(std::size(kEdges))] : wide();
        return xlen_ == Xlen::Rv32 ? static_cast<std::uint32_t>(value) : value;
    }

    unsigned uniform(unsigned bound) { return std::uniform_int_distribution<unsigned>(0, bound - 1)(random_); }

private:
    std::uint64_t wide() { return (std::uint64_t{random_()} << 32) | random_(); }
    unsigned anyRegister() { return uniform(32); }
    unsigned destination() { return uniform(29); }  // x0..x28
    std::int32_t immediate12() {
        static constexpr std::int32_t kEdges[] = {0, 1, -1, 2047, -2048, 31, 32, 63};
        return uniform(3) == 0 ? kEdges[uniform(std::size(kEdges))] : static_cast<std::int32_t>(uniform(4096)) - 2048;
    }
    std::uint16_t csrNumber() {
        static constexpr CsrAddress kCsrs[] = {CsrAddress::Mscratch, CsrAddress::Mstatus, CsrAddress::Mepc,
                                               CsrAddress::Mcause,   CsrAddress::Mtval,   CsrAddress::Minstret,
                                               CsrAddress::Mcycle,   CsrAddress::Instret, CsrAddress::Cycle,
                                               CsrAddress::Time,     CsrAddress::Misa,    CsrAddress::Mhartid,
                                               CsrAddress::Mie,      CsrAddress::Mip,     CsrAddress::Mcountinhibit,
                                               CsrAddress::Minstreth, CsrAddress::Mvendorid};
        if (uniform(10) == 0) return static_cast<std::uint16_t>(0x7c0 + uniform(16));  // not implemented: illegal
        return static_cast<std::uint16_t>(kCsrs[uniform(std::size(kCsrs))]);
    }
    unsigned memoryBase() { return uniform(8) == 0 ? 1 + uniform(28) : kDataPointer; }

    std::uint32_t plain() {
        const InstructionInfo& row = *plain_[uniform(static_cast<unsigned>(plain_.size()))];
        const unsigned rd = destination();
        switch (row.format) {
        case OperandFormat::Reg: return encodeR(row.match, rd, anyRegister(), anyRegister());
        case OperandFormat::Imm: return encodeI(row.match, rd, anyRegister(), immediate12());
        case OperandFormat::Shift:
            return encodeR(row.match, rd, anyRegister(), uniform(xlen_ == Xlen::Rv64 ? 64 : 32));
        case OperandFormat::ShiftW: return encodeR(row.match, rd, anyRegister(), uniform(32));
        case OperandFormat::Upper: return row.match | rd << 7 | static_cast<std::uint32_t>(wide()) << 12;
        case OperandFormat::Load: return encodeI(row.match, rd, memoryBase(), immediate12() / 2);
        case OperandFormat::Store: return encodeS(row.match, memoryBase(), anyRegister(), immediate12() / 2);
        case OperandFormat::CsrReg:
        case OperandFormat::CsrImm: return row.match | rd << 7 | anyRegister() << 15 | std::uint32_t{csrNumber()} << 20;
        case OperandFormat::Amo:
        case OperandFormat::LoadReserved: {
            const unsigned rs2 = row.format == OperandFormat::Amo ? anyRegister() : 0;
            return encodeR(row.match, rd, memoryBase(), rs2) | uniform(4) << 25;
        }
        case OperandFormat::Fence: return row.match | uniform(16) << 24 | uniform(16) << 20;
        default: return row.match;  // ecall, ebreak, fence.i, fence.tso
        }
    }

    // A random compressed instruction that cannot trap or transfer control
    // and leaves the reserved registers alone.
    std::uint16_t compressed() {
        for (;;) {
            const auto bits = static_cast<std::uint16_t>(random_());
            if ((bits & 3) == 3) continue;
            const DecodedInstruction d = decode(bits, xlen_);
            if (d.isIllegal() || d.rd >= kHandlerScratch) continue;
            const InstructionInfo& row = d.info();
            if (row.flags & (kEndsBlock | kLoad | kStore | kAtomic | kSystem)) continue;
            if (row.format == OperandFormat::Branch) continue;
            return bits;
        }
    }

    std::mt19937 random_;
    Xlen xlen_;
    std::vector<const InstructionInfo*> plain_;
    std::vector<const InstructionInfo*> branches_;
};

void append(std::vector<std::uint8_t>& code, std::uint32_t bits, unsigned size) {
    const std::size_t at = code.size();
    code.resize(at + size);
    std::memcpy(code.data() + at, &bits, size);
}

}  // namespace

RandomProgram makeRandomProgram(std::uint32_t seed, Xlen xlen, unsigned slotCount, unsigned iterations) {
    Generator generator(seed, xlen);
    std::vector<Slot> slots;
    for (std::size_t i = 0; i < slotCount; ++i) slots.push_back(generator.next(i, slotCount));

    // Layout: body slots, then the loop's back-edge (slot index slotCount).
    std::vector<std::uint32_t> offsets;
    std::uint32_t offset = 0;
    for (const Slot& slot : slots) {
        offsets.push_back(offset);
        offset += slot.size();
    }
    offsets.push_back(offset);

    RandomProgram program;
    auto& code = program.code;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const Slot& slot = slots[i];
        const auto distance = static_cast<std::int32_t>(offsets[slot.target] - offsets[i]);
        switch (slot.kind) {
        case Slot::Kind::Plain: append(code, slot.bits, 4); break;
        case Slot::Kind::Compressed: append(code, slot.bits, 2); break;
        case Slot::Kind::Branch: append(code, encodeB(info(slot.opcode).match, slot.rs1, slot.rs2, distance), 4); break;
        case Slot::Kind::Jal: append(code, encodeJ(info(Opcode::Jal).match, slot.rd, distance), 4); break;
        case Slot::Kind::AuipcJalr:
            // auipc x28, 0; jalr rd, distance(x28)
            append(code, info(Opcode::Auipc).match | 28u << 7, 4);
            append(code, encodeI(info(Opcode::Jalr).match, slot.rd, 28, distance), 4);
            break;
        }
    }
    const auto backEdge = static_cast<std::int32_t>(code.size());
    append(code, encodeI(info(Opcode::Addi).match, kLoopCounter, kLoopCounter, -1), 4);
    append(code, encodeB(info(Opcode::Bne).match, kLoopCounter, 0, -(backEdge + 4)), 4);
    program.end = kCodeBase + code.size();
    append(code, encodeJ(info(Opcode::Jal).match, 0, 0), 4);
    // The handler skips the trapping instruction; only 4-byte ones can trap.
    // mtvec's low two bits are its MODE, so the handler is 4-byte aligned.
    if (code.size() % 4 != 0) append(code, 0x0001, 2);  // c.nop
    program.handler = kCodeBase + code.size();
    const auto mepc = static_cast<std::uint32_t>(CsrAddress::Mepc);
    append(code, info(Opcode::Csrrs).match | kHandlerScratch << 7 | mepc << 20, 4);
    append(code, encodeI(info(Opcode::Addi).match, kHandlerScratch, kHandlerScratch, 4), 4);
    append(code, info(Opcode::Csrrw).match | kHandlerScratch << 15 | mepc << 20, 4);
    append(code, info(Opcode::Mret).match, 4);

    for (unsigned r = 1; r < kHandlerScratch; ++r) program.registers[r] = generator.registerValue();
    program.registers[kLoopCounter] = iterations;
    program.registers[kDataPointer] = kDataBase + kDataSize / 2;
    return program;
}

void install(const RandomProgram& program, Machine& machine) {
    Ram& ram = machine.bus().ram();
    std::memcpy(ram.at(kCodeBase), program.code.data(), program.code.size());
    HartState& state = machine.state();
    state.x = program.registers;
    state.pc = kCodeBase;
    state.csr.mtvec = program.handler;
}

}  // namespace glasshart::test
