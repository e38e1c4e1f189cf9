#include "panes/CsrModel.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QLocale>
#include <algorithm>
#include <bit>
#include <optional>
#include <span>
#include <string_view>

#include "hart/Mstatus.h"
#include "hart/Trap.h"
#include "isa/CsrAddress.h"
#include "mmu/PagingMode.h"
#include "panes/PaneColors.h"
#include "panes/ValueFormat.h"

namespace glasshart {

// How a field's value reads in the Value column.
enum class FieldKind : quint8 {
    Flag,            // 0 or 1
    Address,         // the field's bits left in place: mtvec.BASE is an address
    Privilege,       // M / S / U
    TrapVectorMode,  // direct / vectored
    TrapCause,       // mcause's code, named through the interrupt bit
    Extensions,      // misa letters
    BaseWidth,       // misa.MXL: 32 / 64 / 128
    FloatState,      // mstatus.FS: Off / Initial / Clean / Dirty
    PagingMode,      // satp.MODE: Bare / Sv32 / Sv39 / Sv48
    Number,          // a plain number, in hex
};

// What a register's row says in the Meaning column.
enum class Summary : quint8 { Description, Privilege, Isa, TrapCause, TrapVector, Count, AddressSpace };

enum class Presence : quint8 { Always, Rv32Only, Rv64Only };

// One named bit field. A negative bound counts from XLEN: -1 is bit XLEN-1.
struct CsrField {
    const char* name;  // as the spec names it: never translated, like the CSRs' names
    int high;
    int low;
    FieldKind kind;
    const char* description;
};

struct CsrRow {
    const char* label;                  // for rows that are not CSRs: translated unless a register's name
    std::optional<CsrAddress> address;  // a CSR: named as binutils names it
    quint64 (*read)(const HartSnapshot&);
    Summary summary;
    std::span<const CsrField> fields;
    const char* description;
    bool alwaysWide = false;  // 64 bits whatever the XLEN
    Presence presence = Presence::Always;
};

namespace {

// The descriptions are marked for translation with QT_TRANSLATE_NOOP itself
// rather than a shorter macro of ours, which lupdate would not see through.

constexpr int bitOf(std::uint64_t mask) { return std::countr_zero(mask); }
constexpr int interruptBit(Interrupt interrupt) { return static_cast<int>(interrupt); }

constexpr CsrField kSieField{"SIE", bitOf(mstatus::kSie), bitOf(mstatus::kSie), FieldKind::Flag,
                             QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor interrupts enabled")};
constexpr CsrField kSpieField{"SPIE", bitOf(mstatus::kSpie), bitOf(mstatus::kSpie), FieldKind::Flag,
                              QT_TRANSLATE_NOOP("glasshart::CsrModel", "SIE before the last trap into S-mode")};
constexpr CsrField kSppField{
    "SPP", bitOf(mstatus::kSpp), bitOf(mstatus::kSpp), FieldKind::Privilege,
    QT_TRANSLATE_NOOP("glasshart::CsrModel", "privilege mode before the last trap into S-mode")};
constexpr CsrField kFsField{
    "FS", mstatus::kFsShift + 1, mstatus::kFsShift, FieldKind::FloatState,
    QT_TRANSLATE_NOOP("glasshart::CsrModel", "floating-point unit state: Off makes F and D instructions illegal")};
constexpr CsrField kSumField{"SUM", bitOf(mstatus::kSum), bitOf(mstatus::kSum), FieldKind::Flag,
                             QT_TRANSLATE_NOOP("glasshart::CsrModel", "S-mode may access user pages")};
constexpr CsrField kMxrField{"MXR", bitOf(mstatus::kMxr), bitOf(mstatus::kMxr), FieldKind::Flag,
                             QT_TRANSLATE_NOOP("glasshart::CsrModel", "loads may read execute-only pages")};
constexpr CsrField kSdField{"SD", -1, -1, FieldKind::Flag,
                            QT_TRANSLATE_NOOP("glasshart::CsrModel", "some extension state is dirty (FS is Dirty)")};

constexpr CsrField kMstatusFields[] = {
    kSieField,
    {"MIE", bitOf(mstatus::kMie), bitOf(mstatus::kMie), FieldKind::Flag,
     QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine interrupts enabled")},
    kSpieField,
    {"MPIE", bitOf(mstatus::kMpie), bitOf(mstatus::kMpie), FieldKind::Flag,
     QT_TRANSLATE_NOOP("glasshart::CsrModel", "MIE before the last trap into M-mode")},
    kSppField,
    {"MPP", mstatus::kMppShift + 1, mstatus::kMppShift, FieldKind::Privilege,
     QT_TRANSLATE_NOOP("glasshart::CsrModel", "privilege mode before the last trap into M-mode")},
    kFsField,
    {"MPRV", bitOf(mstatus::kMprv), bitOf(mstatus::kMprv), FieldKind::Flag,
     QT_TRANSLATE_NOOP("glasshart::CsrModel", "loads and stores use the privilege mode in MPP")},
    kSumField,
    kMxrField,
    {"TVM", bitOf(mstatus::kTvm), bitOf(mstatus::kTvm), FieldKind::Flag,
     QT_TRANSLATE_NOOP("glasshart::CsrModel", "S-mode may not touch satp or run sfence.vma")},
    {"TW", bitOf(mstatus::kTw), bitOf(mstatus::kTw), FieldKind::Flag,
     QT_TRANSLATE_NOOP("glasshart::CsrModel", "wfi below M-mode traps")},
    {"TSR", bitOf(mstatus::kTsr), bitOf(mstatus::kTsr), FieldKind::Flag,
     QT_TRANSLATE_NOOP("glasshart::CsrModel", "sret in S-mode traps")},
    kSdField,
};

// sstatus shows the S-level fields of mstatus (privileged spec 4.1.1).
constexpr CsrField kSstatusFields[] = {kSieField, kSpieField, kSppField, kFsField, kSumField, kMxrField, kSdField};

constexpr CsrField kMisaFields[] = {
    {"MXL", -1, -2, FieldKind::BaseWidth, QT_TRANSLATE_NOOP("glasshart::CsrModel", "native base integer ISA width")},
    {"Extensions", 25, 0, FieldKind::Extensions,
     QT_TRANSLATE_NOOP("glasshart::CsrModel", "implemented standard extensions")},
};

#define INTERRUPT_FIELD(name, interrupt, description) \
    {name, interruptBit(interrupt), interruptBit(interrupt), FieldKind::Flag, description}

constexpr CsrField kMieFields[] = {
    INTERRUPT_FIELD("SSIE", Interrupt::SupervisorSoftware,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor software interrupt enabled")),
    INTERRUPT_FIELD("MSIE", Interrupt::MachineSoftware,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine software interrupt enabled")),
    INTERRUPT_FIELD("STIE", Interrupt::SupervisorTimer,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor timer interrupt enabled")),
    INTERRUPT_FIELD("MTIE", Interrupt::MachineTimer,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine timer interrupt enabled")),
    INTERRUPT_FIELD("SEIE", Interrupt::SupervisorExternal,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor external interrupt enabled")),
    INTERRUPT_FIELD("MEIE", Interrupt::MachineExternal,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine external interrupt enabled")),
};

constexpr CsrField kMipFields[] = {
    INTERRUPT_FIELD("SSIP", Interrupt::SupervisorSoftware,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor software interrupt pending")),
    INTERRUPT_FIELD("MSIP", Interrupt::MachineSoftware,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine software interrupt pending (CLINT msip)")),
    INTERRUPT_FIELD("STIP", Interrupt::SupervisorTimer,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor timer interrupt pending")),
    INTERRUPT_FIELD("MTIP", Interrupt::MachineTimer,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel",
                                      "machine timer interrupt pending (mtime \u2265 mtimecmp)")),
    INTERRUPT_FIELD("SEIP", Interrupt::SupervisorExternal,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor external interrupt pending (PLIC S context)")),
    INTERRUPT_FIELD("MEIP", Interrupt::MachineExternal,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine external interrupt pending")),
};

constexpr CsrField kSieFields[] = {
    INTERRUPT_FIELD("SSIE", Interrupt::SupervisorSoftware,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor software interrupt enabled")),
    INTERRUPT_FIELD("STIE", Interrupt::SupervisorTimer,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor timer interrupt enabled")),
    INTERRUPT_FIELD("SEIE", Interrupt::SupervisorExternal,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor external interrupt enabled")),
};

constexpr CsrField kSipFields[] = {
    INTERRUPT_FIELD("SSIP", Interrupt::SupervisorSoftware,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor software interrupt pending")),
    INTERRUPT_FIELD("STIP", Interrupt::SupervisorTimer,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor timer interrupt pending")),
    INTERRUPT_FIELD("SEIP", Interrupt::SupervisorExternal,
                    QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor external interrupt pending (PLIC S context)")),
};

#undef INTERRUPT_FIELD

// satp (privileged spec 4.1.11): the layout differs between RV32 and RV64.
constexpr CsrField kSatp64Fields[] = {
    {"MODE", 63, 60, FieldKind::PagingMode, QT_TRANSLATE_NOOP("glasshart::CsrModel", "address translation scheme")},
    {"ASID", 59, 44, FieldKind::Number, QT_TRANSLATE_NOOP("glasshart::CsrModel", "address space identifier")},
    {"PPN", 43, 0, FieldKind::Number,
     QT_TRANSLATE_NOOP("glasshart::CsrModel", "physical page number of the root page table")},
};

constexpr CsrField kSatp32Fields[] = {
    {"MODE", 31, 31, FieldKind::PagingMode, QT_TRANSLATE_NOOP("glasshart::CsrModel", "address translation scheme")},
    {"ASID", 30, 22, FieldKind::Number, QT_TRANSLATE_NOOP("glasshart::CsrModel", "address space identifier")},
    {"PPN", 21, 0, FieldKind::Number,
     QT_TRANSLATE_NOOP("glasshart::CsrModel", "physical page number of the root page table")},
};

constexpr CsrField kMtvecFields[] = {
    {"BASE", -1, 2, FieldKind::Address, QT_TRANSLATE_NOOP("glasshart::CsrModel", "trap handler address")},
    {"MODE", 1, 0, FieldKind::TrapVectorMode,
     QT_TRANSLATE_NOOP("glasshart::CsrModel",
                       "direct: every trap goes to BASE; vectored: interrupts go to BASE + 4 \u00d7 cause")},
};

constexpr CsrField kMcauseFields[] = {
    {"Interrupt", -1, -1, FieldKind::Flag, QT_TRANSLATE_NOOP("glasshart::CsrModel", "the trap was an interrupt")},
    {"Exception code", -2, 0, FieldKind::TrapCause, QT_TRANSLATE_NOOP("glasshart::CsrModel", "what caused the trap")},
};

constexpr CsrField kMcounterenFields[] = {
    {"CY", 0, 0, FieldKind::Flag, QT_TRANSLATE_NOOP("glasshart::CsrModel", "cycle readable below M-mode")},
    {"TM", 1, 1, FieldKind::Flag, QT_TRANSLATE_NOOP("glasshart::CsrModel", "time readable below M-mode")},
    {"IR", 2, 2, FieldKind::Flag, QT_TRANSLATE_NOOP("glasshart::CsrModel", "instret readable below M-mode")},
};

constexpr CsrField kScounterenFields[] = {
    {"CY", 0, 0, FieldKind::Flag, QT_TRANSLATE_NOOP("glasshart::CsrModel", "cycle readable in U-mode")},
    {"TM", 1, 1, FieldKind::Flag, QT_TRANSLATE_NOOP("glasshart::CsrModel", "time readable in U-mode")},
    {"IR", 2, 2, FieldKind::Flag, QT_TRANSLATE_NOOP("glasshart::CsrModel", "instret readable in U-mode")},
};

constexpr CsrField kMcountinhibitFields[] = {
    {"CY", 0, 0, FieldKind::Flag, QT_TRANSLATE_NOOP("glasshart::CsrModel", "mcycle stopped")},
    {"IR", 2, 2, FieldKind::Flag, QT_TRANSLATE_NOOP("glasshart::CsrModel", "minstret stopped")},
};

// The pane's rows, top to bottom. The counters read 64 bits; on RV32 the
// CSR is the low half and the "h" row the high half.
const CsrRow kRows[] = {
    {.label = QT_TRANSLATE_NOOP("glasshart::CsrModel", "privilege"), .address = {},
     .read = [](const HartSnapshot& s) -> quint64 { return static_cast<quint64>(s.hart.privilege); },
     .summary = Summary::Privilege, .fields = {},
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "current privilege mode")},
    {.label = nullptr, .address = CsrAddress::Mstatus,
     .read = [](const HartSnapshot& s) -> quint64 { return s.mstatus; },
     .summary = Summary::Description, .fields = kMstatusFields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine status")},
    {.label = nullptr, .address = CsrAddress::Misa,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.csr.misa; },
     .summary = Summary::Isa, .fields = kMisaFields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "ISA and extensions")},
    {.label = nullptr, .address = CsrAddress::Mie,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.csr.mie; },
     .summary = Summary::Description, .fields = kMieFields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine interrupt enable")},
    {.label = nullptr, .address = CsrAddress::Mip,
     .read = [](const HartSnapshot& s) -> quint64 { return s.mip; },
     .summary = Summary::Description, .fields = kMipFields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine interrupt pending")},
    {.label = nullptr, .address = CsrAddress::Mtvec,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.csr.mtvec; },
     .summary = Summary::TrapVector, .fields = kMtvecFields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine trap-handler base address")},
    {.label = nullptr, .address = CsrAddress::Mepc,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.csr.mepc; },
     .summary = Summary::Description, .fields = {},
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine exception program counter")},
    {.label = nullptr, .address = CsrAddress::Mcause,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.csr.mcause; },
     .summary = Summary::TrapCause, .fields = kMcauseFields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine trap cause")},
    {.label = nullptr, .address = CsrAddress::Mtval,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.csr.mtval; },
     .summary = Summary::Description, .fields = {},
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel",
                                      "machine trap value: the faulting address or instruction")},
    {.label = nullptr, .address = CsrAddress::Mscratch,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.csr.mscratch; },
     .summary = Summary::Description, .fields = {},
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "scratch register for machine trap handlers")},
    {.label = nullptr, .address = CsrAddress::Medeleg,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.csr.medeleg; },
     .summary = Summary::Description, .fields = {},
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine exception delegation")},
    {.label = nullptr, .address = CsrAddress::Mideleg,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.csr.mideleg; },
     .summary = Summary::Description, .fields = {},
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine interrupt delegation")},
    {.label = nullptr, .address = CsrAddress::Mcounteren,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.csr.mcounteren; },
     .summary = Summary::Description, .fields = kMcounterenFields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine counter enable")},
    {.label = nullptr, .address = CsrAddress::Mcountinhibit,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.csr.mcountinhibit; },
     .summary = Summary::Description, .fields = kMcountinhibitFields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine counter inhibit")},
    {.label = nullptr, .address = CsrAddress::Mcycle,
     .read = [](const HartSnapshot& s) -> quint64 { return s.mcycle; },
     .summary = Summary::Count, .fields = {},
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine cycle counter")},
    {.label = nullptr, .address = CsrAddress::Mcycleh,
     .read = [](const HartSnapshot& s) -> quint64 { return s.mcycle >> 32; },
     .summary = Summary::Description, .fields = {},
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "upper 32 bits of mcycle"),
     .presence = Presence::Rv32Only},
    {.label = nullptr, .address = CsrAddress::Minstret,
     .read = [](const HartSnapshot& s) -> quint64 { return s.minstret; },
     .summary = Summary::Count, .fields = {},
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine instructions-retired counter")},
    {.label = nullptr, .address = CsrAddress::Minstreth,
     .read = [](const HartSnapshot& s) -> quint64 { return s.minstret >> 32; },
     .summary = Summary::Description, .fields = {},
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "upper 32 bits of minstret"),
     .presence = Presence::Rv32Only},
    // Not a CSR but the CLINT register behind the time CSR; 64 bits on RV32 too.
    {.label = "mtime", .address = {},
     .read = [](const HartSnapshot& s) -> quint64 { return s.mtime; },
     .summary = Summary::Count, .fields = {},
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "machine timer (CLINT), read as the time CSR"),
     .alwaysWide = true},
    // The machine has one hart, so Hart::readCsr answers 0.
    {.label = nullptr, .address = CsrAddress::Mhartid,
     .read = [](const HartSnapshot&) -> quint64 { return 0; },
     .summary = Summary::Description, .fields = {},
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "hardware thread ID")},
    // Supervisor level (privileged spec chapter 4). sie and sip are mie and
    // mip restricted to the interrupts mideleg hands to S-mode (4.1.3).
    {.label = nullptr, .address = CsrAddress::Sstatus,
     .read = [](const HartSnapshot& s) -> quint64 { return s.sstatus; },
     .summary = Summary::Description, .fields = kSstatusFields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor status")},
    {.label = nullptr, .address = CsrAddress::Sie,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.csr.mie & s.hart.csr.mideleg; },
     .summary = Summary::Description, .fields = kSieFields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor interrupt enable")},
    {.label = nullptr, .address = CsrAddress::Sip,
     .read = [](const HartSnapshot& s) -> quint64 { return s.mip & s.hart.csr.mideleg; },
     .summary = Summary::Description, .fields = kSipFields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor interrupt pending")},
    {.label = nullptr, .address = CsrAddress::Stvec,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.supervisor.stvec; },
     .summary = Summary::TrapVector, .fields = kMtvecFields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor trap-handler base address")},
    {.label = nullptr, .address = CsrAddress::Sepc,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.supervisor.sepc; },
     .summary = Summary::Description, .fields = {},
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor exception program counter")},
    {.label = nullptr, .address = CsrAddress::Scause,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.supervisor.scause; },
     .summary = Summary::TrapCause, .fields = kMcauseFields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor trap cause")},
    {.label = nullptr, .address = CsrAddress::Stval,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.supervisor.stval; },
     .summary = Summary::Description, .fields = {},
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel",
                                      "supervisor trap value: the faulting address or instruction")},
    {.label = nullptr, .address = CsrAddress::Sscratch,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.supervisor.sscratch; },
     .summary = Summary::Description, .fields = {},
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "scratch register for supervisor trap handlers")},
    {.label = nullptr, .address = CsrAddress::Satp,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.supervisor.satp; },
     .summary = Summary::AddressSpace, .fields = kSatp64Fields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor address translation and protection"),
     .presence = Presence::Rv64Only},
    {.label = nullptr, .address = CsrAddress::Satp,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.supervisor.satp; },
     .summary = Summary::AddressSpace, .fields = kSatp32Fields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor address translation and protection"),
     .presence = Presence::Rv32Only},
    {.label = nullptr, .address = CsrAddress::Scounteren,
     .read = [](const HartSnapshot& s) -> quint64 { return s.hart.supervisor.scounteren; },
     .summary = Summary::Description, .fields = kScounterenFields,
     .description = QT_TRANSLATE_NOOP("glasshart::CsrModel", "supervisor counter enable")},
};


// internalId of a top-level index; a field's is its register's row + 1.
constexpr quintptr kRegisterId = 0;

unsigned bitsOf(Xlen xlen) { return static_cast<unsigned>(xlen); }

unsigned resolveBit(int bit, Xlen xlen) {
    return bit < 0 ? static_cast<unsigned>(static_cast<int>(bitsOf(xlen)) + bit) : static_cast<unsigned>(bit);
}

// The field's mask with its bits in place.
quint64 fieldMask(const CsrField& field, Xlen xlen) {
    const unsigned high = resolveBit(field.high, xlen);
    const unsigned low = resolveBit(field.low, xlen);
    const quint64 ones = ~quint64{0} >> (63 - (high - low));
    return ones << low;
}

quint64 fieldValue(const CsrField& field, quint64 whole, Xlen xlen) {
    return (whole & fieldMask(field, xlen)) >> resolveBit(field.low, xlen);
}

QString bitRange(const CsrField& field, Xlen xlen) {
    const unsigned high = resolveBit(field.high, xlen);
    const unsigned low = resolveBit(field.low, xlen);
    return high == low ? QString::number(high) : QStringLiteral("%1:%2").arg(high).arg(low);
}

unsigned rowBits(const CsrRow& row, Xlen xlen) { return row.alwaysWide ? 64 : bitsOf(xlen); }

quint64 rowValue(const CsrRow& row, const HartSnapshot& snapshot) {
    const unsigned bits = rowBits(row, snapshot.xlen);
    return row.read(snapshot) & (~quint64{0} >> (64 - bits));
}

QString rowLabel(const CsrRow& row) {
    if (!row.address) return CsrModel::tr(row.label);
    const auto name = csrName(static_cast<std::uint16_t>(*row.address));
    return name ? QString::fromLatin1(name->data(), static_cast<qsizetype>(name->size())) : QString();
}

QString privilegeLetter(quint64 level) {
    switch (static_cast<Privilege>(level)) {
    case Privilege::Machine: return CsrModel::tr("M", "privilege mode");
    case Privilege::Supervisor: return CsrModel::tr("S", "privilege mode");
    case Privilege::User: return CsrModel::tr("U", "privilege mode");
    }
    return CsrModel::tr("reserved (%1)").arg(level);
}

QString privilegeName(quint64 level) {
    switch (static_cast<Privilege>(level)) {
    case Privilege::Machine: return CsrModel::tr("machine");
    case Privilege::Supervisor: return CsrModel::tr("supervisor");
    case Privilege::User: return CsrModel::tr("user");
    }
    return CsrModel::tr("reserved");
}

QString trapVectorModeName(quint64 mode) {
    switch (mode) {
    case 0: return CsrModel::tr("direct");
    case 1: return CsrModel::tr("vectored");
    default: return CsrModel::tr("reserved (%1)").arg(mode);
    }
}

QString baseWidthName(quint64 mxl) {
    switch (mxl) {
    case 1: return QStringLiteral("32");
    case 2: return QStringLiteral("64");
    case 3: return QStringLiteral("128");
    default: return CsrModel::tr("reserved (%1)").arg(mxl);
    }
}

// Extension letters in the order ISA strings use (unprivileged spec chapter
// "ISA Extension Naming Conventions"), then any others alphabetically.
QString extensionLetters(quint64 extensions) {
    const std::string_view canonical = "IEMAFDQLCBKJTPVH";
    QString letters;
    for (char letter : canonical) {
        if ((extensions >> (letter - 'A')) & 1) letters += QLatin1Char(letter);
    }
    for (char letter = 'A'; letter <= 'Z'; ++letter) {
        if (((extensions >> (letter - 'A')) & 1) && canonical.find(letter) == std::string_view::npos) {
            letters += QLatin1Char(letter);
        }
    }
    return letters;
}

QString isaString(quint64 misa, Xlen xlen) {
    const quint64 mxl = (misa >> (bitsOf(xlen) - 2)) & 3;
    const QString width = mxl == 0 ? QString::number(bitsOf(xlen)) : baseWidthName(mxl);
    return QStringLiteral("RV%1%2").arg(width, extensionLetters(misa & ((1u << 26) - 1)));
}

QString fromEngine(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// The engine names causes in English, as the privileged spec does.
QString causeName(quint64 mcause, Xlen xlen) {
    const bool interrupt = (mcause >> (bitsOf(xlen) - 1)) & 1;
    const quint64 code = mcause & (xlenMask(xlen) >> 1);
    // Every code above 255 is reserved, and so is 255: the engine says so.
    const auto small = static_cast<std::uint8_t>(std::min<quint64>(code, 0xff));
    return interrupt ? fromEngine(interruptName(static_cast<Interrupt>(small)))
                     : fromEngine(exceptionName(static_cast<Exception>(small)));
}

QString floatStateName(quint64 fs) {
    switch (fs) {
    case 0: return CsrModel::tr("Off");
    case 1: return CsrModel::tr("Initial");
    case 2: return CsrModel::tr("Clean");
    default: return CsrModel::tr("Dirty");
    }
}

// The scheme satp selects, named as the privileged spec names it; the
// engine decodes the field.
QString pagingModeName(quint64 satp, Xlen xlen) {
    const std::optional<PagingMode> mode = decodeSatp(satp, xlen).mode;
    if (!mode) return CsrModel::tr("Bare");
    return QStringLiteral("Sv%1").arg(mode->vaBits);
}

QString addressSpaceText(const CsrRow& row, quint64 satp, Xlen xlen) {
    const Satp decoded = decodeSatp(satp, xlen);
    if (!decoded.mode) return CsrModel::tr("Bare: no address translation");
    quint64 asid = 0;
    for (const CsrField& field : row.fields) {
        if (std::string_view(field.name) == "ASID") asid = fieldValue(field, satp, xlen);
    }
    return CsrModel::tr("%1, ASID %2, root page table at %3")
        .arg(pagingModeName(satp, xlen))
        .arg(asid)
        .arg(QStringLiteral("0x%1").arg(decoded.rootPpn << kPageShift, 0, 16));
}

QString trapVectorText(quint64 mtvec, Xlen xlen) {
    const QString base = hexValue(mtvec & ~quint64{3}, bitsOf(xlen));
    switch (mtvec & 3) {
    case 0: return CsrModel::tr("direct: every trap goes to %1").arg(base);
    case 1: return CsrModel::tr("vectored: exceptions go to %1, interrupts to %1 + 4 \u00d7 cause").arg(base);
    default: return trapVectorModeName(mtvec & 3);
    }
}

QString fieldText(const CsrField& field, quint64 whole, Xlen xlen) {
    const quint64 value = fieldValue(field, whole, xlen);
    switch (field.kind) {
    case FieldKind::Flag: return QString::number(value);
    case FieldKind::Address: return hexValue(whole & fieldMask(field, xlen), bitsOf(xlen));
    case FieldKind::Privilege: return privilegeLetter(value);
    case FieldKind::TrapVectorMode: return trapVectorModeName(value);
    case FieldKind::TrapCause: return CsrModel::tr("%1 (%2)").arg(value).arg(causeName(whole, xlen));
    case FieldKind::Extensions: return extensionLetters(value);
    case FieldKind::BaseWidth: return baseWidthName(value);
    case FieldKind::FloatState: return floatStateName(value);
    case FieldKind::PagingMode: return pagingModeName(whole, xlen);
    case FieldKind::Number: return QStringLiteral("0x%1").arg(value, 0, 16);
    }
    return {};
}

QString summaryText(const CsrRow& row, const HartSnapshot& snapshot) {
    const quint64 value = row.read(snapshot);
    switch (row.summary) {
    case Summary::Description: return CsrModel::tr(row.description);
    case Summary::Privilege: return privilegeName(value);
    case Summary::Isa: return isaString(value, snapshot.xlen);
    case Summary::TrapCause: return causeName(value, snapshot.xlen);
    case Summary::TrapVector: return trapVectorText(value, snapshot.xlen);
    case Summary::Count: return QLocale().toString(value);
    case Summary::AddressSpace: return addressSpaceText(row, value, snapshot.xlen);
    }
    return {};
}

QString valueText(const CsrRow& row, const HartSnapshot& snapshot) {
    if (row.summary == Summary::Privilege) return privilegeLetter(row.read(snapshot));
    return hexValue(rowValue(row, snapshot), rowBits(row, snapshot.xlen));
}

QString registerToolTip(const CsrRow& row) {
    const QString description = CsrModel::tr(row.description);
    if (!row.address) return description;
    return CsrModel::tr("%1 (CSR 0x%2): %3")
        .arg(rowLabel(row), QString::number(static_cast<unsigned>(*row.address), 16), description);
}

}  // namespace

CsrModel::CsrModel(QObject* parent) : QAbstractItemModel(parent) { useRowsFor(rowsXlen_); }

QModelIndex CsrModel::registerIndex(QStringView name, int column) const {
    for (int row = 0; row < rows_.size(); ++row) {
        if (rowLabel(*rows_[row]) == name) return index(row, column);
    }
    return {};
}

QModelIndex CsrModel::fieldIndex(QStringView name, QStringView field, int column) const {
    const QModelIndex parentIndex = registerIndex(name);
    if (!parentIndex.isValid()) return {};
    const auto fields = rows_[parentIndex.row()]->fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (QLatin1String(fields[i].name) == field) return index(static_cast<int>(i), column, parentIndex);
    }
    return {};
}

QModelIndex CsrModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) return {};
    if (!parent.isValid()) return createIndex(row, column, kRegisterId);
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex CsrModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kRegisterId) return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kRegisterId);
}

int CsrModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return static_cast<int>(rows_.size());
    // Only a register's first column has children, and fields have none.
    if (parent.internalId() != kRegisterId || parent.column() != 0) return 0;
    return static_cast<int>(rows_[parent.row()]->fields.size());
}

int CsrModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant CsrModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    if (index.internalId() == kRegisterId) return registerData(*rows_[index.row()], index.column(), role);
    const CsrRow& row = *rows_[static_cast<int>(index.internalId() - 1)];
    return fieldData(row, index.row(), index.column(), role);
}

QVariant CsrModel::registerData(const CsrRow& row, int column, int role) const {
    if (role == Qt::ToolTipRole) return registerToolTip(row);
    if (role == Qt::DisplayRole && column == NameColumn) return rowLabel(row);
    if (history_.isEmpty()) return {};
    if (role != Qt::DisplayRole) return highlight(registerChanged(row), column, role);
    switch (column) {
    case ValueColumn: return valueText(row, history_.current());
    case MeaningColumn: return summaryText(row, history_.current());
    default: return {};
    }
}

QVariant CsrModel::fieldData(const CsrRow& row, int field, int column, int role) const {
    const CsrField& spec = row.fields[static_cast<std::size_t>(field)];
    if (role == Qt::ToolTipRole) {
        return tr("%1.%2, bits %3: %4")
            .arg(rowLabel(row), QString::fromLatin1(spec.name), bitRange(spec, rowsXlen_), tr(spec.description));
    }
    if (role == Qt::DisplayRole) {
        switch (column) {
        case NameColumn: return QString::fromLatin1(spec.name);
        case BitsColumn: return bitRange(spec, rowsXlen_);
        case MeaningColumn: return tr(spec.description);
        default: break;
        }
    }
    if (history_.isEmpty()) return {};
    if (role != Qt::DisplayRole) return highlight(fieldChanged(row, field), column, role);
    if (column != ValueColumn) return {};
    const HartSnapshot& snapshot = history_.current();
    return fieldText(spec, row.read(snapshot), snapshot.xlen);
}

QVariant CsrModel::highlight(bool changed, int column, int role) const {
    switch (role) {
    case Qt::BackgroundRole: return changed ? QVariant(changedBackground(QGuiApplication::palette())) : QVariant();
    case Qt::FontRole: {
        if (column == ValueColumn) {
            const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
            return changed ? changedFont(fixed) : fixed;
        }
        return changed && column == NameColumn ? QVariant(changedFont(QFont())) : QVariant();
    }
    default: return {};
    }
}

bool CsrModel::registerChanged(const CsrRow& row) const {
    return rowValue(row, history_.current()) != rowValue(row, history_.baseline());
}

bool CsrModel::fieldChanged(const CsrRow& row, int field) const {
    const CsrField& spec = row.fields[static_cast<std::size_t>(field)];
    return fieldValue(spec, row.read(history_.current()), rowsXlen_) !=
           fieldValue(spec, row.read(history_.baseline()), rowsXlen_);
}

QVariant CsrModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case BitsColumn: return tr("Bits");
    case ValueColumn: return tr("Value");
    case MeaningColumn: return tr("Meaning");
    default: return {};
    }
}

void CsrModel::setSnapshot(const HartSnapshot& snapshot) {
    if (snapshot.xlen != rowsXlen_) {
        // Other rows exist and field positions move: rebuild the tree.
        beginResetModel();
        history_.add(snapshot);
        useRowsFor(snapshot.xlen);
        endResetModel();
        return;
    }
    history_.add(snapshot);
    announceAllData();
}

void CsrModel::clear() {
    history_.clear();
    announceAllData();
}

void CsrModel::useRowsFor(Xlen xlen) {
    rowsXlen_ = xlen;
    rows_.clear();
    for (const CsrRow& row : kRows) {
        const bool present = row.presence == Presence::Always ||
                             (row.presence == Presence::Rv32Only && xlen == Xlen::Rv32) ||
                             (row.presence == Presence::Rv64Only && xlen == Xlen::Rv64);
        if (present) rows_.push_back(&row);
    }
}

void CsrModel::announceAllData() {
    if (rows_.isEmpty()) return;
    emit dataChanged(index(0, 0), index(static_cast<int>(rows_.size()) - 1, ColumnCount - 1));
    for (int row = 0; row < rows_.size(); ++row) {
        const int fields = static_cast<int>(rows_[row]->fields.size());
        if (fields == 0) continue;
        const QModelIndex parentIndex = index(row, 0);
        emit dataChanged(index(0, 0, parentIndex), index(fields - 1, ColumnCount - 1, parentIndex));
    }
}

}  // namespace glasshart
