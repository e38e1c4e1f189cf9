#pragma once

#include <QDialog>
#include <QProcess>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace glasshart {

// Runs packaging/fetch-linux-guest, which downloads Debian's riscv64
// kernel and busybox and builds Glasshart's Linux guest from them, with its
// progress shown as it comes. Accepted once the guest is in place;
// Cancel stops the script (the next run starts over).
class FetchGuestDialog : public QDialog {
    Q_OBJECT

public:
    FetchGuestDialog(const QString& script, QWidget* parent = nullptr);
    ~FetchGuestDialog() override;

    // The directory the script reported, once it succeeded.
    [[nodiscard]] QString guestDirectory() const { return directory_; }
    [[nodiscard]] QString output() const;
    [[nodiscard]] QString script() const { return script_; }

public slots:
    void start();
    void reject() override;

private:
    void stop();
    void showProgress();
    void finished(int exitCode, QProcess::ExitStatus status);
    void failed(const QString& explanation);

    QString script_;
    QProcess process_;
    QLabel* status_ = nullptr;
    QPlainTextEdit* log_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
    QString directory_;
};

}  // namespace glasshart
