#pragma once

#include <asmjit/x86.h>

#include <cstdint>
#include <vector>

#include "dbt/EmitPolicy.h"
#include "dbt/GuestBlock.h"
#include "dbt/RegisterAllocation.h"
#include "dbt/TranslatedBlock.h"

namespace glasshart {

class Ram;

// Emits the x86-64 for one block (see BlockTranslator.h for the register
// conventions). Guest values are computed at XLEN width: 32-bit x86
// operations zero-extend, so RV32 registers stay zero-extended in their
// 64-bit slots and host registers.
class BlockEmitter {
public:
    BlockEmitter(asmjit::CodeHolder& code, Xlen xlen, const Ram& ram, const TranslationTargets& targets,
                 const EmitPolicy& policy, const GuestBlock& instructions, TranslatedBlock& block);

    // Emits the whole block into the code holder.
    void emit();

private:
    using Gp = asmjit::x86::Gp;
    using Mem = asmjit::x86::Mem;
    using Label = asmjit::Label;

    // Out-of-line code sees the registers as the inline code left them.
    struct RegisterState {
        RegisterAllocation allocation;
        RegisterMask dirty;  // cached registers changed so far
    };

    struct SlowPath {
        Label entry;
        Label resume;
        const InstructionSite* site;
        std::size_t span;
        RegisterState registers;
    };

    // The taken way of a branch within the block, emitted out of line.
    struct SideExit {
        Label entry;
        std::uint64_t targetPc;
        std::size_t span;
        RegisterState registers;
        std::uint32_t notRetired;  // the block's instructions after the branch
    };

    // Sizes and places.
    [[nodiscard]] Gp w(const Gp& reg) const;
    [[nodiscard]] Mem slot(unsigned index) const;
    [[nodiscard]] std::uint64_t truncate(std::uint64_t value) const;

    // Guest registers, wherever this block keeps them.
    [[nodiscard]] asmjit::Operand source(unsigned index, bool word = false) const;
    [[nodiscard]] Gp read(unsigned index, const Gp& scratch);
    [[nodiscard]] Gp resultRegister(unsigned rd, const Gp& scratch) const;
    void moveInto(const Gp& dst, unsigned index);
    void write(unsigned rd, const Gp& value);
    void writeConstant(unsigned rd, std::uint64_t value);
    void loadCached(RegisterMask mask);
    void storeCached(RegisterMask mask);
    [[nodiscard]] RegisterState registerState() const { return {registers_, dirty_}; }
    void restore(const RegisterState& state);
    [[nodiscard]] RegisterAllocation allocateSegment(std::size_t first) const;
    void startSegment(std::size_t first);
    void recordHomes();

    void emitEntry();
    void emitEntryCount();
    void emitBudgetCheck(Label exceeded);
    void emitRefund();
    void emitInstruction(const DecodedInstruction& d, std::uint64_t pc, bool last);
    void finish();

    void storePc(std::uint64_t pc);
    const InstructionSite* makeSite(const DecodedInstruction& d, std::uint64_t pc);
    void callHelper(const InstructionSite* site);
    void emitHelperCall(const InstructionSite* site);
    void emitJumpTo(std::uint64_t targetPc);
    void emitChainableExit(std::uint64_t targetPc);
    void emitCall(std::uint64_t returnPc);
    void emitReturn();
    void emitLoopBack();

    bool emitAlu(const DecodedInstruction& d, std::uint64_t pc);
    void emitBinary(asmjit::InstId op, const DecodedInstruction& d, const asmjit::Operand& rhs);
    void emitCommutative(asmjit::InstId op, const DecodedInstruction& d);
    void emitWord(asmjit::InstId op, const DecodedInstruction& d, const asmjit::Operand& rhs);
    bool emitMultiply(const DecodedInstruction& d);
    void emitMultiplyHigh(const DecodedInstruction& d);
    void emitShiftByRegister(const DecodedInstruction& d);
    void emitSetCompare(const DecodedInstruction& d);
    void emitLoad(const DecodedInstruction& d, std::uint64_t pc);
    void emitStore(const DecodedInstruction& d, std::uint64_t pc);
    [[nodiscard]] Mem emitHostAddress(const DecodedInstruction& d, Label slow, bool isStore);
    void emitPhysicalAddressIntoRcx(const DecodedInstruction& d, Label slow);
    void emitWithConstant(asmjit::InstId op, std::uint64_t value);
    void emitTlbProbeIntoRcx(const DecodedInstruction& d, Label slow, bool isStore);
    void emitBranch(const DecodedInstruction& d, std::uint64_t pc, bool last);
    void emitSideExit(const SideExit& exit);
    void emitJalr(const DecodedInstruction& d, std::uint64_t pc);
    void emitThroughInterpreter(const DecodedInstruction& d, std::uint64_t pc, bool last);

    asmjit::x86::Assembler a_;
    asmjit::CodeHolder& code_;
    bool rv32_;
    std::uint64_t ramBase_;
    std::uint64_t ramLimit_;  // the largest RAM offset an inline access may start at
    const TranslationTargets& targets_;
    const EmitPolicy& policy_;
    const GuestBlock& instructions_;
    TranslatedBlock& block_;
    bool loopsInPlace_;
    RegisterAllocation registers_;
    RegisterMask dirty_ = 0;  // cached registers whose HartState slot may be stale
    Label refuse_;
    Label loopHead_;
    Label leave_;  // a helper already set pc: return to the dispatcher
    std::vector<SlowPath> slowPaths_;
    std::vector<SideExit> sideExits_;
    bool ended_ = false;
};

}  // namespace glasshart
