#include "interp/Interpreter.h"

#include <limits>
#include <type_traits>

#include "isa/Decoder.h"

namespace glasshart {
namespace {

// Register and arithmetic types for one XLEN.
template <typename UX>
struct Width {
    using S = std::make_signed_t<UX>;
    static constexpr unsigned kBits = sizeof(UX) * 8;
    static constexpr unsigned kShiftMask = kBits - 1;
};

std::uint64_t signExtend(std::uint64_t value, unsigned bytes) {
    const unsigned shift = 64 - 8 * bytes;
    return static_cast<std::uint64_t>(static_cast<std::int64_t>(value << shift) >> shift);
}

std::uint64_t sext32(std::uint64_t value) { return signExtend(value, 4); }

// High halves of products (unprivileged ISA 7.1), via a double-width multiply.
template <typename UX>
UX mulhSigned(UX a, UX b) {
    using S = typename Width<UX>::S;
    if constexpr (sizeof(UX) == 8) {
        return static_cast<UX>(static_cast<unsigned __int128>(static_cast<__int128>(static_cast<S>(a)) *
                                                              static_cast<__int128>(static_cast<S>(b))) >> 64);
    } else {
        return static_cast<UX>(static_cast<std::uint64_t>(std::int64_t{static_cast<S>(a)} * std::int64_t{static_cast<S>(b)}) >> 32);
    }
}

template <typename UX>
UX mulhUnsigned(UX a, UX b) {
    if constexpr (sizeof(UX) == 8) {
        return static_cast<UX>((static_cast<unsigned __int128>(a) * b) >> 64);
    } else {
        return static_cast<UX>((std::uint64_t{a} * b) >> 32);
    }
}

template <typename UX>
UX mulhSignedUnsigned(UX a, UX b) {
    using S = typename Width<UX>::S;
    // signed(a) * unsigned(b) = unsigned(a) * b - (a < 0 ? b << XLEN : 0)
    UX high = mulhUnsigned(a, b);
    if (static_cast<S>(a) < 0) high -= b;
    return high;
}

// Division never traps in RISC-V: the results for division by zero and
// overflow are defined in unprivileged ISA table 7.1.
template <typename U>
U divSigned(U a, U b) {
    using S = std::make_signed_t<U>;
    if (b == 0) return ~U{0};
    if (static_cast<S>(a) == std::numeric_limits<S>::min() && static_cast<S>(b) == -1) return a;
    return static_cast<U>(static_cast<S>(a) / static_cast<S>(b));
}

template <typename U>
U remSigned(U a, U b) {
    using S = std::make_signed_t<U>;
    if (b == 0) return a;
    if (static_cast<S>(a) == std::numeric_limits<S>::min() && static_cast<S>(b) == -1) return 0;
    return static_cast<U>(static_cast<S>(a) % static_cast<S>(b));
}

template <typename U>
U divUnsigned(U a, U b) { return b == 0 ? ~U{0} : a / b; }

template <typename U>
U remUnsigned(U a, U b) { return b == 0 ? a : a % b; }

}  // namespace

bool Interpreter::fetchParcel(std::uint64_t address, std::uint32_t& parcel) {
    auto translated = hart_.mmu().translate(address, AccessType::Fetch);
    if (const Trap* fault = std::get_if<Trap>(&translated)) {
        hart_.raise(*fault);
        return false;
    }
    if (!bus_.fetch(std::get<std::uint64_t>(translated), 2, parcel)) {
        hart_.raise(Trap{Exception::InstructionAccessFault, address});
        return false;
    }
    return true;
}

bool Interpreter::canFetch(std::uint64_t address) {
    auto translated = hart_.mmu().translate(address, AccessType::Fetch);
    const auto* physical = std::get_if<std::uint64_t>(&translated);
    return physical != nullptr && bus_.isExecutable(*physical);
}

std::optional<DecodedInstruction> Interpreter::fetch() {
    // The two halves of a 32-bit instruction may lie in different pages, so
    // each is fetched (and translated) on its own.
    HartState& s = hart_.state();
    const std::uint64_t pc = s.pc;
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    bool ok = fetchParcel(pc, low);
    if (ok && instructionLength(static_cast<std::uint16_t>(low)) == 4) ok = fetchParcel(hart_.truncate(pc + 2), high);
    if (!ok) {
        // The trap is entered; if its vector cannot be fetched either, the
        // hart would fault there forever. An intercepted trap entered
        // nothing: pc stays put for the user-mode environment.
        if (!hart_.hasInterceptedTrap() && !canFetch(s.pc)) lockedUp_ = true;
        hart_.requestAttention();
        return std::nullopt;
    }
    return decode(low | (high << 16), hart_.xlen());
}

Completion Interpreter::step() {
    const auto instruction = fetch();
    if (!instruction) return Completion::Trapped;
    const Completion completion = execute(*instruction);
    if (completion == Completion::Retired) ++hart_.state().retired;
    return completion;
}

bool Interpreter::mayContinue() const {
    const HartState& s = hart_.state();
    return s.retired < s.eventAt && !s.waitingForInterrupt && !breakpoints_.contains(s.pc);
}

void Interpreter::run() {
    if (blockObserver_) return runObserved();
    while (mayContinue()) step();
}

void Interpreter::runObserved() {
    HartState& s = hart_.state();
    std::uint64_t blockPc = s.pc;
    std::uint32_t count = 0;
    auto endBlock = [&] {
        if (count != 0) blockObserver_(blockPc, count);
        count = 0;
        blockPc = s.pc;
    };
    while (mayContinue()) {
        const std::uint64_t pc = s.pc;
        const auto instruction = fetch();
        if (!instruction || execute(*instruction) == Completion::Trapped) {
            endBlock();
            continue;
        }
        ++s.retired;
        ++count;
        const bool pageEnds = ((pc + instruction->length) >> Ram::kPageShift) != (blockPc >> Ram::kPageShift);
        if (instruction->info().has(kEndsBlock) || pageEnds || count == kMaxBlockInstructions) endBlock();
    }
    endBlock();
}

Completion Interpreter::execute(const DecodedInstruction& instruction) {
    return hart_.xlen() == Xlen::Rv64 ? executeAs<std::uint64_t>(instruction)
                                      : executeAs<std::uint32_t>(instruction);
}

Completion Interpreter::raise(Exception cause, std::uint64_t value) {
    hart_.raise(Trap{cause, value});
    return Completion::Trapped;
}

std::optional<Interpreter::DataLocation> Interpreter::translateData(std::uint64_t address, unsigned size,
                                                                   AccessType access) {
    // A misaligned access across a page boundary needs both pages mapped
    // before any byte moves; the two pages need not be adjacent physically.
    const std::uint64_t last = hart_.truncate(address + size - 1);
    const bool crosses = (last >> kPageShift) != (address >> kPageShift);
    DataLocation location{0, 0, size};
    for (const std::uint64_t part : {address, last}) {
        auto translated = hart_.mmu().translate(part, access);
        if (const Trap* fault = std::get_if<Trap>(&translated)) {
            hart_.raise(*fault);
            return std::nullopt;
        }
        const std::uint64_t physical = std::get<std::uint64_t>(translated);
        if (part == address) {
            location.first = physical;
        } else {
            location.firstBytes = static_cast<unsigned>(kPageSize - (address & (kPageSize - 1)));
            location.second = physical - (size - location.firstBytes - 1);
        }
        if (!crosses) break;
    }
    return location;
}

bool Interpreter::readPhysical(const DataLocation& location, unsigned size, std::uint64_t& value) {
    if (location.firstBytes == size) return bus_.read(location.first, size, value);
    std::uint64_t low = 0;
    std::uint64_t high = 0;
    if (!bus_.read(location.first, location.firstBytes, low) ||
        !bus_.read(location.second, size - location.firstBytes, high)) {
        return false;
    }
    value = low | (high << (8 * location.firstBytes));
    return true;
}

bool Interpreter::readData(std::uint64_t address, unsigned size, std::uint64_t& value) {
    const auto location = translateData(address, size, AccessType::Load);
    if (!location) return false;
    if (readPhysical(*location, size, value)) return true;
    raise(Exception::LoadAccessFault, address);
    return false;
}

bool Interpreter::readForUpdate(std::uint64_t address, unsigned size, std::uint64_t& value) {
    // AMOs need write permission and fault as stores even when the read
    // part fails (privileged spec 3.7.1, 4.3.2).
    const auto location = translateData(address, size, AccessType::Store);
    if (!location) return false;
    if (readPhysical(*location, size, value)) return true;
    raise(Exception::StoreAccessFault, address);
    return false;
}

bool Interpreter::writeData(std::uint64_t address, unsigned size, std::uint64_t value) {
    const auto location = translateData(address, size, AccessType::Store);
    if (!location) return false;
    const unsigned firstBytes = location->firstBytes;
    const bool written = firstBytes == size
                             ? bus_.write(location->first, size, value)
                             : bus_.write(location->first, firstBytes, value) &&
                                   bus_.write(location->second, size - firstBytes, value >> (8 * firstBytes));
    if (written) return true;
    raise(Exception::StoreAccessFault, address);
    return false;
}

Completion Interpreter::illegal(const DecodedInstruction& instruction) {
    // mtval receives the faulting instruction's bits (privileged spec 3.1.16).
    return raise(Exception::IllegalInstruction, instruction.bits);
}

template <typename UX>
Completion Interpreter::executeAs(const DecodedInstruction& d) {
    using S = typename Width<UX>::S;
    constexpr unsigned kShiftMask = Width<UX>::kShiftMask;
    HartState& s = hart_.state();
    auto& x = s.x;
    const UX pc = static_cast<UX>(s.pc);
    const UX a = static_cast<UX>(x[d.rs1]);
    const UX b = static_cast<UX>(x[d.rs2]);
    const UX imm = static_cast<UX>(d.imm);
    UX next = static_cast<UX>(pc + d.length);
    UX result = 0;

    auto branch = [&](bool taken) {
        if (taken) next = static_cast<UX>(pc + imm);
    };
    auto load = [&](unsigned size, bool zeroExtend) -> bool {
        std::uint64_t value = 0;
        if (!readData(static_cast<UX>(a + imm), size, value)) return false;
        result = static_cast<UX>(zeroExtend ? value : signExtend(value, size));
        return true;
    };
    auto store = [&](unsigned size) -> bool { return writeData(static_cast<UX>(a + imm), size, b); };

    switch (d.opcode) {
    case Opcode::Lui: result = imm; break;
    case Opcode::Auipc: result = static_cast<UX>(pc + imm); break;
    case Opcode::Jal:
        result = next;
        next = static_cast<UX>(pc + imm);
        break;
    case Opcode::Jalr:
        result = next;
        next = static_cast<UX>((a + imm) & ~UX{1});
        break;
    case Opcode::Beq: branch(a == b); break;
    case Opcode::Bne: branch(a != b); break;
    case Opcode::Blt: branch(static_cast<S>(a) < static_cast<S>(b)); break;
    case Opcode::Bge: branch(static_cast<S>(a) >= static_cast<S>(b)); break;
    case Opcode::Bltu: branch(a < b); break;
    case Opcode::Bgeu: branch(a >= b); break;
    case Opcode::Lb: case Opcode::Lh: case Opcode::Lw: case Opcode::Ld:
    case Opcode::Lbu: case Opcode::Lhu: case Opcode::Lwu: {
        const InstructionInfo& info = d.info();
        if (!load(info.accessBytes, info.has(kZeroExtend))) return Completion::Trapped;
        break;
    }
    case Opcode::Sb: case Opcode::Sh: case Opcode::Sw: case Opcode::Sd:
        if (!store(d.info().accessBytes)) return Completion::Trapped;
        s.pc = next;
        return Completion::Retired;
    case Opcode::Addi: result = a + imm; break;
    case Opcode::Slti: result = static_cast<S>(a) < static_cast<S>(imm); break;
    case Opcode::Sltiu: result = a < imm; break;
    case Opcode::Xori: result = a ^ imm; break;
    case Opcode::Ori: result = a | imm; break;
    case Opcode::Andi: result = a & imm; break;
    case Opcode::Slli: result = static_cast<UX>(a << (imm & kShiftMask)); break;
    case Opcode::Srli: result = a >> (imm & kShiftMask); break;
    case Opcode::Srai: result = static_cast<UX>(static_cast<S>(a) >> (imm & kShiftMask)); break;
    case Opcode::Add: result = a + b; break;
    case Opcode::Sub: result = a - b; break;
    case Opcode::Sll: result = static_cast<UX>(a << (b & kShiftMask)); break;
    case Opcode::Slt: result = static_cast<S>(a) < static_cast<S>(b); break;
    case Opcode::Sltu: result = a < b; break;
    case Opcode::Xor: result = a ^ b; break;
    case Opcode::Srl: result = a >> (b & kShiftMask); break;
    case Opcode::Sra: result = static_cast<UX>(static_cast<S>(a) >> (b & kShiftMask)); break;
    case Opcode::Or: result = a | b; break;
    case Opcode::And: result = a & b; break;
    // W instructions (RV64 only, so UX is 64 bits): operate on the low 32
    // bits and sign-extend the 32-bit result (unprivileged ISA 5.2).
    case Opcode::Addiw: result = static_cast<UX>(sext32(a + imm)); break;
    case Opcode::Slliw: result = static_cast<UX>(sext32(static_cast<std::uint32_t>(a) << (imm & 31))); break;
    case Opcode::Srliw: result = static_cast<UX>(sext32(static_cast<std::uint32_t>(a) >> (imm & 31))); break;
    case Opcode::Sraiw: result = static_cast<UX>(static_cast<std::int64_t>(static_cast<std::int32_t>(a) >> (imm & 31))); break;
    case Opcode::Addw: result = static_cast<UX>(sext32(a + b)); break;
    case Opcode::Subw: result = static_cast<UX>(sext32(a - b)); break;
    case Opcode::Sllw: result = static_cast<UX>(sext32(static_cast<std::uint32_t>(a) << (b & 31))); break;
    case Opcode::Srlw: result = static_cast<UX>(sext32(static_cast<std::uint32_t>(a) >> (b & 31))); break;
    case Opcode::Sraw: result = static_cast<UX>(static_cast<std::int64_t>(static_cast<std::int32_t>(a) >> (b & 31))); break;
    case Opcode::Mul: result = static_cast<UX>(a * b); break;
    case Opcode::Mulh: result = mulhSigned(a, b); break;
    case Opcode::Mulhsu: result = mulhSignedUnsigned(a, b); break;
    case Opcode::Mulhu: result = mulhUnsigned(a, b); break;
    case Opcode::Div: result = divSigned(a, b); break;
    case Opcode::Divu: result = divUnsigned(a, b); break;
    case Opcode::Rem: result = remSigned(a, b); break;
    case Opcode::Remu: result = remUnsigned(a, b); break;
    case Opcode::Mulw: result = static_cast<UX>(sext32(static_cast<std::uint32_t>(a) * static_cast<std::uint32_t>(b))); break;
    case Opcode::Divw: result = static_cast<UX>(sext32(divSigned(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)))); break;
    case Opcode::Divuw: result = static_cast<UX>(sext32(divUnsigned(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)))); break;
    case Opcode::Remw: result = static_cast<UX>(sext32(remSigned(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)))); break;
    case Opcode::Remuw: result = static_cast<UX>(sext32(remUnsigned(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)))); break;
    // A single hart on a sequentially consistent interpreter: fences order nothing.
    case Opcode::Fence: case Opcode::FenceTso: s.pc = next; return Completion::Retired;
    case Opcode::Csrrw: case Opcode::Csrrs: case Opcode::Csrrc:
    case Opcode::Csrrwi: case Opcode::Csrrsi: case Opcode::Csrrci:
        return executeCsr<UX>(d);
    case Opcode::FenceI: case Opcode::Ecall: case Opcode::Ebreak: case Opcode::Mret: case Opcode::Wfi:
    case Opcode::Sret: case Opcode::SfenceVma:
        return executeSystem(d);
    case Opcode::Illegal: return illegal(d);
    default:
        if (d.info().has(kFloat)) return executeFloat(d);
        if (d.info().has(kAtomic)) return executeAtomic<UX>(d, a);
        return illegal(d);
    }
    if (d.rd != 0) x[d.rd] = result;
    s.pc = next;
    return Completion::Retired;
}

template <typename UX>
Completion Interpreter::executeAtomic(const DecodedInstruction& d, UX address) {
    HartState& s = hart_.state();
    const unsigned size = d.info().accessBytes;
    const bool isLoadReserved = d.opcode == Opcode::LrW || d.opcode == Opcode::LrD;
    // LR/SC and AMOs need natural alignment; a misaligned one raises an
    // address-misaligned exception rather than being emulated (unprivileged ISA 8.2, 8.4).
    if ((address & (size - 1)) != 0) {
        return raise(isLoadReserved ? Exception::LoadAddressMisaligned : Exception::StoreAddressMisaligned, address);
    }
    auto finish = [&](std::uint64_t value) {
        if (d.rd != 0) s.x[d.rd] = static_cast<UX>(size == 4 ? sext32(value) : value);
        s.pc = hart_.truncate(s.pc + d.length);
        return Completion::Retired;
    };
    std::uint64_t old = 0;
    if (isLoadReserved) {
        if (!readData(address, size, old)) return Completion::Trapped;
        s.reservationValid = true;
        s.reservationAddress = address;
        return finish(old);
    }
    const std::uint64_t operand = s.x[d.rs2];
    if (d.opcode == Opcode::ScW || d.opcode == Opcode::ScD) {
        // Every SC gives up the reservation, successful or not (8.2).
        const bool reserved = s.reservationValid && s.reservationAddress == address;
        s.reservationValid = false;
        if (!reserved) return finish(1);
        if (!writeData(address, size, operand)) return Completion::Trapped;
        return finish(0);
    }
    if (!readForUpdate(address, size, old)) return Completion::Trapped;
    const auto oldValue = size == 4 ? static_cast<std::uint64_t>(sext32(old)) : old;
    const auto operandValue = size == 4 ? static_cast<std::uint64_t>(sext32(operand)) : operand;
    const auto signedLess = static_cast<std::int64_t>(oldValue) < static_cast<std::int64_t>(operandValue);
    const auto unsignedLess = (size == 4 ? static_cast<std::uint32_t>(old) < static_cast<std::uint32_t>(operand)
                                         : old < operand);
    std::uint64_t stored = 0;
    switch (d.opcode) {
    case Opcode::AmoswapW: case Opcode::AmoswapD: stored = operand; break;
    case Opcode::AmoaddW: case Opcode::AmoaddD: stored = old + operand; break;
    case Opcode::AmoxorW: case Opcode::AmoxorD: stored = old ^ operand; break;
    case Opcode::AmoandW: case Opcode::AmoandD: stored = old & operand; break;
    case Opcode::AmoorW: case Opcode::AmoorD: stored = old | operand; break;
    case Opcode::AmominW: case Opcode::AmominD: stored = signedLess ? old : operand; break;
    case Opcode::AmomaxW: case Opcode::AmomaxD: stored = signedLess ? operand : old; break;
    case Opcode::AmominuW: case Opcode::AmominuD: stored = unsignedLess ? old : operand; break;
    case Opcode::AmomaxuW: case Opcode::AmomaxuD: stored = unsignedLess ? operand : old; break;
    default: return illegal(d);
    }
    if (!writeData(address, size, stored)) return Completion::Trapped;
    return finish(old);
}

template <typename UX>
Completion Interpreter::executeCsr(const DecodedInstruction& d) {
    HartState& s = hart_.state();
    const bool immediate = d.opcode == Opcode::Csrrwi || d.opcode == Opcode::Csrrsi || d.opcode == Opcode::Csrrci;
    const UX operand = immediate ? static_cast<UX>(d.imm) : static_cast<UX>(s.x[d.rs1]);
    const bool isWrite = d.opcode == Opcode::Csrrw || d.opcode == Opcode::Csrrwi;
    // csrrw with rd=x0 does not read; csrrs/csrrc with rs1=x0 (or uimm=0) do
    // not write, so they may read read-only CSRs (unprivileged ISA 9.1).
    const bool reads = !isWrite || d.rd != 0;
    const bool writes = isWrite || (immediate ? d.imm != 0 : d.rs1 != 0);
    std::uint64_t old = 0;
    if (reads) {
        const auto value = hart_.readCsr(d.csr);
        if (!value) return illegal(d);
        old = *value;
    } else if (!hart_.readCsr(d.csr)) {
        return illegal(d);  // the CSR must exist even when it is not read
    }
    if (writes) {
        if (Hart::isReadOnlyCsr(d.csr)) return illegal(d);
        UX value = operand;
        const auto modified = static_cast<UX>(hart_.modifiableValue(d.csr, old));
        if (d.opcode == Opcode::Csrrs || d.opcode == Opcode::Csrrsi) value = modified | operand;
        if (d.opcode == Opcode::Csrrc || d.opcode == Opcode::Csrrci) value = modified & ~operand;
        if (!hart_.writeCsr(d.csr, value)) return illegal(d);
    }
    if (d.rd != 0) s.x[d.rd] = static_cast<UX>(old);
    s.pc = hart_.truncate(s.pc + d.length);
    return Completion::Retired;
}

Completion Interpreter::executeSystem(const DecodedInstruction& d) {
    HartState& s = hart_.state();
    switch (d.opcode) {
    case Opcode::Ecall:
        return raise(s.privilege == Privilege::Machine ? Exception::EcallFromM
                     : s.privilege == Privilege::Supervisor ? Exception::EcallFromS
                                                             : Exception::EcallFromU,
                     0);
    case Opcode::Ebreak:
        // mtval gets the breakpoint's address, as Spike and QEMU write it (privileged spec 3.1.16).
        return raise(Exception::Breakpoint, s.pc);
    case Opcode::Mret:
        if (s.privilege != Privilege::Machine) return illegal(d);
        hart_.mret();
        return Completion::Retired;
    case Opcode::Sret:
        if (!hart_.mayExecuteSret()) return illegal(d);
        hart_.sret();
        return Completion::Retired;
    case Opcode::SfenceVma:
        // Every form flushes everything: more than the spec requires, never less (4.2.1).
        if (!hart_.mayFlushTlb()) return illegal(d);
        hart_.fenceVirtualMemory();
        s.pc = hart_.truncate(s.pc + d.length);
        return Completion::Retired;
    case Opcode::Wfi:
        if (!hart_.mayExecuteWfi()) return illegal(d);
        s.pc = hart_.truncate(s.pc + d.length);
        // A hart may treat wfi as a no-op; we stop only when nothing enabled is pending (3.3.3).
        if (!hart_.wakeUpPending()) {
            s.waitingForInterrupt = true;
            hart_.requestAttention();
        }
        return Completion::Retired;
    case Opcode::FenceI:
        // Stores into translated code already dropped the stale translations
        // when they happened, so the instruction stream is coherent here.
        s.pc = hart_.truncate(s.pc + d.length);
        return Completion::Retired;
    default: return illegal(d);
    }
}

template Completion Interpreter::executeAs<std::uint32_t>(const DecodedInstruction&);
template Completion Interpreter::executeAs<std::uint64_t>(const DecodedInstruction&);

}  // namespace glasshart
