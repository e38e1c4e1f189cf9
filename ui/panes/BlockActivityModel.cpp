#include "panes/BlockActivityModel.h"

#include <QFontDatabase>
#include <QLocale>

namespace glasshart {

BlockActivityModel::BlockActivityModel(Kind kind, QObject* parent) : QAbstractTableModel(parent), kind_(kind) {}

void BlockActivityModel::setActivity(const BlockActivity& activity, const AddressDescriber& describe) {
    QVector<Row> rows;
    if (kind_ == Kind::Hottest) {
        rows.reserve(activity.hottest.size());
        for (const BlockActivity::Hot& hot : activity.hottest) {
            rows.append(Row{hot.guestPc, describe(hot.guestPc), hot.executions, hot.instructionCount});
        }
    } else {
        rows.reserve(activity.recent.size());
        for (const quint64 pc : activity.recent) rows.append(Row{pc, describe(pc), 0, 0});
    }
    replaceRows(std::move(rows));
}

void BlockActivityModel::clear() { replaceRows({}); }

void BlockActivityModel::replaceRows(QVector<Row> rows) {
    // Refreshed twice a second: the same number of rows is a change of data,
    // which keeps the view's selection and scroll position.
    if (rows.size() == rows_.size()) {
        rows_ = std::move(rows);
        if (!rows_.isEmpty()) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

int BlockActivityModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int BlockActivityModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid()) return 0;
    return kind_ == Kind::Hottest ? ColumnCount : SymbolColumn + 1;
}

QVariant BlockActivityModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size()) return {};
    const Row& row = rows_.at(index.row());
    switch (role) {
    case kGuestPcRole:
        return QVariant::fromValue(row.guestPc);
    case Qt::DisplayRole:
        switch (index.column()) {
        case AddressColumn:
            return hexAddress(row.guestPc);
        case SymbolColumn:
            return row.symbol;
        case EntriesColumn:
            return QLocale().toString(row.executions);
        case InstructionsColumn:
            return row.instructionCount;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (kind_ == Kind::Hottest) {
            return tr("Entered %1 times; %n guest instruction(s) per entry", nullptr,
                      static_cast<int>(row.instructionCount))
                .arg(QLocale().toString(row.executions));
        }
        return tr("Click to see this block's translation");
    case Qt::TextAlignmentRole:
        if (index.column() == EntriesColumn || index.column() == InstructionsColumn) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::FontRole:
        if (index.column() == AddressColumn) return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    default:
        return {};
    }
}

QVariant BlockActivityModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case AddressColumn:
        return tr("Block");
    case SymbolColumn:
        return tr("Symbol");
    case EntriesColumn:
        return tr("Entries");
    case InstructionsColumn:
        return tr("Instructions");
    default:
        return {};
    }
}

}  // namespace glasshart
