// The Inspector and its worker thread on the real demo guest: commands go
// in, snapshots, events and console output come back.

#include <QSignalSpy>
#include <QtTest>

#include "Inspector.h"

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

private:
    void runDemoUntilPrompt();
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

QTEST_MAIN(InspectorTest)
#include "InspectorTest.moc"
