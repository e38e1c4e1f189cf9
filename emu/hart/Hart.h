#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "hart/HartState.h"
#include "hart/Trap.h"
#include "isa/Instruction.h"

namespace glasshart {

class Clint;

// What the trap observer is told about each trap as it is taken.
struct TrapRecord {
    std::uint64_t cause;  // exception or interrupt code
    bool interrupt;
    std::uint64_t pc;     // of the interrupted or faulting instruction
    std::uint64_t value;  // what mtval received
};

// The behaviour of one hart around its HartState: the CSR file, trap and
// interrupt entry, mret. Both engines go through it for everything that is
// not plain computation, so privileged behaviour exists in one place.
//
// Implemented: M-mode only, as issue #2 asks; S and U slot in through
// privilege, medeleg/mideleg and the delegation test in enterTrap().
class Hart {
public:
    Hart(HartState& state, Xlen xlen, const Clint& clint);

    [[nodiscard]] HartState& state() { return state_; }
    [[nodiscard]] const HartState& state() const { return state_; }
    [[nodiscard]] Xlen xlen() const { return xlen_; }

    void reset(std::uint64_t pc);

    // --- CSRs (privileged spec chapter 2 and 3) -------------------------
    // Read/write as a CSR instruction at the current privilege would.
    // nullopt / false: the access is illegal (unknown CSR, too little
    // privilege, write to a read-only CSR): raise an illegal instruction.
    [[nodiscard]] std::optional<std::uint64_t> readCsr(std::uint16_t address) const;
    [[nodiscard]] bool writeCsr(std::uint16_t address, std::uint64_t value);
    [[nodiscard]] static bool isReadOnlyCsr(std::uint16_t address) { return (address >> 10) == 3; }

    // mip as software sees it: writable bits plus the device lines.
    [[nodiscard]] std::uint64_t mip() const;
    [[nodiscard]] std::uint64_t minstret() const;
    [[nodiscard]] std::uint64_t mcycle() const;

    // --- traps ----------------------------------------------------------
    // Enters the trap handler for an exception raised by the instruction at
    // state().pc. The instruction does not retire.
    void raise(const Trap& trap);
    // The interrupt that would be taken now, if any (privileged spec 3.1.9:
    // priority MEI > MSI > MTI > SEI > SSI > STI).
    [[nodiscard]] std::optional<Interrupt> pendingInterrupt() const;
    void takeInterrupt(Interrupt interrupt);
    // Whether any interrupt is pending and enabled in mie, regardless of the
    // global enable: the condition that ends wfi (privileged spec 3.3.3).
    [[nodiscard]] bool wakeUpPending() const { return (mip() & state_.csr.mie) != 0; }
    void mret();

    // For the inspector: called on every trap entry.
    void setTrapObserver(std::function<void(const TrapRecord&)> observer) { trapObserver_ = std::move(observer); }

    // --- floating point (mstatus.FS, privileged spec 3.1.6.6) ------------
    [[nodiscard]] bool floatEnabled() const;
    // Records that f registers or fflags changed: FS becomes Dirty.
    void markFloatDirty();

    // Asks the run loop to regain control before the next instruction, e.g.
    // after a write that may enable an interrupt.
    void requestAttention() { state_.eventAt = 0; }

    [[nodiscard]] std::uint64_t truncate(std::uint64_t value) const {
        return xlen_ == Xlen::Rv32 ? static_cast<std::uint32_t>(value) : value;
    }

private:
    void enterTrap(std::uint64_t cause, bool interrupt, std::uint64_t value);
    [[nodiscard]] std::optional<std::uint64_t> readCounter(std::uint16_t address) const;
    [[nodiscard]] bool writeCounter(std::uint16_t address, std::uint64_t value);
    void writeMcountinhibit(std::uint64_t value);
    [[nodiscard]] bool writePmp(std::uint16_t address, std::uint64_t value);
    [[nodiscard]] std::optional<std::uint64_t> readPmp(std::uint16_t address) const;
    [[nodiscard]] std::optional<std::uint64_t> readFloatCsr(std::uint16_t address) const;
    [[nodiscard]] bool writeFloatCsr(std::uint16_t address, std::uint64_t value);
    [[nodiscard]] std::uint64_t mstatusValue() const;

    HartState& state_;
    Xlen xlen_;
    const Clint& clint_;
    std::function<void(const TrapRecord&)> trapObserver_;
};

}  // namespace glasshart
