#include "MainWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <utility>

#include "AboutDialog.h"
#include "Language.h"
#include "ShortcutsDialog.h"
#include "linux/FetchGuestDialog.h"
#include "linux/LinuxBootDialog.h"
#include "panes/CsrPane.h"
#include "panes/DisassemblyPane.h"
#include "panes/RegistersPane.h"
#include "panes/SystemCallLogPane.h"
#include "panes/TraceViewerPane.h"
#include "panes/TranslationCachePane.h"
#include "panes/UartTerminal.h"

namespace glasshart {
namespace {

constexpr int kMaxRecentFiles = 8;
const char* const kRecentFilesKey = "mainWindow/recentFiles";
const QString kSplittersGroup = QStringLiteral("mainWindow/splitters");
constexpr int kStatusMessageMilliseconds = 10000;

// What a toolbar button says when the pointer rests on it: what the action
// does, and its shortcut (read from the action, so the two cannot differ).
void describe(QAction* action, const QString& whatItDoes) {
    action->setStatusTip(whatItDoes);
    const QKeySequence shortcut = action->shortcut();
    action->setToolTip(shortcut.isEmpty() ? whatItDoes
                                          : MainWindow::tr("%1 (%2)").arg(whatItDoes,
                                                                          shortcut.toString(QKeySequence::NativeText)));
}
const char* const kGdbPortKey = "debug/gdbPort";
// gdb's own habit (target remote :1234), as with QEMU's -s.
constexpr int kDefaultGdbPort = 1234;

// The privilege mode as the status bar shows it.
QString privilegeText(Privilege privilege) {
    switch (privilege) {
    case Privilege::Machine: return MainWindow::tr("M-mode");
    case Privilege::Supervisor: return MainWindow::tr("S-mode");
    case Privilege::User: return MainWindow::tr("U-mode");
    }
    return {};
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("Glasshart"));
    setAcceptDrops(true);
    createActions();
    createMenus();
    terminal_ = new UartTerminal(inspector_, this);
    setCentralWidget(terminal_);
    createDocks();
    createLanguageMenu();
    createHelpMenu();

    programLabel_ = new QLabel(this);
    programLabel_->setToolTip(tr("The program or system the machine runs"));
    stateLabel_ = new QLabel(this);
    stateLabel_->setToolTip(tr("Whether the guest runs, and where it stopped"));
    privilegeLabel_ = new QLabel(this);
    privilegeLabel_->setObjectName(QStringLiteral("privilegeLabel"));
    privilegeLabel_->setToolTip(tr("The hart's privilege mode: M (machine) runs the firmware, S (supervisor) the "
                                   "kernel, U (user) the programs the kernel starts"));
    speedLabel_ = new QLabel(this);
    speedLabel_->setToolTip(tr("Instructions the guest has retired, and how many million it retires a second"));
    gdbLabel_ = new QLabel(this);
    gdbLabel_->setObjectName(QStringLiteral("gdbLabel"));
    gdbLabel_->hide();
    statusBar()->addWidget(programLabel_);
    statusBar()->addWidget(stateLabel_);
    statusBar()->addPermanentWidget(gdbLabel_);
    statusBar()->addPermanentWidget(privilegeLabel_);
    statusBar()->addPermanentWidget(speedLabel_);

    connect(&inspector_, &Inspector::snapshotUpdated, this, &MainWindow::updateStatus);
    connect(&inspector_, &Inspector::runStateChanged, this, &MainWindow::updateRunControls);
    connect(&inspector_, &Inspector::errorOccurred, this, &MainWindow::showError);
    connect(&inspector_, &Inspector::gdbServerChanged, this, &MainWindow::updateGdbServer);
    connect(&inspector_, &Inspector::programOpened, this, [this](const QString& name) {
        setWindowTitle(tr("%1 — Glasshart").arg(name));
        programLabel_->setText(name);
        updateRunControls(RunState::Paused);
    });

    restoreLayout();
    const QSettings settings;
    const bool interpreter = settings.value("mainWindow/engine").toString() == QLatin1String("interp");
    (interpreter ? interpreterAction_ : translatorAction_)->setChecked(true);
    inspector_.setEngine(interpreter ? Engine::Interpreter : Engine::Translator);
    updateRecentFilesMenu();
    updateRunControls(RunState::Paused);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    openAction_ = new QAction(tr("&Open…"), this);
    openAction_->setShortcut(QKeySequence::Open);
    describe(openAction_, tr("Open a RISC-V ELF program on a fresh machine, paused at its entry"));
    connect(openAction_, &QAction::triggered, this, &MainWindow::chooseProgram);
    openDemoAction_ = new QAction(tr("Open &Demo Monitor"), this);
    describe(openDemoAction_, tr("Run the built-in demo monitor, a small shell to try the panes on"));
    connect(openDemoAction_, &QAction::triggered, this, &MainWindow::openDemo);
    bootLinuxAction_ = new QAction(tr("Boot &Linux"), this);
    bootLinuxAction_->setToolTip(tr("Boot Debian's riscv64 Linux kernel to a busybox shell on the console"));
    bootLinuxAction_->setStatusTip(bootLinuxAction_->toolTip());
    connect(bootLinuxAction_, &QAction::triggered, this, &MainWindow::bootLinux);
    bootLinuxOptionsAction_ = new QAction(tr("Boot Linux with &Options…"), this);
    bootLinuxOptionsAction_->setToolTip(tr("Boot a kernel, initrd and firmware of your choice, with a command line "
                                           "and RAM size"));
    bootLinuxOptionsAction_->setStatusTip(bootLinuxOptionsAction_->toolTip());
    connect(bootLinuxOptionsAction_, &QAction::triggered, this, &MainWindow::chooseLinuxBoot);
    quitAction_ = new QAction(tr("&Quit"), this);
    quitAction_->setShortcut(QKeySequence::Quit);
    quitAction_->setMenuRole(QAction::QuitRole);
    describe(quitAction_, tr("Close the window and stop the guest"));
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    auto action = [this](const QString& text, const QKeySequence& key, auto slot) {
        auto* created = new QAction(text, this);
        created->setShortcut(key);
        connect(created, &QAction::triggered, &inspector_, slot);
        return created;
    };
    runAction_ = action(tr("&Run / Continue"), QKeySequence(Qt::Key_F5), &Inspector::run);
    pauseAction_ = action(tr("&Pause"), QKeySequence(Qt::SHIFT | Qt::Key_F5), &Inspector::pause);
    stepAction_ = action(tr("Step &Instruction"), QKeySequence(Qt::Key_F11), &Inspector::stepInstruction);
    stepOverAction_ = action(tr("Step &Over"), QKeySequence(Qt::Key_F10), &Inspector::stepOver);
    stepBlockAction_ = action(tr("Step &Block"), QKeySequence(Qt::SHIFT | Qt::Key_F11), &Inspector::stepBlock);
    resetAction_ = action(tr("R&eset"), QKeySequence(Qt::CTRL | Qt::Key_R), &Inspector::reset);
    describe(runAction_, tr("Run the guest, or go on from where it stopped"));
    describe(pauseAction_, tr("Stop the guest where it is, to look at it"));
    describe(stepAction_, tr("Execute one instruction"));
    describe(stepOverAction_, tr("Execute one instruction, running through a call as one step"));
    describe(stepBlockAction_, tr("Run to the end of the current translated block"));
    describe(resetAction_, tr("Start the program again from its entry, on a machine as it was when it was opened"));

    startGdbAction_ = new QAction(tr("Start &GDB Server…"), this);
    startGdbAction_->setToolTip(tr("Let gdb-multiarch debug the guest: it connects with target remote :PORT and "
                                   "then drives the hart, while this window shows what it does"));
    startGdbAction_->setStatusTip(startGdbAction_->toolTip());
    connect(startGdbAction_, &QAction::triggered, this, &MainWindow::chooseGdbServerPort);
    stopGdbAction_ = new QAction(tr("Stop GDB &Server"), this);
    stopGdbAction_->setToolTip(tr("Close the GDB server and its connection; the guest stays as it is"));
    stopGdbAction_->setStatusTip(stopGdbAction_->toolTip());
    stopGdbAction_->setEnabled(false);
    connect(stopGdbAction_, &QAction::triggered, &inspector_, &Inspector::stopGdbServer);

    engineGroup_ = new QActionGroup(this);
    translatorAction_ = new QAction(tr("&Translator (RISC-V → x86-64)"), engineGroup_);
    interpreterAction_ = new QAction(tr("&Interpreter"), engineGroup_);
    for (QAction* engine : {translatorAction_, interpreterAction_}) engine->setCheckable(true);
    describe(translatorAction_, tr("Translate the guest's code into x86-64 blocks and run those: fast, and what the "
                                   "trace and cache panes show"));
    describe(interpreterAction_, tr("Execute one guest instruction at a time: slow, a reference for the translator"));
    connect(engineGroup_, &QActionGroup::triggered, this, [this](QAction* chosen) {
        const bool interpreter = chosen == interpreterAction_;
        inspector_.setEngine(interpreter ? Engine::Interpreter : Engine::Translator);
        QSettings().setValue("mainWindow/engine", interpreter ? "interp" : "dbt");
    });
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(openAction_);
    file->addAction(openDemoAction_);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(bootLinuxAction_);
    file->addAction(bootLinuxOptionsAction_);
    file->addSeparator();
    file->addAction(quitAction_);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    for (QAction* a : {runAction_, pauseAction_, stepAction_, stepOverAction_, stepBlockAction_}) run->addAction(a);
    run->addSeparator();
    run->addAction(resetAction_);
    QMenu* engine = run->addMenu(tr("&Engine"));
    engine->addActions(engineGroup_->actions());

    QMenu* debug = menuBar()->addMenu(tr("&Debug"));
    debug->addAction(startGdbAction_);
    debug->addAction(stopGdbAction_);

    viewMenu_ = menuBar()->addMenu(tr("&View"));

    controls_ = addToolBar(tr("Run controls"));
    controls_->setObjectName("runControls");
    for (QAction* a : {runAction_, pauseAction_, stepAction_, stepOverAction_, stepBlockAction_, resetAction_}) {
        controls_->addAction(a);
    }
}

void MainWindow::createLanguageMenu() {
    viewMenu_->addSeparator();
    viewMenu_->addAction(controls_->toggleViewAction());
    viewMenu_->addSeparator();
    languageMenu_ = viewMenu_->addMenu(tr("&Language"));
    languageMenu_->setObjectName(QStringLiteral("languageMenu"));
    QAction* note = languageMenu_->addAction(tr("Applies from the next start"));
    note->setEnabled(false);
    languageMenu_->addSeparator();

    auto* group = new QActionGroup(languageMenu_);
    const QString chosen = chosenLanguage();
    const auto add = [&](const QString& text, const QString& code) {
        QAction* entry = languageMenu_->addAction(text);
        entry->setObjectName(QStringLiteral("language_") + (code.isEmpty() ? QStringLiteral("system") : code));
        entry->setData(code);
        entry->setCheckable(true);
        entry->setChecked(code == chosen);
        group->addAction(entry);
    };
    // "System Default" says which language that is.
    add(tr("&System Default (%1)").arg(languageName(languageFor(QLocale::system()))), QString());
    add(languageName(QStringLiteral("en")), QStringLiteral("en"));
    for (const QString& code : translatedLanguages()) add(languageName(code), code);
    connect(group, &QActionGroup::triggered, this,
            [this](QAction* entry) { chooseLanguage(entry->data().toString()); });
}

void MainWindow::createHelpMenu() {
    shortcutsAction_ = new QAction(tr("&Keyboard Shortcuts"), this);
    shortcutsAction_->setObjectName(QStringLiteral("shortcutsAction"));
    describe(shortcutsAction_, tr("List every keyboard shortcut of the window and its panes"));
    connect(shortcutsAction_, &QAction::triggered, this, &MainWindow::showShortcuts);
    aboutAction_ = new QAction(tr("&About Glasshart"), this);
    aboutAction_->setObjectName(QStringLiteral("aboutAction"));
    aboutAction_->setMenuRole(QAction::AboutRole);
    describe(aboutAction_, tr("Glasshart's version and the versions of the libraries it uses"));
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);
    aboutQtAction_ = new QAction(tr("About &Qt"), this);
    aboutQtAction_->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQtAction_->setMenuRole(QAction::AboutQtRole);
    describe(aboutQtAction_, tr("The version and license of Qt, the toolkit of the window"));
    connect(aboutQtAction_, &QAction::triggered, qApp, &QApplication::aboutQt);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(shortcutsAction_);
    help->addSeparator();
    help->addAction(aboutAction_);
    help->addAction(aboutQtAction_);
}

void MainWindow::showAbout() {
    auto* dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showShortcuts() {
    auto* dialog = new ShortcutsDialog(*this, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::chooseLanguage(const QString& code) {
    if (code == chosenLanguage()) return;
    setChosenLanguage(code);
    const QString language = code.isEmpty() ? tr("the system's language") : languageName(code);
    auto* box = new QMessageBox(QMessageBox::Information, tr("Language"),
                                tr("Glasshart will be in %1 from its next start.").arg(language), QMessageBox::Ok,
                                this);
    box->setObjectName(QStringLiteral("languageChangedBox"));
    box->setInformativeText(tr("Quit Glasshart and start it again to see the change."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QDockWidget* MainWindow::addPane(QWidget* pane, const QString& title, const QString& objectName,
                                 Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(pane);
    addDockWidget(area, dock);
    viewMenu_->addAction(dock->toggleViewAction());
    return dock;
}

void MainWindow::createDocks() {
    QDockWidget* registers = addPane(new RegistersPane(inspector_, this), tr("Registers"), "registers", Qt::LeftDockWidgetArea);
    QDockWidget* csrs = addPane(new CsrPane(inspector_, this), tr("CSRs"), "csrs", Qt::LeftDockWidgetArea);
    tabifyDockWidget(registers, csrs);
    registers->raise();
    addPane(new DisassemblyPane(inspector_, this), tr("Disassembly"), "disassembly", Qt::RightDockWidgetArea);
    QDockWidget* trace = addPane(new TraceViewerPane(inspector_, this), tr("Trace: RISC-V → x86-64"), "trace", Qt::BottomDockWidgetArea);
    QDockWidget* cache = addPane(new TranslationCachePane(inspector_, this), tr("Translation Cache"), "cache", Qt::BottomDockWidgetArea);
    splitDockWidget(trace, cache, Qt::Horizontal);
    QDockWidget* calls = addPane(new SystemCallLogPane(inspector_, this), tr("System Calls"), "systemCalls",
                                 Qt::BottomDockWidgetArea);
    tabifyDockWidget(cache, calls);
    cache->raise();
    // Room for the console in the middle and for both columns of the trace.
    resizeDocks({registers, findChild<QDockWidget*>("disassembly")}, {440, 440}, Qt::Horizontal);
    resizeDocks({trace, cache}, {700, 800}, Qt::Horizontal);
    resizeDocks({trace}, {430}, Qt::Vertical);
}

void MainWindow::openProgram(const QString& path) {
    {
        // The Inspector reports a file it cannot load at once, through
        // errorOccurred(): showError() keeps that message for the dialog below.
        const QScopedValueRollback<QString> opening(opening_, path);
        openFailure_.clear();
        inspector_.openProgram(path);
    }
    if (!openFailure_.isEmpty()) {
        showOpenFailure(path, std::exchange(openFailure_, QString()));
        return;
    }
    if (inspector_.program() != nullptr && inspector_.programName() == QFileInfo(path).fileName()) {
        rememberRecentFile(QFileInfo(path).absoluteFilePath());
    }
}

void MainWindow::showOpenFailure(const QString& path, const QString& message) {
    const QFileInfo file(path);
    QMessageBox* box = nullptr;
    if (!file.exists()) {
        // A recent file that was moved or deleted: it leaves the list.
        QSettings settings;
        QStringList files = settings.value(kRecentFilesKey).toStringList();
        files.removeAll(file.absoluteFilePath());
        settings.setValue(kRecentFilesKey, files);
        updateRecentFilesMenu();
        box = problemBox(tr("\u201c%1\u201d is not there any more.").arg(file.fileName()),
                         tr("It may have been moved, renamed or deleted. Open it from where it is now."), message);
    } else {
        // The engine's reason (in English, like its other messages) leads:
        // "a relocatable object file, not an executable: link it first".
        const QString prefix = path + QStringLiteral(": ");
        const QString reason = message.startsWith(prefix) ? message.mid(prefix.size()) : message;
        box = problemBox(tr("Glasshart cannot run \u201c%1\u201d: %2.").arg(file.fileName(), reason),
                         tr("Glasshart runs RISC-V programs in ELF format, 32- or 64-bit, linked to load at "
                            "0x80000000 as on QEMU's virt machine. Choose such a program, or open the demo "
                            "monitor to try the window."),
                         message);
    }
    box->setObjectName(QStringLiteral("openFailureBox"));
    QPushButton* another = box->addButton(tr("Open &Another…"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Close);
    box->setDefaultButton(another);
    connect(another, &QPushButton::clicked, this, &MainWindow::chooseProgram);
    box->open();
}

QMessageBox* MainWindow::problemBox(const QString& summary, const QString& advice, const QString& details) {
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Glasshart"), summary, QMessageBox::NoButton, this);
    box->setInformativeText(advice);
    if (!details.isEmpty()) box->setDetailedText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    statusBar()->showMessage(summary, kStatusMessageMilliseconds);
    return box;
}

void MainWindow::openDemo() {
    inspector_.openDemo();
    inspector_.run();  // the demo greets the user on its console at once
}

void MainWindow::bootLinux() {
    if (const auto guest = cachedLinuxGuest()) {
        bootLinuxGuest(*guest);
        return;
    }
    const QString script = fetchLinuxGuestScript();
    QString text = tr("Glasshart's Linux guest, Debian's riscv64 kernel with a busybox shell, is not on this "
                      "computer yet.");
    QString details = tr("packaging/fetch-linux-guest downloads it (about 110 MB) from the Debian mirror of this "
                         "computer's apt sources and keeps it in %1. It needs no root.")
                          .arg(linuxGuestDirectory());
    auto* box = new QMessageBox(QMessageBox::Information, tr("Boot Linux"), text, QMessageBox::NoButton, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (script.isEmpty()) {
        box->setInformativeText(details + QLatin1Char(' ') +
                                tr("Run it from Glasshart's source tree, then choose Boot Linux again. Boot Linux "
                                   "with Options… boots a kernel of your own."));
        box->setStandardButtons(QMessageBox::Ok);
    } else {
        box->setInformativeText(details + QLatin1Char(' ') + tr("Download it now and boot?"));
        QPushButton* download = box->addButton(tr("&Download and Boot"), QMessageBox::AcceptRole);
        box->addButton(QMessageBox::Cancel);
        box->setDefaultButton(download);
        connect(download, &QPushButton::clicked, this, [this, script] { fetchLinuxGuest(script); });
    }
    box->open();
}

void MainWindow::fetchLinuxGuest(const QString& script) {
    auto* dialog = new FetchGuestDialog(script, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const auto guest = linuxGuestIn(dialog->guestDirectory())) {
            bootLinuxGuest(*guest);
        } else {
            showError(tr("%1 finished, but the guest is not complete in \u201c%2\u201d. Run it in a terminal to "
                         "see what went wrong.")
                          .arg(dialog->script(), dialog->guestDirectory()));
        }
    });
    dialog->open();
    dialog->start();
}

void MainWindow::bootLinuxGuest(const LinuxGuestFiles& guest) {
    const QString name = guest.kernelRelease.isEmpty() ? tr("Debian Linux") : tr("Debian Linux %1").arg(guest.kernelRelease);
    bootLinuxWith(guest.bootOptions(), name);
}

void MainWindow::chooseLinuxBoot() {
    LinuxBootOptions initial;
    if (const auto saved = LinuxBootOptions::load()) {
        initial = *saved;
    } else if (const auto guest = cachedLinuxGuest()) {
        initial = guest->bootOptions();
    }
    auto* dialog = new LinuxBootDialog(initial, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const LinuxBootOptions options = dialog->options();
        options.save();
        bootLinuxWith(options, tr("Linux (%1)").arg(QFileInfo(options.kernel).fileName()));
    });
    dialog->open();
}

void MainWindow::bootLinuxWith(const LinuxBootOptions& options, const QString& name) {
    // Checked here because the engine's advice names glasshart-cli's options.
    if (options.firmware.isEmpty() && !QFileInfo::exists(LinuxBootOptions::defaultFirmware())) {
        QMessageBox* box = problemBox(
            tr("Booting Linux needs OpenSBI, the firmware that starts the kernel, and it is not installed."),
            tr("Install Debian's opensbi package (sudo apt install opensbi), which puts it in %1, or choose a "
               "firmware image of your own.")
                .arg(LinuxBootOptions::defaultFirmware()));
        box->setObjectName(QStringLiteral("firmwareMissingBox"));
        QPushButton* choose = box->addButton(bootLinuxOptionsAction_->text(), QMessageBox::ActionRole);
        box->addButton(QMessageBox::Close);
        connect(choose, &QPushButton::clicked, this, &MainWindow::chooseLinuxBoot);
        box->open();
        return;
    }
    inspector_.bootLinux(options, name);
    inspector_.run();  // waits in the worker's queue until the machine is built
    programLabel_->setText(name);
    stateLabel_->setText(tr("Booting: reading the kernel and initrd"));
    terminal_->setFocus();  // the console is where the user types next
}

void MainWindow::chooseGdbServerPort() {
    bool chosen = false;
    const int port = QInputDialog::getInt(
        this, tr("Start GDB Server"),
        tr("Port on this computer (127.0.0.1) where gdb connects with\ntarget remote :PORT"),
        QSettings().value(kGdbPortKey, kDefaultGdbPort).toInt(), 1, 65535, 1, &chosen);
    if (!chosen) return;
    QSettings().setValue(kGdbPortKey, port);
    inspector_.startGdbServer(static_cast<quint16>(port));
}

void MainWindow::updateGdbServer(const GdbServerStatus& status) {
    using State = GdbServerStatus::State;
    stopGdbAction_->setEnabled(status.state == State::Listening || status.state == State::Connected);
    gdbLabel_->setVisible(status.state == State::Listening || status.state == State::Connected);
    switch (status.state) {
    case State::Off: case State::Failed: break;
    case State::Listening:
        gdbLabel_->setText(tr("GDB: waiting on %1").arg(status.address));
        gdbLabel_->setToolTip(tr("Connect with gdb-multiarch -ex 'target remote %1' PROGRAM.elf").arg(status.address));
        break;
    case State::Connected:
        gdbLabel_->setText(tr("GDB: connected"));
        gdbLabel_->setToolTip(tr("gdb drives the hart: continue and step in gdb. Pause here stops it. (%1)")
                                  .arg(status.detail));
        break;
    }
    if (status.state == State::Failed) {
        showError(tr("The GDB server could not start: %1. Choose another port with Debug ▸ Start GDB Server…")
                      .arg(status.detail));
    }
    updateRunControls(inspector_.snapshot().runState);
}

void MainWindow::chooseProgram() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open RISC-V Program"), QString(),
                                                      tr("ELF executables (*.elf);;All files (*)"));
    if (!path.isEmpty()) openProgram(path);
}

void MainWindow::rememberRecentFile(const QString& path) {
    QSettings settings;
    QStringList files = settings.value(kRecentFilesKey).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles) files.removeLast();
    settings.setValue(kRecentFilesKey, files);
    updateRecentFilesMenu();
}

void MainWindow::updateRecentFilesMenu() {
    recentMenu_->clear();
    const QStringList files = QSettings().value(kRecentFilesKey).toStringList();
    for (const QString& path : files) {
        QAction* entry = recentMenu_->addAction(QFileInfo(path).fileName());
        entry->setToolTip(path);
        connect(entry, &QAction::triggered, this, [this, path] { openProgram(path); });
    }
    recentMenu_->setEnabled(!files.isEmpty());
}

void MainWindow::updateStatus(const HartSnapshot& snapshot) {
    privilegeLabel_->setText(privilegeText(snapshot.hart.privilege));
    speedLabel_->setText(tr("%1 instructions · %2 MIPS")
                             .arg(snapshot.hart.retired)
                             .arg(snapshot.instructionsPerSecond / 1e6, 0, 'f', 1));
}

void MainWindow::updateRunControls(RunState state) {
    // A guest asleep until input counts as running: it goes on when typed at.
    const bool running = state == RunState::Running || state == RunState::Waiting;
    // While gdb is connected it runs and steps the hart; the window may pause it.
    const bool gdbDrives = inspector_.gdbServer().state == GdbServerStatus::State::Connected;
    const bool stopped = state == RunState::Paused && !gdbDrives;
    runAction_->setEnabled(stopped);
    pauseAction_->setEnabled(running);
    for (QAction* a : {stepAction_, stepOverAction_, stepBlockAction_}) a->setEnabled(stopped);
    switch (state) {
    case RunState::Paused: stateLabel_->setText(tr("Paused at 0x%1").arg(inspector_.snapshot().hart.pc, 0, 16)); break;
    case RunState::Running: stateLabel_->setText(tr("Running")); break;
    case RunState::Exited: stateLabel_->setText(tr("The guest exited with status %1").arg(inspector_.snapshot().exitCode)); break;
    case RunState::Waiting: stateLabel_->setText(tr("Waiting: the guest sleeps until an interrupt, such as a key typed in the console")); break;
    case RunState::LockedUp: stateLabel_->setText(tr("The guest jumped to nothing")); break;
    }
}

void MainWindow::showError(const QString& message) {
    if (!opening_.isEmpty()) {  // openProgram() says it better, knowing the file
        openFailure_ = message;
        return;
    }
    if (inspector_.programName().isEmpty()) {  // a boot failed: nothing is loaded any more
        setWindowTitle(tr("Glasshart"));
        programLabel_->clear();
        stateLabel_->clear();
    }
    statusBar()->showMessage(message, kStatusMessageMilliseconds);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Glasshart"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();  // not exec(): the window keeps refreshing behind it
}

void MainWindow::restoreLayout() {
    QSettings settings;
    resize(1500, 950);  // the first start; later ones restore what the user left
    restoreGeometry(settings.value("mainWindow/geometry").toByteArray());
    restoreState(settings.value("mainWindow/state").toByteArray());
    // The panes' splitters, by name: the panes are made before this runs.
    settings.beginGroup(kSplittersGroup);
    for (QSplitter* splitter : findChildren<QSplitter*>()) {
        const QString name = splitter->objectName();
        if (!name.isEmpty()) splitter->restoreState(settings.value(name).toByteArray());
    }
}

void MainWindow::saveLayout() {
    QSettings settings;
    settings.setValue("mainWindow/geometry", saveGeometry());
    settings.setValue("mainWindow/state", saveState());
    settings.beginGroup(kSplittersGroup);
    for (const QSplitter* splitter : findChildren<QSplitter*>()) {
        if (!splitter->objectName().isEmpty()) settings.setValue(splitter->objectName(), splitter->saveState());
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) openProgram(urls.first().toLocalFile());
}

}  // namespace glasshart
