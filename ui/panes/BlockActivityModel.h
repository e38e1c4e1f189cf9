#pragma once

#include <QAbstractTableModel>
#include <QVector>

#include "BlockDescription.h"
#include "panes/GuestLocation.h"

namespace glasshart {

// One of the trace viewer's two block lists: the hottest translated blocks
// (by entry count) or the most recently entered ones (newest first). Rows
// keep the order the Inspector reported them in.
class BlockActivityModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum class Kind { Hottest, Recent };
    // The Recent list shows only the first two columns.
    enum Column { AddressColumn, SymbolColumn, EntriesColumn, InstructionsColumn, ColumnCount };
    // Qt::UserRole on any cell: the block's guest pc as a quint64.
    static constexpr int kGuestPcRole = Qt::UserRole;

    explicit BlockActivityModel(Kind kind, QObject* parent = nullptr);

    [[nodiscard]] Kind kind() const { return kind_; }
    // Takes this model's half of `activity`, naming each pc with `describe`.
    void setActivity(const BlockActivity& activity, const AddressDescriber& describe);
    void clear();
    [[nodiscard]] quint64 guestPcAt(int row) const { return rows_.at(row).guestPc; }
    [[nodiscard]] quint64 entriesAt(int row) const { return rows_.at(row).executions; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    struct Row {
        quint64 guestPc = 0;
        QString symbol;
        quint64 executions = 0;
        quint32 instructionCount = 0;
    };

    void replaceRows(QVector<Row> rows);

    Kind kind_;
    QVector<Row> rows_;
};

}  // namespace glasshart
