#include "gdb/GuestMemory.h"

#include <algorithm>
#include <initializer_list>
#include <optional>

#include "machine/Machine.h"
#include "mmu/PagingMode.h"

namespace glasshart::gdb {
namespace {

// The physical address of the first `count` bytes at `address` (all in one
// page), found through the first of `accesses` that maps it to RAM.
std::optional<std::uint64_t> physicalRam(Machine& machine, std::uint64_t address, std::uint64_t count,
                                         std::initializer_list<AccessType> accesses) {
    const Mmu& mmu = machine.hart().mmu();
    const Ram& ram = machine.bus().ram();
    for (const AccessType access : accesses) {
        const auto physical = mmu.inspect(address, access);
        if (physical && ram.contains(*physical, count)) return physical;
    }
    return std::nullopt;
}

// Splits [address, address + length) at page boundaries.
template <typename Visit>
bool forEachPage(std::uint64_t address, std::uint64_t length, Visit visit) {
    std::uint64_t done = 0;
    while (done < length) {
        const std::uint64_t at = address + done;
        const std::uint64_t count = std::min(length - done, kPageSize - (at & (kPageSize - 1)));
        if (!visit(at, done, count)) return false;
        done += count;
    }
    return true;
}

}  // namespace

std::vector<std::uint8_t> readGuestMemory(Machine& machine, std::uint64_t address, std::size_t length) {
    std::vector<std::uint8_t> bytes;
    const Ram& ram = machine.bus().ram();
    forEachPage(address, length, [&](std::uint64_t at, std::uint64_t, std::uint64_t count) {
        const auto physical = physicalRam(machine, at, count, {AccessType::Load, AccessType::Fetch});
        if (!physical) return false;
        const std::uint8_t* host = ram.at(*physical);
        bytes.insert(bytes.end(), host, host + count);
        return true;
    });
    return bytes;
}

bool writeGuestMemory(Machine& machine, std::uint64_t address, std::span<const std::uint8_t> bytes) {
    std::vector<std::uint64_t> pages;
    const bool mapped = forEachPage(address, bytes.size(), [&](std::uint64_t at, std::uint64_t, std::uint64_t count) {
        const auto physical =
            physicalRam(machine, at, count, {AccessType::Store, AccessType::Load, AccessType::Fetch});
        if (physical) pages.push_back(*physical);
        return physical.has_value();
    });
    if (!mapped) return false;
    // Through the bus, byte by byte, so that the machine sees the write as it
    // sees a store: translated code made from these bytes is dropped.
    Bus& bus = machine.bus();
    std::size_t page = 0;
    forEachPage(address, bytes.size(), [&](std::uint64_t, std::uint64_t done, std::uint64_t count) {
        const std::uint64_t physical = pages[page++];
        for (std::uint64_t i = 0; i < count; ++i) {
            // RAM takes any byte: the page was checked above.
            [[maybe_unused]] const bool written = bus.write(physical + i, 1, bytes[done + i]);
        }
        return true;
    });
    return true;
}

}  // namespace glasshart::gdb
