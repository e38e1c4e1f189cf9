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
// ABI name of floating-point register `index` ("ft0", ... "fa0", ... "ft11").
[[nodiscard]] const char* floatAbiRegisterName(unsigned index);
// A rounding mode (frm, or an instruction's rm) as objdump names it: "rne",
// "rtz", "rdn", "rup", "rmm", "dyn", or "unknown" for the reserved 5 and 6.
[[nodiscard]] const char* roundingModeName(unsigned mode);

}  // namespace glasshart
