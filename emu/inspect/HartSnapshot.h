#pragma once

#include <cstdint>

#include "dbt/TranslationCache.h"
#include "hart/HartState.h"
#include "machine/MachineConfig.h"

namespace glasshart {

enum class RunState : std::uint8_t {
    Paused,      // stopped by the user, a step or a breakpoint
    Running,
    Exited,      // the guest asked to stop; see exitCode
    Waiting,     // in wfi with nothing but typed input that could wake it
    LockedUp,    // jumped to nothing
};

struct CacheCounters {
    CacheStatistics statistics;
    std::uint64_t bytesUsed = 0;
    std::uint64_t capacity = 0;
    std::uint64_t liveBlocks = 0;
};

// Everything the window shows about the hart and the translator at one
// moment. Trivially copyable: the worker publishes it through a
// SnapshotChannel without allocating.
struct HartSnapshot {
    std::uint64_t sequence = 0;  // increases with every publish
    HartState hart;
    Xlen xlen = Xlen::Rv64;
    Engine engine = Engine::Translator;
    RunState runState = RunState::Paused;
    int exitCode = 0;
    // CSR values that are computed rather than stored.
    std::uint64_t mstatus = 0;  // with SD
    std::uint64_t sstatus = 0;
    std::uint64_t mip = 0;
    std::uint64_t minstret = 0;
    std::uint64_t mcycle = 0;
    std::uint64_t mtime = 0;
    CacheCounters cache;  // all zero under the interpreter
    double instructionsPerSecond = 0;
};

}  // namespace glasshart
