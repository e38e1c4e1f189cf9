#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "mem/MmioDevice.h"
#include "mem/Ram.h"

namespace glasshart {

// The physical address space: RAM plus device windows. Anything else is a
// hole, and an access to a hole is an access fault.
class Bus {
public:
    // Called after a store wrote into a watched RAM page (see Ram).
    using WriteObserver = std::function<void(std::uint64_t address, unsigned size)>;

    Bus(std::uint64_t ramBase, std::uint64_t ramSize);

    void attach(std::uint64_t base, std::uint64_t size, MmioDevice& device);
    void setWriteObserver(WriteObserver observer) { writeObserver_ = std::move(observer); }

    // Loads and stores of 1, 2, 4 or 8 bytes. RAM takes any alignment;
    // devices take naturally aligned accesses only. False means access fault.
    [[nodiscard]] bool read(std::uint64_t address, unsigned size, std::uint64_t& value);
    [[nodiscard]] bool write(std::uint64_t address, unsigned size, std::uint64_t value);

    // Instruction fetch: RAM only (devices are not executable).
    [[nodiscard]] bool fetch(std::uint64_t address, unsigned size, std::uint32_t& parcel) const;
    [[nodiscard]] bool isExecutable(std::uint64_t address) const { return ram_.contains(address, 2); }

    [[nodiscard]] Ram& ram() { return ram_; }
    [[nodiscard]] const Ram& ram() const { return ram_; }

private:
    struct Window {
        std::uint64_t base;
        std::uint64_t size;
        MmioDevice* device;  // owned by the Machine
    };
    [[nodiscard]] Window* windowFor(std::uint64_t address, unsigned size);

    Ram ram_;
    std::vector<Window> windows_;
    WriteObserver writeObserver_;
};

}  // namespace glasshart
