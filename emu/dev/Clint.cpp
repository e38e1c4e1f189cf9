#include "dev/Clint.h"

#include <limits>
#include <stdexcept>

namespace glasshart {

namespace {

constexpr std::uint64_t kLow32 = 0xffff'ffffull;
constexpr std::uint64_t kNever = std::numeric_limits<std::uint64_t>::max();

// Replaces the 4-byte half of `whole` that starts `byteOffset` (0 or 4) bytes in.
std::uint64_t withHalf(std::uint64_t whole, std::uint64_t byteOffset, std::uint64_t half) {
    const unsigned shift = byteOffset == 0 ? 0 : 32;
    return (whole & ~(kLow32 << shift)) | ((half & kLow32) << shift);
}

// Reads the part of a 64-bit register a 4- or 8-byte access at `byteOffset` sees.
std::uint64_t viewOf(std::uint64_t whole, std::uint64_t byteOffset, unsigned size) {
    if (size == 8) return whole;
    return byteOffset == 0 ? whole & kLow32 : whole >> 32;
}

}  // namespace

Clint::Clint(const HartState& hart, std::uint64_t instructionsPerTick)
    : hart_(hart), instructionsPerTick_(instructionsPerTick) {
    if (instructionsPerTick == 0) throw std::invalid_argument("Clint: instructionsPerTick must be at least 1");
    reset();
}

void Clint::reset() {
    msip_ = false;
    mtimecmp_ = kNever;
    setMtime(0);
}

std::uint64_t Clint::mtime() const { return ticks() + offset_; }

std::uint64_t Clint::clockAtTimerInterrupt() const {
    const std::uint64_t now = hart_.clock();
    const std::uint64_t current = mtime();
    if (current >= mtimecmp_) return now;
    // mtime climbs from `current` to mtimecmp without wrapping, one tick per
    // instructionsPerTick slots: the interrupt comes when ticks() reaches
    // ticks() + remaining, i.e. at the first clock of that tick.
    const std::uint64_t remaining = mtimecmp_ - current;
    const std::uint64_t nowTicks = now / instructionsPerTick_;
    if (remaining > kNever - nowTicks) return kNever;
    const std::uint64_t targetTicks = nowTicks + remaining;
    if (targetTicks > kNever / instructionsPerTick_) return kNever;
    return targetTicks * instructionsPerTick_;
}

void Clint::notify() const {
    if (linesChanged_) linesChanged_();
}

bool Clint::read(std::uint64_t offset, unsigned size, std::uint64_t& value) {
    if (offset < kMtimerOffset) return readMswi(offset, size, value);
    if (offset < kDecodedSize) return readMtimer(offset, size, value);
    return false;
}

bool Clint::write(std::uint64_t offset, unsigned size, std::uint64_t value) {
    if (offset < kMtimerOffset) return writeMswi(offset, size, value);
    if (offset < kDecodedSize) return writeMtimer(offset, size, value);
    return false;
}

bool Clint::readMswi(std::uint64_t offset, unsigned size, std::uint64_t& value) const {
    if (size != 4) return false;
    // ACLINT spec, MSWI device: bit 0 of the hart's MSIP register; the
    // upper bits are hardwired to zero. The other slots belong to harts
    // that do not exist.
    value = offset == kMsipOffset && msip_ ? 1 : 0;
    return true;
}

bool Clint::writeMswi(std::uint64_t offset, unsigned size, std::uint64_t value) {
    if (size != 4) return false;
    if (offset != kMsipOffset) return true;
    msip_ = (value & 1) != 0;
    notify();
    return true;
}

bool Clint::readMtimer(std::uint64_t offset, unsigned size, std::uint64_t& value) const {
    if (size != 4 && size != 8) return false;
    if (offset - kMtimecmpOffset < 8) {
        value = viewOf(mtimecmp_, offset - kMtimecmpOffset, size);
    } else if (offset - kMtimeOffset < 8) {
        value = viewOf(mtime(), offset - kMtimeOffset, size);
    } else {
        value = 0;
    }
    return true;
}

bool Clint::writeMtimer(std::uint64_t offset, unsigned size, std::uint64_t value) {
    if (size != 4 && size != 8) return false;
    if (offset - kMtimecmpOffset < 8) {
        mtimecmp_ = size == 8 ? value : withHalf(mtimecmp_, offset - kMtimecmpOffset, value);
    } else if (offset - kMtimeOffset < 8) {
        // A half write keeps the other half of the current (running) mtime.
        setMtime(size == 8 ? value : withHalf(mtime(), offset - kMtimeOffset, value));
    } else {
        return true;  // unused MTIMER space: writes are ignored
    }
    notify();
    return true;
}

}  // namespace glasshart
