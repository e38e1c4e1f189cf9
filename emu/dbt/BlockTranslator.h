#pragma once

#include "dbt/EmitPolicy.h"
#include "dbt/GuestBlock.h"
#include "dbt/RecentBlocks.h"
#include "dbt/TranslatedBlock.h"
#include "dbt/TranslationCache.h"
#include "isa/Instruction.h"
#include "machine/Breakpoints.h"
#include "mem/Bus.h"

namespace glasshart {

// Turns a run of guest code into x86-64 in the translation cache.
//
// A block is a trace of straight-line code: it goes on past up to
// kMaxSideExits conditional branches (their taken ways leave it) and ends
// at an unconditional jump, a system instruction, a branch back to its own
// start (so that a loop's block can loop in place), a branch past the side
// exits it may have, or, unless it is a loop, its first backward branch.
// How translated code uses the host registers is in dbt/HostRegisters.h.
// Loads and stores check RAM bounds when the block's key says data
// addresses are physical, and probe the MMU's data TLB (HartState::dataTlb)
// when they are virtual; a miss calls the interpreter, which walks and fills.
class BlockTranslator {
public:
    static constexpr unsigned kMaxInstructions = 64;
    static constexpr unsigned kMaxSideExits = 2;

    // Blocks end before any breakpoint, so the dispatcher sees every one.
    BlockTranslator(Xlen xlen, Bus& bus, TranslationCache& cache, const Breakpoints& breakpoints,
                    TranslationTargets targets);

    // Translates the block `key` names and adds it to the cache (which may
    // flush to make room). Null if not even the first instruction can be
    // read from its page: the caller lets the interpreter execute it.
    TranslatedBlock* translate(const BlockKey& key);

    // How blocks translated from now on are emitted (see EmitPolicy).
    [[nodiscard]] const EmitPolicy& policy() const { return policy_; }
    void setPolicy(const EmitPolicy& policy) { policy_ = policy; }

private:
    [[nodiscard]] GuestBlock readBlock(const BlockKey& key) const;
    // Whether a block starting at `start` with `sideExits` so far may go on
    // past `last`, an instruction that would end it (kEndsBlock), as a side exit.
    [[nodiscard]] bool mayGoOnPast(const GuestInstruction& last, std::uint64_t start, unsigned sideExits) const;
    static void endAtBackwardBranch(GuestBlock& instructions);

    Xlen xlen_;
    Bus& bus_;
    TranslationCache& cache_;
    const Breakpoints& breakpoints_;
    TranslationTargets targets_;
    EmitPolicy policy_;
};

}  // namespace glasshart
