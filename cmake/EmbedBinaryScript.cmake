# Run with cmake -P: writes OUTPUT, a C++ file holding INPUT's bytes as SYMBOL.
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT}; do not edit.
#include <cstdint>
#include <span>
namespace glasshart::embedded {
namespace {
const std::uint8_t kBytes[] = {
${bytes}
};
}  // namespace
extern const std::span<const std::uint8_t> ${SYMBOL};
const std::span<const std::uint8_t> ${SYMBOL}{kBytes, sizeof kBytes};
}  // namespace glasshart::embedded
")
