#pragma once
// Booting firmware, a kernel and an initrd the way QEMU 7.2's virt machine
// does with `-bios FIRMWARE -kernel IMAGE -initrd INITRD -append ARGS`:
// the firmware at the start of RAM, the kernel, initrd and device tree where
// BootLayout says, and OpenSBI's fw_dynamic information in the boot ROM.
// The hart then starts at the firmware with a0 = hart id, a1 = the device
// tree, a2 = the fw_dynamic information (OpenSBI's docs/firmware/fw_dynamic.md).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "machine/DeviceTree.h"

namespace glasshart {

struct KernelBoot {
    std::vector<std::uint8_t> firmware;  // raw, for the start of RAM: OpenSBI's fw_dynamic.bin
    std::vector<std::uint8_t> kernel;    // raw: Linux's Image
    std::vector<std::uint8_t> initrd;    // empty: none
    std::string bootargs;
};

// A boot that does not fit the machine; the message says what to change.
class BootError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Where Debian's opensbi package installs the generic platform's fw_dynamic
// firmware, the one QEMU's `-bios default` also uses (RV64 only: Debian
// builds no RV32 OpenSBI).
inline constexpr const char* kDebianOpenSbiFirmware = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin";

struct KernelBootFiles {
    std::filesystem::path kernel;
    std::optional<std::filesystem::path> initrd;
    std::optional<std::filesystem::path> firmware;  // none: kDebianOpenSbiFirmware
    std::string bootargs;
};

// Reads the images. Throws BootError naming the file and what to do when
// one is missing, unreadable, or an ELF where a raw image belongs.
[[nodiscard]] KernelBoot readKernelBoot(const KernelBootFiles& files);

// Everything the machine writes before the hart starts.
struct BootPlan {
    std::uint64_t kernelAddress = 0;
    std::optional<InitrdRange> initrd;
    std::uint64_t deviceTreeAddress = 0;
    std::vector<std::uint8_t> deviceTree;
    std::vector<std::uint8_t> firmwareInfo;  // struct fw_dynamic_info, for the boot ROM
};

// `machine` describes the hardware; its bootargs and initrd are filled in
// from `boot`. Throws BootError when an image is missing or does not fit.
[[nodiscard]] BootPlan planKernelBoot(const KernelBoot& boot, DeviceTreeDescription machine);

}  // namespace glasshart
