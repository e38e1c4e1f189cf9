#pragma once

#include <cstdint>
#include <string_view>

#include "isa/Instruction.h"

namespace glasshart {

// System call `number`'s name in the `xlen` ABI (Syscalls.def), or an empty
// view if that ABI has no call with this number.
[[nodiscard]] std::string_view syscallName(std::uint64_t number, Xlen xlen);

// Whether LinuxProcess handles it (rather than answering ENOSYS).
[[nodiscard]] bool isSyscallHandled(std::uint64_t number, Xlen xlen);

}  // namespace glasshart
