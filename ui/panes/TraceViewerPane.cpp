#include "panes/TraceViewerPane.h"

#include <QCheckBox>
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
#include <QSignalBlocker>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringList>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

#include "Inspector.h"
#include "isa/Disassembler.h"
#include "panes/BlockActivityModel.h"
#include "panes/GuestLocation.h"
#include "panes/TraceModel.h"

namespace glasshart {

namespace {

const QString kSyntaxKey = QStringLiteral("trace/syntax");
const QString kIntel = QStringLiteral("intel");
const QString kAtt = QStringLiteral("att");
const QString kProfileKey = QStringLiteral("trace/profile");
constexpr int kActivityRefreshMs = 500;

enum Page { MessagePage, TracePage };
enum ActivityPage { ActivityMessagePage, ActivityListsPage };

int charactersWide(const QFontMetrics& metrics, int characters) {
    return metrics.horizontalAdvance(QString(characters, u'0')) + 12;
}

}  // namespace

TraceViewerPane::TraceViewerPane(Inspector& inspector, QWidget* parent)
    : QWidget(parent),
      inspector_(inspector),
      model_(new TraceModel(this)),
      hottest_(new BlockActivityModel(BlockActivityModel::Kind::Hottest, this)),
      recent_(new BlockActivityModel(BlockActivityModel::Kind::Recent, this)) {
    buildUi();
    activityRefresh_.setInterval(kActivityRefreshMs);
    connect(&activityRefresh_, &QTimer::timeout, &inspector_, &Inspector::requestActivity);
    connect(this, &TraceViewerPane::profilingRequested, &inspector_, &Inspector::setProfiling);
    connect(&inspector_, &Inspector::activityDescribed, this, &TraceViewerPane::onActivityDescribed);
    connect(&inspector_, &Inspector::runStateChanged, this, &TraceViewerPane::updateActivityRefresh);
    setProfiling(QSettings().value(kProfileKey, false).toBool());
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
    blockEdit_->setToolTip(tr("Type a symbol of the program or a hex address and press Enter to see the translation "
                              "of the block that starts there"));
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

    profile_ = new QCheckBox(tr("Profile blocks"), this);
    profile_->setObjectName(QStringLiteral("profileCheck"));
    profile_->setToolTip(tr("Counts how often each translated block is entered, for the hottest and recent "
                            "blocks below. Translated code runs a little slower while it counts."));
    connect(profile_, &QCheckBox::toggled, this, &TraceViewerPane::setProfiling);

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
    // Room for a 64-bit kernel address (ffffffff80001234).
    guestView_->setColumnWidth(TraceModel::GuestAddressColumn, charactersWide(metrics, 16));
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
    splitter->setObjectName(QStringLiteral("traceColumnsSplitter"));  // the window keeps its sizes
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
    bar->addWidget(profile_);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("traceActivitySplitter"));
    split->addWidget(stack_);
    split->addWidget(buildActivityUi());
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(summary_);
    layout->addWidget(split, 1);
    showMessage(tr("Stop the guest to see the translation of the block at its pc, or name a block above."));
}

QWidget* TraceViewerPane::buildActivityUi() {
    activityMessage_ = new QLabel(this);
    activityMessage_->setObjectName(QStringLiteral("activityMessageLabel"));
    activityMessage_->setAlignment(Qt::AlignCenter);
    activityMessage_->setWordWrap(true);

    auto* lists = new QSplitter(Qt::Horizontal, this);
    lists->setObjectName(QStringLiteral("activityListsSplitter"));
    lists->setChildrenCollapsible(false);
    const std::pair<BlockActivityModel*, QString> kinds[] = {
        {hottest_, tr("Hottest blocks")},
        {recent_, tr("Recent blocks (newest first)")},
    };
    for (const auto& [model, title] : kinds) {
        auto* box = new QWidget(lists);
        auto* label = new QLabel(title, box);
        auto* boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        boxLayout->setSpacing(2);
        boxLayout->addWidget(label);
        const bool hot = model == hottest_;
        boxLayout->addWidget(makeActivityView(model, hot ? QStringLiteral("hottestView") : QStringLiteral("recentView")),
                             1);
        lists->addWidget(box);
    }
    lists->setStretchFactor(0, 3);
    lists->setStretchFactor(1, 2);

    activityStack_ = new QStackedWidget(this);
    activityStack_->addWidget(activityMessage_);
    activityStack_->addWidget(lists);
    return activityStack_;
}

QTableView* TraceViewerPane::makeActivityView(BlockActivityModel* model, const QString& name) {
    auto* view = new QTableView(this);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics metrics(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setColumnWidth(BlockActivityModel::AddressColumn, charactersWide(metrics, 16));
    view->setColumnWidth(BlockActivityModel::SymbolColumn, charactersWide(metrics, 22));
    view->verticalHeader()->setDefaultSectionSize(std::max(metrics.height() + 4, 18));
    connect(view, &QAbstractItemView::clicked, this, &TraceViewerPane::onActivityChosen);
    connect(view, &QAbstractItemView::activated, this, &TraceViewerPane::onActivityChosen);
    return view;
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

bool TraceViewerPane::isProfiling() const { return profile_->isChecked(); }

void TraceViewerPane::setProfiling(bool on) {
    {
        const QSignalBlocker blocker(profile_);
        profile_->setChecked(on);
    }
    QSettings().setValue(kProfileKey, on);
    emit profilingRequested(on);
    hottest_->clear();
    recent_->clear();
    if (on) {
        showActivityMessage(tr("No translated block has been entered since profiling began."));
        inspector_.requestActivity();
    } else {
        showActivityMessage(tr("Turn on “Profile blocks” to count block entries."));
    }
    updateActivityRefresh();
}

void TraceViewerPane::updateActivityRefresh() {
    if (isProfiling() && inspector_.isRunning()) {
        if (!activityRefresh_.isActive()) activityRefresh_.start();
    } else {
        activityRefresh_.stop();
    }
}

void TraceViewerPane::onActivityDescribed(const BlockActivity& activity) {
    if (!isProfiling()) return;
    const AddressDescriber describe = [this](quint64 address) { return inspector_.describeAddress(address); };
    hottest_->setActivity(activity, describe);
    recent_->setActivity(activity, describe);
    if (activity.hottest.isEmpty() && activity.recent.isEmpty()) {
        showActivityMessage(tr("No translated block has been entered since profiling began "
                               "(the interpreter runs no blocks)."));
        return;
    }
    activityStack_->setCurrentIndex(ActivityListsPage);
}

void TraceViewerPane::onActivityChosen(const QModelIndex& index) {
    if (!index.isValid()) return;
    showBlock(index.data(BlockActivityModel::kGuestPcRole).toULongLong());
}

void TraceViewerPane::showActivityMessage(const QString& text) {
    activityMessage_->setText(text);
    activityStack_->setCurrentIndex(ActivityMessagePage);
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
    if (isProfiling()) inspector_.requestActivity();
}

void TraceViewerPane::onProgramOpened() {
    pending_.clear();
    followed_.reset();
    model_->setPc(std::nullopt);
    model_->clear();
    summary_->clear();
    hottest_->clear();
    recent_->clear();
    if (isProfiling()) showActivityMessage(tr("No translated block has been entered since profiling began."));
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

QString TraceViewerPane::registerHomesText(const BlockDescription& block) {
    QStringList resident;
    QStringList local;
    for (const RegisterHome& home : block.registerHomes) {
        const QString pair = QStringLiteral("%1→%2").arg(QLatin1String(abiRegisterName(home.guest)),
                                                         QLatin1String(home.host.data(), home.host.size()));
        (home.resident ? resident : local).append(pair);
    }
    const QString all = resident.join(QStringLiteral(", "));
    if (local.isEmpty()) return tr("Guest registers in host registers: %1 in every block; no others in this one.").arg(all);
    return tr("Guest registers in host registers: %1 in every block; %2 in this one.")
        .arg(all, local.join(QStringLiteral(", ")));
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
                          .arg(block.translationSerial)
                      + QLatin1Char('\n') + registerHomesText(block));
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
