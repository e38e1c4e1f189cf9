#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace glasshart {
class Machine;
}

namespace glasshart::gdb {

// A register by gdb's number (TargetDescription.h) as the protocol carries
// it: hex, least significant byte first, registerBits() wide. nullopt for a
// number the stub does not have.
[[nodiscard]] std::optional<std::string> readRegister(Machine& machine, unsigned regnum);

// False for an unknown number, a value of the wrong width, or a register
// that cannot be written (a read-only CSR, the counters, priv). Writes to x0
// are accepted and change nothing, as the instruction set has it.
[[nodiscard]] bool writeRegister(Machine& machine, unsigned regnum, std::string_view hex);

}  // namespace glasshart::gdb
