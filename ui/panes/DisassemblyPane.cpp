#include "panes/DisassemblyPane.h"

#include <QAction>
#include <QCheckBox>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>

#include "Inspector.h"
#include "panes/DisassemblyModel.h"
#include "panes/GuestLocation.h"

namespace glasshart {

namespace {

// The window read around an address: enough to scroll a little either way
// without asking again, small enough to decode at once.
constexpr quint64 kBytesBefore = 0x100;
constexpr quint64 kBytesAfter = 0x300;
// An address this close to an edge of the window gets a fresh window, so the
// instructions after the pc are always on screen.
constexpr quint64 kMargin = 0x40;

const QString kFollowPcKey = QStringLiteral("disassembly/followPc");

const ElfSegment* segmentContaining(const ElfImage* program, quint64 address) {
    if (program == nullptr) return nullptr;
    for (const ElfSegment& segment : program->segments()) {
        if (address >= segment.address && address - segment.address < segment.memorySize) return &segment;
    }
    return nullptr;
}

}  // namespace

DisassemblyPane::DisassemblyPane(Inspector& inspector, QWidget* parent)
    : QWidget(parent), inspector_(inspector), model_(new DisassemblyModel(this)) {
    buildUi();
    createActions();

    connect(&inspector_, &Inspector::snapshotUpdated, this, &DisassemblyPane::onSnapshot);
    connect(&inspector_, &Inspector::memoryRead, this, &DisassemblyPane::onMemoryRead);
    connect(&inspector_, &Inspector::breakpointsChanged, model_, &DisassemblyModel::setBreakpoints);
    connect(&inspector_, &Inspector::programOpened, this, &DisassemblyPane::onProgramOpened);
    connect(this, &DisassemblyPane::breakpointToggleRequested, &inspector_, &Inspector::toggleBreakpoint);
    connect(this, &DisassemblyPane::runToRequested, &inspector_, &Inspector::runTo);
    connect(this, &DisassemblyPane::memoryRequested, &inspector_, &Inspector::requestCode);

    // Created after a program was opened: catch up with it.
    if (inspector_.program() != nullptr) {
        onProgramOpened();
        if (inspector_.snapshot().sequence != 0) onSnapshot(inspector_.snapshot());
    }
}

void DisassemblyPane::buildUi() {
    goToEdit_ = new QLineEdit(this);
    goToEdit_->setObjectName(QStringLiteral("goToEdit"));
    goToEdit_->setPlaceholderText(tr("Go to symbol or address"));
    goToEdit_->setClearButtonEnabled(true);
    connect(goToEdit_, &QLineEdit::returnPressed, this, [this] { goTo(goToEdit_->text()); });

    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("messageLabel"));

    followPc_ = new QCheckBox(tr("Follow pc"), this);
    followPc_->setObjectName(QStringLiteral("followPcCheck"));
    followPc_->setToolTip(tr("Keep the current instruction in view whenever the guest stops"));
    followPc_->setChecked(QSettings().value(kFollowPcKey, true).toBool());
    connect(followPc_, &QCheckBox::toggled, this, &DisassemblyPane::setFollowPc);

    view_ = new QTableView(this);
    view_->setObjectName(QStringLiteral("disassemblyView"));
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setShowGrid(false);
    view_->setWordWrap(false);
    view_->setContextMenuPolicy(Qt::ActionsContextMenu);
    view_->verticalHeader()->hide();
    const QFontMetrics metrics(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->verticalHeader()->setDefaultSectionSize(std::max(metrics.height() + 4, 18));
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setColumnWidth(DisassemblyModel::GutterColumn, 24);
    // Room for a 64-bit kernel address (ffffffff80001234).
    view_->setColumnWidth(DisassemblyModel::AddressColumn, metrics.horizontalAdvance(QString(16, u'0')) + 12);
    view_->setColumnWidth(DisassemblyModel::BytesColumn, metrics.horizontalAdvance(QString(9, u'0')) + 12);
    connect(view_, &QTableView::clicked, this, &DisassemblyPane::onClicked);
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this, &DisassemblyPane::updateActions);
    connect(model_, &QAbstractItemModel::modelReset, this, &DisassemblyPane::applyLabelSpans);

    auto* bar = new QHBoxLayout;
    bar->addWidget(goToEdit_, 1);
    bar->addWidget(message_, 1);
    bar->addWidget(followPc_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(view_, 1);
}

void DisassemblyPane::createActions() {
    runToCursor_ = new QAction(tr("Run to cursor"), this);
    runToCursor_->setObjectName(QStringLiteral("runToCursorAction"));
    connect(runToCursor_, &QAction::triggered, this, &DisassemblyPane::runToSelection);

    toggleBreakpoint_ = new QAction(tr("Toggle breakpoint"), this);
    toggleBreakpoint_->setObjectName(QStringLiteral("toggleBreakpointAction"));
    toggleBreakpoint_->setShortcut(QKeySequence(Qt::Key_F9));
    toggleBreakpoint_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(toggleBreakpoint_, &QAction::triggered, this, &DisassemblyPane::toggleBreakpointAtSelection);

    auto* findAction = new QAction(tr("Go to symbol or address"), this);
    findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    goToEdit_->setToolTip(tr("Type a symbol of the program or a hex address and press Enter to show its code (%1 "
                             "comes here)")
                              .arg(findAction->shortcut().toString(QKeySequence::NativeText)));
    connect(findAction, &QAction::triggered, goToEdit_, [this] {
        goToEdit_->setFocus();
        goToEdit_->selectAll();
    });

    view_->addAction(runToCursor_);
    view_->addAction(toggleBreakpoint_);
    addAction(findAction);
    updateActions();
}

bool DisassemblyPane::followsPc() const { return followPc_->isChecked(); }

void DisassemblyPane::setFollowPc(bool follow) {
    followPc_->setChecked(follow);
    QSettings().setValue(kFollowPcKey, follow);
    if (follow && pc_) showAddress(*pc_, false);
}

std::optional<quint64> DisassemblyPane::selectedAddress() const {
    if (!view_->selectionModel()->hasSelection()) return std::nullopt;
    return model_->instructionAt(view_->currentIndex().row());
}

bool DisassemblyPane::goTo(const QString& location) {
    const std::optional<quint64> address = parseGuestLocation(location, inspector_.program());
    if (!address) {
        message_->setText(tr("No symbol or address \"%1\"").arg(location.trimmed()));
        return false;
    }
    message_->clear();
    showAddress(*address, true);
    return true;
}

void DisassemblyPane::runToSelection() {
    if (const auto address = selectedAddress()) emit runToRequested(*address);
}

void DisassemblyPane::toggleBreakpointAtSelection() {
    if (const auto address = selectedAddress()) emit breakpointToggleRequested(*address);
}

void DisassemblyPane::onClicked(const QModelIndex& index) {
    if (index.column() != DisassemblyModel::GutterColumn) return;
    if (const auto address = model_->instructionAt(index.row())) emit breakpointToggleRequested(*address);
}

void DisassemblyPane::updateActions() {
    const bool onInstruction = model_->instructionAt(view_->currentIndex().row()).has_value();
    runToCursor_->setEnabled(onInstruction);
    toggleBreakpoint_->setEnabled(onInstruction);
}

void DisassemblyPane::onSnapshot(const HartSnapshot& snapshot) {
    xlen_ = snapshot.xlen;
    const bool running = snapshot.runState == RunState::Running;
    const bool stopped = wasRunning_ && !running;
    wasRunning_ = running;
    // While running the pc changes faster than anyone can read it.
    if (running) return;
    const quint64 pc = snapshot.hart.pc;
    if (pc_ == pc && !stopped) return;
    pc_ = pc;
    model_->setPc(pc);
    if (stopped) {
        // The guest may have rewritten its code while it ran: read again.
        if (followsPc()) {
            requestWindow(windowFor(pc), pc, false);
        } else if (model_->hasCode()) {
            const auto length = static_cast<quint32>(model_->windowEnd() - model_->windowStart());
            requestWindow(Window{model_->windowStart(), length}, std::nullopt, false);
        }
    } else if (followsPc()) {
        showAddress(pc, false);
    }
}

void DisassemblyPane::onProgramOpened() {
    pending_.reset();
    pc_.reset();
    wasRunning_ = false;
    model_->setPc(std::nullopt);
    model_->clear();
    message_->clear();
    model_->setBreakpoints(inspector_.breakpoints());
    if (const ElfImage* program = inspector_.program()) {
        xlen_ = program->xlen();
        showAddress(program->entry(), false);
    }
}

void DisassemblyPane::showAddress(quint64 address, bool select) {
    if (windowCovers(address)) {
        focus(address, select, select);
        return;
    }
    if (pending_ && address >= pending_->window.start && address - pending_->window.start < pending_->window.length) {
        pending_->focus = address;
        pending_->select = select;
        return;
    }
    requestWindow(windowFor(address), address, select);
}

void DisassemblyPane::requestWindow(Window window, std::optional<quint64> focus, bool select) {
    pending_ = PendingWindow{window, focus, select};
    emit memoryRequested(window.start, window.length);
}

void DisassemblyPane::onMemoryRead(const MemoryContents& contents) {
    // Other panes read memory too; take only the answer to our own request.
    if (!pending_ || contents.requested != pending_->window.start) return;
    const PendingWindow request = *pending_;
    pending_.reset();
    model_->setAddressesVirtual(contents.translated);
    const quint64 address = contents.address;
    const quint64 end = address + static_cast<quint64>(contents.bytes.size());
    const bool focusReadable = !request.focus || (*request.focus >= address && *request.focus < end);
    if (contents.bytes.isEmpty() || !focusReadable) {
        showUnreadable(request, contents);
        if (contents.bytes.isEmpty()) return;
    } else if (request.focus) {
        message_->clear();
        message_->setToolTip(QString());
    }
    const std::optional<quint64> selected = selectedAddress();
    const std::optional<quint64> top = topAddress();
    model_->setCode(address, contents.bytes, xlen_, labelsIn(address, end),
                    [this](quint64 target) { return inspector_.describeAddress(target); });
    if (request.focus) {
        focus(*request.focus, request.select, true);
        return;
    }
    // A re-read of the same code: keep the reader's place.
    if (top) {
        const int row = std::max(model_->rowCovering(*top), 0);
        view_->scrollTo(model_->index(row, 0), QAbstractItemView::PositionAtTop);
    }
    if (selected) focus(*selected, true, false);
}

// Says why the code asked for is not shown; stale code is taken away rather
// than left standing next to the message.
void DisassemblyPane::showUnreadable(const PendingWindow& request, const MemoryContents& contents) {
    const QString where = hexAddress(request.focus.value_or(contents.requested));
    message_->setText(contents.translated
                          ? tr("0x%1 is not mapped for execution in the current address space").arg(where)
                          : tr("Cannot read guest memory at 0x%1: it is not RAM").arg(where));
    message_->setToolTip(contents.translated
                             ? tr("The page tables that satp points to give the hart no right to fetch there now")
                             : QString());
    if (contents.bytes.isEmpty()) model_->clear();
}

void DisassemblyPane::focus(quint64 address, bool select, bool center) {
    const int row = model_->rowCovering(address);
    if (row < 0) return;
    const QModelIndex index = model_->index(row, DisassemblyModel::InstructionColumn);
    if (select) {
        view_->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    view_->scrollTo(index, center ? QAbstractItemView::PositionAtCenter : QAbstractItemView::EnsureVisible);
}

void DisassemblyPane::applyLabelSpans() {
    view_->clearSpans();
    const int width = DisassemblyModel::ColumnCount - DisassemblyModel::AddressColumn;
    for (int row = 0; row < model_->rowCount(); ++row) {
        if (model_->isLabel(row)) view_->setSpan(row, DisassemblyModel::AddressColumn, 1, width);
    }
    updateActions();
}

DisassemblyPane::Window DisassemblyPane::windowFor(quint64 address) const {
    constexpr quint64 kMax = std::numeric_limits<quint64>::max();
    quint64 low = address >= kBytesBefore ? address - kBytesBefore : 0;
    quint64 high = address <= kMax - kBytesAfter ? address + kBytesAfter : kMax;
    // Stay inside the program's segment: beyond it there is nothing to decode.
    if (const ElfSegment* segment = segmentContaining(inspector_.program(), address)) {
        low = std::max<quint64>(low, segment->address);
        high = std::min<quint64>(high, segment->address + segment->memorySize);
    }
    low &= ~quint64{1};  // instructions are 2-byte aligned
    return Window{low, static_cast<quint32>(high - low)};
}

bool DisassemblyPane::windowCovers(quint64 address) const {
    if (!model_->contains(address)) return false;
    // Near an edge the window is fine only if a new one could not reach further.
    const Window ideal = windowFor(address);
    const quint64 low = std::max(address >= kMargin ? address - kMargin : 0, ideal.start);
    const quint64 high = std::min(address + kMargin, ideal.start + ideal.length);
    return model_->windowStart() <= low && high <= model_->windowEnd();
}

std::map<quint64, QString> DisassemblyPane::labelsIn(quint64 start, quint64 end) const {
    std::map<quint64, QString> labels;
    const ElfImage* program = inspector_.program();
    if (program == nullptr) return labels;
    for (const ElfSymbol& symbol : program->symbols()) {
        if (symbol.address < start || symbol.address >= end || labels.count(symbol.address) != 0) continue;
        // Several symbols may start here: take the one the rest of the window names.
        QString name = inspector_.describeAddress(symbol.address);
        if (name.isEmpty() || name.contains(QLatin1Char('+'))) name = QString::fromStdString(symbol.name);
        labels.emplace(symbol.address, name);
    }
    return labels;
}

std::optional<quint64> DisassemblyPane::topAddress() const {
    const int row = view_->rowAt(0);
    if (row < 0) return std::nullopt;
    return model_->data(model_->index(row, 0), DisassemblyModel::AddressRole).toULongLong();
}

}  // namespace glasshart
