#include "gdb/Hex.h"

namespace glasshart::gdb {
namespace {

constexpr std::string_view kDigits = "0123456789abcdef";

std::optional<unsigned> digitValue(char c) {
    if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return static_cast<unsigned>(c - 'A' + 10);
    return std::nullopt;
}

void appendByte(std::string& out, std::uint8_t byte) {
    out.push_back(kDigits[byte >> 4]);
    out.push_back(kDigits[byte & 0xf]);
}

}  // namespace

std::string toHex(std::span<const std::uint8_t> bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const std::uint8_t byte : bytes) appendByte(out, byte);
    return out;
}

std::string toHex(std::string_view text) {
    std::string out;
    out.reserve(text.size() * 2);
    for (const char c : text) appendByte(out, static_cast<std::uint8_t>(c));
    return out;
}

std::optional<std::vector<std::uint8_t>> fromHex(std::string_view hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    std::vector<std::uint8_t> bytes;
    bytes.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const auto high = digitValue(hex[i]);
        const auto low = digitValue(hex[i + 1]);
        if (!high || !low) return std::nullopt;
        bytes.push_back(static_cast<std::uint8_t>((*high << 4) | *low));
    }
    return bytes;
}

std::optional<std::uint64_t> parseNumber(std::string_view text) {
    if (text.empty() || text.size() > 16) return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : text) {
        const auto digit = digitValue(c);
        if (!digit) return std::nullopt;
        value = (value << 4) | *digit;
    }
    return value;
}

std::string formatNumber(std::uint64_t value) {
    std::string digits;
    do {
        digits.insert(digits.begin(), kDigits[value & 0xf]);
        value >>= 4;
    } while (value != 0);
    return digits;
}

std::string registerToHex(std::uint64_t value, unsigned bytes) {
    std::string out;
    out.reserve(bytes * 2);
    for (unsigned i = 0; i < bytes; ++i) appendByte(out, static_cast<std::uint8_t>(i < 8 ? value >> (8 * i) : 0));
    return out;
}

std::optional<std::uint64_t> registerFromHex(std::string_view hex, unsigned bytes) {
    if (hex.size() != 2 * std::size_t{bytes}) return std::nullopt;
    const auto decoded = fromHex(hex);
    if (!decoded) return std::nullopt;
    std::uint64_t value = 0;
    for (unsigned i = 0; i < bytes && i < 8; ++i) value |= std::uint64_t{(*decoded)[i]} << (8 * i);
    return value;
}

}  // namespace glasshart::gdb
