#pragma once
// Where QEMU 7.2's virt machine puts the boot images in RAM, so that a
// firmware + kernel + initrd + device tree boot lands every piece where it
// lands on QEMU. The rules are those of QEMU 7.2's hw/riscv/boot.c
// (riscv_calc_kernel_start_addr, riscv_load_initrd, riscv_load_fdt),
// re-derived here and checked against QEMU itself (`info roms`) by
// tests/unit/BootLayoutTest.cpp. Firmware always loads at the start of RAM.
//
// With 256 MiB of RAM at 0x8000'0000 and OpenSBI: kernel 0x8020'0000,
// initrd 0x8820'0000, device tree 0x8fe0'0000.
#include <cstdint>

#include "isa/Instruction.h"

namespace glasshart::boot_layout {

// QEMU 7.2 places the device tree by the size of the buffer it built it in
// (1 MiB), taken before the tree is packed, and loads that whole buffer; so
// the 1 MiB from deviceTreeAddress() on is the device tree's. Our blob is
// much smaller; OpenSBI grows it in place when it adds its fix-ups, which
// this room allows.
inline constexpr std::uint64_t kDeviceTreeReservation = 1ull << 20;

// Where a raw (non-ELF) kernel image goes: the end of the firmware rounded
// up to 2 MiB (RV64) or 4 MiB (RV32), the sizes of a megapage there. With
// no firmware, pass the start of RAM. (An ELF kernel goes where its program
// headers say.)
[[nodiscard]] std::uint64_t kernelAddress(Xlen xlen, std::uint64_t firmwareEnd);

// Where the initrd goes: half the RAM size, at most 128 MiB, above the
// kernel's start (its load address; for an ELF kernel its lowest loaded
// address). Whether it fits depends on its size: fitsBesideDeviceTree().
[[nodiscard]] std::uint64_t initrdAddress(std::uint64_t kernelStart, std::uint64_t ramSize);

// Where the device tree goes: kDeviceTreeReservation below the end of RAM,
// or below 3 GiB if RAM starts below 3 GiB and reaches past it (so 32-bit
// code can address it), rounded down to 2 MiB. Throws std::invalid_argument
// if that would fall below the start of RAM.
[[nodiscard]] std::uint64_t deviceTreeAddress(std::uint64_t ramBase, std::uint64_t ramSize);

// Whether `size` bytes at `address` lie inside RAM and clear of the device
// tree's reservation (QEMU 7.2 refuses to start when its images overlap).
[[nodiscard]] bool fitsBesideDeviceTree(std::uint64_t address, std::uint64_t size, std::uint64_t ramBase,
                                        std::uint64_t ramSize);

}  // namespace glasshart::boot_layout
