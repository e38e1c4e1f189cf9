#pragma once

#include <cstdint>

#include "hart/Trap.h"

namespace glasshart {

class Machine;

// What the run loop does after a user-mode environment serviced a trap.
struct TrapOutcome {
    enum class Kind : std::uint8_t {
        Resume,        // go on at the pc the environment left
        Exit,          // the program ended with `exitCode`
        WaitForInput,  // the program waits for input; running it again retries the trapping instruction
    };
    Kind kind = Kind::Resume;
    int exitCode = 0;
};

// Stands in for an operating system kernel when a Machine runs one
// user-mode program (Platform::UserMode): it lays the program out and
// services the traps it raises: system calls, faults, illegal instructions.
class UserEnvironment {
public:
    virtual ~UserEnvironment() = default;

    // Places the program in the machine's RAM and sets the hart up to run it
    // in U-mode. Called when the machine loads it and on every reset, with
    // RAM cleared and the hart reset. Throws ElfError if it does not fit.
    virtual void start(Machine& machine) = 0;

    // Services a trap the program raised; pc still points at the trapping
    // instruction.
    virtual TrapOutcome handleTrap(Machine& machine, const Trap& trap) = 0;
};

}  // namespace glasshart
