// TerminalConsole: a tty's canonical mode as termios(3) describes it (echo,
// erase, kill, end of file, one line per read).

#include <QtTest>

#include <string>

#include "linux/TerminalConsole.h"

using namespace glasshart;

namespace {

struct Terminal {
    std::string shown;
    TerminalConsole console{[this](std::span<const std::uint8_t> bytes) { shown.append(bytes.begin(), bytes.end()); }};

    void type(const std::string& keys) {
        for (const char key : keys) console.type(static_cast<std::uint8_t>(key));
    }
    // One read of up to `size` bytes: the text, or "<wait>" when there is none yet.
    std::string read(std::size_t size = 64) {
        std::string buffer(size, '\0');
        const auto got = console.read(std::span(reinterpret_cast<std::uint8_t*>(buffer.data()), size));
        if (!got) return "<wait>";
        buffer.resize(*got);
        return buffer;
    }
};

}  // namespace

class TerminalConsoleTest : public QObject {
    Q_OBJECT

private slots:
    void aLineIsReadableOnlyWhenEntered() {
        Terminal t;
        t.type("ab");
        QCOMPARE(t.read(), std::string("<wait>"));
        t.type("\r");
        QCOMPARE(t.read(), std::string("ab\n"));
        QCOMPARE(t.shown, std::string("ab\n"));  // echoed, Enter as a new line
        QCOMPARE(t.read(), std::string("<wait>"));
    }

    void eraseAndKillEditTheLine() {
        Terminal t;
        t.type("abc\x7f" "d\x08" "e\r");
        QCOMPARE(t.read(), std::string("abe\n"));
        QCOMPARE(t.shown, std::string("abc\b \bd\b \be\n"));
        t.type("wrong\x15right\r");
        QCOMPARE(t.read(), std::string("right\n"));
        t.type("\xc3\xa9\x7f" "e\r");  // é is two bytes, one character
        QCOMPARE(t.read(), std::string("e\n"));
    }

    void readsStopAtTheEndOfALine() {
        Terminal t;
        t.type("one\rtwo\r");
        QCOMPARE(t.read(2), std::string("on"));
        QCOMPARE(t.read(), std::string("e\n"));
        QCOMPARE(t.read(), std::string("two\n"));
    }

    void controlDEndsInputAfterWhatCameBefore() {
        Terminal t;
        t.type("partial\x04");  // hands over the line without a newline
        QCOMPARE(t.read(), std::string("partial"));
        t.type("last\r\x04");
        QCOMPARE(t.read(), std::string("last\n"));
        QCOMPARE(t.read(), std::string());  // end of input: a read of 0
        QCOMPARE(t.read(), std::string("<wait>"));
    }

    void controlCDropsTheLine() {
        Terminal t;
        t.type("abc\x03" "x\r");
        QCOMPARE(t.read(), std::string("x\n"));
        QVERIFY(t.shown.find("^C\n") != std::string::npos);
        t.type("typed");
        t.console.clear();
        t.type("\r");
        QCOMPARE(t.read(), std::string("\n"));
    }
};

QTEST_GUILESS_MAIN(TerminalConsoleTest)
#include "TerminalConsoleTest.moc"
