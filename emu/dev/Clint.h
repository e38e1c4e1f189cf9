#pragma once
// The core-local interruptor of the virt machine for one hart, in the SiFive
// CLINT layout that QEMU 7.2's virt builds from an ACLINT MSWI and MTIMER
// pair (RISC-V ACLINT specification v1.0-rc4, sections 2 and 3):
//
//   0x0000  msip      4 bytes, bit 0 is the hart's MSIP, other bits read 0
//   0x4000  mtimecmp  8 bytes, or two 4-byte halves (RV32 writes halves)
//   0xbff8  mtime     8 bytes, or two 4-byte halves; writable
//
// Access sizes follow QEMU 7.2's virt, so a guest faults on the same accesses
// on both: the MSWI part (0x0000-0x3fff) takes 4-byte accesses only; the
// MTIMER part (0x4000-0xbfff) takes 4- and 8-byte accesses; other sizes are
// access faults. Other offsets inside those parts (the msip and mtimecmp
// slots of harts that do not exist, the MTIMER's unused space) read as 0 and
// ignore writes. 0xc000-0xffff is not decoded at all (access fault): QEMU's
// MTIMER aperture is 0x8000 bytes, so nothing answers there.
//
// Time is virtual and deterministic: it is derived from the hart's clock
// (instruction slots, retired + idle), never from the host's:
//
//   mtime = hart.clock() / instructionsPerTick + offset   (mod 2^64)
//
// and a write to mtime only moves `offset`. The timer interrupt line is the
// level mtime >= mtimecmp (privileged spec, "Machine Timer Registers").
//
// Reset: mtime and msip become 0, as the ACLINT spec requires of a device
// reset. The spec leaves mtimecmp's value after reset unspecified; QEMU 7.2
// zero-fills it when it creates the device, and a zero mtimecmp is always
// due, so there MTIP is pending from power-on until software programs
// mtimecmp. We reset mtimecmp to all ones instead (just as legal): no timer
// interrupt until the guest asks for one. Software correct per the spec sees
// no difference; OpenSBI and Linux write mtimecmp before enabling MTIE.
#include <cstdint>
#include <functional>
#include <string_view>

#include "hart/HartState.h"
#include "mem/MmioDevice.h"

namespace glasshart {

class Clint final : public MmioDevice {
public:
    static constexpr std::uint64_t kMsipOffset = 0x0000;
    static constexpr std::uint64_t kMtimerOffset = 0x4000;  // start of the MTIMER part
    static constexpr std::uint64_t kMtimecmpOffset = 0x4000;
    static constexpr std::uint64_t kMtimeOffset = 0xbff8;
    static constexpr std::uint64_t kDecodedSize = 0xc000;   // MSWI 0x4000 + MTIMER 0x8000

    // `instructionsPerTick` (at least 1; 0 throws std::invalid_argument) is
    // how many instruction slots make one mtime tick.
    Clint(const HartState& hart, std::uint64_t instructionsPerTick);

    [[nodiscard]] std::string_view name() const override { return "clint"; }
    bool read(std::uint64_t offset, unsigned size, std::uint64_t& value) override;
    bool write(std::uint64_t offset, unsigned size, std::uint64_t value) override;

    [[nodiscard]] std::uint64_t mtime() const;
    [[nodiscard]] std::uint64_t mtimecmp() const { return mtimecmp_; }
    [[nodiscard]] std::uint64_t instructionsPerTick() const { return instructionsPerTick_; }
    [[nodiscard]] bool softwareInterruptPending() const { return msip_; }
    [[nodiscard]] bool timerInterruptPending() const { return mtime() >= mtimecmp_; }

    // The smallest hart.clock() value, not before the current one, at which
    // timerInterruptPending() is true: the current clock if it already is,
    // UINT64_MAX if it never becomes true within the clock's range.
    [[nodiscard]] std::uint64_t clockAtTimerInterrupt() const;

    // Called after every guest write to msip, mtimecmp or mtime: each may
    // change MSIP or MTIP or move the next timer event, and the run loop
    // re-checks interrupts and its event deadline at once. reset() does not
    // call it: the machine re-evaluates everything after a reset anyway.
    void setLinesChangedCallback(std::function<void()> callback) { linesChanged_ = std::move(callback); }

    // mtime = 0 at the hart's current clock (reset the hart's counters
    // first), msip = 0, mtimecmp = all ones (see above).
    void reset();

private:
    [[nodiscard]] std::uint64_t ticks() const { return hart_.clock() / instructionsPerTick_; }
    void setMtime(std::uint64_t value) { offset_ = value - ticks(); }
    bool readMswi(std::uint64_t offset, unsigned size, std::uint64_t& value) const;
    bool readMtimer(std::uint64_t offset, unsigned size, std::uint64_t& value) const;
    bool writeMswi(std::uint64_t offset, unsigned size, std::uint64_t value);
    bool writeMtimer(std::uint64_t offset, unsigned size, std::uint64_t value);
    void notify() const;

    const HartState& hart_;
    std::uint64_t instructionsPerTick_;
    std::uint64_t offset_ = 0;  // mtime - ticks(), modulo 2^64
    std::uint64_t mtimecmp_ = ~std::uint64_t{0};
    bool msip_ = false;
    std::function<void()> linesChanged_;
};

}  // namespace glasshart
