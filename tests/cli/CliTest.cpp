// Runs the real glasshart-cli as a child process and checks what a user sees:
// the exit status, the one-line message on standard error, and that standard
// output carries nothing but the guest's own output.
//
// The guests are tiny assembly programs of this directory (cli-*.elf in
// GLASSHART_GUEST_DIR, built for RV32 and RV64); broken programs are made
// from them in temporary directories.

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include <cstdint>
#include <optional>

namespace {

// Generous: every guest here finishes in well under a second. Running out of
// it is a failure (a hang), never a pass.
constexpr int kTimeoutMilliseconds = 120'000;

// glasshart-cli's own exit statuses (its --help text).
constexpr int kExitUsage = 2;
constexpr int kExitWaitingForever = 123;
constexpr int kExitInstructionLimit = 124;
constexpr int kExitLockedUp = 125;

// The RAM base of the virt machine.
constexpr std::uint64_t kRamBase = 0x8000'0000;

QString cliPath() { return QStringLiteral(GLASSHART_CLI); }

QString guestPath(const QString& name, int xlen) {
    return QStringLiteral(GLASSHART_GUEST_DIR "/cli-%1-rv%2.elf").arg(name).arg(xlen);
}

struct Outcome {
    QString problem;  // non-empty: the process could not be started, hung or crashed
    int status = -1;
    QByteArray out;
    QByteArray err;

    [[nodiscard]] QString describe() const {
        return QStringLiteral("exit status %1\n--- stdout ---\n%2\n--- stderr ---\n%3")
            .arg(status)
            .arg(QString::fromUtf8(out.left(2000)), QString::fromUtf8(err.left(2000)));
    }
};

Outcome runCli(const QStringList& arguments) {
    Outcome outcome;
    QProcess process;
    process.setProgram(cliPath());
    process.setArguments(arguments);
    process.start();
    if (!process.waitForStarted(kTimeoutMilliseconds)) {
        outcome.problem = QStringLiteral("cannot start %1: %2").arg(cliPath(), process.errorString());
        return outcome;
    }
    process.closeWriteChannel();  // the guest's UART input sees end of file
    if (!process.waitForFinished(kTimeoutMilliseconds)) {
        process.kill();
        process.waitForFinished(kTimeoutMilliseconds);
        outcome.problem = QStringLiteral("glasshart-cli %1 did not finish within %2 s")
                              .arg(arguments.join(QLatin1Char(' ')))
                              .arg(kTimeoutMilliseconds / 1000);
    } else if (process.exitStatus() != QProcess::NormalExit) {
        outcome.problem = QStringLiteral("glasshart-cli %1 crashed").arg(arguments.join(QLatin1Char(' ')));
    }
    outcome.status = process.exitCode();
    outcome.out = process.readAllStandardOutput();
    outcome.err = process.readAllStandardError();
    if (!outcome.problem.isEmpty()) outcome.problem += QLatin1Char('\n') + outcome.describe();
    return outcome;
}

// Runs glasshart-cli and fails the test if it hung or crashed.
#define RUN_CLI(outcome, ...)                                              \
    const Outcome outcome = runCli(__VA_ARGS__);                           \
    QVERIFY2(outcome.problem.isEmpty(), qPrintable(outcome.problem))

#define EXPECT_STATUS(outcome, expected) \
    QVERIFY2((outcome).status == (expected), \
             qPrintable(QStringLiteral("expected exit status %1, got ").arg(expected) + (outcome).describe()))

// The message glasshart-cli prints about `subject` (a file): exactly one line
// "glasshart-cli: <subject>: <reason>" whose reason matches every fragment
// (a case-insensitive regular expression).
void verifyFileMessage(const Outcome& outcome, const QString& subject, const QStringList& fragments) {
    const QString err = QString::fromUtf8(outcome.err);
    QVERIFY2(err.endsWith(QLatin1Char('\n')) && err.count(QLatin1Char('\n')) == 1,
             qPrintable(QStringLiteral("expected one line on stderr; ") + outcome.describe()));
    const QString prefix = QStringLiteral("glasshart-cli: ") + subject + QStringLiteral(": ");
    QVERIFY2(err.startsWith(prefix), qPrintable(QStringLiteral("expected the line to start with '") + prefix +
                                                QStringLiteral("'; ") + outcome.describe()));
    const QString reason = err.mid(prefix.size()).trimmed();
    QVERIFY2(!reason.isEmpty(), qPrintable(QStringLiteral("no reason given; ") + outcome.describe()));
    for (const QString& fragment : fragments) {
        const QRegularExpression pattern(fragment, QRegularExpression::CaseInsensitiveOption);
        QVERIFY2(pattern.isValid(), qPrintable(fragment));
        QVERIFY2(reason.contains(pattern),
                 qPrintable(QStringLiteral("expected the reason to mention '") + fragment + QStringLiteral("'; ") +
                            outcome.describe()));
    }
}

// A one-line message (no file named) containing every fragment.
void verifyMessage(const Outcome& outcome, const QStringList& fragments) {
    const QString err = QString::fromUtf8(outcome.err);
    QVERIFY2(err.startsWith(QStringLiteral("glasshart-cli: ")) && err.endsWith(QLatin1Char('\n')) &&
                 err.count(QLatin1Char('\n')) == 1,
             qPrintable(QStringLiteral("expected one 'glasshart-cli: ' line on stderr; ") + outcome.describe()));
    for (const QString& fragment : fragments) {
        QVERIFY2(err.contains(fragment), qPrintable(QStringLiteral("expected stderr to mention '") + fragment +
                                                   QStringLiteral("'; ") + outcome.describe()));
    }
}

// The "instructions retired" figure of --stats.
std::optional<std::uint64_t> retiredFromStatistics(const QByteArray& err) {
    static const QRegularExpression line(QStringLiteral("^instructions retired +([0-9]+)$"),
                                         QRegularExpression::MultilineOption);
    const auto match = line.match(QString::fromUtf8(err));
    if (!match.hasMatch()) return std::nullopt;
    bool ok = false;
    const std::uint64_t value = match.captured(1).toULongLong(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

// --- a minimal view of a little-endian ELF file, to cut and patch copies ----

struct ElfLayout {
    bool is64 = false;
    std::uint64_t entry = 0;
    std::uint64_t headerSize = 0;       // sizeof(Ehdr)
    std::uint64_t programHeaders = 0;   // e_phoff
    std::uint64_t programHeadersEnd = 0;
    std::uint64_t firstLoad = 0;        // file offset of the first PT_LOAD header
    std::uint64_t loadOffset = 0;       // its p_offset
    std::uint64_t loadFileSize = 0;     // its p_filesz
};

template <class T>
T readLittle(const QByteArray& bytes, std::uint64_t offset) {
    return qFromLittleEndian<T>(bytes.constData() + offset);
}

std::optional<ElfLayout> readLayout(const QByteArray& bytes) {
    if (bytes.size() < 64 || !bytes.startsWith("\x7f" "ELF") || bytes[5] != 1) return std::nullopt;
    ElfLayout layout;
    layout.is64 = bytes[4] == 2;
    layout.entry = layout.is64 ? readLittle<quint64>(bytes, 24) : readLittle<quint32>(bytes, 24);
    layout.headerSize = layout.is64 ? 64 : 52;
    layout.programHeaders = layout.is64 ? readLittle<quint64>(bytes, 32) : readLittle<quint32>(bytes, 28);
    const std::uint64_t entrySize = readLittle<quint16>(bytes, layout.is64 ? 54 : 42);
    const std::uint64_t count = readLittle<quint16>(bytes, layout.is64 ? 56 : 44);
    layout.programHeadersEnd = layout.programHeaders + entrySize * count;
    if (layout.programHeadersEnd > std::uint64_t(bytes.size())) return std::nullopt;
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::uint64_t header = layout.programHeaders + i * entrySize;
        if (readLittle<quint32>(bytes, header) != 1) continue;  // PT_LOAD
        layout.firstLoad = header;
        layout.loadOffset = layout.is64 ? readLittle<quint64>(bytes, header + 8) : readLittle<quint32>(bytes, header + 4);
        layout.loadFileSize =
            layout.is64 ? readLittle<quint64>(bytes, header + 32) : readLittle<quint32>(bytes, header + 16);
        return layout;
    }
    return std::nullopt;
}

// Moves the first PT_LOAD segment (p_vaddr and p_paddr) to `address`.
void moveFirstSegment(QByteArray& bytes, const ElfLayout& layout, std::uint64_t address) {
    char* header = bytes.data() + layout.firstLoad;
    if (layout.is64) {
        qToLittleEndian<quint64>(address, header + 16);
        qToLittleEndian<quint64>(address, header + 24);
    } else {
        qToLittleEndian<quint32>(quint32(address), header + 8);
        qToLittleEndian<quint32>(quint32(address), header + 12);
    }
}

QByteArray readWhole(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

bool writeWhole(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// The exit code work.S computes: 1 + (sum of the Collatz step counts of
// 1..3000) % 200, worked out here independently of any emulator.
int workExitCode() {
    std::uint64_t sum = 0;
    for (std::uint64_t n = 1; n <= 3000; ++n) {
        for (std::uint64_t x = n; x != 1; ++sum) x = (x & 1) != 0 ? 3 * x + 1 : x / 2;
    }
    return int(1 + sum % 200);
}

void addEngineXlenRows() {
    QTest::addColumn<QString>("engine");
    QTest::addColumn<int>("xlen");
    for (const char* engine : {"interp", "dbt"}) {
        for (const int xlen : {32, 64}) {
            QTest::addRow("%s-rv%d", engine, xlen) << QString::fromLatin1(engine) << xlen;
        }
    }
}

}  // namespace

class CliTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void help();
    void badCommandLine_data();
    void badCommandLine();
    void badProgram_data();
    void badProgram();
    void badKernelBoot_data();
    void badKernelBoot();
    void unwritableTraceFile();

    void jumpToNothing_data() { addEngineXlenRows(); }
    void jumpToNothing();
    void waitForever_data() { addEngineXlenRows(); }
    void waitForever();
    void instructionLimit_data();
    void instructionLimit();
    void guestExitCode_data();
    void guestExitCode();
    void workloadExitCode_data();
    void workloadExitCode();
    void stdoutIsGuestOutput_data();
    void stdoutIsGuestOutput();
    void largeProgramFitsDefaultRam_data() { addEngineXlenRows(); }
    void largeProgramFitsDefaultRam();

    void traceMatchesAcrossEngines_data();
    void traceMatchesAcrossEngines();
};

void CliTest::initTestCase() {
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath() + QStringLiteral(" is not built")));
    for (const char* name : {"lockup", "wfi", "spin", "hello", "work", "bigbss", "exit7", "exit255", "exit256",
                             "htif7", "htif255", "htif256"}) {
        for (const int xlen : {32, 64}) {
            const QString path = guestPath(QString::fromLatin1(name), xlen);
            QVERIFY2(QFileInfo::exists(path), qPrintable(path + QStringLiteral(" is not built")));
        }
    }
}

// --- the command line ----------------------------------------------------------

void CliTest::help() {
    for (const char* flag : {"--help", "-h"}) {
        RUN_CLI(outcome, {QString::fromLatin1(flag)});
        EXPECT_STATUS(outcome, 0);
        QVERIFY2(outcome.err.isEmpty(), qPrintable(outcome.describe()));
        for (const char* option :
             {"--engine", "--xlen", "--ram", "--tc-size", "--max-instructions", "--stats", "--trace", "--help", "--mode",
              "-E", "-U", "--root", "--writable", "--strace"}) {
            QVERIFY2(outcome.out.contains(option),
                     qPrintable(QStringLiteral("--help does not mention ") + QLatin1String(option)));
        }
        // Every exit status of its own is explained.
        for (const char* status : {"123", "124", "125"}) {
            QVERIFY2(outcome.out.contains(status), qPrintable(QStringLiteral("--help does not explain exit status ") +
                                                              QLatin1String(status)));
        }
    }
}

void CliTest::badCommandLine_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("fragments");  // what the message must name
    const QString program = guestPath(QStringLiteral("exit7"), 64);

    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus"), program}
                                    << QStringList{QStringLiteral("unknown option"), QStringLiteral("--bogus")};
    QTest::newRow("unknown short option") << QStringList{QStringLiteral("-x"), program}
                                          << QStringList{QStringLiteral("unknown option"), QStringLiteral("-x")};
    QTest::newRow("--engine foo") << QStringList{QStringLiteral("--engine"), QStringLiteral("foo"), program}
                                  << QStringList{QStringLiteral("--engine"), QStringLiteral("'foo'")};
    QTest::newRow("--xlen 16") << QStringList{QStringLiteral("--xlen"), QStringLiteral("16"), program}
                               << QStringList{QStringLiteral("--xlen"), QStringLiteral("'16'")};
    QTest::newRow("--tc-size 8K") << QStringList{QStringLiteral("--tc-size"), QStringLiteral("8K"), program}
                                  << QStringList{QStringLiteral("--tc-size"), QStringLiteral("'8K'"),
                                                 QStringLiteral("16K")};
    QTest::newRow("--tc-size 2G") << QStringList{QStringLiteral("--tc-size"), QStringLiteral("2G"), program}
                                  << QStringList{QStringLiteral("--tc-size"), QStringLiteral("'2G'")};
    QTest::newRow("--tc-size abc") << QStringList{QStringLiteral("--tc-size"), QStringLiteral("abc"), program}
                                   << QStringList{QStringLiteral("--tc-size"), QStringLiteral("'abc'")};
    QTest::newRow("--ram 0") << QStringList{QStringLiteral("--ram"), QStringLiteral("0"), program}
                             << QStringList{QStringLiteral("--ram"), QStringLiteral("'0'")};
    QTest::newRow("--ram 17G") << QStringList{QStringLiteral("--ram"), QStringLiteral("17G"), program}
                               << QStringList{QStringLiteral("--ram"), QStringLiteral("'17G'")};
    QTest::newRow("--ram 1.5M") << QStringList{QStringLiteral("--ram"), QStringLiteral("1.5M"), program}
                                << QStringList{QStringLiteral("--ram"), QStringLiteral("'1.5M'")};
    QTest::newRow("--ram huge") << QStringList{QStringLiteral("--ram"), QStringLiteral("99999999999999999999G"),
                                               program}
                                << QStringList{QStringLiteral("--ram"), QStringLiteral("'99999999999999999999G'")};
    QTest::newRow("--max-instructions -5")
        << QStringList{QStringLiteral("--max-instructions"), QStringLiteral("-5"), program}
        << QStringList{QStringLiteral("--max-instructions"), QStringLiteral("'-5'")};
    QTest::newRow("--max-instructions 0")
        << QStringList{QStringLiteral("--max-instructions"), QStringLiteral("0"), program}
        << QStringList{QStringLiteral("--max-instructions"), QStringLiteral("'0'")};
    QTest::newRow("--max-instructions 1e6")
        << QStringList{QStringLiteral("--max-instructions"), QStringLiteral("1e6"), program}
        << QStringList{QStringLiteral("--max-instructions"), QStringLiteral("'1e6'")};
    QTest::newRow("--max-instructions 2^64")
        << QStringList{QStringLiteral("--max-instructions"), QStringLiteral("18446744073709551616"), program}
        << QStringList{QStringLiteral("--max-instructions"), QStringLiteral("'18446744073709551616'")};
    const QString image = QStringLiteral("Image");
    QTest::newRow("--initrd without --kernel") << QStringList{QStringLiteral("--initrd"), image}
                                               << QStringList{QStringLiteral("need --kernel")};
    QTest::newRow("--kernel and a program") << QStringList{QStringLiteral("--kernel"), image, program}
                                            << QStringList{QStringLiteral("either a program or --kernel"), program};
    QTest::newRow("--xlen 32 --kernel without --bios")
        << QStringList{QStringLiteral("--xlen"), QStringLiteral("32"), QStringLiteral("--kernel"), image}
        << QStringList{QStringLiteral("--bios"), QStringLiteral("RV64 only")};
    for (const char* option : {"--engine", "--xlen", "--ram", "--tc-size", "--max-instructions", "--trace",
                               "--kernel", "--initrd", "--append", "--bios", "--mode", "-E", "-U", "--root"}) {
        QTest::addRow("%s without a value", option)
            << QStringList{QString::fromLatin1(option)}
            << QStringList{QString::fromLatin1(option), QStringLiteral("needs a value")};
    }
    // What follows PROGRAM is its own: arguments, which a bare-metal program cannot take.
    QTest::newRow("arguments for a bare-metal program")
        << QStringList{program, guestPath(QStringLiteral("hello"), 64)}
        << QStringList{program, QStringLiteral("bare-metal"), QStringLiteral("program arguments")};
    QTest::newRow("--mode bogus") << QStringList{QStringLiteral("--mode"), QStringLiteral("bogus"), program}
                                  << QStringList{QStringLiteral("--mode"), QStringLiteral("'bogus'")};
    QTest::newRow("-E without =") << QStringList{QStringLiteral("-E"), QStringLiteral("NAME"), program}
                                  << QStringList{QStringLiteral("-E"), QStringLiteral("NAME=VALUE")};
    QTest::newRow("--root for a bare-metal program")
        << QStringList{QStringLiteral("--mode"), QStringLiteral("system"), QStringLiteral("--root"),
                       QStringLiteral("/tmp"), program}
        << QStringList{QStringLiteral("--root"), QStringLiteral("user mode")};
}

void CliTest::badCommandLine() {
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, fragments);
    RUN_CLI(outcome, arguments);
    EXPECT_STATUS(outcome, kExitUsage);
    QVERIFY2(outcome.out.isEmpty(), qPrintable(outcome.describe()));
    // The problem on the first line, then a pointer to --help.
    const QList<QByteArray> lines = outcome.err.split('\n');
    QVERIFY2(lines.size() == 3 && lines[2].isEmpty(), qPrintable(outcome.describe()));
    const QString problem = QString::fromUtf8(lines[0]);
    QVERIFY2(problem.startsWith(QStringLiteral("glasshart-cli: ")), qPrintable(outcome.describe()));
    for (const QString& fragment : fragments) {
        QVERIFY2(problem.contains(fragment), qPrintable(QStringLiteral("expected the message to mention '") +
                                                        fragment + QStringLiteral("'; ") + outcome.describe()));
    }
    QVERIFY2(lines[1].contains("--help"), qPrintable(outcome.describe()));
}

// --- programs that cannot be loaded ---------------------------------------------

void CliTest::badProgram_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("xlen");
    QTest::addColumn<QStringList>("fragments");  // what the reason must mention (regular expressions)

    QTest::newRow("empty file") << QStringLiteral("empty") << 64 << QStringList{QStringLiteral("empty file")};
    QTest::newRow("directory") << QStringLiteral("directory") << 64 << QStringList{QStringLiteral("directory")};
    QTest::newRow("missing file") << QStringLiteral("missing") << 64
                                  << QStringList{QStringLiteral("cannot open"), QStringLiteral("no such file")};
    QTest::newRow("garbage") << QStringLiteral("garbage") << 64 << QStringList{QStringLiteral("not an ELF file")};
    QTest::newRow("text file") << QStringLiteral("text") << 64 << QStringList{QStringLiteral("not an ELF file")};
    QTest::newRow("host executable") << QStringLiteral("host") << 64
                                     << QStringList{QStringLiteral("not a RISC-V executable"),
                                                    QStringLiteral("x86-64")};
    for (const int xlen : {32, 64}) {
        // A file cut anywhere before the end of its loadable contents must
        // be refused as cut short (which table the loader notices first is
        // its own business).
        const QString truncated = QStringLiteral("truncated|past the end of the file");
        QTest::addRow("cut in the magic number rv%d", xlen)
            << QStringLiteral("cut-magic") << xlen << QStringList{QStringLiteral("truncated ELF header")};
        QTest::addRow("cut in the ELF header rv%d", xlen)
            << QStringLiteral("cut-header") << xlen << QStringList{QStringLiteral("truncated ELF header")};
        QTest::addRow("cut in the program headers rv%d", xlen)
            << QStringLiteral("cut-program-headers") << xlen << QStringList{truncated};
        QTest::addRow("cut in the segment rv%d", xlen)
            << QStringLiteral("cut-segment") << xlen << QStringList{truncated};
        QTest::addRow("big-endian rv%d", xlen) << QStringLiteral("big-endian") << xlen
                                                << QStringList{QStringLiteral("big-endian")};
        QTest::addRow("object file rv%d", xlen) << QStringLiteral("relocatable") << xlen
                                                 << QStringList{QStringLiteral("relocatable")};
        QTest::addRow("segment at 0x1000 rv%d", xlen)
            << QStringLiteral("outside-ram") << xlen
            << QStringList{QStringLiteral("segment 0 at 0x1000-"), QStringLiteral("does not fit in RAM"),
                           QStringLiteral("0x80000000")};
        QTest::addRow("segment at 0x1000 in user mode rv%d", xlen)
            << QStringLiteral("below-user-space") << xlen
            << QStringList{QStringLiteral("segment 0 at 0x1000-"), QStringLiteral("outside the user address space"),
                           QStringLiteral("below 0x10000")};
        QTest::addRow("segment beyond 1M of RAM rv%d", xlen)
            << QStringLiteral("too-big") << xlen
            << QStringList{QStringLiteral("segment 0"), QStringLiteral("does not fit in RAM"),
                           QStringLiteral("0x80100000")};
        QTest::addRow("--xlen %d for an RV%d program", 96 - xlen, xlen)
            << QStringLiteral("wrong-xlen") << xlen
            << QStringList{QStringLiteral("RV%1 program").arg(xlen), QStringLiteral("--xlen %1").arg(96 - xlen)};
    }
    QTest::newRow("--xlen 32 for the built-in demo")
        << QStringLiteral("demo-wrong-xlen") << 64
        << QStringList{QStringLiteral("RV64 program"), QStringLiteral("--xlen 32")};
}

void CliTest::badProgram() {
    QFETCH(QString, kind);
    QFETCH(int, xlen);
    QFETCH(QStringList, fragments);

    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QByteArray work = readWhole(guestPath(QStringLiteral("work"), xlen));
    const std::optional<ElfLayout> layout = readLayout(work);
    QVERIFY2(layout && layout->is64 == (xlen == 64), "cannot read the test guest's ELF layout");
    QVERIFY(layout->loadFileSize > 0);

    QString program = directory.filePath(QStringLiteral("program.elf"));
    QString subject = program;  // what the message must name
    QStringList options;
    QByteArray bytes;
    bool write = true;
    if (kind == QLatin1String("empty")) {
    } else if (kind == QLatin1String("directory")) {
        QVERIFY(QDir(directory.path()).mkdir(QStringLiteral("program.elf")));
        write = false;
    } else if (kind == QLatin1String("missing")) {
        write = false;
    } else if (kind == QLatin1String("garbage")) {
        for (int i = 0; i < 4096; ++i) bytes.append(char((i * 131 + 7) & 0xff));
    } else if (kind == QLatin1String("text")) {
        bytes = "#!/bin/sh\necho this is not a RISC-V program\n";
    } else if (kind == QLatin1String("host")) {
        program = subject = QCoreApplication::applicationFilePath();
        write = false;
    } else if (kind == QLatin1String("cut-magic")) {
        bytes = work.left(3);
    } else if (kind == QLatin1String("cut-header")) {
        bytes = work.left(qsizetype(layout->headerSize) - 1);
    } else if (kind == QLatin1String("cut-program-headers")) {
        QVERIFY(layout->programHeadersEnd > layout->headerSize);
        bytes = work.left(qsizetype(layout->programHeadersEnd) - 1);
    } else if (kind == QLatin1String("cut-segment")) {
        bytes = work.left(qsizetype(layout->loadOffset + layout->loadFileSize / 2));
    } else if (kind == QLatin1String("big-endian")) {
        bytes = work;
        bytes[5] = 2;  // EI_DATA = ELFDATA2MSB
    } else if (kind == QLatin1String("relocatable")) {
        bytes = work;
        qToLittleEndian<quint16>(1, bytes.data() + 16);  // e_type = ET_REL
    } else if (kind == QLatin1String("outside-ram")) {
        // On the board; left to --mode auto, a program linked this low is
        // taken for a Linux one (see below).
        bytes = work;
        moveFirstSegment(bytes, *layout, 0x1000);
        options = {QStringLiteral("--mode"), QStringLiteral("system")};
    } else if (kind == QLatin1String("below-user-space")) {
        bytes = work;
        moveFirstSegment(bytes, *layout, 0x1000);
    } else if (kind == QLatin1String("too-big")) {
        program = subject = guestPath(QStringLiteral("bigbss"), xlen);
        options = {QStringLiteral("--ram"), QStringLiteral("1M")};
        write = false;
    } else if (kind == QLatin1String("wrong-xlen")) {
        program = subject = guestPath(QStringLiteral("exit7"), xlen);
        options = {QStringLiteral("--xlen"), QString::number(96 - xlen)};
        write = false;
    } else if (kind == QLatin1String("demo-wrong-xlen")) {
        program.clear();
        subject = QStringLiteral("built-in demo guest");
        options = {QStringLiteral("--xlen"), QStringLiteral("32")};
        write = false;
    } else {
        QFAIL(qPrintable(QStringLiteral("unknown kind ") + kind));
    }
    if (write) QVERIFY(writeWhole(program, bytes));

    for (const char* engine : {"interp", "dbt"}) {
        QStringList arguments = options;
        arguments << QStringLiteral("--engine") << QString::fromLatin1(engine);
        if (!program.isEmpty()) arguments << program;
        RUN_CLI(outcome, arguments);
        EXPECT_STATUS(outcome, kExitUsage);
        QVERIFY2(outcome.out.isEmpty(), qPrintable(outcome.describe()));
        verifyFileMessage(outcome, subject, fragments);
        if (QTest::currentTestFailed()) return;
    }
}

void CliTest::badKernelBoot_data() {
    QTest::addColumn<QString>("kernel");    // "missing", "elf", "empty" or a size of random bytes
    QTest::addColumn<QString>("firmware");  // "default", "missing", "elf" or a size
    QTest::addColumn<QString>("initrd");    // "none" or a size
    QTest::addColumn<QString>("ram");
    QTest::addColumn<QString>("subject");   // the file the message names, or "" for none
    QTest::addColumn<QStringList>("fragments");

    QTest::newRow("missing kernel") << "missing" << "default" << "none" << "128M" << "kernel"
                                    << QStringList{QStringLiteral("no such kernel file")};
    QTest::newRow("ELF kernel") << "elf" << "default" << "none" << "128M" << "kernel"
                                << QStringList{QStringLiteral("ELF"), QStringLiteral("raw kernel image")};
    QTest::newRow("empty kernel") << "empty" << "default" << "none" << "128M" << "kernel"
                                  << QStringList{QStringLiteral("empty")};
    QTest::newRow("missing firmware") << "4096" << "missing" << "none" << "128M" << "firmware"
                                      << QStringList{QStringLiteral("no such firmware file")};
    QTest::newRow("ELF firmware") << "4096" << "elf" << "none" << "128M" << "firmware"
                                  << QStringList{QStringLiteral("raw firmware image")};
    QTest::newRow("kernel larger than RAM") << "12582912" << "4096" << "none" << "8M" << ""
                                            << QStringList{QStringLiteral("kernel"), QStringLiteral("more RAM")};
    QTest::newRow("kernel runs into the initrd") << "10485760" << "4096" << "4096" << "16M" << ""
                                                 << QStringList{QStringLiteral("initrd"), QStringLiteral("more RAM")};
}

void CliTest::badKernelBoot() {
    QFETCH(QString, kernel);
    QFETCH(QString, firmware);
    QFETCH(QString, initrd);
    QFETCH(QString, ram);
    QFETCH(QString, subject);
    QFETCH(QStringList, fragments);
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    // A file standing for `kind`: missing, an ELF, empty, or that many random bytes.
    auto image = [&](const QString& kind, const QString& name) -> QString {
        if (kind == QLatin1String("elf")) return guestPath(QStringLiteral("hello"), 64);
        const QString path = directory.filePath(name);
        if (kind == QLatin1String("missing")) return path;
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) return path;
        QByteArray bytes(kind == QLatin1String("empty") ? 0 : kind.toInt(), '\0');
        for (qsizetype i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 131 + 7);
        file.write(bytes);
        return path;
    };
    const QString kernelPath = image(kernel, QStringLiteral("Image"));
    QStringList arguments{QStringLiteral("--ram"), ram, QStringLiteral("--kernel"), kernelPath};
    QString firmwarePath;
    if (firmware != QLatin1String("default")) {
        firmwarePath = image(firmware, QStringLiteral("fw.bin"));
        arguments << QStringLiteral("--bios") << firmwarePath;
    }
    if (initrd != QLatin1String("none")) arguments << QStringLiteral("--initrd") << image(initrd, QStringLiteral("initrd"));
    RUN_CLI(outcome, arguments);
    EXPECT_STATUS(outcome, kExitUsage);
    QVERIFY2(outcome.out.isEmpty(), qPrintable(outcome.describe()));
    if (subject.isEmpty()) {
        verifyMessage(outcome, fragments);
    } else {
        verifyFileMessage(outcome, subject == QLatin1String("kernel") ? kernelPath : firmwarePath, fragments);
    }
}

void CliTest::unwritableTraceFile() {
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString trace = directory.filePath(QStringLiteral("no-such-directory/trace.txt"));
    RUN_CLI(outcome, {QStringLiteral("--trace"), trace, guestPath(QStringLiteral("hello"), 64)});
    EXPECT_STATUS(outcome, kExitUsage);
    QVERIFY2(outcome.out.isEmpty(), qPrintable(outcome.describe()));
    verifyFileMessage(outcome, trace, {QStringLiteral("trace file")});
}

// --- how guests end ----------------------------------------------------------------

void CliTest::jumpToNothing() {
    QFETCH(QString, engine);
    QFETCH(int, xlen);
    RUN_CLI(outcome, {QStringLiteral("--engine"), engine, guestPath(QStringLiteral("lockup"), xlen)});
    EXPECT_STATUS(outcome, kExitLockedUp);
    QVERIFY2(outcome.out.isEmpty(), qPrintable(outcome.describe()));
    verifyMessage(outcome, {QStringLiteral("jumped to nothing"), QStringLiteral("fetch from 0x0 "),
                            QStringLiteral("handler at 0x0 ")});
}

void CliTest::waitForever() {
    QFETCH(QString, engine);
    QFETCH(int, xlen);
    RUN_CLI(outcome, {QStringLiteral("--engine"), engine, guestPath(QStringLiteral("wfi"), xlen)});
    EXPECT_STATUS(outcome, kExitWaitingForever);
    QVERIFY2(outcome.out.isEmpty(), qPrintable(outcome.describe()));
    verifyMessage(outcome, {QStringLiteral("wfi")});
}

void CliTest::instructionLimit_data() {
    QTest::addColumn<QString>("engine");
    QTest::addColumn<int>("xlen");
    QTest::addColumn<quint64>("limit");
    for (const char* engine : {"interp", "dbt"}) {
        for (const int xlen : {32, 64}) {
            // 1: inside the first block; 100000: mid-block in the loop;
            // 3000001: across several of the CLI's run slices.
            for (const quint64 limit : {quint64(1), quint64(2), quint64(100000), quint64(3000001)}) {
                QTest::addRow("%s-rv%d-%llu", engine, xlen, static_cast<unsigned long long>(limit))
                    << QString::fromLatin1(engine) << xlen << limit;
            }
        }
    }
}

void CliTest::instructionLimit() {
    QFETCH(QString, engine);
    QFETCH(int, xlen);
    QFETCH(quint64, limit);
    const QString program = guestPath(QStringLiteral("spin"), xlen);
    const QString limitText = QString::number(limit);
    {
        RUN_CLI(outcome, {QStringLiteral("--engine"), engine, QStringLiteral("--max-instructions"), limitText, program});
        EXPECT_STATUS(outcome, kExitInstructionLimit);
        QVERIFY2(outcome.out.isEmpty(), qPrintable(outcome.describe()));
        verifyMessage(outcome, {QStringLiteral("stopped after ") + limitText + QStringLiteral(" instructions")});
        if (QTest::currentTestFailed()) return;
    }
    RUN_CLI(outcome, {QStringLiteral("--engine"), engine, QStringLiteral("--stats"), QStringLiteral("--max-instructions"),
                      limitText, program});
    EXPECT_STATUS(outcome, kExitInstructionLimit);
    QVERIFY2(outcome.out.isEmpty(), qPrintable(outcome.describe()));
    const auto retired = retiredFromStatistics(outcome.err);
    QVERIFY2(retired.has_value(), qPrintable(QStringLiteral("no instruction count in --stats; ") + outcome.describe()));
    QCOMPARE(*retired, std::uint64_t(limit));
}

void CliTest::guestExitCode_data() {
    QTest::addColumn<QString>("engine");
    QTest::addColumn<int>("xlen");
    QTest::addColumn<QString>("guest");
    QTest::addColumn<int>("code");  // what the guest asks for
    for (const char* engine : {"interp", "dbt"}) {
        for (const int xlen : {32, 64}) {
            for (const char* device : {"exit", "htif"}) {
                for (const int code : {7, 255, 256}) {
                    QTest::addRow("%s-rv%d-%s%d", engine, xlen, device, code)
                        << QString::fromLatin1(engine) << xlen << QString::fromLatin1(device) + QString::number(code)
                        << code;
                }
            }
        }
    }
}

void CliTest::guestExitCode() {
    // The guest's code is the exit status when it fits in one; a code that
    // does not gives 255 (--help), and above all never 0, which would mean
    // the guest passed.
    QFETCH(QString, engine);
    QFETCH(int, xlen);
    QFETCH(QString, guest);
    QFETCH(int, code);
    RUN_CLI(outcome, {QStringLiteral("--engine"), engine, guestPath(guest, xlen)});
    QVERIFY2(outcome.status != 0, qPrintable(QStringLiteral("the guest failed with code %1, but glasshart-cli "
                                                            "reports success; ")
                                                 .arg(code) +
                                             outcome.describe()));
    EXPECT_STATUS(outcome, code <= 255 ? code : 255);
    QVERIFY2(outcome.out.isEmpty() && outcome.err.isEmpty(), qPrintable(outcome.describe()));
}

void CliTest::workloadExitCode_data() {
    QTest::addColumn<QString>("engine");
    QTest::addColumn<int>("xlen");
    QTest::addColumn<QStringList>("options");
    for (const char* engine : {"interp", "dbt"}) {
        for (const int xlen : {32, 64}) {
            QTest::addRow("%s-rv%d", engine, xlen) << QString::fromLatin1(engine) << xlen << QStringList{};
            QTest::addRow("%s-rv%d smallest cache and RAM", engine, xlen)
                << QString::fromLatin1(engine) << xlen
                << QStringList{QStringLiteral("--tc-size"), QStringLiteral("16K"), QStringLiteral("--ram"),
                               QStringLiteral("1M")};
        }
    }
}

void CliTest::workloadExitCode() {
    QFETCH(QString, engine);
    QFETCH(int, xlen);
    QFETCH(QStringList, options);
    RUN_CLI(outcome, QStringList{QStringLiteral("--engine"), engine} + options +
                         QStringList{guestPath(QStringLiteral("work"), xlen)});
    EXPECT_STATUS(outcome, workExitCode());
    QVERIFY2(outcome.out.isEmpty() && outcome.err.isEmpty(), qPrintable(outcome.describe()));
}

void CliTest::stdoutIsGuestOutput_data() {
    QTest::addColumn<QString>("engine");
    QTest::addColumn<int>("xlen");
    QTest::addColumn<QStringList>("options");
    for (const char* engine : {"interp", "dbt"}) {
        for (const int xlen : {32, 64}) {
            const QString e = QString::fromLatin1(engine);
            QTest::addRow("%s-rv%d", engine, xlen) << e << xlen << QStringList{};
            QTest::addRow("%s-rv%d --stats", engine, xlen) << e << xlen << QStringList{QStringLiteral("--stats")};
            // A limit the guest never reaches changes nothing.
            QTest::addRow("%s-rv%d --max-instructions", engine, xlen)
                << e << xlen << QStringList{QStringLiteral("--max-instructions"), QStringLiteral("1000000")};
            QTest::addRow("%s-rv%d smallest cache and RAM", engine, xlen)
                << e << xlen << QStringList{QStringLiteral("--tc-size"), QStringLiteral("16K"), QStringLiteral("--ram"),
                                            QStringLiteral("1M")};
            QTest::addRow("%s-rv%d matching --xlen", engine, xlen)
                << e << xlen << QStringList{QStringLiteral("--xlen"), QString::number(xlen)};
        }
    }
}

void CliTest::stdoutIsGuestOutput() {
    QFETCH(QString, engine);
    QFETCH(int, xlen);
    QFETCH(QStringList, options);
    RUN_CLI(outcome, QStringList{QStringLiteral("--engine"), engine} + options + QStringList{guestPath(QStringLiteral("hello"), xlen)});
    EXPECT_STATUS(outcome, 0);
    QCOMPARE(outcome.out, QByteArray("hi\n"));
    if (options.contains(QStringLiteral("--stats"))) {
        QVERIFY2(retiredFromStatistics(outcome.err).value_or(0) > 0, qPrintable(outcome.describe()));
    } else {
        QVERIFY2(outcome.err.isEmpty(), qPrintable(outcome.describe()));
    }
}

void CliTest::largeProgramFitsDefaultRam() {
    // The program badProgram() shows not fitting in 1M of RAM runs in the
    // default RAM: it is rejected for its size, not for being broken.
    QFETCH(QString, engine);
    QFETCH(int, xlen);
    RUN_CLI(outcome, {QStringLiteral("--engine"), engine, guestPath(QStringLiteral("bigbss"), xlen)});
    EXPECT_STATUS(outcome, 0);
    QVERIFY2(outcome.out.isEmpty() && outcome.err.isEmpty(), qPrintable(outcome.describe()));
}

// --- --trace -------------------------------------------------------------------------

void CliTest::traceMatchesAcrossEngines_data() {
    QTest::addColumn<QString>("guest");
    QTest::addColumn<int>("xlen");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("status");
    for (const int xlen : {32, 64}) {
        QTest::addRow("work-rv%d", xlen) << QStringLiteral("work") << xlen << QStringList{} << workExitCode();
        QTest::addRow("hello-rv%d", xlen) << QStringLiteral("hello") << xlen << QStringList{} << 0;
        // Stopped by the limit in the middle of a block; the second one also
        // crosses two of glasshart-cli's run slices.
        for (const char* limit : {"100000", "3000001"}) {
            QTest::addRow("spin-rv%d-limit-%s", xlen, limit)
                << QStringLiteral("spin") << xlen
                << QStringList{QStringLiteral("--max-instructions"), QString::fromLatin1(limit)}
                << kExitInstructionLimit;
        }
    }
}

void CliTest::traceMatchesAcrossEngines() {
    QFETCH(QString, guest);
    QFETCH(int, xlen);
    QFETCH(QStringList, options);
    QFETCH(int, status);
    const QString program = guestPath(guest, xlen);
    const std::optional<ElfLayout> layout = readLayout(readWhole(program));
    QVERIFY(layout.has_value());
    QTemporaryDir directory;
    QVERIFY(directory.isValid());

    static const QRegularExpression lineFormat(QStringLiteral("^0x([0-9a-f]+) ([1-9][0-9]*)$"));
    QByteArray traces[2];
    QByteArray outputs[2];
    const char* engines[2] = {"interp", "dbt"};
    for (int i = 0; i < 2; ++i) {
        const QString trace = directory.filePath(QString::fromLatin1(engines[i]) + QStringLiteral(".txt"));
        RUN_CLI(outcome, QStringList{QStringLiteral("--engine"), QString::fromLatin1(engines[i]), QStringLiteral("--stats"),
                                     QStringLiteral("--trace"), trace} +
                             options + QStringList{program});
        EXPECT_STATUS(outcome, status);
        outputs[i] = outcome.out;
        const auto retired = retiredFromStatistics(outcome.err);
        QVERIFY2(retired.has_value(), qPrintable(outcome.describe()));

        traces[i] = readWhole(trace);
        QVERIFY2(!traces[i].isEmpty(), qPrintable(trace + QStringLiteral(" is empty")));
        QVERIFY2(traces[i].endsWith('\n'), qPrintable(trace + QStringLiteral(" does not end in a newline")));
        std::uint64_t sum = 0;
        bool first = true;
        for (const QByteArray& line : traces[i].chopped(1).split('\n')) {
            const auto match = lineFormat.match(QString::fromLatin1(line));
            QVERIFY2(match.hasMatch(), qPrintable(QStringLiteral("bad trace line '%1' in %2")
                                                      .arg(QString::fromLatin1(line), trace)));
            const std::uint64_t pc = match.captured(1).toULongLong(nullptr, 16);
            QVERIFY2(pc >= kRamBase, qPrintable(QStringLiteral("trace line '%1' is outside RAM").arg(QString::fromLatin1(line))));
            if (first) QCOMPARE(pc, layout->entry);  // the first block starts at the entry point
            first = false;
            sum += match.captured(2).toULongLong();
        }
        QVERIFY2(sum == *retired, qPrintable(QStringLiteral("%1: the trace's counts add up to %2, --stats says %3")
                                                 .arg(QString::fromLatin1(engines[i]))
                                                 .arg(sum)
                                                 .arg(*retired)));
    }
    QCOMPARE(outputs[1], outputs[0]);
    if (traces[0] != traces[1]) {
        const QList<QByteArray> a = traces[0].split('\n');
        const QList<QByteArray> b = traces[1].split('\n');
        qsizetype line = 0;
        while (line < a.size() && line < b.size() && a[line] == b[line]) ++line;
        QFAIL(qPrintable(QStringLiteral("the traces differ first at line %1: interp '%2', dbt '%3'")
                             .arg(line + 1)
                             .arg(QString::fromLatin1(a.value(line)), QString::fromLatin1(b.value(line)))));
    }
}

QTEST_GUILESS_MAIN(CliTest)
#include "CliTest.moc"
