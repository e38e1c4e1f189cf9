#include "linux/FetchGuestDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <signal.h>
#include <unistd.h>

namespace glasshart {
namespace {

// fetch-linux-guest's exit status when the Debian mirror cannot be reached.
constexpr int kExitUnavailable = 3;
// How long the script may take to clean up after being asked to stop.
constexpr int kStopMilliseconds = 5000;

}  // namespace

FetchGuestDialog::FetchGuestDialog(const QString& script, QWidget* parent) : QDialog(parent), script_(script) {
    setWindowTitle(tr("Get the Linux Guest"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("statusLabel"));
    status_->setWordWrap(true);
    log_ = new QPlainTextEdit(this);
    log_->setObjectName(QStringLiteral("fetchLog"));
    log_->setReadOnly(true);
    log_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    log_->setToolTip(tr("What %1 prints as it works").arg(script_));
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    connect(buttons_, &QDialogButtonBox::rejected, this, &FetchGuestDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(status_);
    layout->addWidget(log_, 1);
    layout->addWidget(buttons_);
    resize(720, 420);

    // Progress goes to standard error; standard output has only the directory.
    process_.setProcessChannelMode(QProcess::SeparateChannels);
    // A process group of its own, so that stopping it stops its downloads too.
    process_.setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(&process_, &QProcess::readyReadStandardError, this, &FetchGuestDialog::showProgress);
    connect(&process_, &QProcess::finished, this, &FetchGuestDialog::finished);
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) failed(tr("%1 could not be started: %2").arg(script_, process_.errorString()));
    });
}

FetchGuestDialog::~FetchGuestDialog() { stop(); }

void FetchGuestDialog::stop() {
    if (process_.state() == QProcess::NotRunning) return;
    // SIGTERM to the group: the script removes its work directory on the way out.
    if (const qint64 pid = process_.processId(); pid > 0) ::kill(-static_cast<pid_t>(pid), SIGTERM);
    if (!process_.waitForFinished(kStopMilliseconds)) {
        process_.kill();
        process_.waitForFinished();
    }
}

QString FetchGuestDialog::output() const { return log_->toPlainText(); }

void FetchGuestDialog::start() {
    status_->setText(tr("Downloading Debian's riscv64 kernel and busybox (about 110 MB) and building the guest. "
                        "This happens once; later boots start at once."));
    log_->appendPlainText(QStringLiteral("$ %1 --print-dir").arg(script_));
    process_.start(script_, {QStringLiteral("--print-dir")});
}

void FetchGuestDialog::showProgress() {
    const QString text = QString::fromLocal8Bit(process_.readAllStandardError());
    log_->moveCursor(QTextCursor::End);
    log_->insertPlainText(text);
    log_->moveCursor(QTextCursor::End);
}

void FetchGuestDialog::finished(int exitCode, QProcess::ExitStatus status) {
    showProgress();
    if (status != QProcess::NormalExit) {
        failed(tr("%1 stopped before it finished.").arg(script_));
        return;
    }
    if (exitCode == kExitUnavailable) {
        failed(tr("The Debian mirror cannot be reached. Check the network connection (and apt's sources: the script "
                  "uses the same mirror), then choose Boot Linux again."));
        return;
    }
    if (exitCode != 0) {
        failed(tr("%1 failed with status %2; its messages are below.").arg(script_).arg(exitCode));
        return;
    }
    directory_ = QString::fromLocal8Bit(process_.readAllStandardOutput()).trimmed();
    QDialog::accept();
}

void FetchGuestDialog::failed(const QString& explanation) {
    status_->setText(explanation);
    buttons_->setStandardButtons(QDialogButtonBox::Close);
}

void FetchGuestDialog::reject() {
    stop();
    QDialog::reject();
}

}  // namespace glasshart
