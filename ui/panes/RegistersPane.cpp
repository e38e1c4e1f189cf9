#include "panes/RegistersPane.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "Inspector.h"
#include "panes/FloatRegisterModel.h"
#include "panes/RegisterModel.h"

namespace glasshart {
namespace {

const QString kFormatSetting = QStringLiteral("registers/format");
const QString kTabSetting = QStringLiteral("registers/tab");

}  // namespace

// A table view that can drop an open editor without committing it: once a
// run starts, whatever was being typed no longer applies to the register.
class RegisterTableView final : public QTableView {
public:
    using QTableView::QTableView;

    void abandonEdit() {
        if (state() != EditingState) return;
        if (QWidget* editor = indexWidget(currentIndex())) closeEditor(editor, QAbstractItemDelegate::NoHint);
    }
};

RegistersPane::RegistersPane(Inspector& inspector, QWidget* parent)
    : QWidget(parent),
      model_(new RegisterModel(this)),
      view_(new RegisterTableView(this)),
      floatModel_(new FloatRegisterModel(this)),
      floatView_(new QTableView(this)),
      tabs_(new QTabWidget(this)),
      formatBox_(new QComboBox(this)),
      message_(new QLabel(this)) {
    view_->setObjectName(QStringLiteral("registersTable"));
    view_->setModel(model_);
    view_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setSectionResizeMode(RegisterModel::NameColumn, QHeaderView::ResizeToContents);
    view_->horizontalHeader()->setSectionResizeMode(RegisterModel::AbiNameColumn, QHeaderView::ResizeToContents);
    view_->horizontalHeader()->setStretchLastSection(true);
    floatView_->setObjectName(QStringLiteral("floatRegistersTable"));
    floatView_->setModel(floatModel_);
    floatView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    floatView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    floatView_->setSelectionMode(QAbstractItemView::SingleSelection);
    floatView_->verticalHeader()->hide();
    for (int column : {FloatRegisterModel::NameColumn, FloatRegisterModel::AbiNameColumn, FloatRegisterModel::BitsColumn}) {
        floatView_->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    floatView_->horizontalHeader()->setStretchLastSection(true);
    tabs_->setObjectName(QStringLiteral("registersTabs"));
    tabs_->addTab(view_, tr("Integer"));
    tabs_->setTabToolTip(0, tr("The pc and x0 to x31"));
    tabs_->addTab(floatView_, tr("Floating point"));
    tabs_->setTabToolTip(1, tr("f0 to f31 and fcsr (the F and D extensions)"));
    message_->setObjectName(QStringLiteral("registersMessage"));
    message_->setWordWrap(true);
    message_->hide();
    buildFormatChooser();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* formatRow = new QHBoxLayout;
    auto* formatLabel = new QLabel(tr("&Format:"), this);
    formatLabel->setBuddy(formatBox_);
    formatRow->addWidget(formatLabel);
    formatRow->addWidget(formatBox_);
    formatRow->addStretch();
    layout->addLayout(formatRow);
    layout->addWidget(tabs_);
    layout->addWidget(message_);

    connect(model_, &RegisterModel::registerEditRequested, this, &RegistersPane::registerEditRequested);
    connect(model_, &RegisterModel::registerEditRequested, message_, &QLabel::hide);
    connect(model_, &RegisterModel::editRefused, this,
            [this](unsigned, const QString& reason) { showRefusal(reason); });
    connect(this, &RegistersPane::registerEditRequested, &inspector, &Inspector::setRegister);
    connect(&inspector, &Inspector::snapshotUpdated, this, &RegistersPane::showSnapshot);
    connect(&inspector, &Inspector::runStateChanged, this, &RegistersPane::showRunState);
    connect(&inspector, &Inspector::programOpened, this, &RegistersPane::startNewProgram);
    // The format applies to the integer registers only.
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int tab) {
        formatBox_->setEnabled(tab == 0);
        QSettings().setValue(kTabSetting, tab);
    });
    tabs_->setCurrentIndex(QSettings().value(kTabSetting, 0).toInt());

    // Opened after a program was loaded: show what the inspector has.
    if (!inspector.programName().isEmpty()) showSnapshot(inspector.snapshot());
}

void RegistersPane::buildFormatChooser() {
    formatBox_->setObjectName(QStringLiteral("registersFormat"));
    formatBox_->setToolTip(tr("How the integer registers' values are written"));
    formatBox_->addItem(tr("Hexadecimal"), QVariant::fromValue(static_cast<int>(ValueFormat::Hex)));
    formatBox_->addItem(tr("Signed decimal"), QVariant::fromValue(static_cast<int>(ValueFormat::SignedDecimal)));
    formatBox_->addItem(tr("Unsigned decimal"), QVariant::fromValue(static_cast<int>(ValueFormat::UnsignedDecimal)));
    restoreFormat();
    connect(formatBox_, &QComboBox::currentIndexChanged, this, &RegistersPane::chooseFormat);
}

void RegistersPane::restoreFormat() {
    const auto saved = formatFromSettingsName(QSettings().value(kFormatSetting).toString());
    const ValueFormat format = saved.value_or(ValueFormat::Hex);
    formatBox_->setCurrentIndex(formatBox_->findData(static_cast<int>(format)));
    model_->setFormat(format);
}

void RegistersPane::chooseFormat(int comboIndex) {
    const auto format = static_cast<ValueFormat>(formatBox_->itemData(comboIndex).toInt());
    model_->setFormat(format);
    QSettings().setValue(kFormatSetting, settingsName(format));
}

void RegistersPane::showSnapshot(const HartSnapshot& snapshot) {
    model_->setSnapshot(snapshot);
    floatModel_->setSnapshot(snapshot);
    if (!model_->isEditable()) view_->abandonEdit();
}

void RegistersPane::showRunState(RunState state) {
    model_->setRunState(state);
    message_->hide();
    if (!model_->isEditable()) view_->abandonEdit();
}

void RegistersPane::showRefusal(const QString& reason) {
    message_->setText(reason);
    message_->show();
}

void RegistersPane::startNewProgram() {
    view_->abandonEdit();
    message_->hide();
    model_->clear();
    floatModel_->clear();
}

}  // namespace glasshart
