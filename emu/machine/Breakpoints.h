#pragma once

#include <cstdint>
#include <unordered_set>

namespace glasshart {

// Guest addresses where execution stops before the instruction there runs.
// Both engines consult it: the interpreter before each instruction, the
// translator by ending blocks before a breakpoint and checking each block's
// start (with chaining off while any breakpoint is set).
class Breakpoints {
public:
    void add(std::uint64_t pc) { pcs_.insert(pc); }
    void remove(std::uint64_t pc) { pcs_.erase(pc); }
    void clear() { pcs_.clear(); }
    [[nodiscard]] bool empty() const { return pcs_.empty(); }
    [[nodiscard]] bool contains(std::uint64_t pc) const { return !pcs_.empty() && pcs_.contains(pc); }
    [[nodiscard]] const std::unordered_set<std::uint64_t>& all() const { return pcs_; }

private:
    std::unordered_set<std::uint64_t> pcs_;
};

}  // namespace glasshart
