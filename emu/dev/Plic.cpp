#include "dev/Plic.h"

#include <utility>

#include "mem/MemoryMap.h"

namespace glasshart {

namespace {

constexpr unsigned kWordBits = 32;

}  // namespace

Plic::Plic() { reset(); }

void Plic::reset() {
    priority_.fill(0);
    for (SourceBits& bits : enable_) bits.reset();
    threshold_.fill(0);
    pending_.reset();
    inFlight_.reset();
    level_.reset();
    outputs_.fill(false);
}

// --- bit-array words -----------------------------------------------------------

std::uint32_t Plic::wordOf(const SourceBits& bits, unsigned word) {
    std::uint32_t value = 0;
    for (unsigned bit = 0; bit < kWordBits; ++bit) {
        if (bits[word * kWordBits + bit]) value |= std::uint32_t{1} << bit;
    }
    return value;
}

void Plic::setWord(SourceBits& bits, unsigned word, std::uint32_t value) {
    for (unsigned bit = 0; bit < kWordBits; ++bit) bits[word * kWordBits + bit] = ((value >> bit) & 1) != 0;
}

// --- register access -----------------------------------------------------------

bool Plic::read(std::uint64_t offset, unsigned size, std::uint64_t& value) {
    if (size != 4 || offset >= memory_map::kPlicSize) return false;
    value = readRegister(offset);
    return true;
}

bool Plic::write(std::uint64_t offset, unsigned size, std::uint64_t value) {
    if (size != 4 || offset >= memory_map::kPlicSize) return false;
    writeRegister(offset, static_cast<std::uint32_t>(value));
    return true;
}

std::uint32_t Plic::readRegister(std::uint64_t offset) {
    if (offset < kPendingOffset) return priority(static_cast<unsigned>(offset / 4));
    if (offset < kPendingOffset + kBitWords * 4) {
        return wordOf(pending_, static_cast<unsigned>((offset - kPendingOffset) / 4));
    }
    if (offset >= kEnableOffset && offset < kEnableOffset + kContextCount * kEnableStride) {
        const std::uint64_t context = (offset - kEnableOffset) / kEnableStride;
        const std::uint64_t word = (offset - kEnableOffset) % kEnableStride / 4;
        if (word < kBitWords) return wordOf(enable_[context], static_cast<unsigned>(word));
        return 0;
    }
    if (offset >= kContextOffset && offset < kContextOffset + kContextCount * kContextStride) {
        const auto context = static_cast<unsigned>((offset - kContextOffset) / kContextStride);
        switch ((offset - kContextOffset) % kContextStride) {
        case kThresholdRegister:
            return threshold_[context];
        case kClaimCompleteRegister:
            return claim(context);
        default:
            return 0;
        }
    }
    return 0;
}

void Plic::writeRegister(std::uint64_t offset, std::uint32_t value) {
    if (offset < kPendingOffset) {
        const auto source = static_cast<unsigned>(offset / 4);
        if (exists(source)) priority_[source] = value & kMaxPriority;
    } else if (offset >= kEnableOffset && offset < kEnableOffset + kContextCount * kEnableStride) {
        const std::uint64_t context = (offset - kEnableOffset) / kEnableStride;
        const std::uint64_t word = (offset - kEnableOffset) % kEnableStride / 4;
        if (word >= kBitWords) return;
        // Bit 0 of word 0 stands for the non-existent source 0 ("Interrupt Enables").
        if (word == 0) value &= ~std::uint32_t{1};
        setWord(enable_[context], static_cast<unsigned>(word), value);
    } else if (offset >= kContextOffset && offset < kContextOffset + kContextCount * kContextStride) {
        const auto context = static_cast<unsigned>((offset - kContextOffset) / kContextStride);
        switch ((offset - kContextOffset) % kContextStride) {
        case kThresholdRegister:
            threshold_[context] = value & kMaxPriority;
            break;
        case kClaimCompleteRegister:
            complete(context, value);
            break;
        default:
            return;
        }
    } else {
        return;  // pending bits and unused space ignore writes
    }
    updateOutputs();
}

// --- the PLIC core and gateways ------------------------------------------------

unsigned Plic::bestCandidate(unsigned context) const {
    unsigned best = 0;
    std::uint32_t bestPriority = threshold_[context];
    // Ascending ids with a strict comparison: ties go to the lowest id.
    for (unsigned source = 1; source < kSourceCount; ++source) {
        if (pending_[source] && enable_[context][source] && priority_[source] > bestPriority) {
            best = source;
            bestPriority = priority_[source];
        }
    }
    return best;
}

unsigned Plic::claim(unsigned context) {
    const unsigned source = bestCandidate(context);
    if (source == 0) return 0;
    pending_[source] = false;
    updateOutputs();
    return source;
}

void Plic::complete(unsigned context, std::uint32_t source) {
    if (!exists(source) || !enable_[context][source]) return;
    inFlight_[source] = false;
    forwardIfAsserted(source);
}

void Plic::forwardIfAsserted(unsigned source) {
    if (!level_[source] || inFlight_[source]) return;
    inFlight_[source] = true;
    pending_[source] = true;
}

void Plic::setSourceLevel(unsigned source, bool high) {
    if (!exists(source)) return;
    level_[source] = high;
    forwardIfAsserted(source);
    updateOutputs();
}

bool Plic::interruptPending(unsigned context) const { return context < kContextCount && outputs_[context]; }

void Plic::updateOutputs() {
    bool changed = false;
    for (unsigned context = 0; context < kContextCount; ++context) {
        const bool level = bestCandidate(context) != 0;
        changed = changed || level != outputs_[context];
        outputs_[context] = level;
    }
    if (changed && linesChanged_) linesChanged_();
}

// --- inspection ----------------------------------------------------------------

std::uint32_t Plic::priority(unsigned source) const { return exists(source) ? priority_[source] : 0; }

std::uint32_t Plic::threshold(unsigned context) const {
    return context < kContextCount ? threshold_[context] : 0;
}

bool Plic::pending(unsigned source) const { return exists(source) && pending_[source]; }

bool Plic::enabled(unsigned context, unsigned source) const {
    return context < kContextCount && exists(source) && enable_[context][source];
}

bool Plic::awaitingCompletion(unsigned source) const { return exists(source) && inFlight_[source]; }

bool Plic::sourceLevel(unsigned source) const { return exists(source) && level_[source]; }

}  // namespace glasshart
