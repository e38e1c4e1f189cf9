// The registers pane on the offscreen platform, driven by the Inspector's
// signals with made-up snapshots: names, the three value formats and their
// setting, highlighting of changes, and the edit path with its refusals.
#include <QtTest>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <memory>

#include "Inspector.h"
#include "panes/FloatRegisterModel.h"
#include "panes/RegisterModel.h"
#include "panes/RegistersPane.h"

using glasshart::FloatRegisterModel;
using glasshart::HartSnapshot;
using glasshart::Inspector;
using glasshart::RegisterModel;
using glasshart::RegistersPane;
using glasshart::RunState;
using glasshart::Xlen;

namespace {

constexpr unsigned kPc = RegisterModel::kPcIndex;

HartSnapshot snapshotOf(Xlen xlen, quint64 sequence, RunState state = RunState::Paused) {
    HartSnapshot snapshot;
    snapshot.xlen = xlen;
    snapshot.sequence = sequence;
    snapshot.runState = state;
    snapshot.hart.pc = 0x8000'0000;
    return snapshot;
}

// A pane on a fresh Inspector with no program: only the test speaks for it.
struct Fixture {
    Inspector inspector;
    RegistersPane pane{inspector};
    QTableView* view = pane.findChild<QTableView*>(QStringLiteral("registersTable"));
    QComboBox* format = pane.findChild<QComboBox*>(QStringLiteral("registersFormat"));
    QLabel* message = pane.findChild<QLabel*>(QStringLiteral("registersMessage"));
    QSignalSpy edits{&pane, &RegistersPane::registerEditRequested};

    [[nodiscard]] QAbstractItemModel* model() const { return view->model(); }
    [[nodiscard]] QModelIndex valueIndex(unsigned reg) const {
        return model()->index(RegisterModel::rowOfRegister(reg), RegisterModel::ValueColumn);
    }
    [[nodiscard]] QString value(unsigned reg) const { return valueIndex(reg).data().toString(); }
    [[nodiscard]] bool highlighted(unsigned reg) const {
        const QModelIndex index = valueIndex(reg);
        return index.data(Qt::BackgroundRole).isValid() && index.data(Qt::FontRole).value<QFont>().bold();
    }
    void publish(const HartSnapshot& snapshot) { emit inspector.snapshotUpdated(snapshot); }
    void chooseFormat(const QString& settingsName) {
        format->setCurrentIndex(format->findText(formatText(settingsName)));
    }
    static QString formatText(const QString& settingsName) {
        if (settingsName == QLatin1String("signed")) return RegistersPane::tr("Signed decimal");
        if (settingsName == QLatin1String("unsigned")) return RegistersPane::tr("Unsigned decimal");
        return RegistersPane::tr("Hexadecimal");
    }
};

}  // namespace

class RegistersPaneTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(settingsDir_.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
        QCoreApplication::setOrganizationName(QStringLiteral("GlasshartTest"));
        QCoreApplication::setApplicationName(QStringLiteral("RegistersPaneTest"));
    }

    void init() { QSettings().clear(); }

    void namesThePcAndEveryRegister() {
        Fixture f;
        f.publish(snapshotOf(Xlen::Rv64, 1));
        QCOMPARE(f.model()->rowCount(), 33);
        auto name = [&](int row, int column) { return f.model()->index(row, column).data().toString(); };
        QCOMPARE(name(0, RegisterModel::NameColumn), QStringLiteral("pc"));
        QCOMPARE(name(1, RegisterModel::NameColumn), QStringLiteral("x0"));
        QCOMPARE(name(1, RegisterModel::AbiNameColumn), QStringLiteral("zero"));
        QCOMPARE(name(2, RegisterModel::NameColumn), QStringLiteral("x1"));
        QCOMPARE(name(2, RegisterModel::AbiNameColumn), QStringLiteral("ra"));
        QCOMPARE(name(3, RegisterModel::AbiNameColumn), QStringLiteral("sp"));
        QCOMPARE(name(11, RegisterModel::AbiNameColumn), QStringLiteral("a0"));
        QCOMPARE(name(32, RegisterModel::NameColumn), QStringLiteral("x31"));
        QCOMPARE(name(32, RegisterModel::AbiNameColumn), QStringLiteral("t6"));
    }

    void formatsRv64Values() {
        Fixture f;
        HartSnapshot s = snapshotOf(Xlen::Rv64, 1);
        s.hart.x[5] = 0xffff'ffff'ffff'fffeull;
        s.hart.x[6] = 42;
        f.publish(s);
        QCOMPARE(f.value(5), QStringLiteral("0xfffffffffffffffe"));
        QCOMPARE(f.value(6), QStringLiteral("0x000000000000002a"));
        QCOMPARE(f.value(kPc), QStringLiteral("0x0000000080000000"));
        f.chooseFormat(QStringLiteral("signed"));
        QCOMPARE(f.value(5), QStringLiteral("-2"));
        QCOMPARE(f.value(6), QStringLiteral("42"));
        f.chooseFormat(QStringLiteral("unsigned"));
        QCOMPARE(f.value(5), QStringLiteral("18446744073709551614"));
        QCOMPARE(f.value(kPc), QStringLiteral("2147483648"));
    }

    void formatsRv32Values() {
        Fixture f;
        HartSnapshot s = snapshotOf(Xlen::Rv32, 1);
        s.hart.x[5] = 0xffff'fffeull;
        f.publish(s);
        QCOMPARE(f.value(5), QStringLiteral("0xfffffffe"));
        QCOMPARE(f.value(kPc), QStringLiteral("0x80000000"));
        f.chooseFormat(QStringLiteral("signed"));
        QCOMPARE(f.value(5), QStringLiteral("-2"));
        QCOMPARE(f.value(kPc), QStringLiteral("-2147483648"));
        f.chooseFormat(QStringLiteral("unsigned"));
        QCOMPARE(f.value(5), QStringLiteral("4294967294"));
    }

    void remembersTheFormat() {
        {
            Fixture f;
            QCOMPARE(f.format->currentText(), Fixture::formatText(QStringLiteral("hex")));
            f.chooseFormat(QStringLiteral("unsigned"));
            QCOMPARE(QSettings().value(QStringLiteral("registers/format")).toString(), QStringLiteral("unsigned"));
        }
        Fixture again;
        QCOMPARE(again.format->currentText(), Fixture::formatText(QStringLiteral("unsigned")));
        HartSnapshot s = snapshotOf(Xlen::Rv64, 1);
        s.hart.x[7] = ~0ull;
        again.publish(s);
        QCOMPARE(again.value(7), QStringLiteral("18446744073709551615"));
    }

    void highlightsWhatTheLastStepChanged() {
        Fixture f;
        HartSnapshot s = snapshotOf(Xlen::Rv64, 1);
        f.publish(s);
        QVERIFY(!f.highlighted(kPc));
        s.sequence = 2;
        s.hart.pc += 4;
        s.hart.x[10] = 7;
        f.publish(s);
        QVERIFY(f.highlighted(kPc));
        QVERIFY(f.highlighted(10));
        QVERIFY(!f.highlighted(11));
        QVERIFY(f.model()->index(RegisterModel::rowOfRegister(10), RegisterModel::NameColumn)
                    .data(Qt::BackgroundRole).isValid());
        // The next step compares with the state after this one.
        s.sequence = 3;
        s.hart.pc += 4;
        s.hart.x[11] = 1;
        f.publish(s);
        QVERIFY(!f.highlighted(10));
        QVERIFY(f.highlighted(11));
        // The same snapshot published again keeps the highlights.
        f.publish(s);
        QVERIFY(f.highlighted(11));
    }

    void highlightsWhatARunChangedSinceThePause() {
        Fixture f;
        HartSnapshot s = snapshotOf(Xlen::Rv64, 1);
        f.publish(s);
        emit f.inspector.runStateChanged(RunState::Running);
        s.runState = RunState::Running;
        s.sequence = 2;
        s.hart.x[10] = 1;
        f.publish(s);
        QVERIFY(f.highlighted(10));
        s.sequence = 3;
        s.hart.x[12] = 5;
        f.publish(s);
        QVERIFY(f.highlighted(10));
        QVERIFY(f.highlighted(12));
        s.sequence = 4;
        s.runState = RunState::Paused;
        f.publish(s);
        emit f.inspector.runStateChanged(RunState::Paused);
        QVERIFY(f.highlighted(10));
        QVERIFY(f.highlighted(12));
        QVERIFY(!f.highlighted(11));
    }

    void aNewProgramStartsWithoutHighlights() {
        Fixture f;
        HartSnapshot s = snapshotOf(Xlen::Rv64, 1);
        f.publish(s);
        s.sequence = 2;
        s.hart.x[10] = 3;
        f.publish(s);
        QVERIFY(f.highlighted(10));
        emit f.inspector.programOpened(QStringLiteral("other.elf"));
        QVERIFY(f.value(10).isEmpty());
        s.sequence = 1;
        s.hart.x[10] = 9;
        f.publish(s);
        QVERIFY(!f.highlighted(10));
        QCOMPARE(f.value(10), QStringLiteral("0x0000000000000009"));
    }

    void editingByDoubleClickRequestsTheWrite() {
        Fixture f;
        showPane(f);
        f.publish(snapshotOf(Xlen::Rv64, 1));
        QVERIFY(typeInto(f, 10, QStringLiteral("0x1234")));
        QCOMPARE(f.edits.count(), 1);
        QCOMPARE(f.edits.at(0).at(0).toUInt(), 10u);
        QCOMPARE(f.edits.at(0).at(1).toULongLong(), 0x1234ull);
        // The cell shows the hart's value until the worker's snapshot has it.
        QCOMPARE(f.value(10), QStringLiteral("0x0000000000000000"));
        HartSnapshot s = snapshotOf(Xlen::Rv64, 2);
        s.hart.x[10] = 0x1234;
        f.publish(s);
        QCOMPARE(f.value(10), QStringLiteral("0x0000000000001234"));
        QVERIFY(f.highlighted(10));
    }

    void editsParseInTheChosenFormat() {
        Fixture f;
        showPane(f);
        f.publish(snapshotOf(Xlen::Rv64, 1));
        f.chooseFormat(QStringLiteral("signed"));
        QVERIFY(typeInto(f, 5, QStringLiteral("-1")));
        f.chooseFormat(QStringLiteral("unsigned"));
        QVERIFY(typeInto(f, 6, QStringLiteral("4096")));
        QVERIFY(typeInto(f, 7, QStringLiteral("0xff")));
        f.chooseFormat(QStringLiteral("hex"));
        QVERIFY(typeInto(f, 8, QStringLiteral("dead_beef")));
        QVERIFY(typeInto(f, kPc, QStringLiteral("0x80000010")));
        QCOMPARE(f.edits.count(), 5);
        QCOMPARE(f.edits.at(0).at(1).toULongLong(), ~0ull);
        QCOMPARE(f.edits.at(1).at(1).toULongLong(), 4096ull);
        QCOMPARE(f.edits.at(2).at(1).toULongLong(), 0xffull);
        QCOMPARE(f.edits.at(3).at(1).toULongLong(), 0xdeadbeefull);
        QCOMPARE(f.edits.at(4).at(0).toUInt(), kPc);
        QCOMPARE(f.edits.at(4).at(1).toULongLong(), 0x8000'0010ull);
    }

    void rv32EditsStayWithin32Bits() {
        Fixture f;
        f.publish(snapshotOf(Xlen::Rv32, 1));
        f.chooseFormat(QStringLiteral("signed"));
        QVERIFY(f.model()->setData(f.valueIndex(5), QStringLiteral("-1")));
        QVERIFY(f.model()->setData(f.valueIndex(6), QStringLiteral("-2147483648")));
        QVERIFY(!f.model()->setData(f.valueIndex(7), QStringLiteral("2147483648")));
        QVERIFY(!f.model()->setData(f.valueIndex(7), QStringLiteral("0x100000000")));
        QCOMPARE(f.edits.count(), 2);
        QCOMPARE(f.edits.at(0).at(1).toULongLong(), 0xffff'ffffull);
        QCOMPARE(f.edits.at(1).at(1).toULongLong(), 0x8000'0000ull);
    }

    void refusesWhatDoesNotParse() {
        Fixture f;
        showPane(f);
        HartSnapshot s = snapshotOf(Xlen::Rv64, 1);
        s.hart.x[10] = 0x55;
        f.publish(s);
        QVERIFY(f.message->isHidden());
        QVERIFY(typeInto(f, 10, QStringLiteral("banana")));
        QCOMPARE(f.edits.count(), 0);
        QCOMPARE(f.value(10), QStringLiteral("0x0000000000000055"));
        QVERIFY(!f.message->isHidden());
        QVERIFY(f.message->text().contains(QStringLiteral("banana")));
        const QStringList bad = {QString(), QStringLiteral("0x"), QStringLiteral("0x1_0000_0000_0000_0000"),
                                 QStringLiteral("12g"), QStringLiteral("-0x5")};
        for (const QString& text : bad) QVERIFY2(!f.model()->setData(f.valueIndex(10), text), qPrintable(text));
        f.chooseFormat(QStringLiteral("unsigned"));
        QVERIFY(!f.model()->setData(f.valueIndex(10), QStringLiteral("-1")));
        QVERIFY(!f.model()->setData(f.valueIndex(10), QStringLiteral("18446744073709551616")));
        f.chooseFormat(QStringLiteral("signed"));
        QVERIFY(!f.model()->setData(f.valueIndex(10), QStringLiteral("9223372036854775808")));
        QVERIFY(!f.model()->setData(f.valueIndex(10), QStringLiteral("-9223372036854775809")));
        // Instructions are 2-byte aligned: an odd pc is refused.
        QVERIFY(!f.model()->setData(f.valueIndex(kPc), QStringLiteral("0x80000001")));
        QCOMPARE(f.edits.count(), 0);
        QCOMPARE(f.value(10), QStringLiteral("85"));
    }

    void x0IsNotEditable() {
        Fixture f;
        showPane(f);
        f.publish(snapshotOf(Xlen::Rv64, 1));
        QVERIFY(!(f.model()->flags(f.valueIndex(0)) & Qt::ItemIsEditable));
        QVERIFY(f.model()->flags(f.valueIndex(1)) & Qt::ItemIsEditable);
        QVERIFY(!(f.model()->flags(f.model()->index(2, RegisterModel::NameColumn)) & Qt::ItemIsEditable));
        doubleClick(f, 0);
        QCOMPARE(f.view->indexWidget(f.valueIndex(0)), nullptr);
        QVERIFY(!f.model()->setData(f.valueIndex(0), QStringLiteral("1")));
        QCOMPARE(f.edits.count(), 0);
    }

    void showsTheFloatingPointRegisters() {
        Fixture f;
        auto* view = f.pane.findChild<QTableView*>(QStringLiteral("floatRegistersTable"));
        QVERIFY(view != nullptr);
        const QAbstractItemModel* model = view->model();
        const auto cell = [model](int row, int column) { return model->index(row, column).data().toString(); };
        HartSnapshot s = snapshotOf(Xlen::Rv64, 1);
        s.hart.f[0] = 0xffff'ffff'3fc0'0000ull;  // 1.5 as a single, NaN-boxed (IEEE 754 binary32 0x3fc00000)
        s.hart.f[1] = 0x4004'0000'0000'0000ull;  // 2.5 as a double
        s.hart.f[2] = 0x0000'0000'3fc0'0000ull;  // a single's bits without the box: read as a (tiny) double
        s.hart.f[3] = 0xffff'ffff'7fc0'0000ull;  // the canonical single NaN
        s.hart.f[4] = 0xfff0'0000'0000'0000ull;  // -infinity as a double
        s.hart.frm = 1;                          // rtz
        s.hart.fflags = 0x11;                    // NV and NX
        f.publish(s);
        QCOMPARE(model->rowCount(), 33);
        QCOMPARE(cell(0, FloatRegisterModel::NameColumn), QStringLiteral("f0"));
        QCOMPARE(cell(10, FloatRegisterModel::AbiNameColumn), QStringLiteral("fa0"));
        QCOMPARE(cell(31, FloatRegisterModel::AbiNameColumn), QStringLiteral("ft11"));
        QCOMPARE(cell(0, FloatRegisterModel::BitsColumn), QStringLiteral("0xffffffff3fc00000"));
        QCOMPARE(cell(0, FloatRegisterModel::ValueColumn), FloatRegisterModel::tr("%1 (single)").arg("1.5"));
        QCOMPARE(cell(1, FloatRegisterModel::ValueColumn), QStringLiteral("2.5"));
        QVERIFY(!cell(2, FloatRegisterModel::ValueColumn).contains(QStringLiteral("single")));
        QVERIFY(cell(2, FloatRegisterModel::ValueColumn).contains(QStringLiteral("e-315")));
        QCOMPARE(cell(3, FloatRegisterModel::ValueColumn), FloatRegisterModel::tr("%1 (single)").arg("nan"));
        QCOMPARE(cell(4, FloatRegisterModel::ValueColumn), QStringLiteral("-inf"));
        QCOMPARE(cell(FloatRegisterModel::kFcsrRow, FloatRegisterModel::NameColumn), QStringLiteral("fcsr"));
        QCOMPARE(cell(FloatRegisterModel::kFcsrRow, FloatRegisterModel::BitsColumn), QStringLiteral("0x31"));
        QCOMPARE(cell(FloatRegisterModel::kFcsrRow, FloatRegisterModel::ValueColumn),
                 FloatRegisterModel::fcsrText(1, 0x11));
        QVERIFY(cell(FloatRegisterModel::kFcsrRow, FloatRegisterModel::ValueColumn).contains(QStringLiteral("rtz")));
        QVERIFY(cell(FloatRegisterModel::kFcsrRow, FloatRegisterModel::ValueColumn).contains(QStringLiteral("NV NX")));
        // A step that writes f1 highlights it, and only it.
        s.sequence = 2;
        s.hart.f[1] = 0x3ff0'0000'0000'0000ull;  // 1.0
        f.publish(s);
        QCOMPARE(cell(1, FloatRegisterModel::ValueColumn), QStringLiteral("1"));
        QVERIFY(model->index(1, FloatRegisterModel::ValueColumn).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model->index(0, FloatRegisterModel::ValueColumn).data(Qt::BackgroundRole).isValid());
    }

    void notEditableWhileRunning() {
        Fixture f;
        showPane(f);
        HartSnapshot s = snapshotOf(Xlen::Rv64, 1);
        f.publish(s);
        doubleClick(f, 10);
        QVERIFY(f.view->indexWidget(f.valueIndex(10)) != nullptr);
        // Starting a run drops the open editor without writing anything.
        emit f.inspector.runStateChanged(RunState::Running);
        QCOMPARE(f.view->indexWidget(f.valueIndex(10)), nullptr);
        s.sequence = 2;
        s.runState = RunState::Running;
        f.publish(s);
        QVERIFY(!(f.model()->flags(f.valueIndex(10)) & Qt::ItemIsEditable));
        doubleClick(f, 10);
        QCOMPARE(f.view->indexWidget(f.valueIndex(10)), nullptr);
        QVERIFY(!f.model()->setData(f.valueIndex(10), QStringLiteral("0x1")));
        QCOMPARE(f.edits.count(), 0);
        s.sequence = 3;
        s.runState = RunState::Paused;
        f.publish(s);
        emit f.inspector.runStateChanged(RunState::Paused);
        QVERIFY(f.model()->flags(f.valueIndex(10)) & Qt::ItemIsEditable);
        QVERIFY(typeInto(f, 10, QStringLiteral("0x1")));
        QCOMPARE(f.edits.count(), 1);
    }

    void notEditableAfterTheProgramExited() {
        Fixture f;
        f.publish(snapshotOf(Xlen::Rv64, 1, RunState::Exited));
        QVERIFY(!(f.model()->flags(f.valueIndex(10)) & Qt::ItemIsEditable));
        QVERIFY(!f.model()->setData(f.valueIndex(10), QStringLiteral("0x1")));
        QCOMPARE(f.edits.count(), 0);
    }

private:
    static void showPane(Fixture& f) {
        f.pane.resize(480, 900);
        f.pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.pane));
    }

    static void doubleClick(Fixture& f, unsigned reg) {
        const QModelIndex index = f.valueIndex(reg);
        f.view->scrollTo(index);
        const QPoint centre = f.view->visualRect(index).center();
        QTest::mouseClick(f.view->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(f.view->viewport(), Qt::LeftButton, {}, centre);
    }

    // Double-clicks the register's value, replaces the text and presses
    // Enter, as a person would. False if no editor opened.
    static bool typeInto(Fixture& f, unsigned reg, const QString& text) {
        doubleClick(f, reg);
        auto* editor = qobject_cast<QLineEdit*>(f.view->indexWidget(f.valueIndex(reg)));
        if (!editor) return false;
        editor->selectAll();
        QTest::keyClicks(editor, text);
        if (text.isEmpty()) editor->clear();
        QTest::keyClick(editor, Qt::Key_Return);
        // The delegate commits and closes the editor from the event loop.
        return QTest::qWaitFor([&] { return f.view->indexWidget(f.valueIndex(reg)) == nullptr; });
    }

    QTemporaryDir settingsDir_;
};

QTEST_MAIN(RegistersPaneTest)
#include "RegistersPaneTest.moc"
