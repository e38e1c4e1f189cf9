#pragma once

#include <QMainWindow>
#include <QStringList>

#include "Inspector.h"
#include "linux/LinuxBootOptions.h"

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QMessageBox;
class QToolBar;

namespace glasshart {

class UartTerminal;

// The main window: the guest's console in the middle, the inspector panes
// around it as dock widgets, and the run controls. The window's geometry,
// the docks' and toolbar's arrangement, the panes' splitters, the recent
// files, the engine and the language persist through QSettings (the panes
// keep their own choices there too).
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] Inspector& inspector() { return inspector_; }
    [[nodiscard]] QAction* runAction() const { return runAction_; }
    [[nodiscard]] QAction* pauseAction() const { return pauseAction_; }
    [[nodiscard]] QAction* stepAction() const { return stepAction_; }
    [[nodiscard]] QAction* stepOverAction() const { return stepOverAction_; }
    [[nodiscard]] QAction* stepBlockAction() const { return stepBlockAction_; }
    [[nodiscard]] QAction* resetAction() const { return resetAction_; }
    [[nodiscard]] QAction* bootLinuxAction() const { return bootLinuxAction_; }
    [[nodiscard]] QAction* bootLinuxWithOptionsAction() const { return bootLinuxOptionsAction_; }
    [[nodiscard]] QAction* aboutAction() const { return aboutAction_; }
    [[nodiscard]] QAction* aboutQtAction() const { return aboutQtAction_; }
    [[nodiscard]] QAction* shortcutsAction() const { return shortcutsAction_; }
    [[nodiscard]] QMenu* languageMenu() const { return languageMenu_; }
    [[nodiscard]] UartTerminal* terminal() const { return terminal_; }
    [[nodiscard]] QAction* startGdbServerAction() const { return startGdbAction_; }
    [[nodiscard]] QAction* stopGdbServerAction() const { return stopGdbAction_; }

public slots:
    void openProgram(const QString& path);
    void openDemo();
    // File > Boot Linux: boots Glasshart's Debian guest if it is cached;
    // if not, explains how to get it and offers to fetch it.
    void bootLinux();
    // File > Boot Linux with Options…: asks for the images, then boots.
    void chooseLinuxBoot();
    // Boots `options` and runs: the console then shows the kernel.
    void bootLinuxWith(const glasshart::LinuxBootOptions& options, const QString& name);
    // Help ▸ About Glasshart and Help ▸ Keyboard Shortcuts.
    void showAbout();
    void showShortcuts();
    // View ▸ Language: remembers the language (code, or empty for the
    // system's) for the next start and says so.
    void chooseLanguage(const QString& code);
    // Debug > Start GDB Server…: asks for the port, then serves gdb there.
    void chooseGdbServerPort();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void createLanguageMenu();
    void createHelpMenu();
    void saveLayout();
    void restoreLayout();
    QDockWidget* addPane(QWidget* pane, const QString& title, const QString& objectName, Qt::DockWidgetArea area);
    void chooseProgram();
    void rememberRecentFile(const QString& path);
    void updateRecentFilesMenu();
    void updateStatus(const HartSnapshot& snapshot);
    void updateRunControls(RunState state);
    void showError(const QString& message);
    // A problem the user can act on: a short summary, what to do, and any
    // details behind "Show Details…". Opened by the caller, who may add
    // buttons first.
    QMessageBox* problemBox(const QString& summary, const QString& advice, const QString& details = {});
    void showOpenFailure(const QString& path, const QString& message);
    void fetchLinuxGuest(const QString& script);
    void bootLinuxGuest(const LinuxGuestFiles& guest);
    void updateGdbServer(const GdbServerStatus& status);

    Inspector inspector_;
    UartTerminal* terminal_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* openDemoAction_ = nullptr;
    QAction* bootLinuxAction_ = nullptr;
    QAction* bootLinuxOptionsAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QAction* aboutQtAction_ = nullptr;
    QAction* shortcutsAction_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QToolBar* controls_ = nullptr;
    QAction* runAction_ = nullptr;
    QAction* pauseAction_ = nullptr;
    QAction* stepAction_ = nullptr;
    QAction* stepOverAction_ = nullptr;
    QAction* stepBlockAction_ = nullptr;
    QAction* resetAction_ = nullptr;
    QAction* translatorAction_ = nullptr;
    QAction* interpreterAction_ = nullptr;
    QActionGroup* engineGroup_ = nullptr;
    QAction* startGdbAction_ = nullptr;
    QAction* stopGdbAction_ = nullptr;
    QLabel* programLabel_ = nullptr;
    QLabel* stateLabel_ = nullptr;
    QLabel* privilegeLabel_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    // While openProgram() loads a file: its errors are about that file.
    QString opening_;
    QString openFailure_;
    QLabel* gdbLabel_ = nullptr;
};

}  // namespace glasshart
