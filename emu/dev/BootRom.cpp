#include "dev/BootRom.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace glasshart {

bool BootRom::read(std::uint64_t offset, unsigned size, std::uint64_t& value) {
    value = 0;
    std::memcpy(&value, bytes_.data() + offset, size);  // the bus keeps the access inside the window
    return true;
}

void BootRom::load(std::span<const std::uint8_t> contents) {
    if (contents.size() > bytes_.size()) throw std::length_error("the boot ROM is too small for its contents");
    std::fill(std::copy(contents.begin(), contents.end(), bytes_.begin()), bytes_.end(), 0);
}

}  // namespace glasshart
