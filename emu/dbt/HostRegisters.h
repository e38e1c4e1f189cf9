#pragma once
// How translated code uses the x86-64 registers. The dispatcher's prologue
// pins six callee-saved registers, so helper calls keep them; blocks cache
// guest registers in the six caller-saved ones the System V ABI leaves over
// once the scratch registers are set aside.

#include <asmjit/x86.h>

#include <array>

namespace glasshart::host {

namespace x86 = asmjit::x86;

// Pinned for as long as translated code runs.
inline constexpr x86::Gp kState = x86::rbx;        // HartState*
inline constexpr x86::Gp kRamHost = x86::r12;      // host address of guest RAM
inline constexpr x86::Gp kRamBase = x86::r13;      // guest physical address of RAM
inline constexpr x86::Gp kWatchFlags = x86::r14;   // Ram::watchFlags(), one byte per 4 KiB page
inline constexpr x86::Gp kRamLimit = x86::r15;     // RAM size - 8
inline constexpr x86::Gp kJumpCache = x86::rbp;    // JumpCacheEntry[]
inline constexpr std::array<x86::Gp, 6> kPinned = {kState, kJumpCache, kRamHost, kRamBase, kWatchFlags, kRamLimit};

// Free for any instruction's own use: rax, rcx (shift counts need cl) and
// rdx (the high half of wide multiplies).
// Guest register values a block keeps at hand (see RegisterAllocation).
inline constexpr std::array<x86::Gp, 6> kGuestCache = {x86::rsi, x86::rdi, x86::r8, x86::r9, x86::r10, x86::r11};

}  // namespace glasshart::host
