#pragma once

#include <cstdint>
#include <span>

namespace glasshart::embedded {

// The demo monitor (monitor.c) as an RV64 ELF image.
extern const std::span<const std::uint8_t> kDemoGuest;

}  // namespace glasshart::embedded
