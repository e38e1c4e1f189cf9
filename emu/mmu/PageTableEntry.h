#pragma once
// The fields of a page-table entry (privileged spec 20211203, 4.3.1,
// figure 4.18; the same low bits in Sv32, Sv39 and Sv48).

#include <cstdint>

namespace glasshart::pte {

inline constexpr std::uint64_t kValid = 1u << 0;
inline constexpr std::uint64_t kRead = 1u << 1;
inline constexpr std::uint64_t kWrite = 1u << 2;
inline constexpr std::uint64_t kExecute = 1u << 3;
inline constexpr std::uint64_t kUser = 1u << 4;
inline constexpr std::uint64_t kAccessed = 1u << 6;
inline constexpr std::uint64_t kDirty = 1u << 7;
inline constexpr unsigned kPpnShift = 10;
// Sv39/Sv48 bits 63:54: N (Svnapot), PBMT (Svpbmt) and reserved bits. None
// of those extensions is implemented, so any of them set is a page fault
// (4.4.1).
inline constexpr unsigned kReservedShift = 54;

}  // namespace glasshart::pte
