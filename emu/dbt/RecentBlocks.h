#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace glasshart {

// The most recently entered blocks, newest at `next - 1` (modulo the size),
// written by translated code when profiling is on.
struct RecentBlocks {
    static constexpr std::size_t kSize = 64;
    std::array<std::uint64_t, kSize> pcs{};
    std::uint64_t next = 0;
};

}  // namespace glasshart
