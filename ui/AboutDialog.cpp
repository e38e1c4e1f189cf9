#include "AboutDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "LibraryVersions.h"

namespace glasshart {
namespace {

constexpr int kIconSize = 64;

// A library's version, and the one it was built against if that differs
// in what it says.
QString versionText(const QString& running, const QString& built) {
    if (built.isEmpty() || running == built) return running;
    return AboutDialog::tr("%1 (built with %2)").arg(running, built);
}

QLabel* selectableLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

}  // namespace

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("About Glasshart"));

    auto* icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(kIconSize, kIconSize));
    auto* title = new QLabel(tr("Glasshart %1").arg(QStringLiteral(GLASSHART_VERSION)), this);
    title->setObjectName(QStringLiteral("titleLabel"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* description = new QLabel(
        tr("A RISC-V emulator whose window shows its RISC-V to x86-64 translator at work: the guest's console, its "
           "registers and code, and the translation cache as it fills."),
        this);
    description->setWordWrap(true);

    const LibraryVersions versions = libraryVersions();
    auto* form = new QFormLayout;
    auto* qt = selectableLabel(versionText(versions.qtRuntime, versions.qtBuilt), this);
    qt->setObjectName(QStringLiteral("qtVersion"));
    auto* asmjit = selectableLabel(versions.asmjit, this);
    asmjit->setObjectName(QStringLiteral("asmjitVersion"));
    auto* capstone = selectableLabel(versionText(versions.capstoneRuntime, versions.capstoneBuilt), this);
    capstone->setObjectName(QStringLiteral("capstoneVersion"));
    form->addRow(tr("Qt:"), qt);
    form->addRow(tr("asmjit (x86-64 code generation):"), asmjit);
    form->addRow(tr("Capstone (x86-64 disassembly):"), capstone);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("&Copy Versions"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyVersions"));
    copy->setToolTip(tr("Copy Glasshart's and the libraries' versions, for a bug report"));
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(versionsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* heading = new QHBoxLayout;
    heading->addWidget(icon, 0, Qt::AlignTop);
    auto* text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(description);
    text->addLayout(form);
    heading->addLayout(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(heading);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

QString AboutDialog::versionsText() const {
    const LibraryVersions versions = libraryVersions();
    // Not translated: bug reports are read by the developers.
    return QStringLiteral("Glasshart %1\nQt %2 (built with %3)\nasmjit %4\nCapstone %5 (built with %6)\n")
        .arg(QStringLiteral(GLASSHART_VERSION), versions.qtRuntime, versions.qtBuilt, versions.asmjit,
             versions.capstoneRuntime, versions.capstoneBuilt);
}

}  // namespace glasshart
