#pragma once

#include <cstdint>
#include <string_view>

namespace glasshart {

// A device register window on the physical bus. Offsets are relative to the
// window's base; `size` is 1, 2, 4 or 8 and the access is naturally aligned
// (the bus turns anything else into an access fault before it gets here).
class MmioDevice {
public:
    virtual ~MmioDevice() = default;

    [[nodiscard]] virtual std::string_view name() const = 0;
    // Returns false for an access the device does not decode (access fault).
    virtual bool read(std::uint64_t offset, unsigned size, std::uint64_t& value) = 0;
    virtual bool write(std::uint64_t offset, unsigned size, std::uint64_t value) = 0;
};

}  // namespace glasshart
