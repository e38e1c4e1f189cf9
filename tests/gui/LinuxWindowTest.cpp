// The whole window on Debian's riscv64 Linux: boot to the busybox prompt,
// type a command into the terminal widget as a person would, read the
// answer there, look at the kernel through the inspector's panes, and power
// off. The guest comes from packaging/fetch-linux-guest (tests/linux/
// LinuxGuest.h); when it cannot be had, the test fails and says why.

#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeView>
#include <QtTest>

#include "../linux/LinuxGuest.h"
#include "MainWindow.h"
#include "panes/CsrModel.h"
#include "panes/CsrPane.h"
#include "panes/DisassemblyModel.h"
#include "panes/DisassemblyPane.h"
#include "panes/UartTerminal.h"

using namespace glasshart;

namespace {

// Generous: the boot takes about 2 s in glasshart-cli on the development
// machine, but the window shares the CPU, and the sanitizer build is slower
// by far.
constexpr int kBootTimeout = 240'000;
constexpr int kTimeout = 120'000;

// The line after the one that shows `command` typed at `prompt`.
std::optional<QString> answerTo(const QString& text, const QString& prompt, const QString& command) {
    const QStringList lines = text.split(QLatin1Char('\n'));
    const qsizetype typed = lines.lastIndexOf(prompt + command);
    if (typed < 0 || typed + 1 >= lines.size()) return std::nullopt;
    return lines[typed + 1];
}

// On a failure, shows the end of the console: what the guest last said is
// usually why.
struct ConsoleOnFailure {
    const UartTerminal* terminal;
    ~ConsoleOnFailure() {
        if (!QTest::currentTestFailed()) return;
        const QStringList lines = terminal->toPlainText().split(QLatin1Char('\n'));
        qWarning().noquote() << "The console ended with:\n" + lines.mid(std::max<qsizetype>(0, lines.size() - 25)).join(QLatin1Char('\n'));
    }
};

}  // namespace

class LinuxWindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void bootsToTheShellAndAnswersTypedCommands();

private:
    std::optional<test::LinuxGuest> guest_;
};

void LinuxWindowTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // keep the user's settings out of it
    QSettings().clear();
    const test::LinuxGuestLookup lookup = test::findLinuxGuest();
    // No QSKIP: a GUI suite that silently stops booting Linux must not pass.
    QVERIFY2(lookup.guest, qPrintable(lookup.problem));
    guest_ = lookup.guest;
}

void LinuxWindowTest::bootsToTheShellAndAnswersTypedCommands() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Inspector& inspector = window.inspector();
    UartTerminal* terminal = window.terminal();
    const ConsoleOnFailure console{terminal};
    QSignalSpy opened(&inspector, &Inspector::programOpened);
    QSignalSpy errors(&inspector, &Inspector::errorOccurred);

    LinuxBootOptions options;
    options.kernel = guest_->kernel;
    options.initrd = guest_->initrd;
    window.bootLinuxWith(options, QStringLiteral("Debian Linux"));
    QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !errors.isEmpty(), kTimeout);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    QCOMPARE(opened.first().first().toString(), QStringLiteral("Debian Linux"));

    const QString prompt = QString::fromUtf8(guest_->prompt);
    // The shell is ready for a command once it has prompted, asked where the
    // cursor is (CSI 6n: busybox does when no input is pending) and been
    // told. Keys typed before the answer would reach the shell ahead of it,
    // and the answer would then go to the command (echoed as ^[[1;12R), as
    // on any terminal.
    QSignalSpy answers(terminal, &UartTerminal::replied);
    qsizetype answered = 0;
    const auto prompted = [&] { return terminal->toPlainText().endsWith(prompt) && answers.count() > answered; };
    QTRY_VERIFY_WITH_TIMEOUT(prompted(), kBootTimeout);
    answered = answers.count();
    QCOMPARE(answers.last().first().toByteArray(),
             QStringLiteral("\x1b[%1;%2R").arg(terminal->cursorRow() + 1).arg(prompt.size() + 1).toLatin1());

    terminal->setFocus();
    QTest::keyClicks(terminal, QStringLiteral("uname -m"));
    QTest::keyClick(terminal, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(answerTo(terminal->toPlainText(), prompt, QStringLiteral("uname -m")),
                              std::optional<QString>(QStringLiteral("riscv64")), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(prompted(), kTimeout);
    answered = answers.count();

    // busybox's line editor, drawn by the terminal as it redraws: a
    // character rubbed out, the cursor moved back, one inserted before it.
    QTest::keyClicks(terminal, QStringLiteral("echo abcX"));
    QTest::keyClick(terminal, Qt::Key_Backspace);
    QTest::keyClicks(terminal, QStringLiteral("d"));
    QTest::keyClick(terminal, Qt::Key_Left);
    QTest::keyClick(terminal, Qt::Key_Left);
    QTest::keyClicks(terminal, QStringLiteral("Z"));
    QTest::keyClick(terminal, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(answerTo(terminal->toPlainText(), prompt, QStringLiteral("echo abZcd")),
                              std::optional<QString>(QStringLiteral("abZcd")), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(prompted(), kTimeout);
    answered = answers.count();
    // History: Up brings the line back.
    QTest::keyClick(terminal, Qt::Key_Up);
    QTRY_VERIFY_WITH_TIMEOUT(terminal->toPlainText().endsWith(prompt + QStringLiteral("echo abZcd")), kTimeout);
    QTest::keyClick(terminal, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(terminal->toPlainText().count(QStringLiteral("\nabZcd\n")), 2, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(prompted(), kTimeout);
    answered = answers.count();
    // Ctrl+C interrupts a command (the shell has the console as its
    // terminal). cat waits for input without a timer, so only the signal
    // can end it. A line typed while the shell switches the terminal from its
    // line editor's raw mode back to canonical mode can be lost, as on any
    // terminal, so the test types only after the shell's echo says it has;
    // and cat's copy of that line shows cat is in the foreground (ash's child
    // makes itself the terminal's foreground group before it execs).
    QTest::keyClicks(terminal, QStringLiteral("echo cat-is-next; cat"));
    QTest::keyClick(terminal, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(terminal->toPlainText().endsWith(QStringLiteral("\ncat-is-next\n")), kTimeout);
    QTest::keyClicks(terminal, QStringLiteral("glass"));
    QTest::keyClick(terminal, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(terminal->toPlainText().endsWith(QStringLiteral("\nglass\nglass\n")), kTimeout);
    QTest::keyClick(terminal, Qt::Key_C, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(prompted(), kTimeout);
    answered = answers.count();

    // The translator ran the kernel.
    QVERIFY(inspector.snapshot().cache.statistics.blocksTranslated > 0);

    // Paused in the kernel, the panes read it through its page tables.
    inspector.pause();
    QTRY_COMPARE_WITH_TIMEOUT(inspector.snapshot().runState, RunState::Paused, kTimeout);
    const HartSnapshot& paused = inspector.snapshot();
    QVERIFY(paused.hart.privilege != Privilege::Machine || paused.hart.supervisor.satp != 0);
    auto* csrs = window.findChild<CsrPane*>()->findChild<QTreeView*>();
    const auto* csrModel = qobject_cast<const CsrModel*>(csrs->model());
    QTRY_VERIFY_WITH_TIMEOUT(csrModel->fieldIndex(u"satp", u"MODE", CsrModel::ValueColumn).data().toString()
                                 .startsWith(QStringLiteral("Sv")),
                             kTimeout);
    const QString privilege = window.findChild<QLabel*>(QStringLiteral("privilegeLabel"))->text();
    QVERIFY2(privilege == QStringLiteral("S-mode") || privilege == QStringLiteral("U-mode"), qPrintable(privilege));
    auto* disassembly = window.findChild<DisassemblyPane*>();
    auto* code = disassembly->findChild<QTableView*>(QStringLiteral("disassemblyView"));
    const auto* codeModel = qobject_cast<const DisassemblyModel*>(code->model());
    const quint64 pc = inspector.snapshot().hart.pc;
    QTRY_VERIFY_WITH_TIMEOUT(codeModel->rowOfInstruction(pc) >= 0, kTimeout);
    QCOMPARE(codeModel->headerData(DisassemblyModel::AddressColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Virtual address"));

    inspector.run();
    QTest::keyClicks(terminal, QStringLiteral("poweroff -f"));
    QTest::keyClick(terminal, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(inspector.snapshot().runState, RunState::Exited, kTimeout);
}

QTEST_MAIN(LinuxWindowTest)
#include "LinuxWindowTest.moc"
