#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "isa/Instruction.h"

namespace glasshart {

struct TranslatedBlock;

// What a block's code depends on besides the guest bytes: where it is in the
// guest's virtual and physical address spaces, and whether fetches and data
// accesses were translated by the MMU when it was made.
struct BlockKey {
    std::uint64_t pc = 0;        // virtual
    std::uint64_t physical = 0;  // where its bytes are
    bool dataTranslated = false;   // loads and stores probe the TLB rather than RAM bounds
    bool fetchTranslated = false;  // successors in other pages may be mapped elsewhere

    [[nodiscard]] bool sameMode(const BlockKey& other) const {
        return dataTranslated == other.dataTranslated && fetchTranslated == other.fetchTranslated;
    }
    bool operator==(const BlockKey&) const = default;
};

struct BlockKeyHash {
    std::size_t operator()(const BlockKey& key) const {
        return std::hash<std::uint64_t>{}(key.pc * 31 + key.physical) ^ (key.dataTranslated ? 2u : 0u) ^
               (key.fetchTranslated ? 1u : 0u);
    }
};

// What a helper called from translated code needs to know about the guest
// instruction it stands in for. Lives as long as its block (until a flush).
struct InstructionSite {
    DecodedInstruction instruction;
    std::uint64_t pc;
    std::uint32_t index;       // position in the block
    std::uint32_t blockLength; // instructions in the block
};

// For the trace viewer: which host bytes one guest instruction became.
// Offsets are relative to the block's entry; the slow path (if any) lies out
// of line, after the block's main body.
struct InstructionSpan {
    std::uint64_t guestPc;
    std::uint32_t hostBegin;
    std::uint32_t hostEnd;
    std::uint32_t slowPathBegin = 0;  // equal to slowPathEnd when there is none
    std::uint32_t slowPathEnd = 0;
    std::uint32_t sideExitBegin = 0;  // a branch within the block: its taken way, out of line
    std::uint32_t sideExitEnd = 0;
};

// A guest register the block's code keeps in a host register (the rest it
// reads and writes in HartState).
struct RegisterHome {
    std::uint8_t guest;
    std::string_view host;  // the x86-64 register's name
    bool resident;          // kept there from block to block, not only in this one
};

// A block exit that can be patched to jump straight to its successor.
// The exit is a `jmp rel32` that first points at the code right after it,
// which stores the target pc and returns to the dispatcher.
struct ExitSlot {
    TranslatedBlock* owner = nullptr;
    std::uint64_t targetPc = 0;
    std::uint32_t jumpOffset = 0;   // of the jmp instruction, from the block's entry
    std::uint32_t unchainedOffset = 0;  // where the jmp points while unchained
    TranslatedBlock* chainedTo = nullptr;
};

struct TranslatedBlock {
    BlockKey key;
    std::uint64_t guestPc = 0;   // the same as key.pc
    std::uint64_t guestEnd = 0;  // one past the last guest byte, virtually
    std::uint64_t physicalEnd = 0;  // the same, physically: blocks never cross a page
    std::uint32_t instructionCount = 0;
    std::uint64_t hostOffset = 0;  // of the entry, in the code arena
    std::uint32_t hostSize = 0;
    std::uint64_t translationSerial = 0;  // n-th block translated since start: its age
    std::uint64_t executions = 0;         // entries, counted by the block's own code while profiling
    bool valid = true;
    std::vector<InstructionSpan> spans;
    // Successors: one for each side exit and two for the last instruction
    // (a branch's two ways, or a call's callee and return address). Slots
    // never move, since chained exits and incoming lists point at them.
    std::array<ExitSlot, 4> exits{};
    std::uint8_t exitCount = 0;
    std::vector<std::unique_ptr<InstructionSite>> sites;
    std::vector<ExitSlot*> incoming;  // exits of other blocks chained to this one
    std::vector<RegisterHome> registerHomes;
};

}  // namespace glasshart
