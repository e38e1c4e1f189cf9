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
// Register conventions inside translated code (dbt/HostRegisters.h): six
// callee-saved registers hold HartState*, RAM's host and guest addresses,
// its watch flags, its size and the jump cache; each block keeps the guest
// registers it uses most in the six caller-saved ones left (see
// RegisterAllocation); rax, rcx and rdx are scratch.
// Loads and stores check RAM bounds when the block's key says data
// addresses are physical, and probe the MMU's data TLB (HartState::dataTlb)
// when they are virtual; a miss calls the interpreter, which walks and fills.
class BlockTranslator {
public:
    static constexpr unsigned kMaxInstructions = 64;

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

    Xlen xlen_;
    Bus& bus_;
    TranslationCache& cache_;
    const Breakpoints& breakpoints_;
    TranslationTargets targets_;
    EmitPolicy policy_;
};

}  // namespace glasshart
