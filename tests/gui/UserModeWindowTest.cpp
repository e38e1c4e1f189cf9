// A Linux program opened in the window: it runs in user mode with the
// console as its terminal (typed lines reach its standard input, with echo
// and Ctrl+D as the end of input), and its system calls fill their pane.

#include <QMessageBox>
#include <QSignalSpy>
#include <QtTest>

#include "MainWindow.h"
#include "panes/SystemCallLogPane.h"
#include "panes/UartTerminal.h"

using namespace glasshart;

namespace {

constexpr int kTimeout = 20000;

QString guestPath(const QString& name) { return QStringLiteral(GLASSHART_GUEST_DIR "/%1-linux-rv64").arg(name); }

}  // namespace

class UserModeWindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void init() {
        window_ = std::make_unique<MainWindow>();
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }
    void cleanup() { window_.reset(); }

    void helloRunsInUserModeAndLogsItsCalls();
    void typedLinesReachStandardInput();
    void dynamicProgramIsRefused();

private:
    Inspector& inspector() { return window_->inspector(); }
    std::unique_ptr<MainWindow> window_;
};

void UserModeWindowTest::helloRunsInUserModeAndLogsItsCalls() {
    window_->openProgram(guestPath(QStringLiteral("hello")));
    QVERIFY(inspector().program() != nullptr);
    QTRY_COMPARE_WITH_TIMEOUT(inspector().snapshot().hart.privilege, Privilege::User, kTimeout);
    QTest::keyClick(window_.get(), Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(inspector().snapshot().runState, RunState::Exited, kTimeout);
    QCOMPARE(inspector().snapshot().exitCode, 0);
    auto* terminal = window_->findChild<UartTerminal*>();
    QTRY_VERIFY_WITH_TIMEOUT(terminal->toPlainText().contains("Hello from a static RISC-V Linux program!"), kTimeout);
    auto* calls = window_->findChild<SystemCallLogPane*>();
    QTRY_VERIFY_WITH_TIMEOUT(calls->toPlainText().contains("exit_group(0x0"), kTimeout);
    QVERIFY2(calls->toPlainText().contains("write(0x1, "), qPrintable(calls->toPlainText()));
    QVERIFY2(calls->toPlainText().contains("brk(0x0, "), qPrintable(calls->toPlainText()));
}

void UserModeWindowTest::typedLinesReachStandardInput() {
    window_->openProgram(guestPath(QStringLiteral("stdin_upper")));
    QVERIFY(inspector().program() != nullptr);
    QTest::keyClick(window_.get(), Qt::Key_F5);
    // It reads at once and waits for a line.
    QTRY_COMPARE_WITH_TIMEOUT(inspector().snapshot().runState, RunState::Waiting, kTimeout);
    auto* terminal = window_->findChild<UartTerminal*>();
    QTest::keyClicks(terminal, "glass hearx");
    QTest::keyClick(terminal, Qt::Key_Backspace);
    QTest::keyClicks(terminal, "t");
    QTest::keyClick(terminal, Qt::Key_Return);
    // The terminal echoed the edited line, and the program answered it.
    QTRY_VERIFY_WITH_TIMEOUT(terminal->toPlainText().contains("GLASS HEART"), kTimeout);
    QVERIFY2(terminal->toPlainText().contains("glass heart\nGLASS HEART"), qPrintable(terminal->toPlainText()));
    QTest::keyClick(terminal, Qt::Key_D, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(inspector().snapshot().runState, RunState::Exited, kTimeout);
    QCOMPARE(inspector().snapshot().exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(terminal->toPlainText().contains("12 bytes"), kTimeout);
}

void UserModeWindowTest::dynamicProgramIsRefused() {
    QSignalSpy errors(&inspector(), &Inspector::errorOccurred);
    window_->openProgram(guestPath(QStringLiteral("hello-dynamic")));
    QCOMPARE(errors.count(), 1);
    const QString message = errors.first().first().toString();
    QVERIFY2(message.contains("dynamically linked") && message.contains("-static"), qPrintable(message));
    QVERIFY(inspector().program() == nullptr);
    for (auto* box : window_->findChildren<QMessageBox*>()) box->close();
}

QTEST_MAIN(UserModeWindowTest)
#include "UserModeWindowTest.moc"
