// The lock-free pieces between the emulator thread and the window: the
// triple-buffered snapshot channel and the bounded SPSC event ring. The
// two-thread cases are what the ThreadSanitizer run exercises.

#include <QtTest>

#include <atomic>
#include <thread>

#include "inspect/EventRing.h"
#include "inspect/SnapshotChannel.h"

using namespace glasshart;

namespace {

// A value whose halves must always agree: a torn read would show.
struct Pair {
    std::uint64_t value;
    std::uint64_t check;
};

}  // namespace

class ChannelTest : public QObject {
    Q_OBJECT

private slots:
    void snapshotStartsEmpty() {
        SnapshotChannel<Pair> channel;
        Pair out{};
        QVERIFY(!channel.readLatest(out));
    }
    void snapshotGivesTheNewestOnce() {
        SnapshotChannel<Pair> channel;
        channel.publish({1, ~1ull});
        channel.publish({2, ~2ull});
        Pair out{};
        QVERIFY(channel.readLatest(out));
        QCOMPARE(out.value, std::uint64_t{2});
        QVERIFY(!channel.readLatest(out));  // nothing newer
        channel.publish({3, ~3ull});
        QVERIFY(channel.readLatest(out));
        QCOMPARE(out.value, std::uint64_t{3});
    }
    void snapshotAcrossThreadsIsNeverTornNorOld() {
        SnapshotChannel<Pair> channel;
        constexpr std::uint64_t kCount = 200'000;
        std::thread producer([&] {
            for (std::uint64_t i = 1; i <= kCount; ++i) channel.publish({i, ~i});
        });
        std::uint64_t last = 0;
        Pair out{};
        while (last < kCount) {
            if (!channel.readLatest(out)) continue;
            QCOMPARE(out.check, ~out.value);
            QVERIFY(out.value > last);  // never an older snapshot
            last = out.value;
        }
        producer.join();
    }
    void ringKeepsOrderAndCountsDrops() {
        EventRing<int, 4> ring;
        QVERIFY(ring.empty());
        for (int i = 0; i < 6; ++i) ring.push(i);
        QCOMPARE(ring.dropped(), std::uint64_t{2});
        for (int i = 0; i < 4; ++i) QCOMPARE(ring.pop().value(), i);
        QVERIFY(!ring.pop().has_value());
        QVERIFY(ring.empty());
    }
    void ringAcrossThreadsLosesNothingItDidNotCount() {
        EventRing<std::uint64_t, 256> ring;
        constexpr std::uint64_t kCount = 300'000;
        std::atomic<std::uint64_t> accepted{0};
        std::thread producer([&] {
            for (std::uint64_t i = 0; i < kCount; ++i) {
                if (ring.push(i)) accepted.fetch_add(1, std::memory_order_relaxed);
            }
        });
        std::uint64_t received = 0;
        std::uint64_t previous = 0;
        bool first = true;
        while (received + ring.dropped() < kCount) {
            const auto value = ring.pop();
            if (!value) continue;
            QVERIFY(first || *value > previous);  // in order
            first = false;
            previous = *value;
            ++received;
        }
        producer.join();
        QCOMPARE(received, accepted.load());
        QCOMPARE(received + ring.dropped(), kCount);
    }
};

QTEST_GUILESS_MAIN(ChannelTest)
#include "ChannelTest.moc"
