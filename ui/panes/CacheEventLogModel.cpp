#include "panes/CacheEventLogModel.h"

#include <QFontDatabase>
#include <QLocale>
#include <algorithm>
#include <vector>

#include "hart/Trap.h"

namespace glasshart {

namespace {

QString hex(quint64 value) { return QStringLiteral("0x%1").arg(value, 0, 16); }

QString fromView(std::string_view text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }

// mcause codes are small; anything that does not fit the engine's enums is
// reserved by the spec (a cast would wrap it onto a real cause).
constexpr quint64 kLargestCause = 0xff;

constexpr auto kKeep = static_cast<std::size_t>(CacheEventLogModel::kCapacity);

unsigned bit(CacheEventLogModel::Category category) { return 1u << static_cast<unsigned>(category); }

}  // namespace

CacheEventLogModel::CacheEventLogModel(QObject* parent) : QAbstractTableModel(parent) {}

CacheEventLogModel::Category CacheEventLogModel::categoryOf(InspectorEventKind kind) {
    switch (kind) {
    case InspectorEventKind::BlockTranslated: return Category::Translated;
    case InspectorEventKind::CacheFlushed: return Category::Flushed;
    case InspectorEventKind::BlockInvalidated: return Category::Invalidated;
    case InspectorEventKind::ChainPatched: return Category::Chained;
    case InspectorEventKind::Trap:
    case InspectorEventKind::Interrupt:
    case InspectorEventKind::SystemCall: return Category::Traps;
    }
    return Category::Traps;
}

bool CacheEventLogModel::isShown(const InspectorEvent& event) const {
    return (visibleCategories_ & bit(categoryOf(event.kind))) != 0;
}

bool CacheEventLogModel::isCategoryVisible(Category category) const {
    return (visibleCategories_ & bit(category)) != 0;
}

void CacheEventLogModel::append(const QVector<InspectorEvent>& events) {
    QVector<InspectorEvent> shown;
    for (const InspectorEvent& event : events) {
        // A Linux program's system calls have a pane of their own; the
        // ecall that made each is here as a trap.
        if (event.kind == InspectorEventKind::SystemCall) continue;
        kept_[static_cast<std::size_t>(categoryOf(event.kind))].push_back({nextSerial_++, event});
        if (isShown(event)) shown.append(event);
    }
    if (shown.size() > kCapacity) shown.remove(0, shown.size() - kCapacity);
    // Old rows leave before new ones come, so the view never holds more
    // than kCapacity.
    const auto incoming = static_cast<std::size_t>(shown.size());
    if (rows_.size() + incoming > kKeep) dropOldestRows(rows_.size() + incoming - kKeep);
    if (!shown.isEmpty()) {
        const int first = static_cast<int>(rows_.size());
        beginInsertRows({}, first, first + static_cast<int>(shown.size()) - 1);
        rows_.insert(rows_.end(), shown.cbegin(), shown.cend());
        endInsertRows();
    }
    for (auto& kind : kept_) {
        if (kind.size() > kKeep) kind.erase(kind.begin(), kind.end() - kCapacity);
    }
}

void CacheEventLogModel::dropOldestRows(std::size_t count) {
    count = std::min(count, rows_.size());
    if (count == 0) return;
    beginRemoveRows({}, 0, static_cast<int>(count) - 1);
    rows_.erase(rows_.begin(), rows_.begin() + static_cast<std::ptrdiff_t>(count));
    endRemoveRows();
}

void CacheEventLogModel::clear() {
    beginResetModel();
    for (auto& kind : kept_) kind.clear();
    rows_.clear();
    endResetModel();
}

void CacheEventLogModel::setCategoryVisible(Category category, bool visible) {
    if (isCategoryVisible(category) == visible) return;
    visibleCategories_ = visible ? (visibleCategories_ | bit(category)) : (visibleCategories_ & ~bit(category));
    beginResetModel();
    rebuildRows();
    endResetModel();
}

// Merges the shown kinds' histories in stream order and keeps the newest.
void CacheEventLogModel::rebuildRows() {
    std::vector<const Stored*> merged;
    for (std::size_t i = 0; i < kCategoryCount; ++i) {
        if (!isCategoryVisible(static_cast<Category>(i))) continue;
        for (const Stored& stored : kept_[i]) merged.push_back(&stored);
    }
    std::sort(merged.begin(), merged.end(), [](const Stored* a, const Stored* b) { return a->serial < b->serial; });
    const std::size_t skip = merged.size() > kKeep ? merged.size() - kKeep : 0;
    rows_.clear();
    for (auto it = merged.cbegin() + static_cast<std::ptrdiff_t>(skip); it != merged.cend(); ++it) {
        rows_.push_back((*it)->event);
    }
}

int CacheEventLogModel::storedCount() const {
    std::size_t count = 0;
    for (const auto& kind : kept_) count += kind.size();
    return static_cast<int>(count);
}

const InspectorEvent& CacheEventLogModel::eventAt(int row) const { return rows_[static_cast<std::size_t>(row)]; }

int CacheEventLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int CacheEventLogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString CacheEventLogModel::kindName(InspectorEventKind kind) const {
    switch (kind) {
    case InspectorEventKind::BlockTranslated: return tr("translated");
    case InspectorEventKind::CacheFlushed: return tr("flushed");
    case InspectorEventKind::BlockInvalidated: return tr("invalidated");
    case InspectorEventKind::ChainPatched: return tr("chained");
    case InspectorEventKind::Trap: return tr("trap");
    case InspectorEventKind::Interrupt: return tr("interrupt");
    case InspectorEventKind::SystemCall: return tr("system call");
    }
    return {};
}

QString CacheEventLogModel::causeName(const InspectorEvent& event) const {
    if (event.detail > kLargestCause) return tr("reserved");
    const auto code = static_cast<std::uint8_t>(event.detail);
    return event.kind == InspectorEventKind::Interrupt ? fromView(interruptName(static_cast<Interrupt>(code)))
                                                       : fromView(exceptionName(static_cast<Exception>(code)));
}

// The trap cause names are the privileged spec's terms, which the engine
// spells out; they are shown as the spec writes them, like mnemonics.
QString CacheEventLogModel::detail(const InspectorEvent& event) const {
    switch (event.kind) {
    case InspectorEventKind::ChainPatched: return tr("exit chained to %1").arg(hex(event.detail));
    case InspectorEventKind::Trap:
        return tr("cause %1 (%2), mtval %3")
            .arg(event.detail)
            .arg(causeName(event), hex(event.value));
    case InspectorEventKind::Interrupt:
        return tr("cause %1 (%2)")
            .arg(event.detail)
            .arg(causeName(event));
    case InspectorEventKind::BlockTranslated:
    case InspectorEventKind::BlockInvalidated:
    case InspectorEventKind::CacheFlushed:
    case InspectorEventKind::SystemCall: return {};
    }
    return {};
}

QVariant CacheEventLogModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const InspectorEvent& event = eventAt(index.row());
    const bool hasHostRange =
        categoryOf(event.kind) != Category::Traps && event.kind != InspectorEventKind::CacheFlushed;
    if (role == Qt::FontRole && index.column() != KindColumn && index.column() != DetailColumn) {
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    }
    if (role == Qt::TextAlignmentRole && index.column() == RetiredColumn) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case RetiredColumn: return QLocale().toString(event.retired);
    case KindColumn: return kindName(event.kind);
    case GuestPcColumn: return event.kind == InspectorEventKind::CacheFlushed ? QString() : hex(event.guestPc);
    case HostColumn:
        return hasHostRange ? tr("%1 +%2").arg(hex(event.hostOffset)).arg(event.hostSize) : QString();
    case DetailColumn: return detail(event);
    default: return {};
    }
}

QVariant CacheEventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case RetiredColumn: return tr("Retired");
    case KindColumn: return tr("Event");
    case GuestPcColumn: return tr("Guest pc");
    case HostColumn: return tr("Host offset +size");
    case DetailColumn: return tr("Detail");
    default: return {};
    }
}

}  // namespace glasshart
