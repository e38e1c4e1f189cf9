#include "machine/BootLayout.h"

#include <algorithm>
#include <stdexcept>

namespace glasshart::boot_layout {

namespace {

constexpr std::uint64_t kMiB = 1ull << 20;
constexpr std::uint64_t kThreeGiB = 3072 * kMiB;
constexpr std::uint64_t kDeviceTreeAlignment = 2 * kMiB;

constexpr std::uint64_t alignDown(std::uint64_t value, std::uint64_t alignment) {
    return value / alignment * alignment;
}

}  // namespace

std::uint64_t kernelAddress(Xlen xlen, std::uint64_t firmwareEnd) {
    const std::uint64_t alignment = xlen == Xlen::Rv32 ? 4 * kMiB : 2 * kMiB;
    return alignDown(firmwareEnd + alignment - 1, alignment);
}

std::uint64_t initrdAddress(std::uint64_t kernelStart, std::uint64_t ramSize) {
    // Far enough above the kernel that it is not overwritten when the kernel
    // sets itself up, low enough to stay in the kernel's early linear map.
    return kernelStart + std::min(ramSize / 2, 128 * kMiB);
}

std::uint64_t deviceTreeAddress(std::uint64_t ramBase, std::uint64_t ramSize) {
    if (ramSize > ~std::uint64_t{0} - ramBase) {
        throw std::invalid_argument("boot layout: RAM reaches past the end of the address space");
    }
    const std::uint64_t ramEnd = ramBase + ramSize;
    const std::uint64_t top = ramBase < kThreeGiB ? std::min(ramEnd, kThreeGiB) : ramEnd;
    if (top < ramBase + kDeviceTreeReservation) {
        throw std::invalid_argument("boot layout: RAM is too small to hold the device tree's 1 MiB");
    }
    const std::uint64_t address = alignDown(top - kDeviceTreeReservation, kDeviceTreeAlignment);
    if (address < ramBase) {
        throw std::invalid_argument("boot layout: no 2 MiB-aligned place in RAM for the device tree");
    }
    return address;
}

bool fitsBesideDeviceTree(std::uint64_t address, std::uint64_t size, std::uint64_t ramBase, std::uint64_t ramSize) {
    if (address < ramBase || size > ramSize || address - ramBase > ramSize - size) return false;
    const std::uint64_t tree = deviceTreeAddress(ramBase, ramSize);
    const bool below = address + size <= tree;
    const bool above = address >= tree + kDeviceTreeReservation;
    return below || above;
}

}  // namespace glasshart::boot_layout
