#pragma once

#include <QAbstractTableModel>
#include <deque>

#include "inspect/InspectorEvent.h"

namespace glasshart {

// The translation cache pane's event log: the newest events (at most
// kCapacity, oldest dropped first), of which only the kinds the user left
// ticked are rows. Filtering lives here rather than in a proxy so that a
// burst of thousands of events costs one insert and one remove notification.
class CacheEventLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // What the filter check boxes choose between; traps include interrupts.
    enum class Category { Translated, Flushed, Invalidated, Chained, Traps };
    enum Column { RetiredColumn, KindColumn, GuestPcColumn, HostColumn, DetailColumn, ColumnCount };
    static constexpr int kCapacity = 5000;

    explicit CacheEventLogModel(QObject* parent = nullptr);

    void append(const QVector<InspectorEvent>& events);
    void clear();
    void setCategoryVisible(Category category, bool visible);
    [[nodiscard]] bool isCategoryVisible(Category category) const;
    [[nodiscard]] static Category categoryOf(InspectorEventKind kind);
    // All events kept, shown or not.
    [[nodiscard]] int storedCount() const { return static_cast<int>(events_.size()); }
    [[nodiscard]] const InspectorEvent& eventAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] bool isShown(const InspectorEvent& event) const;
    void dropOldest(std::size_t count);
    [[nodiscard]] QString kindName(InspectorEventKind kind) const;
    [[nodiscard]] QString causeName(const InspectorEvent& event) const;
    [[nodiscard]] QString detail(const InspectorEvent& event) const;

    // Every event kept has a serial (its position in the whole stream), so
    // rows can name events without shifting when old ones are dropped.
    std::deque<InspectorEvent> events_;
    quint64 firstSerial_ = 0;
    std::deque<quint64> rows_;  // serials of the shown events, oldest first
    unsigned visibleCategories_ = ~0u;
};

}  // namespace glasshart
