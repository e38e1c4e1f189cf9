#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <utility>

#include "hart/HartState.h"
#include "hart/Trap.h"
#include "isa/Instruction.h"
#include "mmu/Mmu.h"

namespace glasshart {

class Bus;
class Clint;
class Plic;

// What the trap observer is told about each trap as it is taken.
struct TrapRecord {
    std::uint64_t cause;  // exception or interrupt code
    bool interrupt;
    std::uint64_t pc;     // of the interrupted or faulting instruction
    std::uint64_t value;  // what mtval (or stval) received
    Privilege handler;    // the mode the trap was taken into (User: a user-mode environment took it)
};

// The behaviour of one hart around its HartState: the CSR file, privilege
// modes M, S and U with trap delegation, trap and interrupt entry, mret and
// sret, and address translation (its Mmu). Both engines go through it for
// everything that is not plain computation, so privileged behaviour exists
// in one place.
class Hart {
public:
    Hart(HartState& state, Xlen xlen, const Clint& clint, const Plic& plic, Bus& bus);

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
    // The value csrrs/csrrc modify, where it differs from what they read:
    // mip's SEIP then is the software-writable bit alone, so that setting
    // or clearing another bit does not latch the PLIC's line into it (3.1.9).
    [[nodiscard]] std::uint64_t modifiableValue(std::uint16_t address, std::uint64_t read) const;
    [[nodiscard]] static bool isReadOnlyCsr(std::uint16_t address) { return (address >> 10) == 3; }
    // For a debugger, which is bound neither by the hart's privilege nor by
    // mstatus.FS: a CSR as M-mode software would read or write it, the FP
    // CSRs even while the FP unit is off. Counter writes are refused: a CSR
    // instruction's write takes effect after it retires (see writeCounter),
    // which has no meaning for a write made between instructions.
    [[nodiscard]] std::optional<std::uint64_t> debugReadCsr(std::uint16_t address) const;
    [[nodiscard]] bool debugWriteCsr(std::uint16_t address, std::uint64_t value);

    // mstatus (SD included) and its sstatus view as software reads them, at
    // any privilege: for the inspector, which is not bound by it.
    [[nodiscard]] std::uint64_t mstatus() const;
    [[nodiscard]] std::uint64_t sstatus() const;
    // mip as software sees it: writable bits plus the device lines.
    [[nodiscard]] std::uint64_t mip() const;
    [[nodiscard]] std::uint64_t minstret() const;
    [[nodiscard]] std::uint64_t mcycle() const;

    // --- traps ----------------------------------------------------------
    // Enters the trap handler for an exception raised by the instruction at
    // state().pc. The instruction does not retire.
    void raise(const Trap& trap);
    // The interrupt that would be taken now, if any (privileged spec 3.1.9:
    // priority MEI > MSI > MTI > SEI > SSI > STI, and interrupts for M
    // before those delegated to S).
    [[nodiscard]] std::optional<Interrupt> pendingInterrupt() const;
    void takeInterrupt(Interrupt interrupt);
    // Whether any interrupt is pending and enabled in mie, regardless of the
    // global enable: the condition that ends wfi (privileged spec 3.3.3).
    [[nodiscard]] bool wakeUpPending() const { return (mip() & state_.csr.mie) != 0; }
    void mret();
    void sret();

    // The privilege rules around mstatus's trap-virtualisation bits (3.1.6.5).
    [[nodiscard]] bool mayExecuteSret() const;
    [[nodiscard]] bool mayExecuteWfi() const;
    [[nodiscard]] bool mayFlushTlb() const;
    // sfence.vma: translations and anything derived from them are stale;
    // translated code must not chain past this point.
    void fenceVirtualMemory() {
        mmu_.flush();
        requestAttention();
    }

    [[nodiscard]] Mmu& mmu() { return mmu_; }

    // For the inspector: called on every trap entry.
    void setTrapObserver(std::function<void(const TrapRecord&)> observer) { trapObserver_ = std::move(observer); }

    // --- user-mode emulation --------------------------------------------
    // When a user-mode environment (a Linux process, emu/linux) stands in
    // for the kernel, an exception raised in U-mode enters no trap handler:
    // it is kept for the environment, pc stays at the trapping instruction,
    // and the engines return to the run loop, which hands it over.
    void interceptUserTraps(bool on) { interceptUserTraps_ = on; }
    [[nodiscard]] bool hasInterceptedTrap() const { return interceptedTrap_.has_value(); }
    [[nodiscard]] std::optional<Trap> takeInterceptedTrap() { return std::exchange(interceptedTrap_, std::nullopt); }

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
    [[nodiscard]] bool delegatedToSupervisor(std::uint64_t cause, bool interrupt) const;
    void setPrivilege(Privilege privilege);
    [[nodiscard]] std::optional<std::uint64_t> readCsrAs(std::uint16_t address, Privilege privilege) const;
    [[nodiscard]] bool writeCsrAs(std::uint16_t address, std::uint64_t value, Privilege privilege);
    [[nodiscard]] bool counterEnabled(std::uint16_t address, Privilege privilege) const;
    [[nodiscard]] std::optional<std::uint64_t> readSupervisorCsr(std::uint16_t address, Privilege privilege) const;
    [[nodiscard]] bool writeSupervisorCsr(std::uint16_t address, std::uint64_t value, Privilege privilege);
    void writeMstatus(std::uint64_t value, std::uint64_t writable);
    [[nodiscard]] std::optional<std::uint64_t> readCounter(std::uint16_t address, Privilege privilege) const;
    [[nodiscard]] bool writeCounter(std::uint16_t address, std::uint64_t value);
    void writeMcountinhibit(std::uint64_t value);
    [[nodiscard]] bool writePmp(std::uint16_t address, std::uint64_t value);
    [[nodiscard]] std::optional<std::uint64_t> readPmp(std::uint16_t address) const;
    [[nodiscard]] std::optional<std::uint64_t> readFloatCsr(std::uint16_t address) const;
    [[nodiscard]] bool writeFloatCsr(std::uint16_t address, std::uint64_t value);
    [[nodiscard]] std::uint64_t floatCsr(std::uint16_t address) const;
    void setFloatCsr(std::uint16_t address, std::uint64_t value);

    HartState& state_;
    Xlen xlen_;
    const Clint& clint_;
    const Plic& plic_;
    Mmu mmu_;
    std::function<void(const TrapRecord&)> trapObserver_;
    bool interceptUserTraps_ = false;
    std::optional<Trap> interceptedTrap_;
};

}  // namespace glasshart
