#pragma once
// mstatus fields (privileged spec 20211203, section 3.1.6).

#include <cstdint>

namespace glasshart::mstatus {

inline constexpr std::uint64_t kSie = 1ull << 1;
inline constexpr std::uint64_t kMie = 1ull << 3;
inline constexpr std::uint64_t kSpie = 1ull << 5;
inline constexpr std::uint64_t kMpie = 1ull << 7;
inline constexpr unsigned kMppShift = 11;
inline constexpr std::uint64_t kMpp = 3ull << kMppShift;
inline constexpr std::uint64_t kMprv = 1ull << 17;
// FS, the floating-point unit's state (3.1.6.6): Off makes every F/D
// instruction and fcsr access illegal; any change to f registers or fcsr
// makes it Dirty. SD (bit XLEN-1) is read-only: set when FS is Dirty.
inline constexpr unsigned kFsShift = 13;
inline constexpr std::uint64_t kFs = 3ull << kFsShift;
inline constexpr std::uint64_t kFsOff = 0ull << kFsShift;
inline constexpr std::uint64_t kFsDirty = 3ull << kFsShift;

}  // namespace glasshart::mstatus
