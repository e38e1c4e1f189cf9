#pragma once

#include <cstdint>

namespace glasshart {

// What a memory access is for: it decides the permission a page must grant
// and which fault a failure raises.
enum class AccessType : std::uint8_t { Fetch, Load, Store };

}  // namespace glasshart
