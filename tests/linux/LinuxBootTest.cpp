// Boots Debian's riscv64 Linux (kernel 6.12 through Debian 12's OpenSBI, a
// busybox initramfs) with glasshart-cli, talks to its shell over the console
// and powers it off: the definition of a working full system.

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include "LinuxGuest.h"

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

QTEST_GUILESS_MAIN(LinuxBootTest)
#include "LinuxBootTest.moc"
