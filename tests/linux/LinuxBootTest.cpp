// Boots Debian's riscv64 Linux (kernel 6.12 through Debian 12's OpenSBI, a
// busybox initramfs) with glasshart-cli, talks to its shell over the console
// and powers it off: the definition of a working full system.

#include <cstring>

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include "LinuxGuest.h"
#include "machine/Machine.h"

namespace {

constexpr int kBootTimeoutMilliseconds = 10 * 60 * 1000;  // generous: the sanitizer build is slow
constexpr int kCommandTimeoutMilliseconds = 2 * 60 * 1000;

// The guest's console: glasshart-cli's standard input and output.
class Console {
public:
    explicit Console(QProcess& process) : process_(process) {}

    // Waits until `pattern` appears in the output after what earlier waits
    // consumed; false on timeout or exit.
    bool waitFor(const QRegularExpression& pattern, int timeoutMilliseconds) {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            const QRegularExpressionMatch match = pattern.match(QString::fromUtf8(output_), consumed_);
            if (match.hasMatch()) {
                consumed_ = match.capturedEnd();
                return true;
            }
            const int left = timeoutMilliseconds - static_cast<int>(timer.elapsed());
            if (left <= 0 || process_.state() == QProcess::NotRunning) return false;
            process_.waitForReadyRead(std::min(left, 1000));
            output_ += process_.readAllStandardOutput();
        }
    }
    bool waitForPrompt(const QByteArray& prompt, int timeoutMilliseconds) {
        return waitFor(QRegularExpression(QRegularExpression::escape(QString::fromUtf8(prompt))), timeoutMilliseconds);
    }
    void type(const QByteArray& line) { process_.write(line + '\n'); }
    // The end of the output so far, for failure messages.
    [[nodiscard]] QString recent() const { return QString::fromUtf8(output_.right(1500)); }

private:
    QProcess& process_;
    QByteArray output_;
    qsizetype consumed_ = 0;
};

}  // namespace

class LinuxBootTest : public QObject {
    Q_OBJECT

private slots:
    void bootsToAShellAndPowersOff();
    void translatorMatchesInterpreterThroughEarlyBoot();
};

void LinuxBootTest::bootsToAShellAndPowersOff() {
    const auto lookup = glasshart::test::findLinuxGuest();
    QVERIFY2(lookup.guest, qPrintable(QStringLiteral("no Linux guest: ") + lookup.problem));
    const glasshart::test::LinuxGuest& guest = *lookup.guest;

    QProcess cli;
    cli.start(QStringLiteral(GLASSHART_CLI),
              {QStringLiteral("--ram"), QStringLiteral("256M"), QStringLiteral("--kernel"), guest.kernel,
               QStringLiteral("--initrd"), guest.initrd, QStringLiteral("--append"), QStringLiteral("console=ttyS0")});
    QVERIFY2(cli.waitForStarted(), qPrintable(cli.errorString()));
    Console console(cli);

    // OpenSBI hands over to the kernel, which starts /init; its banner names
    // the kernel that really runs.
    QVERIFY2(console.waitFor(QRegularExpression(QStringLiteral("OpenSBI v1\\.")), kBootTimeoutMilliseconds),
             qPrintable(console.recent()));
    QVERIFY2(console.waitFor(QRegularExpression(QStringLiteral("Glasshart Linux guest: Linux ") +
                                                QRegularExpression::escape(guest.kernelRelease) +
                                                QStringLiteral(" riscv64")),
                             kBootTimeoutMilliseconds),
             qPrintable(console.recent()));
    QVERIFY2(console.waitForPrompt(guest.prompt, kBootTimeoutMilliseconds), qPrintable(console.recent()));

    console.type("uname -m");
    QVERIFY2(console.waitFor(QRegularExpression(QStringLiteral("\\nriscv64\\r?\\n")), kCommandTimeoutMilliseconds),
             qPrintable(console.recent()));
    QVERIFY2(console.waitForPrompt(guest.prompt, kCommandTimeoutMilliseconds), qPrintable(console.recent()));

    // /proc/cpuinfo reports what the device tree and the hart told Linux:
    // one hart with F, D and C, and paging.
    console.type("cat /proc/cpuinfo");
    QVERIFY2(console.waitFor(QRegularExpression(QStringLiteral("processor\\s*: 0\\r?\\nhart\\s*: 0\\r?\\n"
                                                               "isa\\s*: rv64imafdc_zicsr_zifencei")),
                             kCommandTimeoutMilliseconds),
             qPrintable(console.recent()));
    QVERIFY2(console.waitFor(QRegularExpression(QStringLiteral("mmu\\s*: sv(39|48)")), kCommandTimeoutMilliseconds),
             qPrintable(console.recent()));
    QVERIFY2(console.waitForPrompt(guest.prompt, kCommandTimeoutMilliseconds), qPrintable(console.recent()));

    // Power-off goes kernel -> SBI system reset -> the test device, which
    // ends glasshart-cli with status 0.
    console.type("poweroff -f");
    QVERIFY2(cli.waitForFinished(kCommandTimeoutMilliseconds), qPrintable(console.recent()));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 0);
}

// The first instructions of the boot (OpenSBI, the kernel turning paging
// on, early init in S-mode) on both engines side by side: virtual time makes
// the machine deterministic, so after every slice both must stand at the
// same instruction with the same state and the same console output.
void LinuxBootTest::translatorMatchesInterpreterThroughEarlyBoot() {
    using namespace glasshart;
    const auto lookup = test::findLinuxGuest();
    QVERIFY2(lookup.guest, qPrintable(QStringLiteral("no Linux guest: ") + lookup.problem));
    KernelBootFiles files;
    files.kernel = lookup.guest->kernel.toStdString();
    files.initrd = lookup.guest->initrd.toStdString();
    files.bootargs = "console=ttyS0 earlycon";
    const KernelBoot boot = readKernelBoot(files);

    constexpr std::uint64_t kSlice = 1'000'000;
    constexpr int kSlices = 40;
    MachineConfig config;
    config.ramSize = 256ull << 20;
    QByteArray outputs[2];
    config.engine = Engine::Interpreter;
    Machine interpreted(config, [&](std::uint8_t byte) { outputs[0].append(static_cast<char>(byte)); });
    config.engine = Engine::Translator;
    Machine translated(config, [&](std::uint8_t byte) { outputs[1].append(static_cast<char>(byte)); });
    interpreted.boot(boot);
    translated.boot(boot);

    bool pagingSeen = false;
    for (int slice = 0; slice < kSlices; ++slice) {
        const RunResult a = interpreted.run(kSlice);
        const RunResult b = translated.run(kSlice);
        const HartState& x = interpreted.state();
        const HartState& y = translated.state();
        const QByteArray where = QByteArray("slice ") + QByteArray::number(slice) + " at pc 0x" +
                                 QByteArray::number(static_cast<qulonglong>(x.pc), 16);
        QVERIFY2(a.reason == b.reason, where.constData());
        QVERIFY2(x.retired == y.retired && x.idle == y.idle, where.constData());
        QVERIFY2(x.pc == y.pc && x.privilege == y.privilege, where.constData());
        QVERIFY2(x.x == y.x && x.f == y.f && x.fflags == y.fflags, where.constData());
        QVERIFY2(std::memcmp(&x.csr, &y.csr, sizeof x.csr) == 0, where.constData());
        QVERIFY2(std::memcmp(&x.supervisor, &y.supervisor, sizeof x.supervisor) == 0, where.constData());
        QVERIFY2(outputs[0] == outputs[1], where.constData());
        pagingSeen = pagingSeen || (x.supervisor.satp != 0 && x.privilege == Privilege::Supervisor);
    }
    QVERIFY2(pagingSeen, "the comparison ended before the kernel ran with paging on");
    QVERIFY2(outputs[0].contains("Linux version"), outputs[0].right(500).constData());
}

QTEST_GUILESS_MAIN(LinuxBootTest)
#include "LinuxBootTest.moc"
