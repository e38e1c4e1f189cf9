// The initial stack of a new process, read back word by word as a C
// library's start-up code reads it (System V ABI "Process Initialization").

#include <QtTest>

#include <elf.h>

#include <cstring>
#include <stdexcept>

#include "linux/InitialStack.h"

using namespace glasshart;

namespace {

constexpr std::uint64_t kTop = 0x8000'0000;

struct Reader {
    const InitialStack& stack;
    unsigned wordBytes;

    [[nodiscard]] const std::uint8_t* at(std::uint64_t address) const {
        return stack.bytes.data() + (address - stack.stackPointer);
    }
    [[nodiscard]] std::uint64_t word(std::uint64_t address) const {
        std::uint64_t value = 0;
        std::memcpy(&value, at(address), wordBytes);
        return value;
    }
    [[nodiscard]] QString string(std::uint64_t address) const {
        return QString::fromUtf8(reinterpret_cast<const char*>(at(address)));
    }
};

InitialStackContents sample() {
    InitialStackContents contents;
    contents.arguments = {"/bin/program", "first", ""};
    contents.environment = {"HOME=/root", "LANG=C.UTF-8"};
    contents.executableName = "/bin/program";
    for (std::size_t i = 0; i < contents.random.size(); ++i) contents.random[i] = static_cast<std::uint8_t>(0xa0 + i);
    contents.auxiliary = {{AT_PAGESZ, 4096}, {AT_ENTRY, 0x10570}};
    return contents;
}

}  // namespace

class InitialStackTest : public QObject {
    Q_OBJECT

private slots:
    void layout_data() {
        QTest::addColumn<int>("xlen");
        QTest::newRow("rv64") << 64;
        QTest::newRow("rv32") << 32;
    }

    void layout() {
        QFETCH(int, xlen);
        const unsigned wordBytes = xlen / 8;
        const InitialStackContents contents = sample();
        const InitialStack stack =
            buildInitialStack(contents, kTop, xlen == 64 ? Xlen::Rv64 : Xlen::Rv32, 1 << 20);
        QCOMPARE(stack.stackPointer % 16, std::uint64_t{0});  // the psABI's stack alignment
        QCOMPARE(stack.stackPointer + stack.bytes.size(), kTop);
        const Reader read{stack, wordBytes};
        std::uint64_t at = stack.stackPointer;
        QCOMPARE(read.word(at), std::uint64_t{3});  // argc
        at += wordBytes;
        for (const std::string& argument : contents.arguments) {
            QCOMPARE(read.string(read.word(at)), QString::fromStdString(argument));
            at += wordBytes;
        }
        QCOMPARE(read.word(at), std::uint64_t{0});
        at += wordBytes;
        for (const std::string& variable : contents.environment) {
            QCOMPARE(read.string(read.word(at)), QString::fromStdString(variable));
            at += wordBytes;
        }
        QCOMPARE(read.word(at), std::uint64_t{0});
        at += wordBytes;
        QMap<std::uint64_t, std::uint64_t> auxiliary;
        std::uint64_t type = 0;
        do {
            type = read.word(at);
            auxiliary.insert(type, read.word(at + wordBytes));
            at += 2 * wordBytes;
        } while (type != AT_NULL);
        QCOMPARE(auxiliary.value(AT_PAGESZ), std::uint64_t{4096});
        QCOMPARE(auxiliary.value(AT_ENTRY), std::uint64_t{0x10570});
        QVERIFY(auxiliary.contains(AT_RANDOM) && auxiliary.contains(AT_EXECFN));
        QCOMPARE(std::memcmp(read.at(auxiliary.value(AT_RANDOM)), contents.random.data(), 16), 0);
        QCOMPARE(read.string(auxiliary.value(AT_EXECFN)), QStringLiteral("/bin/program"));
        // Everything lies inside the stack, above the vectors.
        QVERIFY(auxiliary.value(AT_RANDOM) >= at && auxiliary.value(AT_EXECFN) < kTop);
    }

    void tooMuchIsRefused() {
        InitialStackContents contents = sample();
        contents.environment.push_back("BIG=" + std::string(5000, 'x'));
        QVERIFY_THROWS_EXCEPTION(std::length_error, buildInitialStack(contents, kTop, Xlen::Rv64, 4096));
    }
};

QTEST_GUILESS_MAIN(InitialStackTest)
#include "InitialStackTest.moc"
