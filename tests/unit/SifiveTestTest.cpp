// The sifive_test finisher: pass, fail with a code, reset, and what it ignores.
#include <QtTest>

#include <cstdint>
#include <vector>

#include "dev/SifiveTest.h"

using glasshart::FinisherRequest;
using glasshart::SifiveTest;

namespace {

struct Harness {
    Harness() : device([this](FinisherRequest request) { requests.push_back(request); }) {}
    std::vector<FinisherRequest> requests;
    SifiveTest device;
};

}  // namespace

class SifiveTestTest : public QObject {
    Q_OBJECT

private slots:
    void name() {
        Harness h;
        QCOMPARE(h.device.name(), std::string_view("test"));
    }

    void pass() {
        Harness h;
        QVERIFY(h.device.write(0, 4, 0x5555));
        QCOMPARE(h.requests.size(), std::size_t{1});
        QVERIFY(h.requests[0].kind == FinisherRequest::Kind::Pass);
        QCOMPARE(h.requests[0].code, std::uint16_t{0});
    }

    void failCarriesTheCode() {
        Harness h;
        QVERIFY(h.device.write(0, 4, (std::uint64_t{3} << 16) | 0x3333));
        QVERIFY(h.device.write(0, 4, (std::uint64_t{0xffff} << 16) | 0x3333));
        QVERIFY(h.device.write(0, 4, 0x3333));
        QCOMPARE(h.requests.size(), std::size_t{3});
        QVERIFY(h.requests[0].kind == FinisherRequest::Kind::Fail);
        QCOMPARE(h.requests[0].code, std::uint16_t{3});
        QCOMPARE(h.requests[1].code, std::uint16_t{0xffff});
        QVERIFY(h.requests[2].kind == FinisherRequest::Kind::Fail);  // code 0 stays a Fail
        QCOMPARE(h.requests[2].code, std::uint16_t{0});
    }

    void reset() {
        Harness h;
        QVERIFY(h.device.write(0, 4, 0x7777));
        QCOMPARE(h.requests.size(), std::size_t{1});
        QVERIFY(h.requests[0].kind == FinisherRequest::Kind::Reset);
    }

    void onlyTheLowHalfSelects() {
        Harness h;
        QVERIFY(h.device.write(0, 4, 0x0042'5555));  // QEMU: still a pass
        QCOMPARE(h.requests.size(), std::size_t{1});
        QVERIFY(h.requests[0].kind == FinisherRequest::Kind::Pass);
    }

    void ignoresOtherValuesAndOffsets() {
        Harness h;
        for (std::uint64_t value : {0x0ull, 0x1234ull, 0x5554ull, 0x3332ull, 0x7778ull, 0x5555'0000ull}) {
            QVERIFY(h.device.write(0, 4, value));
        }
        QVERIFY(h.device.write(4, 4, 0x5555));
        QVERIFY(h.device.write(0xffc, 4, 0x3333));
        QVERIFY(h.requests.empty());
    }

    void halfwordStoresWork() {
        Harness h;
        QVERIFY(h.device.write(0, 2, 0x5555));
        QCOMPARE(h.requests.size(), std::size_t{1});
        QVERIFY(h.requests[0].kind == FinisherRequest::Kind::Pass);
        QVERIFY(h.device.write(2, 2, 0x5555));  // offset 2 is not the command word
        QCOMPARE(h.requests.size(), std::size_t{1});
    }

    void byteAndDoublewordAccessesFault() {
        Harness h;
        std::uint64_t value = 1;
        QVERIFY(!h.device.write(0, 1, 0x55));
        QVERIFY(!h.device.write(0, 8, 0x5555));
        QVERIFY(!h.device.read(0, 1, value));
        QVERIFY(!h.device.read(0, 8, value));
        QVERIFY(h.requests.empty());
    }

    void readsReturnZero() {
        Harness h;
        std::uint64_t value = 1;
        QVERIFY(h.device.read(0, 4, value));
        QCOMPARE(value, std::uint64_t{0});
        value = 1;
        QVERIFY(h.device.read(0x10, 2, value));
        QCOMPARE(value, std::uint64_t{0});
    }
};

QTEST_APPLESS_MAIN(SifiveTestTest)
#include "SifiveTestTest.moc"
