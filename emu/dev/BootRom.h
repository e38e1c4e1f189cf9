#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "mem/MmioDevice.h"

namespace glasshart {

// The virt machine's mask ROM: bytes the machine fills in before the hart
// starts, read-only to the guest (writes are ignored, as on QEMU).
class BootRom final : public MmioDevice {
public:
    explicit BootRom(std::size_t size) : bytes_(size, 0) {}

    [[nodiscard]] std::string_view name() const override { return "boot-rom"; }
    bool read(std::uint64_t offset, unsigned size, std::uint64_t& value) override;
    bool write(std::uint64_t, unsigned, std::uint64_t) override { return true; }

    // Puts `contents` at the start of the ROM and zeroes the rest.
    void load(std::span<const std::uint8_t> contents);

private:
    std::vector<std::uint8_t> bytes_;
};

}  // namespace glasshart
