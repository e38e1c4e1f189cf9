#pragma once

#include <QAbstractTableModel>
#include <array>

#include "inspect/HartSnapshot.h"
#include "panes/SnapshotHistory.h"
#include "panes/ValueFormat.h"

namespace glasshart {

// The pc and x0..x31 of the newest snapshot, one row each (pc first), with
// values in a chosen format and the ones changed since the previous stop
// highlighted. While the hart is paused a value can be edited; the model
// does not change itself then but asks for the write, and shows the result
// when the next snapshot brings it.
class RegisterModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, AbiNameColumn, ValueColumn, ColumnCount };
    // Register indices as Inspector::setRegister() numbers them.
    static constexpr unsigned kPcIndex = 32;
    static constexpr int kRowCount = 33;

    explicit RegisterModel(QObject* parent = nullptr);

    [[nodiscard]] static unsigned registerIndexOfRow(int row);
    [[nodiscard]] static int rowOfRegister(unsigned index);

    [[nodiscard]] ValueFormat format() const { return format_; }
    [[nodiscard]] bool isEditable() const { return runState_ == RunState::Paused && !history_.isEmpty(); }
    // Whether register `index` differs from the previous stop.
    [[nodiscard]] bool isChanged(unsigned index) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Parses an edited value; refuses (returns false, emits editRefused)
    // what does not parse, x0, an odd pc, and anything while not paused.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

public slots:
    void setSnapshot(const glasshart::HartSnapshot& snapshot);
    void setRunState(glasshart::RunState state);
    void setFormat(glasshart::ValueFormat format);
    // Forgets the comparison point and the values: a new program comes.
    void clear();

signals:
    void registerEditRequested(unsigned index, quint64 value);
    void editRefused(unsigned index, const QString& text);

private:
    // What one row shows; compared to find the rows to repaint.
    struct RowState {
        quint64 value = 0;
        bool changed = false;
        bool operator==(const RowState&) const = default;
    };
    using RowStates = std::array<RowState, kRowCount>;

    [[nodiscard]] quint64 valueOf(const HartSnapshot& snapshot, unsigned index) const;
    [[nodiscard]] RowStates rowStates() const;
    void emitChangedRows(const RowStates& before);
    [[nodiscard]] QVariant valueData(unsigned index, int role) const;
    [[nodiscard]] QString refusalReason(unsigned index, const QString& text) const;

    SnapshotHistory history_;
    RunState runState_ = RunState::Paused;
    ValueFormat format_ = ValueFormat::Hex;
};

}  // namespace glasshart
