#pragma once

#include <cstdint>
#include <optional>
#include <variant>

#include "hart/Privilege.h"
#include "hart/Trap.h"
#include "mmu/AccessType.h"
#include "mmu/PagingMode.h"

namespace glasshart {

class Bus;
class Ram;

// The privilege an access is checked at and the mstatus bits that widen it.
struct AccessRights {
    Privilege privilege;  // effective: MPRV already applied for data accesses
    bool sum;             // supervisor may access user pages (data only)
    bool mxr;             // loads may read execute-only pages
};

// A successful walk: where the access goes and what the leaf grants.
struct PageMapping {
    std::uint64_t physical;  // the translated address
    bool readable;           // under the same rights, for any later access to the 4 KiB page
    bool writable;           // includes the dirty bit being set
    bool executable;
};

// Walks the page table rooted at `satp` for `address` (privileged spec
// 4.3.2). Sets A, and D for stores, in the leaf PTE in hardware: the spec's
// second option, which QEMU also takes, so guests see the same PTEs on
// both. Returns the page fault or access fault the access raises otherwise.
[[nodiscard]] std::variant<PageMapping, Trap> walkPageTable(Bus& bus, const Satp& satp, std::uint64_t address,
                                                            AccessType access, const AccessRights& rights);

// The same walk as a look only: where `access` to `address` would go, or
// nullopt where it would fault. It writes nothing (no A/D bits), so a
// debugger can read through the page tables without the guest noticing.
[[nodiscard]] std::optional<std::uint64_t> probePageTable(const Ram& ram, const Satp& satp, std::uint64_t address,
                                                          AccessType access, const AccessRights& rights);

}  // namespace glasshart
