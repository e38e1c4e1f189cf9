#pragma once
// An ISA naming string ("rv64imafdc_zicsr_zifencei"; ISA manual 20191213,
// chapter "ISA Extension Naming Conventions") split into its base ISA and its
// extensions, the form of the device tree's riscv,isa-base and
// riscv,isa-extensions properties.
#include <string>
#include <string_view>
#include <vector>

#include "isa/Instruction.h"

namespace glasshart {

struct IsaName {
    std::string base;                     // "rv64i" or "rv32i"
    std::vector<std::string> extensions;  // in the string's order, "i" first
};

// Accepted: "rv32"/"rv64" (matching `xlen`), then single letters starting
// with i or g, then multi-letter extensions (z..., s..., x..., h...) each
// introduced by '_' (the first may follow the letters directly). g stands
// for i, m, a, f, d, zicsr and zifencei. Lower case only, no version
// numbers, no repeats. Anything else throws std::invalid_argument.
[[nodiscard]] IsaName parseIsaName(std::string_view isa, Xlen xlen);

}  // namespace glasshart

namespace glasshart {

// The naming string of what a hart with this misa implements: the base,
// the single-letter extensions misa shows (in canonical order; S and U are
// privilege modes, not named here), then Zicsr and Zifencei, which every
// Glasshart hart has. For the device tree's riscv,isa.
[[nodiscard]] std::string isaNameFromMisa(std::uint64_t misa, Xlen xlen);

}  // namespace glasshart
