#pragma once

#include <QDialog>

#include "linux/LinuxBootOptions.h"

class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace glasshart {

// "Boot Linux with Options…": the kernel, initrd, kernel command line,
// firmware and RAM size of a Linux boot, as glasshart-cli's --kernel,
// --initrd, --append, --bios and --ram take them. Accepting it checks only
// what can be checked here (a kernel is named, the files exist); the boot
// itself reports the rest.
class LinuxBootDialog : public QDialog {
    Q_OBJECT

public:
    explicit LinuxBootDialog(const LinuxBootOptions& options, QWidget* parent = nullptr);

    [[nodiscard]] LinuxBootOptions options() const;
    void setOptions(const LinuxBootOptions& options);

public slots:
    void accept() override;

private:
    QLineEdit* addFileRow(const QString& label, const QString& toolTip, const QString& title, const QString& filter);
    void useGlasshartGuest();
    [[nodiscard]] QString problem() const;

    QLineEdit* kernel_ = nullptr;
    QLineEdit* initrd_ = nullptr;
    QLineEdit* commandLine_ = nullptr;
    QLineEdit* firmware_ = nullptr;
    QSpinBox* ramMiB_ = nullptr;
    QLabel* message_ = nullptr;
    QFormLayout* form_ = nullptr;
};

}  // namespace glasshart
