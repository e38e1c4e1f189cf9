#include "hart/Hart.h"

#include "dev/Clint.h"
#include "dev/Plic.h"
#include "hart/Mstatus.h"
#include "isa/CsrAddress.h"

namespace glasshart {
namespace {

constexpr std::uint64_t bit(unsigned n) { return 1ull << n; }
constexpr std::uint64_t interruptBit(Interrupt i) { return bit(static_cast<unsigned>(i)); }

constexpr std::uint64_t kSupervisorInterrupts = interruptBit(Interrupt::SupervisorSoftware) |
                                                interruptBit(Interrupt::SupervisorTimer) |
                                                interruptBit(Interrupt::SupervisorExternal);
constexpr std::uint64_t kAllInterrupts = kSupervisorInterrupts | interruptBit(Interrupt::MachineSoftware) |
                                         interruptBit(Interrupt::MachineTimer) |
                                         interruptBit(Interrupt::MachineExternal);
// Exceptions S-mode can be given (3.1.8): all but ecall from M, which is
// always taken in M.
constexpr std::uint64_t kDelegableExceptions = 0xb3ff;

// mstatus fields M-mode software can change, and the subset sstatus shows
// and lets S-mode change (4.1.1).
constexpr std::uint64_t kMstatusWritable = mstatus::kSie | mstatus::kMie | mstatus::kSpie | mstatus::kMpie |
                                           mstatus::kSpp | mstatus::kMpp | mstatus::kMprv | mstatus::kSum |
                                           mstatus::kMxr | mstatus::kTvm | mstatus::kTw | mstatus::kTsr |
                                           mstatus::kFs;
constexpr std::uint64_t kSstatusWritable = mstatus::kSie | mstatus::kSpie | mstatus::kSpp | mstatus::kFs |
                                           mstatus::kSum | mstatus::kMxr;
// SD, bit XLEN-1, is added when read.
constexpr std::uint64_t kSstatusVisible = kSstatusWritable | (3ull << mstatus::kUxlShift);
// RV64: UXL = SXL = 2, both hardwired (3.1.6.2).
constexpr std::uint64_t kXlenFields = (2ull << mstatus::kUxlShift) | (2ull << mstatus::kSxlShift);
// mcountinhibit: CY and IR can be inhibited; TM does not exist (3.1.13).
constexpr std::uint64_t kInhibitCycle = bit(0);
constexpr std::uint64_t kInhibitInstret = bit(2);

// misa (3.1.1): MXL in the top two bits, one bit per extension letter.
constexpr std::uint64_t extensionBit(char letter) { return bit(static_cast<unsigned>(letter - 'A')); }
constexpr std::uint64_t kExtensions = extensionBit('I') | extensionBit('M') | extensionBit('A') | extensionBit('F') |
                                      extensionBit('D') | extensionBit('C') | extensionBit('S') | extensionBit('U');
// fcsr (unprivileged ISA 11.2): fflags in bits 4:0, frm in 7:5.
constexpr std::uint64_t kFflagsMask = 0x1f;
constexpr unsigned kFrmShift = 5;
constexpr std::uint64_t kFrmMask = 0x7;

constexpr std::uint16_t csr(CsrAddress address) { return static_cast<std::uint16_t>(address); }

std::uint64_t mppOf(Privilege privilege) { return static_cast<std::uint64_t>(privilege) << mstatus::kMppShift; }

std::uint64_t counterValue(const CounterBase& counter, std::uint64_t source, bool inhibited) {
    return inhibited ? counter.base : counter.base + (source - counter.sourceAtBase);
}

std::uint64_t replaceHalf(std::uint64_t whole, std::uint64_t half, bool high) {
    return high ? (whole & 0xffff'ffffull) | (half << 32) : (whole & ~0xffff'ffffull) | (half & 0xffff'ffffull);
}

}  // namespace

Hart::Hart(HartState& state, Xlen xlen, const Clint& clint, const Plic& plic, Bus& bus)
    : state_(state), xlen_(xlen), clint_(clint), plic_(plic), mmu_(state, xlen, bus) {}

void Hart::reset(std::uint64_t pc) {
    state_ = HartState{};
    state_.pc = pc;
    state_.privilege = Privilege::Machine;
    const std::uint64_t mxl = xlen_ == Xlen::Rv64 ? 2 : 1;
    state_.csr.misa = (mxl << (static_cast<unsigned>(xlen_) - 2)) | kExtensions;
    // Reset leaves MIE and MPRV clear (3.4); like QEMU, everything else is
    // zero too, apart from the hardwired XLEN fields.
    state_.csr.mstatus = xlen_ == Xlen::Rv64 ? kXlenFields : 0;
    interceptedTrap_.reset();
    mmu_.flush();
}

void Hart::setPrivilege(Privilege privilege) {
    state_.privilege = privilege;
    mmu_.contextChanged();
}

std::uint64_t Hart::mip() const {
    std::uint64_t lines = state_.csr.mipSoftwareWritable;
    if (clint_.softwareInterruptPending()) lines |= interruptBit(Interrupt::MachineSoftware);
    if (clint_.timerInterruptPending()) lines |= interruptBit(Interrupt::MachineTimer);
    if (plic_.interruptPending(Plic::kMachineContext)) lines |= interruptBit(Interrupt::MachineExternal);
    // SEIP reads as the PLIC's S-context line ORed with the bit M-mode
    // software writes (3.1.9).
    if (plic_.interruptPending(Plic::kSupervisorContext)) lines |= interruptBit(Interrupt::SupervisorExternal);
    return lines;
}

std::uint64_t Hart::minstret() const {
    return counterValue(state_.minstret, state_.retired, (state_.csr.mcountinhibit & kInhibitInstret) != 0);
}

std::uint64_t Hart::mcycle() const {
    return counterValue(state_.mcycle, state_.clock(), (state_.csr.mcountinhibit & kInhibitCycle) != 0);
}

bool Hart::counterEnabled(std::uint16_t address, Privilege privilege) const {
    // cycle, time and instret below M need their bit in mcounteren, and in U
    // also in scounteren (3.1.11, 4.1.4).
    if (address < csr(CsrAddress::Cycle) || address > csr(CsrAddress::Instreth)) return true;
    const std::uint64_t mask = bit((address - csr(CsrAddress::Cycle)) & 0x1f);
    if (privilege == Privilege::Machine) return true;
    if ((state_.csr.mcounteren & mask) == 0) return false;
    return privilege == Privilege::Supervisor || (state_.supervisor.scounteren & mask) != 0;
}

std::optional<std::uint64_t> Hart::readCounter(std::uint16_t address, Privilege privilege) const {
    if (!counterEnabled(address, privilege)) return std::nullopt;
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
    return readCsrAs(address, state_.privilege);
}

std::optional<std::uint64_t> Hart::debugReadCsr(std::uint16_t address) const {
    switch (static_cast<CsrAddress>(address)) {
    case CsrAddress::Fflags: case CsrAddress::Frm: case CsrAddress::Fcsr: return floatCsr(address);
    default: return readCsrAs(address, Privilege::Machine);
    }
}

bool Hart::debugWriteCsr(std::uint16_t address, std::uint64_t value) {
    switch (static_cast<CsrAddress>(address)) {
    case CsrAddress::Fflags: case CsrAddress::Frm: case CsrAddress::Fcsr:
        setFloatCsr(address, value);
        // Off stays Off: the guest would not expect its FP state to be live.
        if (floatEnabled()) markFloatDirty();
        return true;
    case CsrAddress::Mcycle: case CsrAddress::Mcycleh: case CsrAddress::Minstret: case CsrAddress::Minstreth:
        return false;
    default: return writeCsrAs(address, value, Privilege::Machine);
    }
}

std::optional<std::uint64_t> Hart::readCsrAs(std::uint16_t address, Privilege privilege) const {
    // The lowest privilege that may access a CSR is in address bits 9:8 (2.1).
    if (((address >> 8) & 3) > static_cast<unsigned>(privilege)) return std::nullopt;
    if (auto counter = readCounter(address, privilege)) return counter;
    if (auto pmp = readPmp(address)) return pmp;
    const auto& c = state_.csr;
    switch (static_cast<CsrAddress>(address)) {
    case CsrAddress::Mvendorid: case CsrAddress::Marchid: case CsrAddress::Mimpid:
    case CsrAddress::Mhartid: case CsrAddress::Mconfigptr: return 0;
    case CsrAddress::Mstatus: return mstatus();
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
    case CsrAddress::Menvcfg: return 0;
    case CsrAddress::Menvcfgh: if (xlen_ == Xlen::Rv32) return 0; return std::nullopt;
    case CsrAddress::Fflags: case CsrAddress::Frm: case CsrAddress::Fcsr: return readFloatCsr(address);
    default: return readSupervisorCsr(address, privilege);
    }
}

std::uint64_t Hart::modifiableValue(std::uint16_t address, std::uint64_t read) const {
    if (address != csr(CsrAddress::Mip)) return read;
    const std::uint64_t seip = interruptBit(Interrupt::SupervisorExternal);
    return (read & ~seip) | (state_.csr.mipSoftwareWritable & seip);
}

std::uint64_t Hart::mstatus() const {
    const std::uint64_t status = state_.csr.mstatus;
    const bool dirty = (status & mstatus::kFs) == mstatus::kFsDirty;
    return truncate(status) | (dirty ? bit(static_cast<unsigned>(xlen_) - 1) : 0);
}

std::uint64_t Hart::sstatus() const {
    const std::uint64_t sd = bit(static_cast<unsigned>(xlen_) - 1);
    return mstatus() & (kSstatusVisible | sd);
}

bool Hart::floatEnabled() const { return (state_.csr.mstatus & mstatus::kFs) != mstatus::kFsOff; }

void Hart::markFloatDirty() { state_.csr.mstatus |= mstatus::kFsDirty; }

std::optional<std::uint64_t> Hart::readFloatCsr(std::uint16_t address) const {
    if (!floatEnabled()) return std::nullopt;
    return floatCsr(address);
}

std::uint64_t Hart::floatCsr(std::uint16_t address) const {
    switch (static_cast<CsrAddress>(address)) {
    case CsrAddress::Fflags: return state_.fflags;
    case CsrAddress::Frm: return state_.frm;
    default: return (std::uint64_t{state_.frm} << kFrmShift) | state_.fflags;
    }
}

bool Hart::writeFloatCsr(std::uint16_t address, std::uint64_t value) {
    if (!floatEnabled()) return false;
    setFloatCsr(address, value);
    markFloatDirty();
    return true;
}

void Hart::setFloatCsr(std::uint16_t address, std::uint64_t value) {
    switch (static_cast<CsrAddress>(address)) {
    case CsrAddress::Fflags: state_.fflags = static_cast<std::uint8_t>(value & kFflagsMask); break;
    // frm holds any 3-bit value; an invalid one only traps when used (11.2).
    case CsrAddress::Frm: state_.frm = static_cast<std::uint8_t>(value & kFrmMask); break;
    default:
        state_.fflags = static_cast<std::uint8_t>(value & kFflagsMask);
        state_.frm = static_cast<std::uint8_t>((value >> kFrmShift) & kFrmMask);
        break;
    }
}

std::optional<std::uint64_t> Hart::readSupervisorCsr(std::uint16_t address, Privilege privilege) const {
    const auto& c = state_.csr;
    const auto& sc = state_.supervisor;
    switch (static_cast<CsrAddress>(address)) {
    case CsrAddress::Sstatus: return sstatus();
    case CsrAddress::Sie: return c.mie & c.mideleg;
    case CsrAddress::Sip: return mip() & c.mideleg;
    case CsrAddress::Stvec: return sc.stvec;
    case CsrAddress::Scounteren: return sc.scounteren;
    case CsrAddress::Senvcfg: return 0;
    case CsrAddress::Sscratch: return sc.sscratch;
    case CsrAddress::Sepc: return sc.sepc;
    case CsrAddress::Scause: return sc.scause;
    case CsrAddress::Stval: return sc.stval;
    case CsrAddress::Satp:
        // With TVM set, S-mode may not touch satp (3.1.6.5).
        if (privilege == Privilege::Supervisor && (c.mstatus & mstatus::kTvm) != 0) return std::nullopt;
        return sc.satp;
    default: return std::nullopt;
    }
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
    return writeCsrAs(address, value, state_.privilege);
}

bool Hart::writeCsrAs(std::uint16_t address, std::uint64_t value, Privilege privilege) {
    if (((address >> 8) & 3) > static_cast<unsigned>(privilege)) return false;
    if (isReadOnlyCsr(address)) return false;
    value = truncate(value);
    if (writeCounter(address, value) || writePmp(address, value)) return true;
    auto& c = state_.csr;
    switch (static_cast<CsrAddress>(address)) {
    case CsrAddress::Mstatus: writeMstatus(value, kMstatusWritable); return true;
    case CsrAddress::Mstatush: return xlen_ == Xlen::Rv32;  // MBE/SBE are fixed little-endian
    case CsrAddress::Misa: return true;                     // WARL: the extensions cannot be switched off
    case CsrAddress::Medeleg: c.medeleg = value & kDelegableExceptions; return true;
    case CsrAddress::Mideleg:
        c.mideleg = value & kSupervisorInterrupts;
        requestAttention();
        return true;
    case CsrAddress::Mie:
        c.mie = value & kAllInterrupts;
        requestAttention();
        return true;
    case CsrAddress::Mip:
        // The M-level bits are device lines, read-only; M-mode software
        // raises the S-level ones (3.1.9).
        c.mipSoftwareWritable = value & kSupervisorInterrupts;
        requestAttention();
        return true;
    case CsrAddress::Menvcfg: return true;  // no field of it is implemented: all read-only zero
    case CsrAddress::Menvcfgh: return xlen_ == Xlen::Rv32;
    case CsrAddress::Fflags: case CsrAddress::Frm: case CsrAddress::Fcsr: return writeFloatCsr(address, value);
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
    default: return writeSupervisorCsr(address, value, privilege);
    }
}

void Hart::writeMstatus(std::uint64_t value, std::uint64_t writable) {
    auto& c = state_.csr;
    // MPP is WARL: the reserved encoding 2 keeps the old mode.
    if ((writable & mstatus::kMpp) != 0 && ((value & mstatus::kMpp) >> mstatus::kMppShift) == 2) {
        value = (value & ~mstatus::kMpp) | (c.mstatus & mstatus::kMpp);
    }
    c.mstatus = (c.mstatus & ~writable) | (value & writable);
    mmu_.contextChanged();  // MPRV, MPP, SUM and MXR shape data accesses
    requestAttention();     // MIE or SIE may have just enabled a pending interrupt
}

bool Hart::writeSupervisorCsr(std::uint16_t address, std::uint64_t value, Privilege privilege) {
    auto& c = state_.csr;
    auto& sc = state_.supervisor;
    switch (static_cast<CsrAddress>(address)) {
    case CsrAddress::Sstatus: writeMstatus(value, kSstatusWritable); return true;
    case CsrAddress::Sie:
        c.mie = (c.mie & ~c.mideleg) | (value & c.mideleg);
        requestAttention();
        return true;
    case CsrAddress::Sip: {
        // Only SSIP is writable from S-mode, and only when delegated (4.1.3).
        const std::uint64_t writable = c.mideleg & interruptBit(Interrupt::SupervisorSoftware);
        c.mipSoftwareWritable = (c.mipSoftwareWritable & ~writable) | (value & writable);
        requestAttention();
        return true;
    }
    case CsrAddress::Stvec:
        if ((value & 3) < 2) sc.stvec = value;
        return true;
    case CsrAddress::Scounteren: sc.scounteren = value & 0xffff'ffffull; return true;
    case CsrAddress::Senvcfg: return true;
    case CsrAddress::Sscratch: sc.sscratch = value; return true;
    case CsrAddress::Sepc: sc.sepc = value & ~1ull; return true;
    case CsrAddress::Scause: sc.scause = value; return true;
    case CsrAddress::Stval: sc.stval = value; return true;
    case CsrAddress::Satp:
        if (privilege == Privilege::Supervisor && (c.mstatus & mstatus::kTvm) != 0) return false;
        // satp is WARL: a write selecting an unsupported mode has no effect at all (4.1.11).
        if (!isSupportedSatpMode(value, xlen_)) return true;
        sc.satp = value;
        fenceVirtualMemory();  // a new address space: nothing translated so far may chain into it
        return true;
    default: return false;
    }
}

bool Hart::delegatedToSupervisor(std::uint64_t cause, bool interrupt) const {
    // Traps are never taken into a less privileged mode (3.1.8).
    if (state_.privilege == Privilege::Machine) return false;
    const std::uint64_t delegation = interrupt ? state_.csr.mideleg : state_.csr.medeleg;
    return ((delegation >> cause) & 1) != 0;
}

void Hart::enterTrap(std::uint64_t cause, bool interrupt, std::uint64_t value) {
    const bool toSupervisor = delegatedToSupervisor(cause, interrupt);
    const Privilege handler = toSupervisor ? Privilege::Supervisor : Privilege::Machine;
    if (trapObserver_) trapObserver_(TrapRecord{cause, interrupt, state_.pc, truncate(value), handler});
    auto& c = state_.csr;
    const std::uint64_t causeValue = interrupt ? (bit(static_cast<unsigned>(xlen_) - 1) | cause) : cause;
    std::uint64_t tvec = 0;
    if (toSupervisor) {
        auto& sc = state_.supervisor;
        sc.sepc = state_.pc;
        sc.scause = causeValue;
        sc.stval = truncate(value);
        const std::uint64_t spie = (c.mstatus & mstatus::kSie) != 0 ? mstatus::kSpie : 0;
        const std::uint64_t spp = state_.privilege == Privilege::Supervisor ? mstatus::kSpp : 0;
        c.mstatus = (c.mstatus & ~(mstatus::kSie | mstatus::kSpie | mstatus::kSpp)) | spie | spp;
        tvec = sc.stvec;
    } else {
        c.mepc = state_.pc;
        c.mcause = causeValue;
        c.mtval = truncate(value);
        const std::uint64_t mpie = (c.mstatus & mstatus::kMie) != 0 ? mstatus::kMpie : 0;
        c.mstatus = (c.mstatus & ~(mstatus::kMie | mstatus::kMpie | mstatus::kMpp)) | mpie | mppOf(state_.privilege);
        tvec = c.mtvec;
    }
    setPrivilege(handler);
    // Vectored mode sends interrupts to base + 4 * cause; exceptions always to base (3.1.7).
    const std::uint64_t base = tvec & ~3ull;
    const bool vectored = (tvec & 3) == 1;
    state_.pc = truncate(interrupt && vectored ? base + 4 * cause : base);
    state_.waitingForInterrupt = false;
}

void Hart::raise(const Trap& trap) {
    if (interceptUserTraps_ && state_.privilege == Privilege::User) {
        if (trapObserver_) {
            trapObserver_(TrapRecord{static_cast<std::uint64_t>(trap.cause), false, state_.pc, truncate(trap.value),
                                     Privilege::User});
        }
        interceptedTrap_ = trap;
        requestAttention();
        return;
    }
    enterTrap(static_cast<std::uint64_t>(trap.cause), false, trap.value);
}

void Hart::takeInterrupt(Interrupt interrupt) {
    enterTrap(static_cast<std::uint64_t>(interrupt), true, 0);
}

std::optional<Interrupt> Hart::pendingInterrupt() const {
    const std::uint64_t pending = mip() & state_.csr.mie;
    if (pending == 0) return std::nullopt;
    const Privilege privilege = state_.privilege;
    const std::uint64_t mstatus = state_.csr.mstatus;
    // An interrupt for a mode is enabled below that mode always, in that
    // mode when its xIE bit is set, above it never (3.1.6.1).
    const bool machineEnabled = privilege != Privilege::Machine || (mstatus & mstatus::kMie) != 0;
    const bool supervisorEnabled = privilege == Privilege::User ||
                                   (privilege == Privilege::Supervisor && (mstatus & mstatus::kSie) != 0);
    // Interrupts for M come before those for S (3.1.9); within each mode,
    // external before software before timer.
    const std::uint64_t forMachine = machineEnabled ? pending & ~state_.csr.mideleg : 0;
    const std::uint64_t forSupervisor = supervisorEnabled ? pending & state_.csr.mideleg : 0;
    for (const std::uint64_t enabled : {forMachine, forSupervisor}) {
        for (Interrupt candidate : {Interrupt::MachineExternal, Interrupt::MachineSoftware, Interrupt::MachineTimer,
                                    Interrupt::SupervisorExternal, Interrupt::SupervisorSoftware,
                                    Interrupt::SupervisorTimer}) {
            if ((enabled & interruptBit(candidate)) != 0) return candidate;
        }
    }
    return std::nullopt;
}

void Hart::mret() {
    auto& c = state_.csr;
    const auto previous = static_cast<Privilege>((c.mstatus & mstatus::kMpp) >> mstatus::kMppShift);
    const std::uint64_t mie = (c.mstatus & mstatus::kMpie) != 0 ? mstatus::kMie : 0;
    // MPIE is set and MPP drops to the least-privileged mode, U (3.3.2);
    // returning below M clears MPRV (3.1.6.3).
    std::uint64_t cleared = mstatus::kMie | mstatus::kMpp;
    if (previous != Privilege::Machine) cleared |= mstatus::kMprv;
    c.mstatus = (c.mstatus & ~cleared) | mie | mstatus::kMpie;
    state_.pc = truncate(c.mepc);
    setPrivilege(previous);
    requestAttention();
}

void Hart::sret() {
    auto& c = state_.csr;
    const Privilege previous = (c.mstatus & mstatus::kSpp) != 0 ? Privilege::Supervisor : Privilege::User;
    const std::uint64_t sie = (c.mstatus & mstatus::kSpie) != 0 ? mstatus::kSie : 0;
    c.mstatus = (c.mstatus & ~(mstatus::kSie | mstatus::kSpp | mstatus::kMprv)) | sie | mstatus::kSpie;
    state_.pc = truncate(state_.supervisor.sepc);
    setPrivilege(previous);
    requestAttention();
}

bool Hart::mayExecuteSret() const {
    if (state_.privilege == Privilege::Machine) return true;
    return state_.privilege == Privilege::Supervisor && (state_.csr.mstatus & mstatus::kTsr) == 0;
}

bool Hart::mayExecuteWfi() const {
    // Below M, TW makes wfi illegal; in U it is illegal as on QEMU, which
    // the spec permits when it would not complete at once (3.1.6.5).
    if (state_.privilege == Privilege::Machine) return true;
    return state_.privilege == Privilege::Supervisor && (state_.csr.mstatus & mstatus::kTw) == 0;
}

bool Hart::mayFlushTlb() const {
    if (state_.privilege == Privilege::Machine) return true;
    return state_.privilege == Privilege::Supervisor && (state_.csr.mstatus & mstatus::kTvm) == 0;
}

}  // namespace glasshart
