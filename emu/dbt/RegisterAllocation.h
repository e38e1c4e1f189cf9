#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "dbt/GuestBlock.h"
#include "dbt/HostRegisters.h"

namespace glasshart {

// A set of guest integer registers, bit i for x<i>.
using RegisterMask = std::uint32_t;

// The guest registers an instruction reads and writes, as far as the
// translator's inline code is concerned. x0 never appears: it reads as zero
// and ignores writes. Instructions executed through the interpreter report
// nothing; blocks store every changed register before calling it and
// reload afterwards, so they need not say.
struct RegisterUse {
    RegisterMask reads = 0;
    RegisterMask writes = 0;
};
[[nodiscard]] RegisterUse registerUse(const DecodedInstruction& instruction);

// Which guest registers one block keeps in host registers while it runs:
// the ones its instructions name most often, up to one per register in
// host::kGuestCache. The rest are read and written in HartState directly.
// A block that loops in place loads its cached registers once for many
// turns, so there even a register named once is worth caching.
// A block loads its cached registers after its entry check and stores the
// changed ones back at every exit and before every helper call, so outside
// the block HartState is always the truth.
class RegisterAllocation {
public:
    RegisterAllocation(const GuestBlock& block, bool loopsInPlace);

    [[nodiscard]] std::optional<asmjit::x86::Gp> hostOf(unsigned guest) const;
    [[nodiscard]] RegisterMask cached() const { return cached_; }
    // Cached registers the block reads before it writes them: the ones a
    // straight run through the block needs loaded on entry.
    [[nodiscard]] RegisterMask liveIn() const { return liveIn_; }
    // Cached registers the block writes somewhere.
    [[nodiscard]] RegisterMask written() const { return written_; }

private:
    static constexpr std::int8_t kInMemory = -1;
    std::array<std::int8_t, 32> slot_{};  // index into host::kGuestCache, or kInMemory
    RegisterMask cached_ = 0;
    RegisterMask liveIn_ = 0;
    RegisterMask written_ = 0;
};

// Calls `visit(guestIndex)` for each register in `mask`, lowest first.
template <typename Visit>
void forEachRegister(RegisterMask mask, Visit visit) {
    for (unsigned index = 0; mask != 0; ++index, mask >>= 1) {
        if ((mask & 1u) != 0) visit(index);
    }
}

}  // namespace glasshart
