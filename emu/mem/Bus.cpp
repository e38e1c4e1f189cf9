#include "mem/Bus.h"

#include <cstring>

namespace glasshart {

Bus::Bus(std::uint64_t ramBase, std::uint64_t ramSize) : ram_(ramBase, ramSize) {}

void Bus::attach(std::uint64_t base, std::uint64_t size, MmioDevice& device) {
    windows_.push_back(Window{base, size, &device});
}

Bus::Window* Bus::windowFor(std::uint64_t address, unsigned size) {
    for (Window& window : windows_) {
        if (address >= window.base && address - window.base <= window.size - size) return &window;
    }
    return nullptr;
}

bool Bus::read(std::uint64_t address, unsigned size, std::uint64_t& value) {
    if (ram_.contains(address, size)) {
        value = 0;
        std::memcpy(&value, ram_.at(address), size);  // x86-64 and RISC-V are both little-endian
        return true;
    }
    if ((address & (size - 1)) != 0) return false;
    Window* window = windowFor(address, size);
    return window != nullptr && window->device->read(address - window->base, size, value);
}

bool Bus::write(std::uint64_t address, unsigned size, std::uint64_t value) {
    if (ram_.contains(address, size)) {
        std::memcpy(ram_.at(address), &value, size);
        const std::uint64_t last = address + size - 1;
        if (writeObserver_ && (ram_.isWatched(address) || ram_.isWatched(last))) {
            writeObserver_(address, size);
        }
        return true;
    }
    if ((address & (size - 1)) != 0) return false;
    Window* window = windowFor(address, size);
    return window != nullptr && window->device->write(address - window->base, size, value);
}

bool Bus::fetch(std::uint64_t address, unsigned size, std::uint32_t& parcel) const {
    if (!ram_.contains(address, size)) return false;
    parcel = 0;
    std::memcpy(&parcel, ram_.at(address), size);
    return true;
}

}  // namespace glasshart
