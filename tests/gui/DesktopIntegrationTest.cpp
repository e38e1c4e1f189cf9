// The window as a desktop application: Help's About, About Qt and Keyboard
// Shortcuts, a tooltip on every control, the layout and display choices
// kept across sessions, errors that say what to do, and colours that follow
// a dark palette. All on the real MainWindow.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QProcess>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>
#include <asmjit/core/api-config.h>

#include "AboutDialog.h"
#include "MainWindow.h"
#include "ShortcutsDialog.h"
#include "linux/LinuxBootDialog.h"
#include "panes/CacheMapWidget.h"
#include "panes/PaneColors.h"
#include "panes/RegisterModel.h"
#include "panes/TranslationCachePane.h"

using namespace glasshart;

namespace {

constexpr int kTimeout = 20000;
// WCAG 2's minimum for text, and a smaller one for marks that need only be
// told apart from what is around them.
constexpr double kReadable = 4.5;
constexpr double kDistinct = 1.5;

// A dark palette as a desktop's dark theme gives one: light text on dark.
QPalette darkPalette() {
    QPalette palette;
    const QColor window(0x35, 0x35, 0x35);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xee, 0xee, 0xee);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

QPalette lightPalette() {
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::WindowText, Qt::black);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    return palette;
}

// Widgets a user operates, which should say what they do. Qt's own parts
// (a line edit's clear button, a dock's title bar buttons, a dialog's
// standard buttons) bring their own help or need none.
bool isControl(const QWidget& widget) {
    if (widget.objectName().startsWith(QLatin1String("qt_"))) return false;
    if (qobject_cast<const QDockWidget*>(widget.parentWidget()) && qobject_cast<const QAbstractButton*>(&widget)) {
        return false;
    }
    if (qobject_cast<const QLineEdit*>(widget.parentWidget())) return false;
    if (qobject_cast<const QAbstractSpinBox*>(widget.parentWidget())) return false;
    if (qobject_cast<const QTabBar*>(widget.parentWidget())) return false;
    if (qobject_cast<const QAbstractItemView*>(widget.parentWidget())) return false;  // a table's corner button
    if (const auto* box = qobject_cast<const QDialogButtonBox*>(widget.parentWidget())) {
        const auto* button = qobject_cast<const QAbstractButton*>(&widget);
        if (button && box->standardButton(const_cast<QAbstractButton*>(button)) != QDialogButtonBox::NoButton) {
            return false;
        }
    }
    return qobject_cast<const QAbstractButton*>(&widget) || qobject_cast<const QComboBox*>(&widget) ||
           qobject_cast<const QLineEdit*>(&widget) || qobject_cast<const QAbstractSpinBox*>(&widget);
}

QStringList controlsWithoutToolTips(const QWidget& root) {
    QStringList missing;
    for (const QWidget* widget : root.findChildren<QWidget*>()) {
        if (!isControl(*widget)) continue;
        QString tip = widget->toolTip();
        // A toolbar button shows its action's tooltip, which defaults to the
        // action's text: that one must have been written on purpose.
        if (const auto* tool = qobject_cast<const QToolButton*>(widget); tool && tool->defaultAction()) {
            const QAction* action = tool->defaultAction();
            tip = action->toolTip() == QString(action->text()).remove(u'&') ? QString() : action->toolTip();
        }
        if (tip.isEmpty()) {
            missing << QStringLiteral("%1 \"%2\" (%3)")
                           .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
                                qobject_cast<const QAbstractButton*>(widget)
                                    ? qobject_cast<const QAbstractButton*>(widget)->text()
                                    : QString());
        }
    }
    return missing;
}

QAction* actionNamed(const QWidget& root, const QString& text) {
    for (QAction* action : root.findChildren<QAction*>()) {
        if (action->text() == text) return action;
    }
    return nullptr;
}

template <typename Dialog>
Dialog* waitForDialog(const QWidget& parent) {
    Dialog* dialog = nullptr;
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT((dialog = parent.findChild<Dialog*>()) != nullptr && dialog->isVisible(), kTimeout);
    }();
    return dialog;
}

}  // namespace

class DesktopIntegrationTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // keep the user's settings out of it
        QSettings().clear();
        QApplication::setPalette(lightPalette());
    }
    void init() { window_ = makeWindow(); }
    void cleanup() {
        window_.reset();
        QSettings().clear();
        QApplication::setPalette(lightPalette());
    }

    void helpMenuHasAboutAndShortcuts();
    void aboutShowsTheLibraryVersions();
    void aboutQtOpensQtsOwnBox();
    void shortcutsListEveryActionsShortcut();
    void everyControlHasAToolTip();
    void toolTipsGiveTheShortcut();
    void layoutAndChoicesSurviveARestart();
    void badProgramSaysWhatToDo();
    void vanishedRecentFileLeavesTheList();
    void paneColoursKeepTextReadable_data();
    void paneColoursKeepTextReadable();
    void cacheMapFollowsADarkPalette();
    void chartFollowsThePalette();

private:
    static std::unique_ptr<MainWindow> makeWindow() {
        auto window = std::make_unique<MainWindow>();
        window->show();
        [&] { QVERIFY(QTest::qWaitForWindowExposed(window.get())); }();
        return window;
    }
    std::unique_ptr<MainWindow> window_;
};

void DesktopIntegrationTest::helpMenuHasAboutAndShortcuts() {
    const QList<QAction*> menus = window_->menuBar()->actions();
    QMenu* help = menus.last()->menu();
    QCOMPARE(help->objectName(), QStringLiteral("helpMenu"));
    const QList<QAction*> entries = help->actions();
    QVERIFY(entries.contains(window_->aboutAction()));
    QVERIFY(entries.contains(window_->aboutQtAction()));
    QVERIFY(entries.contains(window_->shortcutsAction()));
}

void DesktopIntegrationTest::aboutShowsTheLibraryVersions() {
    window_->aboutAction()->trigger();
    auto* about = waitForDialog<AboutDialog>(*window_);
    QVERIFY(about);
    const auto label = [about](const char* name) { return about->findChild<QLabel*>(QLatin1String(name))->text(); };
    QVERIFY(QRegularExpression(QStringLiteral("^Glasshart \\d+\\.\\d+\\.\\d+$")).match(label("titleLabel")).hasMatch());
    QVERIFY2(label("qtVersion").startsWith(QString::fromLatin1(qVersion())), qPrintable(label("qtVersion")));
    constexpr unsigned kAsmjit = ASMJIT_LIBRARY_VERSION;
    QCOMPARE(label("asmjitVersion"),
             QStringLiteral("%1.%2.%3").arg(kAsmjit >> 16).arg((kAsmjit >> 8) & 0xff).arg(kAsmjit & 0xff));
    // Capstone's own pkg-config file is the independent word on its version.
    QProcess pkgConfig;
    pkgConfig.start(QStringLiteral("pkg-config"), {QStringLiteral("--modversion"), QStringLiteral("capstone")});
    QVERIFY(pkgConfig.waitForFinished(kTimeout));
    const QString capstone = QString::fromLatin1(pkgConfig.readAllStandardOutput()).trimmed();
    QVERIFY(!capstone.isEmpty());
    QVERIFY2(label("capstoneVersion").startsWith(capstone.section(u'.', 0, 1)), qPrintable(label("capstoneVersion")));
    // Copy puts the versions, untranslated, on the clipboard for a bug report.
    about->findChild<QPushButton*>(QStringLiteral("copyVersions"))->click();
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(copied.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())), qPrintable(copied));
    QVERIFY2(copied.contains(QStringLiteral("Capstone ") + capstone.section(u'.', 0, 1)), qPrintable(copied));
    about->reject();
}

void DesktopIntegrationTest::aboutQtOpensQtsOwnBox() {
    // QApplication::aboutQt() runs its own event loop: look at it from inside.
    QString title;
    QTimer::singleShot(0, window_.get(), [&title] {
        QWidget* modal = QApplication::activeModalWidget();
        if (modal == nullptr) return;
        title = modal->windowTitle();
        modal->close();
    });
    window_->aboutQtAction()->trigger();
    QVERIFY2(title.contains(QStringLiteral("Qt")), qPrintable(title));
}

void DesktopIntegrationTest::shortcutsListEveryActionsShortcut() {
    window_->shortcutsAction()->trigger();
    auto* dialog = waitForDialog<ShortcutsDialog>(*window_);
    QVERIFY(dialog);
    const QTableWidget* table = dialog->table();
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row) {
        rows << QStringLiteral("%1|%2|%3").arg(table->item(row, 0)->text(), table->item(row, 1)->text(),
                                              table->item(row, 2)->text());
    }
    // Every action of the window with a shortcut has its row.
    QSet<QAction*> actions;
    for (QAction* action : window_->findChildren<QAction*>()) {
        if (!action->shortcut().isEmpty()) actions.insert(action);
    }
    QCOMPARE(table->rowCount(), actions.size());
    for (const QAction* action : std::as_const(actions)) {
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        QVERIFY2(!table->findItems(keys, Qt::MatchExactly).isEmpty(), qPrintable(keys));
    }
    // With the menu or pane they work in.
    for (const QString& expected : {QStringLiteral("Run / Continue|F5|Run"), QStringLiteral("Open…|Ctrl+O|File"),
                                    QStringLiteral("Toggle breakpoint|F9|Disassembly"),
                                    QStringLiteral("Copy|Ctrl+Shift+C|Console")}) {
        QVERIFY2(rows.contains(expected), qPrintable(expected + QStringLiteral(" in\n") + rows.join(u'\n')));
    }
    // And the keys the console handles itself.
    const QString consoleKeys = dialog->findChild<QLabel*>(QStringLiteral("consoleKeysLabel"))->text();
    QVERIFY2(consoleKeys.contains(QStringLiteral("Ctrl+Tab")), qPrintable(consoleKeys));
    dialog->reject();
}

void DesktopIntegrationTest::everyControlHasAToolTip() {
    QStringList missing = controlsWithoutToolTips(*window_);
    window_->bootLinuxWithOptionsAction()->trigger();
    auto* boot = waitForDialog<LinuxBootDialog>(*window_);
    QVERIFY(boot);
    missing << controlsWithoutToolTips(*boot);
    boot->reject();
    window_->aboutAction()->trigger();
    auto* about = waitForDialog<AboutDialog>(*window_);
    QVERIFY(about);
    missing << controlsWithoutToolTips(*about);
    about->reject();
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
}

void DesktopIntegrationTest::toolTipsGiveTheShortcut() {
    for (const QAction* action : window_->findChild<QToolBar*>(QStringLiteral("runControls"))->actions()) {
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        QVERIFY2(action->toolTip().contains(keys), qPrintable(action->toolTip()));
        QVERIFY(!action->statusTip().isEmpty());
    }
}

void DesktopIntegrationTest::layoutAndChoicesSurviveARestart() {
    auto* splitter = window_->findChild<QSplitter*>(QStringLiteral("cacheSplitter"));
    QVERIFY(splitter);
    const QList<int> sizes = splitter->sizes();
    QCOMPARE(sizes.size(), 3);
    splitter->setSizes({sizes[0] + sizes[1] / 2, sizes[1] - sizes[1] / 2, sizes[2]});
    const QList<int> chosenSizes = splitter->sizes();
    window_->findChild<QDockWidget*>(QStringLiteral("disassembly"))->hide();
    auto* chained = window_->findChild<QCheckBox*>(QStringLiteral("showChained"));
    chained->click();
    QVERIFY(!chained->isChecked());
    auto* syntax = window_->findChild<QComboBox*>(QStringLiteral("syntaxCombo"));
    syntax->setCurrentIndex(syntax->findText(QStringLiteral("AT&T")));
    window_->findChild<QTabWidget*>(QStringLiteral("registersTabs"))->setCurrentIndex(1);
    actionNamed(*window_, MainWindow::tr("&Interpreter"))->trigger();
    QVERIFY(window_->close());
    window_.reset();

    window_ = makeWindow();
    QCOMPARE(window_->findChild<QSplitter*>(QStringLiteral("cacheSplitter"))->sizes(), chosenSizes);
    QVERIFY(window_->findChild<QDockWidget*>(QStringLiteral("disassembly"))->isHidden());
    QVERIFY(!window_->findChild<QCheckBox*>(QStringLiteral("showChained"))->isChecked());
    QVERIFY(!window_->findChild<TranslationCachePane*>()->eventLog()->isCategoryVisible(
        CacheEventLogModel::Category::Chained));
    QCOMPARE(window_->findChild<QComboBox*>(QStringLiteral("syntaxCombo"))->currentText(), QStringLiteral("AT&T"));
    QCOMPARE(window_->findChild<QTabWidget*>(QStringLiteral("registersTabs"))->currentIndex(), 1);
    QVERIFY(actionNamed(*window_, MainWindow::tr("&Interpreter"))->isChecked());
}

void DesktopIntegrationTest::badProgramSaysWhatToDo() {
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("just some text, not a program\n");
    file.close();
    window_->openProgram(path);
    QVERIFY(window_->inspector().program() == nullptr);
    auto* box = window_->findChild<QMessageBox*>(QStringLiteral("openFailureBox"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    // Only one dialog: the generic error box stays away.
    QCOMPARE(window_->findChildren<QMessageBox*>().size(), 1);
    // What went wrong, in a line; what to do; the engine's words behind Details.
    QVERIFY2(box->text().contains(QStringLiteral("notes.txt")) && box->text().contains(QStringLiteral("not an ELF")),
             qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(QStringLiteral("RISC-V")), qPrintable(box->informativeText()));
    QVERIFY(box->detailedText().contains(path));
    QStringList buttons;
    for (const QAbstractButton* button : box->buttons()) buttons << button->text();
    QVERIFY2(buttons.contains(MainWindow::tr("Open &Another…")), qPrintable(buttons.join(u',')));
    box->reject();
}

void DesktopIntegrationTest::vanishedRecentFileLeavesTheList() {
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString gone = directory.filePath(QStringLiteral("moved-away.elf"));
    QSettings().setValue(QStringLiteral("mainWindow/recentFiles"), QStringList{gone});
    window_.reset();
    window_ = makeWindow();
    QMenu* recent = nullptr;
    for (QMenu* menu : window_->findChildren<QMenu*>()) {
        if (menu->title() == MainWindow::tr("Open &Recent")) recent = menu;
    }
    QVERIFY(recent);
    QCOMPARE(recent->actions().size(), 1);
    recent->actions().first()->trigger();
    auto* box = window_->findChild<QMessageBox*>(QStringLiteral("openFailureBox"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("moved-away.elf")), qPrintable(box->text()));
    QVERIFY(recent->actions().isEmpty());
    QVERIFY(QSettings().value(QStringLiteral("mainWindow/recentFiles")).toStringList().isEmpty());
    box->reject();
}

void DesktopIntegrationTest::paneColoursKeepTextReadable_data() {
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << lightPalette();
    QTest::newRow("dark") << darkPalette();
}

void DesktopIntegrationTest::paneColoursKeepTextReadable() {
    QFETCH(QPalette, palette);
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    for (const QColor& background : {changedBackground(palette), pcBackground(palette), bandBackground(palette)}) {
        QVERIFY2(contrastRatio(text, background) >= kReadable,
                 qPrintable(QStringLiteral("text %1 on %2").arg(text.name(), background.name())));
        QVERIFY(background != base);
    }
    QVERIFY(contrastRatio(secondaryText(palette), base) >= kReadable);
    // What the register pane shows for a changed register: the same colours.
    QApplication::setPalette(palette);
    RegisterModel model;
    HartSnapshot snapshot;
    snapshot.sequence = 1;
    model.setSnapshot(snapshot);
    snapshot.sequence = 2;
    snapshot.hart.x[5] = 42;
    model.setSnapshot(snapshot);
    const QModelIndex t0 = model.index(RegisterModel::rowOfRegister(5), RegisterModel::ValueColumn);
    QVERIFY(model.isChanged(5));
    const QColor shown = t0.data(Qt::BackgroundRole).value<QColor>();
    QCOMPARE(shown, changedBackground(palette));
    QVERIFY(contrastRatio(text, shown) >= kReadable);
}

void DesktopIntegrationTest::cacheMapFollowsADarkPalette() {
    auto* map = window_->findChild<CacheMapWidget*>();
    QVERIFY(map);
    const CacheMapWidget::Colors light = map->colors();
    QApplication::setPalette(darkPalette());
    // The widget took the new palette itself: nothing was rebuilt.
    QTRY_VERIFY(map->colors().free != light.free);
    const CacheMapWidget::Colors dark = map->colors();
    const QPalette palette = map->palette();
    QVERIFY(isDark(palette));
    QVERIFY2(contrastRatio(QColor(dark.free), palette.color(QPalette::Text)) >= kReadable, "free space is dark");
    for (const QRgb stop : dark.ageStops) {
        QVERIFY2(contrastRatio(QColor(stop), QColor(dark.free)) >= kDistinct, qPrintable(QColor(stop).name()));
    }
    QVERIFY(contrastRatio(QColor(dark.reserved), QColor(dark.free)) >= kDistinct);
    QVERIFY(contrastRatio(QColor(dark.hatchLight), QColor(dark.hatchDark)) >= 1.2);
    // And it paints with them: the arena's free space, the legend's text.
    map->setCapacity(1 << 20);
    const QImage picture = map->grab().toImage();
    // The top line of the first row: the last line of every row is a gap.
    QCOMPARE(picture.pixel(map->arenaRect().center().x(), map->arenaRect().top()), dark.free);
    bool legibleText = false;
    const int legendY = map->arenaRect().bottom() + 2 + map->fontMetrics().height() / 2;
    for (int x = 0; x < map->width() && !legibleText; ++x) {
        legibleText = contrastRatio(QColor(picture.pixel(x, legendY)), palette.color(QPalette::Window)) >= kReadable;
    }
    QVERIFY2(legibleText, "the legend's text stands out from the window");
}

void DesktopIntegrationTest::chartFollowsThePalette() {
    QChart* chart = window_->findChild<QChartView*>(QStringLiteral("fillChart"))->chart();
    QApplication::setPalette(darkPalette());
    QTRY_COMPARE(chart->backgroundBrush().color(), darkPalette().color(QPalette::Base));
    const auto axes = chart->axes();
    QVERIFY(!axes.isEmpty());
    for (const QAbstractAxis* axis : axes) QCOMPARE(axis->labelsColor(), darkPalette().color(QPalette::Text));
    QCOMPARE(chart->legend()->labelColor(), darkPalette().color(QPalette::Text));
}

QTEST_MAIN(DesktopIntegrationTest)
#include "DesktopIntegrationTest.moc"
