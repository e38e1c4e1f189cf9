#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "isa/Instruction.h"

namespace glasshart {

// Names an address for branch targets ("main+0x10"), if known.
using SymbolNamer = std::function<std::optional<std::string>(std::uint64_t address)>;

// Formats an instruction the way GNU objdump (binutils 2.40) prints it:
// mnemonic, a tab, then operands, with binutils' preferred aliases (li, mv,
// ret, j, beqz, csrr, ...). Branch and jump targets are printed as absolute
// hex addresses, followed by " <symbol>" when `namer` knows one.
[[nodiscard]] std::string disassemble(const DecodedInstruction& instruction, std::uint64_t pc,
                                      Xlen xlen, const SymbolNamer& namer = {});

// ABI name of integer register `index` ("zero", "ra", "sp", ... "t6").
[[nodiscard]] const char* abiRegisterName(unsigned index);

}  // namespace glasshart
