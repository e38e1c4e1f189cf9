// Breakpoints and single steps, under both engines, on a real guest.

#include <QtTest>

#include "machine/Machine.h"

using namespace glasshart;

namespace {

ElfImage guest(const char* name) { return ElfImage::load(std::string(GLASSHART_GUEST_DIR) + "/" + name); }

std::unique_ptr<Machine> machineFor(const ElfImage& program, Engine engine) {
    MachineConfig config;
    config.xlen = program.xlen();
    config.engine = engine;
    auto machine = std::make_unique<Machine>(config, [](std::uint8_t) {});
    machine->load(program);
    return machine;
}

// Runs until something other than the budget stops the machine.
RunResult runToStop(Machine& machine) {
    for (int slices = 0; slices < 10'000; ++slices) {
        const RunResult result = machine.run(1u << 20);
        if (result.reason != StopReason::BudgetExhausted && result.reason != StopReason::Idle) return result;
    }
    return RunResult{StopReason::BudgetExhausted, 0};
}

}  // namespace

class BreakpointTest : public QObject {
    Q_OBJECT

private slots:
    void stopsExactlyAtBreakpoints_data();
    void stopsExactlyAtBreakpoints();
    void stepsMatchAcrossEngines_data() { stopsExactlyAtBreakpoints_data(); }
    void stepsMatchAcrossEngines();
};

void BreakpointTest::stopsExactlyAtBreakpoints_data() {
    QTest::addColumn<QString>("elf");
    QTest::newRow("rv64") << "muldiv-rv64.elf";
    QTest::newRow("rv32") << "muldiv-rv32.elf";
}

void BreakpointTest::stopsExactlyAtBreakpoints() {
    QFETCH(QString, elf);
    const ElfImage program = guest(qPrintable(elf));
    const auto target = program.symbolAddress("guest_check");
    QVERIFY2(target, "the guest has a guest_check function");
    std::uint64_t retiredAtStop[2] = {};
    int hits[2] = {};
    for (const Engine engine : {Engine::Interpreter, Engine::Translator}) {
        const auto machine = machineFor(program, engine);
        machine->addBreakpoint(*target);
        const int index = engine == Engine::Translator ? 1 : 0;
        RunResult result = runToStop(*machine);
        QCOMPARE(static_cast<int>(result.reason), static_cast<int>(StopReason::Breakpoint));
        QCOMPARE(machine->state().pc, *target);
        retiredAtStop[index] = machine->state().retired;
        // Continue: each later call of guest_check stops again, until exit.
        for (hits[index] = 1; (result = runToStop(*machine)).reason == StopReason::Breakpoint; ++hits[index]) {
            QCOMPARE(machine->state().pc, *target);
        }
        QCOMPARE(static_cast<int>(result.reason), static_cast<int>(StopReason::GuestExit));
        QCOMPARE(result.exitCode, 0);
    }
    QCOMPARE(retiredAtStop[1], retiredAtStop[0]);
    QCOMPARE(hits[1], hits[0]);
    QVERIFY(hits[0] > 1);
}

void BreakpointTest::stepsMatchAcrossEngines() {
    QFETCH(QString, elf);
    const ElfImage program = guest(qPrintable(elf));
    const auto interpreted = machineFor(program, Engine::Interpreter);
    const auto translated = machineFor(program, Engine::Translator);
    // Warm the translator's cache first so stepping interleaves with translated code.
    QCOMPARE(static_cast<int>(translated->run(5000).reason), static_cast<int>(StopReason::BudgetExhausted));
    QCOMPARE(static_cast<int>(interpreted->run(5000).reason), static_cast<int>(StopReason::BudgetExhausted));
    for (int i = 0; i < 2000; ++i) {
        const std::uint64_t before = translated->state().retired;
        translated->step();
        interpreted->step();
        QVERIFY(translated->state().retired - before <= 1);  // exactly one instruction (none if it trapped)
        QCOMPARE(translated->state().pc, interpreted->state().pc);
        QCOMPARE(translated->state().retired, interpreted->state().retired);
        QVERIFY(translated->state().x == interpreted->state().x);
    }
    QCOMPARE(translated->state().retired, std::uint64_t{7000});
}

QTEST_GUILESS_MAIN(BreakpointTest)
#include "BreakpointTest.moc"
