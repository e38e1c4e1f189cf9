#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "dbt/BlockTranslator.h"
#include "dbt/TranslationCache.h"
#include "hart/Hart.h"
#include "interp/Interpreter.h"
#include "mem/Bus.h"

namespace glasshart {

// The translator's run loop: finds or translates the block at pc, enters the
// translation cache through a fixed prologue, and comes back when a block
// exits unchained. Chains exits to their successors as it sees them taken,
// and falls back to the interpreter for the last few instructions before an
// event, so both engines take interrupts at exactly the same instruction.
class Dispatcher {
public:
    Dispatcher(Hart& hart, Bus& bus, Interpreter& interpreter, const Breakpoints& breakpoints,
               std::uint64_t cacheSize);

    // Runs until `retired` reaches `eventAt`, the hart starts waiting, or
    // the next instruction is at a breakpoint.
    void run();
    // Call after changing the breakpoints: retranslates so that blocks end
    // before them, and keeps chaining off while there are any.
    void breakpointsChanged();
    // Runs exactly one translated block (or one interpreted instruction when
    // the block does not fit before the next event): for differential tests
    // and single-stepping by blocks.
    void runOneBlock();

    void invalidate(std::uint64_t address, std::uint64_t size) { cache_.invalidate(address, size); }
    void flush();

    [[nodiscard]] TranslationCache& cache() { return cache_; }
    [[nodiscard]] const TranslationCache& cache() const { return cache_; }

    // Chaining lets translated code run from block to block without coming
    // back here; turning it off makes every block exit to the dispatcher.
    // It also decides whether blocks may loop in place (see EmitPolicy).
    void setChaining(bool enabled);
    // Profiling: translated blocks count their entries and note each in
    // recentBlocks() (for the window's hot and recent block lists). Changing
    // it retranslates.
    void setProfiling(bool on);
    [[nodiscard]] const RecentBlocks& recentBlocks() const { return recent_; }

    // Observing blocks turns chaining off, so that each one is seen.
    void setBlockObserver(BlockObserver observer);

private:
    using Entry = ExitSlot* (*)(std::uint64_t hostEntry);
    // Called by translated code for what it does not do inline: executes the
    // site's instruction with the interpreter. Returns 0 to go on with the
    // block, 1 to leave it (state().pc is then where to resume).
    static std::uint32_t interpretSite(void* self, const InstructionSite* site);
    // Emits the prologue and epilogue into the arena's reserved start and
    // returns what translated code needs to reach them.
    TranslationTargets emitTrampolines();
    // executeOnce(), reported to the block observer if there is one.
    void dispatchOnce();
    // One trip: translate if needed, enter, remember how the code came back.
    void executeOnce();
    [[nodiscard]] bool mayContinue() const;
    // The block the hart is about to run: its pc translated for fetch, in
    // the current translation mode. Nullopt when the fetch faults.
    [[nodiscard]] std::optional<BlockKey> currentBlockKey();
    [[nodiscard]] bool mayChain(const ExitSlot& exit, const BlockKey& target) const;
    // Makes the translator's EmitPolicy follow chaining and profiling.
    void updateEmitPolicy();
    [[nodiscard]] EmitPolicy wantedPolicy();

    Hart& hart_;
    Bus& bus_;
    Interpreter& interpreter_;
    const Breakpoints& breakpoints_;
    TranslationCache cache_;
    Entry enter_;  // set by emitTrampolines(), before translator_ is built
    BlockTranslator translator_;
    ExitSlot* lastExit_ = nullptr;
    std::uint64_t lastExitGeneration_ = 0;
    [[nodiscard]] bool chaining() const { return chainingWanted_ && !blockObserver_ && breakpoints_.empty(); }

    RecentBlocks recent_;
    bool profiling_ = false;
    bool chainingWanted_ = true;
    BlockObserver blockObserver_;
};

}  // namespace glasshart
