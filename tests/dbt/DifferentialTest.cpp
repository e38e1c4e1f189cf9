// Interpreter versus translator on random instruction streams: the full
// architectural state must agree at every block boundary.

#include <QtTest>

#include <cstdlib>
#include <cstring>
#include <limits>
#include <sstream>

#include "RandomProgram.h"
#include "dbt/Dispatcher.h"

using namespace glasshart;
using namespace glasshart::test;

namespace {

// Every field of HartState that software can observe, by name.
std::string differences(const HartState& expected, const HartState& actual) {
    std::ostringstream out;
    out << std::hex;
    auto field = [&](const char* name, std::uint64_t e, std::uint64_t a) {
        if (e != a) out << "  " << name << ": interpreter 0x" << e << ", translator 0x" << a << '\n';
    };
    for (unsigned i = 0; i < 32; ++i) field(("x" + std::to_string(i)).c_str(), expected.x[i], actual.x[i]);
    field("pc", expected.pc, actual.pc);
    field("retired", expected.retired, actual.retired);
    field("idle", expected.idle, actual.idle);
    field("privilege", static_cast<unsigned>(expected.privilege), static_cast<unsigned>(actual.privilege));
    field("waitingForInterrupt", expected.waitingForInterrupt, actual.waitingForInterrupt);
    field("reservationValid", expected.reservationValid, actual.reservationValid);
    field("reservationAddress", expected.reservationAddress, actual.reservationAddress);
    const MachineCsrs& e = expected.csr;
    const MachineCsrs& a = actual.csr;
    field("mstatus", e.mstatus, a.mstatus);
    field("misa", e.misa, a.misa);
    field("mie", e.mie, a.mie);
    field("mtvec", e.mtvec, a.mtvec);
    field("mscratch", e.mscratch, a.mscratch);
    field("mepc", e.mepc, a.mepc);
    field("mcause", e.mcause, a.mcause);
    field("mtval", e.mtval, a.mtval);
    field("mcountinhibit", e.mcountinhibit, a.mcountinhibit);
    field("minstret.base", expected.minstret.base, actual.minstret.base);
    field("minstret.sourceAtBase", expected.minstret.sourceAtBase, actual.minstret.sourceAtBase);
    field("mcycle.base", expected.mcycle.base, actual.mcycle.base);
    field("mcycle.sourceAtBase", expected.mcycle.sourceAtBase, actual.mcycle.sourceAtBase);
    return out.str();
}

MachineConfig configFor(Xlen xlen, Engine engine) {
    MachineConfig config;
    config.xlen = xlen;
    config.engine = engine;
    config.ramSize = 4ull << 20;
    config.translationCacheSize = 1ull << 20;
    return config;
}

std::uint32_t baseSeed() {
    if (const char* text = std::getenv("GLASSHART_DIFFERENTIAL_SEED")) return static_cast<std::uint32_t>(std::strtoul(text, nullptr, 0));
    return 20261126;
}

bool sameData(Machine& a, Machine& b) {
    return std::memcmp(a.bus().ram().at(kDataBase), b.bus().ram().at(kDataBase), kDataSize) == 0 &&
           std::memcmp(a.bus().ram().at(kCodeBase), b.bus().ram().at(kCodeBase), 0x1000) == 0;
}

}  // namespace

class DifferentialTest : public QObject {
    Q_OBJECT

private slots:
    void blockByBlock_data();
    void blockByBlock();
    void chainedRunMatches_data() { blockByBlock_data(); }
    void chainedRunMatches();
    void cleanupTestCase();

private:
    std::uint64_t comparedInstructions_ = 0;
    std::uint64_t comparedBlocks_ = 0;
};

// Programs per XLEN and their shape: ~1.2 million compared instructions.
constexpr unsigned kPrograms = 50;
constexpr unsigned kSlots = 240;
constexpr unsigned kIterations = 50;
// An escaped program (a random store rewrote its loop) stops here.
constexpr std::uint64_t kMaxInstructions = 40'000;

void DifferentialTest::blockByBlock_data() {
    QTest::addColumn<int>("xlen");
    QTest::addColumn<unsigned>("seed");
    for (const int xlen : {64, 32}) {
        for (unsigned i = 0; i < kPrograms; ++i) {
            const unsigned seed = baseSeed() + i * 7919u + static_cast<unsigned>(xlen);
            QTest::addRow("rv%d-seed-%u", xlen, seed) << xlen << seed;
        }
    }
}

void DifferentialTest::blockByBlock() {
    QFETCH(int, xlen);
    QFETCH(unsigned, seed);
    const Xlen width = xlen == 64 ? Xlen::Rv64 : Xlen::Rv32;
    const RandomProgram program = makeRandomProgram(seed, width, kSlots, kIterations);
    Machine reference(configFor(width, Engine::Interpreter), [](std::uint8_t) {});
    Machine translated(configFor(width, Engine::Translator), [](std::uint8_t) {});
    install(program, reference);
    install(program, translated);
    Dispatcher& dispatcher = *translated.dispatcher();
    dispatcher.setChaining(false);  // every block comes back, so every boundary is compared

    HartState& expected = reference.state();
    HartState& actual = translated.state();
    while (actual.pc != program.end && actual.retired < kMaxInstructions) {
        const std::uint64_t blockPc = actual.pc;
        actual.eventAt = std::numeric_limits<std::uint64_t>::max();
        dispatcher.runOneBlock();
        // The interpreter catches up: the same retired count and pc, within
        // the length of one block (plus a trap).
        for (unsigned steps = 0; (expected.retired != actual.retired || expected.pc != actual.pc) && steps < 70; ++steps) {
            reference.interpreter().step();
        }
        const std::string diff = differences(expected, actual);
        if (!diff.empty()) {
            QFAIL(qPrintable(QStringLiteral("seed %1 (rv%2): state differs after the block at 0x%3:\n%4")
                                 .arg(seed).arg(xlen).arg(blockPc, 0, 16).arg(QString::fromStdString(diff))));
        }
        ++comparedBlocks_;
    }
    QVERIFY2(sameData(reference, translated), qPrintable(QStringLiteral("seed %1: memory differs").arg(seed)));
    QVERIFY2(actual.retired > kIterations, "the program ran");
    comparedInstructions_ += actual.retired;
}

void DifferentialTest::chainedRunMatches() {
    // The same programs with chaining and the jump cache on, run as the
    // machine normally runs: the end state must equal the interpreter's.
    QFETCH(int, xlen);
    QFETCH(unsigned, seed);
    const Xlen width = xlen == 64 ? Xlen::Rv64 : Xlen::Rv32;
    const RandomProgram program = makeRandomProgram(seed, width, kSlots, kIterations);
    Machine reference(configFor(width, Engine::Interpreter), [](std::uint8_t) {});
    Machine translated(configFor(width, Engine::Translator), [](std::uint8_t) {});
    install(program, reference);
    install(program, translated);
    // Run to the end loop (or the cap), then the same count on both.
    std::uint64_t budget = 0;
    while (reference.state().pc != program.end && budget < kMaxInstructions) {
        reference.interpreter().step();
        budget = reference.state().retired;
    }
    const RunResult result = translated.run(budget);
    QCOMPARE(static_cast<int>(result.reason), static_cast<int>(StopReason::BudgetExhausted));
    const std::string diff = differences(reference.state(), translated.state());
    QVERIFY2(diff.empty(), qPrintable(QStringLiteral("seed %1 (rv%2): end state differs:\n%3")
                                          .arg(seed).arg(xlen).arg(QString::fromStdString(diff))));
    QVERIFY2(sameData(reference, translated), qPrintable(QStringLiteral("seed %1: memory differs").arg(seed)));
    QVERIFY(translated.dispatcher()->cache().statistics().chainsMade > 0);
    comparedInstructions_ += budget;
}

void DifferentialTest::cleanupTestCase() {
    qInfo("compared %llu guest instructions (%llu blocks one by one), zero mismatches",
          static_cast<unsigned long long>(comparedInstructions_), static_cast<unsigned long long>(comparedBlocks_));
}

QTEST_GUILESS_MAIN(DifferentialTest)
#include "DifferentialTest.moc"
