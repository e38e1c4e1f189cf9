#pragma once
// What a block emitter is given besides the guest code: where translated
// code calls and returns to, and the choices the dispatcher makes for every
// block. Free of asmjit, so that Qt code may include the dispatcher.

#include <cstdint>

namespace glasshart {

struct RecentBlocks;

// Addresses that translated code calls or jumps to.
struct TranslationTargets {
    std::uint64_t epilogue;       // returns to the dispatcher with rax = ExitSlot* or 0
    std::uint64_t helper;         // std::uint32_t (*)(void* context, const InstructionSite*)
    std::uint64_t helperContext;  // first argument of the helper
    std::uint64_t jumpCache;      // JumpCacheEntry[], probed by jalr
};

// How a block may be emitted, beyond what its key says.
struct EmitPolicy {
    // Chaining is allowed, and with it more ways of going on without the
    // dispatcher: blocks go on past conditional branches (see
    // BlockTranslator), a block whose last instruction jumps back to its own
    // start loops in place (still checking the budget on every turn), and
    // guest calls and returns pair up as host calls and returns (see
    // BlockEmitter::emitCall). Otherwise the dispatcher sees every basic
    // block entered.
    bool chaining = false;
    // Profiling: count each entry and note it in `recent` (null: off).
    RecentBlocks* recent = nullptr;

    bool operator==(const EmitPolicy&) const = default;
};

}  // namespace glasshart
