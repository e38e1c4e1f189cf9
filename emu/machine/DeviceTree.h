#pragma once
// The flattened device tree that describes Glasshart's virt machine to
// OpenSBI and Linux, built at machine start with libfdt. Its nodes follow
// QEMU 7.2's virt tree (`qemu-system-riscv64 -M virt,dumpdtb=...`) for the
// devices Glasshart has; tests/unit/DeviceTreeTest.cpp holds the two side by
// side. What it contains (phandles as QEMU numbers them):
//
//   /                    #address-cells = #size-cells = 2, "riscv-virtio"
//   /chosen              stdout-path, bootargs, linux,initrd-start/-end
//   /cpus                timebase-frequency
//   /cpus/cpu@0          riscv,isa, riscv,isa-base, riscv,isa-extensions,
//                        mmu-type; phandle 1
//   /cpus/cpu@0/interrupt-controller   riscv,cpu-intc; phandle 2
//   /memory@<base>       the RAM
//   /soc                 simple-bus with an identity mapping
//   /soc/clint@2000000   MSIP (cause 3) and MTIP (cause 7) of hart 0
//   /soc/plic@c000000    context 0 -> MEIP (11), context 1 -> SEIP (9); phandle 3
//   /soc/serial@10000000 ns16550a on PLIC source 10
//   /soc/test@100000     sifive,test1 finisher as a syscon; phandle 4
//   /poweroff, /reboot   syscon-poweroff / syscon-reboot through test@100000
//
// Left out on purpose: QEMU's rng-seed in /chosen (the machine is
// deterministic; Linux does not need one), and devices Glasshart does not
// model (RTC, virtio-mmio, PCI, flash, fw-cfg, PMU).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "isa/Instruction.h"
#include "mem/MemoryMap.h"

namespace glasshart {

struct InitrdRange {
    std::uint64_t start = 0;
    std::uint64_t end = 0;  // one past the last byte
};

struct DeviceTreeDescription {
    Xlen xlen = Xlen::Rv64;
    std::uint64_t ramBase = memory_map::kRamBase;
    std::uint64_t ramSize = memory_map::kDefaultRamSize;
    // The ISA in the RISC-V naming convention: "rv64" or "rv32", then the
    // single-letter extensions starting with i (or g), then multi-letter
    // ones separated by '_'. Lower case, no version numbers. Since ISA
    // manual 20191213 Zicsr and Zifencei are not part of I: list them
    // (riscv,isa-extensions is built from this string alone, and Linux
    // takes that list literally).
    std::string isa = "rv64imafdc_zicsr_zifencei";
    // "riscv,sv39", "riscv,sv32", ...; empty leaves mmu-type out (no MMU).
    std::string mmuType = "riscv,sv39";
    std::uint64_t timebaseHz = memory_map::kTimebaseHz;
    // The kernel command line; empty leaves bootargs out, as QEMU does.
    std::string bootargs;
    std::optional<InitrdRange> initrd;
};

// The blob, packed (its header's totalsize is its size). Throws
// std::invalid_argument for a description no machine matches (xlen and ISA
// disagree, malformed ISA, empty or wrapping RAM, timebase beyond 32 bits,
// initrd ending before it starts, a string over 16 MiB) and
// std::runtime_error if libfdt fails.
[[nodiscard]] std::vector<std::uint8_t> buildDeviceTree(const DeviceTreeDescription& description);

// The path of the console UART's node, which /chosen/stdout-path names.
[[nodiscard]] std::string consoleNodePath();

}  // namespace glasshart
