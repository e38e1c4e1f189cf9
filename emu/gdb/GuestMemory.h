#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace glasshart {
class Machine;
}

namespace glasshart::gdb {

// Guest memory as a debugger sees it. Addresses are virtual when paging is
// on, translated for the hart's current privilege without side effects
// (Mmu::inspect: no A/D bits set, no TLB filled, no fault raised). Only RAM
// is reachable: reading a device register can change the device.

// The bytes from `address` on, up to `length`, ending early at the first
// byte that cannot be read.
[[nodiscard]] std::vector<std::uint8_t> readGuestMemory(Machine& machine, std::uint64_t address, std::size_t length);

// Writes all of `bytes` or, if any of them cannot be written, none. Pages
// mapped read-only or execute-only are written too: a debugger patches
// code. Translations made from the old bytes are dropped, as after a store.
[[nodiscard]] bool writeGuestMemory(Machine& machine, std::uint64_t address, std::span<const std::uint8_t> bytes);

}  // namespace glasshart::gdb
