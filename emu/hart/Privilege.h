#pragma once

#include <cstdint>

namespace glasshart {

// Privilege levels as encoded in mstatus.MPP (privileged spec section 1.2).
enum class Privilege : std::uint8_t { User = 0, Supervisor = 1, Machine = 3 };

}  // namespace glasshart
