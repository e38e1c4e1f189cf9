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
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

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

    programLabel_ = new QLabel(this);
    stateLabel_ = new QLabel(this);
    privilegeLabel_ = new QLabel(this);
    privilegeLabel_->setObjectName(QStringLiteral("privilegeLabel"));
    privilegeLabel_->setToolTip(tr("The hart's privilege mode: M (machine) runs the firmware, S (supervisor) the "
                                   "kernel, U (user) the programs the kernel starts"));
    speedLabel_ = new QLabel(this);
    statusBar()->addWidget(programLabel_);
    statusBar()->addWidget(stateLabel_);
    statusBar()->addPermanentWidget(privilegeLabel_);
    statusBar()->addPermanentWidget(speedLabel_);

    connect(&inspector_, &Inspector::snapshotUpdated, this, &MainWindow::updateStatus);
    connect(&inspector_, &Inspector::runStateChanged, this, &MainWindow::updateRunControls);
    connect(&inspector_, &Inspector::errorOccurred, this, &MainWindow::showError);
    connect(&inspector_, &Inspector::programOpened, this, [this](const QString& name) {
        setWindowTitle(tr("%1 — Glasshart").arg(name));
        programLabel_->setText(name);
        updateRunControls(RunState::Paused);
    });

    QSettings settings;
    resize(1500, 950);  // the first start; later ones restore what the user left
    restoreGeometry(settings.value("mainWindow/geometry").toByteArray());
    restoreState(settings.value("mainWindow/state").toByteArray());
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
    connect(openAction_, &QAction::triggered, this, &MainWindow::chooseProgram);
    openDemoAction_ = new QAction(tr("Open &Demo Monitor"), this);
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

    engineGroup_ = new QActionGroup(this);
    translatorAction_ = new QAction(tr("&Translator (RISC-V → x86-64)"), engineGroup_);
    interpreterAction_ = new QAction(tr("&Interpreter"), engineGroup_);
    for (QAction* engine : {translatorAction_, interpreterAction_}) engine->setCheckable(true);
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

    viewMenu_ = menuBar()->addMenu(tr("&View"));

    QToolBar* controls = addToolBar(tr("Run controls"));
    controls->setObjectName("runControls");
    for (QAction* a : {runAction_, pauseAction_, stepAction_, stepOverAction_, stepBlockAction_, resetAction_}) {
        controls->addAction(a);
    }
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
    inspector_.openProgram(path);
    if (inspector_.program() != nullptr && inspector_.programName() == QFileInfo(path).fileName()) {
        rememberRecentFile(QFileInfo(path).absoluteFilePath());
    }
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
        showError(tr("Booting Linux needs OpenSBI, the firmware that starts the kernel, and Debian's is not "
                     "installed (%1). Install the opensbi package (sudo apt install opensbi), or name a firmware "
                     "image in File ▸ Boot Linux with Options…")
                      .arg(LinuxBootOptions::defaultFirmware()));
        return;
    }
    inspector_.bootLinux(options, name);
    inspector_.run();  // waits in the worker's queue until the machine is built
    programLabel_->setText(name);
    stateLabel_->setText(tr("Booting: reading the kernel and initrd"));
    terminal_->setFocus();  // the console is where the user types next
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
    const bool stopped = state == RunState::Paused;
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
    if (inspector_.programName().isEmpty()) {  // a boot failed: nothing is loaded any more
        setWindowTitle(tr("Glasshart"));
        programLabel_->clear();
        stateLabel_->clear();
    }
    statusBar()->showMessage(message, 10000);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Glasshart"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();  // not exec(): the window keeps refreshing behind it
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue("mainWindow/geometry", saveGeometry());
    settings.setValue("mainWindow/state", saveState());
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
