#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace glasshart {

enum class CsrAddress : std::uint16_t {
#define CSR(name, text, address) name = address,
#include "isa/Csrs.def"
};

// Physical memory protection CSRs form ranges rather than single entries
// (privileged spec section 3.7).
inline constexpr std::uint16_t kPmpcfgFirst = 0x3a0;   // pmpcfg0..pmpcfg15
inline constexpr std::uint16_t kPmpcfgCount = 16;
inline constexpr std::uint16_t kPmpaddrFirst = 0x3b0;  // pmpaddr0..pmpaddr63
inline constexpr std::uint16_t kPmpaddrCount = 64;

// The name binutils prints for a CSR number, if it has one.
[[nodiscard]] std::optional<std::string_view> csrName(std::uint16_t address);

}  // namespace glasshart
