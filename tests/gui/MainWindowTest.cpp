// The whole window on the real demo guest: the run controls' shortcuts, the
// panes' own widgets, and the worker behind them.

#include <QComboBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QLineSeries>
#include <QScatterSeries>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include "MainWindow.h"
#include "linux/LinuxBootDialog.h"
#include "panes/DisassemblyPane.h"
#include "panes/RegistersPane.h"
#include "panes/TraceModel.h"
#include "panes/TraceViewerPane.h"
#include "panes/TranslationCachePane.h"
#include "panes/UartTerminal.h"

using namespace glasshart;

namespace {

constexpr int kTimeout = 20000;
const QString kDemo = QStringLiteral(GLASSHART_GUEST_DIR "/demo-rv64.elf");

QString hex(quint64 value) { return QString::number(value, 16); }

// Whether any cell of the integer registers table shows `text` (case-insensitive).
bool registersShow(RegistersPane& pane, const QString& text) {
    const QAbstractItemModel* model = pane.findChild<QTableView*>(QStringLiteral("registersTable"))->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            if (model->index(row, column).data().toString().contains(text, Qt::CaseInsensitive)) return true;
        }
    }
    return false;
}

}  // namespace

class MainWindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // keep the user's settings out of it
        QSettings().clear();
    }
    void init() {
        window_ = std::make_unique<MainWindow>();
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }
    void cleanup() { window_.reset(); }

    void stepShowsThePcAndRegistersChange();
    void breakpointFromTheDisassemblyStopsTheTranslator();
    void typingReachesTheGuestAndItsEchoComesBack();
    void smallCacheFlushesWhileTheChartMoves();
    void traceViewerFillsBothColumns();
    void bootLinuxWithoutTheGuestSaysHowToGetIt();
    void bootLinuxWithOptionsChecksAndRemembers();

private:
    Inspector& inspector() { return window_->inspector(); }
    void openPaused();
    void runToPrompt();
    std::unique_ptr<MainWindow> window_;
};

void MainWindowTest::openPaused() {
    window_->openProgram(kDemo);
    QVERIFY(inspector().program() != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(inspector().snapshot().sequence > 0, kTimeout);
    QCOMPARE(inspector().snapshot().runState, RunState::Paused);
}

void MainWindowTest::runToPrompt() {
    auto* terminal = window_->findChild<UartTerminal*>();
    QTest::keyClick(window_.get(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(terminal->toPlainText().contains("> "), kTimeout);
}

void MainWindowTest::stepShowsThePcAndRegistersChange() {
    openPaused();
    const quint64 entry = inspector().snapshot().hart.pc;
    QVERIFY(window_->stepAction()->isEnabled());
    QTest::keyClick(window_.get(), Qt::Key_F11);
    QTRY_VERIFY_WITH_TIMEOUT(inspector().snapshot().hart.pc != entry, kTimeout);
    QCOMPARE(inspector().snapshot().hart.retired, std::uint64_t{1});
    // The first instruction is `auipc gp, ...`: gp now holds an address near the entry.
    const quint64 gp = inspector().snapshot().hart.x[3];
    QVERIFY(gp != 0);
    auto* registers = window_->findChild<RegistersPane*>();
    QTRY_VERIFY_WITH_TIMEOUT(registersShow(*registers, hex(inspector().snapshot().hart.pc)), kTimeout);
    QVERIFY(registersShow(*registers, hex(gp)));
}

void MainWindowTest::breakpointFromTheDisassemblyStopsTheTranslator() {
    openPaused();
    const auto help = inspector().program()->symbolAddress("command_help");
    QVERIFY(help);
    auto* disassembly = window_->findChild<DisassemblyPane*>();
    auto* goTo = disassembly->findChild<QLineEdit*>("goToEdit");
    QTest::keyClicks(goTo, "command_help");
    QTest::keyClick(goTo, Qt::Key_Return);
    QSignalSpy toggled(disassembly, &DisassemblyPane::breakpointToggleRequested);
    QTRY_VERIFY_WITH_TIMEOUT((disassembly->toggleBreakpointAtSelection(), !toggled.isEmpty()), kTimeout);
    QCOMPARE(toggled.first().first().toULongLong(), *help);
    QVERIFY(inspector().breakpoints().contains(*help));
    runToPrompt();
    QTest::keyClicks(window_->findChild<UartTerminal*>(), "help");
    QTest::keyClick(window_->findChild<UartTerminal*>(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(inspector().snapshot().runState, RunState::Paused, kTimeout);
    QCOMPARE(inspector().snapshot().hart.pc, *help);
    QCOMPARE(inspector().snapshot().engine, Engine::Translator);
}

void MainWindowTest::typingReachesTheGuestAndItsEchoComesBack() {
    openPaused();
    runToPrompt();
    auto* terminal = window_->findChild<UartTerminal*>();
    QTest::keyClicks(terminal, "echo glass heart");
    QTest::keyClick(terminal, Qt::Key_Return);
    // The monitor echoes the typed line and then prints the text again.
    QTRY_VERIFY_WITH_TIMEOUT(terminal->toPlainText().count("glass heart") >= 2, kTimeout);
}

void MainWindowTest::smallCacheFlushesWhileTheChartMoves() {
    openPaused();
    auto* cachePane = window_->findChild<TranslationCachePane*>();
    auto* sizes = cachePane->findChild<QComboBox*>();
    const int smallest = sizes->findData(QVariant::fromValue<quint64>(16 * 1024));
    QVERIFY2(smallest >= 0, "the size control offers 16 KiB");
    sizes->setCurrentIndex(smallest);
    emit sizes->activated(smallest);  // as when the user picks it from the list
    runToPrompt();
    const int pointsBefore = cachePane->fillSeries()->count();
    auto* terminal = window_->findChild<UartTerminal*>();
    QTest::keyClicks(terminal, "flood 20");
    QTest::keyClick(terminal, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(inspector().snapshot().cache.statistics.flushes >= 2, kTimeout);
    QCOMPARE(inspector().snapshot().cache.capacity, std::uint64_t{16 * 1024});
    QTRY_VERIFY_WITH_TIMEOUT(cachePane->flushSeries()->count() > 0, kTimeout);
    QVERIFY(cachePane->fillSeries()->count() > pointsBefore);
}

void MainWindowTest::traceViewerFillsBothColumns() {
    openPaused();
    runToPrompt();
    QTest::keyClick(window_.get(), Qt::Key_F5, Qt::ShiftModifier);  // pause
    QTRY_COMPARE_WITH_TIMEOUT(inspector().snapshot().runState, RunState::Paused, kTimeout);
    auto* trace = window_->findChild<TraceViewerPane*>();
    const auto getc = inspector().program()->symbolAddress("guest_getc");
    QVERIFY(getc);
    trace->showBlock(*getc);
    TraceModel* model = trace->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->guestCount() > 0, kTimeout);
    bool guestText = false;
    bool hostText = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        guestText = guestText || !model->index(row, TraceModel::GuestInstructionColumn).data().toString().isEmpty();
        hostText = hostText || !model->index(row, TraceModel::HostInstructionColumn).data().toString().isEmpty();
    }
    QVERIFY(guestText);
    QVERIFY(hostText);
}

void MainWindowTest::bootLinuxWithoutTheGuestSaysHowToGetIt() {
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    qputenv("GLASSHART_LINUX_GUEST_DIR", empty.path().toUtf8());
    window_->bootLinuxAction()->trigger();
    qunsetenv("GLASSHART_LINUX_GUEST_DIR");
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = window_->findChild<QMessageBox*>()) != nullptr && box->isVisible(), kTimeout);
    QVERIFY2(box->informativeText().contains(empty.path()), qPrintable(box->informativeText()));
    QVERIFY(box->informativeText().contains(QStringLiteral("fetch-linux-guest")));
    // This build's source tree has the script: the box offers to run it.
    bool offersDownload = false;
    for (QAbstractButton* button : box->buttons()) {
        offersDownload = offersDownload || button->text() == MainWindow::tr("&Download and Boot");
    }
    QVERIFY(offersDownload);
    box->reject();
    QVERIFY(inspector().programName().isEmpty());  // nothing was booted
}

void MainWindowTest::bootLinuxWithOptionsChecksAndRemembers() {
    QTemporaryDir images;
    QVERIFY(images.isValid());
    const QString kernel = images.filePath(QStringLiteral("Image"));
    const QString firmware = images.filePath(QStringLiteral("fw.bin"));
    for (const auto& [path, size] : {std::pair{kernel, 3 << 20}, std::pair{firmware, 16}}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(QByteArray(size, '\x13')) == size);
    }
    window_->bootLinuxWithOptionsAction()->trigger();
    LinuxBootDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window_->findChild<LinuxBootDialog*>()) != nullptr && dialog->isVisible(),
                             kTimeout);
    auto* kernelEdit = dialog->findChild<QLineEdit*>(QStringLiteral("kernelEdit"));
    auto* problem = dialog->findChild<QLabel*>(QStringLiteral("problemLabel"));
    QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("commandLineEdit"))->text(), QStringLiteral("console=ttyS0"));
    kernelEdit->setText(images.filePath(QStringLiteral("missing-Image")));
    dialog->accept();
    QVERIFY(dialog->isVisible());  // refused, with the reason
    QVERIFY2(problem->isVisible() && problem->text().contains(QStringLiteral("missing-Image")),
             qPrintable(problem->text()));
    kernelEdit->setText(kernel);
    dialog->findChild<QLineEdit*>(QStringLiteral("firmwareEdit"))->setText(firmware);
    dialog->findChild<QLineEdit*>(QStringLiteral("commandLineEdit"))->setText(QStringLiteral("console=ttyS0 quiet"));
    dialog->findChild<QSpinBox*>(QStringLiteral("ramSpin"))->setValue(2);  // MiB: too little for a 3 MiB kernel
    QSignalSpy errors(&inspector(), &Inspector::errorOccurred);
    dialog->accept();
    // The boot fails in the worker, and the window says what to do.
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, kTimeout);
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = window_->findChild<QMessageBox*>()) != nullptr && box->isVisible(), kTimeout);
    QVERIFY2(box->text().contains(QStringLiteral("give the machine more RAM")), qPrintable(box->text()));
    box->accept();
    // Remembered for the next time.
    const auto saved = LinuxBootOptions::load();
    QVERIFY(saved);
    QCOMPARE(saved->kernel, kernel);
    QCOMPARE(saved->firmware, firmware);
    QCOMPARE(saved->commandLine, QStringLiteral("console=ttyS0 quiet"));
    QCOMPARE(saved->ramSize, quint64{2} << 20);
}

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
