// Linux programs in user mode, through the real glasshart-cli.
//
// matchesQemu: each program runs under qemu-riscv64 and under
// glasshart-cli on both engines with the same arguments, environment,
// standard input and working directory; standard output and the exit
// status a shell sees must be identical. qemu-riscv64 is the oracle: if it
// is missing the test fails.
//
// The rest checks what QEMU cannot judge: unsupported system calls,
// --root confinement and --writable, the read-only host, and programs user
// mode refuses.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

constexpr int kTimeoutMilliseconds = 120'000;

QString cliPath() { return QStringLiteral(GLASSHART_CLI); }
QString guestPath(const QString& name) { return QStringLiteral(GLASSHART_GUEST_DIR "/%1-linux-rv64").arg(name); }
QString dataPath(const QString& name) { return QStringLiteral(GLASSHART_LINUX_USER_DATA "/") + name; }

struct Outcome {
    QString problem;  // non-empty: did not start, hung, or glasshart-cli crashed
    int status = -1;  // as a shell reports it: 128 + N for death by signal N
    QByteArray out;
    QByteArray err;

    [[nodiscard]] QString describe() const {
        return QStringLiteral("status %1\n--- stdout ---\n%2\n--- stderr ---\n%3")
            .arg(status)
            .arg(QString::fromUtf8(out.left(3000)), QString::fromUtf8(err.left(3000)));
    }
};

// A small fixed environment, so both emulators give the guest the same one.
QProcessEnvironment guestEnvironment() {
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    environment.insert(QStringLiteral("GLASSHART_ONE"), QStringLiteral("1"));
    environment.insert(QStringLiteral("GLASSHART_TWO"), QStringLiteral("two"));
    environment.insert(QStringLiteral("GLASSHART_EMPTY"), QString());
    return environment;
}

Outcome run(const QString& program, const QStringList& arguments, const QByteArray& input,
            const QString& workingDirectory, bool signalDeathAllowed) {
    Outcome outcome;
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setProcessEnvironment(guestEnvironment());
    process.setWorkingDirectory(workingDirectory);
    process.start();
    if (!process.waitForStarted(kTimeoutMilliseconds)) {
        outcome.problem = QStringLiteral("cannot start %1: %2").arg(program, process.errorString());
        return outcome;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(kTimeoutMilliseconds)) {
        process.kill();
        process.waitForFinished(kTimeoutMilliseconds);
        outcome.problem = QStringLiteral("%1 %2 did not finish").arg(program, arguments.join(QLatin1Char(' ')));
    }
    outcome.out = process.readAllStandardOutput();
    outcome.err = process.readAllStandardError();
    if (process.exitStatus() == QProcess::CrashExit) {
        // QProcess gives the signal's number as the exit code.
        outcome.status = 128 + process.exitCode();
        if (!signalDeathAllowed) outcome.problem = QStringLiteral("%1 crashed\n").arg(program) + outcome.describe();
    } else {
        outcome.status = process.exitCode();
    }
    return outcome;
}

Outcome runCli(const QStringList& arguments, const QByteArray& input = {}, const QString& workingDirectory = {}) {
    return run(cliPath(), arguments, input, workingDirectory.isEmpty() ? QDir::tempPath() : workingDirectory, false);
}

#define REQUIRE_RAN(outcome) QVERIFY2((outcome).problem.isEmpty(), qPrintable((outcome).problem))

QStringList lines(const QByteArray& text) {
    return QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void makeFile(const QString& path, const QByteArray& contents) {
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size(), qPrintable(path));
}

}  // namespace

class LinuxUserTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void matchesQemu_data();
    void matchesQemu();
    void rv32MatchesQemu_data() { engines(); }
    void rv32MatchesQemu();
    void unsupportedSystemCall_data() { engines(); }
    void unsupportedSystemCall();
    void rootConfinesPaths_data() { engines(); }
    void rootConfinesPaths();
    void writableRootStaysInside();
    void hostIsReadOnly();
    void dynamicProgramRefused();
    void userModeOptionsNeedALinuxProgram();

private:
    static void engines();
    static void compareWithQemu(const QString& qemu, const QString& engine, const QString& program,
                                const QStringList& options, const QStringList& arguments, const QByteArray& input);
    QString qemu_;
};

void LinuxUserTest::initTestCase() {
    qemu_ = QStandardPaths::findExecutable(QStringLiteral("qemu-riscv64"));
    QVERIFY2(!qemu_.isEmpty(), "qemu-riscv64 (Debian's qemu-user) is the oracle here and is not installed: "
                               "packaging/install-build-deps installs it");
}

void LinuxUserTest::engines() {
    QTest::addColumn<QString>("engine");
    QTest::newRow("dbt") << QStringLiteral("dbt");
    QTest::newRow("interp") << QStringLiteral("interp");
}

void LinuxUserTest::matchesQemu_data() {
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("guest");
    QTest::addColumn<QStringList>("options");    // before the program, given to both emulators
    QTest::addColumn<QStringList>("arguments");  // the program's own
    QTest::addColumn<QByteArray>("input");
    struct Case {
        const char* name;
        const char* guest;
        QStringList options;
        QStringList arguments;
        QByteArray input;
    };
    const QList<Case> cases = {
        {"hello", "hello", {}, {}, {}},
        {"arguments", "arguments", {}, {QStringLiteral("one"), QStringLiteral("two words"), QString()}, {}},
        {"environment edits", "arguments",
         {QStringLiteral("-E"), QStringLiteral("GLASSHART_TWO=changed"), QStringLiteral("-U"),
          QStringLiteral("GLASSHART_ONE"), QStringLiteral("-E"), QStringLiteral("GLASSHART_UNSET=now set")},
         {}, {}},
        {"memory", "memory", {}, {}, {}},
        {"files", "files", {},
         {QStringLiteral("file"), dataPath(QStringLiteral("poem.txt")), QStringLiteral("dir"), dataPath(QString()),
          QStringLiteral("missing"), QStringLiteral("/nonexistent/file"), QStringLiteral("dir"),
          QStringLiteral("/nonexistent")},
         {}},
        {"readv and writev", "vectored", {}, {dataPath(QStringLiteral("poem.txt"))}, {}},
        {"iostream", "iostream", {}, {}, QByteArrayLiteral("3 1 4 1 5 9 two words two\n-26\n")},
        {"iostream without input", "iostream", {}, {}, {}},
        {"exceptions", "exceptions", {}, {}, {}},
        {"uncaught exception", "terminate", {}, {}, {}},
        {"abort", "abort", {}, {}, {}},
        {"signals", "signals", {}, {}, {}},
        {"segfault", "segfault", {}, {}, {}},
        {"call through a null pointer", "segfault", {}, {QStringLiteral("call")}, {}},
        {"illegal instruction", "illegal", {}, {}, {}},
        {"exit 300", "exitcode", {}, {}, {}},
        {"exit 255", "exitcode", {}, {QStringLiteral("255")}, {}},
        {"stdin", "stdin_upper", {}, {}, QByteArrayLiteral("Standard input,\nread in pieces of 100 bytes: ")
                                              .repeated(20)},
        {"floating point", "floating", {}, {}, {}},
        {"clocks", "clocks", {}, {}, {}},
    };
    for (const char* engine : {"dbt", "interp"}) {
        for (const Case& c : cases) {
            QTest::addRow("%s %s", c.name, engine)
                << QString::fromLatin1(engine) << QString::fromLatin1(c.guest) << c.options << c.arguments << c.input;
        }
    }
}

void LinuxUserTest::compareWithQemu(const QString& qemu, const QString& engine, const QString& program,
                                    const QStringList& options, const QStringList& arguments,
                                    const QByteArray& input) {
    QTemporaryDir directory;  // core files, if any, land here
    QVERIFY(directory.isValid());
    const Outcome expected = run(qemu, options + QStringList{program} + arguments, input, directory.path(), true);
    REQUIRE_RAN(expected);
    const Outcome actual = runCli(QStringList{QStringLiteral("--engine"), engine} + options + QStringList{program} +
                                      arguments,
                                  input, directory.path());
    REQUIRE_RAN(actual);
    QVERIFY2(!expected.out.isEmpty(), qPrintable(QStringLiteral("the oracle printed nothing: ") + expected.describe()));
    QVERIFY2(actual.out == expected.out && actual.status == expected.status,
             qPrintable(qemu + QStringLiteral(": ") + expected.describe() + QStringLiteral("\n\nglasshart-cli: ") +
                        actual.describe()));
}

void LinuxUserTest::matchesQemu() {
    QFETCH(QString, engine);
    QFETCH(QString, guest);
    QFETCH(QStringList, options);
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    compareWithQemu(qemu_, engine, guestPath(guest), options, arguments, input);
}

void LinuxUserTest::rv32MatchesQemu() {
    QFETCH(QString, engine);
    const QString qemu = QStandardPaths::findExecutable(QStringLiteral("qemu-riscv32"));
    QVERIFY2(!qemu.isEmpty(), "qemu-riscv32 (Debian's qemu-user) is the oracle here and is not installed");
    compareWithQemu(qemu, engine, QStringLiteral(GLASSHART_GUEST_DIR "/rv32_echo-linux-rv32"), {},
                    {QStringLiteral("first"), QStringLiteral("second argument")}, {});
}

void LinuxUserTest::unsupportedSystemCall() {
    QFETCH(QString, engine);
    const Outcome outcome = runCli({QStringLiteral("--engine"), engine, guestPath(QStringLiteral("unsupported"))});
    REQUIRE_RAN(outcome);
    QCOMPARE(outcome.status, 0);
    QCOMPARE(lines(outcome.out),
             QStringList({QStringLiteral("io_setup: -1, errno ENOSYS"), QStringLiteral("io_setup: -1, errno ENOSYS")}));
    // Reported once, with number and name.
    const QStringList reports = lines(outcome.err);
    QVERIFY2(reports.size() == 1, qPrintable(outcome.describe()));
    QVERIFY2(reports[0].startsWith(QStringLiteral("glasshart-cli: ")) &&
                 reports[0].contains(QStringLiteral("system call 0 (io_setup)")) &&
                 reports[0].contains(QStringLiteral("ENOSYS")),
             qPrintable(outcome.describe()));
}

void LinuxUserTest::rootConfinesPaths() {
    // outside/secret must stay out of reach of a program whose root is
    // outside/root, whatever path or link it tries.
    QFETCH(QString, engine);
    QTemporaryDir outside;
    QVERIFY(outside.isValid());
    const QString root = outside.filePath(QStringLiteral("root"));
    const QString secret = outside.filePath(QStringLiteral("secret"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/sub")));
    makeFile(secret, "TOP SECRET\n");
    makeFile(root + QStringLiteral("/inside.txt"), "inside the root\n");
    QVERIFY(QFile::link(QStringLiteral("../secret"), root + QStringLiteral("/up")));
    QVERIFY(QFile::link(secret, root + QStringLiteral("/absolute")));
    QVERIFY(QFile::link(QStringLiteral("../../secret"), root + QStringLiteral("/sub/up2")));
    QVERIFY(QFile::link(QStringLiteral("/"), root + QStringLiteral("/slash")));
    auto read = [](const QString& path) { return QStringList{QStringLiteral("read"), path}; };
    const QStringList attempts = read(QStringLiteral("/inside.txt")) + read(QStringLiteral("../../secret")) +
                                 read(QStringLiteral("/../../../../..") + secret) + read(secret) +
                                 read(QStringLiteral("/up")) + read(QStringLiteral("/absolute")) +
                                 read(QStringLiteral("sub/up2")) + read(QStringLiteral("/slash/inside.txt")) +
                                 read(QStringLiteral("/slash/../secret")) +
                                 read(QStringLiteral("/proc/self/root") + secret) +
                                 QStringList{QStringLiteral("create"), QStringLiteral("/new.txt"),
                                             QStringLiteral("cwd"), QStringLiteral("/sub"), QStringLiteral("cwd"),
                                             QStringLiteral("../..")};
    const Outcome outcome = runCli(QStringList{QStringLiteral("--engine"), engine, QStringLiteral("--root"), root,
                                               guestPath(QStringLiteral("escape"))} +
                                   attempts);
    REQUIRE_RAN(outcome);
    QCOMPARE(outcome.status, 0);
    QVERIFY2(!outcome.out.contains("SECRET"), qPrintable(outcome.describe()));
    // Inside the root the paths work; every way out ends inside it, where
    // there is no such file; without --writable nothing can be created;
    // ".." stops at the root.
    const QStringList expected = {
        QStringLiteral("read /inside.txt: ok inside the root"),
        QStringLiteral("read ../../secret: ENOENT"),
        QStringLiteral("read /../../../../..%1: ENOENT").arg(secret),
        QStringLiteral("read %1: ENOENT").arg(secret),
        QStringLiteral("read /up: ENOENT"),
        QStringLiteral("read /absolute: ENOENT"),
        QStringLiteral("read sub/up2: ENOENT"),
        QStringLiteral("read /slash/inside.txt: ok inside the root"),
        QStringLiteral("read /slash/../secret: ENOENT"),
        QStringLiteral("read /proc/self/root%1: ENOENT").arg(secret),
        QStringLiteral("create /new.txt: EROFS"),
        QStringLiteral("chdir /sub: ok"),
        QStringLiteral("getcwd: /sub"),
        QStringLiteral("chdir ../..: ok"),
        QStringLiteral("getcwd: /"),
    };
    QCOMPARE(lines(outcome.out), expected);
    QVERIFY(!QFile::exists(root + QStringLiteral("/new.txt")));
}

void LinuxUserTest::writableRootStaysInside() {
    QTemporaryDir outside;
    QVERIFY(outside.isValid());
    const QString root = outside.filePath(QStringLiteral("root"));
    const QString secret = outside.filePath(QStringLiteral("secret"));
    QVERIFY(QDir().mkpath(root));
    makeFile(secret, "TOP SECRET\n");
    makeFile(root + QStringLiteral("/old.txt"), "old\n");
    makeFile(outside.filePath(QStringLiteral("victim")), "victim\n");
    QVERIFY(QFile::link(QStringLiteral("../secret"), root + QStringLiteral("/up")));
    const Outcome outcome =
        runCli({QStringLiteral("--root"), root, QStringLiteral("--writable"), guestPath(QStringLiteral("escape")),
                QStringLiteral("create"), QStringLiteral("/made.txt"), QStringLiteral("create"),
                QStringLiteral("/up"), QStringLiteral("create"), QStringLiteral("../../escaped.txt"),
                QStringLiteral("remove"), QStringLiteral("/old.txt"), QStringLiteral("remove"),
                QStringLiteral("../../victim")});
    REQUIRE_RAN(outcome);
    QCOMPARE(lines(outcome.out), QStringList({QStringLiteral("create /made.txt: ok 21"),
                                              QStringLiteral("create /up: ok 21"),
                                              QStringLiteral("create ../../escaped.txt: ok 21"),
                                              QStringLiteral("remove /old.txt: ok"),
                                              QStringLiteral("remove ../../victim: ENOENT")}));
    // The link's target and the climb out both resolved inside the root.
    QFile kept(secret);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArrayLiteral("TOP SECRET\n"));
    QVERIFY(QFile::exists(root + QStringLiteral("/made.txt")));
    QVERIFY(QFile::exists(root + QStringLiteral("/secret")));
    QVERIFY(QFile::exists(root + QStringLiteral("/escaped.txt")));
    QVERIFY(!QFile::exists(outside.filePath(QStringLiteral("escaped.txt"))));
    QVERIFY(!QFile::exists(root + QStringLiteral("/old.txt")));
    QVERIFY(QFile::exists(outside.filePath(QStringLiteral("victim"))));
}

void LinuxUserTest::hostIsReadOnly() {
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString existing = directory.filePath(QStringLiteral("existing.txt"));
    makeFile(existing, "unchanged\n");
    const QString fresh = directory.filePath(QStringLiteral("fresh.txt"));
    const Outcome outcome =
        runCli({guestPath(QStringLiteral("escape")), QStringLiteral("read"), existing, QStringLiteral("create"), fresh,
                QStringLiteral("create"), existing, QStringLiteral("remove"), existing});
    REQUIRE_RAN(outcome);
    QCOMPARE(lines(outcome.out), QStringList({QStringLiteral("read %1: ok unchanged").arg(existing),
                                              QStringLiteral("create %1: EROFS").arg(fresh),
                                              QStringLiteral("create %1: EROFS").arg(existing),
                                              QStringLiteral("remove %1: EROFS").arg(existing)}));
    QVERIFY(!QFile::exists(fresh));
    QFile kept(existing);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArrayLiteral("unchanged\n"));
}

void LinuxUserTest::dynamicProgramRefused() {
    const QString program = guestPath(QStringLiteral("hello-dynamic"));
    const Outcome outcome = runCli({program});
    REQUIRE_RAN(outcome);
    QCOMPARE(outcome.status, 2);
    QVERIFY(outcome.out.isEmpty());
    const QString err = QString::fromUtf8(outcome.err);
    QVERIFY2(err.startsWith(QStringLiteral("glasshart-cli: ") + program + QStringLiteral(": ")) &&
                 err.contains(QStringLiteral("dynamically linked")) && err.contains(QStringLiteral("-static")) &&
                 lines(outcome.err).size() == 1,
             qPrintable(outcome.describe()));
}

void LinuxUserTest::userModeOptionsNeedALinuxProgram() {
    // A Linux program forced onto the virt board does not fit its RAM.
    const Outcome system = runCli({QStringLiteral("--mode"), QStringLiteral("system"), guestPath(QStringLiteral("hello"))});
    REQUIRE_RAN(system);
    QCOMPARE(system.status, 2);
    QVERIFY2(system.err.contains("does not fit in RAM"), qPrintable(system.describe()));
    const Outcome writable = runCli({QStringLiteral("--writable"), guestPath(QStringLiteral("hello"))});
    REQUIRE_RAN(writable);
    QCOMPARE(writable.status, 2);
    QVERIFY2(writable.err.contains("--writable needs --root"), qPrintable(writable.describe()));
    const Outcome ram = runCli({QStringLiteral("--ram"), QStringLiteral("1G"), guestPath(QStringLiteral("hello"))});
    REQUIRE_RAN(ram);
    QCOMPARE(ram.status, 2);
    QVERIFY2(ram.err.contains("--ram"), qPrintable(ram.describe()));
    const Outcome missingRoot = runCli({QStringLiteral("--root"), QStringLiteral("/nonexistent/root"),
                                        guestPath(QStringLiteral("hello"))});
    REQUIRE_RAN(missingRoot);
    QCOMPARE(missingRoot.status, 2);
    QVERIFY2(missingRoot.err.contains("/nonexistent/root") && missingRoot.err.contains("No such file"),
             qPrintable(missingRoot.describe()));
}

QTEST_GUILESS_MAIN(LinuxUserTest)
#include "LinuxUserTest.moc"
