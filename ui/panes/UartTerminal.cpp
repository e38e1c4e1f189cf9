#include "panes/UartTerminal.h"

#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <algorithm>

#include "Inspector.h"

namespace glasshart {

namespace {

constexpr char16_t kEscape = 0x1b;
constexpr char16_t kBell = 0x07;
constexpr char16_t kDelete = 0x7f;
constexpr int kMaxCsiLength = 32;  // longer is garbage, not a sequence

// Keys a VT100 (and xterm, for the ones it lacked) sends as sequences.
QByteArray sequenceForKey(int key) {
    switch (key) {
    case Qt::Key_Return:
    case Qt::Key_Enter: return QByteArrayLiteral("\r");
    case Qt::Key_Backspace: return QByteArrayLiteral("\x7f");
    case Qt::Key_Tab: return QByteArrayLiteral("\t");
    case Qt::Key_Backtab: return QByteArrayLiteral("\x1b[Z");
    case Qt::Key_Escape: return QByteArrayLiteral("\x1b");
    case Qt::Key_Up: return QByteArrayLiteral("\x1b[A");
    case Qt::Key_Down: return QByteArrayLiteral("\x1b[B");
    case Qt::Key_Right: return QByteArrayLiteral("\x1b[C");
    case Qt::Key_Left: return QByteArrayLiteral("\x1b[D");
    case Qt::Key_Home: return QByteArrayLiteral("\x1b[H");
    case Qt::Key_End: return QByteArrayLiteral("\x1b[F");
    case Qt::Key_Insert: return QByteArrayLiteral("\x1b[2~");
    case Qt::Key_Delete: return QByteArrayLiteral("\x1b[3~");
    case Qt::Key_PageUp: return QByteArrayLiteral("\x1b[5~");
    case Qt::Key_PageDown: return QByteArrayLiteral("\x1b[6~");
    default: return {};
    }
}

// Ctrl with a letter or one of @[\]^_ gives the C0 control code that the
// key's ASCII value has with the top bits cleared; Ctrl+Space gives NUL.
QByteArray controlCodeForKey(int key) {
    if (key >= Qt::Key_A && key <= Qt::Key_Z) return QByteArray(1, char(key - Qt::Key_A + 1));
    if (key >= Qt::Key_At && key <= Qt::Key_Underscore) return QByteArray(1, char(key & 0x1f));
    if (key == Qt::Key_Space) return QByteArray(1, '\0');
    if (key == Qt::Key_Question) return QByteArrayLiteral("\x7f");
    return {};
}

bool isTabKey(int key) { return key == Qt::Key_Tab || key == Qt::Key_Backtab; }

// The n-th (0-based) numeric parameter of a CSI sequence; an absent or
// empty one is `fallback`.
int parameter(const QString& parameters, int n, int fallback) {
    bool ok = false;
    const int value = parameters.section(QLatin1Char(';'), n, n).toInt(&ok);
    return ok ? value : fallback;
}

int firstParameter(const QString& parameters, int fallback) { return parameter(parameters, 0, fallback); }

// A count parameter (cursor movement): absent or 0 both mean 1.
int countParameter(const QString& parameters) { return std::max(1, firstParameter(parameters, 1)); }

}  // namespace

UartTerminal::UartTerminal(Inspector& inspector, QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    // Read-only turns input methods off; composed characters (dead keys,
    // IMEs) are keys for the guest too.
    setAttribute(Qt::WA_InputMethodEnabled, true);
    setUndoRedoEnabled(false);  // the undo stack would keep all output forever
    setMaximumBlockCount(kScrollback);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    setPlaceholderText(tr("The guest's serial console. Click here and type to send it keys."));
    // Names the console where a pane's title would (keyboard shortcuts, screen readers).
    setAccessibleName(tr("Console"));

    copyAction_ = addTerminalAction(tr("&Copy"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyAction_->setEnabled(false);
    connect(this, &QPlainTextEdit::copyAvailable, copyAction_, &QAction::setEnabled);
    connect(copyAction_, &QAction::triggered, this, &QPlainTextEdit::copy);
    pasteAction_ = addTerminalAction(tr("&Paste"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    connect(pasteAction_, &QAction::triggered, this, &UartTerminal::pasteClipboard);
    clearAction_ = addTerminalAction(tr("C&lear"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    clearAction_->setToolTip(tr("Clear the terminal here; the guest is not told"));
    connect(clearAction_, &QAction::triggered, this, &UartTerminal::clearTerminal);

    connect(&inspector, &Inspector::uartOutput, this, &UartTerminal::showOutput);
    connect(this, &UartTerminal::inputTyped, &inspector, &Inspector::sendInput);
    connect(this, &UartTerminal::replied, &inspector, &Inspector::sendInput);
}

QAction* UartTerminal::addTerminalAction(const QString& text, const QKeySequence& shortcut) {
    auto* action = new QAction(text, this);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetShortcut);
    addAction(action);
    return action;
}

QByteArray UartTerminal::bytesForKey(const QKeyEvent& event) {
    const Qt::KeyboardModifiers modifiers = event.modifiers() & ~Qt::KeypadModifier;
    // Alt and Meta combinations belong to the window (menus, shortcuts).
    if (modifiers & (Qt::AltModifier | Qt::MetaModifier)) return {};
    // Ctrl+Tab is the way out of the terminal for the keyboard.
    if ((modifiers & Qt::ControlModifier) && isTabKey(event.key())) return {};
    if (QByteArray sequence = sequenceForKey(event.key()); !sequence.isEmpty()) return sequence;
    if (modifiers & Qt::ControlModifier) return controlCodeForKey(event.key());
    const QString text = event.text();
    const auto isControl = [](QChar c) { return c.category() == QChar::Other_Control; };
    if (text.isEmpty() || std::any_of(text.cbegin(), text.cend(), isControl)) return {};
    return text.toUtf8();
}

QString UartTerminal::keyboardHelp() {
    const auto keys = [](QKeyCombination combination) {
        return QKeySequence(combination).toString(QKeySequence::NativeText);
    };
    return tr("In the console, keys go to the guest as a terminal sends them, Ctrl+C included. %1 and %2 scroll, "
              "%3 pastes, and %4 moves on to the next pane.")
        .arg(keys(Qt::SHIFT | Qt::Key_PageUp), keys(Qt::SHIFT | Qt::Key_PageDown), keys(Qt::SHIFT | Qt::Key_Insert),
             keys(Qt::CTRL | Qt::Key_Tab));
}

bool UartTerminal::isOwnShortcut(const QKeyEvent& event) const {
    const QKeySequence pressed(event.keyCombination());
    return pressed == copyAction_->shortcut() || pressed == pasteAction_->shortcut() ||
           pressed == clearAction_->shortcut();
}

// Keys for the guest must reach keyPressEvent even when the window has a
// shortcut on them (Ctrl+C, say): claim them at the override stage.
bool UartTerminal::event(QEvent* event) {
    if (event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (!isOwnShortcut(*key) && !bytesForKey(*key).isEmpty()) {
            event->accept();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

bool UartTerminal::scrollByKey(const QKeyEvent& event) {
    if (event.modifiers() != Qt::ShiftModifier) return false;
    QScrollBar* bar = verticalScrollBar();
    switch (event.key()) {
    case Qt::Key_PageUp: bar->triggerAction(QAbstractSlider::SliderPageStepSub); return true;
    case Qt::Key_PageDown: bar->triggerAction(QAbstractSlider::SliderPageStepAdd); return true;
    case Qt::Key_Home: bar->triggerAction(QAbstractSlider::SliderToMinimum); return true;
    case Qt::Key_End: bar->triggerAction(QAbstractSlider::SliderToMaximum); return true;
    default: return false;
    }
}

void UartTerminal::keyPressEvent(QKeyEvent* event) {
    if (scrollByKey(*event)) return;
    if ((event->modifiers() & Qt::ControlModifier) && isTabKey(event->key())) {
        QPlainTextEdit::focusNextPrevChild(event->key() == Qt::Key_Tab);
        return;
    }
    if (event->key() == Qt::Key_Insert && event->modifiers() == Qt::ShiftModifier) {
        pasteClipboard();
        return;
    }
    // A disabled action (Copy without a selection) lets its shortcut through;
    // it must not reach the guest as the plain control key.
    if (isOwnShortcut(*event)) return;
    const QByteArray bytes = bytesForKey(*event);
    if (bytes.isEmpty()) {
        QPlainTextEdit::keyPressEvent(event);
        return;
    }
    event->accept();
    send(bytes);
}

void UartTerminal::inputMethodEvent(QInputMethodEvent* event) {
    if (!event->commitString().isEmpty()) send(event->commitString().toUtf8());
    event->accept();
}

// Tab is a key for the guest (shell completion), not a focus move;
// Ctrl+Tab moves the focus instead (see keyPressEvent).
bool UartTerminal::focusNextPrevChild(bool) { return false; }

void UartTerminal::send(const QByteArray& bytes) {
    // Typing means looking at the newest output, as in any terminal.
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    emit inputTyped(bytes);
}

void UartTerminal::pasteClipboard() {
    QString text = QGuiApplication::clipboard()->text();
    if (text.isEmpty()) return;
    // Line ends are sent as the Enter key sends them.
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\r")).replace(QLatin1Char('\n'), QLatin1Char('\r'));
    send(text.toUtf8());
}

void UartTerminal::clearTerminal() {
    clear();
    screen_ = QStringList{QString()};
    shownRows_ = 1;
    scrolledOff_.clear();
    row_ = 0;
    column_ = 0;
    savedRow_ = 0;
    savedColumn_ = 0;
    changed_ = false;
    viewport()->update();
}

void UartTerminal::showOutput(const QByteArray& bytes) {
    const QString text = decoder_.decode(bytes);
    for (const QChar c : text) feed(c);
    commit();
    viewport()->update();  // the cursor may have moved without any text change
}

void UartTerminal::feed(QChar c) {
    if (escape_ != Escape::None) {
        feedEscape(c);
    } else if (c == QChar(kEscape)) {
        escape_ = Escape::Start;
    } else if (c.unicode() < 0x20 || c == QChar(kDelete)) {
        control(c);
    } else {
        put(c);
    }
}

void UartTerminal::feedEscape(QChar c) {
    switch (escape_) {
    case Escape::Start:
        if (c == QLatin1Char('[')) {
            escape_ = Escape::Csi;
            csiParameters_.clear();
        } else if (c == QLatin1Char(']') || c == QLatin1Char('P') || c == QLatin1Char('_') || c == QLatin1Char('^') ||
                   c == QLatin1Char('X')) {
            escape_ = Escape::String;  // OSC, DCS, APC, PM, SOS: skipped up to BEL or ST
        } else if (c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char('*') || c == QLatin1Char('+')) {
            escape_ = Escape::Charset;  // a character set designation has one more byte
        } else {
            escape_ = Escape::None;
            switch (c.unicode()) {
            case 'c': clearTerminal(); break;  // RIS, full reset
            case '7': savedRow_ = row_; savedColumn_ = column_; break;  // DECSC
            case '8': moveTo(savedRow_, savedColumn_); break;          // DECRC
            default: break;
            }
        }
        break;
    case Escape::Csi:
        if (c.unicode() >= 0x40 && c.unicode() <= 0x7e) {
            escape_ = Escape::None;
            finishCsi(c);
        } else if (c == QChar(kEscape)) {
            escape_ = Escape::Start;
        } else if (c.unicode() < 0x20 || csiParameters_.size() >= kMaxCsiLength) {
            escape_ = Escape::None;  // not a sequence after all
            feed(c);
        } else {
            csiParameters_.append(c);
        }
        break;
    case Escape::String:
        if (c == QChar(kBell)) escape_ = Escape::None;
        if (c == QChar(kEscape)) escape_ = Escape::StringEnd;
        break;
    case Escape::StringEnd: escape_ = c == QLatin1Char('\\') ? Escape::None : Escape::String; break;
    case Escape::Charset:
    case Escape::None: escape_ = Escape::None; break;
    }
}

void UartTerminal::control(QChar c) {
    switch (c.unicode()) {
    case '\n': newLine(); break;
    case '\r': column_ = 0; break;
    case '\b': column_ = std::max(0, column_ - 1); break;
    case '\t': column_ = std::min(kMaxColumns - 1, (column_ / kTabWidth + 1) * kTabWidth); break;
    default: break;  // bell and the rest: nothing to show
    }
}

void UartTerminal::finishCsi(QChar final) {
    // Private sequences (ESC [ ? ...) are modes such as cursor visibility or
    // the alternate screen.
    if (csiParameters_.startsWith(QLatin1Char('?'))) return;
    const QString& p = csiParameters_;
    switch (final.unicode()) {
    case 'A': moveTo(row_ - countParameter(p), column_); break;  // up
    case 'B': moveTo(row_ + countParameter(p), column_); break;  // down
    case 'C': moveTo(row_, column_ + countParameter(p)); break;  // right
    case 'D': moveTo(row_, column_ - countParameter(p)); break;  // left
    case 'E': moveTo(row_ + countParameter(p), 0); break;        // next line
    case 'F': moveTo(row_ - countParameter(p), 0); break;        // previous line
    case 'G': moveTo(row_, firstParameter(p, 1) - 1); break;     // column
    case 'd': moveTo(firstParameter(p, 1) - 1, column_); break;  // row
    case 'H':
    case 'f': moveTo(parameter(p, 0, 1) - 1, parameter(p, 1, 1) - 1); break;
    case 'K': eraseInLine(firstParameter(p, 0)); break;
    case 'J': eraseInDisplay(firstParameter(p, 0)); break;
    case 's': savedRow_ = row_; savedColumn_ = column_; break;
    case 'u': moveTo(savedRow_, savedColumn_); break;
    case 'n':
        // Device status report: 6 asks where the cursor is, 5 whether all is well.
        if (firstParameter(p, 0) == 6) reply(QStringLiteral("\x1b[%1;%2R").arg(row_ + 1).arg(column_ + 1).toLatin1());
        if (firstParameter(p, 0) == 5) reply(QByteArrayLiteral("\x1b[0n"));
        break;
    default: break;  // colours (m) and the rest are dropped
    }
}

// Rows below the screen's last line exist on a real terminal's screen as
// blank lines; here they are made when the cursor goes there.
void UartTerminal::moveTo(int row, int column) {
    row_ = std::clamp(row, 0, kScreenRows - 1);
    while (screen_.size() <= row_) {
        screen_.append(QString());
        changed_ = true;
    }
    column_ = std::clamp(column, 0, kMaxColumns - 1);
}

void UartTerminal::eraseInLine(int mode) {
    QString& line = cursorLine();
    switch (mode) {
    case 0: line.truncate(column_); break;
    case 1: {
        const qsizetype through = std::min<qsizetype>(column_ + 1, line.size());
        line.replace(0, through, QString(through, QLatin1Char(' ')));
        break;
    }
    case 2: line.clear(); break;
    default: return;
    }
    changed_ = true;
}

void UartTerminal::eraseInDisplay(int mode) {
    // The whole screen erased: without a fixed-height screen to show blank,
    // the terminal is cleared.
    if (mode == 2 || mode == 3 || (mode == 0 && row_ == 0 && column_ == 0)) {
        clearTerminal();
        return;
    }
    if (mode == 0) {  // from the cursor to the end of the screen
        cursorLine().truncate(column_);
        screen_.erase(screen_.begin() + row_ + 1, screen_.end());
    } else if (mode == 1) {  // from the start of the screen to the cursor
        for (int row = 0; row < row_; ++row) screen_[row].clear();
        eraseInLine(1);
    }
    changed_ = true;
}

void UartTerminal::reply(const QByteArray& bytes) { emit replied(bytes); }

void UartTerminal::put(QChar c) {
    if (column_ >= kMaxColumns) newLine();
    QString& line = cursorLine();
    if (column_ > line.size()) line.append(QString(column_ - line.size(), QLatin1Char(' ')));
    if (column_ < line.size()) {
        line[column_] = c;
    } else {
        line.append(c);
    }
    ++column_;
    changed_ = true;
}

void UartTerminal::newLine() {
    column_ = 0;
    if (row_ + 1 < screen_.size()) {
        ++row_;
        return;
    }
    screen_.append(QString());
    ++row_;
    if (screen_.size() > kScreenRows) {
        scrolledOff_.append(screen_.takeFirst());
        --row_;
        savedRow_ = std::max(0, savedRow_ - 1);
    }
    changed_ = true;
}

// Replaces the document's blocks that show the screen (as last shown) by
// the lines that scrolled off since and the screen now, in one edit.
void UartTerminal::commit() {
    if (!changed_) return;
    QScrollBar* bar = verticalScrollBar();
    const bool follow = bar->value() >= bar->maximum();
    QTextDocument* doc = document();
    const QTextBlock first = doc->findBlockByNumber(std::max(0, doc->blockCount() - shownRows_));
    QTextCursor cursor(doc);
    cursor.movePosition(QTextCursor::End);
    cursor.setPosition(first.position(), QTextCursor::KeepAnchor);
    scrolledOff_.append(screen_);
    cursor.insertText(scrolledOff_.join(QLatin1Char('\n')));
    scrolledOff_.clear();
    shownRows_ = static_cast<int>(screen_.size());
    changed_ = false;
    if (follow) bar->setValue(bar->maximum());
}

void UartTerminal::paintEvent(QPaintEvent* event) {
    QPlainTextEdit::paintEvent(event);
    // The terminal cursor: where the guest's next character lands.
    const QTextBlock line = document()->findBlockByNumber(document()->blockCount() - shownRows_ + row_);
    if (!line.isValid()) return;
    QTextCursor at(line);
    at.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, std::min(column_, line.length() - 1));
    QRect cell = cursorRect(at);
    const int advance = fontMetrics().horizontalAdvance(QLatin1Char(' '));
    cell.translate(advance * std::max(0, column_ - (line.length() - 1)), 0);
    cell.setWidth(advance);
    QPainter painter(viewport());
    QColor color = palette().color(QPalette::Text);
    if (hasFocus()) {
        color.setAlpha(110);
        painter.fillRect(cell, color);
    } else {
        painter.setPen(color);
        painter.drawRect(cell.adjusted(0, 0, -1, -1));
    }
}

void UartTerminal::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(copyAction_);
    menu.addAction(pasteAction_);
    menu.addSeparator();
    menu.addAction(tr("Select &All"), this, &QPlainTextEdit::selectAll);
    menu.addAction(clearAction_);
    menu.exec(event->globalPos());
}

}  // namespace glasshart
