#pragma once

#include <cstdint>

#include "isa/Instruction.h"
#include "mem/MemoryMap.h"

namespace glasshart {

enum class Engine : std::uint8_t {
    Interpreter,  // exact, one instruction at a time
    Translator,   // RISC-V -> x86-64 dynamic binary translation
};

// What surrounds the hart.
enum class Platform : std::uint8_t {
    Virt,      // QEMU's virt board: its devices, RAM at 0x8000_0000, the hart starts in M-mode
    UserMode,  // one user-mode program and the environment that runs it (emu/linux): RAM
               // where ramBase says and nothing else; U-mode traps go to the environment
};

// Everything that shapes a Machine, in one plain struct.
struct MachineConfig {
    Xlen xlen = Xlen::Rv64;
    Engine engine = Engine::Translator;
    Platform platform = Platform::Virt;
    std::uint64_t ramBase = memory_map::kRamBase;
    std::uint64_t ramSize = memory_map::kDefaultRamSize;
    // Size of the translation cache's code arena.
    std::uint64_t translationCacheSize = 64ull << 20;
    // Virtual time: mtime advances one tick per this many instruction slots,
    // so time is deterministic and identical under both engines. With the
    // 10 MHz virt timebase, 10 makes the guest see a 100 MIPS hart.
    std::uint64_t instructionsPerTick = 10;
};

// The RAM sizes a machine may be given (--ram, the window's boot options).
inline constexpr std::uint64_t kMinRamSize = 1ull << 20;
inline constexpr std::uint64_t kMaxRamSize = 16ull << 30;
inline constexpr std::uint64_t kMinTranslationCacheSize = 16ull << 10;
inline constexpr std::uint64_t kMaxTranslationCacheSize = 1ull << 30;

}  // namespace glasshart
