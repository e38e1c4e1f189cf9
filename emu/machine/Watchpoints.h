#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "hart/HartState.h"
#include "isa/Instruction.h"

namespace glasshart {

// What a watchpoint watches for (gdb's Z2, Z3 and Z4).
enum class WatchKind : std::uint8_t {
    Write,
    Read,
    Access,  // either
};

struct Watchpoint {
    std::uint64_t address = 0;  // virtual, as the hart's loads and stores see it
    std::uint64_t length = 0;
    WatchKind kind = WatchKind::Write;

    friend bool operator==(const Watchpoint&, const Watchpoint&) = default;
};

// The watchpoint an instruction is about to trigger and how it touches it.
struct WatchHit {
    std::uint64_t address = 0;  // the watchpoint's
    WatchKind kind = WatchKind::Write;
};

// Guest data ranges where execution stops before an instruction that would
// read or write them, as the RISC-V debug specification's address triggers
// with timing "before" do, and as gdb's RISC-V target expects (it steps over
// the triggering instruction itself with the watchpoint removed).
class Watchpoints {
public:
    void add(const Watchpoint& watchpoint) { watchpoints_.push_back(watchpoint); }
    // Removes one watchpoint equal to `watchpoint`; false if there is none.
    bool remove(const Watchpoint& watchpoint);
    void clear() { watchpoints_.clear(); }
    [[nodiscard]] bool empty() const { return watchpoints_.empty(); }
    [[nodiscard]] const std::vector<Watchpoint>& all() const { return watchpoints_; }

    // The watchpoint `instruction`, about to execute on `state`, would
    // trigger with its data access, if any. Every RISC-V data access is
    // rs1 + offset (0 for LR, SC and AMOs), so the address is known before
    // the instruction runs.
    [[nodiscard]] std::optional<WatchHit> match(const DecodedInstruction& instruction, const HartState& state,
                                                Xlen xlen) const;

private:
    std::vector<Watchpoint> watchpoints_;
};

}  // namespace glasshart
