#include "hart/Hart.h"

#include "dev/Clint.h"
#include "hart/Mstatus.h"
#include "isa/CsrAddress.h"

namespace glasshart {
namespace {

constexpr std::uint64_t bit(unsigned n) { return 1ull << n; }
constexpr std::uint64_t interruptBit(Interrupt i) { return bit(static_cast<unsigned>(i)); }

// mie/mip bits that exist on an M-only hart (privileged spec 3.1.9).
constexpr std::uint64_t kMachineInterrupts = interruptBit(Interrupt::MachineSoftware) |
                                             interruptBit(Interrupt::MachineTimer) |
                                             interruptBit(Interrupt::MachineExternal);
// mstatus bits software can change on an M-only hart; MPP is fixed to M.
constexpr std::uint64_t kMstatusWritable = mstatus::kMie | mstatus::kMpie | mstatus::kFs;
constexpr std::uint64_t kMachineMpp = static_cast<std::uint64_t>(Privilege::Machine) << mstatus::kMppShift;
// mcountinhibit: CY and IR can be inhibited; TM does not exist (3.1.13).
constexpr std::uint64_t kInhibitCycle = bit(0);
constexpr std::uint64_t kInhibitInstret = bit(2);

// misa (3.1.1): MXL in the top two bits, one bit per extension letter.
constexpr std::uint64_t extensionBit(char letter) { return bit(static_cast<unsigned>(letter - 'A')); }
constexpr std::uint64_t kExtensions = extensionBit('I') | extensionBit('M') | extensionBit('A') | extensionBit('F') |
                                      extensionBit('D') | extensionBit('C');
// fcsr (unprivileged ISA 11.2): fflags in bits 4:0, frm in 7:5.
constexpr std::uint64_t kFflagsMask = 0x1f;
constexpr unsigned kFrmShift = 5;
constexpr std::uint64_t kFrmMask = 0x7;

constexpr std::uint16_t csr(CsrAddress address) { return static_cast<std::uint16_t>(address); }

std::uint64_t counterValue(const CounterBase& counter, std::uint64_t source, bool inhibited) {
    return inhibited ? counter.base : counter.base + (source - counter.sourceAtBase);
}

std::uint64_t replaceHalf(std::uint64_t whole, std::uint64_t half, bool high) {
    return high ? (whole & 0xffff'ffffull) | (half << 32) : (whole & ~0xffff'ffffull) | (half & 0xffff'ffffull);
}

}  // namespace

Hart::Hart(HartState& state, Xlen xlen, const Clint& clint) : state_(state), xlen_(xlen), clint_(clint) {}

void Hart::reset(std::uint64_t pc) {
    state_ = HartState{};
    state_.pc = pc;
    state_.privilege = Privilege::Machine;
    const std::uint64_t mxl = xlen_ == Xlen::Rv64 ? 2 : 1;
    state_.csr.misa = (mxl << (static_cast<unsigned>(xlen_) - 2)) | kExtensions;
    state_.csr.mstatus = kMachineMpp;
}

std::uint64_t Hart::mip() const {
    std::uint64_t lines = state_.csr.mipSoftwareWritable;
    if (clint_.softwareInterruptPending()) lines |= interruptBit(Interrupt::MachineSoftware);
    if (clint_.timerInterruptPending()) lines |= interruptBit(Interrupt::MachineTimer);
    return lines;
}

std::uint64_t Hart::minstret() const {
    return counterValue(state_.minstret, state_.retired, (state_.csr.mcountinhibit & kInhibitInstret) != 0);
}

std::uint64_t Hart::mcycle() const {
    return counterValue(state_.mcycle, state_.clock(), (state_.csr.mcountinhibit & kInhibitCycle) != 0);
}

std::optional<std::uint64_t> Hart::readCounter(std::uint16_t address) const {
    const bool rv32 = xlen_ == Xlen::Rv32;
    auto half = [&](std::uint64_t value, bool high) -> std::optional<std::uint64_t> {
        if (high && !rv32) return std::nullopt;  // the h CSRs exist on RV32 only
        return high ? value >> 32 : truncate(value);
    };
    switch (static_cast<CsrAddress>(address)) {
    case CsrAddress::Cycle: case CsrAddress::Mcycle: return half(mcycle(), false);
    case CsrAddress::Cycleh: case CsrAddress::Mcycleh: return half(mcycle(), true);
    case CsrAddress::Instret: case CsrAddress::Minstret: return half(minstret(), false);
    case CsrAddress::Instreth: case CsrAddress::Minstreth: return half(minstret(), true);
    case CsrAddress::Time: return half(clint_.mtime(), false);
    case CsrAddress::Timeh: return half(clint_.mtime(), true);
    default: return std::nullopt;
    }
}

std::optional<std::uint64_t> Hart::readPmp(std::uint16_t address) const {
    const auto& c = state_.csr;
    if (address >= kPmpcfgFirst && address < kPmpcfgFirst + kPmpcfgCount) {
        const unsigned index = address - kPmpcfgFirst;
        // On RV64 only the even pmpcfg registers exist, each holding 8 entries (3.7.1).
        if (xlen_ == Xlen::Rv64 && (index & 1) != 0) return std::nullopt;
        const unsigned entries = xlen_ == Xlen::Rv64 ? 8 : 4;
        std::uint64_t value = 0;
        for (unsigned i = 0; i < entries; ++i) value |= std::uint64_t{c.pmpcfg[index * 4 + i]} << (8 * i);
        return value;
    }
    if (address >= kPmpaddrFirst && address < kPmpaddrFirst + kPmpaddrCount) {
        return c.pmpaddr[address - kPmpaddrFirst];
    }
    return std::nullopt;
}

std::optional<std::uint64_t> Hart::readCsr(std::uint16_t address) const {
    // The lowest privilege that may access a CSR is in address bits 9:8 (2.1).
    if (((address >> 8) & 3) > static_cast<unsigned>(state_.privilege)) return std::nullopt;
    if (auto counter = readCounter(address)) return counter;
    if (auto pmp = readPmp(address)) return pmp;
    const auto& c = state_.csr;
    switch (static_cast<CsrAddress>(address)) {
    case CsrAddress::Mvendorid: case CsrAddress::Marchid: case CsrAddress::Mimpid:
    case CsrAddress::Mhartid: case CsrAddress::Mconfigptr: return 0;
    case CsrAddress::Mstatus: return mstatusValue();
    case CsrAddress::Mstatush: if (xlen_ == Xlen::Rv32) return 0; return std::nullopt;
    case CsrAddress::Misa: return truncate(c.misa);
    case CsrAddress::Medeleg: return c.medeleg;
    case CsrAddress::Mideleg: return c.mideleg;
    case CsrAddress::Mie: return c.mie;
    case CsrAddress::Mip: return mip();
    case CsrAddress::Mtvec: return c.mtvec;
    case CsrAddress::Mcounteren: return c.mcounteren;
    case CsrAddress::Mcountinhibit: return c.mcountinhibit;
    case CsrAddress::Mscratch: return c.mscratch;
    case CsrAddress::Mepc: return c.mepc;
    case CsrAddress::Mcause: return c.mcause;
    case CsrAddress::Mtval: return c.mtval;
    case CsrAddress::Fflags: case CsrAddress::Frm: case CsrAddress::Fcsr: return readFloatCsr(address);
    default: return std::nullopt;
    }
}

std::uint64_t Hart::mstatusValue() const {
    const std::uint64_t status = state_.csr.mstatus;
    const bool dirty = (status & mstatus::kFs) == mstatus::kFsDirty;
    return truncate(status) | (dirty ? bit(static_cast<unsigned>(xlen_) - 1) : 0);
}

bool Hart::floatEnabled() const { return (state_.csr.mstatus & mstatus::kFs) != mstatus::kFsOff; }

void Hart::markFloatDirty() { state_.csr.mstatus |= mstatus::kFsDirty; }

std::optional<std::uint64_t> Hart::readFloatCsr(std::uint16_t address) const {
    if (!floatEnabled()) return std::nullopt;
    switch (static_cast<CsrAddress>(address)) {
    case CsrAddress::Fflags: return state_.fflags;
    case CsrAddress::Frm: return state_.frm;
    default: return (std::uint64_t{state_.frm} << kFrmShift) | state_.fflags;
    }
}

bool Hart::writeFloatCsr(std::uint16_t address, std::uint64_t value) {
    if (!floatEnabled()) return false;
    switch (static_cast<CsrAddress>(address)) {
    case CsrAddress::Fflags: state_.fflags = static_cast<std::uint8_t>(value & kFflagsMask); break;
    // frm holds any 3-bit value; an invalid one only traps when used (11.2).
    case CsrAddress::Frm: state_.frm = static_cast<std::uint8_t>(value & kFrmMask); break;
    default:
        state_.fflags = static_cast<std::uint8_t>(value & kFflagsMask);
        state_.frm = static_cast<std::uint8_t>((value >> kFrmShift) & kFrmMask);
        break;
    }
    markFloatDirty();
    return true;
}

bool Hart::writeCounter(std::uint16_t address, std::uint64_t value) {
    // A write takes effect after the writing instruction retires, so the next
    // instruction reads the value written: the counter restarts from it one
    // retirement (or clock slot) later. Spike behaves the same way.
    auto rebase = [](CounterBase& counter, std::uint64_t next, std::uint64_t sourceNow) {
        counter.base = next;
        counter.sourceAtBase = sourceNow + 1;
    };
    const bool rv32 = xlen_ == Xlen::Rv32;
    switch (static_cast<CsrAddress>(address)) {
    case CsrAddress::Mcycle:
        rebase(state_.mcycle, rv32 ? replaceHalf(mcycle(), value, false) : value, state_.clock());
        return true;
    case CsrAddress::Mcycleh:
        if (!rv32) return false;
        rebase(state_.mcycle, replaceHalf(mcycle(), value, true), state_.clock());
        return true;
    case CsrAddress::Minstret:
        rebase(state_.minstret, rv32 ? replaceHalf(minstret(), value, false) : value, state_.retired);
        return true;
    case CsrAddress::Minstreth:
        if (!rv32) return false;
        rebase(state_.minstret, replaceHalf(minstret(), value, true), state_.retired);
        return true;
    default: return false;
    }
}

void Hart::writeMcountinhibit(std::uint64_t value) {
    // Freezing keeps the value including the writing instruction itself;
    // resuming counts from the next instruction on.
    auto update = [&](CounterBase& counter, std::uint64_t bitMask, std::uint64_t current, std::uint64_t source) {
        const bool was = (state_.csr.mcountinhibit & bitMask) != 0;
        const bool now = (value & bitMask) != 0;
        if (!was && now) counter.base = current + 1;
        if (was && !now) counter.sourceAtBase = source + 1;
    };
    update(state_.minstret, kInhibitInstret, minstret(), state_.retired);
    update(state_.mcycle, kInhibitCycle, mcycle(), state_.clock());
    state_.csr.mcountinhibit = value & (kInhibitCycle | kInhibitInstret);
}

bool Hart::writePmp(std::uint16_t address, std::uint64_t value) {
    auto& c = state_.csr;
    constexpr std::uint8_t kLocked = 0x80;
    constexpr std::uint8_t kReservedBits = 0x60;  // pmpcfg bits 6:5 read as zero (3.7.1)
    if (address >= kPmpcfgFirst && address < kPmpcfgFirst + kPmpcfgCount) {
        const unsigned index = address - kPmpcfgFirst;
        if (xlen_ == Xlen::Rv64 && (index & 1) != 0) return false;
        const unsigned entries = xlen_ == Xlen::Rv64 ? 8 : 4;
        for (unsigned i = 0; i < entries; ++i) {
            std::uint8_t& cfg = c.pmpcfg[index * 4 + i];
            if ((cfg & kLocked) == 0) cfg = static_cast<std::uint8_t>(value >> (8 * i)) & ~kReservedBits;
        }
        return true;
    }
    if (address >= kPmpaddrFirst && address < kPmpaddrFirst + kPmpaddrCount) {
        const unsigned index = address - kPmpaddrFirst;
        constexpr std::uint8_t kTor = 0x08, kAddressMode = 0x18;
        const bool locked = (c.pmpcfg[index] & kLocked) != 0;
        // A locked TOR entry also locks the address register below it (3.7.1.3).
        const bool lockedByNext = index + 1 < kPmpaddrCount && (c.pmpcfg[index + 1] & kLocked) != 0 &&
                                  (c.pmpcfg[index + 1] & kAddressMode) == kTor;
        if (!locked && !lockedByNext) {
            // pmpaddr holds bits 55:2 of an address on RV64, 33:2 on RV32.
            c.pmpaddr[index] = xlen_ == Xlen::Rv64 ? value & ((1ull << 54) - 1) : value & 0xffff'ffffull;
        }
        return true;
    }
    return false;
}

bool Hart::writeCsr(std::uint16_t address, std::uint64_t value) {
    if (((address >> 8) & 3) > static_cast<unsigned>(state_.privilege)) return false;
    if (isReadOnlyCsr(address)) return false;
    value = truncate(value);
    if (writeCounter(address, value) || writePmp(address, value)) return true;
    auto& c = state_.csr;
    switch (static_cast<CsrAddress>(address)) {
    case CsrAddress::Mstatus:
        c.mstatus = (c.mstatus & ~kMstatusWritable) | (value & kMstatusWritable);
        requestAttention();  // MIE may have just enabled a pending interrupt
        return true;
    case CsrAddress::Mstatush: return xlen_ == Xlen::Rv32;  // MBE/SBE are fixed little-endian
    case CsrAddress::Misa: return true;                     // WARL: the extensions cannot be switched off
    case CsrAddress::Medeleg:
    case CsrAddress::Mideleg: return true;  // no lower privilege to delegate to yet: read-only zero
    case CsrAddress::Mie:
        c.mie = value & kMachineInterrupts;
        requestAttention();
        return true;
    case CsrAddress::Mip: return true;  // the machine-level bits are device lines, read-only (3.1.9)
    case CsrAddress::Mtvec:
        // MODE 2 and 3 are reserved; like QEMU, a write asking for them is ignored.
        if ((value & 3) < 2) c.mtvec = value;
        return true;
    case CsrAddress::Mcounteren: c.mcounteren = value & 0xffff'ffffull; return true;
    case CsrAddress::Mcountinhibit: writeMcountinhibit(value); return true;
    case CsrAddress::Mscratch: c.mscratch = value; return true;
    case CsrAddress::Mepc: c.mepc = value & ~1ull; return true;  // IALIGN=16: only bit 0 is zero (3.1.14)
    case CsrAddress::Mcause: c.mcause = value; return true;
    case CsrAddress::Mtval: c.mtval = value; return true;
    case CsrAddress::Fflags: case CsrAddress::Frm: case CsrAddress::Fcsr: return writeFloatCsr(address, value);
    default: return false;
    }
}

void Hart::enterTrap(std::uint64_t cause, bool interrupt, std::uint64_t value) {
    if (trapObserver_) trapObserver_(TrapRecord{cause, interrupt, state_.pc, truncate(value)});
    auto& c = state_.csr;
    c.mepc = state_.pc;
    c.mcause = interrupt ? (bit(static_cast<unsigned>(xlen_) - 1) | cause) : cause;
    c.mtval = truncate(value);
    const std::uint64_t mie = (c.mstatus & mstatus::kMie) != 0 ? mstatus::kMpie : 0;
    const std::uint64_t mpp = static_cast<std::uint64_t>(state_.privilege) << mstatus::kMppShift;
    c.mstatus = (c.mstatus & ~(mstatus::kMie | mstatus::kMpie | mstatus::kMpp)) | mie | mpp;
    state_.privilege = Privilege::Machine;
    // Vectored mode sends interrupts to base + 4 * cause; exceptions always to base (3.1.7).
    const std::uint64_t base = c.mtvec & ~3ull;
    const bool vectored = (c.mtvec & 3) == 1;
    state_.pc = interrupt && vectored ? base + 4 * cause : base;
    state_.waitingForInterrupt = false;
}

void Hart::raise(const Trap& trap) { enterTrap(static_cast<std::uint64_t>(trap.cause), false, trap.value); }

void Hart::takeInterrupt(Interrupt interrupt) {
    enterTrap(static_cast<std::uint64_t>(interrupt), true, 0);
}

std::optional<Interrupt> Hart::pendingInterrupt() const {
    const std::uint64_t pending = mip() & state_.csr.mie;
    if (pending == 0) return std::nullopt;
    // M-level interrupts are globally enabled below M, and in M when MIE is set (3.1.6.1).
    const bool enabled =
        state_.privilege != Privilege::Machine || (state_.csr.mstatus & mstatus::kMie) != 0;
    if (!enabled) return std::nullopt;
    for (Interrupt candidate : {Interrupt::MachineExternal, Interrupt::MachineSoftware, Interrupt::MachineTimer}) {
        if ((pending & interruptBit(candidate)) != 0) return candidate;
    }
    return std::nullopt;
}

void Hart::mret() {
    auto& c = state_.csr;
    const auto previous = static_cast<Privilege>((c.mstatus & mstatus::kMpp) >> mstatus::kMppShift);
    const std::uint64_t mie = (c.mstatus & mstatus::kMpie) != 0 ? mstatus::kMie : 0;
    // MPIE is set and MPP drops to the least-privileged mode there is (3.3.2).
    c.mstatus = (c.mstatus & ~(mstatus::kMie | mstatus::kMpp)) | mie | mstatus::kMpie | kMachineMpp;
    state_.privilege = previous;
    state_.pc = truncate(c.mepc);
    requestAttention();
}

}  // namespace glasshart
