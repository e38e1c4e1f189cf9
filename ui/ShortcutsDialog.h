#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QTableWidget;

namespace glasshart {

// One keyboard shortcut as Help ▸ Keyboard Shortcuts lists it.
struct ShortcutEntry {
    QString command;  // the action's text, without its accelerator mark
    QString keys;     // as the platform writes them ("Ctrl+O"); several are comma-separated
    QString place;    // the menu ("Run") or pane ("Disassembly") it works in
};

// Every shortcut of the actions in `root` and its children, read from the
// actions themselves so that the list cannot fall behind them, grouped by
// place in the order the places first appear.
[[nodiscard]] QList<ShortcutEntry> shortcutsIn(const QWidget& root);

// Help ▸ Keyboard Shortcuts: the shortcuts of `root`'s actions in a table,
// and the keys the console keeps for itself.
class ShortcutsDialog : public QDialog {
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QWidget& root, QWidget* parent = nullptr);

    [[nodiscard]] QTableWidget* table() const { return table_; }

private:
    QTableWidget* table_;
};

}  // namespace glasshart
