// gdb-multiarch, the real client, debugging the test guest (target.c)
// through `glasshart-cli --gdb 0` in batch mode: breakpoints at symbols,
// continue, registers and memory, single steps, write and read watchpoints,
// an FP register, CSRs, monitor commands, Ctrl-C, detach and kill. What gdb
// prints is checked against what the C program, the ELF's symbols and the
// RISC-V specifications say it must be. The stub picks a free port and
// says which on stderr; nothing waits on a timer.

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <csignal>

namespace {

constexpr int kPatienceMilliseconds = 60'000;

QString guestPath(int xlen) { return QString(GLASSHART_GUEST_DIR "/gdb-target-rv%1.elf").arg(xlen); }

// glasshart-cli --gdb, waiting for gdb.
class Stub {
public:
    explicit Stub(const QStringList& arguments) {
        process_.start(GLASSHART_CLI, arguments);
        process_.setReadChannel(QProcess::StandardError);
    }
    ~Stub() {
        if (process_.state() != QProcess::NotRunning) {
            process_.kill();
            process_.waitForFinished();
        }
    }
    Stub(const Stub&) = delete;
    Stub& operator=(const Stub&) = delete;

    // The port from "listening on 127.0.0.1:PORT", or 0 if it never came.
    int waitUntilListening() {
        static const QRegularExpression listening("listening on 127\\.0\\.0\\.1:(\\d+)");
        while (process_.waitForReadyRead(kPatienceMilliseconds) || process_.canReadLine()) {
            while (process_.canReadLine()) {
                const QString line = QString::fromUtf8(process_.readLine());
                errors_ += line;
                const auto match = listening.match(line);
                if (match.hasMatch()) return match.captured(1).toInt();
            }
        }
        return 0;
    }
    // Waits until the guest has printed `text` on the console.
    bool waitForOutput(const QString& text) {
        process_.setReadChannel(QProcess::StandardOutput);
        while (!output_.contains(text)) {
            if (!process_.waitForReadyRead(kPatienceMilliseconds)) return false;
            output_ += QString::fromUtf8(process_.readAllStandardOutput());
        }
        return true;
    }
    bool finish() {
        if (!process_.waitForFinished(kPatienceMilliseconds)) return false;
        output_ += QString::fromUtf8(process_.readAllStandardOutput());
        errors_ += QString::fromUtf8(process_.readAllStandardError());
        return true;
    }
    [[nodiscard]] int exitCode() const { return process_.exitCode(); }
    [[nodiscard]] const QString& output() const { return output_; }
    [[nodiscard]] const QString& errors() const { return errors_; }

private:
    QProcess process_;
    QString output_;
    QString errors_;
};

// gdb-multiarch -batch with one -ex per command, on `elf`.
class Gdb {
public:
    Gdb(int port, const QString& elf, const QStringList& commands) {
        QStringList arguments{"-batch", "-nx", "-ex", "set pagination off", "-ex", "set confirm off",
                              "-ex", QString("target remote 127.0.0.1:%1").arg(port)};
        for (const QString& command : commands) arguments << "-ex" << command;
        arguments << elf;
        process_.setProcessChannelMode(QProcess::MergedChannels);
        process_.start(GDB_MULTIARCH, arguments);
    }
    ~Gdb() {
        if (process_.state() != QProcess::NotRunning) {
            process_.kill();
            process_.waitForFinished();
        }
    }
    Gdb(const Gdb&) = delete;
    Gdb& operator=(const Gdb&) = delete;

    void interrupt() { ::kill(static_cast<pid_t>(process_.processId()), SIGINT); }
    bool finish() {
        const bool finished = process_.waitForFinished(kPatienceMilliseconds);
        output_ += QString::fromUtf8(process_.readAll());
        return finished && process_.exitStatus() == QProcess::NormalExit;
    }
    [[nodiscard]] const QString& output() const { return output_; }

private:
    QProcess process_;
    QString output_;
};

// misa (privileged spec 3.1.1): MXL in the top two bits (1 = 32, 2 = 64)
// and the hart's extensions, RV{32,64}IMAFDC with S and U modes.
quint64 expectedMisa(int xlen) {
    quint64 letters = 0;
    for (const char letter : QByteArray("IMAFDCSU")) letters |= quint64{1} << (letter - 'A');
    return (xlen == 64 ? quint64{2} << 62 : quint64{1} << 30) | letters;
}

bool haveGdb() { return QFileInfo(GDB_MULTIARCH).isExecutable(); }

}  // namespace

#define REQUIRE_GDB() \
    if (!haveGdb()) QFAIL("gdb-multiarch is not installed (packaging/install-build-deps installs it)")

#define EXPECT_IN(haystack, needle) \
    QVERIFY2((haystack).contains(needle), qPrintable(QString("no \"%1\" in:\n%2").arg(needle, haystack)))

class GdbClientTest : public QObject {
    Q_OBJECT

private slots:
    void debugsAGuest_data();
    void debugsAGuest();
    void ctrlCStopsARunningGuest();
    void detachLeavesTheGuestRunning();
    void killEndsTheRun();
    void aPortInUseIsOneClearLine();
    void badPortsAreRefused();
};

void GdbClientTest::debugsAGuest_data() {
    QTest::addColumn<int>("xlen");
    QTest::addColumn<QString>("engine");
    QTest::newRow("rv64 translator") << 64 << "dbt";
    QTest::newRow("rv32 translator") << 32 << "dbt";
    QTest::newRow("rv64 interpreter") << 64 << "interp";
}

void GdbClientTest::debugsAGuest() {
    REQUIRE_GDB();
    QFETCH(int, xlen);
    QFETCH(QString, engine);
    Stub stub({"--engine", engine, "--gdb", "0", guestPath(xlen)});
    const int port = stub.waitUntilListening();
    QVERIFY2(port > 0, qPrintable(stub.errors()));
    Gdb gdb(port, guestPath(xlen),
            {"break *add_step", "continue", "printf \"a1=%d\\n\", $a1",
             // add_step's first instruction is 2 bytes (c.add) or 4 (add).
             "stepi", "printf \"stepped=%d\\n\", $pc - (long)&add_step == 2 || $pc - (long)&add_step == 4",
             "printf \"sp-in-stack=%d\\n\", (unsigned long)$sp > (unsigned long)&__bss_end && "
             "(unsigned long)$sp <= (unsigned long)&__stack_top",
             "x/s greeting", "delete",
             // A write watchpoint: gdb reports only stores that change the value.
             "watch counter", "continue", "continue", "delete",
             "break fp_loaded", "continue", "p $fs1",
             "printf \"mtvec-is-trap-entry=%d\\n\", $mtvec == (long)&guest_trap_entry",
             "printf \"misa=%lx\\n\", $misa", "info registers priv", "delete",
             "set var released = 1", "rwatch threshold", "continue", "delete",
             "monitor cache", "monitor help",
             "set var counter = 5", "printf \"counter=%d\\n\", counter",
             "continue"});
    QVERIFY(gdb.finish());
    QVERIFY(stub.finish());
    const QString out = gdb.output();
    EXPECT_IN(out, "Breakpoint 1, ");
    EXPECT_IN(out, "in add_step");
    EXPECT_IN(out, "a1=0\n");  // add_step(total, step = 0)
    EXPECT_IN(out, "stepped=1\n");
    EXPECT_IN(out, "sp-in-stack=1\n");
    EXPECT_IN(out, "\"hello gdb\"");
    EXPECT_IN(out, "Hardware watchpoint 2: counter\n\nOld value = 0\nNew value = 1\n");
    EXPECT_IN(out, "Hardware watchpoint 2: counter\n\nOld value = 1\nNew value = 3\n");
    EXPECT_IN(out, "in fp_loaded");
    EXPECT_IN(out, "double = 2.5}");
    EXPECT_IN(out, "mtvec-is-trap-entry=1\n");
    EXPECT_IN(out, QString("misa=%1\n").arg(expectedMisa(xlen), 0, 16));
    EXPECT_IN(out, "prv:3 [Machine]");
    EXPECT_IN(out, "Hardware read watchpoint 4: threshold\n\nValue = 7\n");
    EXPECT_IN(out, engine == "dbt" ? "translation cache:" : "engine: interpreter");
    EXPECT_IN(out, "monitor flush");
    EXPECT_IN(out, "counter=5\n");
    EXPECT_IN(out, "[Inferior 1 (Remote target) exited normally]");
    QCOMPARE(stub.exitCode(), 0);
    QCOMPARE(stub.output(), QString("spinning\ndone\n"));
    EXPECT_IN(stub.errors(), "the guest exited; gdb was told");
}

void GdbClientTest::ctrlCStopsARunningGuest() {
    REQUIRE_GDB();
    Stub stub({"--gdb", "0", guestPath(64)});
    const int port = stub.waitUntilListening();
    QVERIFY2(port > 0, qPrintable(stub.errors()));
    Gdb gdb(port, guestPath(64), {"continue", "printf \"released=%d\\n\", released", "set var released = 1",
                                  "continue"});
    // The guest only prints this once gdb has let it run, and then spins
    // until gdb intervenes.
    QVERIFY(stub.waitForOutput("spinning\n"));
    gdb.interrupt();  // Ctrl-C: gdb sends 0x03
    QVERIFY(gdb.finish());
    QVERIFY(stub.finish());
    EXPECT_IN(gdb.output(), "Program received signal SIGINT, Interrupt.");
    EXPECT_IN(gdb.output(), "released=0\n");
    EXPECT_IN(gdb.output(), "[Inferior 1 (Remote target) exited normally]");
    QCOMPARE(stub.exitCode(), 0);
    QCOMPARE(stub.output(), QString("spinning\ndone\n"));
}

void GdbClientTest::detachLeavesTheGuestRunning() {
    REQUIRE_GDB();
    Stub stub({"--gdb", "0", guestPath(32)});
    const int port = stub.waitUntilListening();
    QVERIFY2(port > 0, qPrintable(stub.errors()));
    Gdb gdb(port, guestPath(32), {"break main", "continue", "set var released = 1", "detach"});
    QVERIFY(gdb.finish());
    EXPECT_IN(gdb.output(), "[Inferior 1 (Remote target) detached]");
    QVERIFY(stub.finish());
    QCOMPARE(stub.exitCode(), 0);
    QCOMPARE(stub.output(), QString("spinning\ndone\n"));
    EXPECT_IN(stub.errors(), "gdb detached");
}

void GdbClientTest::killEndsTheRun() {
    REQUIRE_GDB();
    Stub stub({"--gdb", "0", guestPath(64)});
    const int port = stub.waitUntilListening();
    QVERIFY2(port > 0, qPrintable(stub.errors()));
    Gdb gdb(port, guestPath(64), {"break add_step", "continue", "kill"});
    QVERIFY(gdb.finish());
    EXPECT_IN(gdb.output(), "[Inferior 1 (Remote target) killed]");
    QVERIFY(stub.finish());
    QCOMPARE(stub.exitCode(), 0);
    QCOMPARE(stub.output(), QString());  // it never got as far as printing
    EXPECT_IN(stub.errors(), "gdb killed the program");
}

void GdbClientTest::aPortInUseIsOneClearLine() {
    Stub first({"--gdb", "0", guestPath(64)});
    const int port = first.waitUntilListening();
    QVERIFY2(port > 0, qPrintable(first.errors()));
    Stub second({"--gdb", QString::number(port), guestPath(64)});
    QVERIFY(second.finish());
    QCOMPARE(second.exitCode(), 2);
    QCOMPARE(second.errors(), QString("glasshart-cli: --gdb: port %1 on 127.0.0.1 is already in use (choose another "
                                      "port, or 0 for any free one)\n")
                                  .arg(port));
}

void GdbClientTest::badPortsAreRefused() {
    for (const QString port : {"70000", "gdb", ""}) {
        Stub stub({"--gdb", port, guestPath(64)});
        QVERIFY(stub.finish());
        QCOMPARE(stub.exitCode(), 2);
        EXPECT_IN(stub.errors(),
                  QString("glasshart-cli: --gdb: the port must be a number from 0 to 65535, not '%1'\n").arg(port));
    }
    Stub stub({"--gdb"});
    QVERIFY(stub.finish());
    QCOMPARE(stub.exitCode(), 2);
    EXPECT_IN(stub.errors(), "glasshart-cli: --gdb needs a value\n");
}

QTEST_GUILESS_MAIN(GdbClientTest)
#include "GdbClientTest.moc"
