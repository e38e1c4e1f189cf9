#include "panes/TranslationCachePane.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "Inspector.h"
#include "machine/MachineConfig.h"
#include "panes/CacheMapWidget.h"
#include "panes/PaneColors.h"

namespace glasshart {

namespace {

const auto kSizeSetting = QStringLiteral("cache/size");
// The event kinds the user hid from the log, as their check boxes' names.
const auto kHiddenEventsSetting = QStringLiteral("cache/hiddenEvents");
// How far from the chart's background towards its text its lines go.
constexpr double kAxisLineAmount = 0.5;
constexpr double kGridLineAmount = 0.15;

// The smallest 1, 2 or 5 times a power of ten that is at least `step`.
double roundStep(double step) {
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(step, 1.0))));
    for (const double factor : {1.0, 2.0, 5.0}) {
        if (factor * magnitude >= step) return factor * magnitude;
    }
    return 10.0 * magnitude;
}

}  // namespace

TranslationCachePane::TranslationCachePane(Inspector& inspector, QWidget* parent)
    : QWidget(parent), inspector_(inspector), log_(new CacheEventLogModel(this)) {
    map_ = new CacheMapWidget(this);
    map_->setObjectName(QStringLiteral("cacheMap"));

    auto* middle = new QWidget(this);
    auto* middleLayout = new QHBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(createCounters());
    middleLayout->addWidget(createChart(), 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("cacheSplitter"));  // the window keeps its sizes
    splitter->addWidget(map_);
    splitter->addWidget(middle);
    splitter->addWidget(createLog());
    splitter->setStretchFactor(2, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createControls());
    layout->addWidget(splitter, 1);

    connect(&inspector_, &Inspector::snapshotUpdated, this, &TranslationCachePane::showSnapshot);
    connect(&inspector_, &Inspector::cacheEvents, this, &TranslationCachePane::takeEvents);
    connect(&inspector_, &Inspector::programOpened, this, &TranslationCachePane::startOver);
    connect(this, &TranslationCachePane::cacheSizeRequested, &inspector_, &Inspector::setCacheSize);
    connect(this, &TranslationCachePane::flushRequested, &inspector_, &Inspector::flushCache);
    restoreCacheSize();
}

QWidget* TranslationCachePane::createControls() {
    auto* box = new QWidget(this);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    sizeCombo_ = new QComboBox(box);
    sizeCombo_->setObjectName(QStringLiteral("cacheSize"));
    sizeCombo_->setToolTip(tr("Size of the code arena. A small arena fills sooner and is flushed more often; "
                              "the new size applies from the next start of the program."));
    for (quint64 size = kMinTranslationCacheSize; size <= kLargestOfferedSize; size *= 2) {
        sizeCombo_->addItem(QLocale().formattedDataSize(qint64(size), 0), QVariant::fromValue(size));
    }
    // activated, not currentIndexChanged: only the user's choice is a request.
    connect(sizeCombo_, &QComboBox::activated, this, &TranslationCachePane::chooseCacheSize);

    auto* label = new QLabel(tr("Code arena &size:"), box);
    label->setBuddy(sizeCombo_);

    flushButton_ = new QPushButton(tr("&Flush now"), box);
    flushButton_->setObjectName(QStringLiteral("flushNow"));
    flushButton_->setToolTip(tr("Drop every translated block; the guest's code is translated again as it runs."));
    connect(flushButton_, &QPushButton::clicked, this, &TranslationCachePane::flushRequested);

    layout->addWidget(label);
    layout->addWidget(sizeCombo_);
    layout->addWidget(flushButton_);
    layout->addStretch(1);
    return box;
}

QLabel* TranslationCachePane::addCounter(QFormLayout* form, const QString& name, const QString& objectName) {
    auto* value = new QLabel(tr("—"), form->parentWidget());
    value->setObjectName(objectName);
    value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(name, value);
    return value;
}

QWidget* TranslationCachePane::createCounters() {
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    blocksTranslated_ = addCounter(form, tr("Blocks translated:"), QStringLiteral("blocksTranslated"));
    liveBlocks_ = addCounter(form, tr("Live blocks:"), QStringLiteral("liveBlocks"));
    instructionsTranslated_ = addCounter(form, tr("Guest instructions translated:"),
                                         QStringLiteral("instructionsTranslated"));
    hostBytes_ = addCounter(form, tr("Host bytes emitted:"), QStringLiteral("hostBytes"));
    bytesPerInstruction_ = addCounter(form, tr("Host bytes per guest instruction:"),
                                      QStringLiteral("bytesPerInstruction"));
    fillLevel_ = addCounter(form, tr("Fill level:"), QStringLiteral("fillLevel"));
    flushes_ = addCounter(form, tr("Flushes:"), QStringLiteral("flushes"));
    invalidations_ = addCounter(form, tr("Invalidations:"), QStringLiteral("invalidations"));
    chains_ = addCounter(form, tr("Chains made:"), QStringLiteral("chains"));
    lookups_ = addCounter(form, tr("Dispatcher look-ups:"), QStringLiteral("lookups"));
    hitRate_ = addCounter(form, tr("Look-up hit rate:"), QStringLiteral("hitRate"));
    hitRate_->setToolTip(tr("Share of the dispatcher's look-ups that found a translated block"));
    dropped_ = addCounter(form, tr("Dropped events:"), QStringLiteral("droppedEvents"));
    dropped_->setToolTip(tr("Events the emulator produced faster than the window took them; "
                            "the map and the log miss these"));
    return box;
}

QWidget* TranslationCachePane::createChart() {
    fillSeries_ = new QLineSeries(this);
    fillSeries_->setName(tr("Fill level"));
    flushSeries_ = new QScatterSeries(this);
    flushSeries_->setName(tr("Flush"));
    flushSeries_->setMarkerSize(9);
    flushSeries_->setColor(QColor(0xd6, 0x27, 0x28));

    chart_ = new QChart();
    chart_->addSeries(fillSeries_);
    chart_->addSeries(flushSeries_);
    chart_->legend()->setAlignment(Qt::AlignBottom);
    chart_->setMargins(QMargins(2, 2, 2, 2));
    chart_->setLocalizeNumbers(true);  // 1,500,000 rather than 1500000

    retiredAxis_ = new QValueAxis(chart_);
    retiredAxis_->setTitleText(tr("Instructions retired"));
    retiredAxis_->setLabelFormat(QStringLiteral("%.0f"));
    retiredAxis_->setTickType(QValueAxis::TicksDynamic);
    retiredAxis_->setTickAnchor(0);
    fillAxis_ = new QValueAxis(chart_);
    fillAxis_->setTitleText(tr("Fill %"));
    fillAxis_->setRange(0, 100);
    fillAxis_->setLabelFormat(QStringLiteral("%.0f"));
    chart_->addAxis(retiredAxis_, Qt::AlignBottom);
    chart_->addAxis(fillAxis_, Qt::AlignLeft);
    fillSeries_->attachAxis(retiredAxis_);
    fillSeries_->attachAxis(fillAxis_);
    flushSeries_->attachAxis(retiredAxis_);
    flushSeries_->attachAxis(fillAxis_);
    applyChartPalette();

    auto* view = new QChartView(chart_, this);  // takes the chart
    view->setObjectName(QStringLiteral("fillChart"));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(240, 160);
    view->setToolTip(tr("How full the code arena is as the guest runs; a red dot marks each flush"));
    return view;
}

void TranslationCachePane::applyChartPalette() {
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    chart_->setBackgroundBrush(base);
    chart_->setBackgroundRoundness(0);
    chart_->legend()->setLabelColor(text);
    for (QValueAxis* axis : {retiredAxis_, fillAxis_}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(mixColors(base, text, kAxisLineAmount));
        axis->setGridLineColor(mixColors(base, text, kGridLineAmount));
    }
}

void TranslationCachePane::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange && chart_ != nullptr) applyChartPalette();
    QWidget::changeEvent(event);
}

QCheckBox* TranslationCachePane::createFilter(const Filter& filter) {
    auto* box = new QCheckBox(filter.text, this);
    box->setObjectName(filter.objectName);
    box->setToolTip(filter.toolTip);
    const bool shown = !QSettings().value(kHiddenEventsSetting).toStringList().contains(filter.objectName);
    box->setChecked(shown);
    log_->setCategoryVisible(filter.category, shown);
    connect(box, &QCheckBox::toggled, this, [this, filter](bool show) {
        log_->setCategoryVisible(filter.category, show);
        logView_->scrollToBottom();
        QSettings settings;
        QStringList hidden = settings.value(kHiddenEventsSetting).toStringList();
        hidden.removeAll(filter.objectName);
        if (!show) hidden.append(filter.objectName);
        settings.setValue(kHiddenEventsSetting, hidden);
    });
    return box;
}

QWidget* TranslationCachePane::createLog() {
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* filters = new QHBoxLayout();
    filters->addWidget(new QLabel(tr("Show:"), box));
    using Category = CacheEventLogModel::Category;
    const Filter kinds[] = {
        {tr("&Translated"), tr("Show the blocks the translator made"), Category::Translated,
         QStringLiteral("showTranslated")},
        {tr("F&lushed"), tr("Show the flushes that emptied the code arena"), Category::Flushed,
         QStringLiteral("showFlushed")},
        {tr("&Invalidated"), tr("Show the blocks dropped because the guest wrote to their code"),
         Category::Invalidated, QStringLiteral("showInvalidated")},
        {tr("&Chained"), tr("Show the block exits patched to jump straight to the next block"), Category::Chained,
         QStringLiteral("showChained")},
        {tr("T&raps and interrupts"), tr("Show the guest's exceptions and interrupts, with their causes"),
         Category::Traps, QStringLiteral("showTraps")},
    };
    for (const Filter& kind : kinds) filters->addWidget(createFilter(kind));
    filters->addStretch(1);

    logView_ = new QTableView(box);
    logView_->setObjectName(QStringLiteral("eventLog"));
    logView_->setModel(log_);
    logView_->setWordWrap(false);
    logView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    logView_->verticalHeader()->hide();
    logView_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    logView_->horizontalHeader()->setStretchLastSection(true);
    const int hexWidth = QFontMetrics(QFontDatabase::systemFont(QFontDatabase::FixedFont))
                             .horizontalAdvance(QStringLiteral("0x0000000080000000  "));
    logView_->setColumnWidth(CacheEventLogModel::RetiredColumn, hexWidth);
    logView_->setColumnWidth(CacheEventLogModel::GuestPcColumn, hexWidth);
    logView_->setColumnWidth(CacheEventLogModel::HostColumn, hexWidth);

    layout->addLayout(filters);
    layout->addWidget(logView_, 1);
    return box;
}

void TranslationCachePane::restoreCacheSize() {
    const quint64 fallback = MachineConfig{}.translationCacheSize;
    QSettings settings;
    const quint64 saved = settings.value(kSizeSetting, fallback).toULongLong();
    const int index = sizeCombo_->findData(QVariant::fromValue(saved));
    sizeCombo_->setCurrentIndex(index >= 0 ? index : sizeCombo_->findData(QVariant::fromValue(fallback)));
    // The user chose this size in an earlier session: the next run uses it.
    if (index >= 0 && settings.contains(kSizeSetting)) emit cacheSizeRequested(saved);
}

void TranslationCachePane::chooseCacheSize(int index) {
    const quint64 bytes = sizeCombo_->itemData(index).toULongLong();
    QSettings().setValue(kSizeSetting, QVariant::fromValue(bytes));
    emit cacheSizeRequested(bytes);
}

void TranslationCachePane::showSnapshot(const HartSnapshot& snapshot) {
    const CacheCounters& cache = snapshot.cache;
    map_->setCapacity(cache.capacity);
    showCounters(cache);
    const double percent = cache.capacity == 0 ? 0.0 : 100.0 * double(cache.bytesUsed) / double(cache.capacity);
    plotFill(snapshot.hart.retired, percent);
}

void TranslationCachePane::showCounters(const CacheCounters& cache) {
    const QLocale locale;
    const CacheStatistics& s = cache.statistics;
    const QString none = tr("—");
    blocksTranslated_->setText(locale.toString(s.blocksTranslated));
    liveBlocks_->setText(locale.toString(cache.liveBlocks));
    instructionsTranslated_->setText(locale.toString(s.instructionsTranslated));
    hostBytes_->setText(locale.toString(s.hostBytesEmitted));
    bytesPerInstruction_->setText(
        s.instructionsTranslated == 0
            ? none
            : locale.toString(double(s.hostBytesEmitted) / double(s.instructionsTranslated), 'f', 1));
    fillLevel_->setText(cache.capacity == 0
                            ? none
                            : tr("%1 of %2 (%3 %)")
                                  .arg(locale.formattedDataSize(qint64(cache.bytesUsed)),
                                       locale.formattedDataSize(qint64(cache.capacity)),
                                       locale.toString(100.0 * double(cache.bytesUsed) / double(cache.capacity),
                                                       'f', 1)));
    flushes_->setText(locale.toString(s.flushes));
    invalidations_->setText(locale.toString(s.invalidations));
    chains_->setText(locale.toString(s.chainsMade));
    lookups_->setText(locale.toString(s.lookups));
    // A look-up hits when it finds a block; a miss means a translation.
    const quint64 hits = s.lookups > s.lookupMisses ? s.lookups - s.lookupMisses : 0;
    const double hitPercent = s.lookups == 0 ? 0.0 : 100.0 * double(hits) / double(s.lookups);
    hitRate_->setText(s.lookups == 0 ? none : tr("%1 %").arg(locale.toString(hitPercent, 'f', 1)));
    dropped_->setText(locale.toString(inspector_.droppedEvents()));
}

void TranslationCachePane::plotFill(quint64 retired, double percent) {
    if (fillSeries_->count() > 0) {
        const QPointF last = fillSeries_->at(fillSeries_->count() - 1);
        // Fewer instructions than last time: a fresh machine, a new history.
        if (double(retired) < last.x()) {
            fillSeries_->clear();
            flushSeries_->clear();
        } else if (double(retired) == last.x() && percent == last.y()) {
            return;  // paused: nothing moved
        }
    }
    fillSeries_->append(double(retired), percent);
    lastFillPercent_ = percent;
    trimChart();
}

void TranslationCachePane::markFlush(quint64 retired) {
    // At the level the arena had reached: the peak the flush cut off.
    flushSeries_->append(double(retired), lastFillPercent_);
    trimChart();
}

// Keeps both series to kChartHistory points and the axis on what is left.
void TranslationCachePane::trimChart() {
    if (const int excess = fillSeries_->count() - kChartHistory; excess > 0) fillSeries_->removePoints(0, excess);
    if (const int excess = flushSeries_->count() - kChartHistory; excess > 0) flushSeries_->removePoints(0, excess);
    double first = 0;
    double last = 0;
    if (fillSeries_->count() > 0) {
        first = fillSeries_->at(0).x();
        last = fillSeries_->at(fillSeries_->count() - 1).x();
        int stale = 0;
        while (stale < flushSeries_->count() && flushSeries_->at(stale).x() < first) ++stale;
        if (stale > 0) flushSeries_->removePoints(0, stale);
    } else if (flushSeries_->count() > 0) {
        first = flushSeries_->at(0).x();
    }
    if (flushSeries_->count() > 0) last = std::max(last, flushSeries_->at(flushSeries_->count() - 1).x());
    // Ticks at round numbers, while the line still spans the whole width.
    // The axis lays out its ticks at each change, so the interval and the
    // range are changed in the order that never asks for millions of ticks.
    last = std::max(last, first + 1);
    const double interval = roundStep((last - first) / 4);
    if (interval > retiredAxis_->tickInterval()) {
        retiredAxis_->setTickInterval(interval);
        retiredAxis_->setRange(first, last);
    } else {
        retiredAxis_->setRange(first, last);
        retiredAxis_->setTickInterval(interval);
    }
}

void TranslationCachePane::takeEvents(const QVector<InspectorEvent>& events) {
    // Follow the newest events only while the user has not scrolled up.
    const QScrollBar* bar = logView_->verticalScrollBar();
    const bool follow = bar->value() >= bar->maximum();
    for (const InspectorEvent& event : events) applyToMap(event);
    log_->append(events);
    if (follow) logView_->scrollToBottom();
}

void TranslationCachePane::applyToMap(const InspectorEvent& event) {
    switch (event.kind) {
    case InspectorEventKind::BlockTranslated: map_->addBlock(event.guestPc, event.hostOffset, event.hostSize); break;
    case InspectorEventKind::CacheFlushed:
        map_->clear();
        markFlush(event.retired);
        break;
    case InspectorEventKind::BlockInvalidated: map_->invalidateBlock(event.hostOffset); break;
    case InspectorEventKind::ChainPatched: map_->addChain(event.hostOffset); break;
    case InspectorEventKind::Trap:
    case InspectorEventKind::Interrupt:
    case InspectorEventKind::SystemCall: break;
    }
}

void TranslationCachePane::startOver() {
    map_->clear();
    fillSeries_->clear();
    flushSeries_->clear();
    log_->clear();
    lastFillPercent_ = 0;
}

}  // namespace glasshart
