#pragma once
// Where a Linux process lives in a user-mode Machine. The hart runs with
// satp Bare, so the process's virtual addresses are the machine's RAM
// addresses: one flat RAM window stands for the whole address space, and
// the translator's bounds-checked fast path serves it unchanged. Accesses
// outside the window fault (and the program gets SIGSEGV); inside it the
// hart does not check that the page was mapped or allows the access, so
// mprotect() and munmap() are recorded but not enforced (see
// ProcessMemory).

#include <cstdint>

#include "machine/MachineConfig.h"

namespace glasshart::address_space {

// Linux maps nothing below vm.mmap_min_addr, 64 KiB by default: a null
// pointer, or one a small offset from it, faults.
inline constexpr std::uint64_t kBase = 0x1'0000;
// The end of the window: 4 GiB, as much as RV32 can address and plenty
// for the programs an emulator like this runs on RV64.
inline constexpr std::uint64_t kEnd = 1ull << 32;
// The main thread's stack sits at the top of the window, sized as the
// default RLIMIT_STACK (8 MiB); below it a gap, then the mmap area grows
// down towards the program break, as with Linux's top-down layout.
inline constexpr std::uint64_t kStackSize = 8ull << 20;
inline constexpr std::uint64_t kStackTop = kEnd;
inline constexpr std::uint64_t kMmapTop = kStackTop - kStackSize - (1ull << 20);

}  // namespace glasshart::address_space

namespace glasshart {

// The machine a user-mode program runs on: the window above as its RAM, no
// devices.
[[nodiscard]] MachineConfig userModeConfig(Xlen xlen, Engine engine, std::uint64_t translationCacheSize);

}  // namespace glasshart
