#include "mmu/PageTableWalk.h"

#include <cstring>

#include "mem/Bus.h"
#include "mmu/PageTableEntry.h"

namespace glasshart {
namespace {

using namespace pte;

Exception pageFault(AccessType access) {
    switch (access) {
    case AccessType::Fetch: return Exception::InstructionPageFault;
    case AccessType::Load: return Exception::LoadPageFault;
    case AccessType::Store: break;
    }
    return Exception::StorePageFault;
}

Exception accessFault(AccessType access) {
    switch (access) {
    case AccessType::Fetch: return Exception::InstructionAccessFault;
    case AccessType::Load: return Exception::LoadAccessFault;
    case AccessType::Store: break;
    }
    return Exception::StoreAccessFault;
}

// Sv39 and Sv48 need bits 63 down to the top VA bit all equal (4.4.1).
bool isCanonical(std::uint64_t address, const PagingMode& mode) {
    if (mode.pteBytes == 4) return true;
    const auto top = static_cast<std::int64_t>(address) >> (mode.vaBits - 1);
    return top == 0 || top == -1;
}

std::uint64_t lowBits(unsigned count) { return (1ull << count) - 1; }

// What the leaf grants to these rights (4.3.1): U pages only to U-mode,
// and to S-mode data accesses with SUM; S-mode never executes U pages.
PageMapping permissions(std::uint64_t pte, const AccessRights& rights) {
    const bool userPage = (pte & kUser) != 0;
    const bool dataAllowed = rights.privilege == Privilege::User ? userPage : !userPage || rights.sum;
    const bool fetchAllowed = rights.privilege == Privilege::User ? userPage : !userPage;
    const bool readable = (pte & kRead) != 0 || (rights.mxr && (pte & kExecute) != 0);
    return PageMapping{0, dataAllowed && readable, dataAllowed && (pte & kWrite) != 0 && (pte & kDirty) != 0,
                       fetchAllowed && (pte & kExecute) != 0};
}

bool permits(std::uint64_t pte, AccessType access, const AccessRights& rights) {
    // A store needs W; the dirty bit is set as part of the access.
    const PageMapping granted = permissions(pte | kDirty, rights);
    switch (access) {
    case AccessType::Fetch: return granted.executable;
    case AccessType::Load: return granted.readable;
    case AccessType::Store: break;
    }
    return granted.writable;
}

// The leaf PTE a walk ends at, before the walk touches it.
struct Leaf {
    std::uint64_t pteAddress;
    std::uint64_t pte;
    std::uint64_t physical;  // the translated address
};

// Steps 1 to 6 of the walk (4.3.2): everything but the A/D update, and no
// write of any kind, so that both the hart's walk and the inspector's probe
// stand on it. Page tables live in RAM; a PTE anywhere else is an access
// fault (step 2), so the PTEs are read from RAM directly.
std::variant<Leaf, Trap> findLeaf(const Ram& ram, const Satp& satp, std::uint64_t address, AccessType access,
                                  const AccessRights& rights) {
    const PagingMode& mode = *satp.mode;
    const Trap fault{pageFault(access), address};
    if (!isCanonical(address, mode)) return fault;
    std::uint64_t table = satp.rootPpn << kPageShift;
    for (int level = static_cast<int>(mode.levels) - 1; level >= 0; --level) {
        const unsigned offsetBits = kPageShift + static_cast<unsigned>(level) * mode.vpnBits;
        const std::uint64_t pteAddress = table + ((address >> offsetBits) & lowBits(mode.vpnBits)) * mode.pteBytes;
        if (!ram.contains(pteAddress, mode.pteBytes)) return Trap{accessFault(access), address};
        std::uint64_t pte = 0;
        std::memcpy(&pte, ram.at(pteAddress), mode.pteBytes);  // both little-endian
        if ((pte & kValid) == 0 || ((pte & kRead) == 0 && (pte & kWrite) != 0)) return fault;
        if (mode.pteBytes == 8 && (pte >> kReservedShift) != 0) return fault;
        const std::uint64_t ppn = (pte >> kPpnShift) & mode.ppnMask;
        if ((pte & (kRead | kExecute)) == 0) {  // a pointer to the next level
            table = ppn << kPageShift;
            continue;
        }
        if (!permits(pte, access, rights)) return fault;
        // A superpage's PPN must be aligned to its size (4.3.2 step 6).
        const unsigned superBits = offsetBits - kPageShift;
        if ((ppn & lowBits(superBits)) != 0) return fault;
        return Leaf{pteAddress, pte, ((ppn >> superBits) << offsetBits) | (address & lowBits(offsetBits))};
    }
    return fault;  // a pointer at the last level (4.3.2 step 4)
}

}  // namespace

std::variant<PageMapping, Trap> walkPageTable(Bus& bus, const Satp& satp, std::uint64_t address, AccessType access,
                                              const AccessRights& rights) {
    const auto found = findLeaf(bus.ram(), satp, address, access, rights);
    if (const Trap* fault = std::get_if<Trap>(&found)) return *fault;
    const Leaf& leaf = std::get<Leaf>(found);
    const std::uint64_t updated = leaf.pte | kAccessed | (access == AccessType::Store ? kDirty : 0);
    if (updated != leaf.pte && !bus.write(leaf.pteAddress, satp.mode->pteBytes, updated)) {
        return Trap{accessFault(access), address};
    }
    PageMapping mapping = permissions(updated, rights);
    mapping.physical = leaf.physical;
    return mapping;
}

std::optional<std::uint64_t> probePageTable(const Ram& ram, const Satp& satp, std::uint64_t address,
                                            AccessType access, const AccessRights& rights) {
    const auto found = findLeaf(ram, satp, address, access, rights);
    if (const Leaf* leaf = std::get_if<Leaf>(&found)) return leaf->physical;
    return std::nullopt;
}

}  // namespace glasshart
