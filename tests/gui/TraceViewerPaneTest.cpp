// The trace viewer on real translations: blocks the translator made while
// running the demo guest, handed to the pane as the Inspector would.

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>
#include <algorithm>

#include "Inspector.h"
#include "dbt/Dispatcher.h"
#include "isa/Decoder.h"
#include "isa/Disassembler.h"
#include "machine/Machine.h"
#include "panes/BlockActivityModel.h"
#include "panes/GuestLocation.h"
#include "panes/TraceModel.h"
#include "panes/TraceViewerPane.h"
#include "panes/X86Disassembler.h"

using namespace glasshart;

namespace {

ElfImage demoProgram() { return ElfImage::load(std::string(GLASSHART_GUEST_DIR) + "/demo-rv64.elf"); }

// The program's own bytes for [address, end), or nothing if no segment holds them.
QByteArray programBytes(const ElfImage& program, quint64 address, quint64 end) {
    for (const ElfSegment& segment : program.segments()) {
        if (address >= segment.address && end <= segment.address + segment.bytes.size()) {
            return QByteArray(reinterpret_cast<const char*>(segment.bytes.data() + (address - segment.address)),
                              static_cast<qsizetype>(end - address));
        }
    }
    return {};
}

// What the Inspector's worker would send for `block`: its guest bytes from
// the ELF, its host bytes from the translation cache's arena.
BlockDescription describe(const ElfImage& program, TranslationCache& cache, const TranslatedBlock& block) {
    BlockDescription description;
    description.found = true;
    description.guestPc = block.guestPc;
    description.guestEnd = block.guestEnd;
    description.hostAddress = cache.arena().executableAddress(block.hostOffset);
    description.translationSerial = block.translationSerial;
    description.guestCode = programBytes(program, block.guestPc, block.guestEnd);
    description.hostCode = QByteArray(reinterpret_cast<const char*>(cache.arena().executable(block.hostOffset)),
                                      static_cast<qsizetype>(block.hostSize));
    description.spans = QVector<InstructionSpan>(block.spans.begin(), block.spans.end());
    description.registerHomes = QVector<RegisterHome>(block.registerHomes.begin(), block.registerHomes.end());
    return description;
}

// The host bytes a group of the trace viewer shows.
QByteArray groupBytes(const TraceModel::Group& group) {
    QByteArray bytes;
    for (const X86Instruction& instruction : group.host) bytes += instruction.bytes;
    return bytes;
}

bool hasSlowPath(const TranslatedBlock& block) {
    return std::any_of(block.spans.begin(), block.spans.end(),
                       [](const InstructionSpan& span) { return span.slowPathEnd > span.slowPathBegin; });
}

bool hasSideExit(const TranslatedBlock& block) {
    return std::any_of(block.spans.begin(), block.spans.end(),
                       [](const InstructionSpan& span) { return span.sideExitEnd > span.sideExitBegin; });
}

// Runs the demo under the translator and describes three of its blocks:
// the longest one with a slow path, one with a side exit, and another one.
struct TranslatedDemo {
    BlockDescription withSlowPath;
    BlockDescription withSideExit;
    BlockDescription other;
};

TranslatedDemo translateDemo() {
    const ElfImage program = demoProgram();
    MachineConfig config;
    config.xlen = program.xlen();
    config.engine = Engine::Translator;
    Machine machine(config, [](std::uint8_t) {});
    machine.load(program);
    machine.run(20'000);
    TranslationCache& cache = machine.dispatcher()->cache();
    const TranslatedBlock* best = nullptr;
    const TranslatedBlock* sideExit = nullptr;
    const TranslatedBlock* other = nullptr;
    for (const auto& block : cache.blocks()) {
        // Blocks of code the guest rewrote (it tests self-modifying code) differ from the ELF.
        if (!block->valid || programBytes(program, block->guestPc, block->guestEnd).isEmpty()) continue;
        const QByteArray ram(reinterpret_cast<const char*>(machine.bus().ram().at(block->guestPc)),
                             static_cast<qsizetype>(block->guestEnd - block->guestPc));
        if (ram != programBytes(program, block->guestPc, block->guestEnd)) continue;
        if (hasSlowPath(*block) && (best == nullptr || block->spans.size() > best->spans.size())) best = block.get();
        if (hasSideExit(*block)) sideExit = block.get();
    }
    for (const auto& block : cache.blocks()) {
        if (block->valid && block.get() != best && block->spans.size() > 1 &&
            !programBytes(program, block->guestPc, block->guestEnd).isEmpty()) {
            other = block.get();
        }
    }
    if (best == nullptr || sideExit == nullptr || other == nullptr) return {};
    return TranslatedDemo{describe(program, cache, *best), describe(program, cache, *sideExit),
                          describe(program, cache, *other)};
}

HartSnapshot pausedAt(quint64 pc, quint64 retired) {
    HartSnapshot snapshot;
    snapshot.sequence = retired + 1;
    snapshot.hart.pc = pc;
    snapshot.hart.retired = retired;
    snapshot.runState = RunState::Paused;
    return snapshot;
}

QString hostText(const TraceModel& model, int row) {
    return model.index(row, TraceModel::HostInstructionColumn).data().toString().simplified();
}

QString groupLabel(const TraceModel& model, int group) {
    return model.index(model.group(group).firstRow, TraceModel::GuestAddressColumn).data().toString();
}

QSet<int> selectedRows(const QTableView* view) {
    QSet<int> rows;
    for (const QModelIndex& index : view->selectionModel()->selection().indexes()) rows.insert(index.row());
    return rows;
}

QSet<int> rowsOfGroups(const TraceModel& model, const std::vector<int>& groups) {
    QSet<int> rows;
    for (const int g : groups) {
        for (int row = model.group(g).firstRow; row < model.group(g).firstRow + model.group(g).rowCount; ++row) {
            rows.insert(row);
        }
    }
    return rows;
}

int instructionGroup(const TraceModel& model, int guest) {
    for (int g = 0; g < model.groupCount(); ++g) {
        if (model.group(g).kind == TraceModel::GroupKind::Instruction && model.group(g).guest == guest) return g;
    }
    return -1;
}

}  // namespace

class TraceViewerPaneTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void followsThePcWhileStopped();
    void saysWhenThereIsNoTranslation();
    void alignsEachGuestInstructionWithItsHostCode();
    void showsSideExitsOutOfLine();
    void syntaxSwitchChangesTheTextAndPersists();
    void selectionIsLinkedBothWays();
    void blockCanBeChosenByAddress();
    void profileCheckBoxTurnsProfilingOnAndPersists();
    void activityFillsBothListsInOrder();
    void choosingAnActivityEntryShowsItsBlock();
    void profilesTheRunningDemo();

private:
    // Makes the pane ask for `block` as the pc stops in it, then answers.
    void show(TraceViewerPane& pane, Inspector& inspector, const BlockDescription& block);

    TranslatedDemo demo_;
};

void TraceViewerPaneTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GlasshartTests"));
    QCoreApplication::setApplicationName(QStringLiteral("TraceViewerPaneTest"));
    demo_ = translateDemo();
    QVERIFY2(demo_.withSlowPath.found, "the demo guest's run leaves a block with a slow path in the cache");
    QVERIFY2(demo_.withSideExit.found, "the demo guest's run leaves a block with a side exit in the cache");
    QVERIFY(demo_.other.found);
    QVERIFY(demo_.withSlowPath.spans.size() > 1);
}

void TraceViewerPaneTest::init() { QSettings().clear(); }

void TraceViewerPaneTest::show(TraceViewerPane& pane, Inspector& inspector, const BlockDescription& block) {
    QSignalSpy requests(&pane, &TraceViewerPane::blockRequested);
    emit inspector.snapshotUpdated(pausedAt(block.guestPc, block.translationSerial * 1000 + 7));
    QCOMPARE(requests.count(), 1);
    QCOMPARE(requests.at(0).at(0).toULongLong(), block.guestPc);
    emit inspector.blockDescribed(block);
}

void TraceViewerPaneTest::followsThePcWhileStopped() {
    Inspector inspector;
    TraceViewerPane pane(inspector);
    QSignalSpy requests(&pane, &TraceViewerPane::blockRequested);

    HartSnapshot running = pausedAt(0x80000100, 10);
    running.runState = RunState::Running;
    emit inspector.snapshotUpdated(running);
    QCOMPARE(requests.count(), 0);

    emit inspector.snapshotUpdated(pausedAt(0x80000100, 20));
    QCOMPARE(requests.count(), 1);
    QCOMPARE(requests.at(0).at(0).toULongLong(), 0x80000100ull);
    // The same stop published again is no reason to ask again.
    emit inspector.snapshotUpdated(pausedAt(0x80000100, 20));
    QCOMPARE(requests.count(), 1);
    // A step that came back to the same pc is.
    emit inspector.snapshotUpdated(pausedAt(0x80000100, 25));
    QCOMPARE(requests.count(), 2);
}

void TraceViewerPaneTest::saysWhenThereIsNoTranslation() {
    Inspector inspector;
    TraceViewerPane pane(inspector);
    BlockDescription missing;
    missing.guestPc = 0x80000040;
    emit inspector.snapshotUpdated(pausedAt(missing.guestPc, 3));
    emit inspector.blockDescribed(missing);

    const auto* message = pane.findChild<QLabel*>(QStringLiteral("messageLabel"));
    QVERIFY(message != nullptr);
    QCOMPARE(message->text(),
             QStringLiteral("No translation of 0x80000040 in the cache "
                            "(the interpreter runs it, or it has not run yet)."));
    QVERIFY(message->isVisibleTo(&pane));
    QCOMPARE(pane.model()->rowCount(), 0);
}

void TraceViewerPaneTest::alignsEachGuestInstructionWithItsHostCode() {
    Inspector inspector;
    TraceViewerPane pane(inspector);
    const BlockDescription& block = demo_.withSlowPath;
    show(pane, inspector, block);
    const TraceModel& model = *pane.model();
    const auto* guestView = pane.findChild<QTableView*>(QStringLiteral("guestView"));
    QVERIFY(guestView->isVisibleTo(&pane));

    // Every host byte appears once, in order.
    QByteArray allHostBytes;
    for (int g = 0; g < model.groupCount(); ++g) allHostBytes += groupBytes(model.group(g));
    QCOMPARE(allHostBytes, block.hostCode);

    // The entry check comes first: it charges the block's instructions to
    // the budget register.
    QCOMPARE(model.group(0).kind, TraceModel::GroupKind::Entry);
    QCOMPARE(groupLabel(model, 0), QStringLiteral("block entry: budget check, register loads"));
    QVERIFY2(hostText(model, 0).startsWith(QStringLiteral("sub r15, 0x%1").arg(block.spans.size(), 0, 16)),
             qPrintable(hostText(model, 0)));

    // The summary says where guest registers live: a0-a5 in every block,
    // as the block's own record has it.
    const auto* summary = pane.findChild<QLabel*>(QStringLiteral("summaryLabel"));
    QVERIFY(!block.registerHomes.isEmpty());
    for (const RegisterHome& home : block.registerHomes) {
        const QString pair = QStringLiteral("%1→%2").arg(QLatin1String(abiRegisterName(home.guest)),
                                                         QLatin1String(home.host.data(), home.host.size()));
        QVERIFY2(summary->text().contains(pair), qPrintable(summary->text()));
    }
    QVERIFY2(summary->text().contains(QStringLiteral("a5→rsi")), qPrintable(summary->text()));
    QCOMPARE(model.group(model.groupCount() - 1).kind, TraceModel::GroupKind::Exits);
    QCOMPARE(groupLabel(model, model.groupCount() - 1), QStringLiteral("exits"));

    // One guest row per span, each beside exactly the x86-64 of its span.
    QCOMPARE(model.guestCount(), static_cast<int>(block.spans.size()));
    X86Disassembler capstone;
    int slowPaths = 0;
    for (int i = 0; i < block.spans.size(); ++i) {
        const InstructionSpan& span = block.spans[i];
        const int g = instructionGroup(model, i);
        QVERIFY(g >= 0);
        const TraceModel::Group& group = model.group(g);
        const int row = group.firstRow;
        QCOMPARE(model.index(row, TraceModel::GuestAddressColumn).data().toString(), hexAddress(span.guestPc));

        // The guest text is our disassembler's, of the bytes at that pc.
        const QByteArray guestBytes = block.guestCode.mid(static_cast<qsizetype>(span.guestPc - block.guestPc), 4);
        quint32 bits = 0;
        for (qsizetype b = guestBytes.size() - 1; b >= 0; --b) bits = bits << 8 | static_cast<quint8>(guestBytes[b]);
        const QString expected =
            QString::fromStdString(disassemble(decode(bits, Xlen::Rv64), span.guestPc, Xlen::Rv64)).simplified();
        QCOMPARE(model.index(row, TraceModel::GuestInstructionColumn).data().toString().simplified(), expected);

        const QByteArray inlineCode = block.hostCode.mid(span.hostBegin, span.hostEnd - span.hostBegin);
        const std::vector<X86Instruction> want = capstone.disassemble(inlineCode, block.hostAddress + span.hostBegin);
        QCOMPARE(static_cast<std::size_t>(group.rowCount), std::max<std::size_t>(want.size(), 1));
        QCOMPARE(group.host.size(), want.size());
        for (std::size_t k = 0; k < want.size(); ++k) {
            const int hostRow = row + static_cast<int>(k);
            QCOMPARE(model.group(model.groupOfRow(hostRow)).guest, i);
            const QString wanted = alignOperands(want[k].mnemonic, want[k].operands).simplified();
            QVERIFY2(hostText(model, hostRow).startsWith(wanted), qPrintable(hostText(model, hostRow)));
            QCOMPARE(model.index(hostRow, TraceModel::HostAddressColumn).data().toString(),
                     QStringLiteral("+0x%1").arg(span.hostBegin + want[k].offset, 0, 16));
        }
        // The guest cells span the group, so they stand beside all of it.
        QCOMPARE(guestView->rowSpan(row, TraceModel::GuestInstructionColumn), group.rowCount);

        if (span.slowPathEnd > span.slowPathBegin) {
            ++slowPaths;
            const std::vector<int> linked = model.linkedGroups(g);
            QCOMPARE(linked.size(), std::size_t{2});
            const TraceModel::Group& slow = model.group(linked[1]);
            QCOMPARE(slow.kind, TraceModel::GroupKind::SlowPath);
            QCOMPARE(groupLabel(model, linked[1]), QStringLiteral("slow path of 0x%1").arg(hexAddress(span.guestPc)));
            QCOMPARE(groupBytes(slow), block.hostCode.mid(span.slowPathBegin, span.slowPathEnd - span.slowPathBegin));
        }
    }
    QVERIFY(slowPaths > 0);
}

void TraceViewerPaneTest::showsSideExitsOutOfLine() {
    Inspector inspector;
    TraceViewerPane pane(inspector);
    const BlockDescription& block = demo_.withSideExit;
    show(pane, inspector, block);
    const TraceModel& model = *pane.model();
    int sideExits = 0;
    for (int i = 0; i < block.spans.size(); ++i) {
        const InstructionSpan& span = block.spans[i];
        if (span.sideExitEnd <= span.sideExitBegin) continue;
        ++sideExits;
        // The branch's own group and its side exit, linked; the side exit
        // first gives back the budget of the instructions after the branch.
        const std::vector<int> linked = model.linkedGroups(instructionGroup(model, i));
        QCOMPARE(linked.size(), std::size_t{2});
        const TraceModel::Group& exit = model.group(linked[1]);
        QCOMPARE(exit.kind, TraceModel::GroupKind::SideExit);
        QCOMPARE(groupLabel(model, linked[1]), QStringLiteral("side exit of 0x%1").arg(hexAddress(span.guestPc)));
        QCOMPARE(groupBytes(exit), block.hostCode.mid(span.sideExitBegin, span.sideExitEnd - span.sideExitBegin));
        // (Capstone writes immediates below 10 in decimal, the rest in hex.)
        const auto after = static_cast<int>(block.spans.size()) - (i + 1);
        const QString refund = after < 10 ? QString::number(after) : QStringLiteral("0x%1").arg(after, 0, 16);
        QVERIFY2(hostText(model, exit.firstRow).startsWith(QStringLiteral("add r15, ") + refund),
                 qPrintable(hostText(model, exit.firstRow)));
    }
    QVERIFY(sideExits > 0);
}

void TraceViewerPaneTest::syntaxSwitchChangesTheTextAndPersists() {
    Inspector inspector;
    {
        TraceViewerPane pane(inspector);
        show(pane, inspector, demo_.withSlowPath);
        auto* syntax = pane.findChild<QComboBox*>(QStringLiteral("syntaxCombo"));
        QVERIFY(syntax != nullptr);
        QVERIFY(hostText(*pane.model(), 0).startsWith(QStringLiteral("sub r15, ")));
        const int rows = pane.model()->rowCount();

        syntax->setCurrentIndex(syntax->findText(QStringLiteral("AT&T")));
        QVERIFY2(hostText(*pane.model(), 0).startsWith(QStringLiteral("subq $")),
                 qPrintable(hostText(*pane.model(), 0)));
        QCOMPARE(pane.model()->rowCount(), rows);
        QCOMPARE(QSettings().value(QStringLiteral("trace/syntax")).toString(), QStringLiteral("att"));
    }
    // A new pane starts in the syntax chosen last.
    TraceViewerPane pane(inspector);
    show(pane, inspector, demo_.withSlowPath);
    QCOMPARE(pane.findChild<QComboBox*>(QStringLiteral("syntaxCombo"))->currentText(), QStringLiteral("AT&T"));
    QVERIFY(hostText(*pane.model(), 0).startsWith(QStringLiteral("subq $")));
    pane.setSyntax(static_cast<int>(X86Syntax::Intel));
    QVERIFY(hostText(*pane.model(), 0).startsWith(QStringLiteral("sub r15, ")));
    QCOMPARE(QSettings().value(QStringLiteral("trace/syntax")).toString(), QStringLiteral("intel"));
}

void TraceViewerPaneTest::selectionIsLinkedBothWays() {
    Inspector inspector;
    TraceViewerPane pane(inspector);
    pane.resize(1000, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    show(pane, inspector, demo_.withSlowPath);
    const TraceModel& model = *pane.model();
    auto* guestView = pane.findChild<QTableView*>(QStringLiteral("guestView"));
    auto* hostView = pane.findChild<QTableView*>(QStringLiteral("hostView"));

    // Guest to host: clicking an instruction with a slow path selects its
    // inline code and its slow path.
    int slowGuest = -1;
    for (int i = 0; i < model.guestCount() && slowGuest < 0; ++i) {
        if (model.linkedGroups(instructionGroup(model, i)).size() == 2) slowGuest = i;
    }
    QVERIFY(slowGuest >= 0);
    const int g = instructionGroup(model, slowGuest);
    const QModelIndex guestCell = model.index(model.group(g).firstRow, TraceModel::GuestInstructionColumn);
    guestView->scrollTo(guestCell);
    QTest::mouseClick(guestView->viewport(), Qt::LeftButton, {}, guestView->visualRect(guestCell).center());
    QCOMPARE(selectedRows(hostView), rowsOfGroups(model, model.linkedGroups(g)));
    QCOMPARE(selectedRows(guestView), rowsOfGroups(model, model.linkedGroups(g)));

    // Host to guest: clicking one x86-64 instruction of another guest
    // instruction selects that guest instruction, and only that host row.
    const int otherGuest = slowGuest == 0 ? 1 : 0;
    const int other = instructionGroup(model, otherGuest);
    const int hostRow = model.group(other).firstRow + model.group(other).rowCount - 1;
    const QModelIndex hostCell = model.index(hostRow, TraceModel::HostInstructionColumn);
    hostView->scrollTo(hostCell);
    QTest::mouseClick(hostView->viewport(), Qt::LeftButton, {}, hostView->visualRect(hostCell).center());
    QCOMPARE(selectedRows(hostView), QSet<int>{hostRow});
    QCOMPARE(selectedRows(guestView), rowsOfGroups(model, model.linkedGroups(other)));

    // A slow path's host code leads back to its guest instruction too.
    const TraceModel::Group& slow = model.group(model.linkedGroups(g)[1]);
    const QModelIndex slowCell = model.index(slow.firstRow, TraceModel::HostInstructionColumn);
    hostView->scrollTo(slowCell);
    QTest::mouseClick(hostView->viewport(), Qt::LeftButton, {}, hostView->visualRect(slowCell).center());
    QCOMPARE(selectedRows(guestView), rowsOfGroups(model, model.linkedGroups(g)));

    // Both sides scroll as one.
    hostView->verticalScrollBar()->setValue(hostView->verticalScrollBar()->maximum() / 2);
    QCOMPARE(guestView->verticalScrollBar()->value(), hostView->verticalScrollBar()->value());
}

void TraceViewerPaneTest::blockCanBeChosenByAddress() {
    Inspector inspector;
    TraceViewerPane pane(inspector);
    show(pane, inspector, demo_.withSlowPath);
    QSignalSpy requests(&pane, &TraceViewerPane::blockRequested);
    auto* edit = pane.findChild<QLineEdit*>(QStringLiteral("blockEdit"));
    QVERIFY(edit != nullptr);

    // An answer nobody here asked for (another pane's) changes nothing.
    emit inspector.blockDescribed(demo_.other);
    QCOMPARE(pane.model()->block().guestPc, demo_.withSlowPath.guestPc);

    edit->setText(QStringLiteral("0x%1").arg(demo_.other.guestPc, 0, 16));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(requests.count(), 1);
    QCOMPARE(requests.at(0).at(0).toULongLong(), demo_.other.guestPc);
    emit inspector.blockDescribed(demo_.other);
    QCOMPARE(pane.model()->block().guestPc, demo_.other.guestPc);
    QCOMPARE(pane.model()->guestCount(), static_cast<int>(demo_.other.spans.size()));

    // An address inside a block brings up the whole block.
    const quint64 inside = demo_.withSlowPath.spans[1].guestPc;
    QVERIFY(pane.showLocation(hexAddress(inside)));
    QCOMPARE(requests.count(), 2);
    QCOMPARE(requests.at(1).at(0).toULongLong(), inside);
    emit inspector.blockDescribed(demo_.withSlowPath);
    QCOMPARE(pane.model()->block().guestPc, demo_.withSlowPath.guestPc);

    QVERIFY(!pane.showLocation(QStringLiteral("no such place")));
    QCOMPARE(requests.count(), 2);
}

void TraceViewerPaneTest::profileCheckBoxTurnsProfilingOnAndPersists() {
    Inspector inspector;
    {
        TraceViewerPane pane(inspector);
        auto* profile = pane.findChild<QCheckBox*>(QStringLiteral("profileCheck"));
        QVERIFY(profile != nullptr);
        QVERIFY(!profile->isChecked());
        QVERIFY(!profile->toolTip().isEmpty());
        QVERIFY(!pane.isProfiling());
        const auto* message = pane.findChild<QLabel*>(QStringLiteral("activityMessageLabel"));
        QVERIFY(message != nullptr);
        QCOMPARE(message->text(), QStringLiteral("Turn on “Profile blocks” to count block entries."));
        QVERIFY(message->isVisibleTo(&pane));

        QSignalSpy profiling(&pane, &TraceViewerPane::profilingRequested);
        profile->click();
        QCOMPARE(profiling.count(), 1);
        QCOMPARE(profiling.at(0).at(0).toBool(), true);
        QVERIFY(pane.isProfiling());
        QCOMPARE(QSettings().value(QStringLiteral("trace/profile")).toBool(), true);
        QVERIFY(message->text() != QStringLiteral("Turn on “Profile blocks” to count block entries."));
    }
    {
        // A new pane starts profiling again, and turning it off is remembered.
        TraceViewerPane pane(inspector);
        auto* profile = pane.findChild<QCheckBox*>(QStringLiteral("profileCheck"));
        QVERIFY(profile->isChecked());
        QSignalSpy profiling(&pane, &TraceViewerPane::profilingRequested);
        profile->click();
        QCOMPARE(profiling.count(), 1);
        QCOMPARE(profiling.at(0).at(0).toBool(), false);
        QCOMPARE(QSettings().value(QStringLiteral("trace/profile")).toBool(), false);
        QCOMPARE(pane.findChild<QLabel*>(QStringLiteral("activityMessageLabel"))->text(),
                 QStringLiteral("Turn on “Profile blocks” to count block entries."));
    }
    TraceViewerPane pane(inspector);
    QVERIFY(!pane.findChild<QCheckBox*>(QStringLiteral("profileCheck"))->isChecked());
}

namespace {

BlockActivity syntheticActivity() {
    BlockActivity activity;
    activity.hottest = {{0x80000200, 90000, 7}, {0x80000100, 1200, 3}, {0x80000040, 5, 12}};
    activity.recent = {0x80000100, 0x80000200, 0x80000300, 0x80000200};
    return activity;
}

}  // namespace

void TraceViewerPaneTest::activityFillsBothListsInOrder() {
    Inspector inspector;
    TraceViewerPane pane(inspector);
    const BlockActivity activity = syntheticActivity();
    // While profiling is off the lists stay empty.
    emit inspector.activityDescribed(activity);
    QCOMPARE(pane.hottestModel()->rowCount(), 0);
    QCOMPARE(pane.recentModel()->rowCount(), 0);

    pane.findChild<QCheckBox*>(QStringLiteral("profileCheck"))->click();
    emit inspector.activityDescribed(activity);
    const BlockActivityModel& hottest = *pane.hottestModel();
    QCOMPARE(hottest.rowCount(), 3);
    QCOMPARE(hottest.columnCount(), int{BlockActivityModel::ColumnCount});
    for (int row = 0; row < hottest.rowCount(); ++row) {
        const BlockActivity::Hot& hot = activity.hottest[row];
        QCOMPARE(hottest.guestPcAt(row), hot.guestPc);
        QCOMPARE(hottest.entriesAt(row), hot.executions);
        QCOMPARE(hottest.index(row, BlockActivityModel::AddressColumn).data().toString(), hexAddress(hot.guestPc));
        QCOMPARE(hottest.index(row, BlockActivityModel::EntriesColumn).data().toString(),
                 QLocale().toString(hot.executions));
        QCOMPARE(hottest.index(row, BlockActivityModel::InstructionsColumn).data().toUInt(), hot.instructionCount);
    }
    const BlockActivityModel& recent = *pane.recentModel();
    QCOMPARE(recent.rowCount(), 4);
    QCOMPARE(recent.columnCount(), 2);
    for (int row = 0; row < recent.rowCount(); ++row) {
        QCOMPARE(recent.guestPcAt(row), activity.recent[row]);
        QCOMPARE(recent.index(row, BlockActivityModel::AddressColumn).data().toString(),
                 hexAddress(activity.recent[row]));
    }
    QVERIFY(pane.findChild<QTableView*>(QStringLiteral("hottestView"))->isVisibleTo(&pane));
    QVERIFY(pane.findChild<QTableView*>(QStringLiteral("recentView"))->isVisibleTo(&pane));

    // A later answer replaces the rows; an empty one (the interpreter) explains itself.
    BlockActivity later = activity;
    later.hottest[0].executions = 95000;
    emit inspector.activityDescribed(later);
    QCOMPARE(hottest.entriesAt(0), quint64{95000});
    emit inspector.activityDescribed(BlockActivity{});
    QCOMPARE(hottest.rowCount(), 0);
    QVERIFY(pane.findChild<QLabel*>(QStringLiteral("activityMessageLabel"))->isVisibleTo(&pane));

    // Turning profiling off empties the lists and says how to get them back.
    emit inspector.activityDescribed(activity);
    pane.setProfiling(false);
    QCOMPARE(hottest.rowCount(), 0);
    QCOMPARE(recent.rowCount(), 0);
    QCOMPARE(pane.findChild<QLabel*>(QStringLiteral("activityMessageLabel"))->text(),
             QStringLiteral("Turn on “Profile blocks” to count block entries."));
}

void TraceViewerPaneTest::choosingAnActivityEntryShowsItsBlock() {
    Inspector inspector;
    TraceViewerPane pane(inspector);
    pane.resize(1000, 800);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setProfiling(true);
    BlockActivity activity = syntheticActivity();
    activity.hottest[1].guestPc = demo_.other.guestPc;
    activity.recent[2] = demo_.withSlowPath.guestPc;
    emit inspector.activityDescribed(activity);
    QSignalSpy requests(&pane, &TraceViewerPane::blockRequested);

    auto* hottestView = pane.findChild<QTableView*>(QStringLiteral("hottestView"));
    const QModelIndex hot = pane.hottestModel()->index(1, BlockActivityModel::SymbolColumn);
    hottestView->scrollTo(hot);
    QTest::mouseClick(hottestView->viewport(), Qt::LeftButton, {}, hottestView->visualRect(hot).center());
    QVERIFY(!requests.isEmpty());
    QCOMPARE(requests.last().at(0).toULongLong(), demo_.other.guestPc);
    emit inspector.blockDescribed(demo_.other);
    QCOMPARE(pane.model()->block().guestPc, demo_.other.guestPc);

    requests.clear();
    auto* recentView = pane.findChild<QTableView*>(QStringLiteral("recentView"));
    const QModelIndex recent = pane.recentModel()->index(2, BlockActivityModel::AddressColumn);
    recentView->scrollTo(recent);
    QTest::mouseClick(recentView->viewport(), Qt::LeftButton, {}, recentView->visualRect(recent).center());
    QVERIFY(!requests.isEmpty());
    QCOMPARE(requests.last().at(0).toULongLong(), demo_.withSlowPath.guestPc);
    emit inspector.blockDescribed(demo_.withSlowPath);
    QCOMPARE(pane.model()->block().guestPc, demo_.withSlowPath.guestPc);

    // The keyboard works too.
    requests.clear();
    recentView->setFocus();
    recentView->setCurrentIndex(pane.recentModel()->index(0, BlockActivityModel::AddressColumn));
    QTest::keyClick(recentView, Qt::Key_Return);
    QVERIFY(!requests.isEmpty());
    QCOMPARE(requests.last().at(0).toULongLong(), activity.recent[0]);
}

void TraceViewerPaneTest::profilesTheRunningDemo() {
    constexpr int kTimeout = 20000;  // generous: the sanitizer build is slow
    Inspector inspector;
    inspector.setEngine(Engine::Translator);
    TraceViewerPane pane(inspector);
    QSignalSpy output(&inspector, &Inspector::uartOutput);
    const auto collected = [&output] {
        QByteArray bytes;
        for (const QList<QVariant>& arguments : output) bytes += arguments.at(0).toByteArray();
        return bytes;
    };
    inspector.openDemo();
    pane.findChild<QCheckBox*>(QStringLiteral("profileCheck"))->click();
    QVERIFY(pane.isProfiling());
    inspector.run();
    QTRY_VERIFY_WITH_TIMEOUT(collected().contains("> "), kTimeout);
    inspector.sendInput("primes 2000\r");
    // The pane asks by itself while the guest runs.
    QTRY_VERIFY_WITH_TIMEOUT(pane.hottestModel()->rowCount() > 0 && pane.hottestModel()->entriesAt(0) > 1000,
                             kTimeout);
    const BlockActivityModel& hottest = *pane.hottestModel();
    for (int row = 0; row < hottest.rowCount(); ++row) {
        QVERIFY(hottest.entriesAt(row) > 0);
        QVERIFY(hottest.guestPcAt(row) >= 0x8000'0000);
        if (row > 0) QVERIFY(hottest.entriesAt(row - 1) >= hottest.entriesAt(row));
    }
    QTRY_VERIFY_WITH_TIMEOUT(pane.recentModel()->rowCount() > 0, kTimeout);
    // The demo's code has symbols: the hottest block is named.
    QVERIFY(!hottest.index(0, BlockActivityModel::SymbolColumn).data().toString().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(collected().contains("primes up to 2000: 303"), kTimeout);
}

QTEST_MAIN(TraceViewerPaneTest)
#include "TraceViewerPaneTest.moc"
