#pragma once

#include <cstdint>

#include "machine/MachineConfig.h"

namespace glasshart {

// A request from the window to the emulator thread. Plain data, so it can
// travel through a lock-free ring.
struct WorkerCommand {
    enum class Kind : std::uint8_t {
        Run,
        Pause,
        Step,
        StepBlock,
        StepOver,
        RunTo,             // a = pc
        Reset,
        AddBreakpoint,     // a = pc
        RemoveBreakpoint,  // a = pc
        Input,             // a = up to 8 bytes, b = how many
        FlushCache,
        Reconfigure,       // a = Engine, b = cache size
        SetRegister,       // a = index (32 = pc), b = value
        DescribeBlock,     // a = guest pc
        ReadMemory,        // a = address, b = length: data, read as the hart's loads would
        ReadCode,          // a = address, b = length: code, read as the hart's fetches would
        DescribeActivity,
        SetProfiling,      // a = on
        StartGdbServer,    // a = port on 127.0.0.1 (0: any free one)
        StopGdbServer,
        Quit,
    };
    Kind kind = Kind::Pause;
    std::uint64_t a = 0;
    std::uint64_t b = 0;
};

}  // namespace glasshart
