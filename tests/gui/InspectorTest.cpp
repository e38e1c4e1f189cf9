// The Inspector and its worker thread on the real demo guest: commands go
// in, snapshots, events and console output come back.

#include <QSignalSpy>
#include <QtTest>

#include "Inspector.h"
#include "machine/BootLayout.h"
#include "mem/MemoryMap.h"

using namespace glasshart;

namespace {

constexpr int kTimeout = 20000;  // generous: the sanitizer build is slow

QByteArray collected(const QSignalSpy& spy) {
    QByteArray all;
    for (const QList<QVariant>& call : spy) all += call.at(0).toByteArray();
    return all;
}

}  // namespace

class InspectorTest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup() { inspector_.reset(); }
    void demoGreetsAndAnswers();
    void pauseAndStepExactlyOneInstruction();
    void breakpointStopsTranslatedCode();
    void smallCacheFlushes();
    void describesTranslatedBlocks();
    void badProgramIsReported();
    void reportsHottestAndRecentBlocks();
    void kernelBootProblemsAreReported();
    void resetBootsTheSameKernelAgain();

private:
    void runDemoUntilPrompt();
    // Guest memory as the worker reads it now; empty on a timeout.
    QByteArray readBack(quint64 address, quint32 length);
    QTemporaryDir images_;
    std::unique_ptr<Inspector> inspector_;
};

void InspectorTest::init() {
    inspector_ = std::make_unique<Inspector>();
    inspector_->setEngine(Engine::Translator);
}

void InspectorTest::runDemoUntilPrompt() {
    QSignalSpy output(inspector_.get(), &Inspector::uartOutput);
    inspector_->openDemo();
    inspector_->run();
    QTRY_VERIFY_WITH_TIMEOUT(collected(output).contains("> "), kTimeout);
}

void InspectorTest::demoGreetsAndAnswers() {
    QSignalSpy output(inspector_.get(), &Inspector::uartOutput);
    runDemoUntilPrompt();
    inspector_->sendInput("primes 100\r");
    QTRY_VERIFY_WITH_TIMEOUT(collected(output).contains("primes up to 100: 25"), kTimeout);
    QVERIFY(collected(output).contains("Glasshart demo monitor"));
    QVERIFY(inspector_->snapshot().hart.retired > 0);
}

void InspectorTest::pauseAndStepExactlyOneInstruction() {
    runDemoUntilPrompt();
    inspector_->pause();
    QTRY_COMPARE_WITH_TIMEOUT(inspector_->snapshot().runState, RunState::Paused, kTimeout);
    const std::uint64_t retired = inspector_->snapshot().hart.retired;
    const std::uint64_t sequence = inspector_->snapshot().sequence;
    inspector_->stepInstruction();
    QTRY_VERIFY_WITH_TIMEOUT(inspector_->snapshot().sequence > sequence, kTimeout);
    // The demo idles in a polling loop: one step retires exactly one
    // instruction, unless an interrupt was taken first (then none).
    QVERIFY(inspector_->snapshot().hart.retired - retired <= 1);
    QCOMPARE(inspector_->snapshot().runState, RunState::Paused);
}

void InspectorTest::breakpointStopsTranslatedCode() {
    runDemoUntilPrompt();
    const auto target = inspector_->program()->symbolAddress("command_help");
    QVERIFY2(target, "the demo has a command_help function");
    inspector_->toggleBreakpoint(*target);
    QVERIFY(inspector_->breakpoints().contains(*target));
    inspector_->sendInput("help\r");
    QTRY_COMPARE_WITH_TIMEOUT(inspector_->snapshot().runState, RunState::Paused, kTimeout);
    QCOMPARE(inspector_->snapshot().hart.pc, *target);
    // Continue past it: the help text appears.
    QSignalSpy output(inspector_.get(), &Inspector::uartOutput);
    inspector_->toggleBreakpoint(*target);
    inspector_->run();
    QTRY_VERIFY_WITH_TIMEOUT(collected(output).contains("commands:"), kTimeout);
}

void InspectorTest::smallCacheFlushes() {
    QSignalSpy events(inspector_.get(), &Inspector::cacheEvents);
    runDemoUntilPrompt();
    inspector_->setCacheSize(16 * 1024);
    inspector_->sendInput("flood 20\r");
    QTRY_VERIFY_WITH_TIMEOUT(inspector_->snapshot().cache.statistics.flushes >= 2, kTimeout);
    QCOMPARE(inspector_->snapshot().cache.capacity, std::uint64_t{16 * 1024});
    bool sawFlush = false;
    for (const QList<QVariant>& call : events) {
        for (const InspectorEvent& event : call.at(0).value<QVector<InspectorEvent>>()) {
            sawFlush = sawFlush || event.kind == InspectorEventKind::CacheFlushed;
        }
    }
    QVERIFY(sawFlush);
}

void InspectorTest::describesTranslatedBlocks() {
    runDemoUntilPrompt();
    inspector_->pause();
    QTRY_COMPARE_WITH_TIMEOUT(inspector_->snapshot().runState, RunState::Paused, kTimeout);
    QSignalSpy described(inspector_.get(), &Inspector::blockDescribed);
    const auto readChar = inspector_->program()->symbolAddress("guest_getc");
    QVERIFY(readChar);
    inspector_->requestBlock(*readChar);
    QTRY_COMPARE_WITH_TIMEOUT(described.count(), 1, kTimeout);
    const auto block = described.at(0).at(0).value<BlockDescription>();
    QVERIFY2(block.found, "guest_getc ran many times, so it is translated");
    QCOMPARE(block.guestPc, *readChar);
    QVERIFY(!block.spans.isEmpty());
    QVERIFY(block.hostCode.size() > 0);
    QCOMPARE(static_cast<quint64>(block.guestCode.size()), block.guestEnd - block.guestPc);
    for (const InstructionSpan& span : block.spans) QVERIFY(span.hostEnd <= static_cast<quint32>(block.hostCode.size()));

    QSignalSpy memory(inspector_.get(), &Inspector::memoryRead);
    inspector_->requestMemory(*readChar, 16);
    QTRY_COMPARE_WITH_TIMEOUT(memory.count(), 1, kTimeout);
    const auto contents = memory.at(0).at(0).value<MemoryContents>();
    QCOMPARE(contents.requested, *readChar);
    QCOMPARE(contents.address, *readChar);
    QVERIFY(!contents.translated);  // a bare-metal program: physical addresses
    QCOMPARE(contents.bytes.left(block.guestCode.size()), block.guestCode.left(16));
}

void InspectorTest::badProgramIsReported() {
    QSignalSpy errors(inspector_.get(), &Inspector::errorOccurred);
    QTemporaryFile empty;
    QVERIFY(empty.open());
    inspector_->openProgram(empty.fileName());
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.at(0).at(0).toString().contains(empty.fileName()));
    QVERIFY(inspector_->program() == nullptr);
}

void InspectorTest::reportsHottestAndRecentBlocks() {
    inspector_->setProfiling(true);
    runDemoUntilPrompt();
    inspector_->sendInput("primes 3000\r");
    QSignalSpy output(inspector_.get(), &Inspector::uartOutput);
    QTRY_VERIFY_WITH_TIMEOUT(collected(output).contains("primes up to 3000: 430"), kTimeout);
    QSignalSpy described(inspector_.get(), &Inspector::activityDescribed);
    inspector_->requestActivity();
    QTRY_COMPARE_WITH_TIMEOUT(described.count(), 1, kTimeout);
    const auto activity = described.at(0).at(0).value<BlockActivity>();
    QVERIFY(!activity.hottest.isEmpty());
    QVERIFY(activity.hottest.size() <= 20);
    for (qsizetype i = 1; i < activity.hottest.size(); ++i) {
        QVERIFY(activity.hottest[i - 1].executions >= activity.hottest[i].executions);
    }
    // Trial division runs its inner loop hundreds of thousands of times.
    QVERIFY(activity.hottest.first().executions > 10'000);
    QVERIFY(!activity.recent.isEmpty());
    for (const quint64 pc : activity.recent) QVERIFY(pc >= 0x8000'0000);
}

namespace {

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

QByteArray words(std::initializer_list<quint32> values) {
    QByteArray bytes;
    for (quint32 value : values) {
        for (int i = 0; i < 4; ++i) bytes.append(static_cast<char>(value >> (8 * i)));
    }
    return bytes;
}

}  // namespace

QByteArray InspectorTest::readBack(quint64 address, quint32 length) {
    QSignalSpy memory(inspector_.get(), &Inspector::memoryRead);
    inspector_->requestMemory(address, length);
    if (!QTest::qWaitFor([&memory] { return !memory.isEmpty(); }, kTimeout)) return {};
    return memory.first().first().value<MemoryContents>().bytes;
}

void InspectorTest::kernelBootProblemsAreReported() {
    QVERIFY(images_.isValid());
    const QString firmware = images_.filePath(QStringLiteral("firmware.bin"));
    const QString kernel = images_.filePath(QStringLiteral("Image"));
    writeFile(firmware, words({0x0000006f}));       // j .
    writeFile(kernel, QByteArray(3 << 20, '\x01'));  // 3 MiB
    struct Case {
        LinuxBootOptions options;
        QString expected;  // in the message: what to do about it
    };
    LinuxBootOptions missing;
    missing.kernel = images_.filePath(QStringLiteral("no-such-Image"));
    missing.firmware = firmware;
    LinuxBootOptions tooSmall;
    tooSmall.kernel = kernel;
    tooSmall.firmware = firmware;
    tooSmall.ramSize = 2ull << 20;
    LinuxBootOptions elf;
    elf.kernel = QStringLiteral(GLASSHART_GUEST_DIR "/demo-rv64.elf");
    elf.firmware = firmware;
    const Case cases[] = {{missing, missing.kernel}, {tooSmall, QStringLiteral("give the machine more RAM")},
                          {elf, QStringLiteral("raw kernel image")}};
    for (const Case& c : cases) {
        QSignalSpy errors(inspector_.get(), &Inspector::errorOccurred);
        QSignalSpy opened(inspector_.get(), &Inspector::programOpened);
        inspector_->bootLinux(c.options, QStringLiteral("Linux"));
        inspector_->run();  // waits for the machine, which never comes
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, kTimeout);
        const QString message = errors.first().first().toString();
        QVERIFY2(message.contains(c.expected), qPrintable(message));
        QCOMPARE(opened.count(), 0);
        QCOMPARE(inspector_->snapshot().sequence, std::uint64_t{0});
        QVERIFY(!inspector_->isRunning());
    }
}

void InspectorTest::resetBootsTheSameKernelAgain() {
    QVERIFY(images_.isValid());
    // A firmware that overwrites the first word of the kernel, then spins:
    //   auipc t0, (kernel - RAM) >> 12; sw zero, 0(t0); j .
    const quint64 kernelAt = boot_layout::kernelAddress(Xlen::Rv64, memory_map::kRamBase + 12);
    const auto pages = static_cast<quint32>((kernelAt - memory_map::kRamBase) >> 12);
    const QString firmware = images_.filePath(QStringLiteral("overwrite.bin"));
    const QString kernel = images_.filePath(QStringLiteral("pattern-Image"));
    writeFile(firmware, words({(pages << 12) | (5u << 7) | 0x17u, 0x0002a023, 0x0000006f}));
    writeFile(kernel, QByteArray(64 << 10, '\xa5'));
    LinuxBootOptions options;
    options.kernel = kernel;
    options.firmware = firmware;
    options.ramSize = 16ull << 20;
    QSignalSpy opened(inspector_.get(), &Inspector::programOpened);
    QSignalSpy errors(inspector_.get(), &Inspector::errorOccurred);
    inspector_->bootLinux(options, QStringLiteral("pattern"));
    QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !errors.isEmpty(), kTimeout);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    QCOMPARE(opened.first().first().toString(), QStringLiteral("pattern"));
    QVERIFY(inspector_->program() == nullptr);  // no symbols for a kernel
    QCOMPARE(readBack(kernelAt, 4), QByteArray(4, '\xa5'));

    inspector_->run();
    QTRY_COMPARE_WITH_TIMEOUT(readBack(kernelAt, 4), QByteArray(4, '\0'), kTimeout);
    inspector_->reset();
    QTRY_COMPARE_WITH_TIMEOUT(inspector_->snapshot().runState, RunState::Paused, kTimeout);
    QCOMPARE(readBack(kernelAt, 4), QByteArray(4, '\xa5'));  // placed again
    QCOMPARE(readBack(kernelAt + (64 << 10) - 4, 8), QByteArray(4, '\xa5') + QByteArray(4, '\0'));
    // And it boots again: the firmware overwrites the word once more.
    inspector_->run();
    QTRY_COMPARE_WITH_TIMEOUT(readBack(kernelAt, 4), QByteArray(4, '\0'), kTimeout);
}

QTEST_MAIN(InspectorTest)
#include "InspectorTest.moc"
