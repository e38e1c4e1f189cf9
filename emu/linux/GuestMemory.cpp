#include "linux/GuestMemory.h"

namespace glasshart {

std::optional<std::string> GuestMemory::readString(std::uint64_t address, std::size_t limit, bool& tooLong) {
    tooLong = false;
    std::string text;
    for (std::uint64_t at = address;; ++at) {
        const std::uint8_t* byte = bytes(at, 1);
        if (byte == nullptr) return std::nullopt;
        if (*byte == 0) return text;
        if (text.size() == limit) {
            tooLong = true;
            return std::nullopt;
        }
        text.push_back(static_cast<char>(*byte));
    }
}

}  // namespace glasshart
