#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <variant>

#include "hart/HartState.h"
#include "hart/Trap.h"
#include "isa/Instruction.h"
#include "mmu/AccessType.h"
#include "mmu/PageTableWalk.h"
#include "mmu/Tlb.h"

namespace glasshart {

class Bus;

// The hart's address translation (privileged spec chapter 4): decides when
// paging applies, walks page tables, and keeps software TLBs, one per
// access context, so that switching privilege or mstatus.SUM needs no flush.
// Translated code probes the data TLB the Mmu publishes in HartState.
class Mmu {
public:
    Mmu(HartState& state, Xlen xlen, Bus& bus);

    // The physical address for an access by the running hart, or the fault
    // it raises. Without paging (M-mode, or satp Bare) addresses pass through.
    [[nodiscard]] std::variant<std::uint64_t, Trap> translate(std::uint64_t address, AccessType access);

    // Where `access` to `address` by the running hart would go, or nullopt
    // where it would fault: for a debugger's view of guest memory. Unlike
    // translate(), it sets no A/D bits, fills no TLB and raises nothing.
    [[nodiscard]] std::optional<std::uint64_t> inspect(std::uint64_t address, AccessType access) const;

    // Whether fetches / loads and stores are translated right now.
    [[nodiscard]] bool fetchTranslated() const { return fetchContext_ != nullptr; }
    [[nodiscard]] bool dataTranslated() const { return dataTranslated_; }

    // sfence.vma, a satp write, reset: every cached translation is dropped.
    void flush();
    // Privilege, mstatus or satp changed: pick the TLBs for the new context.
    void contextChanged();

private:
    [[nodiscard]] std::variant<std::uint64_t, Trap> walk(std::uint64_t address, AccessType access, Tlb* tlb);
    void fill(Tlb& tlb, std::uint64_t address, const PageMapping& mapping, AccessType access);
    [[nodiscard]] AccessRights rights(Privilege privilege) const;
    [[nodiscard]] Privilege privilegeFor(AccessType access) const;

    HartState& state_;
    Xlen xlen_;
    Bus& bus_;
    // Data: U, S, S with SUM. Fetch: U, S. With MXR set nothing is cached
    // (rare: the data TLB then stays empty).
    std::array<Tlb, 3> dataTlbs_;
    std::array<Tlb, 2> fetchTlbs_;
    Tlb uncached_;
    Tlb* dataContext_ = nullptr;   // null: no data TLB for this context
    Tlb* fetchContext_ = nullptr;  // null: fetches are physical
    bool dataTranslated_ = false;
    Privilege dataPrivilege_ = Privilege::Machine;
    std::uint64_t epoch_ = 0;
};

}  // namespace glasshart
