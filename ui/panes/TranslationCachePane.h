#pragma once

#include <QVector>
#include <QWidget>

#include "inspect/HartSnapshot.h"
#include "inspect/InspectorEvent.h"
#include "panes/CacheEventLogModel.h"

QT_BEGIN_NAMESPACE
class QChart;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineSeries;
class QPushButton;
class QScatterSeries;
class QTableView;
class QValueAxis;
QT_END_NAMESPACE

namespace glasshart {

class CacheMapWidget;
class Inspector;

// The translation cache at work: a map of the code arena, the counters of
// QEMU's `info jit`, the fill level over time with the flushes marked, a
// filterable log of cache events, and the cache size and flush controls.
class TranslationCachePane : public QWidget {
    Q_OBJECT

public:
    // Points kept in the fill chart; older ones scroll out.
    static constexpr int kChartHistory = 2000;
    static constexpr quint64 kLargestOfferedSize = 256ull << 20;

    explicit TranslationCachePane(Inspector& inspector, QWidget* parent = nullptr);

    [[nodiscard]] CacheMapWidget* cacheMap() const { return map_; }
    [[nodiscard]] CacheEventLogModel* eventLog() const { return log_; }
    [[nodiscard]] QLineSeries* fillSeries() const { return fillSeries_; }
    [[nodiscard]] QScatterSeries* flushSeries() const { return flushSeries_; }

signals:
    // The user chose a code arena size (also forwarded to the inspector).
    void cacheSizeRequested(quint64 bytes);
    // The user asked for a flush (also forwarded to the inspector).
    void flushRequested();

protected:
    void changeEvent(QEvent* event) override;

private slots:
    void showSnapshot(const glasshart::HartSnapshot& snapshot);
    void takeEvents(const QVector<glasshart::InspectorEvent>& events);
    void startOver();
    void chooseCacheSize(int index);

private:
    QWidget* createControls();
    QWidget* createCounters();
    QWidget* createChart();
    QWidget* createLog();
    // One of the log's check boxes: which events it shows, and how it is
    // named and remembered.
    struct Filter {
        QString text;
        QString toolTip;
        CacheEventLogModel::Category category;
        QString objectName;
    };
    QCheckBox* createFilter(const Filter& filter);
    QLabel* addCounter(QFormLayout* form, const QString& name, const QString& objectName);
    void restoreCacheSize();
    void showCounters(const CacheCounters& cache);
    void plotFill(quint64 retired, double percent);
    void markFlush(quint64 retired);
    void trimChart();
    // Chart colours from the palette: Qt Charts' own themes ignore it.
    void applyChartPalette();
    void applyToMap(const InspectorEvent& event);

    Inspector& inspector_;
    CacheMapWidget* map_ = nullptr;
    CacheEventLogModel* log_ = nullptr;
    QTableView* logView_ = nullptr;
    QComboBox* sizeCombo_ = nullptr;
    QPushButton* flushButton_ = nullptr;
    QChart* chart_ = nullptr;
    QLineSeries* fillSeries_ = nullptr;
    QScatterSeries* flushSeries_ = nullptr;
    QValueAxis* retiredAxis_ = nullptr;
    QValueAxis* fillAxis_ = nullptr;

    QLabel* blocksTranslated_ = nullptr;
    QLabel* liveBlocks_ = nullptr;
    QLabel* instructionsTranslated_ = nullptr;
    QLabel* hostBytes_ = nullptr;
    QLabel* bytesPerInstruction_ = nullptr;
    QLabel* fillLevel_ = nullptr;
    QLabel* flushes_ = nullptr;
    QLabel* invalidations_ = nullptr;
    QLabel* chains_ = nullptr;
    QLabel* lookups_ = nullptr;
    QLabel* hitRate_ = nullptr;
    QLabel* dropped_ = nullptr;

    double lastFillPercent_ = 0;
};

}  // namespace glasshart
