#include "dbt/BlockTranslator.h"

#include <asmjit/x86.h>

#include <algorithm>
#include <chrono>

#include "dbt/BlockEmitter.h"
#include "isa/Decoder.h"
#include "mmu/PagingMode.h"

namespace glasshart {

BlockTranslator::BlockTranslator(Xlen xlen, Bus& bus, TranslationCache& cache, const Breakpoints& breakpoints,
                                 TranslationTargets targets)
    : xlen_(xlen), bus_(bus), cache_(cache), breakpoints_(breakpoints), targets_(targets) {}

bool BlockTranslator::mayGoOnPast(const GuestInstruction& last, std::uint64_t start, unsigned sideExits) const {
    // Past a conditional branch, while the block has side exits to spare,
    // unless it jumps back to the block's start: that ends a loop's block.
    // Only while chaining: otherwise whoever watches the dispatcher sees
    // basic blocks, as the interpreter reports them.
    return policy_.chaining && sideExits < kMaxSideExits && last.decoded.info().format == OperandFormat::Branch &&
           jumpTarget(last, xlen_) != start;
}

GuestBlock BlockTranslator::readBlock(const BlockKey& key) const {
    // A block stays inside the page it starts in, so that one translation
    // of its pc covers all of it; an instruction straddling the page end is
    // left to the interpreter.
    GuestBlock instructions;
    unsigned sideExits = 0;
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
        if (decoded.info().has(kEndsBlock)) {
            if (!mayGoOnPast(instructions.back(), key.pc, sideExits)) break;
            ++sideExits;
        }
        pc += decoded.length;
        physical += decoded.length;
        if (xlen_ == Xlen::Rv32) pc = static_cast<std::uint32_t>(pc);
    }
    if (!instructions.empty() && !jumpsBack(instructions, xlen_)) endAtBackwardBranch(instructions);
    return instructions;
}

void BlockTranslator::endAtBackwardBranch(GuestBlock& instructions) {
    // Unless the block turned out to be a loop's body, it keeps no code past
    // a backward branch: that is mostly some loop's way back, taken, and
    // the code after it runs once per loop, not once per turn.
    const auto backward = std::find_if(instructions.begin(), instructions.end(), [](const GuestInstruction& i) {
        return i.decoded.info().format == OperandFormat::Branch && i.decoded.imm < 0;
    });
    if (backward != instructions.end()) instructions.erase(backward + 1, instructions.end());
}

TranslatedBlock* BlockTranslator::translate(const BlockKey& key) {
    const auto started = std::chrono::steady_clock::now();
    const GuestBlock instructions = readBlock(key);
    if (instructions.empty()) return nullptr;

    auto block = std::make_unique<TranslatedBlock>();
    block->key = key;
    block->guestPc = key.pc;
    block->guestEnd = instructions.back().pc + instructions.back().decoded.length;
    block->physicalEnd = key.physical + (block->guestEnd - key.pc);
    block->instructionCount = static_cast<std::uint32_t>(instructions.size());

    asmjit::CodeHolder code;
    code.init(asmjit::Environment::host());
    BlockEmitter(code, xlen_, bus_.ram(), targets_, policy_, instructions, *block).emit();

    code.flatten();
    code.resolveUnresolvedLinks();
    const std::size_t size = code.codeSize();
    const std::uint64_t offset = cache_.reserve(size);
    code.relocateToBase(cache_.arena().executableAddress(offset));
    code.copyFlattenedData(cache_.arena().writable(offset), size);
    block->hostOffset = offset;
    block->hostSize = static_cast<std::uint32_t>(size);
    TranslatedBlock& inserted = cache_.insert(std::move(block));
    cache_.addTranslationTime(std::chrono::steady_clock::now() - started);
    return &inserted;
}

}  // namespace glasshart
