#include "linux/LinuxBootDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "machine/MachineConfig.h"

namespace glasshart {

LinuxBootDialog::LinuxBootDialog(const LinuxBootOptions& options, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Boot Linux"));
    form_ = new QFormLayout;
    kernel_ = addFileRow(tr("&Kernel:"), tr("Linux's raw kernel image (arch/riscv/boot/Image), not the ELF vmlinux"),
                         tr("Choose the Kernel Image"), tr("Kernel images (Image*);;All files (*)"));
    kernel_->setObjectName(QStringLiteral("kernelEdit"));
    initrd_ = addFileRow(tr("&Initrd:"), tr("An initial RAM disk for the kernel; leave empty to boot without one"),
                         tr("Choose the Initrd"), tr("Initial RAM disks (*.gz *.img *.cpio initrd*);;All files (*)"));
    initrd_->setObjectName(QStringLiteral("initrdEdit"));
    initrd_->setPlaceholderText(tr("none"));

    commandLine_ = new QLineEdit(this);
    commandLine_->setObjectName(QStringLiteral("commandLineEdit"));
    commandLine_->setToolTip(tr("The kernel command line (bootargs). console=ttyS0 puts the kernel's console on "
                                "the UART, which the terminal in the window shows"));
    form_->addRow(tr("&Command line:"), commandLine_);

    firmware_ = addFileRow(tr("&Firmware:"),
                           tr("The M-mode firmware that starts the kernel: OpenSBI's fw_dynamic.bin, as a raw image. "
                              "Leave empty for Debian's OpenSBI (%1), the one QEMU uses by default")
                               .arg(LinuxBootOptions::defaultFirmware()),
                           tr("Choose the Firmware"), tr("Firmware images (*.bin);;All files (*)"));
    firmware_->setObjectName(QStringLiteral("firmwareEdit"));
    firmware_->setPlaceholderText(tr("Debian's OpenSBI"));

    ramMiB_ = new QSpinBox(this);
    ramMiB_->setObjectName(QStringLiteral("ramSpin"));
    ramMiB_->setRange(static_cast<int>(kMinRamSize >> 20), static_cast<int>(kMaxRamSize >> 20));
    ramMiB_->setSingleStep(64);
    ramMiB_->setSuffix(tr(" MiB"));
    ramMiB_->setToolTip(tr("The guest's RAM at 0x80000000. The kernel, the initrd and the device tree must fit in "
                           "it; host memory is used only as the guest touches it"));
    form_->addRow(tr("&RAM:"), ramMiB_);

    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("problemLabel"));
    message_->setWordWrap(true);
    message_->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Boot"));
    QPushButton* guest = buttons->addButton(tr("&Glasshart's Guest"), QDialogButtonBox::ResetRole);
    guest->setToolTip(tr("Fill in Debian's kernel and the busybox initrd that packaging/fetch-linux-guest keeps in %1")
                          .arg(linuxGuestDirectory()));
    guest->setEnabled(cachedLinuxGuest().has_value());
    connect(guest, &QPushButton::clicked, this, &LinuxBootDialog::useGlasshartGuest);
    connect(buttons, &QDialogButtonBox::accepted, this, &LinuxBootDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LinuxBootDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form_);
    layout->addWidget(message_);
    layout->addWidget(buttons);
    setOptions(options);
    resize(640, sizeHint().height());
}

QLineEdit* LinuxBootDialog::addFileRow(const QString& label, const QString& toolTip, const QString& title,
                                      const QString& filter) {
    auto* edit = new QLineEdit(this);
    edit->setToolTip(toolTip);
    auto* browse = new QToolButton(this);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Browse for the file"));
    connect(browse, &QToolButton::clicked, this, [this, edit, title, filter] {
        const QString start = edit->text().isEmpty() ? QString() : QFileInfo(edit->text()).absolutePath();
        const QString chosen = QFileDialog::getOpenFileName(this, title, start, filter);
        if (!chosen.isEmpty()) edit->setText(chosen);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    form_->addRow(label, row);
    return edit;
}

LinuxBootOptions LinuxBootDialog::options() const {
    LinuxBootOptions options;
    options.kernel = kernel_->text().trimmed();
    options.initrd = initrd_->text().trimmed();
    options.commandLine = commandLine_->text().trimmed();
    options.firmware = firmware_->text().trimmed();
    options.ramSize = static_cast<quint64>(ramMiB_->value()) << 20;
    return options;
}

void LinuxBootDialog::setOptions(const LinuxBootOptions& options) {
    kernel_->setText(options.kernel);
    initrd_->setText(options.initrd);
    commandLine_->setText(options.commandLine);
    firmware_->setText(options.firmware);
    ramMiB_->setValue(static_cast<int>(options.ramSize >> 20));
}

void LinuxBootDialog::useGlasshartGuest() {
    const auto guest = cachedLinuxGuest();
    if (!guest) return;
    kernel_->setText(guest->kernel);
    initrd_->setText(guest->initrd);
    commandLine_->setText(LinuxBootOptions::defaultCommandLine());
    firmware_->clear();
}

QString LinuxBootDialog::problem() const {
    const LinuxBootOptions chosen = options();
    if (chosen.kernel.isEmpty()) return tr("Name the kernel image to boot.");
    const auto missing = [](const QString& path) { return !QFileInfo(path).isFile(); };
    if (missing(chosen.kernel)) return tr("There is no kernel image %1.").arg(chosen.kernel);
    if (!chosen.initrd.isEmpty() && missing(chosen.initrd)) return tr("There is no initrd %1.").arg(chosen.initrd);
    if (!chosen.firmware.isEmpty() && missing(chosen.firmware)) {
        return tr("There is no firmware %1.").arg(chosen.firmware);
    }
    if (chosen.firmware.isEmpty() && missing(LinuxBootOptions::defaultFirmware())) {
        return tr("Debian's OpenSBI firmware (%1) is not installed: install the opensbi package, or name a "
                  "firmware image.")
            .arg(LinuxBootOptions::defaultFirmware());
    }
    return {};
}

void LinuxBootDialog::accept() {
    const QString reason = problem();
    if (!reason.isEmpty()) {
        message_->setText(reason);
        message_->show();
        return;
    }
    QDialog::accept();
}

}  // namespace glasshart
