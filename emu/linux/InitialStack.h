#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "isa/Instruction.h"

namespace glasshart {

struct AuxiliaryEntry {
    std::uint64_t type;  // AT_*
    std::uint64_t value;
};

// What the kernel hands a new program on its stack (System V ABI, "Process
// Initialization"; the kernel's fs/binfmt_elf.c create_elf_tables).
struct InitialStackContents {
    std::vector<std::string> arguments;
    std::vector<std::string> environment;  // "NAME=value"
    std::string executableName;            // the string AT_EXECFN points at
    std::array<std::uint8_t, 16> random{};  // the bytes AT_RANDOM points at
    // Everything else in the auxiliary vector; AT_RANDOM, AT_EXECFN and the
    // closing AT_NULL are added.
    std::vector<AuxiliaryEntry> auxiliary;
};

// The initial stack, laid out as Linux lays it out below `top`: from sp
// upwards argc, argv[] and NULL, envp[] and NULL, the auxiliary vector,
// then the 16 random bytes and the strings, argv's first, the executable's
// name last. sp is 16-byte aligned as the RISC-V psABI requires; words are
// XLEN bits wide.
struct InitialStack {
    std::uint64_t stackPointer = 0;
    std::vector<std::uint8_t> bytes;  // belong at [stackPointer, top)
};

// Throws std::length_error when the arguments and environment are larger
// than `limit` bytes (Linux refuses them with E2BIG; its limit is a quarter
// of the stack).
[[nodiscard]] InitialStack buildInitialStack(const InitialStackContents& contents, std::uint64_t top, Xlen xlen,
                                             std::uint64_t limit);

}  // namespace glasshart
