#pragma once
// How translated code uses the x86-64 registers. The dispatcher's prologue
// pins five callee-saved registers, so helper calls keep them; blocks cache
// guest registers in the ones left once rax, rcx and rdx are set aside as
// scratch (shift counts need cl, wide multiplies write rdx).

#include <asmjit/x86.h>

#include <array>

namespace glasshart::host {

namespace x86 = asmjit::x86;

// Pinned for as long as translated code runs.
inline constexpr x86::Gp kState = x86::rbx;       // HartState*
inline constexpr x86::Gp kRamHost = x86::r12;     // host address of guest RAM
inline constexpr x86::Gp kWatchFlags = x86::r14;  // Ram::watchFlags(), one byte per 4 KiB page
inline constexpr x86::Gp kJumpCache = x86::rbp;   // JumpCacheEntry[]
// HartState::retired, kept here so that the budget check at every block
// entry needs no memory round trip; HartState holds it again whenever
// translated code calls a helper or returns to the dispatcher.
inline constexpr x86::Gp kRetired = x86::r15;

// The callee-saved registers translated code changes: the prologue saves
// them and the epilogue restores them.
inline constexpr std::array<x86::Gp, 6> kCalleeSaved = {x86::rbx, x86::rbp, x86::r12,
                                                         x86::r13, x86::r14, x86::r15};

// Guest register values a block keeps at hand (see RegisterAllocation).
inline constexpr std::array<x86::Gp, 7> kGuestCache = {x86::rsi, x86::rdi, x86::r8, x86::r9,
                                                        x86::r10, x86::r11, x86::r13};

}  // namespace glasshart::host
