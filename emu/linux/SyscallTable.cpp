#include "linux/SyscallTable.h"

#include <algorithm>
#include <iterator>

namespace glasshart {
namespace {

struct NamedCall {
    std::uint64_t number;
    std::string_view name64;
    std::string_view name32;
    bool handled;
};

constexpr NamedCall kCalls[] = {
#define SYSCALL(number, name64, name32, Handler) {number, #name64, #name32, true},
#define UNSUPPORTED(number, name64, name32) {number, #name64, #name32, false},
#include "linux/Syscalls.def"
};

const NamedCall* find(std::uint64_t number, Xlen xlen) {
    // The table is in number order.
    const auto* call = std::lower_bound(std::begin(kCalls), std::end(kCalls), number,
                                        [](const NamedCall& entry, std::uint64_t n) { return entry.number < n; });
    if (call == std::end(kCalls) || call->number != number) return nullptr;
    // `none`: the ABI has no call with this number.
    const std::string_view name = xlen == Xlen::Rv64 ? call->name64 : call->name32;
    return name == "none" ? nullptr : call;
}

}  // namespace

std::string_view syscallName(std::uint64_t number, Xlen xlen) {
    const NamedCall* call = find(number, xlen);
    if (call == nullptr) return {};
    return xlen == Xlen::Rv64 ? call->name64 : call->name32;
}

bool isSyscallHandled(std::uint64_t number, Xlen xlen) {
    const NamedCall* call = find(number, xlen);
    return call != nullptr && call->handled;
}

}  // namespace glasshart
