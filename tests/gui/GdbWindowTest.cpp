// The window and gdb-multiarch on one machine at the same time: a gdb stop
// shows in the window as a pause at gdb's breakpoint, the window's Pause
// shows in gdb as a SIGINT stop, and while gdb is connected the window's
// run controls leave the hart to gdb. gdb waits for the test on a FIFO
// (its `shell read`), so nothing depends on timing.

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

#include "MainWindow.h"

using namespace glasshart;

namespace {

constexpr int kTimeout = 60000;  // generous: the sanitizer build is slow

const QString kGuest = QStringLiteral(GLASSHART_GUEST_DIR "/gdb-target-rv64.elf");

QByteArray collected(const QSignalSpy& spy) {
    QByteArray all;
    for (const QList<QVariant>& call : spy) all += call.at(0).toByteArray();
    return all;
}

}  // namespace

class GdbWindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void windowAndGdbTogether();
    void aPortInUseIsExplained();
};

void GdbWindowTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // keep the user's settings out of it
    QSettings().clear();
}

void GdbWindowTest::windowAndGdbTogether() {
    if (!QFileInfo(GDB_MULTIARCH).isExecutable()) QFAIL("gdb-multiarch is not installed");
    MainWindow window;
    window.show();
    Inspector& inspector = window.inspector();
    QSignalSpy console(&inspector, &Inspector::uartOutput);
    window.openProgram(kGuest);
    QCOMPARE(inspector.programName(), QString("gdb-target-rv64.elf"));
    const quint64 addStep = *inspector.program()->symbolAddress("add_step");

    inspector.startGdbServer(0);
    QTRY_COMPARE_WITH_TIMEOUT(inspector.gdbServer().state, GdbServerStatus::State::Listening, kTimeout);
    const QString address = inspector.gdbServer().address;
    QVERIFY(address.startsWith("127.0.0.1:"));
    auto* gdbLabel = window.findChild<QLabel*>("gdbLabel");
    QVERIFY(gdbLabel->isVisible());
    QCOMPARE(gdbLabel->text(), QString("GDB: waiting on %1").arg(address));
    QVERIFY(window.stopGdbServerAction()->isEnabled());

    QTemporaryDir directory;
    // gdb waits at each `shell read` until the test lets it go.
    const QString go = directory.filePath("go");
    const QString goAgain = directory.filePath("go-again");
    for (const QString& fifo : {go, goAgain}) QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    auto letGdbGo = [](const QString& path) {
        QFile fifo(path);
        if (!fifo.open(QIODevice::WriteOnly)) return false;  // opens once gdb's `read` waits on the other end
        return fifo.write("go\n") == 3;
    };
    QProcess gdb;
    gdb.setProcessChannelMode(QProcess::MergedChannels);
    QString output;
    connect(&gdb, &QProcess::readyRead, this, [&] { output += QString::fromUtf8(gdb.readAll()); });
    gdb.start(GDB_MULTIARCH,
              {"-batch", "-nx", "-ex", "set pagination off", "-ex", "target remote " + address, "-ex",
               "break *add_step", "-ex", "continue", "-ex", "printf \"at-breakpoint\\n\"", "-ex",
               "shell read line < " + go, "-ex", "delete", "-ex", "continue", "-ex",
               "printf \"pc-after-pause=%lx\\n\", $pc", "-ex", "shell read line < " + goAgain, "-ex",
               "set var released = 1", "-ex", "continue",
               kGuest});

    // gdb's breakpoint: the window shows the hart paused there, and leaves
    // running and stepping to gdb.
    // The window was already paused while gdb connected: wait for the
    // snapshot of the breakpoint stop itself (the window polls at 60 Hz).
    QTRY_VERIFY_WITH_TIMEOUT(output.contains("at-breakpoint\n"), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(inspector.snapshot().hart.pc, addStep, kTimeout);
    QCOMPARE(inspector.snapshot().runState, RunState::Paused);
    QCOMPARE(inspector.gdbServer().state, GdbServerStatus::State::Connected);
    QCOMPARE(gdbLabel->text(), QString("GDB: connected"));
    QVERIFY(!window.runAction()->isEnabled());
    QVERIFY(!window.stepAction()->isEnabled());
    // A run request all the same is ignored: gdb has the hart.
    const quint64 sequence = inspector.snapshot().sequence;
    inspector.run();
    QTRY_VERIFY_WITH_TIMEOUT(inspector.snapshot().sequence > sequence, kTimeout);
    QCOMPARE(inspector.snapshot().runState, RunState::Paused);
    QCOMPARE(inspector.snapshot().hart.pc, addStep);

    // gdb continues: the window shows the guest running, up to its spin.
    QVERIFY(letGdbGo(go));
    QTRY_VERIFY_WITH_TIMEOUT(collected(console).contains("spinning\n"), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(inspector.snapshot().runState, RunState::Running, kTimeout);
    QVERIFY(window.pauseAction()->isEnabled());

    // The window's Pause is a SIGINT stop to gdb, at the pc the window shows.
    window.pauseAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(output.contains("Program received signal SIGINT, Interrupt."), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(inspector.snapshot().runState, RunState::Paused, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(output.contains("pc-after-pause="), kTimeout);
    QVERIFY2(output.contains(QString("pc-after-pause=%1\n").arg(inspector.snapshot().hart.pc, 0, 16)),
             qPrintable(output));
    QVERIFY(!window.runAction()->isEnabled());
    QVERIFY(letGdbGo(goAgain));

    // gdb lets the guest finish; the window sees it exit, and the server
    // waits for the next gdb.
    QVERIFY(gdb.waitForFinished(kTimeout));
    output += QString::fromUtf8(gdb.readAll());
    QVERIFY2(output.contains("[Inferior 1 (Remote target) exited normally]"), qPrintable(output));
    QTRY_COMPARE_WITH_TIMEOUT(inspector.snapshot().runState, RunState::Exited, kTimeout);
    QCOMPARE(inspector.snapshot().exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(inspector.gdbServer().state, GdbServerStatus::State::Listening, kTimeout);
    QVERIFY(collected(console).endsWith("done\n"));

    window.stopGdbServerAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(inspector.gdbServer().state, GdbServerStatus::State::Off, kTimeout);
    QVERIFY(!gdbLabel->isVisible());
}

void GdbWindowTest::aPortInUseIsExplained() {
    MainWindow first;
    first.openProgram(kGuest);
    first.inspector().startGdbServer(0);
    QTRY_COMPARE_WITH_TIMEOUT(first.inspector().gdbServer().state, GdbServerStatus::State::Listening, kTimeout);
    const quint16 port = first.inspector().gdbServer().address.section(':', -1).toUShort();

    MainWindow second;
    second.openProgram(kGuest);
    second.inspector().startGdbServer(port);
    QTRY_COMPARE_WITH_TIMEOUT(second.inspector().gdbServer().state, GdbServerStatus::State::Failed, kTimeout);
    QCOMPARE(second.inspector().gdbServer().detail,
             QString("port %1 on 127.0.0.1 is already in use (choose another port, or 0 for any free one)").arg(port));
    // The window says what to do, in a dialog.
    QTRY_VERIFY_WITH_TIMEOUT(second.findChild<QMessageBox*>() != nullptr, kTimeout);
    QVERIFY(second.findChild<QMessageBox*>()->text().contains("Choose another port with Debug"));
    // A server that could not start is not tried again with the next program.
    second.openProgram(kGuest);
    QCOMPARE(second.inspector().gdbServer().state, GdbServerStatus::State::Off);
}

QTEST_MAIN(GdbWindowTest)
#include "GdbWindowTest.moc"
