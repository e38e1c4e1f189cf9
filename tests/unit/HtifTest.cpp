// HTIF through tohost/fromhost in the RAM of a real Bus, with the bus's
// write observer calling Htif::onWrite as the machine does.
#include <QtTest>

#include <climits>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "dev/Htif.h"
#include "mem/Bus.h"
#include "mem/MemoryMap.h"

using glasshart::Bus;
using glasshart::Htif;
using glasshart::Ram;
namespace memory_map = glasshart::memory_map;

namespace {

constexpr std::uint64_t kRamSize = 1 << 20;
constexpr std::uint64_t kTohost = memory_map::kRamBase + 0x1000;
constexpr std::uint64_t kFromhost = kTohost + 8;
constexpr std::uint64_t kMagic = memory_map::kRamBase + 0x2000;
constexpr std::uint64_t kBuffer = memory_map::kRamBase + 0x3000;

constexpr std::uint64_t command(std::uint64_t device, std::uint64_t cmd, std::uint64_t payload) {
    return (device << 56) | (cmd << 48) | payload;
}

class Harness {
public:
    explicit Harness(std::optional<std::uint64_t> fromhost = kFromhost)
        : bus(memory_map::kRamBase, kRamSize),
          htif(bus, kTohost, fromhost, [this](std::uint8_t byte) { console.push_back(static_cast<char>(byte)); },
               [this](int code) { exits.push_back(code); }) {
        bus.setWriteObserver([this](std::uint64_t address, unsigned size) {
            if (htif.onWrite(address, size)) ++htifWrites;
        });
        htif.start();
    }

    void store(std::uint64_t address, unsigned size, std::uint64_t value) {
        if (!bus.write(address, size, value)) QTest::qFail("store refused", __FILE__, __LINE__);
    }
    std::uint64_t load(std::uint64_t address) {
        std::uint64_t value = 0;
        if (!bus.read(address, 8, value)) QTest::qFail("load refused", __FILE__, __LINE__);
        return value;
    }
    void magic(std::vector<std::uint64_t> words) {
        words.resize(8, 0);
        std::memcpy(bus.ram().at(kMagic), words.data(), 64);
    }

    Bus bus;
    std::string console;
    std::vector<int> exits;
    int htifWrites = 0;
    Htif htif;
};

}  // namespace

class HtifTest : public QObject {
    Q_OBJECT

private slots:
    void startWatchesTheTohostPage() {
        Bus bus(memory_map::kRamBase, kRamSize);
        Htif htif(bus, kTohost, kFromhost, {}, {});
        QVERIFY(!bus.ram().isWatched(kTohost, Ram::kHostInterface));
        htif.start();
        QVERIFY(bus.ram().isWatched(kTohost, Ram::kHostInterface));
        QVERIFY(bus.ram().isWatched(kFromhost, Ram::kHostInterface));
        QVERIFY(!bus.ram().isWatched(kTohost, Ram::kTranslatedCode));
        QVERIFY(!bus.ram().isWatched(kMagic));
    }

    void rejectsWordsOutsideRam() {
        Bus bus(memory_map::kRamBase, kRamSize);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Htif(bus, 0x1000, std::nullopt, {}, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 Htif(bus, memory_map::kRamBase + kRamSize - 4, std::nullopt, {}, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Htif(bus, kTohost, 0x10, {}, {}));
    }

    void putcharAndAnswer() {
        Harness h;
        h.store(kTohost, 8, command(1, 1, 'A'));
        QCOMPARE(h.console, std::string("A"));
        QCOMPARE(h.load(kTohost), std::uint64_t{0});  // taken
        QCOMPARE(h.load(kFromhost), command(1, 1, 0x100 | 'A'));
        QCOMPARE(h.htifWrites, 1);
    }

    void answersWaitUntilFromhostIsCleared() {
        Harness h;
        h.store(kTohost, 8, command(1, 1, 'a'));
        h.store(kTohost, 8, command(1, 1, 'b'));
        QCOMPARE(h.console, std::string("ab"));
        QCOMPARE(h.load(kFromhost), command(1, 1, 0x100 | 'a'));
        h.store(kFromhost, 8, 0);  // the guest took the answer
        QCOMPARE(h.load(kFromhost), command(1, 1, 0x100 | 'b'));
        h.store(kFromhost, 8, 0);
        QCOMPARE(h.load(kFromhost), std::uint64_t{0});
        QCOMPARE(h.htifWrites, 4);
    }

    void waitingAnswersAreBounded() {
        Harness h;
        const int sent = static_cast<int>(Htif::kMaxPendingAnswers) + 500;
        for (int i = 0; i < sent; ++i) h.store(kTohost, 8, command(1, 1, 'x'));
        QCOMPARE(h.console.size(), std::size_t(sent));  // every byte printed
        std::size_t answers = 0;
        while (h.load(kFromhost) != 0) {
            ++answers;
            h.store(kFromhost, 8, 0);
        }
        // One in fromhost plus the bounded queue.
        QCOMPARE(answers, Htif::kMaxPendingAnswers + 1);
    }

    void startForgetsWaitingAnswers() {
        Harness h;
        h.store(kTohost, 8, command(1, 1, '1'));
        h.store(kTohost, 8, command(1, 1, '2'));
        h.htif.start();
        h.store(kFromhost, 8, 0);
        QCOMPARE(h.load(kFromhost), std::uint64_t{0});
    }

    void exitThroughTohost() {
        Harness h;
        h.store(kTohost, 8, (21 << 1) | 1);
        QCOMPARE(h.exits, (std::vector<int>{21}));
        QCOMPARE(h.load(kTohost), std::uint64_t{0});
        QCOMPARE(h.load(kFromhost), std::uint64_t{0});  // exit is not answered
        h.store(kTohost, 8, 1);
        QCOMPARE(h.exits, (std::vector<int>{21, 0}));
    }

    void hugeExitCodesStayNonZero() {
        Harness h;
        // payload >> 1 = 2^32: truncation to int would make it 0 (a pass).
        h.store(kTohost, 8, (std::uint64_t{1} << 33) | 1);
        QCOMPARE(h.exits, (std::vector<int>{INT_MAX}));
    }

    void rv32HalvesActOnTheHighHalf() {
        Harness h;
        // Console: sw low, then sw high.
        h.store(kTohost, 4, 'C');
        QCOMPARE(h.console, std::string());
        QCOMPARE(h.load(kTohost), std::uint64_t{'C'});  // still the guest's
        h.store(kTohost + 4, 4, 0x0101'0000);
        QCOMPARE(h.console, std::string("C"));
        QCOMPARE(h.load(kTohost), std::uint64_t{0});
        // riscv-tests' write_tohost: sw TESTNUM, tohost; sw zero, tohost + 4.
        h.store(kTohost, 4, (3 << 1) | 1);
        QVERIFY(h.exits.empty());
        h.store(kTohost + 4, 4, 0);
        QCOMPARE(h.exits, (std::vector<int>{3}));
    }

    void zeroWritesDoNothing() {
        Harness h;
        h.store(kTohost, 8, 0);
        h.store(kTohost + 4, 4, 0);
        QVERIFY(h.console.empty());
        QVERIFY(h.exits.empty());
        QCOMPARE(h.htifWrites, 2);
    }

    void otherStoresInThePageAreNotHtifs() {
        Harness h;
        h.store(kTohost - 8, 8, 0x1234);
        h.store(kTohost + 16, 8, command(1, 1, 'z'));
        h.store(kTohost + 0x800, 4, 1);
        QCOMPARE(h.htifWrites, 0);
        QVERIFY(!h.htif.onWrite(kTohost - 8, 8));
        QVERIFY(!h.htif.onWrite(kTohost + 16, 1));
        QVERIFY(h.htif.onWrite(kTohost + 7, 1));
        QVERIFY(h.htif.onWrite(kTohost - 4, 8));
        QVERIFY(h.console.empty());
    }

    void syscallWrite() {
        Harness h;
        std::memcpy(h.bus.ram().at(kBuffer), "hello", 5);
        h.magic({Htif::kSysWrite, 1, kBuffer, 5});
        h.store(kTohost, 8, kMagic);
        QCOMPARE(h.console, std::string("hello"));
        QCOMPARE(h.load(kMagic), std::uint64_t{5});  // the result
        QCOMPARE(h.load(kFromhost), std::uint64_t{1});
        QCOMPARE(h.load(kTohost), std::uint64_t{0});

        h.store(kFromhost, 8, 0);
        h.magic({Htif::kSysWrite, 2, kBuffer + 1, 3});  // stderr goes to the console too
        h.store(kTohost, 8, kMagic);
        QCOMPARE(h.console, std::string("helloell"));
    }

    void syscallErrors() {
        Harness h;
        auto call = [&](std::vector<std::uint64_t> words) -> std::int64_t {
            h.store(kFromhost, 8, 0);
            h.magic(std::move(words));
            h.store(kTohost, 8, kMagic);
            if (h.load(kFromhost) != 1) QTest::qFail("no answer in fromhost", __FILE__, __LINE__);
            return static_cast<std::int64_t>(h.load(kMagic));
        };
        QCOMPARE(call({Htif::kSysWrite, 3, kBuffer, 1}), std::int64_t{-9});      // EBADF
        QCOMPARE(call({Htif::kSysWrite, 1, 0x1000, 4}), std::int64_t{-14});      // EFAULT
        QCOMPARE(call({Htif::kSysWrite, 1, kBuffer, kRamSize}), std::int64_t{-14});
        QCOMPARE(call({1024}), std::int64_t{-38});                                // ENOSYS (open)
        QCOMPARE(call({Htif::kSysWrite, 1, kBuffer, 0}), std::int64_t{0});
        QVERIFY(h.console.empty());
        QVERIFY(h.exits.empty());
    }

    void syscallBlockOutsideRam() {
        Harness h;
        // An even payload pointing nowhere: answered, nothing written, no crash.
        h.store(kTohost, 8, 0x1000);
        QCOMPARE(h.load(kFromhost), std::uint64_t{1});
        h.store(kFromhost, 8, 0);
        h.store(kTohost, 8, memory_map::kRamBase + kRamSize - 32);  // block runs off the end
        QCOMPARE(h.load(kFromhost), std::uint64_t{1});
    }

    void syscallExit() {
        Harness h;
        h.magic({Htif::kSysExit, 42});
        h.store(kTohost, 8, kMagic);
        h.magic({Htif::kSysExit, static_cast<std::uint64_t>(-1)});
        h.store(kTohost, 8, kMagic);
        QCOMPARE(h.exits, (std::vector<int>{42, -1}));
    }

    void rv32SyscallPointer() {
        Harness h;
        std::memcpy(h.bus.ram().at(kBuffer), "32", 2);
        h.magic({Htif::kSysWrite, 1, kBuffer, 2});
        h.store(kTohost, 4, static_cast<std::uint32_t>(kMagic));
        QVERIFY(h.console.empty());
        h.store(kTohost + 4, 4, 0);
        QCOMPARE(h.console, std::string("32"));
    }

    void getcharAndUnknownCommandsAreTakenSilently() {
        Harness h;
        h.store(kTohost, 8, command(1, 0, 0));  // getchar: no input, no answer
        QCOMPARE(h.load(kTohost), std::uint64_t{0});
        QCOMPARE(h.load(kFromhost), std::uint64_t{0});
        h.store(kTohost, 8, command(7, 3, 0x55));  // no such device
        QCOMPARE(h.load(kTohost), std::uint64_t{0});
        QCOMPARE(h.load(kFromhost), std::uint64_t{0});
        QVERIFY(h.console.empty());
        QVERIFY(h.exits.empty());
    }

    void withoutFromhost() {
        Harness h(std::nullopt);
        h.store(kTohost, 8, command(1, 1, 'n'));
        QCOMPARE(h.console, std::string("n"));
        QCOMPARE(h.load(kTohost), std::uint64_t{0});
        QCOMPARE(h.load(kFromhost), std::uint64_t{0});  // nothing written there
        h.store(kTohost, 8, 5);
        QCOMPARE(h.exits, (std::vector<int>{2}));
    }
};

QTEST_APPLESS_MAIN(HtifTest)
#include "HtifTest.moc"
