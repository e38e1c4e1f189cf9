#pragma once
// Random but well-formed RISC-V programs for differential testing of the
// translator against the interpreter. Instructions are drawn from the one
// instruction table and encoded from its match values.

#include <cstdint>
#include <random>
#include <vector>

#include "isa/Instruction.h"
#include "machine/Machine.h"

namespace glasshart::test {

// Register roles: random instructions write only x1..x28.
inline constexpr unsigned kHandlerScratch = 29;  // the trap handler's
inline constexpr unsigned kLoopCounter = 30;
inline constexpr unsigned kDataPointer = 31;      // middle of the data window

inline constexpr std::uint64_t kCodeBase = 0x8000'0000;
inline constexpr std::uint64_t kDataBase = 0x8001'0000;
inline constexpr std::uint64_t kDataSize = 0x1000;

struct RandomProgram {
    std::vector<std::uint8_t> code;  // placed at kCodeBase
    std::uint64_t handler = 0;       // trap handler: skips the 4-byte instruction at mepc
    std::uint64_t end = 0;           // a `j .` reached when the loop is done
    std::array<std::uint64_t, 32> registers{};
};

// A body of `slots` random instructions (ALU, M, A, loads/stores, CSR
// accesses incl. illegal ones, ecall/ebreak, forward branches and jumps,
// jalr through auipc, compressed instructions), run `iterations` times.
[[nodiscard]] RandomProgram makeRandomProgram(std::uint32_t seed, Xlen xlen, unsigned slots, unsigned iterations);

// Copies the program into a freshly built machine and sets the registers.
void install(const RandomProgram& program, Machine& machine);

}  // namespace glasshart::test
