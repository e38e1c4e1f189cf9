// The PLIC as the RISC-V PLIC specification and QEMU 7.2's virt describe it.
#include <QtTest>

#include <cstdint>

#include "dev/Plic.h"

using glasshart::Plic;

namespace {

constexpr unsigned kM = Plic::kMachineContext;
constexpr unsigned kS = Plic::kSupervisorContext;

constexpr std::uint64_t priorityReg(unsigned source) { return 4ull * source; }
constexpr std::uint64_t pendingReg(unsigned word) { return 0x1000 + 4ull * word; }
constexpr std::uint64_t enableReg(unsigned context, unsigned word) { return 0x2000 + 0x80ull * context + 4ull * word; }
constexpr std::uint64_t thresholdReg(unsigned context) { return 0x20'0000 + 0x1000ull * context; }
constexpr std::uint64_t claimReg(unsigned context) { return thresholdReg(context) + 4; }

class Harness {
public:
    Harness() {
        plic.setLinesChangedCallback([this] { ++notifications; });
    }

    std::uint32_t in(std::uint64_t offset) {
        std::uint64_t value = 0xdead'beef'dead'beef;
        if (!plic.read(offset, 4, value)) {
            QTest::qFail("read refused", __FILE__, __LINE__);
            return 0xffff'ffff;
        }
        if (value > 0xffff'ffff) QTest::qFail("a 4-byte read returned more than 32 bits", __FILE__, __LINE__);
        return static_cast<std::uint32_t>(value);
    }
    void out(std::uint64_t offset, std::uint64_t value) {
        if (!plic.write(offset, 4, value)) QTest::qFail("write refused", __FILE__, __LINE__);
    }

    // Source ready to interrupt `context`: priority set, enabled, line high.
    void arm(unsigned context, unsigned source, std::uint32_t priority) {
        out(priorityReg(source), priority);
        out(enableReg(context, source / 32), in(enableReg(context, source / 32)) | (1u << (source % 32)));
        plic.setSourceLevel(source, true);
    }

    Plic plic;
    int notifications = 0;
};

}  // namespace

class PlicTest : public QObject {
    Q_OBJECT

private slots:
    void name() {
        Plic plic;
        QCOMPARE(plic.name(), std::string_view("plic"));
    }

    void powerOnState() {
        Harness h;
        for (unsigned source = 0; source < Plic::kSourceCount; ++source) QCOMPARE(h.in(priorityReg(source)), 0u);
        for (unsigned word = 0; word < 3; ++word) {
            QCOMPARE(h.in(pendingReg(word)), 0u);
            QCOMPARE(h.in(enableReg(kM, word)), 0u);
            QCOMPARE(h.in(enableReg(kS, word)), 0u);
        }
        QCOMPARE(h.in(thresholdReg(kM)), 0u);
        QCOMPARE(h.in(thresholdReg(kS)), 0u);
        QCOMPARE(h.in(claimReg(kM)), 0u);
        QVERIFY(!h.plic.interruptPending(kM));
        QVERIFY(!h.plic.interruptPending(kS));
    }

    void prioritiesAreWarlThreeBits() {
        Harness h;
        h.out(priorityReg(1), 0xffff'ffff);
        QCOMPARE(h.in(priorityReg(1)), 7u);
        h.out(priorityReg(95), 0x0000'000a);  // 0b1010 keeps 0b010
        QCOMPARE(h.in(priorityReg(95)), 2u);
        h.out(priorityReg(10), 5);
        QCOMPARE(h.in(priorityReg(10)), 5u);
        QCOMPARE(h.plic.priority(10), 5u);
        QCOMPARE(h.in(priorityReg(9)), 0u);  // neighbours untouched
        QCOMPARE(h.in(priorityReg(11)), 0u);
    }

    void sourceZeroAndSourcesPast95DoNotExist() {
        Harness h;
        h.out(priorityReg(0), 7);
        QCOMPARE(h.in(priorityReg(0)), 0u);
        h.out(priorityReg(96), 7);  // QEMU 7.2's DT says ndev 96: Linux writes here
        QCOMPARE(h.in(priorityReg(96)), 0u);
        h.out(priorityReg(1023), 7);
        QCOMPARE(h.in(priorityReg(1023)), 0u);
        h.out(enableReg(kM, 0), 0x1);  // enable bit of source 0 is hardwired to 0
        QCOMPARE(h.in(enableReg(kM, 0)), 0u);
        h.out(enableReg(kM, 3), 0xffff'ffff);  // sources 96..127
        QCOMPARE(h.in(enableReg(kM, 3)), 0u);
        h.plic.setSourceLevel(0, true);
        h.plic.setSourceLevel(96, true);
        h.plic.setSourceLevel(0xffff'ffffu, true);
        for (unsigned word = 0; word < 4; ++word) QCOMPARE(h.in(pendingReg(word)), 0u);
        QCOMPARE(h.notifications, 0);
        QCOMPARE(h.plic.priority(96), 0u);
        QVERIFY(!h.plic.pending(0));
        QVERIFY(!h.plic.enabled(kM, 200));
        QVERIFY(!h.plic.enabled(5, 1));
        QCOMPARE(h.plic.threshold(2), 0u);
    }

    void enablesPerContextAndWord() {
        Harness h;
        h.out(enableReg(kM, 0), 0xffff'ffff);
        h.out(enableReg(kM, 2), 0x8000'0001);  // sources 64 and 95
        h.out(enableReg(kS, 1), 0x0000'0400);  // source 42
        QCOMPARE(h.in(enableReg(kM, 0)), 0xffff'fffeu);
        QCOMPARE(h.in(enableReg(kM, 1)), 0u);
        QCOMPARE(h.in(enableReg(kM, 2)), 0x8000'0001u);
        QCOMPARE(h.in(enableReg(kS, 0)), 0u);
        QCOMPARE(h.in(enableReg(kS, 1)), 0x0000'0400u);
        QVERIFY(h.plic.enabled(kM, 64));
        QVERIFY(h.plic.enabled(kM, 95));
        QVERIFY(!h.plic.enabled(kM, 42));
        QVERIFY(h.plic.enabled(kS, 42));
        // A third context does not exist on a one-hart virt.
        h.out(enableReg(2, 0), 0xffff'ffff);
        QCOMPARE(h.in(enableReg(2, 0)), 0u);
    }

    void thresholdsAreWarlPerContext() {
        Harness h;
        h.out(thresholdReg(kM), 0xffff'ffff);
        h.out(thresholdReg(kS), 3);
        QCOMPARE(h.in(thresholdReg(kM)), 7u);
        QCOMPARE(h.in(thresholdReg(kS)), 3u);
        QCOMPARE(h.plic.threshold(kS), 3u);
        h.out(thresholdReg(2), 1);  // no context 2
        QCOMPARE(h.in(thresholdReg(2)), 0u);
    }

    void notificationNeedsPendingEnabledAndAboveThreshold_data() {
        QTest::addColumn<std::uint32_t>("priority");
        QTest::addColumn<std::uint32_t>("threshold");
        QTest::addColumn<bool>("enable");
        QTest::addColumn<bool>("line");
        QTest::addColumn<bool>("expected");
        QTest::newRow("all set") << 1u << 0u << true << true << true;
        QTest::newRow("priority 0 never interrupts") << 0u << 0u << true << true << false;
        QTest::newRow("not enabled") << 7u << 0u << false << true << false;
        QTest::newRow("line low") << 7u << 0u << true << false << false;
        QTest::newRow("priority equals threshold") << 4u << 4u << true << true << false;
        QTest::newRow("priority above threshold") << 5u << 4u << true << true << true;
        QTest::newRow("threshold 7 masks all") << 7u << 7u << true << true << false;
    }
    void notificationNeedsPendingEnabledAndAboveThreshold() {
        QFETCH(std::uint32_t, priority);
        QFETCH(std::uint32_t, threshold);
        QFETCH(bool, enable);
        QFETCH(bool, line);
        QFETCH(bool, expected);
        for (unsigned context : {kM, kS}) {
            Harness h;
            h.out(priorityReg(10), priority);
            h.out(thresholdReg(context), threshold);
            if (enable) h.out(enableReg(context, 0), 1u << 10);
            h.plic.setSourceLevel(10, line);
            QCOMPARE(h.plic.interruptPending(context), expected);
            QVERIFY(!h.plic.interruptPending(1 - context));  // the other context is not enabled
            QCOMPARE(h.in(claimReg(context)), expected ? 10u : 0u);
        }
    }

    void pendingBitsShowRequestsWhetherEnabledOrNot() {
        Harness h;
        h.plic.setSourceLevel(1, true);
        h.plic.setSourceLevel(33, true);
        h.plic.setSourceLevel(95, true);
        QCOMPARE(h.in(pendingReg(0)), 0x0000'0002u);
        QCOMPARE(h.in(pendingReg(1)), 0x0000'0002u);
        QCOMPARE(h.in(pendingReg(2)), 0x8000'0000u);
        QVERIFY(!h.plic.interruptPending(kM));
        h.out(pendingReg(0), 0);  // read-only
        QCOMPARE(h.in(pendingReg(0)), 0x0000'0002u);
        QVERIFY(h.plic.pending(33));
        QVERIFY(h.plic.sourceLevel(33));
        QVERIFY(h.plic.awaitingCompletion(33));
    }

    void claimTakesHighestPriorityThenLowestId() {
        Harness h;
        h.arm(kM, 3, 2);
        h.arm(kM, 5, 5);
        h.arm(kM, 7, 5);
        h.arm(kM, 40, 1);
        h.arm(kM, 70, 7);
        h.arm(kM, 95, 5);
        for (unsigned expected : {70u, 5u, 7u, 95u, 3u, 40u}) {
            QVERIFY(h.plic.interruptPending(kM));
            QCOMPARE(h.in(claimReg(kM)), expected);
        }
        QVERIFY(!h.plic.interruptPending(kM));
        QCOMPARE(h.in(claimReg(kM)), 0u);
        for (unsigned word = 0; word < 3; ++word) QCOMPARE(h.in(pendingReg(word)), 0u);
    }

    void claimHonoursThresholdAsQemuDoes() {
        Harness h;
        h.arm(kS, 12, 2);
        h.out(thresholdReg(kS), 2);
        QCOMPARE(h.in(claimReg(kS)), 0u);
        QVERIFY(h.plic.pending(12));  // still pending, just masked
        h.out(thresholdReg(kS), 1);
        QVERIFY(h.plic.interruptPending(kS));
        QCOMPARE(h.in(claimReg(kS)), 12u);
    }

    void lowerPrioritySourceShowsAfterClaim() {
        Harness h;
        h.arm(kM, 4, 3);
        h.arm(kM, 9, 6);
        h.out(thresholdReg(kM), 3);  // source 4 (priority 3) is masked
        QCOMPARE(h.in(claimReg(kM)), 9u);
        QVERIFY(!h.plic.interruptPending(kM));
        h.out(thresholdReg(kM), 2);
        QVERIFY(h.plic.interruptPending(kM));
        QCOMPARE(h.in(claimReg(kM)), 4u);
    }

    void levelGatewayWaitsForCompletion() {
        Harness h;
        h.arm(kM, 10, 1);
        QCOMPARE(h.in(claimReg(kM)), 10u);
        QVERIFY(!h.plic.pending(10));
        QVERIFY(h.plic.awaitingCompletion(10));
        // The line stays high, but no second request before completion.
        h.plic.setSourceLevel(10, true);
        QVERIFY(!h.plic.pending(10));
        QVERIFY(!h.plic.interruptPending(kM));
        QCOMPARE(h.in(claimReg(kM)), 0u);
        // Completion with the line still high: the gateway forwards again.
        h.out(claimReg(kM), 10);
        QVERIFY(h.plic.pending(10));
        QVERIFY(h.plic.interruptPending(kM));
        QCOMPARE(h.in(claimReg(kM)), 10u);
        // The device is serviced (line low) before completion: nothing new.
        h.plic.setSourceLevel(10, false);
        h.out(claimReg(kM), 10);
        QVERIFY(!h.plic.pending(10));
        QVERIFY(!h.plic.awaitingCompletion(10));
        QVERIFY(!h.plic.interruptPending(kM));
        // The next rising level is a new request.
        h.plic.setSourceLevel(10, true);
        QVERIFY(h.plic.interruptPending(kM));
        QCOMPARE(h.in(claimReg(kM)), 10u);
    }

    void requestSurvivesTheLineDropping() {
        // "Interrupt Gateways": a forwarded request stays in the IP bit.
        Harness h;
        h.arm(kS, 20, 4);
        h.plic.setSourceLevel(20, false);
        QVERIFY(h.plic.pending(20));
        QVERIFY(h.plic.interruptPending(kS));
        QCOMPARE(h.in(claimReg(kS)), 20u);
        // A pulse while in flight is not remembered.
        h.plic.setSourceLevel(20, true);
        h.plic.setSourceLevel(20, false);
        h.out(claimReg(kS), 20);
        QVERIFY(!h.plic.pending(20));
        QVERIFY(!h.plic.interruptPending(kS));
    }

    void completionNeedsTheSourceEnabledForTheContext() {
        Harness h;
        h.arm(kS, 10, 1);
        QCOMPARE(h.in(claimReg(kS)), 10u);
        h.plic.setSourceLevel(10, false);
        // M has not enabled source 10: its completion is silently ignored.
        h.out(claimReg(kM), 10);
        QVERIFY(h.plic.awaitingCompletion(10));
        // Disabled in S too (Linux masks, then completes after re-enabling).
        h.out(enableReg(kS, 0), 0);
        h.out(claimReg(kS), 10);
        QVERIFY(h.plic.awaitingCompletion(10));
        h.out(enableReg(kS, 0), 1u << 10);
        h.out(claimReg(kS), 10);
        QVERIFY(!h.plic.awaitingCompletion(10));
        QVERIFY(!h.plic.pending(10));
    }

    void completionOfOtherIdsIsIgnored() {
        Harness h;
        h.arm(kM, 10, 1);
        QCOMPARE(h.in(claimReg(kM)), 10u);
        h.out(enableReg(kM, 0), 0xffff'ffff);
        h.out(enableReg(kM, 1), 0xffff'ffff);
        h.out(enableReg(kM, 2), 0xffff'ffff);
        for (std::uint64_t id : {0ull, 11ull, 96ull, 1024ull, 0xffff'ffffull, 0x8000'000aull}) {
            h.out(claimReg(kM), id);
            QVERIFY(h.plic.awaitingCompletion(10));
        }
        // The completion is not checked against the last claim.
        h.arm(kM, 11, 1);
        h.out(claimReg(kM), 10);
        QCOMPARE(h.in(claimReg(kM)), 10u);  // re-forwarded (line high), lower id than 11
    }

    void bothContextsShareOnePendingBit() {
        // Multicast: a source enabled in both contexts notifies both, and
        // whoever claims first takes it.
        Harness h;
        h.arm(kM, 10, 1);
        h.arm(kS, 10, 1);
        h.arm(kS, 11, 1);
        QVERIFY(h.plic.interruptPending(kM));
        QVERIFY(h.plic.interruptPending(kS));
        QCOMPARE(h.in(claimReg(kS)), 10u);
        QVERIFY(!h.plic.interruptPending(kM));
        QVERIFY(h.plic.interruptPending(kS));
        QCOMPARE(h.in(claimReg(kM)), 0u);
        QCOMPARE(h.in(claimReg(kS)), 11u);
        QVERIFY(!h.plic.interruptPending(kS));
    }

    void contextsAreIndependent() {
        Harness h;
        h.arm(kM, 1, 1);
        h.arm(kS, 2, 1);
        h.out(thresholdReg(kM), 7);
        QVERIFY(!h.plic.interruptPending(kM));
        QVERIFY(h.plic.interruptPending(kS));
        QCOMPARE(h.in(claimReg(kS)), 2u);
        QCOMPARE(h.in(claimReg(kS)), 0u);  // source 1 is not enabled for S
        h.out(thresholdReg(kM), 0);
        QCOMPARE(h.in(claimReg(kM)), 1u);
    }

    void callbackReportsOutputChangesOnly() {
        Harness h;
        h.out(priorityReg(10), 1);
        h.out(enableReg(kS, 0), 1u << 10);
        QCOMPARE(h.notifications, 0);
        h.plic.setSourceLevel(10, true);  // S's EIP rises
        QCOMPARE(h.notifications, 1);
        h.plic.setSourceLevel(10, true);  // no change
        h.out(priorityReg(10), 1);
        h.out(thresholdReg(kM), 5);
        QCOMPARE(h.notifications, 1);
        h.out(thresholdReg(kS), 1);  // masked: EIP falls
        QCOMPARE(h.notifications, 2);
        h.out(thresholdReg(kS), 0);
        QCOMPARE(h.notifications, 3);
        QCOMPARE(h.in(claimReg(kS)), 10u);  // the claim lowers EIP
        QCOMPARE(h.notifications, 4);
        QVERIFY(!h.plic.interruptPending(kS));
        h.out(claimReg(kS), 10);  // re-forwarded: EIP rises again
        QCOMPARE(h.notifications, 5);
        h.out(enableReg(kM, 0), 1u << 10);  // M's EIP stays low: threshold 5
        QCOMPARE(h.notifications, 5);
        h.out(thresholdReg(kM), 0);
        QCOMPARE(h.notifications, 6);
        QVERIFY(h.plic.interruptPending(kM));
    }

    void wrongAccessSizesFault_data() {
        QTest::addColumn<std::uint64_t>("offset");
        QTest::addColumn<unsigned>("size");
        for (unsigned size : {1u, 2u, 8u}) {
            const QByteArray suffix = " size " + QByteArray::number(size);
            QTest::newRow("priority" + suffix) << priorityReg(8) << size;
            QTest::newRow("pending" + suffix) << pendingReg(0) << size;
            QTest::newRow("enable" + suffix) << enableReg(kM, 0) << size;
            QTest::newRow("threshold" + suffix) << thresholdReg(kS) << size;
            QTest::newRow("claim" + suffix) << claimReg(kM) << size;
            QTest::newRow("reserved" + suffix) << std::uint64_t{0x10'0000} << size;
        }
    }
    void wrongAccessSizesFault() {
        QFETCH(std::uint64_t, offset);
        QFETCH(unsigned, size);
        Harness h;
        h.arm(kM, 10, 1);
        h.out(enableReg(kS, 0), 1u << 10);
        std::uint64_t value = 0;
        QVERIFY(!h.plic.read(offset, size, value));
        QVERIFY(!h.plic.write(offset, size, 0x0707'0707'0707'0707ull));
        // Nothing happened: in particular no claim and no completion.
        QVERIFY(h.plic.pending(10));
        QCOMPARE(h.in(priorityReg(8)), 0u);
        QCOMPARE(h.in(thresholdReg(kS)), 0u);
        QCOMPARE(h.in(enableReg(kM, 0)), 1u << 10);
    }

    void reservedSpaceReadsZeroAndIgnoresWrites_data() {
        QTest::addColumn<std::uint64_t>("offset");
        QTest::newRow("pending past 96 sources") << pendingReg(3);
        QTest::newRow("end of pending page") << std::uint64_t{0x1ffc};
        QTest::newRow("enable words past 96 sources") << enableReg(kS, 4);
        QTest::newRow("enables of context 2") << enableReg(2, 1);
        QTest::newRow("end of enable space") << std::uint64_t{0x1f'fffc};
        QTest::newRow("after claim register") << thresholdReg(kM) + 8;
        QTest::newRow("end of a context page") << thresholdReg(kS) + 0xffc;
        QTest::newRow("claim of context 2") << claimReg(2);
        QTest::newRow("last word of the window") << std::uint64_t{0x5f'fffc};
    }
    void reservedSpaceReadsZeroAndIgnoresWrites() {
        QFETCH(std::uint64_t, offset);
        Harness h;
        h.arm(kM, 10, 1);
        h.out(offset, 0xffff'ffff);
        QCOMPARE(h.in(offset), 0u);
        QVERIFY(h.plic.pending(10));
        QCOMPARE(h.in(enableReg(kM, 0)), 1u << 10);
        QCOMPARE(h.in(enableReg(kS, 0)), 0u);
        QCOMPARE(h.in(thresholdReg(kM)), 0u);
        QCOMPARE(h.in(thresholdReg(kS)), 0u);
    }

    void outsideTheWindowIsNotDecoded() {
        Plic plic;
        std::uint64_t value = 0;
        QVERIFY(!plic.read(0x60'0000, 4, value));
        QVERIFY(!plic.write(0x60'0000, 4, 0));
        QVERIFY(!plic.read(~std::uint64_t{3}, 4, value));
    }

    void resetClearsEverything() {
        Harness h;
        h.arm(kM, 10, 3);
        h.arm(kS, 20, 3);
        h.out(thresholdReg(kM), 1);
        QCOMPARE(h.in(claimReg(kS)), 20u);
        h.plic.reset();
        QVERIFY(!h.plic.interruptPending(kM));
        QVERIFY(!h.plic.interruptPending(kS));
        QCOMPARE(h.in(priorityReg(10)), 0u);
        QCOMPARE(h.in(enableReg(kM, 0)), 0u);
        QCOMPARE(h.in(thresholdReg(kM)), 0u);
        QCOMPARE(h.in(pendingReg(0)), 0u);
        QVERIFY(!h.plic.awaitingCompletion(20));
        QVERIFY(!h.plic.sourceLevel(10));
        // After reset a high line is a fresh request again.
        h.arm(kS, 20, 1);
        QCOMPARE(h.in(claimReg(kS)), 20u);
    }
};

QTEST_APPLESS_MAIN(PlicTest)
#include "PlicTest.moc"
