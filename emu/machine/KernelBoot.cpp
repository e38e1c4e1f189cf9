#include "machine/KernelBoot.h"

#include <cstring>
#include <fstream>
#include <iterator>

#include "machine/BootLayout.h"

namespace glasshart {
namespace {

// OpenSBI's struct fw_dynamic_info (include/sbi/fw_dynamic.h), version 2:
// six `unsigned long` fields.
constexpr std::uint64_t kFirmwareInfoMagic = 0x4942534f;  // "OSBI"
constexpr std::uint64_t kFirmwareInfoVersion = 2;
constexpr std::uint64_t kNextModeSupervisor = 1;

std::vector<std::uint8_t> firmwareInfo(Xlen xlen, std::uint64_t kernelAddress) {
    const std::uint64_t fields[] = {kFirmwareInfoMagic, kFirmwareInfoVersion, kernelAddress,
                                    kNextModeSupervisor, 0 /* options */, 0 /* boot hart */};
    const std::size_t width = xlen == Xlen::Rv64 ? 8 : 4;
    std::vector<std::uint8_t> bytes(std::size(fields) * width);
    for (std::size_t i = 0; i < std::size(fields); ++i) {
        std::memcpy(bytes.data() + i * width, &fields[i], width);  // little-endian, like the guest
    }
    return bytes;
}

std::string megabytes(std::uint64_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB"; }

std::vector<std::uint8_t> readImage(const std::filesystem::path& path, const char* what, const char* advice) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        throw BootError(path.string() + ": no such " + what + " file" + advice);
    }
    std::ifstream in(path, std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.eof() && in.fail()) throw BootError(path.string() + ": cannot read the " + what);
    if (bytes.empty()) throw BootError(path.string() + ": the " + what + " file is empty");
    return bytes;
}

bool isElf(const std::vector<std::uint8_t>& bytes) {
    return bytes.size() >= 4 && bytes[0] == 0x7f && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F';
}

}  // namespace

KernelBoot readKernelBoot(const KernelBootFiles& files) {
    KernelBoot boot;
    const bool defaultFirmware = !files.firmware;
    const std::filesystem::path firmware = files.firmware.value_or(kDebianOpenSbiFirmware);
    boot.firmware = readImage(firmware, "firmware",
                              defaultFirmware ? " (install Debian's opensbi package, or name one with --bios)" : "");
    if (isElf(boot.firmware)) {
        throw BootError(firmware.string() + ": an ELF file; give the raw firmware image (the .bin next to it)");
    }
    boot.kernel = readImage(files.kernel, "kernel", "");
    if (isElf(boot.kernel)) {
        throw BootError(files.kernel.string() + ": an ELF file; give the raw kernel image (Linux's Image)");
    }
    if (files.initrd) boot.initrd = readImage(*files.initrd, "initrd", "");
    boot.bootargs = files.bootargs;
    return boot;
}

BootPlan planKernelBoot(const KernelBoot& boot, DeviceTreeDescription machine) {
    if (boot.firmware.empty()) throw BootError("the firmware image is empty");
    if (boot.kernel.empty()) throw BootError("the kernel image is empty");
    const std::uint64_t ramBase = machine.ramBase;
    const std::uint64_t ramSize = machine.ramSize;
    auto requireRoom = [&](std::uint64_t address, std::uint64_t size, const char* what) {
        if (!boot_layout::fitsBesideDeviceTree(address, size, ramBase, ramSize)) {
            throw BootError(std::string("the ") + what + " (" + megabytes(size) + ") does not fit in " +
                            megabytes(ramSize) + " of RAM: give the machine more RAM");
        }
    };

    BootPlan plan;
    plan.deviceTreeAddress = boot_layout::deviceTreeAddress(ramBase, ramSize);
    requireRoom(ramBase, boot.firmware.size(), "firmware");
    plan.kernelAddress = boot_layout::kernelAddress(machine.xlen, ramBase + boot.firmware.size());
    requireRoom(plan.kernelAddress, boot.kernel.size(), "kernel");
    if (!boot.initrd.empty()) {
        const std::uint64_t start = boot_layout::initrdAddress(plan.kernelAddress, ramSize);
        if (plan.kernelAddress + boot.kernel.size() > start) {
            throw BootError("the kernel (" + megabytes(boot.kernel.size()) +
                            ") runs into the initrd, which QEMU's layout puts half the RAM above it: "
                            "give the machine more RAM");
        }
        requireRoom(start, boot.initrd.size(), "initrd");
        plan.initrd = InitrdRange{start, start + boot.initrd.size()};
    }
    machine.bootargs = boot.bootargs;
    machine.initrd = plan.initrd;
    plan.deviceTree = buildDeviceTree(machine);
    if (plan.deviceTree.size() > boot_layout::kDeviceTreeReservation) {
        throw BootError("the device tree (" + megabytes(plan.deviceTree.size()) +
                        ") outgrows its 1 MiB place: shorten the kernel command line");
    }
    plan.firmwareInfo = firmwareInfo(machine.xlen, plan.kernelAddress);
    return plan;
}

}  // namespace glasshart
