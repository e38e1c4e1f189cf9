#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "dbt/TranslatedBlock.h"
#include "dbt/TranslationCache.h"
#include "isa/Instruction.h"
#include "machine/Breakpoints.h"
#include "mem/Bus.h"

namespace glasshart {

// The most recently entered blocks, newest at `next - 1` (modulo the size),
// written by translated code when recording is on.
struct RecentBlocks {
    static constexpr std::size_t kSize = 64;
    std::array<std::uint64_t, kSize> pcs{};
    std::uint64_t next = 0;
};

// Addresses that translated code calls or jumps to.
struct TranslationTargets {
    std::uint64_t epilogue;       // returns to the dispatcher with rax = ExitSlot* or 0
    std::uint64_t helper;         // std::uint32_t (*)(void* context, const InstructionSite*)
    std::uint64_t helperContext;  // first argument of the helper
};

// Turns a run of guest code into x86-64 in the translation cache.
//
// Register conventions inside translated code (all callee-saved, set up by
// the dispatcher's prologue):
//   rbx = HartState*        r12 = host address of guest RAM
//   r13 = guest RAM base    r14 = RAM watch flags (one byte per 4 KiB page)
//   r15 = RAM size - 8      rbp = jump cache (JumpCacheEntry[])
// Guest registers live in HartState and are loaded/stored per instruction.
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

    // Profiling: blocks translated from now on count their entries and
    // append their pc to `recent` (null: they do neither). It costs about
    // ten instructions per block entry, so it is off unless asked for.
    void recordEntries(RecentBlocks* recent) { recent_ = recent; }

private:
    struct GuestInstruction {
        DecodedInstruction decoded;
        std::uint64_t pc;
    };
    [[nodiscard]] std::vector<GuestInstruction> readBlock(const BlockKey& key) const;

    Xlen xlen_;
    Bus& bus_;
    TranslationCache& cache_;
    const Breakpoints& breakpoints_;
    TranslationTargets targets_;
    RecentBlocks* recent_ = nullptr;
};

}  // namespace glasshart
