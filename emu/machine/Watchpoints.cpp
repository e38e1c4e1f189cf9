#include "machine/Watchpoints.h"

#include <algorithm>

namespace glasshart {
namespace {

struct DataAccess {
    std::uint64_t address;
    unsigned size;
    bool reads;
    bool writes;
};

std::optional<DataAccess> dataAccessOf(const DecodedInstruction& instruction, const HartState& state, Xlen xlen) {
    const InstructionInfo& info = instruction.info();
    const bool atomic = info.has(kAtomic);
    if (!atomic && !info.has(kLoad) && !info.has(kStore)) return std::nullopt;
    // LR, SC and the AMOs address (rs1) with no offset (unprivileged ISA 8.2, 8.4).
    std::uint64_t address = state.x[instruction.rs1] + (atomic ? 0 : static_cast<std::uint64_t>(instruction.imm));
    if (xlen == Xlen::Rv32) address = static_cast<std::uint32_t>(address);
    const bool loadReserved = instruction.opcode == Opcode::LrW || instruction.opcode == Opcode::LrD;
    const bool storeConditional = instruction.opcode == Opcode::ScW || instruction.opcode == Opcode::ScD;
    const bool reads = info.has(kLoad) || (atomic && !storeConditional);
    const bool writes = info.has(kStore) || (atomic && !loadReserved);
    return DataAccess{address, info.accessBytes, reads, writes};
}

bool overlaps(std::uint64_t address, std::uint64_t size, const Watchpoint& watchpoint) {
    // Modulo 2^64, so ranges that end at the top of the address space work.
    return address - watchpoint.address < watchpoint.length || watchpoint.address - address < size;
}

}  // namespace

bool Watchpoints::remove(const Watchpoint& watchpoint) {
    const auto found = std::find(watchpoints_.begin(), watchpoints_.end(), watchpoint);
    if (found == watchpoints_.end()) return false;
    watchpoints_.erase(found);
    return true;
}

std::optional<WatchHit> Watchpoints::match(const DecodedInstruction& instruction, const HartState& state,
                                           Xlen xlen) const {
    if (watchpoints_.empty()) return std::nullopt;
    const auto access = dataAccessOf(instruction, state, xlen);
    if (!access) return std::nullopt;
    for (const Watchpoint& watchpoint : watchpoints_) {
        if (!overlaps(access->address, access->size, watchpoint)) continue;
        const bool wanted = watchpoint.kind == WatchKind::Access ||
                            (watchpoint.kind == WatchKind::Read && access->reads) ||
                            (watchpoint.kind == WatchKind::Write && access->writes);
        if (wanted) return WatchHit{watchpoint.address, watchpoint.kind};
    }
    return std::nullopt;
}

}  // namespace glasshart
