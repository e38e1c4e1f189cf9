// The disassembly pane on the demo guest's real code. Most tests answer the
// pane's memory requests themselves, with the ELF's bytes, as the Inspector
// would; the last one lets the Inspector's own worker answer and act.

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>
#include <memory>
#include <optional>

#include "Inspector.h"
#include "isa/Decoder.h"
#include "isa/Disassembler.h"
#include "panes/DisassemblyModel.h"
#include "panes/DisassemblyPane.h"
#include "panes/GuestLocation.h"

using namespace glasshart;

namespace {

QString demoPath() { return QStringLiteral(GLASSHART_GUEST_DIR "/demo-rv64.elf"); }

QByteArray programBytes(const ElfImage& program, quint64 address, quint64 length) {
    for (const ElfSegment& segment : program.segments()) {
        if (address >= segment.address && address - segment.address < segment.bytes.size()) {
            const quint64 available = segment.bytes.size() - (address - segment.address);
            return QByteArray(reinterpret_cast<const char*>(segment.bytes.data() + (address - segment.address)),
                              static_cast<qsizetype>(std::min(length, available)));
        }
    }
    return {};
}

HartSnapshot stoppedAt(quint64 pc, quint64 retired, RunState state = RunState::Paused) {
    HartSnapshot snapshot;
    snapshot.sequence = retired + 1;
    snapshot.hart.pc = pc;
    snapshot.hart.retired = retired;
    snapshot.runState = state;
    return snapshot;
}

// A pane on an Inspector that has opened the demo (so symbols are known),
// with the pane's requests kept from the Inspector's worker: the test
// answers them, so nothing else moves the pc or the code under the test.
struct Detached {
    Detached() {
        QObject::disconnect(&pane, nullptr, &inspector, nullptr);
        inspector.openProgram(demoPath());
    }

    Inspector inspector;
    DisassemblyPane pane{inspector};
    QSignalSpy memory{&pane, &DisassemblyPane::memoryRequested};
    QSignalSpy toggles{&pane, &DisassemblyPane::breakpointToggleRequested};
    QSignalSpy runTos{&pane, &DisassemblyPane::runToRequested};
};

}  // namespace

class DisassemblyPaneTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void decodesTheWindowAroundThePc();
    void followsThePc();
    void gutterClickTogglesBreakpoints();
    void goesToSymbolsAndAddresses();
    void runsToTheCursor();
    void saysWhenCodeIsNotMapped();
    void forwardsToTheInspector();

private:
    // Answers the pane's newest memory request with the program's bytes.
    void answer(Detached& f);
    // Shows the pane and waits for the worker's first snapshot (the pc at
    // the entry point), so that nothing arrives later to move things.
    void settle(Detached& f);
    [[nodiscard]] quint64 symbol(const char* name) const;
    [[nodiscard]] static DisassemblyModel& modelOf(DisassemblyPane& pane);
    [[nodiscard]] static QTableView& viewOf(DisassemblyPane& pane);
    [[nodiscard]] static bool isOnScreen(DisassemblyPane& pane, int row);
    [[nodiscard]] static bool marksPc(DisassemblyPane& pane, quint64 address);

    std::optional<ElfImage> program_;
};

void DisassemblyPaneTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GlasshartTests"));
    QCoreApplication::setApplicationName(QStringLiteral("DisassemblyPaneTest"));
    program_ = ElfImage::load(demoPath().toStdString());
}

void DisassemblyPaneTest::init() { QSettings().clear(); }

quint64 DisassemblyPaneTest::symbol(const char* name) const {
    const auto address = program_->symbolAddress(name);
    return address ? *address : 0;
}

DisassemblyModel& DisassemblyPaneTest::modelOf(DisassemblyPane& pane) {
    return *qobject_cast<DisassemblyModel*>(viewOf(pane).model());
}

QTableView& DisassemblyPaneTest::viewOf(DisassemblyPane& pane) {
    return *pane.findChild<QTableView*>(QStringLiteral("disassemblyView"));
}

bool DisassemblyPaneTest::isOnScreen(DisassemblyPane& pane, int row) {
    QTableView& view = viewOf(pane);
    return row >= 0 &&
           view.viewport()->rect().contains(view.visualRect(modelOf(pane).index(row, DisassemblyModel::AddressColumn)));
}

bool DisassemblyPaneTest::marksPc(DisassemblyPane& pane, quint64 address) {
    DisassemblyModel& model = modelOf(pane);
    const int row = model.rowOfInstruction(address);
    return row >= 0 && model.index(row, 0).data(Qt::BackgroundRole).isValid() &&
           model.index(row, DisassemblyModel::GutterColumn).data(Qt::DecorationRole).isValid();
}

void DisassemblyPaneTest::answer(Detached& f) {
    QVERIFY(!f.memory.isEmpty());
    const QList<QVariant> request = f.memory.takeLast();
    const quint64 address = request.at(0).toULongLong();
    MemoryContents contents;
    contents.requested = address;
    contents.address = address;
    contents.bytes = programBytes(*program_, address, request.at(1).toUInt());
    emit f.inspector.memoryRead(contents);
}

void DisassemblyPaneTest::settle(Detached& f) {
    f.pane.resize(800, 600);
    f.pane.show();
    f.pane.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&f.pane));
    QVERIFY(QTest::qWaitFor([&f] { return f.inspector.snapshot().sequence != 0; }, 5000));
    if (!f.memory.isEmpty()) answer(f);
    f.memory.clear();
    QVERIFY(modelOf(f.pane).hasCode());
    QVERIFY(marksPc(f.pane, program_->entry()));
}

void DisassemblyPaneTest::decodesTheWindowAroundThePc() {
    Detached f;
    settle(f);
    if (QTest::currentTestFailed()) return;
    DisassemblyModel& model = modelOf(f.pane);
    QCOMPARE(model.windowStart(), program_->entry());  // the window stops at the segment's start

    // A header for every symbol that starts in the window, right above the
    // instruction it names.
    int labels = 0;
    for (const ElfSymbol& symbol : program_->symbols()) {
        if (!model.contains(symbol.address)) continue;
        const int row = model.rowOfInstruction(symbol.address);
        QVERIFY2(row > 0, symbol.name.c_str());
        QVERIFY(model.isLabel(row - 1));
        QCOMPARE(model.index(row - 1, DisassemblyModel::AddressColumn).data().toString(),
                 QStringLiteral("<%1>:").arg(f.inspector.describeAddress(symbol.address)));
        ++labels;
    }
    QVERIFY(labels >= 3);
    QCOMPARE(model.index(0, DisassemblyModel::AddressColumn).data().toString(), QStringLiteral("<_start>:"));

    // Instructions follow each other without gap, 2 or 4 bytes long, each
    // as our disassembler prints the ELF's bytes, with symbol names.
    const SymbolNamer namer = [this](std::uint64_t address) { return program_->describeAddress(address); };
    std::optional<quint64> next;
    QSet<unsigned> lengths;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.isLabel(row)) continue;
        const quint64 address = *model.instructionAt(row);
        if (next) QCOMPARE(address, *next);
        const QByteArray bytes = programBytes(*program_, address, 4);
        quint32 bits = 0;
        for (qsizetype b = bytes.size() - 1; b >= 0; --b) bits = bits << 8 | static_cast<quint8>(bytes[b]);
        const unsigned length = instructionLength(static_cast<std::uint16_t>(bits));
        if (length == 2) bits &= 0xffff;
        lengths.insert(length);
        const QString expected =
            QString::fromStdString(disassemble(decode(bits, Xlen::Rv64), address, Xlen::Rv64, namer)).simplified();
        QCOMPARE(model.index(row, DisassemblyModel::InstructionColumn).data().toString().simplified(), expected);
        QCOMPARE(model.index(row, DisassemblyModel::BytesColumn).data().toString(),
                 QStringLiteral("%1").arg(bits, static_cast<int>(length * 2), 16, QLatin1Char('0')));
        next = address + length;
    }
    QCOMPARE(lengths, (QSet<unsigned>{2, 4}));
    // Branch targets are named: _start calls main.
    bool callsMain = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString text = model.index(row, DisassemblyModel::InstructionColumn).data().toString();
        callsMain = callsMain || (text.startsWith(QStringLiteral("jal")) && text.endsWith(QStringLiteral("<main>")));
    }
    QVERIFY(callsMain);
}

void DisassemblyPaneTest::followsThePc() {
    Detached f;
    settle(f);
    if (QTest::currentTestFailed()) return;
    QVERIFY(f.pane.followsPc());

    // A stop far away: the pane reads the code there and shows the pc.
    const quint64 main = symbol("main");
    emit f.inspector.snapshotUpdated(stoppedAt(main, 100));
    QCOMPARE(f.memory.count(), 1);
    const quint64 start = f.memory.at(0).at(0).toULongLong();
    QVERIFY(start <= main && main < start + f.memory.at(0).at(1).toUInt());
    answer(f);
    QVERIFY(marksPc(f.pane, main));
    QVERIFY(!marksPc(f.pane, program_->entry()));
    QVERIFY(isOnScreen(f.pane, modelOf(f.pane).rowOfInstruction(main)));

    // A step within the window needs no new read.
    const quint64 second = *modelOf(f.pane).instructionAt(modelOf(f.pane).rowOfInstruction(main) + 1);
    emit f.inspector.snapshotUpdated(stoppedAt(second, 101));
    QCOMPARE(f.memory.count(), 0);
    QVERIFY(marksPc(f.pane, second));
    QVERIFY(!marksPc(f.pane, main));

    // While the guest runs the pane keeps still; when it stops it reads the
    // code again, which the guest may have rewritten.
    emit f.inspector.snapshotUpdated(stoppedAt(symbol("guest_putc"), 5000, RunState::Running));
    QCOMPARE(f.memory.count(), 0);
    emit f.inspector.snapshotUpdated(stoppedAt(main, 6000));
    QCOMPARE(f.memory.count(), 1);
    answer(f);
    QVERIFY(marksPc(f.pane, main));

    // Not following: the view stays where it is, and the choice persists.
    auto* follow = f.pane.findChild<QCheckBox*>(QStringLiteral("followPcCheck"));
    QVERIFY(follow != nullptr);
    QTest::mouseClick(follow, Qt::LeftButton);
    QVERIFY(!f.pane.followsPc());
    QCOMPARE(QSettings().value(QStringLiteral("disassembly/followPc")).toBool(), false);
    const quint64 putc = symbol("guest_putc");
    emit f.inspector.snapshotUpdated(stoppedAt(putc, 7000));
    QCOMPARE(f.memory.count(), 0);
    QVERIFY(!modelOf(f.pane).contains(putc));
    {
        Inspector other;
        DisassemblyPane second(other);
        QVERIFY(!second.followsPc());
    }

    // Following again catches up with the pc.
    QTest::mouseClick(follow, Qt::LeftButton);
    QVERIFY(f.pane.followsPc());
    QCOMPARE(f.memory.count(), 1);
    answer(f);
    QVERIFY(marksPc(f.pane, putc));
    QVERIFY(isOnScreen(f.pane, modelOf(f.pane).rowOfInstruction(putc)));
}

void DisassemblyPaneTest::gutterClickTogglesBreakpoints() {
    Detached f;
    settle(f);
    if (QTest::currentTestFailed()) return;
    DisassemblyModel& model = modelOf(f.pane);
    QTableView& view = viewOf(f.pane);
    const quint64 target = program_->entry() + 0x24;
    const int row = model.rowOfInstruction(target);
    QVERIFY(row >= 0);
    const QModelIndex gutter = model.index(row, DisassemblyModel::GutterColumn);
    QVERIFY(!gutter.data(Qt::DecorationRole).isValid());

    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.visualRect(gutter).center());
    QCOMPARE(f.toggles.count(), 1);
    QCOMPARE(f.toggles.at(0).at(0).toULongLong(), target);
    // Elsewhere on the row a click only selects.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      view.visualRect(model.index(row, DisassemblyModel::InstructionColumn)).center());
    QCOMPARE(f.toggles.count(), 1);
    QCOMPARE(f.pane.selectedAddress(), std::optional<quint64>(target));
    // A symbol's header has no breakpoint to toggle.
    QVERIFY(model.isLabel(0));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      view.visualRect(model.index(0, DisassemblyModel::GutterColumn)).center());
    QCOMPARE(f.toggles.count(), 1);

    // The gutter shows what the Inspector says.
    emit f.inspector.breakpointsChanged(QSet<quint64>{target});
    QVERIFY(gutter.data(Qt::DecorationRole).isValid());
    QVERIFY(gutter.data(Qt::ToolTipRole).toString().contains(QStringLiteral("remove")));
    emit f.inspector.breakpointsChanged({});
    QVERIFY(!gutter.data(Qt::DecorationRole).isValid());

    // F9 toggles at the cursor (the header just clicked has none).
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_F9);
    QCOMPARE(f.toggles.count(), 1);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      view.visualRect(model.index(row, DisassemblyModel::InstructionColumn)).center());
    QTest::keyClick(&view, Qt::Key_F9);
    QCOMPARE(f.toggles.count(), 2);
    QCOMPARE(f.toggles.at(1).at(0).toULongLong(), target);
}

void DisassemblyPaneTest::goesToSymbolsAndAddresses() {
    Detached f;
    settle(f);
    if (QTest::currentTestFailed()) return;
    auto* edit = f.pane.findChild<QLineEdit*>(QStringLiteral("goToEdit"));
    QVERIFY(edit != nullptr);

    const quint64 main = symbol("main");
    edit->setText(QStringLiteral("main"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(f.memory.count(), 1);  // main is beyond the window at the entry point
    answer(f);
    QCOMPARE(f.pane.selectedAddress(), std::optional<quint64>(main));
    QVERIFY(isOnScreen(f.pane, modelOf(f.pane).rowOfInstruction(main)));

    const quint64 putc = symbol("guest_putc");
    QVERIFY(f.pane.goTo(QStringLiteral("0x%1").arg(putc, 0, 16)));
    answer(f);
    QCOMPARE(f.pane.selectedAddress(), std::optional<quint64>(putc));

    // Inside the window: no new read. Bare hex works; an address inside an
    // instruction selects that instruction.
    QVERIFY(f.pane.goTo(hexAddress(putc + 4)));
    QCOMPARE(f.memory.count(), 0);
    QCOMPARE(f.pane.selectedAddress(), std::optional<quint64>(putc + 4));
    QVERIFY(f.pane.goTo(QStringLiteral("0x%1").arg(putc + 6, 0, 16)));
    QCOMPARE(f.pane.selectedAddress(), std::optional<quint64>(putc + 4));

    auto* message = f.pane.findChild<QLabel*>(QStringLiteral("messageLabel"));
    QVERIFY(!f.pane.goTo(QStringLiteral("no_such_symbol")));
    QVERIFY(message->text().contains(QStringLiteral("no_such_symbol")));
    QCOMPARE(f.pane.selectedAddress(), std::optional<quint64>(putc + 4));
    QVERIFY(f.pane.goTo(QStringLiteral("guest_puts")));
    QVERIFY(message->text().isEmpty());
}

void DisassemblyPaneTest::runsToTheCursor() {
    Detached f;
    settle(f);
    if (QTest::currentTestFailed()) return;
    QTableView& view = viewOf(f.pane);
    auto* action = f.pane.findChild<QAction*>(QStringLiteral("runToCursorAction"));
    QVERIFY(action != nullptr);
    QCOMPARE(view.contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(view.actions().contains(action));

    // Nothing under the cursor: nothing to run to.
    QVERIFY(!action->isEnabled());
    f.pane.runToSelection();
    QCOMPARE(f.runTos.count(), 0);

    const quint64 exit = symbol("guest_exit");
    QVERIFY(f.pane.goTo(QStringLiteral("guest_exit")));
    if (!f.memory.isEmpty()) answer(f);
    QCOMPARE(f.pane.selectedAddress(), std::optional<quint64>(exit));
    QVERIFY(action->isEnabled());
    action->trigger();
    QCOMPARE(f.runTos.count(), 1);
    QCOMPARE(f.runTos.at(0).at(0).toULongLong(), exit);
    f.pane.runToSelection();
    QCOMPARE(f.runTos.count(), 2);
    QCOMPARE(f.runTos.at(1).at(0).toULongLong(), exit);
}

void DisassemblyPaneTest::saysWhenCodeIsNotMapped() {
    Detached f;
    settle(f);
    if (QTest::currentTestFailed()) return;
    auto* message = f.pane.findChild<QLabel*>(QStringLiteral("messageLabel"));
    DisassemblyModel& model = modelOf(f.pane);
    // A kernel address whose page the page tables do not map.
    const quint64 unmapped = 0xffff'ffff'8123'4000ull;
    QVERIFY(f.pane.goTo(QStringLiteral("0x%1").arg(unmapped, 0, 16)));
    QVERIFY(!f.memory.isEmpty());
    MemoryContents nothing;
    nothing.requested = f.memory.takeLast().at(0).toULongLong();
    nothing.address = nothing.requested;
    nothing.translated = true;
    emit f.inspector.memoryRead(nothing);
    QVERIFY2(message->text().contains(QStringLiteral("not mapped")), qPrintable(message->text()));
    QVERIFY(message->text().contains(hexAddress(unmapped)));
    QVERIFY(!model.hasCode());  // no stale code next to the message
    QCOMPARE(model.headerData(DisassemblyModel::AddressColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
             DisassemblyModel::tr("Virtual address"));

    // The page before the address unmapped, its own page mapped: the answer
    // starts later than asked, and the code there is shown.
    const quint64 target = symbol("command_help");
    QVERIFY(f.pane.goTo(QStringLiteral("command_help")));
    const QList<QVariant> request = f.memory.takeLast();
    MemoryContents later;
    later.requested = request.at(0).toULongLong();
    later.address = target;
    later.bytes = programBytes(*program_, target, 0x100);
    later.translated = true;
    QVERIFY(later.requested < later.address);
    emit f.inspector.memoryRead(later);
    QCOMPARE(model.windowStart(), target);
    QCOMPARE(f.pane.selectedAddress(), std::optional<quint64>(target));
    QVERIFY(message->text().isEmpty());
}

void DisassemblyPaneTest::forwardsToTheInspector() {
    // This time the Inspector's worker answers, and acts.
    Inspector inspector;
    DisassemblyPane pane(inspector);
    pane.resize(800, 600);
    pane.show();
    inspector.openProgram(demoPath());
    DisassemblyModel& model = modelOf(pane);
    QTRY_VERIFY_WITH_TIMEOUT(marksPc(pane, program_->entry()), 5000);

    const quint64 main = symbol("main");
    QVERIFY(pane.goTo(QStringLiteral("main")));
    QTRY_COMPARE_WITH_TIMEOUT(pane.selectedAddress(), std::optional<quint64>(main), 5000);

    QTableView& view = viewOf(pane);
    const QModelIndex gutter = model.index(model.rowOfInstruction(main), DisassemblyModel::GutterColumn);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.visualRect(gutter).center());
    QVERIFY(inspector.breakpoints().contains(main));
    QVERIFY(gutter.data(Qt::DecorationRole).isValid());

    pane.runToSelection();
    QTRY_COMPARE_WITH_TIMEOUT(inspector.snapshot().hart.pc, main, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(marksPc(pane, main), 5000);

    const QModelIndex again = model.index(model.rowOfInstruction(main), DisassemblyModel::GutterColumn);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.visualRect(again).center());
    QVERIFY(!inspector.breakpoints().contains(main));
}

QTEST_MAIN(DisassemblyPaneTest)
#include "DisassemblyPaneTest.moc"
