#include "mmu/Mmu.h"

#include "hart/Mstatus.h"
#include "mem/Bus.h"

namespace glasshart {
namespace {

constexpr std::uint64_t pageOf(std::uint64_t address) { return address & ~(kPageSize - 1); }

// Bits of HartState::translationContext below the flush epoch.
constexpr unsigned kEpochShift = 4;

}  // namespace

Mmu::Mmu(HartState& state, Xlen xlen, Bus& bus) : state_(state), xlen_(xlen), bus_(bus) { contextChanged(); }

AccessRights Mmu::rights(Privilege privilege) const {
    const std::uint64_t mstatus = state_.csr.mstatus;
    return AccessRights{privilege, (mstatus & mstatus::kSum) != 0, (mstatus & mstatus::kMxr) != 0};
}

void Mmu::contextChanged() {
    const bool paging = decodeSatp(state_.supervisor.satp, xlen_).mode.has_value();
    const std::uint64_t mstatus = state_.csr.mstatus;
    const Privilege privilege = state_.privilege;
    // MPRV makes M-mode loads and stores act with MPP's privilege (3.1.6.3).
    dataPrivilege_ = privilege == Privilege::Machine && (mstatus & mstatus::kMprv) != 0
                         ? static_cast<Privilege>((mstatus & mstatus::kMpp) >> mstatus::kMppShift)
                         : privilege;
    dataTranslated_ = paging && dataPrivilege_ != Privilege::Machine;
    dataContext_ = nullptr;
    if (dataTranslated_ && (mstatus & mstatus::kMxr) == 0) {
        const bool sum = (mstatus & mstatus::kSum) != 0;
        dataContext_ = &dataTlbs_[dataPrivilege_ == Privilege::User ? 0 : sum ? 2 : 1];
    }
    fetchContext_ = paging && privilege != Privilege::Machine
                        ? &fetchTlbs_[privilege == Privilege::User ? 0 : 1]
                        : nullptr;
    const Tlb& published = dataContext_ != nullptr ? *dataContext_ : uncached_;
    state_.dataTlb = reinterpret_cast<std::uintptr_t>(published.entries.data());
    state_.translationContext = (epoch_ << kEpochShift) | (static_cast<std::uint64_t>(privilege) << 2) |
                                (dataTranslated_ ? 2u : 0u) | (fetchTranslated() ? 1u : 0u);
}

void Mmu::flush() {
    for (Tlb& tlb : dataTlbs_) tlb.clear();
    for (Tlb& tlb : fetchTlbs_) tlb.clear();
    ++epoch_;
    contextChanged();
}

std::variant<std::uint64_t, Trap> Mmu::translate(std::uint64_t address, AccessType access) {
    if (access == AccessType::Fetch) {
        if (fetchContext_ == nullptr) return address;
        const TlbEntry& entry = fetchContext_->entryFor(address);
        if (entry.readTag == pageOf(address)) return address + entry.physicalAddend;
        return walk(address, access, fetchContext_);
    }
    if (!dataTranslated_) return address;
    if (dataContext_ != nullptr) {
        const TlbEntry& entry = dataContext_->entryFor(address);
        const std::uint64_t tag = access == AccessType::Load ? entry.readTag : entry.writeTag;
        if (tag == pageOf(address)) return address + entry.physicalAddend;
    }
    return walk(address, access, dataContext_);
}

Privilege Mmu::privilegeFor(AccessType access) const {
    return access == AccessType::Fetch ? state_.privilege : dataPrivilege_;
}

std::optional<std::uint64_t> Mmu::inspect(std::uint64_t address, AccessType access) const {
    const bool translated = access == AccessType::Fetch ? fetchTranslated() : dataTranslated_;
    if (!translated) return address;
    return probePageTable(bus_.ram(), decodeSatp(state_.supervisor.satp, xlen_), address, access,
                          rights(privilegeFor(access)));
}

std::variant<std::uint64_t, Trap> Mmu::walk(std::uint64_t address, AccessType access, Tlb* tlb) {
    auto result = walkPageTable(bus_, decodeSatp(state_.supervisor.satp, xlen_), address, access,
                                rights(privilegeFor(access)));
    if (const Trap* fault = std::get_if<Trap>(&result)) return *fault;
    const PageMapping& mapping = std::get<PageMapping>(result);
    if (tlb != nullptr) fill(*tlb, address, mapping, access);
    return mapping.physical;
}

void Mmu::fill(Tlb& tlb, std::uint64_t address, const PageMapping& mapping, AccessType access) {
    // Only RAM goes into a TLB: device accesses always walk, and a hit may
    // use host memory directly.
    Ram& ram = bus_.ram();
    const std::uint64_t physicalPage = pageOf(mapping.physical);
    if (!ram.contains(physicalPage, kPageSize)) return;
    const std::uint64_t page = pageOf(address);
    const bool readable = access == AccessType::Fetch ? mapping.executable : mapping.readable;
    const bool writable = access != AccessType::Fetch && mapping.writable;
    tlb.fill(address, TlbEntry{readable ? page : Tlb::kEmptyTag, writable ? page : Tlb::kEmptyTag,
                               reinterpret_cast<std::uintptr_t>(ram.at(physicalPage)) - page, physicalPage - page});
}

}  // namespace glasshart
