#include "dbt/RegisterAllocation.h"

#include <algorithm>
#include <numeric>

namespace glasshart {
namespace {

RegisterMask bit(unsigned index) { return index == 0 ? 0 : 1u << index; }

// In straight-line code a register named only once gains nothing from a
// host register: the load on entry or the store at the exit costs what the
// one access would.
constexpr unsigned kMinimumUsesOnce = 2;

}  // namespace

RegisterUse registerUse(const DecodedInstruction& d) {
    switch (d.info().format) {
    case OperandFormat::Reg: return {bit(d.rs1) | bit(d.rs2), bit(d.rd)};
    case OperandFormat::Imm:
    case OperandFormat::Shift:
    case OperandFormat::ShiftW:
    case OperandFormat::Load:
    case OperandFormat::Jalr: return {bit(d.rs1), bit(d.rd)};
    case OperandFormat::Store:
    case OperandFormat::Branch: return {bit(d.rs1) | bit(d.rs2), 0};
    case OperandFormat::Upper:
    case OperandFormat::Jal: return {0, bit(d.rd)};
    default: return {};
    }
}

RegisterAllocation::RegisterAllocation(const GuestBlock& block, bool loopsInPlace) {
    slot_.fill(kInMemory);
    std::array<unsigned, 32> uses{};
    RegisterMask readBeforeWritten = 0;
    RegisterMask writtenSoFar = 0;
    for (const GuestInstruction& instruction : block) {
        const RegisterUse use = registerUse(instruction.decoded);
        forEachRegister(use.reads, [&](unsigned index) { ++uses[index]; });
        forEachRegister(use.writes, [&](unsigned index) { ++uses[index]; });
        readBeforeWritten |= use.reads & ~writtenSoFar;
        writtenSoFar |= use.writes;
    }

    std::array<unsigned, 32> byUse{};
    std::iota(byUse.begin(), byUse.end(), 0u);
    std::stable_sort(byUse.begin(), byUse.end(), [&](unsigned a, unsigned b) { return uses[a] > uses[b]; });
    const unsigned minimumUses = loopsInPlace ? 1 : kMinimumUsesOnce;
    std::int8_t next = 0;
    for (const unsigned index : byUse) {
        if (next == static_cast<std::int8_t>(host::kGuestCache.size()) || uses[index] < minimumUses) break;
        slot_[index] = next++;
        cached_ |= bit(index);
    }
    liveIn_ = readBeforeWritten & cached_;
    written_ = writtenSoFar & cached_;
}

std::optional<asmjit::x86::Gp> RegisterAllocation::hostOf(unsigned guest) const {
    if (slot_[guest] == kInMemory) return std::nullopt;
    return host::kGuestCache[static_cast<std::size_t>(slot_[guest])];
}

}  // namespace glasshart
