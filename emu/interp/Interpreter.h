#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "hart/Hart.h"
#include "isa/Instruction.h"
#include "machine/Breakpoints.h"
#include "mem/Bus.h"

namespace glasshart {

enum class Completion : std::uint8_t {
    Retired,  // the instruction completed; pc points at the next one
    Trapped,  // the instruction raised an exception; the trap has been entered
};

// The reference interpreter: exact, one instruction at a time. It is the
// oracle the translator is tested against, the engine behind single-step,
// and the translator's slow path for everything it does not emit inline.
// Told about each block of guest code as it finishes executing: its first
// pc and how many instructions retired in it.
using BlockObserver = std::function<void(std::uint64_t pc, std::uint32_t instructions)>;

class Interpreter {
public:
    // Blocks end where the translator's would: after a block-ending
    // instruction, a trap, a page boundary or kMaxBlockInstructions.
    static constexpr std::uint32_t kMaxBlockInstructions = 64;

    Interpreter(Hart& hart, Bus& bus, const Breakpoints& breakpoints)
        : hart_(hart), bus_(bus), breakpoints_(breakpoints) {}

    // Fetches and decodes the instruction at pc. On a fetch fault, raises it
    // and returns nullopt.
    [[nodiscard]] std::optional<DecodedInstruction> fetch();

    // Executes an instruction that sits at state().pc. Neither outcome
    // touches the retired count: the caller accounts for it.
    Completion execute(const DecodedInstruction& instruction);

    // fetch() + execute(), counting the instruction if it retires.
    Completion step();

    // Steps until `retired` reaches `eventAt`, the hart starts waiting, or
    // the next instruction is at a breakpoint.
    void run();
    void setBlockObserver(BlockObserver observer) { blockObserver_ = std::move(observer); }
    // Whether run() would execute another instruction now.
    [[nodiscard]] bool mayContinue() const;

    // True once a fetch fault sent the hart to a trap vector that cannot be
    // fetched either: the hart would fault forever ("jumped to nothing").
    [[nodiscard]] bool lockedUp() const { return lockedUp_; }
    void clearLockup() { lockedUp_ = false; }

private:
    template <typename UX>
    Completion executeAs(const DecodedInstruction& instruction);
    template <typename UX>
    Completion executeAtomic(const DecodedInstruction& instruction, UX address);
    template <typename UX>
    Completion executeCsr(const DecodedInstruction& instruction);
    Completion executeSystem(const DecodedInstruction& instruction);
    // F and D (FloatExecution.cpp).
    Completion executeFloat(const DecodedInstruction& instruction);
    Completion executeFloatLoad(const DecodedInstruction& instruction);
    Completion executeFloatStore(const DecodedInstruction& instruction);
    Completion raise(Exception cause, std::uint64_t value);
    // Data accesses as the executing instruction makes them. On failure the
    // trap has been raised and they return false.
    [[nodiscard]] bool readData(std::uint64_t address, unsigned size, std::uint64_t& value);
    [[nodiscard]] bool writeData(std::uint64_t address, unsigned size, std::uint64_t value);
    // The read half of an AMO, which faults as a store would.
    [[nodiscard]] bool readForUpdate(std::uint64_t address, unsigned size, std::uint64_t& value);
    // Where a data access goes physically: one place, or two when it
    // crosses into another page.
    struct DataLocation {
        std::uint64_t first;
        std::uint64_t second;
        unsigned firstBytes;  // bytes at `first`; the rest go to `second`
    };
    // The physical location of a data access, or nullopt with the fault raised.
    [[nodiscard]] std::optional<DataLocation> translateData(std::uint64_t address, unsigned size, AccessType access);
    [[nodiscard]] bool readPhysical(const DataLocation& location, unsigned size, std::uint64_t& value);
    // One 16-bit instruction parcel; false with the fault raised.
    [[nodiscard]] bool fetchParcel(std::uint64_t address, std::uint32_t& parcel);
    [[nodiscard]] bool canFetch(std::uint64_t address);
    Completion illegal(const DecodedInstruction& instruction);

    void runObserved();

    Hart& hart_;
    Bus& bus_;
    const Breakpoints& breakpoints_;
    bool lockedUp_ = false;
    BlockObserver blockObserver_;
};

}  // namespace glasshart
