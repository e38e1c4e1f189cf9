#pragma once

#include <QByteArray>
#include <QPlainTextEdit>
#include <QStringConverter>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QAction;
class QInputMethodEvent;
class QKeyEvent;
QT_END_NAMESPACE

namespace glasshart {

class Inspector;

// The guest's 16550 console: a VT100-style terminal, enough for the kernel's
// console and busybox's line editor. Output is UTF-8 text; \r returns to the
// start of the line, \n starts a new line (and returns, as serial consoles
// usually do for bare-metal guests that print only \n), \b moves left
// without erasing (the guest sends "\b \b" to erase), tab moves to the next
// multiple of 8, and a line longer than kMaxColumns wraps.
//
// The last kScreenRows lines are the screen, where the cursor can move (CSI
// A/B/C/D/E/F/G/H/f/d, ESC 7/8, CSI s/u) and text be erased (CSI J, K);
// lines above it are final scrollback. The screen grows downwards as lines
// come, so a fresh terminal is short rather than 24 blank lines. Erasing the
// whole screen (CSI 2J/3J, or CSI J from the home position, which is how
// busybox's clear and Ctrl+L do it) clears the terminal. A cursor position
// request (CSI 6n) is answered with the report a real terminal sends (CSI
// row;col R) and a status request (CSI 5n) with "ready" (CSI 0n); busybox
// asks for the cursor's column before each prompt. Every other sequence,
// colours (SGR) included, is recognised and dropped so that it never shows
// as garbage.
//
// Keys go to the guest as a VT100 keyboard sends them (Enter \r, Backspace
// DEL, arrows CSI A-D, Ctrl+letter the control code); the guest echoes, so
// nothing typed is shown locally. Ctrl+Shift+C / Ctrl+Shift+V (and
// Shift+Insert) copy and paste, Shift+PageUp/PageDown scroll, Tab goes to
// the guest and Ctrl+Tab moves the focus on.
class UartTerminal : public QPlainTextEdit {
    Q_OBJECT

public:
    static constexpr int kScrollback = 10000;  // lines
    static constexpr int kMaxColumns = 512;
    static constexpr int kTabWidth = 8;
    static constexpr int kScreenRows = 24;  // a VT100's

    explicit UartTerminal(Inspector& inspector, QWidget* parent = nullptr);

    [[nodiscard]] QAction* copyAction() const { return copyAction_; }
    [[nodiscard]] QAction* pasteAction() const { return pasteAction_; }
    [[nodiscard]] QAction* clearAction() const { return clearAction_; }
    // Where the guest's next character lands: the column, and the row on
    // the screen (0 is the screen's top line, kScreenRows lines above the
    // bottom or the first line of a terminal that has fewer).
    [[nodiscard]] int cursorColumn() const { return column_; }
    [[nodiscard]] int cursorRow() const { return row_; }
    // The bytes a key press sends to the guest; empty for keys that are
    // not the guest's (function keys, Alt combinations for the menus).
    [[nodiscard]] static QByteArray bytesForKey(const QKeyEvent& event);
    // The keys the terminal handles itself rather than through actions, in
    // a sentence for Help ▸ Keyboard Shortcuts.
    [[nodiscard]] static QString keyboardHelp();

signals:
    // Bytes typed or pasted for the guest (also forwarded to the inspector).
    void inputTyped(const QByteArray& bytes);
    // The terminal's own answers to the guest's requests (a cursor position
    // report), also forwarded to the inspector.
    void replied(const QByteArray& bytes);

public slots:
    void showOutput(const QByteArray& bytes);
    void clearTerminal();
    void pasteClipboard();

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void inputMethodEvent(QInputMethodEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool focusNextPrevChild(bool next) override;

private:
    enum class Escape { None, Start, Csi, String, StringEnd, Charset };

    QAction* addTerminalAction(const QString& text, const QKeySequence& shortcut);
    [[nodiscard]] bool isOwnShortcut(const QKeyEvent& event) const;
    bool scrollByKey(const QKeyEvent& event);
    void send(const QByteArray& bytes);
    void feed(QChar c);
    void feedEscape(QChar c);
    void control(QChar c);
    void finishCsi(QChar final);
    void eraseInLine(int mode);
    void eraseInDisplay(int mode);
    void moveTo(int row, int column);
    void reply(const QByteArray& bytes);
    void put(QChar c);
    void newLine();
    void commit();
    [[nodiscard]] QString& cursorLine() { return screen_[row_]; }

    QAction* copyAction_ = nullptr;
    QAction* pasteAction_ = nullptr;
    QAction* clearAction_ = nullptr;
    QStringDecoder decoder_{QStringDecoder::Utf8};  // keeps a split UTF-8 sequence
    Escape escape_ = Escape::None;
    QString csiParameters_;
    // The screen's lines, mirrored in the document's last shownRows_ blocks,
    // and the lines that scrolled off its top since the document was last
    // updated.
    QStringList screen_{QString()};
    int shownRows_ = 1;
    QStringList scrolledOff_;
    int row_ = 0;
    int column_ = 0;
    int savedRow_ = 0;
    int savedColumn_ = 0;
    bool changed_ = false;
};

}  // namespace glasshart
