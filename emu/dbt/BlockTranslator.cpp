#include "dbt/BlockTranslator.h"

#include <asmjit/x86.h>

#include <cstddef>
#include <stdexcept>

#include "hart/HartState.h"
#include "isa/Decoder.h"
#include "mmu/Tlb.h"

namespace glasshart {
namespace {

namespace x86 = asmjit::x86;
using asmjit::Imm;
using asmjit::Label;

// Pinned host registers (see BlockTranslator.h).
const x86::Gp kState = x86::rbx;
const x86::Gp kRamHost = x86::r12;
const x86::Gp kRamBase = x86::r13;
const x86::Gp kWatchFlags = x86::r14;
const x86::Gp kRamLimit = x86::r15;
const x86::Gp kJumpCache = x86::rbp;

constexpr std::int32_t fieldOffset(std::size_t offset) { return static_cast<std::int32_t>(offset); }
const std::int32_t kPcOffset = fieldOffset(offsetof(HartState, pc));
const std::int32_t kRetiredOffset = fieldOffset(offsetof(HartState, retired));
const std::int32_t kEventAtOffset = fieldOffset(offsetof(HartState, eventAt));
const std::int32_t kDataTlbOffset = fieldOffset(offsetof(HartState, dataTlb));
const std::int32_t kContextOffset = fieldOffset(offsetof(HartState, translationContext));

std::int32_t registerOffset(unsigned index) {
    return fieldOffset(offsetof(HartState, x) + index * sizeof(std::uint64_t));
}

// Emits one block. Guest values are computed in rax/rcx/rdx at XLEN width:
// 32-bit x86 operations zero-extend, so RV32 registers stay zero-extended in
// their 64-bit slots.
class BlockEmitter {
public:
    BlockEmitter(asmjit::CodeHolder& code, Xlen xlen, const TranslationTargets& targets, TranslatedBlock& block)
        : a_(&code), code_(code), rv32_(xlen == Xlen::Rv32), targets_(targets), block_(block) {}

    void emitEntryCheck();
    void emitEntryCount(RecentBlocks* recent);
    void emitInstruction(const DecodedInstruction& d, std::uint64_t pc, bool last);
    void finish();

private:
    struct SlowPath {
        Label entry;
        Label resume;
        const InstructionSite* site;
        std::size_t span;
    };

    [[nodiscard]] x86::Gp w(const x86::Gp& reg) const {
        return rv32_ ? x86::Gp(reg.r32()) : x86::Gp(reg.r64());
    }
    [[nodiscard]] x86::Mem slot(unsigned index) const {
        return rv32_ ? x86::dword_ptr(kState, registerOffset(index)) : x86::qword_ptr(kState, registerOffset(index));
    }
    [[nodiscard]] std::uint64_t truncate(std::uint64_t value) const {
        return rv32_ ? static_cast<std::uint32_t>(value) : value;
    }
    void load(const x86::Gp& dst, unsigned index);
    void store(unsigned index, const x86::Gp& src);
    void storeConstant(unsigned index, std::uint64_t value);
    void storePc(std::uint64_t pc);
    void jumpToEpilogue() { a_.jmp(Imm(targets_.epilogue)); }

    const InstructionSite* makeSite(const DecodedInstruction& d, std::uint64_t pc);
    void callHelper(const InstructionSite* site);
    void emitChainableExit(std::uint64_t targetPc);
    void emitUnchainedExit();

    bool emitAlu(const DecodedInstruction& d, std::uint64_t pc);
    bool emitMultiply(const DecodedInstruction& d);
    void emitShiftByRegister(const DecodedInstruction& d);
    void emitSetCompare(const DecodedInstruction& d);
    void emitLoad(const DecodedInstruction& d, std::uint64_t pc);
    void emitStore(const DecodedInstruction& d, std::uint64_t pc);
    void emitAddressIntoRcx(const DecodedInstruction& d, Label slow);
    [[nodiscard]] x86::Mem emitHostAddress(const DecodedInstruction& d, Label slow, bool isStore);
    void emitTlbProbeIntoRcx(const DecodedInstruction& d, Label slow, bool isStore);
    void emitBranch(const DecodedInstruction& d, std::uint64_t pc);
    void emitJalr(const DecodedInstruction& d, std::uint64_t pc);
    void emitThroughInterpreter(const DecodedInstruction& d, std::uint64_t pc, bool last);

    x86::Assembler a_;
    asmjit::CodeHolder& code_;
    bool rv32_;
    const TranslationTargets& targets_;
    TranslatedBlock& block_;
    Label refuse_;
    Label leave_;  // the helper already set pc: return to the dispatcher
    std::vector<SlowPath> slowPaths_;
    bool ended_ = false;
};

void BlockEmitter::load(const x86::Gp& dst, unsigned index) {
    if (index == 0) {
        a_.xor_(dst.r32(), dst.r32());
    } else {
        a_.mov(w(dst), slot(index));
    }
}

void BlockEmitter::store(unsigned index, const x86::Gp& src) {
    if (index != 0) a_.mov(x86::qword_ptr(kState, registerOffset(index)), src.r64());
}

void BlockEmitter::storeConstant(unsigned index, std::uint64_t value) {
    if (index == 0) return;
    a_.mov(x86::rax, Imm(truncate(value)));
    store(index, x86::rax);
}

void BlockEmitter::storePc(std::uint64_t pc) {
    a_.mov(x86::rax, Imm(truncate(pc)));
    a_.mov(x86::qword_ptr(kState, kPcOffset), x86::rax);
}

void BlockEmitter::emitEntryCheck() {
    // Charge the whole block up front; if that would pass the next event,
    // run nothing and let the dispatcher step up to the event exactly.
    refuse_ = a_.newLabel();
    leave_ = a_.newLabel();
    a_.mov(x86::rax, x86::qword_ptr(kState, kRetiredOffset));
    a_.add(x86::rax, Imm(block_.instructionCount));
    a_.cmp(x86::rax, x86::qword_ptr(kState, kEventAtOffset));
    a_.ja(refuse_);
    a_.mov(x86::qword_ptr(kState, kRetiredOffset), x86::rax);
}

void BlockEmitter::emitEntryCount(RecentBlocks* recent) {
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

void BlockEmitter::emitChainableExit(std::uint64_t targetPc) {
    if (block_.exitCount == block_.exits.size()) throw std::logic_error("a block has at most two exits");
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
    jumpToEpilogue();
    exit.jumpOffset = static_cast<std::uint32_t>(code_.labelOffset(jump));
    exit.unchainedOffset = static_cast<std::uint32_t>(code_.labelOffset(unchained));
}

void BlockEmitter::emitUnchainedExit() { a_.jmp(leave_); }

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
        storeConstant(d.rd, pc + d.length);
        emitChainableExit(pc + d.imm);
        ended_ = true;
    } else if (d.opcode == Opcode::Jalr) {
        emitJalr(d, pc);
    } else if (info.format == OperandFormat::Branch) {
        emitBranch(d, pc);
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
    const x86::Gp rax = w(x86::rax);
    const Imm imm(d.imm);
    auto binary = [&](auto op) {
        load(x86::rax, d.rs1);
        op(rax, slot(d.rs2));
        store(d.rd, x86::rax);
    };
    auto immediate = [&](auto op) {
        load(x86::rax, d.rs1);
        op(rax, imm);
        store(d.rd, x86::rax);
    };
    // The W forms compute on 32 bits and sign-extend the result (unprivileged ISA 5.2).
    auto word = [&](auto op) {
        load(x86::rax, d.rs1);
        op();
        a_.movsxd(x86::rax, x86::eax);
        store(d.rd, x86::rax);
    };
    switch (d.opcode) {
    case Opcode::Lui: storeConstant(d.rd, static_cast<std::uint64_t>(d.imm)); return true;
    case Opcode::Auipc: storeConstant(d.rd, pc + static_cast<std::uint64_t>(d.imm)); return true;
    case Opcode::Add: binary([&](auto r, auto m) { a_.add(r, m); }); return true;
    case Opcode::Sub: binary([&](auto r, auto m) { a_.sub(r, m); }); return true;
    case Opcode::And: binary([&](auto r, auto m) { a_.and_(r, m); }); return true;
    case Opcode::Or: binary([&](auto r, auto m) { a_.or_(r, m); }); return true;
    case Opcode::Xor: binary([&](auto r, auto m) { a_.xor_(r, m); }); return true;
    case Opcode::Addi: immediate([&](auto r, auto i) { a_.add(r, i); }); return true;
    case Opcode::Andi: immediate([&](auto r, auto i) { a_.and_(r, i); }); return true;
    case Opcode::Ori: immediate([&](auto r, auto i) { a_.or_(r, i); }); return true;
    case Opcode::Xori: immediate([&](auto r, auto i) { a_.xor_(r, i); }); return true;
    case Opcode::Slli: immediate([&](auto r, auto i) { a_.shl(r, i); }); return true;
    case Opcode::Srli: immediate([&](auto r, auto i) { a_.shr(r, i); }); return true;
    case Opcode::Srai: immediate([&](auto r, auto i) { a_.sar(r, i); }); return true;
    case Opcode::Sll: case Opcode::Srl: case Opcode::Sra:
    case Opcode::Sllw: case Opcode::Srlw: case Opcode::Sraw: emitShiftByRegister(d); return true;
    case Opcode::Slt: case Opcode::Sltu: case Opcode::Slti: case Opcode::Sltiu: emitSetCompare(d); return true;
    case Opcode::Addw: word([&] { a_.add(x86::eax, x86::dword_ptr(kState, registerOffset(d.rs2))); }); return true;
    case Opcode::Subw: word([&] { a_.sub(x86::eax, x86::dword_ptr(kState, registerOffset(d.rs2))); }); return true;
    case Opcode::Addiw: word([&] { a_.add(x86::eax, imm); }); return true;
    case Opcode::Slliw: word([&] { a_.shl(x86::eax, imm); }); return true;
    case Opcode::Srliw: word([&] { a_.shr(x86::eax, imm); }); return true;
    case Opcode::Sraiw: word([&] { a_.sar(x86::eax, imm); }); return true;
    default: return false;
    }
}

void BlockEmitter::emitShiftByRegister(const DecodedInstruction& d) {
    // x86 masks the count to 5 or 6 bits exactly as RISC-V does.
    const bool wordOp = d.opcode == Opcode::Sllw || d.opcode == Opcode::Srlw || d.opcode == Opcode::Sraw;
    const x86::Gp value = wordOp ? x86::Gp(x86::eax) : w(x86::rax);
    load(x86::rax, d.rs1);
    load(x86::rcx, d.rs2);
    switch (d.opcode) {
    case Opcode::Sll: case Opcode::Sllw: a_.shl(value, x86::cl); break;
    case Opcode::Srl: case Opcode::Srlw: a_.shr(value, x86::cl); break;
    default: a_.sar(value, x86::cl); break;
    }
    if (wordOp) a_.movsxd(x86::rax, x86::eax);
    store(d.rd, x86::rax);
}

void BlockEmitter::emitSetCompare(const DecodedInstruction& d) {
    load(x86::rax, d.rs1);
    if (d.opcode == Opcode::Slt || d.opcode == Opcode::Sltu) {
        a_.cmp(w(x86::rax), slot(d.rs2));
    } else {
        a_.cmp(w(x86::rax), Imm(d.imm));
    }
    if (d.opcode == Opcode::Slt || d.opcode == Opcode::Slti) {
        a_.setl(x86::al);
    } else {
        a_.setb(x86::al);
    }
    a_.movzx(x86::eax, x86::al);
    store(d.rd, x86::rax);
}

bool BlockEmitter::emitMultiply(const DecodedInstruction& d) {
    switch (d.opcode) {
    case Opcode::Mul:
        load(x86::rax, d.rs1);
        a_.imul(w(x86::rax), slot(d.rs2));
        store(d.rd, x86::rax);
        return true;
    case Opcode::Mulw:
        load(x86::rax, d.rs1);
        a_.imul(x86::eax, x86::dword_ptr(kState, registerOffset(d.rs2)));
        a_.movsxd(x86::rax, x86::eax);
        store(d.rd, x86::rax);
        return true;
    case Opcode::Mulh: case Opcode::Mulhu: case Opcode::Mulhsu: break;
    default: return false;
    }
    if (rv32_) {
        // The whole 64-bit product of two 32-bit values fits in one register.
        auto operand = [&](const x86::Gp& dst, unsigned index, bool isSigned) {
            if (index == 0) {
                a_.xor_(dst.r32(), dst.r32());
            } else if (isSigned) {
                a_.movsxd(dst, x86::dword_ptr(kState, registerOffset(index)));
            } else {
                a_.mov(dst.r32(), x86::dword_ptr(kState, registerOffset(index)));
            }
        };
        operand(x86::rax, d.rs1, d.opcode != Opcode::Mulhu);
        operand(x86::rcx, d.rs2, d.opcode == Opcode::Mulh);
        a_.imul(x86::rax, x86::rcx);
        a_.shr(x86::rax, Imm(32));
        store(d.rd, x86::rax);
        return true;
    }
    load(x86::rax, d.rs1);
    load(x86::rcx, d.rs2);
    if (d.opcode == Opcode::Mulh) {
        a_.imul(x86::rcx);
    } else {
        a_.mul(x86::rcx);
    }
    if (d.opcode == Opcode::Mulhsu) {
        // signed(a) * unsigned(b): the unsigned high half, minus b when a < 0.
        load(x86::rax, d.rs1);
        a_.sar(x86::rax, Imm(63));
        a_.and_(x86::rax, x86::rcx);
        a_.sub(x86::rdx, x86::rax);
    }
    store(d.rd, x86::rdx);
    return true;
}

void BlockEmitter::emitAddressIntoRcx(const DecodedInstruction& d, Label slow) {
    // rax = guest address; rcx = its offset into RAM, when the whole access
    // (up to 8 bytes) lies inside RAM. Anything else goes to the slow path,
    // so guest code can never reach host memory outside its RAM.
    load(x86::rax, d.rs1);
    if (d.imm != 0) a_.add(w(x86::rax), Imm(d.imm));
    a_.mov(x86::rcx, x86::rax);
    a_.sub(x86::rcx, kRamBase);
    a_.cmp(x86::rcx, kRamLimit);
    a_.ja(slow);
}

void BlockEmitter::emitTlbProbeIntoRcx(const DecodedInstruction& d, Label slow, bool isStore) {
    // rcx = the host address of the access, when the data TLB of the current
    // context maps its page for this kind of access. The tag compare keeps
    // the low bits the access size must leave clear, so a misaligned access
    // (which might cross into another page) misses as well.
    const unsigned size = d.info().accessBytes;
    load(x86::rax, d.rs1);
    if (d.imm != 0) a_.add(w(x86::rax), Imm(d.imm));
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

x86::Mem BlockEmitter::emitHostAddress(const DecodedInstruction& d, Label slow, bool isStore) {
    // A memory operand for the access, after the checks that send anything
    // but plain RAM to the slow path: guest code never reaches host memory
    // outside its RAM.
    const unsigned size = d.info().accessBytes;
    if (block_.key.dataTranslated) {
        emitTlbProbeIntoRcx(d, slow, isStore);
        if (isStore) {
            // The page is RAM and the access within it; stores into watched
            // pages (translated code, HTIF) still take the slow path.
            a_.mov(x86::rdx, x86::rcx);
            a_.sub(x86::rdx, kRamHost);
            a_.shr(x86::rdx, Imm(Ram::kPageShift));
            a_.cmp(x86::byte_ptr(kWatchFlags, x86::rdx), Imm(0));
            a_.jne(slow);
        }
        return x86::ptr(x86::rcx, 0, size);
    }
    emitAddressIntoRcx(d, slow);
    if (isStore) {
        // Check the first and the last byte: a misaligned store may span two pages.
        a_.mov(x86::rdx, x86::rcx);
        a_.shr(x86::rdx, Imm(Ram::kPageShift));
        a_.cmp(x86::byte_ptr(kWatchFlags, x86::rdx), Imm(0));
        a_.jne(slow);
        if (size > 1) {
            a_.lea(x86::rdx, x86::ptr(x86::rcx, static_cast<std::int32_t>(size - 1)));
            a_.shr(x86::rdx, Imm(Ram::kPageShift));
            a_.cmp(x86::byte_ptr(kWatchFlags, x86::rdx), Imm(0));
            a_.jne(slow);
        }
    }
    return x86::ptr(kRamHost, x86::rcx, 0, 0, size);
}

void BlockEmitter::emitLoad(const DecodedInstruction& d, std::uint64_t pc) {
    SlowPath slow{a_.newLabel(), a_.newLabel(), makeSite(d, pc), block_.spans.size() - 1};
    x86::Mem memory = emitHostAddress(d, slow.entry, false);
    memory.setSize(1);
    const x86::Mem byte = memory;
    memory.setSize(2);
    const x86::Mem half = memory;
    memory.setSize(4);
    const x86::Mem wordMem = memory;
    memory.setSize(8);
    const x86::Mem quad = memory;
    const x86::Gp dst = w(x86::rax);
    switch (d.opcode) {
    case Opcode::Lb: a_.movsx(dst, byte); break;
    case Opcode::Lbu: a_.movzx(x86::eax, byte); break;
    case Opcode::Lh: a_.movsx(dst, half); break;
    case Opcode::Lhu: a_.movzx(x86::eax, half); break;
    case Opcode::Lw:
        if (rv32_) {
            a_.mov(x86::eax, wordMem);
        } else {
            a_.movsxd(x86::rax, wordMem);
        }
        break;
    case Opcode::Lwu: a_.mov(x86::eax, wordMem); break;
    default: a_.mov(x86::rax, quad); break;
    }
    store(d.rd, x86::rax);
    a_.bind(slow.resume);
    slowPaths_.push_back(slow);
}

void BlockEmitter::emitStore(const DecodedInstruction& d, std::uint64_t pc) {
    SlowPath slow{a_.newLabel(), a_.newLabel(), makeSite(d, pc), block_.spans.size() - 1};
    const x86::Mem memory = emitHostAddress(d, slow.entry, true);
    load(x86::rax, d.rs2);
    switch (d.info().accessBytes) {
    case 1: a_.mov(memory, x86::al); break;
    case 2: a_.mov(memory, x86::ax); break;
    case 4: a_.mov(memory, x86::eax); break;
    default: a_.mov(memory, x86::rax); break;
    }
    a_.bind(slow.resume);
    slowPaths_.push_back(slow);
}

void BlockEmitter::emitBranch(const DecodedInstruction& d, std::uint64_t pc) {
    const Label taken = a_.newLabel();
    load(x86::rax, d.rs1);
    if (d.rs2 == 0) {
        a_.test(w(x86::rax), w(x86::rax));
    } else {
        a_.cmp(w(x86::rax), slot(d.rs2));
    }
    switch (d.opcode) {
    case Opcode::Beq: a_.je(taken); break;
    case Opcode::Bne: a_.jne(taken); break;
    case Opcode::Blt: a_.jl(taken); break;
    case Opcode::Bge: a_.jge(taken); break;
    case Opcode::Bltu: a_.jb(taken); break;
    default: a_.jae(taken); break;
    }
    emitChainableExit(pc + d.length);
    a_.bind(taken);
    emitChainableExit(pc + d.imm);
    ended_ = true;
}

void BlockEmitter::emitJalr(const DecodedInstruction& d, std::uint64_t pc) {
    // Target first: rd may be rs1.
    load(x86::rax, d.rs1);
    if (d.imm != 0) a_.add(w(x86::rax), Imm(d.imm));
    a_.and_(w(x86::rax), Imm(-2));
    if (d.rd != 0) {
        a_.mov(x86::rcx, Imm(truncate(pc + d.length)));
        store(d.rd, x86::rcx);
    }
    a_.mov(x86::qword_ptr(kState, kPcOffset), x86::rax);
    // Probe the jump cache; a hit, made under the same translation context,
    // jumps straight into the target block, whose entry check still guards
    // the budget.
    const Label miss = a_.newLabel();
    a_.mov(x86::ecx, x86::eax);
    a_.shr(x86::ecx, Imm(1));
    a_.and_(x86::ecx, Imm((1u << TranslationCache::kJumpCacheBits) - 1));
    a_.shl(x86::ecx, Imm(5));  // sizeof(JumpCacheEntry)
    a_.cmp(x86::qword_ptr(kJumpCache, x86::rcx), x86::rax);
    a_.jne(miss);
    a_.mov(x86::rdx, x86::qword_ptr(kState, kContextOffset));
    a_.cmp(x86::qword_ptr(kJumpCache, x86::rcx, 0, static_cast<std::int32_t>(offsetof(JumpCacheEntry, context))), x86::rdx);
    a_.jne(miss);
    a_.jmp(x86::qword_ptr(kJumpCache, x86::rcx, 0, static_cast<std::int32_t>(offsetof(JumpCacheEntry, hostEntry))));
    a_.bind(miss);
    emitUnchainedExit();
    ended_ = true;
}

void BlockEmitter::emitThroughInterpreter(const DecodedInstruction& d, std::uint64_t pc, bool last) {
    callHelper(makeSite(d, pc));
    a_.test(x86::eax, x86::eax);
    a_.jnz(leave_);
    // Instructions that always leave (ecall, mret, ...) never fall through.
    if (d.info().has(kEndsBlock) && !last) throw std::logic_error("a block-ending instruction must be last");
}

void BlockEmitter::finish() {
    for (const SlowPath& slow : slowPaths_) {
        InstructionSpan& span = block_.spans[slow.span];
        span.slowPathBegin = static_cast<std::uint32_t>(a_.offset());
        a_.bind(slow.entry);
        callHelper(slow.site);
        a_.test(x86::eax, x86::eax);
        a_.jnz(leave_);
        a_.jmp(slow.resume);
        span.slowPathEnd = static_cast<std::uint32_t>(a_.offset());
    }
    a_.bind(refuse_);
    storePc(block_.guestPc);
    a_.bind(leave_);
    a_.xor_(x86::eax, x86::eax);
    jumpToEpilogue();
}

}  // namespace

BlockTranslator::BlockTranslator(Xlen xlen, Bus& bus, TranslationCache& cache, const Breakpoints& breakpoints,
                                 TranslationTargets targets)
    : xlen_(xlen), bus_(bus), cache_(cache), breakpoints_(breakpoints), targets_(targets) {}

std::vector<BlockTranslator::GuestInstruction> BlockTranslator::readBlock(const BlockKey& key) const {
    // A block stays inside the page it starts in, so that one translation
    // of its pc covers all of it; an instruction straddling the page end is
    // left to the interpreter.
    std::vector<GuestInstruction> instructions;
    std::uint64_t pc = key.pc;
    std::uint64_t physical = key.physical;
    const std::uint64_t pageEnd = (physical | (kPageSize - 1)) + 1;
    while (instructions.size() < kMaxInstructions && physical + 2 <= pageEnd &&
           (instructions.empty() || !breakpoints_.contains(pc))) {
        std::uint32_t low = 0;
        std::uint32_t high = 0;
        if (!bus_.fetch(physical, 2, low)) break;
        const bool wide = instructionLength(static_cast<std::uint16_t>(low)) == 4;
        if (wide && (physical + 4 > pageEnd || !bus_.fetch(physical + 2, 2, high))) break;
        const DecodedInstruction decoded = decode(low | (high << 16), xlen_);
        instructions.push_back(GuestInstruction{decoded, pc});
        if (decoded.info().has(kEndsBlock)) break;
        pc += decoded.length;
        physical += decoded.length;
        if (xlen_ == Xlen::Rv32) pc = static_cast<std::uint32_t>(pc);
    }
    return instructions;
}

TranslatedBlock* BlockTranslator::translate(const BlockKey& key) {
    const std::vector<GuestInstruction> instructions = readBlock(key);
    if (instructions.empty()) return nullptr;

    auto block = std::make_unique<TranslatedBlock>();
    block->key = key;
    block->guestPc = key.pc;
    block->guestEnd = instructions.back().pc + instructions.back().decoded.length;
    block->physicalEnd = key.physical + (block->guestEnd - key.pc);
    block->instructionCount = static_cast<std::uint32_t>(instructions.size());

    asmjit::CodeHolder code;
    code.init(asmjit::Environment::host());
    BlockEmitter emitter(code, xlen_, targets_, *block);
    emitter.emitEntryCheck();
    emitter.emitEntryCount(recent_);
    for (std::size_t i = 0; i < instructions.size(); ++i) {
        emitter.emitInstruction(instructions[i].decoded, instructions[i].pc, i + 1 == instructions.size());
    }
    emitter.finish();

    code.flatten();
    code.resolveUnresolvedLinks();
    const std::size_t size = code.codeSize();
    const std::uint64_t offset = cache_.reserve(size);
    code.relocateToBase(cache_.arena().executableAddress(offset));
    code.copyFlattenedData(cache_.arena().writable(offset), size);
    block->hostOffset = offset;
    block->hostSize = static_cast<std::uint32_t>(size);
    return &cache_.insert(std::move(block));
}

}  // namespace glasshart
