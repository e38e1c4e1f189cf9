#include "dbt/BlockEmitter.h"

#include <algorithm>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <utility>

#include "dbt/RecentBlocks.h"
#include "dbt/TranslationCache.h"
#include "hart/HartState.h"
#include "mem/Ram.h"
#include "mmu/Tlb.h"

namespace glasshart {
namespace {

namespace x86 = asmjit::x86;
using asmjit::Imm;
using asmjit::InstId;
using asmjit::Label;
using asmjit::Operand;
using host::kRamHost;
using host::kBudget;
using host::kState;
using host::kWatchFlags;

constexpr std::int32_t fieldOffset(std::size_t offset) { return static_cast<std::int32_t>(offset); }
const std::int32_t kPcOffset = fieldOffset(offsetof(HartState, pc));
const std::int32_t kDataTlbOffset = fieldOffset(offsetof(HartState, dataTlb));
const std::int32_t kContextOffset = fieldOffset(offsetof(HartState, translationContext));
const std::int32_t kHostStackFloorOffset = fieldOffset(offsetof(HartState, hostStackFloor));

// The low 32 bits of x<index>'s slot (x86-64 is little-endian).
x86::Mem lowHalfSlot(unsigned index) {
    x86::Mem slot = host::guestSlot(index);
    slot.setSize(4);
    return slot;
}

// `op r, 0` leaves r as it is (mv, sext.w, nop are written this way).
bool isIdentity(InstId op, const Operand& rhs) {
    const bool zero = rhs.isImm() && rhs.as<Imm>().value() == 0;
    return zero && op != x86::Inst::kIdAnd && op != x86::Inst::kIdImul;
}

bool fitsInt32(std::uint64_t value) {
    return static_cast<std::int64_t>(value) == static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
}

}  // namespace

BlockEmitter::BlockEmitter(asmjit::CodeHolder& code, Xlen xlen, const Ram& ram, const TranslationTargets& targets,
                           const EmitPolicy& policy, const GuestBlock& instructions, TranslatedBlock& block)
    : a_(&code),
      code_(code),
      rv32_(xlen == Xlen::Rv32),
      ramBase_(ram.base()),
      ramLimit_(ram.size() - 8),
      targets_(targets),
      policy_(policy),
      instructions_(instructions),
      block_(block),
      loopsInPlace_(policy.chaining && jumpsBack(instructions, xlen)),
      registers_(allocateSegment(0)) {}

// --- sizes and places ------------------------------------------------------

BlockEmitter::Gp BlockEmitter::w(const Gp& reg) const { return rv32_ ? Gp(reg.r32()) : Gp(reg.r64()); }

BlockEmitter::Mem BlockEmitter::slot(unsigned index) const {
    return rv32_ ? lowHalfSlot(index) : host::guestSlot(index);
}

std::uint64_t BlockEmitter::truncate(std::uint64_t value) const {
    return rv32_ ? static_cast<std::uint32_t>(value) : value;
}

// --- guest registers --------------------------------------------------------

Operand BlockEmitter::source(unsigned index, bool word) const {
    if (index == 0) return Imm(0);
    if (const auto cached = registers_.hostOf(index)) return word ? Gp(cached->r32()) : w(*cached);
    return word ? lowHalfSlot(index) : slot(index);
}

BlockEmitter::Gp BlockEmitter::read(unsigned index, const Gp& scratch) {
    if (const auto cached = registers_.hostOf(index)) return w(*cached);
    moveInto(w(scratch), index);
    return w(scratch);
}

BlockEmitter::Gp BlockEmitter::resultRegister(unsigned rd, const Gp& scratch) const {
    return w(registers_.hostOf(rd).value_or(scratch));
}

void BlockEmitter::moveInto(const Gp& dst, unsigned index) {
    if (index == 0) {
        a_.xor_(dst.r32(), dst.r32());
        return;
    }
    const Operand value = source(index, dst.size() == 4);
    if (!value.isReg() || value.id() != dst.id()) a_.emit(x86::Inst::kIdMov, dst, value);
}

void BlockEmitter::write(unsigned rd, const Gp& value) {
    if (rd == 0) return;
    if (const auto cached = registers_.hostOf(rd)) {
        if (cached->id() != value.id()) a_.mov(cached->r64(), value.r64());
        dirty_ |= registerBit(rd) & registers_.local();
    } else {
        a_.mov(host::guestSlot(rd), value.r64());
    }
}

void BlockEmitter::writeConstant(unsigned rd, std::uint64_t value) {
    if (rd == 0) return;
    value = truncate(value);
    if (const auto cached = registers_.hostOf(rd)) {
        a_.mov(cached->r64(), Imm(value));
        dirty_ |= registerBit(rd) & registers_.local();
    } else if (fitsInt32(value)) {
        a_.mov(host::guestSlot(rd), Imm(value));
    } else {
        a_.mov(x86::rcx, Imm(value));
        a_.mov(host::guestSlot(rd), x86::rcx);
    }
}

void BlockEmitter::loadCached(RegisterMask mask) {
    forEachRegister(mask, [&](unsigned index) {
        a_.mov(registers_.hostOf(index)->r64(), host::guestSlot(index));
    });
}

void BlockEmitter::storeCached(RegisterMask mask) {
    forEachRegister(mask, [&](unsigned index) {
        a_.mov(host::guestSlot(index), registers_.hostOf(index)->r64());
    });
}

void BlockEmitter::restore(const RegisterState& state) {
    registers_ = state.allocation;
    dirty_ = state.dirty;
}

RegisterAllocation BlockEmitter::allocateSegment(std::size_t first) const {
    // A block that loops in place keeps one allocation for all of it; any
    // other gets one for each segment, from one side exit to the next, as
    // if each were a block of its own.
    const std::span<const GuestInstruction> all(instructions_);
    if (loopsInPlace_) return RegisterAllocation(all, true);
    std::size_t end = first;
    while (end + 1 < all.size() && all[end].decoded.info().format != OperandFormat::Branch) ++end;
    return RegisterAllocation(all.subspan(first, end + 1 - first), false, first == 0 ? nullptr : &registers_);
}

void BlockEmitter::startSegment(std::size_t first) {
    // Block-local registers that stay where they are need nothing; the
    // rest are stored if changed, and the new segment's loaded if it reads
    // them before writing.
    RegisterAllocation next = allocateSegment(first);
    RegisterMask kept = 0;
    forEachRegister(registers_.local(), [&](unsigned index) {
        if (next.hostOf(index) == registers_.hostOf(index)) kept |= registerBit(index);
    });
    storeCached(dirty_ & ~kept);
    dirty_ &= kept;
    registers_ = std::move(next);
    loadCached(registers_.localLiveIn() & ~kept);
    recordHomes();
}

void BlockEmitter::recordHomes() {
    for (const RegisterHome& home : registers_.homes()) {
        const bool known = std::any_of(block_.registerHomes.begin(), block_.registerHomes.end(),
                                       [&](const RegisterHome& other) {
                                           return other.guest == home.guest && other.host == home.host;
                                       });
        if (!known) block_.registerHomes.push_back(home);
    }
}

// --- the block's frame ---------------------------------------------------

void BlockEmitter::emit() {
    recordHomes();
    emitEntry();
    for (std::size_t i = 0; i < instructions_.size(); ++i) {
        emitInstruction(instructions_[i].decoded, instructions_[i].pc, i + 1 == instructions_.size());
    }
    finish();
}

void BlockEmitter::emitEntry() {
    refuse_ = a_.newLabel();
    leave_ = a_.newLabel();
    loopHead_ = a_.newLabel();
    emitBudgetCheck(refuse_);
    if (loopsInPlace_) {
        // Every turn may leave at any exit: all block-local registers must
        // hold their values from the start, and all the block writes count
        // as changed from the first turn on.
        loadCached(registers_.local());
        dirty_ = registers_.localWritten();
    } else {
        loadCached(registers_.localLiveIn());
    }
    a_.bind(loopHead_);
    emitEntryCount();
}

void BlockEmitter::emitBudgetCheck(Label exceeded) {
    // Charge the whole block up front; if that would pass the next event,
    // run nothing (`exceeded` gives the charge back) and let the dispatcher
    // step up to the event exactly.
    a_.sub(kBudget, Imm(block_.instructionCount));
    a_.jb(exceeded);
}

void BlockEmitter::emitRefund() { a_.add(kBudget, Imm(block_.instructionCount)); }

void BlockEmitter::emitEntryCount() {
    RecentBlocks* recent = policy_.recent;
    if (recent == nullptr) return;
    // The block object outlives its code (both go at the next flush).
    a_.mov(x86::rax, Imm(reinterpret_cast<std::uintptr_t>(&block_.executions)));
    a_.inc(x86::qword_ptr(x86::rax));
    const auto nextOffset = static_cast<std::int32_t>(offsetof(RecentBlocks, next));
    a_.mov(x86::rcx, Imm(reinterpret_cast<std::uintptr_t>(recent)));
    a_.mov(x86::rax, x86::qword_ptr(x86::rcx, nextOffset));
    a_.mov(x86::rdx, Imm(block_.guestPc));
    a_.mov(x86::qword_ptr(x86::rcx, x86::rax, 3), x86::rdx);
    a_.inc(x86::rax);
    a_.and_(x86::rax, Imm(RecentBlocks::kSize - 1));
    a_.mov(x86::qword_ptr(x86::rcx, nextOffset), x86::rax);
}

void BlockEmitter::finish() {
    for (const SideExit& exit : sideExits_) emitSideExit(exit);
    for (const SlowPath& slow : slowPaths_) {
        InstructionSpan& span = block_.spans[slow.span];
        span.slowPathBegin = static_cast<std::uint32_t>(a_.offset());
        a_.bind(slow.entry);
        restore(slow.registers);
        emitHelperCall(slow.site);
        a_.jmp(slow.resume);
        span.slowPathEnd = static_cast<std::uint32_t>(a_.offset());
    }
    a_.bind(refuse_);
    emitRefund();
    storePc(block_.guestPc);
    a_.bind(leave_);
    a_.xor_(x86::eax, x86::eax);
    a_.jmp(Imm(targets_.epilogue));
}

void BlockEmitter::storePc(std::uint64_t pc) {
    a_.mov(x86::rax, Imm(truncate(pc)));
    a_.mov(x86::qword_ptr(kState, kPcOffset), x86::rax);
}

const InstructionSite* BlockEmitter::makeSite(const DecodedInstruction& d, std::uint64_t pc) {
    auto site = std::make_unique<InstructionSite>(
        InstructionSite{d, pc, static_cast<std::uint32_t>(block_.spans.size() - 1), block_.instructionCount});
    block_.sites.push_back(std::move(site));
    return block_.sites.back().get();
}

void BlockEmitter::callHelper(const InstructionSite* site) {
    a_.mov(x86::rdi, Imm(targets_.helperContext));
    a_.mov(x86::rsi, Imm(reinterpret_cast<std::uintptr_t>(site)));
    a_.mov(x86::rax, Imm(targets_.helper));
    a_.call(x86::rax);
}

void BlockEmitter::emitHelperCall(const InstructionSite* site) {
    // The helper works on HartState (and corrects the retired count), and
    // the call clobbers caching registers: store what may have changed,
    // reload everything after, before leaving too (the epilogue stores the
    // resident registers, and the helper may have written one).
    storeCached(dirty_ | RegisterAllocation::kResident);
    host::storeRetired(a_, x86::rax);
    callHelper(site);
    host::loadBudget(a_);
    loadCached(registers_.cached());
    a_.test(x86::eax, x86::eax);
    a_.jnz(leave_);
}

// --- exits -----------------------------------------------------------------

void BlockEmitter::emitJumpTo(std::uint64_t targetPc) {
    if (loopsInPlace_ && truncate(targetPc) == block_.guestPc) {
        emitLoopBack();
    } else {
        emitChainableExit(targetPc);
    }
}

void BlockEmitter::emitChainableExit(std::uint64_t targetPc) {
    if (block_.exitCount == block_.exits.size()) throw std::logic_error("a block ran out of exit slots");
    storeCached(dirty_);
    ExitSlot& exit = block_.exits[block_.exitCount++];
    exit.owner = &block_;
    exit.targetPc = truncate(targetPc);
    const Label jump = a_.newLabel();
    const Label unchained = a_.newLabel();
    a_.bind(jump);
    a_.long_().jmp(unchained);  // rel32, so it can later be patched to reach any block
    a_.bind(unchained);
    storePc(targetPc);
    a_.mov(x86::rax, Imm(reinterpret_cast<std::uintptr_t>(&exit)));
    a_.jmp(Imm(targets_.epilogue));
    exit.jumpOffset = static_cast<std::uint32_t>(code_.labelOffset(jump));
    exit.unchainedOffset = static_cast<std::uint32_t>(code_.labelOffset(unchained));
}

void BlockEmitter::emitCall(std::uint64_t returnPc) {
    // A guest call becomes a host call, given room on the host stack: it
    // pushes a frame of the guest return address and (by `call`) the host
    // address just after it, so that the guest's return can be a `ret` the
    // host's own return predictor foresees. The code after the call is
    // where such a return lands; it goes on at the return address. The jump
    // to the callee follows, emitted by the caller. The callee reuses the
    // block-local registers: store them now, and not again at either exit.
    storeCached(dirty_);
    dirty_ = 0;
    const Label callee = a_.newLabel();
    a_.cmp(x86::rsp, x86::qword_ptr(kState, kHostStackFloorOffset));
    a_.jbe(callee);
    const std::uint64_t frameTag = truncate(returnPc);
    if (frameTag <= 0x7fff'ffffu) {
        a_.push(Imm(frameTag));  // push sign-extends its imm32
    } else {
        a_.mov(x86::rdx, Imm(frameTag));
        a_.push(x86::rdx);
    }
    a_.call(callee);
    emitChainableExit(returnPc);
    a_.bind(callee);
}

void BlockEmitter::emitReturn() {
    // The target in rax is the guest return address of the innermost frame:
    // its host return address goes on right there (`ret 8` drops the guest
    // address too). Any other target, and the sentinel frame at the base of
    // the stack, goes on through the jump cache.
    const Label notFromHere = a_.newLabel();
    a_.cmp(x86::qword_ptr(x86::rsp, 8), x86::rax);
    a_.jne(notFromHere);
    a_.ret(Imm(8));
    a_.bind(notFromHere);
}

void BlockEmitter::emitLoopBack() {
    // The next turn is charged like an entry; without the budget for it,
    // leave as a refused entry would.
    const Label exceeded = a_.newLabel();
    emitBudgetCheck(exceeded);
    a_.jmp(loopHead_);
    a_.bind(exceeded);
    emitRefund();
    storeCached(dirty_);
    storePc(block_.guestPc);
    a_.jmp(leave_);
}

// --- instructions --------------------------------------------------------

void BlockEmitter::emitInstruction(const DecodedInstruction& d, std::uint64_t pc, bool last) {
    block_.spans.push_back(InstructionSpan{pc, static_cast<std::uint32_t>(a_.offset()), 0});
    const InstructionInfo& info = d.info();
    if (info.has(kFloat)) {
        // Before the load/store cases: flw/fld/fsw/fsd carry kLoad/kStore
        // too, but move f registers, which only the interpreter handles.
        emitThroughInterpreter(d, pc, last);
    } else if (info.has(kLoad)) {
        emitLoad(d, pc);
    } else if (info.has(kStore)) {
        emitStore(d, pc);
    } else if (d.opcode == Opcode::Jal) {
        writeConstant(d.rd, pc + d.length);
        if (policy_.chaining && isLinkRegister(d.rd)) emitCall(pc + d.length);
        emitJumpTo(pc + static_cast<std::uint64_t>(d.imm));
        ended_ = true;
    } else if (d.opcode == Opcode::Jalr) {
        emitJalr(d, pc);
    } else if (info.format == OperandFormat::Branch) {
        emitBranch(d, pc, last);
    } else if (d.opcode == Opcode::Fence || d.opcode == Opcode::FenceTso) {
        // One hart, and x86-64 keeps stores in order (TSO): nothing to emit.
    } else if (!emitAlu(d, pc) && !emitMultiply(d)) {
        emitThroughInterpreter(d, pc, last);
    }
    block_.spans.back().hostEnd = static_cast<std::uint32_t>(a_.offset());
    if (last && !ended_) {
        emitChainableExit(pc + d.length);
        block_.spans.back().hostEnd = static_cast<std::uint32_t>(a_.offset());
    }
}

bool BlockEmitter::emitAlu(const DecodedInstruction& d, std::uint64_t pc) {
    const Imm imm(d.imm);
    switch (d.opcode) {
    case Opcode::Lui: writeConstant(d.rd, static_cast<std::uint64_t>(d.imm)); return true;
    case Opcode::Auipc: writeConstant(d.rd, pc + static_cast<std::uint64_t>(d.imm)); return true;
    case Opcode::Add: emitCommutative(x86::Inst::kIdAdd, d); return true;
    case Opcode::Sub: emitBinary(x86::Inst::kIdSub, d, source(d.rs2)); return true;
    case Opcode::And: emitCommutative(x86::Inst::kIdAnd, d); return true;
    case Opcode::Or: emitCommutative(x86::Inst::kIdOr, d); return true;
    case Opcode::Xor: emitCommutative(x86::Inst::kIdXor, d); return true;
    case Opcode::Addi: emitBinary(x86::Inst::kIdAdd, d, imm); return true;
    case Opcode::Andi: emitBinary(x86::Inst::kIdAnd, d, imm); return true;
    case Opcode::Ori: emitBinary(x86::Inst::kIdOr, d, imm); return true;
    case Opcode::Xori: emitBinary(x86::Inst::kIdXor, d, imm); return true;
    case Opcode::Slli: emitBinary(x86::Inst::kIdShl, d, imm); return true;
    case Opcode::Srli: emitBinary(x86::Inst::kIdShr, d, imm); return true;
    case Opcode::Srai: emitBinary(x86::Inst::kIdSar, d, imm); return true;
    case Opcode::Sll: case Opcode::Srl: case Opcode::Sra:
    case Opcode::Sllw: case Opcode::Srlw: case Opcode::Sraw: emitShiftByRegister(d); return true;
    case Opcode::Slt: case Opcode::Sltu: case Opcode::Slti: case Opcode::Sltiu: emitSetCompare(d); return true;
    case Opcode::Addw: emitWord(x86::Inst::kIdAdd, d, source(d.rs2, true)); return true;
    case Opcode::Subw: emitWord(x86::Inst::kIdSub, d, source(d.rs2, true)); return true;
    case Opcode::Addiw: emitWord(x86::Inst::kIdAdd, d, imm); return true;
    case Opcode::Slliw: emitWord(x86::Inst::kIdShl, d, imm); return true;
    case Opcode::Srliw: emitWord(x86::Inst::kIdShr, d, imm); return true;
    case Opcode::Sraiw: emitWord(x86::Inst::kIdSar, d, imm); return true;
    default: return false;
    }
}

void BlockEmitter::emitBinary(InstId op, const DecodedInstruction& d, const Operand& rhs) {
    if (d.rd == 0) return;  // these have no other effect
    const bool addsToZero = op == x86::Inst::kIdAdd || op == x86::Inst::kIdOr || op == x86::Inst::kIdXor;
    if (d.rs1 == 0 && rhs.isImm() && addsToZero) {
        writeConstant(d.rd, static_cast<std::uint64_t>(rhs.as<Imm>().value()));  // li
        return;
    }
    const Operand value = source(d.rs1);
    if (isIdentity(op, rhs) && value.isReg() && !registers_.hostOf(d.rd)) {
        a_.mov(host::guestSlot(d.rd), value.as<Gp>().r64());  // mv into a register kept in memory
        return;
    }
    Gp dst = resultRegister(d.rd, x86::rax);
    // rd = rs1 op rd: moving rs1 into rd's register first would lose rd.
    if (rhs.isReg() && rhs.id() == dst.id() && d.rs1 != d.rs2) dst = w(x86::rax);
    moveInto(dst, d.rs1);
    if (!isIdentity(op, rhs)) a_.emit(op, dst, rhs);
    write(d.rd, dst);
}

void BlockEmitter::emitCommutative(InstId op, const DecodedInstruction& d) {
    // rd = rs1 op rd is rd op= rs1: one instruction when rd is cached; and
    // x0 op rs2 (as in `mv`) is rs2 op 0, a plain copy.
    if ((d.rd == d.rs2 && d.rs1 != d.rs2) || d.rs1 == 0) {
        DecodedInstruction swapped = d;
        std::swap(swapped.rs1, swapped.rs2);
        emitBinary(op, swapped, source(swapped.rs2));
    } else {
        emitBinary(op, d, source(d.rs2));
    }
}

void BlockEmitter::emitWord(InstId op, const DecodedInstruction& d, const Operand& rhs) {
    // The W forms compute on 32 bits and sign-extend the result (unprivileged ISA 5.2).
    if (d.rd == 0) return;
    Gp dst = resultRegister(d.rd, x86::rax).r32();
    if (rhs.isReg() && rhs.id() == dst.id() && d.rs1 != d.rs2) dst = x86::eax;
    moveInto(dst, d.rs1);
    if (!isIdentity(op, rhs)) a_.emit(op, dst, rhs);
    a_.movsxd(dst.r64(), dst);
    write(d.rd, dst.r64());
}

void BlockEmitter::emitShiftByRegister(const DecodedInstruction& d) {
    // x86 masks the count to 5 or 6 bits exactly as RISC-V does.
    if (d.rd == 0) return;
    const bool wordOp = d.opcode == Opcode::Sllw || d.opcode == Opcode::Srlw || d.opcode == Opcode::Sraw;
    moveInto(x86::ecx, d.rs2);  // first: rd's register may be rs2's
    const Gp result = resultRegister(d.rd, x86::rax);
    const Gp value = wordOp ? Gp(result.r32()) : result;
    moveInto(value, d.rs1);
    switch (d.opcode) {
    case Opcode::Sll: case Opcode::Sllw: a_.shl(value, x86::cl); break;
    case Opcode::Srl: case Opcode::Srlw: a_.shr(value, x86::cl); break;
    default: a_.sar(value, x86::cl); break;
    }
    if (wordOp) a_.movsxd(result.r64(), value);
    write(d.rd, result);
}

void BlockEmitter::emitSetCompare(const DecodedInstruction& d) {
    if (d.rd == 0) return;
    const bool registerForm = d.opcode == Opcode::Slt || d.opcode == Opcode::Sltu;
    const Gp lhs = read(d.rs1, x86::rax);
    a_.emit(x86::Inst::kIdCmp, lhs, registerForm ? source(d.rs2) : Operand(Imm(d.imm)));
    const Gp dst = resultRegister(d.rd, x86::rax);
    if (d.opcode == Opcode::Slt || d.opcode == Opcode::Slti) {
        a_.setl(dst.r8());
    } else {
        a_.setb(dst.r8());
    }
    a_.movzx(dst.r32(), dst.r8());
    write(d.rd, dst);
}

bool BlockEmitter::emitMultiply(const DecodedInstruction& d) {
    switch (d.opcode) {
    case Opcode::Mul: emitCommutative(x86::Inst::kIdImul, d); return true;
    case Opcode::Mulw: emitWord(x86::Inst::kIdImul, d, source(d.rs2, true)); return true;
    case Opcode::Mulh: case Opcode::Mulhu: case Opcode::Mulhsu: emitMultiplyHigh(d); return true;
    default: return false;
    }
}

void BlockEmitter::emitMultiplyHigh(const DecodedInstruction& d) {
    if (d.rd == 0) return;
    if (rv32_) {
        // The whole 64-bit product of two 32-bit values fits in one register.
        auto widen = [&](const Gp& dst, unsigned index, bool isSigned) {
            const Operand value = source(index, true);
            if (index == 0) {
                a_.xor_(dst.r32(), dst.r32());
            } else if (isSigned) {
                a_.emit(x86::Inst::kIdMovsxd, dst.r64(), value);
            } else {
                a_.emit(x86::Inst::kIdMov, dst.r32(), value);
            }
        };
        widen(x86::rax, d.rs1, d.opcode != Opcode::Mulhu);
        widen(x86::rcx, d.rs2, d.opcode == Opcode::Mulh);
        a_.imul(x86::rax, x86::rcx);
        a_.shr(x86::rax, Imm(32));
        write(d.rd, x86::rax);
        return;
    }
    moveInto(x86::rax, d.rs1);
    const Gp rhs = read(d.rs2, x86::rcx);
    if (d.opcode == Opcode::Mulh) {
        a_.imul(rhs);
    } else {
        a_.mul(rhs);
    }
    if (d.opcode == Opcode::Mulhsu) {
        // signed(a) * unsigned(b): the unsigned high half, minus b when a < 0.
        moveInto(x86::rax, d.rs1);
        a_.sar(x86::rax, Imm(63));
        a_.and_(x86::rax, rhs);
        a_.sub(x86::rdx, x86::rax);
    }
    write(d.rd, x86::rdx);
}

// --- memory ---------------------------------------------------------------

void BlockEmitter::emitPhysicalAddressIntoRcx(const DecodedInstruction& d, Label slow) {
    // rcx = the access's offset into RAM, when the whole access (up to 8
    // bytes) lies inside RAM. Anything else goes to the slow path, so guest
    // code can never reach host memory outside its RAM. RAM's place and
    // size are constants of the machine, folded in as immediates.
    const Gp base = read(d.rs1, x86::rcx);
    const auto displacement = static_cast<std::uint64_t>(d.imm) - ramBase_;
    if (!rv32_ && fitsInt32(displacement)) {
        a_.lea(x86::rcx, x86::ptr(base.r64(), static_cast<std::int32_t>(displacement)));
    } else {
        // RV32 addresses wrap at 32 bits before RAM's base comes off.
        if (d.imm != 0 || base.id() != x86::rcx.id()) {
            a_.lea(w(x86::rcx), x86::ptr(base.r64(), static_cast<std::int32_t>(d.imm)));
        }
        // An add of the negation: 0x80000000 does not fit an imm32, -0x80000000 does.
        emitWithConstant(x86::Inst::kIdAdd, 0 - ramBase_);
    }
    emitWithConstant(x86::Inst::kIdCmp, ramLimit_);
    a_.ja(slow);
}

void BlockEmitter::emitWithConstant(InstId op, std::uint64_t value) {
    // `op rcx, value`, through rdx when the value does not fit an imm32.
    if (fitsInt32(value)) {
        a_.emit(op, x86::rcx, Imm(value));
    } else {
        a_.mov(x86::rdx, Imm(value));
        a_.emit(op, x86::rcx, x86::rdx);
    }
}

void BlockEmitter::emitTlbProbeIntoRcx(const DecodedInstruction& d, Label slow, bool isStore) {
    // rcx = the host address of the access, when the data TLB of the current
    // context maps its page for this kind of access. The tag compare keeps
    // the low bits the access size must leave clear, so a misaligned access
    // (which might cross into another page) misses as well.
    const unsigned size = d.info().accessBytes;
    const Gp base = read(d.rs1, x86::rax);
    if (d.imm != 0 || base.id() != x86::rax.id()) a_.lea(w(x86::rax), x86::ptr(base.r64(), static_cast<std::int32_t>(d.imm)));
    a_.mov(x86::ecx, x86::eax);
    a_.shr(x86::ecx, Imm(kPageShift));
    a_.and_(x86::ecx, Imm(Tlb::kEntries - 1));
    a_.shl(x86::ecx, Imm(5));  // sizeof(TlbEntry)
    a_.add(x86::rcx, x86::qword_ptr(kState, kDataTlbOffset));
    a_.mov(x86::rdx, x86::rax);
    a_.and_(x86::rdx, Imm(static_cast<std::int32_t>(~(kPageSize - 1) | (size - 1))));
    const auto tag = static_cast<std::int32_t>(isStore ? offsetof(TlbEntry, writeTag) : offsetof(TlbEntry, readTag));
    a_.cmp(x86::rdx, x86::qword_ptr(x86::rcx, tag));
    a_.jne(slow);
    a_.mov(x86::rcx, x86::qword_ptr(x86::rcx, static_cast<std::int32_t>(offsetof(TlbEntry, hostAddend))));
    a_.add(x86::rcx, x86::rax);
}

BlockEmitter::Mem BlockEmitter::emitHostAddress(const DecodedInstruction& d, Label slow, bool isStore) {
    // A memory operand for the access, after the checks that send anything
    // but plain RAM to the slow path: guest code never reaches host memory
    // outside its RAM. Stores into watched pages (translated code, HTIF)
    // take the slow path too.
    const unsigned size = d.info().accessBytes;
    if (block_.key.dataTranslated) {
        emitTlbProbeIntoRcx(d, slow, isStore);
        if (isStore) {
            // The TLB hit says the access stays within one page.
            a_.mov(x86::rdx, x86::rcx);
            a_.sub(x86::rdx, kRamHost);
            a_.shr(x86::rdx, Imm(Ram::kPageShift));
            a_.cmp(x86::byte_ptr(kWatchFlags, x86::rdx), Imm(0));
            a_.jne(slow);
        }
        return x86::ptr(x86::rcx, 0, size);
    }
    emitPhysicalAddressIntoRcx(d, slow);
    if (isStore) {
        // The flags of the store's page and the next in one 16-bit load: a
        // misaligned store may reach into the next page. (Ram keeps a flag
        // byte past its last page for this.)
        a_.mov(x86::rdx, x86::rcx);
        a_.shr(x86::rdx, Imm(Ram::kPageShift));
        a_.cmp(x86::word_ptr(kWatchFlags, x86::rdx), Imm(0));
        a_.jne(slow);
    }
    return x86::ptr(kRamHost, x86::rcx, 0, 0, size);
}

void BlockEmitter::emitLoad(const DecodedInstruction& d, std::uint64_t pc) {
    SlowPath slow{a_.newLabel(), a_.newLabel(), makeSite(d, pc), block_.spans.size() - 1, registerState()};
    Mem memory = emitHostAddress(d, slow.entry, false);
    const Gp dst = resultRegister(d.rd, x86::rax);  // rax for x0: the access still happens
    memory.setSize(d.info().accessBytes);
    switch (d.opcode) {
    case Opcode::Lb: case Opcode::Lh: a_.movsx(dst, memory); break;
    case Opcode::Lbu: case Opcode::Lhu: a_.movzx(dst.r32(), memory); break;
    case Opcode::Lw:
        if (rv32_) {
            a_.mov(dst.r32(), memory);
        } else {
            a_.movsxd(dst.r64(), memory);
        }
        break;
    case Opcode::Lwu: a_.mov(dst.r32(), memory); break;
    default: a_.mov(dst.r64(), memory); break;
    }
    write(d.rd, dst);
    a_.bind(slow.resume);
    slowPaths_.push_back(slow);
}

void BlockEmitter::emitStore(const DecodedInstruction& d, std::uint64_t pc) {
    SlowPath slow{a_.newLabel(), a_.newLabel(), makeSite(d, pc), block_.spans.size() - 1, registerState()};
    const Mem memory = emitHostAddress(d, slow.entry, true);
    const Gp value = read(d.rs2, x86::rax);
    switch (d.info().accessBytes) {
    case 1: a_.mov(memory, value.r8()); break;
    case 2: a_.mov(memory, value.r16()); break;
    case 4: a_.mov(memory, value.r32()); break;
    default: a_.mov(memory, value.r64()); break;
    }
    a_.bind(slow.resume);
    slowPaths_.push_back(slow);
}

// --- control flow ---------------------------------------------------------

void BlockEmitter::emitBranch(const DecodedInstruction& d, std::uint64_t pc, bool last) {
    const Label taken = a_.newLabel();
    const Gp lhs = read(d.rs1, x86::rax);
    if (d.rs2 == 0) {
        a_.test(lhs, lhs);
    } else {
        a_.emit(x86::Inst::kIdCmp, lhs, source(d.rs2));
    }
    switch (d.opcode) {
    case Opcode::Beq: a_.je(taken); break;
    case Opcode::Bne: a_.jne(taken); break;
    case Opcode::Blt: a_.jl(taken); break;
    case Opcode::Bge: a_.jge(taken); break;
    case Opcode::Bltu: a_.jb(taken); break;
    default: a_.jae(taken); break;
    }
    const std::uint64_t target = pc + static_cast<std::uint64_t>(d.imm);
    if (!last) {
        // Not taken goes on inline; the taken way leaves out of line.
        const auto retired = static_cast<std::uint32_t>(block_.spans.size());
        sideExits_.push_back(SideExit{taken, target, block_.spans.size() - 1, registerState(),
                                      block_.instructionCount - retired});
        if (!loopsInPlace_) startSegment(retired);
        return;
    }
    emitJumpTo(pc + d.length);
    a_.bind(taken);
    emitJumpTo(target);
    ended_ = true;
}

void BlockEmitter::emitSideExit(const SideExit& exit) {
    // The entry charged the whole block: give back what the branch skips.
    InstructionSpan& span = block_.spans[exit.span];
    span.sideExitBegin = static_cast<std::uint32_t>(a_.offset());
    a_.bind(exit.entry);
    if (exit.notRetired != 0) a_.add(kBudget, Imm(exit.notRetired));
    restore(exit.registers);
    emitJumpTo(exit.targetPc);
    span.sideExitEnd = static_cast<std::uint32_t>(a_.offset());
}

void BlockEmitter::emitJalr(const DecodedInstruction& d, std::uint64_t pc) {
    // Target first: rd may be rs1.
    const Gp base = read(d.rs1, x86::rax);
    a_.lea(w(x86::rax), x86::ptr(base.r64(), static_cast<std::int32_t>(d.imm)));
    a_.and_(w(x86::rax), Imm(-2));
    writeConstant(d.rd, pc + d.length);
    if (policy_.chaining && isLinkRegister(d.rd)) {
        emitCall(pc + d.length);
    } else {
        storeCached(dirty_);
        if (policy_.chaining && d.rd == 0 && isLinkRegister(d.rs1)) emitReturn();
    }
    // Probe the jump cache; a hit, made under the same translation context,
    // jumps straight into the target block, whose entry check still guards
    // the budget (and stores its pc if it refuses). Only a miss needs pc.
    const Label miss = a_.newLabel();
    a_.mov(x86::ecx, x86::eax);
    a_.shr(x86::ecx, Imm(1));
    a_.and_(x86::ecx, Imm((1u << TranslationCache::kJumpCacheBits) - 1));
    a_.shl(x86::ecx, Imm(5));  // sizeof(JumpCacheEntry)
    a_.mov(x86::rdx, Imm(targets_.jumpCache));
    a_.add(x86::rcx, x86::rdx);
    a_.cmp(x86::qword_ptr(x86::rcx, static_cast<std::int32_t>(offsetof(JumpCacheEntry, guestPc))), x86::rax);
    a_.jne(miss);
    a_.mov(x86::rdx, x86::qword_ptr(kState, kContextOffset));
    a_.cmp(x86::qword_ptr(x86::rcx, static_cast<std::int32_t>(offsetof(JumpCacheEntry, context))), x86::rdx);
    a_.jne(miss);
    a_.jmp(x86::qword_ptr(x86::rcx, static_cast<std::int32_t>(offsetof(JumpCacheEntry, hostEntry))));
    a_.bind(miss);
    a_.mov(x86::qword_ptr(kState, kPcOffset), x86::rax);
    a_.jmp(leave_);
    ended_ = true;
}

void BlockEmitter::emitThroughInterpreter(const DecodedInstruction& d, std::uint64_t pc, bool last) {
    emitHelperCall(makeSite(d, pc));
    // Instructions that always leave (ecall, mret, ...) never fall through.
    if (d.info().has(kEndsBlock) && !last) throw std::logic_error("a block-ending instruction must be last");
}

}  // namespace glasshart
