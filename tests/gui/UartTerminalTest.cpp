// The UART terminal on the real widget: output arrives as the Inspector's
// uartOutput signal and is checked in the document; keys are typed with
// QTest and the bytes meant for the guest are caught on inputTyped.

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTextBlock>
#include <QVBoxLayout>
#include <QtTest>

#include "Inspector.h"
#include "panes/UartTerminal.h"

using namespace glasshart;

class UartTerminalTest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void crLfEndsLines();
    void bareLfStartsAtColumnZero();
    void carriageReturnOverwrites();
    void backspaceMovesLeftWithoutErasing();
    void tabsStopEveryEightColumns();
    void escapeSequencesAreDroppedOrInterpreted();
    void splitSequencesAcrossChunks();
    void eraseDisplayClears();
    void cursorMovesOnTheScreen();
    void rowsBelowTheScreenAppearWhenTheCursorGoesThere();
    void homeAndEraseBelowClearsLikeBusyboxClear();
    void eraseBelowFromTheMiddleOfTheScreen();
    void savedCursorComesBack();
    void cursorPositionRequestsAreAnswered();
    void theScreenIsTheLastRowsOnly();
    void scrollbackIsBounded();
    void longLinesWrap();
    void printableKeysSendUtf8();
    void specialKeysSendTerminalCodes();
    void ctrlTabLeavesTheTerminal();
    void controlLettersSendControlCodes();
    void nothingIsEchoedLocally();
    void pasteSendsClipboard();
    void clearActionEmptiesTheTerminal();
    void outputFollowsTheEndUnlessScrolledUp();

private:
    void show(const QByteArray& bytes) { emit inspector_->uartOutput(bytes); }
    [[nodiscard]] QString text() const { return terminal_->toPlainText(); }
    [[nodiscard]] QByteArray typed() const;

    std::unique_ptr<Inspector> inspector_;
    std::unique_ptr<UartTerminal> terminal_;
    std::unique_ptr<QSignalSpy> input_;
    std::unique_ptr<QSignalSpy> replies_;
};

void UartTerminalTest::init() {
    inspector_ = std::make_unique<Inspector>();
    terminal_ = std::make_unique<UartTerminal>(*inspector_);
    terminal_->resize(640, 400);
    terminal_->show();
    terminal_->activateWindow();
    terminal_->setFocus();
    QVERIFY(QTest::qWaitForWindowActive(terminal_.get()));
    input_ = std::make_unique<QSignalSpy>(terminal_.get(), &UartTerminal::inputTyped);
    replies_ = std::make_unique<QSignalSpy>(terminal_.get(), &UartTerminal::replied);
}

void UartTerminalTest::cleanup() {
    replies_.reset();
    input_.reset();
    terminal_.reset();
    inspector_.reset();
}

QByteArray UartTerminalTest::typed() const {
    QByteArray all;
    for (const QList<QVariant>& call : *input_) all += call.at(0).toByteArray();
    return all;
}

void UartTerminalTest::crLfEndsLines() {
    show("Glasshart demo\r\n> ");
    QCOMPARE(text(), QStringLiteral("Glasshart demo\n> "));
    QCOMPARE(terminal_->cursorColumn(), 2);
    show("help\r\nok\r\n");
    QCOMPARE(text(), QStringLiteral("Glasshart demo\n> help\nok\n"));
    QCOMPARE(terminal_->document()->blockCount(), 4);
}

void UartTerminalTest::bareLfStartsAtColumnZero() {
    show("one\ntwo\n");
    QCOMPARE(text(), QStringLiteral("one\ntwo\n"));
    QCOMPARE(terminal_->cursorColumn(), 0);
}

void UartTerminalTest::carriageReturnOverwrites() {
    show("progress 10%\rprogress 99");
    QCOMPARE(text(), QStringLiteral("progress 99%"));
    show("\r");
    show("P");
    QCOMPARE(text(), QStringLiteral("Progress 99%"));
}

void UartTerminalTest::backspaceMovesLeftWithoutErasing() {
    show("abc\b");
    QCOMPARE(text(), QStringLiteral("abc"));
    QCOMPARE(terminal_->cursorColumn(), 2);
    show("X");
    QCOMPARE(text(), QStringLiteral("abX"));
    // How a guest erases the character before the cursor.
    show("\b \b");
    QCOMPARE(text(), QStringLiteral("ab "));
    QCOMPARE(terminal_->cursorColumn(), 2);
    show("\b\b\b\bZ");  // never past the start of the line
    QCOMPARE(text(), QStringLiteral("Zb "));
}

void UartTerminalTest::tabsStopEveryEightColumns() {
    show("a\tb\r\nabcdefgh\tc\r\n\tx");
    QCOMPARE(text(), QStringLiteral("a       b\nabcdefgh        c\n        x"));
}

void UartTerminalTest::escapeSequencesAreDroppedOrInterpreted() {
    show("\x1b[1;31mred\x1b[0m plain\r\n");                 // colours: dropped
    show("\x1b]0;window title\x07" "after osc\r\n");          // OSC: dropped
    show("\x1b[?25lhidden cursor\x1b[?25h\r\n");           // private modes: dropped
    show("\x1b(Bcharset\r\n");                             // designation: dropped
    show("abcdef\x1b[3D\x1b[K\r\n");                       // left 3, erase to end
    show("abcdef\x1b[2D\x1b[1K\r\n");                      // erase to the cursor
    show("abcdef\x1b[2KXY\r\n");                           // erase the line
    show("ab\x1b[3CX\r\n");                                // right 3
    show("abcdef\x1b[2GX");                                // to column 2
    QCOMPARE(text(), QStringLiteral("red plain\nafter osc\nhidden cursor\ncharset\nabc\n     f\n      XY\n"
                                    "ab   X\naXcdef"));
}

void UartTerminalTest::splitSequencesAcrossChunks() {
    show("x\x1b");
    show("[3");
    show("1mred\xc3");  // and a UTF-8 sequence split in two
    show("\xa9!");
    QCOMPARE(text(), QStringLiteral("xred\u00e9!"));
}

void UartTerminalTest::eraseDisplayClears() {
    show("old output\r\nmore\r\n");
    show("\x1b[H\x1b[2Jfresh");
    QCOMPARE(text(), QStringLiteral("fresh"));
}

void UartTerminalTest::cursorMovesOnTheScreen() {
    show("abcdef\r\nghijkl\r\nmnopqr");
    QCOMPARE(terminal_->cursorRow(), 2);
    show("\x1b[2A\x1b[3DX");      // up 2, left 3: row 0, column 3
    show("\x1b[1B\x1b[1GY");      // down 1, column 1
    show("\x1b[3;2HZ");           // row 3, column 2 (1-based)
    show("\x1b[A\x1b[0CW");       // up 1, and a count of 0 means 1
    QCOMPARE(text(), QStringLiteral("abcXef\nYhiWkl\nmZopqr"));
    QCOMPARE(terminal_->cursorRow(), 1);
    QCOMPARE(terminal_->cursorColumn(), 4);
    show("\x1b[9A\x1b[99D");      // never past the screen's edges
    QCOMPARE(terminal_->cursorRow(), 0);
    QCOMPARE(terminal_->cursorColumn(), 0);
    show("\x1b[2E!\x1b[F?");       // start of the line 2 down, then of the line above
    QCOMPARE(text(), QStringLiteral("abcXef\n?hiWkl\n!Zopqr"));
}

void UartTerminalTest::rowsBelowTheScreenAppearWhenTheCursorGoesThere() {
    show("a\x1b[3;1Hb");
    QCOMPARE(text(), QStringLiteral("a\n\nb"));
    show("\x1b[2;4fc");  // f positions like H
    QCOMPARE(text(), QStringLiteral("a\n   c\nb"));
    QCOMPARE(terminal_->cursorRow(), 1);
}

void UartTerminalTest::homeAndEraseBelowClearsLikeBusyboxClear() {
    // busybox's clear and its line editor's Ctrl+L send CSI H CSI J.
    show("old output\r\nmore\r\n# ");
    show("\x1b[H\x1b[J# ");
    QCOMPARE(text(), QStringLiteral("# "));
    QCOMPARE(terminal_->cursorRow(), 0);
    QCOMPARE(terminal_->cursorColumn(), 2);
}

void UartTerminalTest::eraseBelowFromTheMiddleOfTheScreen() {
    show("one\r\ntwo\r\nthree\x1b[2;2H\x1b[J");
    QCOMPARE(text(), QStringLiteral("one\nt"));
    show("\x1b[1J");  // erase from the screen's start through the cursor
    QCOMPARE(text(), QStringLiteral("\n "));
}

void UartTerminalTest::savedCursorComesBack() {
    show("ab\x1b" "7cd\r\nef\x1b" "8X");  // DECSC, DECRC
    show("\r\n\x1b[s12\x1b[uY");          // the CSI s / CSI u forms, on the line below
    QCOMPARE(text(), QStringLiteral("abXd\nY2"));
}

void UartTerminalTest::cursorPositionRequestsAreAnswered() {
    const auto replied = [this] {
        QByteArray all;
        for (const QList<QVariant>& call : *replies_) all += call.at(0).toByteArray();
        replies_->clear();
        return all;
    };
    show("\x1b[6n");
    QCOMPARE(replied(), QByteArray("\x1b[1;1R"));  // rows and columns count from 1
    show("# \x1b[6n");                               // busybox asks right after its prompt
    QCOMPARE(replied(), QByteArray("\x1b[1;3R"));
    show("\r\nlonger line\x1b[6n");
    QCOMPARE(replied(), QByteArray("\x1b[2;12R"));
    show("\x1b[5n");  // "are you well?"
    QCOMPARE(replied(), QByteArray("\x1b[0n"));
    show("\x1b[999;999H\x1b[6n");  // how full-screen programs measure the screen
    QCOMPARE(replied(), QStringLiteral("\x1b[%1;%2R").arg(UartTerminal::kScreenRows).arg(UartTerminal::kMaxColumns)
                            .toLatin1());
    // Answers are not typing, and nothing of the requests shows.
    QCOMPARE(typed(), QByteArray());
    QVERIFY(!text().contains(QLatin1Char('[')));
    // A request split across two chunks is answered once whole.
    show("\x1b[");
    QCOMPARE(replied(), QByteArray());
    show("6n");
    QCOMPARE(replied().right(1), QByteArray("R"));
}

void UartTerminalTest::theScreenIsTheLastRowsOnly() {
    QByteArray lines;
    for (int i = 0; i < 30; ++i) lines += (i ? "\r\nline " : "line ") + QByteArray::number(i);
    show(lines);
    QCOMPARE(terminal_->cursorRow(), UartTerminal::kScreenRows - 1);
    show("\x1b[HX");  // home: the top of the screen, 24 rows up
    const QStringList shown = text().split(QLatin1Char('\n'));
    QCOMPARE(shown.size(), 30);
    QCOMPARE(shown[30 - UartTerminal::kScreenRows], QStringLiteral("Xine %1").arg(30 - UartTerminal::kScreenRows));
    QCOMPARE(shown[29 - UartTerminal::kScreenRows], QStringLiteral("line %1").arg(29 - UartTerminal::kScreenRows));
    show("\x1b[A\x1b[2JY");  // the scrollback above is out of reach; 2J clears all, the cursor goes home
    QCOMPARE(text(), QStringLiteral("Y"));
}

void UartTerminalTest::scrollbackIsBounded() {
    QByteArray lines;
    for (int i = 0; i < UartTerminal::kScrollback + 500; ++i) lines += "line " + QByteArray::number(i) + "\r\n";
    show(lines.left(lines.size() / 2));
    show(lines.mid(lines.size() / 2));
    QCOMPARE(terminal_->document()->blockCount(), UartTerminal::kScrollback);
    QCOMPARE(terminal_->document()->lastBlock().previous().text(),
             QStringLiteral("line %1").arg(UartTerminal::kScrollback + 499));
    show("tail");
    QCOMPARE(terminal_->document()->lastBlock().text(), QStringLiteral("tail"));
}

void UartTerminalTest::longLinesWrap() {
    show(QByteArray(UartTerminal::kMaxColumns + 3, 'x'));
    QCOMPARE(terminal_->document()->blockCount(), 2);
    QCOMPARE(terminal_->document()->lastBlock().text(), QStringLiteral("xxx"));
}

void UartTerminalTest::printableKeysSendUtf8() {
    QTest::keyClicks(terminal_.get(), QStringLiteral("ls -l"));
    QCOMPARE(typed(), QByteArray("ls -l"));
    input_->clear();
    // A key whose text is not ASCII, as a keyboard layout produces it.
    QKeyEvent eAcute(QEvent::KeyPress, Qt::Key_Eacute, Qt::NoModifier, QStringLiteral("\u00e9"));
    QApplication::sendEvent(terminal_.get(), &eAcute);
    QCOMPARE(typed(), QByteArray("\xc3\xa9"));
    input_->clear();
    // A character composed by an input method (a dead key, say).
    QInputMethodEvent composed;
    composed.setCommitString(QStringLiteral("\u00fc"));
    QApplication::sendEvent(terminal_.get(), &composed);
    QCOMPARE(typed(), QByteArray("\xc3\xbc"));
}

void UartTerminalTest::specialKeysSendTerminalCodes() {
    const std::pair<Qt::Key, QByteArray> keys[] = {
        {Qt::Key_Return, "\r"}, {Qt::Key_Enter, "\r"},     {Qt::Key_Backspace, "\x7f"},
        {Qt::Key_Tab, "\t"},    {Qt::Key_Escape, "\x1b"},  {Qt::Key_Up, "\x1b[A"},
        {Qt::Key_Down, "\x1b[B"}, {Qt::Key_Right, "\x1b[C"}, {Qt::Key_Left, "\x1b[D"},
        {Qt::Key_Home, "\x1b[H"}, {Qt::Key_End, "\x1b[F"},   {Qt::Key_Delete, "\x1b[3~"}};
    for (const auto& [key, bytes] : keys) {
        input_->clear();
        QTest::keyClick(terminal_.get(), key);
        QCOMPARE(typed(), bytes);
    }
    QVERIFY(terminal_->hasFocus());  // Tab stayed in the terminal
}

void UartTerminalTest::ctrlTabLeavesTheTerminal() {
    QWidget window;
    auto* before = new QLineEdit(&window);
    auto* terminal = new UartTerminal(*inspector_, &window);
    auto* after = new QLineEdit(&window);
    auto* layout = new QVBoxLayout(&window);
    layout->addWidget(before);
    layout->addWidget(terminal);
    layout->addWidget(after);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy typedHere(terminal, &UartTerminal::inputTyped);
    terminal->setFocus();
    QTest::keyClick(terminal, Qt::Key_Tab);
    QVERIFY(terminal->hasFocus());
    QTest::keyClick(terminal, Qt::Key_Tab, Qt::ControlModifier);
    QVERIFY(after->hasFocus());
    QCOMPARE(typedHere.count(), 1);  // only the plain Tab went to the guest
}

void UartTerminalTest::controlLettersSendControlCodes() {
    QTest::keyClick(terminal_.get(), Qt::Key_C, Qt::ControlModifier);
    QTest::keyClick(terminal_.get(), Qt::Key_D, Qt::ControlModifier);
    QTest::keyClick(terminal_.get(), Qt::Key_A, Qt::ControlModifier);  // not Select All
    QTest::keyClick(terminal_.get(), Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(terminal_.get(), Qt::Key_BracketLeft, Qt::ControlModifier);
    QCOMPARE(typed(), QByteArray("\x03\x04\x01\x1a\x1b"));
    // The terminal's own shortcuts are not sent: Ctrl+Shift+C copies.
    input_->clear();
    QTest::keyClick(terminal_.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(typed(), QByteArray());
}

void UartTerminalTest::nothingIsEchoedLocally() {
    show("> ");
    QTest::keyClicks(terminal_.get(), QStringLiteral("abc"));
    QTest::keyClick(terminal_.get(), Qt::Key_Return);
    QCOMPARE(text(), QStringLiteral("> "));
    QCOMPARE(typed(), QByteArray("abc\r"));
}

void UartTerminalTest::pasteSendsClipboard() {
    QGuiApplication::clipboard()->setText(QStringLiteral("echo hi\nprimes 10\r\n"));
    terminal_->pasteAction()->trigger();
    QCOMPARE(typed(), QByteArray("echo hi\rprimes 10\r"));
    input_->clear();
    QTest::keyClick(terminal_.get(), Qt::Key_Insert, Qt::ShiftModifier);
    QCOMPARE(typed(), QByteArray("echo hi\rprimes 10\r"));
    input_->clear();
    QTest::keyClick(terminal_.get(), Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(typed(), QByteArray("echo hi\rprimes 10\r"));
}

void UartTerminalTest::clearActionEmptiesTheTerminal() {
    show("some output\r\n> ab");
    QTest::keyClick(terminal_.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(text(), QString());
    QCOMPARE(terminal_->cursorColumn(), 0);
    QCOMPARE(typed(), QByteArray());  // the guest is not told
    show("next");
    QCOMPARE(text(), QStringLiteral("next"));
    terminal_->clearAction()->trigger();
    QCOMPARE(text(), QString());
}

void UartTerminalTest::outputFollowsTheEndUnlessScrolledUp() {
    QByteArray lines;
    for (int i = 0; i < 200; ++i) lines += "line " + QByteArray::number(i) + "\r\n";
    show(lines);
    QScrollBar* bar = terminal_->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    bar->setValue(5);
    show(lines);
    QCOMPARE(bar->value(), 5);
    // Typing brings the newest output back into view.
    QTest::keyClick(terminal_.get(), Qt::Key_X);
    QCOMPARE(bar->value(), bar->maximum());
    show(lines);
    QCOMPARE(bar->value(), bar->maximum());
}

QTEST_MAIN(UartTerminalTest)
#include "UartTerminalTest.moc"
