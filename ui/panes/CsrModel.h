#pragma once

#include <QAbstractItemModel>
#include <QVector>

#include "inspect/HartSnapshot.h"
#include "panes/SnapshotHistory.h"

namespace glasshart {

struct CsrRow;

// The privilege mode and the machine- and supervisor-level CSRs of the
// newest snapshot as a two-level tree: one row per register (value in hex,
// decoded meaning), and under it one row per named bit field. Registers and
// fields come from one table in CsrModel.cpp. Values changed
// since the previous stop are highlighted, as in the registers pane.
class CsrModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { NameColumn, BitsColumn, ValueColumn, MeaningColumn, ColumnCount };

    explicit CsrModel(QObject* parent = nullptr);

    // The top-level row named `name` ("mstatus", "privilege"), or an invalid
    // index when the current XLEN has no such register.
    [[nodiscard]] QModelIndex registerIndex(QStringView name, int column = NameColumn) const;
    // The field row `field` ("MIE") under register `name`.
    [[nodiscard]] QModelIndex fieldIndex(QStringView name, QStringView field, int column = NameColumn) const;

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex& child) const override;
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

public slots:
    void setSnapshot(const glasshart::HartSnapshot& snapshot);
    // Forgets the values and the comparison point: a new program comes.
    void clear();

private:
    void useRowsFor(Xlen xlen);
    void announceAllData();
    [[nodiscard]] QVariant registerData(const CsrRow& row, int column, int role) const;
    [[nodiscard]] QVariant fieldData(const CsrRow& row, int field, int column, int role) const;
    [[nodiscard]] QVariant highlight(bool changed, int column, int role) const;
    [[nodiscard]] bool registerChanged(const CsrRow& row) const;
    [[nodiscard]] bool fieldChanged(const CsrRow& row, int field) const;

    SnapshotHistory history_;
    QVector<const CsrRow*> rows_;  // the table's rows that exist at this XLEN
    Xlen rowsXlen_ = Xlen::Rv64;  // also the XLEN of the snapshot shown, if any
};

}  // namespace glasshart
