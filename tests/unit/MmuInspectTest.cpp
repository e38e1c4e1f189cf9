// Mmu::inspect, the debugger's look through the page tables: it must find
// what the hart's own walk finds (privileged spec 4.3.2), and leave no trace
// of having looked: no A/D bits, no TLB entries, no trap.
//
// The page tables are built by hand in a Machine's RAM (Sv39, 4.4). Where
// the test needs to know what the hart itself would do, it asks the hart's
// walk (Mmu::translate) on the same tables.
#include <QtTest>

#include <cstdint>
#include <optional>
#include <variant>

#include "hart/Mstatus.h"
#include "machine/Machine.h"
#include "mem/MemoryMap.h"
#include "mmu/PageTableEntry.h"

using namespace glasshart;

namespace {

constexpr std::uint64_t kV = pte::kValid;
constexpr std::uint64_t kR = pte::kRead;
constexpr std::uint64_t kW = pte::kWrite;
constexpr std::uint64_t kX = pte::kExecute;
constexpr std::uint64_t kU = pte::kUser;
constexpr std::uint64_t kA = pte::kAccessed;
constexpr std::uint64_t kD = pte::kDirty;
constexpr std::uint64_t kSatpSv39 = 8ull << 60;

constexpr std::uint64_t kBase = memory_map::kRamBase;
constexpr std::uint64_t kRoot = kBase + 0x1000;
constexpr std::uint64_t kLevel1 = kBase + 0x2000;
constexpr std::uint64_t kLevel0 = kBase + 0x3000;

// Virtual pages, all under one level-1 table like a kernel's text.
constexpr std::uint64_t kVirtual = 0xffff'ffff'8000'0000;
constexpr std::uint64_t kCodePage = kVirtual;             // R X
constexpr std::uint64_t kDataPage = kVirtual + 0x1000;    // R W, A and D clear
constexpr std::uint64_t kExecuteOnly = kVirtual + 0x2000;  // X
constexpr std::uint64_t kUserPage = kVirtual + 0x3000;    // R W X U
constexpr std::uint64_t kUnmapped = kVirtual + 0x4000;    // invalid PTE
constexpr std::uint64_t kMegapage = kVirtual + 0x20'0000;  // a 2 MiB leaf at level 1
constexpr std::uint64_t kMisalignedMegapage = kVirtual + 0x40'0000;

constexpr std::uint64_t kCodeFrame = kBase + 0x10000;
constexpr std::uint64_t kDataFrame = kBase + 0x11000;
constexpr std::uint64_t kOtherFrame = kBase + 0x12000;
constexpr std::uint64_t kUserFrame = kBase + 0x13000;
constexpr std::uint64_t kMegaFrame = kBase + 0x40'0000;  // 2 MiB aligned

constexpr std::uint64_t entry(std::uint64_t physical, std::uint64_t flags) { return (physical >> 12) << pte::kPpnShift | flags; }
constexpr std::uint64_t vpn(std::uint64_t address, unsigned level) { return (address >> (12 + 9 * level)) & 0x1ff; }

MachineConfig smallMachine() {
    MachineConfig config;
    config.xlen = Xlen::Rv64;
    config.engine = Engine::Interpreter;
    config.ramSize = 8ull << 20;
    return config;
}

}  // namespace

class MmuInspectTest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup() { machine_.reset(); }
    void findsWhatTheWalkFindsWithoutSettingAccessed();
    void storeProbeLeavesDirtyClear();
    void checksPermissionsAsTheHartWould();
    void superpages();
    void faultsRaiseNothing();
    void fillsNoTlbEntry();
    void withoutPagingAddressesPassThrough();
    void mprvAppliesToDataOnly();

private:
    void writePte(std::uint64_t address, std::uint64_t value) { QVERIFY(machine_->bus().write(address, 8, value)); }
    [[nodiscard]] std::uint64_t readPte(std::uint64_t address) {
        std::uint64_t value = 0;
        if (!machine_->bus().read(address, 8, value)) QTest::qFail("PTE not in RAM", __FILE__, __LINE__);
        return value;
    }
    [[nodiscard]] std::uint64_t leafOf(std::uint64_t address) const { return kLevel0 + vpn(address, 0) * 8; }
    void enterMode(Privilege privilege, std::uint64_t mstatusBits = 0);
    [[nodiscard]] std::optional<std::uint64_t> inspect(std::uint64_t address, AccessType access) {
        return machine_->hart().mmu().inspect(address, access);
    }
    // What the hart's own walk makes of it: the physical address or nothing.
    [[nodiscard]] std::optional<std::uint64_t> translate(std::uint64_t address, AccessType access) {
        const auto result = machine_->hart().mmu().translate(address, access);
        if (const auto* physical = std::get_if<std::uint64_t>(&result)) return *physical;
        return std::nullopt;
    }

    std::unique_ptr<Machine> machine_;
};

void MmuInspectTest::init() {
    machine_ = std::make_unique<Machine>(smallMachine(), [](std::uint8_t) {});
    writePte(kRoot + vpn(kVirtual, 2) * 8, entry(kLevel1, kV));
    writePte(kLevel1 + vpn(kVirtual, 1) * 8, entry(kLevel0, kV));
    writePte(kLevel1 + vpn(kMegapage, 1) * 8, entry(kMegaFrame, kV | kR | kW | kA | kD));
    writePte(kLevel1 + vpn(kMisalignedMegapage, 1) * 8, entry(kMegaFrame + 0x1000, kV | kR | kA));
    writePte(leafOf(kCodePage), entry(kCodeFrame, kV | kR | kX));
    writePte(leafOf(kDataPage), entry(kDataFrame, kV | kR | kW));
    writePte(leafOf(kExecuteOnly), entry(kOtherFrame, kV | kX));
    writePte(leafOf(kUserPage), entry(kUserFrame, kV | kR | kW | kX | kU));
    writePte(leafOf(kUnmapped), entry(kOtherFrame, kR | kW));  // V clear
    machine_->state().supervisor.satp = kSatpSv39 | (kRoot >> 12);
    enterMode(Privilege::Supervisor);
}

void MmuInspectTest::enterMode(Privilege privilege, std::uint64_t mstatusBits) {
    HartState& state = machine_->state();
    state.privilege = privilege;
    state.csr.mstatus = (state.csr.mstatus & ~(mstatus::kSum | mstatus::kMxr | mstatus::kMprv | mstatus::kMpp)) |
                        mstatusBits;
    machine_->hart().mmu().contextChanged();
}

void MmuInspectTest::findsWhatTheWalkFindsWithoutSettingAccessed() {
    QCOMPARE(inspect(kCodePage + 0x124, AccessType::Fetch), std::optional<std::uint64_t>(kCodeFrame + 0x124));
    QCOMPARE(inspect(kCodePage + 0x8, AccessType::Load), std::optional<std::uint64_t>(kCodeFrame + 0x8));
    QCOMPARE(readPte(leafOf(kCodePage)) & kA, 0u);
    // The hart's walk on the same address agrees, and does set A.
    QCOMPARE(translate(kCodePage + 0x124, AccessType::Fetch), std::optional<std::uint64_t>(kCodeFrame + 0x124));
    QCOMPARE(readPte(leafOf(kCodePage)) & kA, kA);
}

void MmuInspectTest::storeProbeLeavesDirtyClear() {
    QCOMPARE(inspect(kDataPage + 0x10, AccessType::Store), std::optional<std::uint64_t>(kDataFrame + 0x10));
    QCOMPARE(readPte(leafOf(kDataPage)) & (kA | kD), 0u);
    QCOMPARE(translate(kDataPage + 0x10, AccessType::Store), std::optional<std::uint64_t>(kDataFrame + 0x10));
    QCOMPARE(readPte(leafOf(kDataPage)) & (kA | kD), kA | kD);
}

void MmuInspectTest::checksPermissionsAsTheHartWould() {
    const struct {
        Privilege privilege;
        std::uint64_t mstatusBits;
        std::uint64_t address;
        AccessType access;
        bool allowed;
    } cases[] = {
        {Privilege::Supervisor, 0, kCodePage, AccessType::Store, false},          // not writable
        {Privilege::Supervisor, 0, kDataPage, AccessType::Fetch, false},          // not executable
        {Privilege::Supervisor, 0, kExecuteOnly, AccessType::Fetch, true},
        {Privilege::Supervisor, 0, kExecuteOnly, AccessType::Load, false},        // X only
        {Privilege::Supervisor, mstatus::kMxr, kExecuteOnly, AccessType::Load, true},
        {Privilege::Supervisor, 0, kUserPage, AccessType::Load, false},           // U page, no SUM
        {Privilege::Supervisor, mstatus::kSum, kUserPage, AccessType::Load, true},
        {Privilege::Supervisor, mstatus::kSum, kUserPage, AccessType::Fetch, false},  // never from S
        {Privilege::User, 0, kUserPage, AccessType::Fetch, true},
        {Privilege::User, 0, kCodePage, AccessType::Fetch, false},                // S page from U
    };
    for (const auto& c : cases) {
        enterMode(c.privilege, c.mstatusBits);
        const auto probed = inspect(c.address, c.access);
        QCOMPARE(probed.has_value(), c.allowed);
        // Whatever the probe says, the hart's walk says too.
        QCOMPARE(probed, translate(c.address, c.access));
    }
}

void MmuInspectTest::superpages() {
    QCOMPARE(inspect(kMegapage + 0x12'3456, AccessType::Load), std::optional<std::uint64_t>(kMegaFrame + 0x12'3456));
    // A superpage whose PPN is not aligned to its size is a page fault (4.3.2 step 6).
    QCOMPARE(inspect(kMisalignedMegapage, AccessType::Load), std::nullopt);
}

void MmuInspectTest::faultsRaiseNothing() {
    const HartState before = machine_->state();
    QCOMPARE(inspect(kUnmapped, AccessType::Load), std::nullopt);
    QCOMPARE(inspect(kVirtual + 0x10'0000, AccessType::Fetch), std::nullopt);  // beyond the level-0 entries made
    QCOMPARE(inspect(0x0000'0040'0000'0000, AccessType::Load), std::nullopt);  // not sign-extended from bit 38
    // A root table outside RAM: the walk's access fault, here just nothing.
    machine_->state().supervisor.satp = kSatpSv39 | (0x1000'0000ull >> 12);
    QCOMPARE(inspect(kCodePage, AccessType::Fetch), std::nullopt);
    machine_->state().supervisor.satp = before.supervisor.satp;
    const HartState& after = machine_->state();
    QCOMPARE(after.pc, before.pc);
    QCOMPARE(after.privilege, before.privilege);
    QCOMPARE(after.supervisor.scause, before.supervisor.scause);
    QCOMPARE(after.supervisor.stval, before.supervisor.stval);
    QCOMPARE(after.csr.mcause, before.csr.mcause);
    QCOMPARE(after.csr.mtval, before.csr.mtval);
}

void MmuInspectTest::fillsNoTlbEntry() {
    QCOMPARE(inspect(kDataPage, AccessType::Load), std::optional<std::uint64_t>(kDataFrame));
    // Remap the page without sfence.vma: a TLB entry left by the probe
    // would make the hart still see the old frame.
    writePte(leafOf(kDataPage), entry(kOtherFrame, kV | kR | kW));
    QCOMPARE(translate(kDataPage, AccessType::Load), std::optional<std::uint64_t>(kOtherFrame));
    // The hart's walk did fill one: a second remap stays unseen until a flush,
    // so the check above could have failed.
    writePte(leafOf(kDataPage), entry(kDataFrame, kV | kR | kW | kA));
    QCOMPARE(translate(kDataPage, AccessType::Load), std::optional<std::uint64_t>(kOtherFrame));
    // The probe reads the tables, not the TLB.
    QCOMPARE(inspect(kDataPage, AccessType::Load), std::optional<std::uint64_t>(kDataFrame));
}

void MmuInspectTest::withoutPagingAddressesPassThrough() {
    enterMode(Privilege::Machine);
    QCOMPARE(inspect(kCodePage, AccessType::Fetch), std::optional<std::uint64_t>(kCodePage));
    QCOMPARE(inspect(kBase + 0x40, AccessType::Load), std::optional<std::uint64_t>(kBase + 0x40));
    machine_->state().supervisor.satp = 0;  // Bare
    enterMode(Privilege::Supervisor);
    QCOMPARE(inspect(kBase + 0x40, AccessType::Fetch), std::optional<std::uint64_t>(kBase + 0x40));
}

void MmuInspectTest::mprvAppliesToDataOnly() {
    // M-mode with MPRV and MPP = S: loads and stores are translated as S-mode's
    // would be, fetches are not (3.1.6.3).
    enterMode(Privilege::Machine, mstatus::kMprv | (std::uint64_t{1} << mstatus::kMppShift));
    QCOMPARE(inspect(kDataPage, AccessType::Load), std::optional<std::uint64_t>(kDataFrame));
    QCOMPARE(inspect(kBase + 0x40, AccessType::Fetch), std::optional<std::uint64_t>(kBase + 0x40));
}

QTEST_APPLESS_MAIN(MmuInspectTest)
#include "MmuInspectTest.moc"
