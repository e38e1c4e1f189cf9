// CLINT: virtual time from the hart's clock, register halves, the timer
// schedule, access sizes and the lines-changed callback.
#include <QtTest>

#include <cstdint>
#include <limits>
#include <stdexcept>

#include "dev/Clint.h"
#include "hart/HartState.h"

using glasshart::Clint;
using glasshart::HartState;

namespace {

constexpr std::uint64_t kMsip = 0x0;
constexpr std::uint64_t kMtimecmp = 0x4000;
constexpr std::uint64_t kMtime = 0xbff8;
constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

std::uint64_t readOf(Clint& clint, std::uint64_t offset, unsigned size) {
    std::uint64_t value = 0xdeadbeef;
    if (!clint.read(offset, size, value)) QTest::qFail("read refused", __FILE__, __LINE__);
    return value;
}

void writeOf(Clint& clint, std::uint64_t offset, unsigned size, std::uint64_t value) {
    if (!clint.write(offset, size, value)) QTest::qFail("write refused", __FILE__, __LINE__);
}

// The reference for clockAtTimerInterrupt(): step the clock until pending.
std::uint64_t bruteForceClock(HartState& hart, const Clint& clint, std::uint64_t limit) {
    const std::uint64_t saved = hart.retired;
    std::uint64_t found = kMax;
    for (std::uint64_t clock = hart.clock(); clock <= limit; ++clock) {
        hart.retired = clock - hart.idle;
        if (clint.timerInterruptPending()) {
            found = clock;
            break;
        }
    }
    hart.retired = saved;
    return found;
}

}  // namespace

class ClintTest : public QObject {
    Q_OBJECT

private slots:
    void name() {
        HartState hart;
        Clint clint(hart, 1);
        QCOMPARE(clint.name(), std::string_view("clint"));
    }

    void rejectsZeroInstructionsPerTick() {
        HartState hart;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Clint(hart, 0));
    }

    void resetState() {
        HartState hart;
        Clint clint(hart, 10);
        QCOMPARE(clint.mtime(), std::uint64_t{0});
        QCOMPARE(clint.mtimecmp(), kMax);
        QVERIFY(!clint.softwareInterruptPending());
        QVERIFY(!clint.timerInterruptPending());
        QCOMPARE(readOf(clint, kMtimecmp, 8), kMax);
        QCOMPARE(readOf(clint, kMsip, 4), std::uint64_t{0});
    }

    void mtimeFollowsTheHartClock() {
        HartState hart;
        Clint clint(hart, 10);
        hart.retired = 95;
        QCOMPARE(clint.mtime(), std::uint64_t{9});
        hart.idle = 10;  // wfi slots count as time too
        QCOMPARE(clint.mtime(), std::uint64_t{10});
        QCOMPARE(readOf(clint, kMtime, 8), std::uint64_t{10});
        hart.retired = 1'000'000;
        QCOMPARE(clint.mtime(), std::uint64_t{100'001});
    }

    void mtimeWritesMoveTheOffset() {
        HartState hart;
        Clint clint(hart, 10);
        hart.retired = 105;
        writeOf(clint, kMtime, 8, 1000);
        QCOMPARE(clint.mtime(), std::uint64_t{1000});
        hart.retired = 125;
        QCOMPARE(clint.mtime(), std::uint64_t{1002});
        writeOf(clint, kMtime, 8, 0);
        QCOMPARE(clint.mtime(), std::uint64_t{0});
        hart.retired = 135;
        QCOMPARE(clint.mtime(), std::uint64_t{1});
    }

    void mtimeHalves() {
        HartState hart;
        Clint clint(hart, 1);
        writeOf(clint, kMtime, 8, 0x0000'0001'ffff'fffeull);
        QCOMPARE(readOf(clint, kMtime, 4), std::uint64_t{0xffff'fffe});
        QCOMPARE(readOf(clint, kMtime + 4, 4), std::uint64_t{1});
        hart.retired = 3;  // the low half carries into the high half
        QCOMPARE(readOf(clint, kMtime, 4), std::uint64_t{1});
        QCOMPARE(readOf(clint, kMtime + 4, 4), std::uint64_t{2});

        writeOf(clint, kMtime, 4, 0x10);  // low half only
        QCOMPARE(clint.mtime(), 0x0000'0002'0000'0010ull);
        writeOf(clint, kMtime + 4, 4, 0xabcd);  // high half only
        QCOMPARE(clint.mtime(), 0x0000'abcd'0000'0010ull);
        hart.retired = 10;
        QCOMPARE(clint.mtime(), 0x0000'abcd'0000'0017ull);
    }

    void mtimecmpHalvesAsAnRv32GuestWritesThem() {
        HartState hart;
        Clint clint(hart, 1);
        writeOf(clint, kMtimecmp, 8, 0);
        QVERIFY(clint.timerInterruptPending());
        // Privileged spec: park the low half at all ones, write the high
        // half, then the low half (resources/guests/runtime/guest.c).
        writeOf(clint, kMtimecmp, 4, 0xffff'ffff);
        writeOf(clint, kMtimecmp + 4, 4, 0x1);
        QVERIFY(!clint.timerInterruptPending());
        writeOf(clint, kMtimecmp, 4, 0x20);
        QCOMPARE(clint.mtimecmp(), 0x0000'0001'0000'0020ull);
        QCOMPARE(readOf(clint, kMtimecmp, 4), std::uint64_t{0x20});
        QCOMPARE(readOf(clint, kMtimecmp + 4, 4), std::uint64_t{1});
        QCOMPARE(readOf(clint, kMtimecmp, 8), 0x0000'0001'0000'0020ull);
    }

    void timerInterruptLevel() {
        HartState hart;
        Clint clint(hart, 4);
        writeOf(clint, kMtimecmp, 8, 5);
        hart.retired = 19;  // mtime 4
        QVERIFY(!clint.timerInterruptPending());
        hart.retired = 20;  // mtime 5 >= 5
        QVERIFY(clint.timerInterruptPending());
        writeOf(clint, kMtimecmp, 8, 6);  // writing mtimecmp lowers it again
        QVERIFY(!clint.timerInterruptPending());
        writeOf(clint, kMtime, 8, 100);  // so can moving mtime
        QVERIFY(clint.timerInterruptPending());
    }

    void clockAtTimerInterrupt() {
        HartState hart;
        Clint clint(hart, 10);
        hart.retired = 105;  // mtime 10
        QCOMPARE(clint.clockAtTimerInterrupt(), kMax);  // mtimecmp all ones, times 10, overflows
        writeOf(clint, kMtimecmp, 8, 15);
        QCOMPARE(clint.clockAtTimerInterrupt(), std::uint64_t{150});
        writeOf(clint, kMtimecmp, 8, 10);
        QCOMPARE(clint.clockAtTimerInterrupt(), std::uint64_t{105});  // already pending: now
        writeOf(clint, kMtimecmp, 8, 3);
        QCOMPARE(clint.clockAtTimerInterrupt(), std::uint64_t{105});
        writeOf(clint, kMtimecmp, 8, 11);
        QCOMPARE(clint.clockAtTimerInterrupt(), std::uint64_t{110});
        hart.idle = 3;  // idle slots advance the clock as retired ones do
        QCOMPARE(clint.clockAtTimerInterrupt(), std::uint64_t{110});
    }

    void clockAtTimerInterruptMatchesBruteForce() {
        for (std::uint64_t perTick : {1u, 2u, 3u, 7u, 10u}) {
            for (std::uint64_t start : {0u, 1u, 5u, 13u, 29u}) {
                for (std::uint64_t compare : {0u, 1u, 2u, 4u, 9u, 17u}) {
                    for (std::uint64_t mtimeAt : {0u, 3u}) {
                        HartState hart;
                        hart.idle = 2;
                        Clint clint(hart, perTick);
                        writeOf(clint, kMtime, 8, mtimeAt);
                        hart.retired = start;
                        writeOf(clint, kMtimecmp, 8, compare);
                        const std::uint64_t expected = bruteForceClock(hart, clint, 1000);
                        QCOMPARE(clint.clockAtTimerInterrupt(), expected);
                    }
                }
            }
        }
    }

    void clockAtTimerInterruptExtremes() {
        {
            // mtimecmp all ones, one slot per tick, from clock 0: reached at
            // the last representable clock.
            HartState hart;
            Clint clint(hart, 1);
            QCOMPARE(clint.clockAtTimerInterrupt(), kMax);
            writeOf(clint, kMtimecmp, 8, kMax - 1);
            QCOMPARE(clint.clockAtTimerInterrupt(), kMax - 1);
        }
        {
            // mtime near the top: no wrap-around is taken for "later".
            HartState hart;
            Clint clint(hart, 1);
            writeOf(clint, kMtime, 8, kMax - 5);
            writeOf(clint, kMtimecmp, 8, kMax);
            QCOMPARE(clint.clockAtTimerInterrupt(), std::uint64_t{5});
            writeOf(clint, kMtime, 8, kMax);
            QVERIFY(clint.timerInterruptPending());
            QCOMPARE(clint.clockAtTimerInterrupt(), std::uint64_t{0});
        }
        {
            // The hart clock itself near the top.
            HartState hart;
            hart.retired = kMax - 3;
            Clint clint(hart, 1);
            writeOf(clint, kMtime, 8, 0);
            writeOf(clint, kMtimecmp, 8, 2);
            QCOMPARE(clint.clockAtTimerInterrupt(), kMax - 1);
            writeOf(clint, kMtimecmp, 8, 10);
            QCOMPARE(clint.clockAtTimerInterrupt(), kMax);  // past the clock's range: never
        }
        {
            // A large tick: ticks * instructionsPerTick overflows.
            HartState hart;
            Clint clint(hart, std::uint64_t{1} << 40);
            writeOf(clint, kMtimecmp, 8, std::uint64_t{1} << 23);
            QCOMPARE(clint.clockAtTimerInterrupt(), std::uint64_t{1} << 63);
            writeOf(clint, kMtimecmp, 8, std::uint64_t{1} << 24);
            QCOMPARE(clint.clockAtTimerInterrupt(), kMax);
        }
    }

    void softwareInterrupt() {
        HartState hart;
        Clint clint(hart, 1);
        writeOf(clint, kMsip, 4, 1);
        QVERIFY(clint.softwareInterruptPending());
        QCOMPARE(readOf(clint, kMsip, 4), std::uint64_t{1});
        writeOf(clint, kMsip, 4, 0xfffffffe);  // only bit 0 counts
        QVERIFY(!clint.softwareInterruptPending());
        QCOMPARE(readOf(clint, kMsip, 4), std::uint64_t{0});
        writeOf(clint, kMsip, 4, 3);
        QCOMPARE(readOf(clint, kMsip, 4), std::uint64_t{1});
    }

    void otherHartsSlotsAndUnusedSpace() {
        HartState hart;
        Clint clint(hart, 1);
        writeOf(clint, 0x4, 4, 1);  // msip of hart 1, which does not exist
        QVERIFY(!clint.softwareInterruptPending());
        QCOMPARE(readOf(clint, 0x4, 4), std::uint64_t{0});
        QCOMPARE(readOf(clint, 0x3ffc, 4), std::uint64_t{0});
        writeOf(clint, 0x4008, 8, 1);  // mtimecmp of hart 1
        QCOMPARE(readOf(clint, 0x4008, 8), std::uint64_t{0});
        QCOMPARE(clint.mtimecmp(), kMax);
        QCOMPARE(readOf(clint, 0xbff0, 8), std::uint64_t{0});
    }

    void accessSizes() {
        HartState hart;
        Clint clint(hart, 1);
        std::uint64_t value = 0;
        // MSWI: 4 bytes only.
        QVERIFY(!clint.read(kMsip, 1, value));
        QVERIFY(!clint.read(kMsip, 2, value));
        QVERIFY(!clint.read(kMsip, 8, value));
        QVERIFY(!clint.write(kMsip, 8, 1));
        QVERIFY(!clint.softwareInterruptPending());
        // MTIMER: 4 or 8 bytes.
        QVERIFY(!clint.read(kMtime, 1, value));
        QVERIFY(!clint.read(kMtime, 2, value));
        QVERIFY(!clint.write(kMtimecmp, 2, 0));
        QCOMPARE(clint.mtimecmp(), kMax);
        // Nothing decodes past the MTIMER's 0x8000-byte aperture.
        QVERIFY(!clint.read(0xc000, 4, value));
        QVERIFY(!clint.write(0xfff8, 8, 0));
    }

    void linesChangedCallback() {
        HartState hart;
        Clint clint(hart, 1);
        int calls = 0;
        clint.setLinesChangedCallback([&] { ++calls; });
        writeOf(clint, kMsip, 4, 1);
        QCOMPARE(calls, 1);
        writeOf(clint, kMtimecmp, 8, 50);
        QCOMPARE(calls, 2);
        writeOf(clint, kMtimecmp + 4, 4, 0);
        QCOMPARE(calls, 3);
        writeOf(clint, kMtime, 4, 7);
        QCOMPARE(calls, 4);
        writeOf(clint, kMtime + 4, 4, 0);
        QCOMPARE(calls, 5);
        // Reads, other harts' slots and unused space change nothing.
        readOf(clint, kMtime, 8);
        readOf(clint, kMsip, 4);
        writeOf(clint, 0x4, 4, 1);
        writeOf(clint, 0x5000, 4, 1);
        QCOMPARE(calls, 5);
        std::uint64_t value = 0;
        QVERIFY(!clint.write(kMsip, 1, 1));  // a refused access is no write
        QVERIFY(!clint.read(0xc000, 4, value));
        QCOMPARE(calls, 5);
        clint.reset();
        QCOMPARE(calls, 5);  // reset does not call back
    }

    void resetClearsEverything() {
        HartState hart;
        Clint clint(hart, 2);
        writeOf(clint, kMsip, 4, 1);
        writeOf(clint, kMtimecmp, 8, 0);
        writeOf(clint, kMtime, 8, 12345);
        hart.retired = 0;  // the machine resets the hart first...
        clint.reset();     // ...then the CLINT: mtime 0 from here
        QCOMPARE(clint.mtime(), std::uint64_t{0});
        QCOMPARE(clint.mtimecmp(), kMax);
        QVERIFY(!clint.softwareInterruptPending());
        QVERIFY(!clint.timerInterruptPending());
        hart.retired = 10;
        QCOMPARE(clint.mtime(), std::uint64_t{5});
    }
};

QTEST_APPLESS_MAIN(ClintTest)
#include "ClintTest.moc"
