#pragma once
// mstatus fields (privileged spec 20211203, section 3.1.6); sstatus is a
// view of the same register (4.1.1).

#include <cstdint>

namespace glasshart::mstatus {

inline constexpr std::uint64_t kSie = 1ull << 1;
inline constexpr std::uint64_t kMie = 1ull << 3;
inline constexpr std::uint64_t kSpie = 1ull << 5;
inline constexpr std::uint64_t kMpie = 1ull << 7;
inline constexpr std::uint64_t kSpp = 1ull << 8;
inline constexpr unsigned kMppShift = 11;
inline constexpr std::uint64_t kMpp = 3ull << kMppShift;
// FS, the floating-point unit's state (3.1.6.6): Off makes every F/D
// instruction and fcsr access illegal; any change to f registers or fcsr
// makes it Dirty. SD (bit XLEN-1) is read-only: set when FS is Dirty.
inline constexpr unsigned kFsShift = 13;
inline constexpr std::uint64_t kFs = 3ull << kFsShift;
inline constexpr std::uint64_t kFsOff = 0ull << kFsShift;
inline constexpr std::uint64_t kFsInitial = 1ull << kFsShift;
inline constexpr std::uint64_t kFsDirty = 3ull << kFsShift;
inline constexpr std::uint64_t kMprv = 1ull << 17;
inline constexpr std::uint64_t kSum = 1ull << 18;
inline constexpr std::uint64_t kMxr = 1ull << 19;
inline constexpr std::uint64_t kTvm = 1ull << 20;
inline constexpr std::uint64_t kTw = 1ull << 21;
inline constexpr std::uint64_t kTsr = 1ull << 22;
// RV64: UXL and SXL, both fixed to 2 (64-bit) here.
inline constexpr unsigned kUxlShift = 32;
inline constexpr unsigned kSxlShift = 34;

}  // namespace glasshart::mstatus
