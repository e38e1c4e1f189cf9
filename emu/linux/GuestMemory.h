#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <type_traits>

#include "machine/Machine.h"

namespace glasshart {

// The process's memory as the kernel side of a system call reads and
// writes it: anything outside the address-space window is EFAULT. Writes
// drop the translations made from the bytes they change.
class GuestMemory {
public:
    explicit GuestMemory(Machine& machine) : machine_(machine), ram_(machine.bus().ram()) {}

    // The host bytes behind [address, address + length), or nullptr if any
    // of them lies outside the window. Whoever writes through it calls
    // changed() afterwards.
    [[nodiscard]] std::uint8_t* bytes(std::uint64_t address, std::uint64_t length) {
        return ram_.contains(address, length) ? ram_.at(address) : nullptr;
    }
    void changed(std::uint64_t address, std::uint64_t length) { machine_.memoryChanged(address, length); }

    [[nodiscard]] bool read(std::uint64_t address, std::span<std::uint8_t> into) {
        const std::uint8_t* source = bytes(address, into.size());
        if (source == nullptr) return false;
        std::memcpy(into.data(), source, into.size());
        return true;
    }
    [[nodiscard]] bool write(std::uint64_t address, std::span<const std::uint8_t> from) {
        std::uint8_t* destination = bytes(address, from.size());
        if (destination == nullptr) return false;
        std::memcpy(destination, from.data(), from.size());
        changed(address, from.size());
        return true;
    }

    template <typename T>
    [[nodiscard]] std::optional<T> readValue(std::uint64_t address) {
        static_assert(std::is_trivially_copyable_v<T>);
        T value;
        if (!read(address, std::span(reinterpret_cast<std::uint8_t*>(&value), sizeof value))) return std::nullopt;
        return value;
    }
    template <typename T>
    [[nodiscard]] bool writeValue(std::uint64_t address, const T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        return write(address, std::span(reinterpret_cast<const std::uint8_t*>(&value), sizeof value));
    }

    // A NUL-terminated string of at most `limit` bytes before the NUL:
    // nullopt if it runs out of the window, `tooLong` set if it is longer.
    [[nodiscard]] std::optional<std::string> readString(std::uint64_t address, std::size_t limit, bool& tooLong);

private:
    Machine& machine_;
    Ram& ram_;
};

}  // namespace glasshart
