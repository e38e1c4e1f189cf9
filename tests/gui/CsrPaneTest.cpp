// The CSR pane on the offscreen platform, driven by the Inspector's signals
// with made-up snapshots: the rows for each XLEN, field decoding (mstatus,
// misa, mcause, mtvec), counters, and highlighting of changes.
#include <QtTest>

#include <QLocale>
#include <QTreeView>

#include "Inspector.h"
#include "hart/Mstatus.h"
#include "panes/CsrModel.h"
#include "panes/CsrPane.h"

using glasshart::CsrModel;
using glasshart::CsrPane;
using glasshart::HartSnapshot;
using glasshart::Inspector;
using glasshart::Privilege;
using glasshart::RunState;
using glasshart::Xlen;

namespace {

constexpr quint64 kImac = (1ull << ('I' - 'A')) | (1ull << ('M' - 'A')) | (1ull << ('A' - 'A')) | (1ull << ('C' - 'A'));
constexpr quint64 kMppMachine = 3ull << glasshart::mstatus::kMppShift;

// What the hart looks like just after reset, as Hart::reset() leaves it.
HartSnapshot resetSnapshot(Xlen xlen, quint64 sequence) {
    HartSnapshot snapshot;
    snapshot.xlen = xlen;
    snapshot.sequence = sequence;
    snapshot.runState = RunState::Paused;
    snapshot.hart.csr.misa = (xlen == Xlen::Rv64 ? 2ull << 62 : 1ull << 30) | kImac;
    snapshot.mstatus = kMppMachine;
    return snapshot;
}

struct Fixture {
    Inspector inspector;
    CsrPane pane{inspector};
    QTreeView* view = pane.findChild<QTreeView*>(QStringLiteral("csrTree"));
    CsrModel* model = qobject_cast<CsrModel*>(view->model());

    void publish(const HartSnapshot& snapshot) { emit inspector.snapshotUpdated(snapshot); }
    [[nodiscard]] QString text(const QString& reg, int column) const {
        return model->registerIndex(reg, column).data().toString();
    }
    [[nodiscard]] QString field(const QString& reg, const QString& name, int column = CsrModel::ValueColumn) const {
        return model->fieldIndex(reg, name, column).data().toString();
    }
    [[nodiscard]] static bool highlighted(const QModelIndex& index) {
        return index.data(Qt::BackgroundRole).isValid() && index.data(Qt::FontRole).value<QFont>().bold();
    }
};

}  // namespace

class CsrPaneTest : public QObject {
    Q_OBJECT

private slots:
    void listsThePrivilegeModeAndTheMachineCsrs() {
        Fixture f;
        QVERIFY(f.model != nullptr);
        f.publish(resetSnapshot(Xlen::Rv64, 1));
        QCOMPARE(f.model->index(0, CsrModel::NameColumn).data().toString(), QStringLiteral("privilege"));
        const QStringList names = {"mstatus", "misa", "mie", "mip", "mtvec", "mepc", "mcause", "mtval",
                                   "mscratch", "medeleg", "mideleg", "mcounteren", "mcountinhibit",
                                   "mcycle", "minstret", "mtime", "mhartid"};
        for (const QString& name : names) QVERIFY2(f.model->registerIndex(name).isValid(), qPrintable(name));
        QVERIFY(!f.model->registerIndex(QStringLiteral("mcycleh")).isValid());
        QCOMPARE(f.text("privilege", CsrModel::ValueColumn), QStringLiteral("M"));
        QCOMPARE(f.text("privilege", CsrModel::MeaningColumn), CsrModel::tr("machine"));
        QCOMPARE(f.text("mstatus", CsrModel::ValueColumn), QStringLiteral("0x0000000000001800"));
        QCOMPARE(f.text("mhartid", CsrModel::ValueColumn), QStringLiteral("0x0000000000000000"));
    }

    void rv32HasTheHighCounterHalves() {
        Fixture f;
        HartSnapshot s = resetSnapshot(Xlen::Rv32, 1);
        s.mcycle = 0x1'0000'0005ull;
        s.mtime = 0x2'0000'0000ull;
        f.publish(s);
        QCOMPARE(f.text("mcycle", CsrModel::ValueColumn), QStringLiteral("0x00000005"));
        QCOMPARE(f.text("mcycleh", CsrModel::ValueColumn), QStringLiteral("0x00000001"));
        QCOMPARE(f.text("mcycle", CsrModel::MeaningColumn), QLocale().toString(0x1'0000'0005ull));
        QVERIFY(f.model->registerIndex(QStringLiteral("minstreth")).isValid());
        // mtime is the CLINT's 64-bit register whatever the XLEN.
        QCOMPARE(f.text("mtime", CsrModel::ValueColumn), QStringLiteral("0x0000000200000000"));
    }

    void decodesMstatus() {
        Fixture f;
        HartSnapshot s = resetSnapshot(Xlen::Rv64, 1);
        s.mstatus = kMppMachine | glasshart::mstatus::kMie;
        f.publish(s);
        // SIE MIE SPIE MPIE SPP MPP FS MPRV SUM MXR TVM TW TSR SD (privileged spec 3.1.6).
        QCOMPARE(f.model->rowCount(f.model->registerIndex(QStringLiteral("mstatus"))), 14);
        QCOMPARE(f.field("mstatus", "MIE"), QStringLiteral("1"));
        QCOMPARE(f.field("mstatus", "MIE", CsrModel::BitsColumn), QStringLiteral("3"));
        QCOMPARE(f.field("mstatus", "MIE", CsrModel::MeaningColumn), CsrModel::tr("machine interrupts enabled"));
        QCOMPARE(f.field("mstatus", "MPIE"), QStringLiteral("0"));
        QCOMPARE(f.field("mstatus", "MPP"), QStringLiteral("M"));
        QCOMPARE(f.field("mstatus", "MPP", CsrModel::BitsColumn), QStringLiteral("12:11"));
        s.sequence = 2;
        s.mstatus = glasshart::mstatus::kMpie | (1ull << glasshart::mstatus::kMppShift);
        f.publish(s);
        QCOMPARE(f.field("mstatus", "MIE"), QStringLiteral("0"));
        QCOMPARE(f.field("mstatus", "MPIE"), QStringLiteral("1"));
        QCOMPARE(f.field("mstatus", "MPP"), QStringLiteral("S"));
        s.sequence = 3;
        s.mstatus = 0;
        f.publish(s);
        QCOMPARE(f.field("mstatus", "MPP"), QStringLiteral("U"));
    }

    void decodesTheSupervisorLevel() {
        Fixture f;
        HartSnapshot s = resetSnapshot(Xlen::Rv64, 1);
        s.hart.privilege = glasshart::Privilege::Supervisor;
        // Sv39 (MODE 8), ASID 0x1234, root table at physical 0x80abc000 (4.1.11).
        s.hart.supervisor.satp = (8ull << 60) | (0x1234ull << 44) | 0x80abcull;
        // SD, FS Dirty, SUM, SPP = S, SIE (4.1.1).
        s.sstatus = (1ull << 63) | (3ull << 13) | (1ull << 18) | (1ull << 8) | (1ull << 1);
        s.hart.supervisor.scause = (1ull << 63) | 9;
        s.hart.csr.mideleg = 0x222;  // SSI, STI, SEI
        s.hart.csr.mie = 0xaaa;      // every interrupt
        s.mip = 0x220;               // STIP, SEIP
        f.publish(s);
        QCOMPARE(f.text("privilege", CsrModel::ValueColumn), QStringLiteral("S"));
        QCOMPARE(f.field("satp", "MODE"), QStringLiteral("Sv39"));
        QCOMPARE(f.field("satp", "MODE", CsrModel::BitsColumn), QStringLiteral("63:60"));
        QCOMPARE(f.field("satp", "ASID"), QStringLiteral("0x1234"));
        QCOMPARE(f.field("satp", "PPN"), QStringLiteral("0x80abc"));
        QVERIFY2(f.text("satp", CsrModel::MeaningColumn).contains(QStringLiteral("0x80abc000")),
                 qPrintable(f.text("satp", CsrModel::MeaningColumn)));
        QCOMPARE(f.field("sstatus", "SD"), QStringLiteral("1"));
        QCOMPARE(f.field("sstatus", "SD", CsrModel::BitsColumn), QStringLiteral("63"));
        QCOMPARE(f.field("sstatus", "FS"), CsrModel::tr("Dirty"));
        QCOMPARE(f.field("sstatus", "SUM"), QStringLiteral("1"));
        QCOMPARE(f.field("sstatus", "MXR"), QStringLiteral("0"));
        QCOMPARE(f.field("sstatus", "SPP"), QStringLiteral("S"));
        QCOMPARE(f.field("sstatus", "SIE"), QStringLiteral("1"));
        QCOMPARE(f.field("sstatus", "SPIE"), QStringLiteral("0"));
        QCOMPARE(f.text("scause", CsrModel::MeaningColumn), QStringLiteral("supervisor external interrupt"));
        QCOMPARE(f.text("sie", CsrModel::ValueColumn), QStringLiteral("0x0000000000000222"));
        QCOMPARE(f.text("sip", CsrModel::ValueColumn), QStringLiteral("0x0000000000000220"));
        QCOMPARE(f.field("sip", "SSIP"), QStringLiteral("0"));
        QCOMPARE(f.field("sip", "STIP"), QStringLiteral("1"));
        QCOMPARE(f.field("mie", "SEIE"), QStringLiteral("1"));
        // Bare: no translation.
        s.sequence = 2;
        s.hart.supervisor.satp = 0x80abcull;
        f.publish(s);
        QCOMPARE(f.field("satp", "MODE"), CsrModel::tr("Bare"));
        // RV32: MODE is bit 31 alone, and 1 selects Sv32.
        HartSnapshot rv32 = resetSnapshot(Xlen::Rv32, 3);
        rv32.hart.supervisor.satp = (1ull << 31) | (5ull << 22) | 0x12345ull;
        f.publish(rv32);
        QCOMPARE(f.field("satp", "MODE"), QStringLiteral("Sv32"));
        QCOMPARE(f.field("satp", "MODE", CsrModel::BitsColumn), QStringLiteral("31"));
        QCOMPARE(f.field("satp", "ASID"), QStringLiteral("0x5"));
        QCOMPARE(f.field("satp", "PPN"), QStringLiteral("0x12345"));
    }

    void namesTheIsa() {
        Fixture f;
        f.publish(resetSnapshot(Xlen::Rv64, 1));
        QCOMPARE(f.text("misa", CsrModel::MeaningColumn), QStringLiteral("RV64IMAC"));
        QCOMPARE(f.text("misa", CsrModel::ValueColumn), QStringLiteral("0x8000000000001105"));
        QCOMPARE(f.field("misa", "MXL"), QStringLiteral("64"));
        QCOMPARE(f.field("misa", "MXL", CsrModel::BitsColumn), QStringLiteral("63:62"));
        QCOMPARE(f.field("misa", "Extensions"), QStringLiteral("IMAC"));
        f.publish(resetSnapshot(Xlen::Rv32, 1));
        QCOMPARE(f.text("misa", CsrModel::MeaningColumn), QStringLiteral("RV32IMAC"));
        QCOMPARE(f.text("misa", CsrModel::ValueColumn), QStringLiteral("0x40001105"));
        QCOMPARE(f.field("misa", "MXL"), QStringLiteral("32"));
        QCOMPARE(f.field("misa", "MXL", CsrModel::BitsColumn), QStringLiteral("31:30"));
        HartSnapshot more = resetSnapshot(Xlen::Rv64, 1);
        more.hart.csr.misa |= (1ull << ('F' - 'A')) | (1ull << ('D' - 'A')) | (1ull << ('S' - 'A')) |
                              (1ull << ('U' - 'A'));
        f.publish(more);
        QCOMPARE(f.text("misa", CsrModel::MeaningColumn), QStringLiteral("RV64IMAFDCSU"));
    }

    void namesTheTrapCause() {
        Fixture f;
        HartSnapshot s = resetSnapshot(Xlen::Rv64, 1);
        s.hart.csr.mcause = 2;
        f.publish(s);
        QCOMPARE(f.text("mcause", CsrModel::MeaningColumn), QStringLiteral("illegal instruction"));
        QCOMPARE(f.field("mcause", "Interrupt"), QStringLiteral("0"));
        QCOMPARE(f.field("mcause", "Exception code"), QStringLiteral("2 (illegal instruction)"));
        s.sequence = 2;
        s.hart.csr.mcause = 11;
        f.publish(s);
        QCOMPARE(f.text("mcause", CsrModel::MeaningColumn), QStringLiteral("environment call from M-mode"));
        s.sequence = 3;
        s.hart.csr.mcause = (1ull << 63) | 7;
        f.publish(s);
        QCOMPARE(f.text("mcause", CsrModel::MeaningColumn), QStringLiteral("machine timer interrupt"));
        QCOMPARE(f.field("mcause", "Interrupt"), QStringLiteral("1"));
        QCOMPARE(f.field("mcause", "Interrupt", CsrModel::BitsColumn), QStringLiteral("63"));
        QCOMPARE(f.field("mcause", "Exception code", CsrModel::BitsColumn), QStringLiteral("62:0"));
        QCOMPARE(f.field("mcause", "Exception code"), QStringLiteral("7 (machine timer interrupt)"));
        s.sequence = 4;
        s.hart.csr.mcause = 10;
        f.publish(s);
        QCOMPARE(f.text("mcause", CsrModel::MeaningColumn), QStringLiteral("reserved exception"));
    }

    void rv32TrapCausesUseBit31() {
        Fixture f;
        HartSnapshot s = resetSnapshot(Xlen::Rv32, 1);
        s.hart.csr.mcause = (1ull << 31) | 11;
        f.publish(s);
        QCOMPARE(f.text("mcause", CsrModel::ValueColumn), QStringLiteral("0x8000000b"));
        QCOMPARE(f.text("mcause", CsrModel::MeaningColumn), QStringLiteral("machine external interrupt"));
        QCOMPARE(f.field("mcause", "Interrupt", CsrModel::BitsColumn), QStringLiteral("31"));
        s.sequence = 2;
        s.hart.csr.mcause = 3;
        f.publish(s);
        QCOMPARE(f.text("mcause", CsrModel::MeaningColumn), QStringLiteral("breakpoint"));
        QCOMPARE(f.field("mcause", "Interrupt"), QStringLiteral("0"));
    }

    void decodesTheTrapVector() {
        Fixture f;
        HartSnapshot s = resetSnapshot(Xlen::Rv64, 1);
        s.hart.csr.mtvec = 0x8000'0100;
        f.publish(s);
        QCOMPARE(f.field("mtvec", "MODE"), CsrModel::tr("direct"));
        QCOMPARE(f.field("mtvec", "BASE"), QStringLiteral("0x0000000080000100"));
        QCOMPARE(f.field("mtvec", "BASE", CsrModel::BitsColumn), QStringLiteral("63:2"));
        QVERIFY(f.text("mtvec", CsrModel::MeaningColumn).startsWith(CsrModel::tr("direct")));
        s.sequence = 2;
        s.hart.csr.mtvec = 0x8000'0101;
        f.publish(s);
        QCOMPARE(f.field("mtvec", "MODE"), CsrModel::tr("vectored"));
        QCOMPARE(f.field("mtvec", "BASE"), QStringLiteral("0x0000000080000100"));
        QVERIFY(f.text("mtvec", CsrModel::MeaningColumn).startsWith(CsrModel::tr("vectored")));
    }

    void decodesInterruptBits() {
        Fixture f;
        HartSnapshot s = resetSnapshot(Xlen::Rv64, 1);
        s.hart.csr.mie = 1u << 7;
        s.mip = (1u << 7) | (1u << 3);
        f.publish(s);
        QCOMPARE(f.field("mie", "MTIE"), QStringLiteral("1"));
        QCOMPARE(f.field("mie", "MSIE"), QStringLiteral("0"));
        QCOMPARE(f.field("mip", "MTIP"), QStringLiteral("1"));
        QCOMPARE(f.field("mip", "MSIP"), QStringLiteral("1"));
        QCOMPARE(f.field("mip", "MEIP"), QStringLiteral("0"));
        QCOMPARE(f.field("mip", "MEIP", CsrModel::BitsColumn), QStringLiteral("11"));
    }

    void showsCounters() {
        Fixture f;
        HartSnapshot s = resetSnapshot(Xlen::Rv64, 1);
        s.minstret = 123456;
        f.publish(s);
        QCOMPARE(f.text("minstret", CsrModel::ValueColumn), QStringLiteral("0x000000000001e240"));
        QCOMPARE(f.text("minstret", CsrModel::MeaningColumn), QLocale().toString(123456));
    }

    void highlightsWhatChangedSinceTheLastStop() {
        Fixture f;
        HartSnapshot s = resetSnapshot(Xlen::Rv64, 1);
        f.publish(s);
        QVERIFY(!Fixture::highlighted(f.model->registerIndex(QStringLiteral("mstatus"), CsrModel::ValueColumn)));
        s.sequence = 2;
        s.mstatus |= glasshart::mstatus::kMie;
        s.hart.csr.mcause = 3;
        f.publish(s);
        QVERIFY(Fixture::highlighted(f.model->registerIndex(QStringLiteral("mstatus"), CsrModel::ValueColumn)));
        QVERIFY(Fixture::highlighted(f.model->fieldIndex(QStringLiteral("mstatus"), QStringLiteral("MIE"),
                                                         CsrModel::ValueColumn)));
        QVERIFY(!Fixture::highlighted(f.model->fieldIndex(QStringLiteral("mstatus"), QStringLiteral("MPP"),
                                                          CsrModel::ValueColumn)));
        QVERIFY(Fixture::highlighted(f.model->registerIndex(QStringLiteral("mcause"), CsrModel::ValueColumn)));
        QVERIFY(!Fixture::highlighted(f.model->registerIndex(QStringLiteral("mepc"), CsrModel::ValueColumn)));
        QVERIFY(!Fixture::highlighted(f.model->registerIndex(QStringLiteral("privilege"), CsrModel::ValueColumn)));
        // The next step compares with this one.
        s.sequence = 3;
        s.hart.csr.mepc = 0x8000'0004;
        f.publish(s);
        QVERIFY(!Fixture::highlighted(f.model->registerIndex(QStringLiteral("mstatus"), CsrModel::ValueColumn)));
        QVERIFY(Fixture::highlighted(f.model->registerIndex(QStringLiteral("mepc"), CsrModel::ValueColumn)));
        // A new program has nothing to compare with.
        emit f.inspector.programOpened(QStringLiteral("other.elf"));
        QVERIFY(f.text("mepc", CsrModel::ValueColumn).isEmpty());
        s.sequence = 1;
        s.hart.csr.mepc = 0;
        f.publish(s);
        QVERIFY(!Fixture::highlighted(f.model->registerIndex(QStringLiteral("mepc"), CsrModel::ValueColumn)));
    }

    void expandsIntoFieldsAndKeepsThemOpenAcrossXlens() {
        Fixture f;
        f.pane.resize(640, 800);
        f.pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.pane));
        f.publish(resetSnapshot(Xlen::Rv64, 1));
        const QModelIndex mstatus = f.model->registerIndex(QStringLiteral("mstatus"));
        QVERIFY(f.model->hasChildren(mstatus));
        QVERIFY(!f.model->hasChildren(f.model->registerIndex(QStringLiteral("mepc"))));
        f.view->expand(mstatus);
        QVERIFY(f.view->isExpanded(mstatus));
        f.publish(resetSnapshot(Xlen::Rv32, 1));
        QVERIFY(f.view->isExpanded(f.model->registerIndex(QStringLiteral("mstatus"))));
        QVERIFY(!f.view->isExpanded(f.model->registerIndex(QStringLiteral("misa"))));
    }
};

QTEST_MAIN(CsrPaneTest)
#include "CsrPaneTest.moc"
