#pragma once
// Hexadecimal text as the gdb remote protocol writes it: numbers (addresses,
// lengths, register numbers) most significant digit first, memory and
// register contents two digits per byte in target byte order.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace glasshart::gdb {

[[nodiscard]] std::string toHex(std::span<const std::uint8_t> bytes);
[[nodiscard]] std::string toHex(std::string_view text);
// nullopt unless `hex` is an even number of hex digits.
[[nodiscard]] std::optional<std::vector<std::uint8_t>> fromHex(std::string_view hex);

// A number such as the "80001000" in "m80001000,4": 1 to 16 hex digits.
[[nodiscard]] std::optional<std::uint64_t> parseNumber(std::string_view text);
// The other way: no leading zeros ("0" for zero).
[[nodiscard]] std::string formatNumber(std::uint64_t value);

// A register's contents: its `bytes` low-order bytes, least significant
// first (RISC-V is little-endian).
[[nodiscard]] std::string registerToHex(std::uint64_t value, unsigned bytes);
// nullopt unless `hex` is exactly 2 * `bytes` hex digits.
[[nodiscard]] std::optional<std::uint64_t> registerFromHex(std::string_view hex, unsigned bytes);

}  // namespace glasshart::gdb
