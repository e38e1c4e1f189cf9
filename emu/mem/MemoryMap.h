#pragma once
// The physical memory map of QEMU 7.2's `virt` machine, which Glasshart
// copies so that one bare-metal ELF runs on both. One place for these numbers.

#include <cstdint>

namespace glasshart::memory_map {

// The mask ROM QEMU keeps its reset vector in; Glasshart puts OpenSBI's
// fw_dynamic information there.
inline constexpr std::uint64_t kBootRomBase = 0x0000'1000;
inline constexpr std::uint64_t kBootRomSize = 0xf000;
inline constexpr std::uint64_t kTestFinisherBase = 0x0010'0000;
inline constexpr std::uint64_t kTestFinisherSize = 0x1000;
inline constexpr std::uint64_t kClintBase = 0x0200'0000;
inline constexpr std::uint64_t kClintSize = 0x1'0000;
inline constexpr std::uint64_t kPlicBase = 0x0c00'0000;
inline constexpr std::uint64_t kPlicSize = 0x60'0000;
inline constexpr std::uint64_t kUartBase = 0x1000'0000;
inline constexpr std::uint64_t kUartSize = 0x100;
inline constexpr unsigned kUartPlicSource = 10;
inline constexpr std::uint64_t kRamBase = 0x8000'0000;
inline constexpr std::uint64_t kDefaultRamSize = 128ull << 20;

// QEMU's virt timebase: mtime counts at 10 MHz.
inline constexpr std::uint64_t kTimebaseHz = 10'000'000;

}  // namespace glasshart::memory_map
