#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "panes/UartTerminal.h"

namespace glasshart {
namespace {

enum Column { CommandColumn, KeysColumn, PlaceColumn, ColumnCount };

// A menu text as it reads: "&Open…" is "Open…", and a mark in brackets
// after the text ("文件(&F)", the CJK custom) goes with its brackets.
QString withoutAccelerator(QString text) {
    static const QRegularExpression bracketed(QStringLiteral("\\s*\\(&[^)]\\)"));
    text.remove(bracketed);
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

// "Run ▸ Engine" for an action in the Engine submenu of Run.
QString menuPath(const QMenu& menu) {
    const QString title = withoutAccelerator(menu.title());
    for (QObject* holder : menu.menuAction()->associatedObjects()) {
        if (const auto* parentMenu = qobject_cast<const QMenu*>(holder)) {
            return menuPath(*parentMenu) + QStringLiteral(" \u25b8 ") + title;
        }
    }
    return title;
}

// The pane a widget belongs to: its dock's title, or the name a widget
// outside any dock (the console) goes by.
QString paneOf(const QWidget* widget) {
    for (; widget != nullptr; widget = widget->parentWidget()) {
        if (const auto* dock = qobject_cast<const QDockWidget*>(widget)) return dock->windowTitle();
        if (!widget->accessibleName().isEmpty()) return widget->accessibleName();
    }
    return {};
}

QString placeOf(const QAction& action) {
    const QList<QObject*> holders = action.associatedObjects();
    for (QObject* holder : holders) {
        if (const auto* menu = qobject_cast<const QMenu*>(holder)) return menuPath(*menu);
    }
    for (QObject* holder : holders) {
        if (const auto* widget = qobject_cast<const QWidget*>(holder)) {
            const QString pane = paneOf(widget);
            if (!pane.isEmpty()) return pane;
        }
    }
    return ShortcutsDialog::tr("Window");
}

QString keysOf(const QAction& action) {
    QStringList keys;
    for (const QKeySequence& shortcut : action.shortcuts()) keys << shortcut.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

}  // namespace

QList<ShortcutEntry> shortcutsIn(const QWidget& root) {
    QList<ShortcutEntry> entries;
    QSet<const QAction*> seen;
    for (const QAction* action : root.findChildren<QAction*>()) {
        if (action->shortcuts().isEmpty() || seen.contains(action)) continue;
        seen.insert(action);
        entries.append({withoutAccelerator(action->text()), keysOf(*action), placeOf(*action)});
    }
    QStringList places;
    for (const ShortcutEntry& entry : entries) {
        if (!places.contains(entry.place)) places << entry.place;
    }
    std::stable_sort(entries.begin(), entries.end(), [&places](const ShortcutEntry& a, const ShortcutEntry& b) {
        return places.indexOf(a.place) < places.indexOf(b.place);
    });
    return entries;
}

ShortcutsDialog::ShortcutsDialog(const QWidget& root, QWidget* parent)
    : QDialog(parent), table_(new QTableWidget(this)) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    const QList<ShortcutEntry> entries = shortcutsIn(root);
    table_->setObjectName(QStringLiteral("shortcutsTable"));
    table_->setColumnCount(ColumnCount);
    table_->setHorizontalHeaderLabels({tr("Command"), tr("Shortcut"), tr("Where")});
    table_->setRowCount(static_cast<int>(entries.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
        const ShortcutEntry& entry = entries[row];
        table_->setItem(row, CommandColumn, new QTableWidgetItem(entry.command));
        table_->setItem(row, KeysColumn, new QTableWidgetItem(entry.keys));
        table_->setItem(row, PlaceColumn, new QTableWidgetItem(entry.place));
    }
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->resizeColumnsToContents();
    table_->horizontalHeader()->setStretchLastSection(true);

    auto* console = new QLabel(UartTerminal::keyboardHelp(), this);
    console->setObjectName(QStringLiteral("consoleKeysLabel"));
    console->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_, 1);
    layout->addWidget(console);
    layout->addWidget(buttons);
    resize(560, 480);
}

}  // namespace glasshart
