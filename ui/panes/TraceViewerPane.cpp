#include "panes/TraceViewerPane.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

#include "Inspector.h"
#include "panes/GuestLocation.h"
#include "panes/TraceModel.h"

namespace glasshart {

namespace {

const QString kSyntaxKey = QStringLiteral("trace/syntax");
const QString kIntel = QStringLiteral("intel");
const QString kAtt = QStringLiteral("att");

enum Page { MessagePage, TracePage };

int charactersWide(const QFontMetrics& metrics, int characters) {
    return metrics.horizontalAdvance(QString(characters, u'0')) + 12;
}

}  // namespace

TraceViewerPane::TraceViewerPane(Inspector& inspector, QWidget* parent)
    : QWidget(parent), inspector_(inspector), model_(new TraceModel(this)) {
    buildUi();
    connect(&inspector_, &Inspector::snapshotUpdated, this, &TraceViewerPane::onSnapshot);
    connect(&inspector_, &Inspector::blockDescribed, this, &TraceViewerPane::onBlockDescribed);
    connect(&inspector_, &Inspector::programOpened, this, &TraceViewerPane::onProgramOpened);
    connect(this, &TraceViewerPane::blockRequested, &inspector_, &Inspector::requestBlock);
    // Created after a program was opened: catch up with its last stop.
    if (inspector_.program() != nullptr && inspector_.snapshot().sequence != 0) onSnapshot(inspector_.snapshot());
}

void TraceViewerPane::buildUi() {
    blockEdit_ = new QLineEdit(this);
    blockEdit_->setObjectName(QStringLiteral("blockEdit"));
    blockEdit_->setPlaceholderText(tr("Block at symbol or address"));
    blockEdit_->setClearButtonEnabled(true);
    connect(blockEdit_, &QLineEdit::returnPressed, this, [this] { showLocation(blockEdit_->text()); });

    syntax_ = new QComboBox(this);
    syntax_->setObjectName(QStringLiteral("syntaxCombo"));
    syntax_->setToolTip(tr("Assembly syntax of the x86-64 code"));
    syntax_->addItem(tr("Intel"), static_cast<int>(X86Syntax::Intel));
    syntax_->addItem(tr("AT&T"), static_cast<int>(X86Syntax::Att));
    const bool att = QSettings().value(kSyntaxKey, kIntel).toString() == kAtt;
    syntax_->setCurrentIndex(att ? 1 : 0);
    model_->setSyntax(att ? X86Syntax::Att : X86Syntax::Intel);
    connect(syntax_, &QComboBox::currentIndexChanged, this,
            [this](int index) { setSyntax(syntax_->itemData(index).toInt()); });

    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("summaryLabel"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("messageLabel"));
    message_->setAlignment(Qt::AlignCenter);
    message_->setWordWrap(true);

    guestView_ = new QTableView(this);
    guestView_->setObjectName(QStringLiteral("guestView"));
    hostView_ = new QTableView(this);
    hostView_->setObjectName(QStringLiteral("hostView"));
    configureView(guestView_);
    configureView(hostView_);
    for (int column = TraceModel::kGuestColumns; column < TraceModel::ColumnCount; ++column) {
        guestView_->setColumnHidden(column, true);
    }
    for (int column = 0; column < TraceModel::kGuestColumns; ++column) hostView_->setColumnHidden(column, true);
    const QFontMetrics metrics(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    guestView_->setColumnWidth(TraceModel::GuestAddressColumn, charactersWide(metrics, 10));
    guestView_->setColumnWidth(TraceModel::GuestBytesColumn, charactersWide(metrics, 9));
    hostView_->setColumnWidth(TraceModel::HostAddressColumn, charactersWide(metrics, 7));
    hostView_->setColumnWidth(TraceModel::HostBytesColumn, charactersWide(metrics, 20));

    // One scroll position for both sides keeps the groups side by side; the
    // host side's scroll bar drives both.
    guestView_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(guestView_->verticalScrollBar(), &QScrollBar::valueChanged, hostView_->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(hostView_->verticalScrollBar(), &QScrollBar::valueChanged, guestView_->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(guestView_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TraceViewerPane::onGuestSelectionChanged);
    connect(hostView_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TraceViewerPane::onHostSelectionChanged);
    connect(model_, &QAbstractItemModel::modelReset, this, &TraceViewerPane::applySpans);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(guestView_);
    splitter->addWidget(hostView_);
    splitter->setChildrenCollapsible(false);
    // x86-64 lines are the longer ones.
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    stack_ = new QStackedWidget(this);
    stack_->addWidget(message_);
    stack_->addWidget(splitter);

    auto* bar = new QHBoxLayout;
    bar->addWidget(blockEdit_, 1);
    bar->addWidget(syntax_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(summary_);
    layout->addWidget(stack_, 1);
    showMessage(tr("Stop the guest to see the translation of the block at its pc, or name a block above."));
}

void TraceViewerPane::configureView(QTableView* view) {
    view->setModel(model_);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    // Equal, fixed row heights on both sides: row n of one stands beside row n of the other.
    const QFontMetrics metrics(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(std::max(metrics.height() + 4, 18));
    view->horizontalHeader()->setStretchLastSection(true);
}

void TraceViewerPane::setSyntax(int syntax) {
    const auto value = static_cast<X86Syntax>(syntax);
    model_->setSyntax(value);
    QSettings().setValue(kSyntaxKey, value == X86Syntax::Att ? kAtt : kIntel);
    syntax_->setCurrentIndex(syntax_->findData(syntax));
}

void TraceViewerPane::showBlock(quint64 guestPc) {
    pending_.insert(guestPc);
    emit blockRequested(guestPc);
}

bool TraceViewerPane::showLocation(const QString& location) {
    const std::optional<quint64> address = parseGuestLocation(location, inspector_.program());
    if (!address) {
        summary_->setText(tr("No symbol or address \"%1\"").arg(location.trimmed()));
        return false;
    }
    showBlock(*address);
    return true;
}

void TraceViewerPane::onSnapshot(const HartSnapshot& snapshot) {
    xlen_ = snapshot.xlen;
    if (snapshot.runState == RunState::Running) return;
    model_->setPc(snapshot.hart.pc);
    // Only a new stop asks again: a repeated snapshot must not undo the
    // reader's choice of another block.
    const std::pair<quint64, quint64> stop{snapshot.hart.pc, snapshot.hart.retired};
    if (followed_ == stop) return;
    followed_ = stop;
    showBlock(snapshot.hart.pc);
}

void TraceViewerPane::onProgramOpened() {
    pending_.clear();
    followed_.reset();
    model_->setPc(std::nullopt);
    model_->clear();
    summary_->clear();
    if (const ElfImage* program = inspector_.program()) xlen_ = program->xlen();
    showMessage(tr("Stop the guest to see the translation of the block at its pc, or name a block above."));
}

bool TraceViewerPane::isPending(const BlockDescription& block) {
    // Other panes ask for blocks too. Ours may come back as the block that
    // contains the address asked for rather than one starting there.
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
        const quint64 pc = *it;
        if (pc == block.guestPc || (block.found && pc >= block.guestPc && pc < block.guestEnd)) {
            pending_.erase(it);
            return true;
        }
    }
    return false;
}

void TraceViewerPane::onBlockDescribed(const BlockDescription& block) {
    if (!isPending(block)) return;
    if (!block.found) {
        model_->clear();
        summary_->clear();
        showMessage(tr("No translation of 0x%1 in the cache (the interpreter runs it, or it has not run yet).")
                        .arg(hexAddress(block.guestPc)));
        return;
    }
    model_->setBlock(block, xlen_, [this](quint64 address) { return inspector_.describeAddress(address); });
    summary_->setText(tr("Block 0x%1-0x%2: %n guest instruction(s) became %3 bytes of x86-64 at 0x%4 "
                         "(translation #%5)",
                         nullptr, model_->guestCount())
                          .arg(hexAddress(block.guestPc), hexAddress(block.guestEnd))
                          .arg(block.hostCode.size())
                          .arg(hexAddress(block.hostAddress))
                          .arg(block.translationSerial));
    stack_->setCurrentIndex(TracePage);
}

void TraceViewerPane::showMessage(const QString& text) {
    message_->setText(text);
    stack_->setCurrentIndex(MessagePage);
}

void TraceViewerPane::applySpans() {
    guestView_->clearSpans();
    for (int g = 0; g < model_->groupCount(); ++g) {
        const TraceModel::Group& group = model_->group(g);
        if (group.kind != TraceModel::GroupKind::Instruction) {
            guestView_->setSpan(group.firstRow, 0, group.rowCount, TraceModel::kGuestColumns);
        } else if (group.rowCount > 1) {
            for (int column = 0; column < TraceModel::kGuestColumns; ++column) {
                guestView_->setSpan(group.firstRow, column, group.rowCount, 1);
            }
        }
    }
}

void TraceViewerPane::onGuestSelectionChanged() {
    if (linking_) return;
    selectGroups(selectedGroups(guestView_), false);
}

void TraceViewerPane::onHostSelectionChanged() {
    if (linking_) return;
    selectGroups(selectedGroups(hostView_), true);
}

std::vector<int> TraceViewerPane::selectedGroups(const QTableView* view) const {
    std::set<int> groups;
    for (const QModelIndex& index : view->selectionModel()->selection().indexes()) {
        for (const int g : model_->linkedGroups(model_->groupOfRow(index.row()))) groups.insert(g);
    }
    return {groups.begin(), groups.end()};
}

QItemSelection TraceViewerPane::rowsOf(const std::vector<int>& groups) const {
    QItemSelection selection;
    for (const int g : groups) {
        const TraceModel::Group& group = model_->group(g);
        selection.select(model_->index(group.firstRow, 0),
                         model_->index(group.firstRow + group.rowCount - 1, TraceModel::ColumnCount - 1));
    }
    return selection;
}

void TraceViewerPane::selectGroups(const std::vector<int>& groups, bool guestOnly) {
    const QScopedValueRollback<bool> guard(linking_, true);
    const QItemSelection rows = rowsOf(groups);
    guestView_->selectionModel()->select(rows, QItemSelectionModel::ClearAndSelect);
    if (guestOnly) return;
    hostView_->selectionModel()->select(rows, QItemSelectionModel::ClearAndSelect);
    if (!groups.empty()) {
        hostView_->scrollTo(model_->index(model_->group(groups.front()).firstRow, TraceModel::HostInstructionColumn));
    }
}

}  // namespace glasshart
