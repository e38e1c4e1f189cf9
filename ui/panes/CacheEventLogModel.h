#pragma once

#include <QAbstractTableModel>
#include <array>
#include <deque>

#include "inspect/InspectorEvent.h"

namespace glasshart {

// The translation cache pane's event log: the newest kCapacity events of
// the kinds the user left ticked. Each kind also keeps its own newest
// kCapacity events, so a flood of one kind (timer interrupts while the guest
// idles) cannot push the others out: unticking it brings them back.
// Filtering lives here rather than in a proxy so that a burst of thousands
// of events costs one remove and one insert notification.
class CacheEventLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // What the filter check boxes choose between; traps include interrupts.
    enum class Category { Translated, Flushed, Invalidated, Chained, Traps };
    static constexpr std::size_t kCategoryCount = 5;
    enum Column { RetiredColumn, KindColumn, GuestPcColumn, HostColumn, DetailColumn, ColumnCount };
    static constexpr int kCapacity = 5000;

    explicit CacheEventLogModel(QObject* parent = nullptr);

    void append(const QVector<InspectorEvent>& events);
    void clear();
    void setCategoryVisible(Category category, bool visible);
    [[nodiscard]] bool isCategoryVisible(Category category) const;
    [[nodiscard]] static Category categoryOf(InspectorEventKind kind);
    // All events kept for re-filtering, shown or not.
    [[nodiscard]] int storedCount() const;
    [[nodiscard]] const InspectorEvent& eventAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    // An event and its position in the whole stream, which orders the
    // kinds' separate histories when they are merged into rows again.
    struct Stored {
        quint64 serial;
        InspectorEvent event;
    };

    [[nodiscard]] bool isShown(const InspectorEvent& event) const;
    void dropOldestRows(std::size_t count);
    void rebuildRows();
    [[nodiscard]] QString kindName(InspectorEventKind kind) const;
    [[nodiscard]] QString causeName(const InspectorEvent& event) const;
    [[nodiscard]] QString detail(const InspectorEvent& event) const;

    std::array<std::deque<Stored>, kCategoryCount> kept_;
    std::deque<InspectorEvent> rows_;  // the shown events, oldest first
    quint64 nextSerial_ = 0;
    unsigned visibleCategories_ = ~0u;
};

}  // namespace glasshart
