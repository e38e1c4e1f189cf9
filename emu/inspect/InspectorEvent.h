#pragma once

#include <array>
#include <cstdint>

namespace glasshart {

enum class InspectorEventKind : std::uint8_t {
    BlockTranslated,
    CacheFlushed,
    BlockInvalidated,
    ChainPatched,
    Trap,        // detail = cause, value = mtval
    Interrupt,   // detail = cause
    SystemCall,  // a user-mode program's: detail = number, value = result, arguments = a0..a2
};

// One thing that happened inside the emulator, as the window's event log
// and cache map see it. Trivially copyable for the lock-free rings.
struct InspectorEvent {
    InspectorEventKind kind = InspectorEventKind::BlockTranslated;
    std::uint64_t retired = 0;     // instructions retired when it happened
    std::uint64_t guestPc = 0;     // block start, or the trapping pc
    std::uint64_t hostOffset = 0;  // block's place in the code arena
    std::uint32_t hostSize = 0;
    std::uint64_t detail = 0;      // chain target pc, or trap/interrupt cause
    std::uint64_t value = 0;       // trap value
    std::array<std::uint64_t, 3> arguments{};  // SystemCall: its first three arguments
};

}  // namespace glasshart
