#pragma once

#include <cstdint>
#include <string_view>

namespace glasshart {

// Synchronous exception codes for mcause (privileged spec table 3.6).
enum class Exception : std::uint8_t {
    InstructionAddressMisaligned = 0,
    InstructionAccessFault = 1,
    IllegalInstruction = 2,
    Breakpoint = 3,
    LoadAddressMisaligned = 4,
    LoadAccessFault = 5,
    StoreAddressMisaligned = 6,  // also AMO
    StoreAccessFault = 7,        // also AMO
    EcallFromU = 8,
    EcallFromS = 9,
    EcallFromM = 11,
    InstructionPageFault = 12,
    LoadPageFault = 13,
    StorePageFault = 15,
};

// Interrupt codes for mcause, which are also bit positions in mip/mie.
enum class Interrupt : std::uint8_t {
    SupervisorSoftware = 1,
    MachineSoftware = 3,
    SupervisorTimer = 5,
    MachineTimer = 7,
    SupervisorExternal = 9,
    MachineExternal = 11,
};

// An exception raised by an instruction, with the value mtval receives.
struct Trap {
    Exception cause;
    std::uint64_t value = 0;
};

[[nodiscard]] std::string_view exceptionName(Exception cause);
[[nodiscard]] std::string_view interruptName(Interrupt cause);

}  // namespace glasshart
