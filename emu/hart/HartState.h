#pragma once
// The architectural state of one hart. Plain data with a fixed layout: the
// translator addresses its fields off a pinned host register (offsetof), and
// the inspector copies it whole into snapshots.

#include <array>
#include <cstdint>
#include <type_traits>

#include "hart/Privilege.h"

namespace glasshart {

// Machine-level CSRs that are plain storage. Counters, mip's device lines and
// read-only identity registers are computed when read (see CsrFile).
struct MachineCsrs {
    std::uint64_t mstatus = 0;
    std::uint64_t misa = 0;
    std::uint64_t medeleg = 0;
    std::uint64_t mideleg = 0;
    std::uint64_t mie = 0;
    std::uint64_t mipSoftwareWritable = 0;  // SSIP, STIP, SEIP as M-mode software set them
    std::uint64_t mtvec = 0;
    std::uint64_t mcounteren = 0;
    std::uint64_t mcountinhibit = 0;
    std::uint64_t mscratch = 0;
    std::uint64_t mepc = 0;
    std::uint64_t mcause = 0;
    std::uint64_t mtval = 0;
    std::array<std::uint8_t, 64> pmpcfg{};  // one byte per PMP entry
    std::array<std::uint64_t, 64> pmpaddr{};
};

// Supervisor-level CSRs that are plain storage (privileged spec chapter 4);
// sstatus, sie and sip are views of their machine-level counterparts.
struct SupervisorCsrs {
    std::uint64_t stvec = 0;
    std::uint64_t scounteren = 0;
    std::uint64_t sscratch = 0;
    std::uint64_t sepc = 0;
    std::uint64_t scause = 0;
    std::uint64_t stval = 0;
    std::uint64_t satp = 0;
};

// A counter that can be written and inhibited: its value is
// `base + (source - sourceAtBase)` while it counts, and `base` while frozen.
struct CounterBase {
    std::uint64_t base = 0;
    std::uint64_t sourceAtBase = 0;
};

struct HartState {
    std::array<std::uint64_t, 32> x{};  // x0 stays 0; on RV32 each holds a zero-extended 32-bit value
    std::uint64_t pc = 0;

    // Instructions retired since reset. Drives minstret and, with `idle`,
    // virtual time. Translated code adds a block's length on entry.
    std::uint64_t retired = 0;
    // Instruction slots the hart spent waiting in wfi: they advance time and
    // mcycle but not minstret.
    std::uint64_t idle = 0;
    // Translated code returns to the run loop before `retired` would pass
    // this; the run loop sets it to the next timer event, the end of the
    // slice, or `retired` itself to get control back at once.
    std::uint64_t eventAt = 0;

    Privilege privilege = Privilege::Machine;
    bool waitingForInterrupt = false;
    bool reservationValid = false;
    std::uint64_t reservationAddress = 0;

    MachineCsrs csr;
    SupervisorCsrs supervisor;
    CounterBase minstret;
    CounterBase mcycle;

    // F and D (unprivileged ISA 11.1, 12.1): 64-bit f registers holding
    // doubles or NaN-boxed singles, and fcsr's two fields.
    std::array<std::uint64_t, 32> f{};
    std::uint8_t fflags = 0;  // accrued exceptions, fcsr[4:0]
    std::uint8_t frm = 0;     // dynamic rounding mode, fcsr[7:5]

    // Address translation as translated code sees it, kept current by the
    // Mmu: the host address of the data TLB for the current privilege and
    // mstatus, and a tag that changes whenever the meaning of a guest pc
    // does (privilege, paging on or off, any TLB flush).
    std::uint64_t dataTlb = 0;
    std::uint64_t translationContext = 0;

    // The host stack while translated code runs, set by the dispatcher's
    // prologue: guest calls push return frames below `hostStackBase` (the
    // epilogue's way back) and stop pushing at `hostStackFloor`.
    std::uint64_t hostStackBase = 0;
    std::uint64_t hostStackFloor = 0;

    // Instruction slots so far: the clock behind mcycle and mtime.
    [[nodiscard]] std::uint64_t clock() const { return retired + idle; }
};

static_assert(std::is_standard_layout_v<HartState>, "the translator uses offsetof");

}  // namespace glasshart
