#pragma once

#include <QAbstractTableModel>

#include "inspect/HartSnapshot.h"
#include "panes/SnapshotHistory.h"

namespace glasshart {

// f0..f31 and fcsr of the newest snapshot, one row each (fcsr last): the
// raw 64 bits in hex and what they hold. A register whose upper 32 bits are
// all ones holds a NaN-boxed single (unprivileged ISA 12.2) and reads as
// that single; any other as a double. fcsr reads as its rounding mode and
// accrued exception flags. Values changed since the previous stop are
// highlighted, as in the integer registers. Read-only.
class FloatRegisterModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, AbiNameColumn, BitsColumn, ValueColumn, ColumnCount };
    static constexpr int kFcsrRow = 32;
    static constexpr int kRowCount = 33;

    explicit FloatRegisterModel(QObject* parent = nullptr);

    [[nodiscard]] bool isChanged(int row) const;
    // What register `bits` hold, as the Value column says it.
    [[nodiscard]] static QString valueText(quint64 bits);
    // fcsr's fields as the Value column says them: "rne, no flags".
    [[nodiscard]] static QString fcsrText(quint8 frm, quint8 fflags);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

public slots:
    void setSnapshot(const glasshart::HartSnapshot& snapshot);
    void clear();

private:
    [[nodiscard]] static quint64 rowValue(const HartSnapshot& snapshot, int row);
    [[nodiscard]] QVariant cellText(int row, int column) const;

    SnapshotHistory history_;
};

}  // namespace glasshart
