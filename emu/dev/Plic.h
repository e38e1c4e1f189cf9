#pragma once
// The platform-level interrupt controller of the virt machine for one hart,
// register-compatible with QEMU 7.2's "sifive,plic-1.0.0" there (RISC-V PLIC
// specification 1.0.0, cited below by chapter name):
//
//   0x000000 + 4*s        priority of source s (1..95); source 0 does not exist
//   0x001000 + 4*w        pending bits of sources 32w..32w+31 (read-only)
//   0x002000 + 0x80*c     enable bits of context c, three words
//   0x200000 + 0x1000*c   priority threshold of context c
//   0x200004 + 0x1000*c   claim (read) / complete (write) of context c
//
// Contexts as on virt with one hart: 0 is hart 0's M mode (its output drives
// mip.MEIP), 1 is hart 0's S mode (mip.SEIP).
//
// Choices, and where they come from:
// * Sources 1..95 and 3 priority bits, as QEMU 7.2 builds virt's PLIC (96
//   sources counting the non-existent 0, VIRT_IRQCHIP_NUM_PRIO_BITS = 3).
//   Priorities and thresholds are WARL: a write keeps the low 3 bits.
// * Gateways are level-triggered ("Interrupt Gateways"): a high line raises
//   the pending bit once; no new request until the handler's completion,
//   after which a still-high line raises it again. A line that drops after
//   the request was forwarded leaves the pending bit set (the spec says the
//   gateway cannot retract a request). QEMU instead lets the pending bit
//   follow the line; software written to the spec sees no difference
//   except a possible spurious claim, which the spec asks it to expect.
// * A context's output (EIP) is high while some source is pending, enabled
//   for it, and of priority above its threshold ("Priority Thresholds").
// * Claim returns the highest-priority such source, ties to the lowest id
//   ("Interrupt Identifiers"), and clears its pending bit; 0 when there is
//   none. Like QEMU 7.2, so that one bare-metal program behaves the same on
//   both, the claim honours the threshold (the spec's "Interrupt Claim
//   Process" says a claim ignores it; Linux and OpenSBI claim only after
//   an EIP notification, where the two agree). Priority 0 is never claimed.
// * Completion re-arms the source's gateway only if the source is enabled
//   for the completing context ("Interrupt Completion": otherwise silently
//   ignored); ids outside 1..95 are ignored. It is not checked against the
//   last claim, as the spec says.
// * Enable bit 0 (the non-existent source 0) is hardwired to 0, as are the
//   pending bit and priority of source 0. Pending bits ignore writes.
// * Accesses must be 4 bytes: 1-, 2- and 8-byte accesses are access faults,
//   as on QEMU 7.2, whose PLIC admits only 4-byte accesses (checked with
//   lb/lh/ld/sb/sd on qemu-system-riscv64 -M virt). Anything else inside
//   the 0x600000-byte window that is not a register reads 0 and ignores
//   writes, as QEMU does.
#include <array>
#include <bitset>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>

#include "mem/MmioDevice.h"

namespace glasshart {

class Plic final : public MmioDevice {
public:
    // Source ids 1..kSourceCount-1 exist; 0 means "no interrupt".
    static constexpr unsigned kSourceCount = 96;
    static constexpr unsigned kContextCount = 2;
    static constexpr unsigned kMachineContext = 0;
    static constexpr unsigned kSupervisorContext = 1;
    static constexpr std::uint32_t kMaxPriority = 7;

    static constexpr std::uint64_t kPriorityOffset = 0x0;
    static constexpr std::uint64_t kPendingOffset = 0x1000;
    static constexpr std::uint64_t kEnableOffset = 0x2000;
    static constexpr std::uint64_t kEnableStride = 0x80;
    static constexpr std::uint64_t kContextOffset = 0x20'0000;
    static constexpr std::uint64_t kContextStride = 0x1000;
    static constexpr std::uint64_t kThresholdRegister = 0x0;      // within a context's page
    static constexpr std::uint64_t kClaimCompleteRegister = 0x4;  // within a context's page

    Plic();

    [[nodiscard]] std::string_view name() const override { return "plic"; }
    bool read(std::uint64_t offset, unsigned size, std::uint64_t& value) override;
    bool write(std::uint64_t offset, unsigned size, std::uint64_t value) override;

    // The level of interrupt line `source` (1..95; other numbers are ignored).
    void setSourceLevel(unsigned source, bool high);
    // The EIP output of `context` (false for a context that does not exist).
    [[nodiscard]] bool interruptPending(unsigned context) const;

    // Called whenever an EIP output changes, after the change: from guest
    // accesses (priority, enable, threshold, claim, complete) and from
    // setSourceLevel(). reset() does not call it: the machine re-evaluates
    // everything after a reset anyway.
    void setLinesChangedCallback(std::function<void()> callback) { linesChanged_ = std::move(callback); }

    // Everything 0: priorities, enables, thresholds, pending and in-flight
    // requests, and the recorded line levels (the devices reset too).
    void reset();

    // Read-only views for an inspector; out-of-range arguments give 0/false.
    [[nodiscard]] std::uint32_t priority(unsigned source) const;
    [[nodiscard]] std::uint32_t threshold(unsigned context) const;
    [[nodiscard]] bool pending(unsigned source) const;
    [[nodiscard]] bool enabled(unsigned context, unsigned source) const;
    // Whether the source's gateway has forwarded a request whose completion
    // has not arrived yet.
    [[nodiscard]] bool awaitingCompletion(unsigned source) const;
    [[nodiscard]] bool sourceLevel(unsigned source) const;

private:
    using SourceBits = std::bitset<kSourceCount>;
    static constexpr unsigned kBitWords = kSourceCount / 32;
    static_assert(kSourceCount % 32 == 0, "the bit arrays are whole 32-bit words");

    [[nodiscard]] static bool exists(unsigned source) { return source != 0 && source < kSourceCount; }
    [[nodiscard]] static std::uint32_t wordOf(const SourceBits& bits, unsigned word);
    static void setWord(SourceBits& bits, unsigned word, std::uint32_t value);

    [[nodiscard]] std::uint32_t readRegister(std::uint64_t offset);
    void writeRegister(std::uint64_t offset, std::uint32_t value);
    // The source a claim by `context` would take now, 0 if none.
    [[nodiscard]] unsigned bestCandidate(unsigned context) const;
    unsigned claim(unsigned context);
    void complete(unsigned context, std::uint32_t source);
    // Gateway: forward a request if the line is high and none is outstanding.
    void forwardIfAsserted(unsigned source);
    void updateOutputs();

    std::array<std::uint32_t, kSourceCount> priority_{};
    std::array<SourceBits, kContextCount> enable_{};
    std::array<std::uint32_t, kContextCount> threshold_{};
    SourceBits pending_;
    SourceBits inFlight_;
    SourceBits level_;
    std::array<bool, kContextCount> outputs_{};
    std::function<void()> linesChanged_;
};

}  // namespace glasshart
