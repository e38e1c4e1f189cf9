#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "dbt/GuestBlock.h"
#include "dbt/HostRegisters.h"
#include "dbt/TranslatedBlock.h"

namespace glasshart {

// A set of guest integer registers, bit i for x<i>.
using RegisterMask = std::uint32_t;

// x<index> as a set; x0 is never in one (it reads as zero, writes vanish).
[[nodiscard]] constexpr RegisterMask registerBit(unsigned index) { return index == 0 ? 0 : 1u << index; }

// The guest registers an instruction reads and writes, as far as the
// translator's inline code is concerned. x0 never appears: it reads as zero
// and ignores writes. Instructions executed through the interpreter report
// nothing; blocks store every cached register before calling it and
// reload afterwards, so they need not say.
struct RegisterUse {
    RegisterMask reads = 0;
    RegisterMask writes = 0;
};
[[nodiscard]] RegisterUse registerUse(const DecodedInstruction& instruction);

// Where a run of a block's code (the whole block, or one segment between
// side exits) keeps each guest register:
//  - resident registers (host::kResident) are in their host registers on
//    entry and stay there at every exit;
//  - up to host::kBlockLocal.size() more, the ones the code names most
//    often, are block-local: loaded where the code starts, stored back at
//    every exit (and where the next segment keeps them elsewhere);
//  - the rest are read and written in HartState directly.
// Before a helper call the block stores every cached register (the helper
// works on HartState) and reloads them all after it.
class RegisterAllocation {
public:
    // A block that loops in place loads its block-local registers once for
    // many turns, so there even a register named once is worth one.
    // The allocation of the code `before` (the previous segment), if any,
    // tips the choice towards registers it already holds.
    RegisterAllocation(std::span<const GuestInstruction> code, bool loopsInPlace,
                       const RegisterAllocation* before = nullptr);

    [[nodiscard]] std::optional<asmjit::x86::Gp> hostOf(unsigned guest) const;
    // Every cached register and where it lives, for the block's record.
    [[nodiscard]] std::vector<RegisterHome> homes() const;
    // The resident registers (host::kResident) as a set.
    static constexpr RegisterMask kResident = [] {
        RegisterMask mask = 0;
        for (const host::GuestHome& home : host::kResident) mask |= registerBit(home.guest);
        return mask;
    }();
    [[nodiscard]] RegisterMask local() const { return local_; }
    [[nodiscard]] RegisterMask cached() const { return kResident | local_; }
    // Block-local registers the code reads before it writes them: the
    // ones a straight run through it needs loaded where it starts.
    [[nodiscard]] RegisterMask localLiveIn() const { return localLiveIn_; }
    // Block-local registers the code writes somewhere.
    [[nodiscard]] RegisterMask localWritten() const { return localWritten_; }

private:
    std::array<std::optional<asmjit::x86::Gp>, 32> host_{};
    RegisterMask local_ = 0;
    RegisterMask localLiveIn_ = 0;
    RegisterMask localWritten_ = 0;
};

// Calls `visit(guestIndex)` for each register in `mask`, lowest first.
template <typename Visit>
void forEachRegister(RegisterMask mask, Visit visit) {
    for (unsigned index = 0; mask != 0; ++index, mask >>= 1) {
        if ((mask & 1u) != 0) visit(index);
    }
}

}  // namespace glasshart
