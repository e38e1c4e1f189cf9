#pragma once
// How translated code uses the x86-64 registers. The dispatcher's prologue
// pins four callee-saved registers, so helper calls keep them; guest
// registers live in the eight left once rax, rcx and rdx are set aside as
// scratch (shift counts need cl, wide multiplies write rdx).

#include <asmjit/x86.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "hart/HartState.h"

namespace glasshart::host {

namespace x86 = asmjit::x86;

// Pinned for as long as translated code runs.
inline constexpr x86::Gp kState = x86::rbx;       // HartState*
inline constexpr x86::Gp kRamHost = x86::r12;     // host address of guest RAM
inline constexpr x86::Gp kWatchFlags = x86::r14;  // Ram::watchFlags(), one byte per 4 KiB page
// The budget: how many instructions translated code may still retire
// before HartState::eventAt, counted down at every block entry with no
// memory round trip. HartState::retired is eventAt minus the budget; it is
// written back whenever translated code calls a helper or returns to the
// dispatcher, and the budget recomputed after a helper (which may move
// either). The arithmetic is modulo 2^64, so the round trip is exact even
// when a helper has pulled eventAt below retired.
inline constexpr x86::Gp kBudget = x86::r15;

// Guest register x<index>'s 64-bit slot in HartState.
[[nodiscard]] inline x86::Mem guestSlot(unsigned index) {
    return x86::qword_ptr(kState, static_cast<std::int32_t>(offsetof(HartState, x) + index * sizeof(std::uint64_t)));
}

inline void loadBudget(x86::Assembler& a) {
    a.mov(kBudget, x86::qword_ptr(kState, static_cast<std::int32_t>(offsetof(HartState, eventAt))));
    a.sub(kBudget, x86::qword_ptr(kState, static_cast<std::int32_t>(offsetof(HartState, retired))));
}

inline void storeRetired(x86::Assembler& a, const x86::Gp& scratch) {
    a.mov(scratch, x86::qword_ptr(kState, static_cast<std::int32_t>(offsetof(HartState, eventAt))));
    a.sub(scratch, kBudget);
    a.mov(x86::qword_ptr(kState, static_cast<std::int32_t>(offsetof(HartState, retired))), scratch);
}

// The callee-saved registers translated code changes: the prologue saves
// them and the epilogue restores them.
inline constexpr std::array<x86::Gp, 6> kCalleeSaved = {x86::rbx, x86::rbp, x86::r12,
                                                         x86::r13, x86::r14, x86::r15};

// A guest register that lives in a host register.
struct GuestHome {
    std::uint8_t guest;
    x86::Gp host;
};

// Guest registers that stay in host registers for as long as translated
// code runs, from block to block: a0-a5, which compiled RISC-V code names
// most (over half of all register operands in our benchmark set, with a5
// alone a third). The prologue loads them and the epilogue stores them, so
// chained blocks pass them on with no memory traffic.
inline constexpr std::array<GuestHome, 6> kResident = {{{15, x86::rsi},
                                                         {14, x86::rdi},
                                                         {13, x86::r8},
                                                         {12, x86::r9},
                                                         {11, x86::r10},
                                                         {10, x86::r11}}};

// Host registers each block gives to its own most-used other guest
// registers, loaded after its entry check and stored back at its exits.
inline constexpr std::array<x86::Gp, 2> kBlockLocal = {x86::r13, x86::rbp};

// The name a general-purpose register goes by at 64 bits (for display).
[[nodiscard]] inline constexpr std::string_view nameOf(const x86::Gp& reg) {
    constexpr std::array<std::string_view, 16> kNames = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                                          "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15"};
    return kNames[reg.id() & 15u];
}

}  // namespace glasshart::host
