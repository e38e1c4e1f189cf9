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

// The guest's 16550 console. Output is UTF-8 text with a line-oriented
// subset of a VT100: \r returns to the start of the line, \n starts a new
// line (and returns, as serial consoles usually do for bare-metal guests
// that print only \n), \b moves left without erasing (the guest sends
// "\b \b" to erase), tab moves to the next multiple of 8, and a line longer
// than kMaxColumns wraps. Of the escape sequences, cursor left/right (CSI
// C, D, G), erase in line (CSI K) and erase display (CSI 2J/3J, which clear
// the terminal) are interpreted; every other one, colours included, is
// recognised and dropped so that it never shows as garbage. The cursor never
// leaves the last line, so the scrollback above it is final.
//
// Keys go to the guest as a VT100 keyboard sends them; the guest echoes, so
// nothing typed is shown locally. Ctrl+Shift+C / Ctrl+Shift+V (and
// Shift+Insert) copy and paste, Shift+PageUp/PageDown scroll, Tab goes to
// the guest and Ctrl+Tab moves the focus on.
class UartTerminal : public QPlainTextEdit {
    Q_OBJECT

public:
    static constexpr int kScrollback = 10000;  // lines
    static constexpr int kMaxColumns = 512;
    static constexpr int kTabWidth = 8;

    explicit UartTerminal(Inspector& inspector, QWidget* parent = nullptr);

    [[nodiscard]] QAction* copyAction() const { return copyAction_; }
    [[nodiscard]] QAction* pasteAction() const { return pasteAction_; }
    [[nodiscard]] QAction* clearAction() const { return clearAction_; }
    // The column the guest's next character lands in.
    [[nodiscard]] int cursorColumn() const { return column_; }
    // The bytes a key press sends to the guest; empty for keys that are
    // not the guest's (function keys, Alt combinations for the menus).
    [[nodiscard]] static QByteArray bytesForKey(const QKeyEvent& event);

signals:
    // Bytes typed or pasted for the guest (also forwarded to the inspector).
    void inputTyped(const QByteArray& bytes);

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
    void put(QChar c);
    void newLine();
    void commit();

    QAction* copyAction_ = nullptr;
    QAction* pasteAction_ = nullptr;
    QAction* clearAction_ = nullptr;
    QStringDecoder decoder_{QStringDecoder::Utf8};  // keeps a split UTF-8 sequence
    Escape escape_ = Escape::None;
    QString csiParameters_;
    // The line the cursor is on, mirrored in the document's last block,
    // and the lines finished since the document was last updated.
    QString line_;
    int column_ = 0;
    QStringList finished_;
    bool lineChanged_ = false;
};

}  // namespace glasshart
