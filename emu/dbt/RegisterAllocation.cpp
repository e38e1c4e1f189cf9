#include "dbt/RegisterAllocation.h"

#include <algorithm>
#include <bit>
#include <numeric>

namespace glasshart {
namespace {

// In straight-line code a register named only once gains nothing from a
// host register: the load on entry or the store at the exit costs what the
// one access would.
constexpr unsigned kMinimumUsesOnce = 2;

}  // namespace

RegisterUse registerUse(const DecodedInstruction& d) {
    switch (d.info().format) {
    case OperandFormat::Reg: return {registerBit(d.rs1) | registerBit(d.rs2), registerBit(d.rd)};
    case OperandFormat::Imm:
    case OperandFormat::Shift:
    case OperandFormat::ShiftW:
    case OperandFormat::Load:
    case OperandFormat::Jalr: return {registerBit(d.rs1), registerBit(d.rd)};
    case OperandFormat::Store:
    case OperandFormat::Branch: return {registerBit(d.rs1) | registerBit(d.rs2), 0};
    case OperandFormat::Upper:
    case OperandFormat::Jal: return {0, registerBit(d.rd)};
    default: return {};
    }
}

RegisterAllocation::RegisterAllocation(std::span<const GuestInstruction> code, bool loopsInPlace,
                                       const RegisterAllocation* before) {
    for (const host::GuestHome& home : host::kResident) host_[home.guest] = home.host;

    std::array<unsigned, 32> uses{};
    RegisterMask readBeforeWritten = 0;
    RegisterMask writtenSoFar = 0;
    for (const GuestInstruction& instruction : code) {
        const RegisterUse use = registerUse(instruction.decoded);
        forEachRegister(use.reads | use.writes, [&](unsigned index) {
            uses[index] += ((use.reads >> index) & 1u) + ((use.writes >> index) & 1u);
        });
        readBeforeWritten |= use.reads & ~writtenSoFar;
        writtenSoFar |= use.writes;
    }

    // A register the code before already holds needs no load: that counts
    // as one more use, and it keeps its host register if it can.
    const RegisterMask carried = before != nullptr ? before->local() : 0;
    forEachRegister(carried, [&](unsigned index) {
        if (uses[index] != 0) ++uses[index];
    });

    std::array<unsigned, 32> byUse{};
    std::iota(byUse.begin(), byUse.end(), 0u);
    std::stable_sort(byUse.begin(), byUse.end(), [&](unsigned a, unsigned b) { return uses[a] > uses[b]; });
    const unsigned minimumUses = loopsInPlace ? 1 : kMinimumUsesOnce;
    for (const unsigned index : byUse) {
        if (std::popcount(local_) == static_cast<int>(host::kBlockLocal.size()) || uses[index] < minimumUses) break;
        if ((kResident & registerBit(index)) == 0) local_ |= registerBit(index);
    }
    forEachRegister(local_ & carried, [&](unsigned index) { host_[index] = before->hostOf(index); });
    forEachRegister(local_ & ~carried, [&](unsigned index) {
        for (const asmjit::x86::Gp& host : host::kBlockLocal) {
            const bool taken = std::any_of(host_.begin(), host_.end(), [&](const auto& used) { return used == host; });
            if (!taken) {
                host_[index] = host;
                break;
            }
        }
    });
    localLiveIn_ = readBeforeWritten & local_;
    localWritten_ = writtenSoFar & local_;
}

std::optional<asmjit::x86::Gp> RegisterAllocation::hostOf(unsigned guest) const { return host_[guest]; }

std::vector<RegisterHome> RegisterAllocation::homes() const {
    std::vector<RegisterHome> homes;
    forEachRegister(cached(), [&](unsigned index) {
        homes.push_back(RegisterHome{static_cast<std::uint8_t>(index), host::nameOf(*host_[index]),
                                     (kResident & registerBit(index)) != 0});
    });
    return homes;
}

}  // namespace glasshart
