// The interpreter and the translator running the same Linux programs side
// by side in user mode: both machines run the same number of instructions
// at a time and must then agree on every register, on every system call
// made so far, and in the end on memory, output and exit status. The
// processes are deterministic (seeded random bytes, a clock that follows
// the instruction count), so nothing but the engines can tell them apart.

#include <QFile>
#include <QtTest>

#include <cstring>
#include <memory>
#include <sstream>

#include "dbt/Dispatcher.h"
#include "linux/AddressSpace.h"
#include "linux/LinuxProcess.h"
#include "machine/Machine.h"

using namespace glasshart;

namespace {

// Instructions between comparisons: a prime, so that they fall at every
// kind of place in the programs' blocks.
constexpr std::uint64_t kStride = 997;
constexpr std::uint64_t kMaxInstructions = 200'000'000;

// A guest of tests/linux-user: "hello" is the RV64 hello-linux-rv64, a name
// with its XLEN ("rv32_echo-linux-rv32") is taken as it is.
QString guestPath(const QString& name) {
    const QString file = name.contains(QStringLiteral("-linux-")) ? name : name + QStringLiteral("-linux-rv64");
    return QStringLiteral(GLASSHART_GUEST_DIR "/") + file;
}

// Standard streams in memory: a fixed input, the output collected.
class BufferConsole final : public Console {
public:
    explicit BufferConsole(QByteArray input) : input_(std::move(input)) {}
    void write(std::span<const std::uint8_t> bytes) override {
        output_.append(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
    }
    std::optional<std::size_t> read(std::span<std::uint8_t> buffer) override {
        const auto count = std::min<std::size_t>(buffer.size(), static_cast<std::size_t>(input_.size() - position_));
        std::memcpy(buffer.data(), input_.constData() + position_, count);
        position_ += static_cast<qsizetype>(count);
        return count;
    }
    [[nodiscard]] const QByteArray& output() const { return output_; }

private:
    QByteArray input_;
    qsizetype position_ = 0;
    QByteArray output_;
};

struct Process {
    std::unique_ptr<Machine> machine;
    std::shared_ptr<BufferConsole> console;
    std::shared_ptr<std::vector<SyscallRecord>> calls = std::make_shared<std::vector<SyscallRecord>>();
};

Process start(const ElfImage& program, const QStringList& arguments, const QByteArray& input, Engine engine) {
    Process process;
    process.console = std::make_shared<BufferConsole>(input);
    ProcessOptions options;
    options.arguments.push_back(program.fileName());
    for (const QString& argument : arguments) options.arguments.push_back(argument.toStdString());
    options.environment = {"PATH=/usr/bin:/bin", "GLASSHART_ONE=1", "LANG=C"};
    options.executablePath = program.fileName();
    options.console = process.console;
    options.deterministic = true;
    auto linuxProcess = std::make_unique<LinuxProcess>(program, options);
    linuxProcess->setSyscallObserver([calls = process.calls](const SyscallRecord& call) { calls->push_back(call); });
    process.machine = std::make_unique<Machine>(userModeConfig(program.xlen(), engine, 16u << 20), [](std::uint8_t) {});
    process.machine->load(program, std::move(linuxProcess));
    return process;
}

std::string differences(const HartState& expected, const HartState& actual) {
    std::ostringstream out;
    out << std::hex;
    auto field = [&](const std::string& name, std::uint64_t e, std::uint64_t a) {
        if (e != a) out << "  " << name << ": interpreter 0x" << e << ", translator 0x" << a << '\n';
    };
    for (unsigned i = 0; i < 32; ++i) field("x" + std::to_string(i), expected.x[i], actual.x[i]);
    for (unsigned i = 0; i < 32; ++i) field("f" + std::to_string(i), expected.f[i], actual.f[i]);
    field("pc", expected.pc, actual.pc);
    field("retired", expected.retired, actual.retired);
    field("fflags", expected.fflags, actual.fflags);
    field("frm", expected.frm, actual.frm);
    field("privilege", static_cast<unsigned>(expected.privilege), static_cast<unsigned>(actual.privilege));
    field("mstatus", expected.csr.mstatus, actual.csr.mstatus);
    field("reservationValid", expected.reservationValid, actual.reservationValid);
    field("reservationAddress", expected.reservationAddress, actual.reservationAddress);
    return out.str();
}

bool sameCall(const SyscallRecord& a, const SyscallRecord& b) {
    return a.number == b.number && a.arguments == b.arguments && a.result == b.result && a.pc == b.pc;
}

// The memory the programs use: the program and its break at the bottom,
// the stack and the mmap area at the top.
bool sameMemory(Machine& a, Machine& b) {
    const std::uint64_t bottom = address_space::kBase;
    const std::uint64_t top = address_space::kMmapTop - (64ull << 20);
    return std::memcmp(a.bus().ram().at(bottom), b.bus().ram().at(bottom), 32ull << 20) == 0 &&
           std::memcmp(a.bus().ram().at(top), b.bus().ram().at(top), address_space::kEnd - top) == 0;
}

}  // namespace

class UserModeDifferentialTest : public QObject {
    Q_OBJECT

private slots:
    void lockstep_data();
    void lockstep();
    void cleanupTestCase();

private:
    std::uint64_t compared_ = 0;
};

void UserModeDifferentialTest::lockstep_data() {
    QTest::addColumn<QString>("guest");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    const QString data = QStringLiteral(GLASSHART_LINUX_USER_DATA);
    QTest::newRow("hello") << QStringLiteral("hello") << QStringList{} << QByteArray();
    QTest::newRow("arguments") << QStringLiteral("arguments") << QStringList{QStringLiteral("a"), QStringLiteral("b c")}
                               << QByteArray();
    QTest::newRow("memory") << QStringLiteral("memory") << QStringList{} << QByteArray();
    QTest::newRow("files") << QStringLiteral("files")
                           << QStringList{QStringLiteral("file"), data + QStringLiteral("/poem.txt"),
                                          QStringLiteral("dir"), data}
                           << QByteArray();
    QTest::newRow("vectored") << QStringLiteral("vectored") << QStringList{data + QStringLiteral("/poem.txt")}
                              << QByteArray();
    QTest::newRow("iostream") << QStringLiteral("iostream") << QStringList{} << QByteArrayLiteral("1 2 3 x y x\n");
    QTest::newRow("exceptions") << QStringLiteral("exceptions") << QStringList{} << QByteArray();
    QTest::newRow("terminate") << QStringLiteral("terminate") << QStringList{} << QByteArray();
    QTest::newRow("signals") << QStringLiteral("signals") << QStringList{} << QByteArray();
    QTest::newRow("segfault") << QStringLiteral("segfault") << QStringList{} << QByteArray();
    QTest::newRow("null call") << QStringLiteral("segfault") << QStringList{QStringLiteral("call")} << QByteArray();
    QTest::newRow("floating") << QStringLiteral("floating") << QStringList{} << QByteArray();
    QTest::newRow("stdin") << QStringLiteral("stdin_upper") << QStringList{} << QByteArrayLiteral("abc\ndef\n");
    QTest::newRow("clocks") << QStringLiteral("clocks") << QStringList{} << QByteArray();
    QTest::newRow("rv32") << QStringLiteral("rv32_echo-linux-rv32") << QStringList{QStringLiteral("x")} << QByteArray();
}

void UserModeDifferentialTest::lockstep() {
    QFETCH(QString, guest);
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    const ElfImage program = ElfImage::load(guestPath(guest).toStdString());
    Process reference = start(program, arguments, input, Engine::Interpreter);
    Process translated = start(program, arguments, input, Engine::Translator);
    RunResult expected;
    RunResult actual;
    do {
        expected = reference.machine->run(kStride);
        actual = translated.machine->run(kStride);
        const std::string diff = differences(reference.machine->state(), translated.machine->state());
        QVERIFY2(diff.empty(), qPrintable(QStringLiteral("%1: state differs after %2 instructions:\n%3")
                                              .arg(guest)
                                              .arg(reference.machine->state().retired)
                                              .arg(QString::fromStdString(diff))));
        QCOMPARE(translated.calls->size(), reference.calls->size());
        if (!reference.calls->empty()) QVERIFY(sameCall(reference.calls->back(), translated.calls->back()));
        QVERIFY2(reference.machine->state().retired < kMaxInstructions, "the program ran away");
    } while (expected.reason == StopReason::BudgetExhausted && actual.reason == StopReason::BudgetExhausted);
    QCOMPARE(static_cast<int>(actual.reason), static_cast<int>(StopReason::GuestExit));
    QCOMPARE(static_cast<int>(expected.reason), static_cast<int>(StopReason::GuestExit));
    QCOMPARE(actual.exitCode, expected.exitCode);
    QCOMPARE(translated.console->output(), reference.console->output());
    QVERIFY(!reference.console->output().isEmpty());
    QVERIFY(sameMemory(*reference.machine, *translated.machine));
    QVERIFY(translated.machine->dispatcher()->cache().statistics().blocksTranslated > 0);
    compared_ += reference.machine->state().retired;
}

void UserModeDifferentialTest::cleanupTestCase() {
    qInfo("compared %llu guest instructions every %llu, zero mismatches", static_cast<unsigned long long>(compared_),
          static_cast<unsigned long long>(kStride));
}

QTEST_GUILESS_MAIN(UserModeDifferentialTest)
#include "UserModeDifferentialTest.moc"
