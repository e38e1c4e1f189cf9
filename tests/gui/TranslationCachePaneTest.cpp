// The translation cache pane, driven through the Inspector's own signals
// (as the worker would drive it) and checked on the real widgets: the arena
// map's pixels and tooltips, the counter labels, the chart's series, the
// event log's rows and filters, and the size and flush controls.

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

#include "Inspector.h"
#include "panes/CacheMapWidget.h"
#include "panes/TranslationCachePane.h"

using namespace glasshart;

namespace {

constexpr quint64 kArena = 16 << 10;
constexpr quint64 kReserved = 256;  // where the first block lands

InspectorEvent translated(quint64 pc, quint64 offset, quint32 size, quint64 retired = 0) {
    return {InspectorEventKind::BlockTranslated, retired, pc, offset, size, 0, 0};
}

InspectorEvent flushed(quint64 retired) { return {InspectorEventKind::CacheFlushed, retired, 0, 0, 0, 0, 0}; }

HartSnapshot snapshotAt(quint64 retired, quint64 bytesUsed) {
    HartSnapshot snapshot;
    snapshot.hart.retired = retired;
    snapshot.cache.capacity = kArena;
    snapshot.cache.bytesUsed = bytesUsed;
    return snapshot;
}

}  // namespace

class TranslationCachePaneTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void mapShowsBlocksAndEmptiesOnFlush();
    void mapSurvivesALostFlushEvent();
    void mapHatchesInvalidatedBlocks();
    void mapTooltipNamesTheBlock();
    void countersShowTheSnapshot();
    void countersWithoutLookupsShowNoRate();
    void chartGainsPointsAndFlushMarkers();
    void chartHistoryIsBounded();
    void logFiltersKinds();
    void logIsBounded();
    void floodOfOneKindKeepsTheOthers();
    void logFollowsNewestUnlessScrolledUp();
    void sizeControlRequestsAndPersists();
    void flushButtonRequestsFlush();
    void newProgramStartsOver();

private:
    [[nodiscard]] CacheMapWidget* map() const { return pane_->cacheMap(); }
    [[nodiscard]] QSet<quint64> pcsOnMap() const;
    [[nodiscard]] QPoint pointOf(quint64 guestPc) const;
    [[nodiscard]] int pixelsOf(QRgb color) const;
    [[nodiscard]] QString counter(const char* name) const;
    [[nodiscard]] QStringList kindsInLog() const;
    void emitEvents(const QVector<InspectorEvent>& events) { emit inspector_->cacheEvents(events); }

    std::unique_ptr<Inspector> inspector_;
    std::unique_ptr<TranslationCachePane> pane_;
};

void TranslationCachePaneTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // QSettings go to a scratch place
    QCoreApplication::setOrganizationName(QStringLiteral("GlasshartTests"));
    QCoreApplication::setApplicationName(QStringLiteral("TranslationCachePaneTest"));
    QLocale::setDefault(QLocale::c());  // numbers without group separators
}

void TranslationCachePaneTest::init() {
    QSettings().clear();
    inspector_ = std::make_unique<Inspector>();
    pane_ = std::make_unique<TranslationCachePane>(*inspector_);
    pane_->resize(900, 800);
    pane_->show();
    QVERIFY(QTest::qWaitForWindowExposed(pane_.get()));
    emit inspector_->snapshotUpdated(snapshotAt(0, 0));
}

void TranslationCachePaneTest::cleanup() {
    pane_.reset();
    inspector_.reset();
}

// Every block the map shows somewhere, found the way a user would: by
// hovering over every pixel.
QSet<quint64> TranslationCachePaneTest::pcsOnMap() const {
    QSet<quint64> pcs;
    for (int y = 0; y < map()->height(); ++y) {
        for (int x = 0; x < map()->width(); ++x) {
            if (const auto block = map()->blockAt({x, y})) pcs.insert(block->guestPc);
        }
    }
    return pcs;
}

QPoint TranslationCachePaneTest::pointOf(quint64 guestPc) const {
    for (int y = 0; y < map()->height(); ++y) {
        for (int x = 0; x < map()->width(); ++x) {
            const auto block = map()->blockAt({x, y});
            if (block && block->guestPc == guestPc) return {x, y};
        }
    }
    return {-1, -1};
}

int TranslationCachePaneTest::pixelsOf(QRgb color) const {
    const QImage image = map()->grab(map()->arenaRect()).toImage().convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) count += image.pixel(x, y) == color ? 1 : 0;
    }
    return count;
}

QString TranslationCachePaneTest::counter(const char* name) const {
    const auto* label = pane_->findChild<QLabel*>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QString::fromLatin1(name));
}

QStringList TranslationCachePaneTest::kindsInLog() const {
    const auto* view = pane_->findChild<QTableView*>(QStringLiteral("eventLog"));
    QStringList kinds;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        kinds << view->model()->index(row, CacheEventLogModel::KindColumn).data().toString();
    }
    return kinds;
}

void TranslationCachePaneTest::mapShowsBlocksAndEmptiesOnFlush() {
    const int emptyArena = pixelsOf(map()->colors().free);
    QVERIFY(emptyArena > 0);
    emitEvents({translated(0x80000000, kReserved, 2000), translated(0x80000040, kReserved + 2000, 3000),
                translated(0x80000100, kReserved + 5000, 1500)});
    QCOMPARE(map()->blocks().size(), 3);
    QCOMPARE(pcsOnMap(), (QSet<quint64>{0x80000000, 0x80000040, 0x80000100}));
    // 6500 of 16 KiB bytes in use: roughly 40 % of the strip is painted.
    const int withBlocks = pixelsOf(map()->colors().free);
    QVERIFY2(withBlocks < emptyArena * 0.7 && withBlocks > emptyArena * 0.5,
             qPrintable(QStringLiteral("%1 of %2 free").arg(withBlocks).arg(emptyArena)));
    const QPoint at = pointOf(0x80000040);
    QVERIFY(map()->grab().toImage().pixel(at) != map()->colors().free);

    emitEvents({flushed(1000)});
    QVERIFY(map()->blocks().isEmpty());
    QVERIFY(pcsOnMap().isEmpty());
    // Only the dispatcher's bytes, now known, remain painted.
    const int dispatcher = pixelsOf(map()->colors().reserved);
    QVERIFY(dispatcher > 0 && dispatcher < emptyArena / 32);
    QCOMPARE(pixelsOf(map()->colors().free) + dispatcher, emptyArena);
    QCOMPARE(map()->grab().toImage().pixel(at), map()->colors().free);
}

void TranslationCachePaneTest::mapSurvivesALostFlushEvent() {
    emitEvents({translated(0x80000000, kReserved, 2000), translated(0x80000040, kReserved + 2000, 2000)});
    // The ring dropped the flush: the next block lands at the start again.
    emitEvents({translated(0x80000100, kReserved, 1000)});
    QCOMPARE(map()->blocks().size(), 1);
    QCOMPARE(pcsOnMap(), QSet<quint64>{0x80000100});
}

void TranslationCachePaneTest::mapHatchesInvalidatedBlocks() {
    emitEvents({translated(0x80000000, kReserved, 4000), translated(0x80001000, kReserved + 4000, 4000)});
    const QPoint at = pointOf(0x80000000);
    const QImage before = map()->grab().toImage();
    emitEvents({{InspectorEventKind::BlockInvalidated, 10, 0x80000000, kReserved, 4000, 0, 0}});
    QVERIFY(map()->blocks().at(0).invalidated);
    QVERIFY(!map()->blocks().at(1).invalidated);
    const QImage after = map()->grab().toImage();
    const QRgb hatched = after.pixel(at);
    QVERIFY(hatched == map()->colors().hatchLight || hatched == map()->colors().hatchDark);
    QVERIFY(before.pixel(at) != hatched);
    // Both stripes appear: it is hatched, not merely grey.
    bool light = false;
    bool dark = false;
    for (int x = 0; x < 8; ++x) {
        light = light || after.pixel(at.x() + x, at.y()) == map()->colors().hatchLight;
        dark = dark || after.pixel(at.x() + x, at.y()) == map()->colors().hatchDark;
    }
    QVERIFY(light && dark);
    QVERIFY(map()->toolTipAt(at).contains(QStringLiteral("Invalidated")));
    // The other block keeps its age colour.
    const QRgb live = after.pixel(pointOf(0x80001000));
    QVERIFY(live != map()->colors().hatchLight && live != map()->colors().hatchDark);
}

void TranslationCachePaneTest::mapTooltipNamesTheBlock() {
    emitEvents({translated(0x80000000, kReserved, 3000), translated(0x80002468, kReserved + 3000, 5000),
                {InspectorEventKind::ChainPatched, 5, 0x80002468, kReserved + 3000, 5000, 0x80000000, 0}});
    const QString tip = map()->toolTipAt(pointOf(0x80002468));
    QVERIFY2(tip.contains(QStringLiteral("0x80002468")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("0xcb8")), qPrintable(tip));  // 256 + 3000
    QVERIFY2(tip.contains(QStringLiteral("5000 bytes")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Block 2")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Chained exits: 1")), qPrintable(tip));
    // The dispatcher's bytes before the first block say what they are.
    QVERIFY(map()->toolTipAt({0, 0}).contains(QStringLiteral("Dispatcher")));
}

void TranslationCachePaneTest::countersShowTheSnapshot() {
    HartSnapshot snapshot = snapshotAt(100000, 4096);
    CacheStatistics& s = snapshot.cache.statistics;
    s.blocksTranslated = 1234;
    s.instructionsTranslated = 5000;
    s.hostBytesEmitted = 60000;
    s.flushes = 7;
    s.invalidations = 3;
    s.chainsMade = 99;
    s.lookups = 400;
    s.lookupMisses = 100;
    snapshot.cache.liveBlocks = 321;
    emit inspector_->snapshotUpdated(snapshot);

    QCOMPARE(counter("blocksTranslated"), QStringLiteral("1234"));
    QCOMPARE(counter("liveBlocks"), QStringLiteral("321"));
    QCOMPARE(counter("instructionsTranslated"), QStringLiteral("5000"));
    QCOMPARE(counter("hostBytes"), QStringLiteral("60000"));
    QCOMPARE(counter("bytesPerInstruction"), QStringLiteral("12.0"));
    QCOMPARE(counter("fillLevel"), QStringLiteral("4.00 KiB of 16.00 KiB (25.0 %)"));
    QCOMPARE(counter("flushes"), QStringLiteral("7"));
    QCOMPARE(counter("invalidations"), QStringLiteral("3"));
    QCOMPARE(counter("chains"), QStringLiteral("99"));
    QCOMPARE(counter("lookups"), QStringLiteral("400"));
    QCOMPARE(counter("hitRate"), QStringLiteral("75.0 %"));  // 300 of 400 found a block
    QCOMPARE(counter("droppedEvents"), QStringLiteral("0"));
    QCOMPARE(map()->capacity(), kArena);
}

void TranslationCachePaneTest::countersWithoutLookupsShowNoRate() {
    HartSnapshot snapshot = snapshotAt(10, 0);
    snapshot.cache.capacity = 0;  // the interpreter has no cache
    emit inspector_->snapshotUpdated(snapshot);
    QCOMPARE(counter("hitRate"), QStringLiteral("—"));
    QCOMPARE(counter("bytesPerInstruction"), QStringLiteral("—"));
    QCOMPARE(counter("fillLevel"), QStringLiteral("—"));
    QCOMPARE(counter("blocksTranslated"), QStringLiteral("0"));
}

void TranslationCachePaneTest::chartGainsPointsAndFlushMarkers() {
    QLineSeries* fill = pane_->fillSeries();
    const int start = fill->count();
    emit inspector_->snapshotUpdated(snapshotAt(1000, 4096));
    emit inspector_->snapshotUpdated(snapshotAt(2000, 8192));
    emit inspector_->snapshotUpdated(snapshotAt(2000, 8192));  // paused: no new point
    emit inspector_->snapshotUpdated(snapshotAt(3000, 16384));
    QCOMPARE(fill->count(), start + 3);
    QCOMPARE(fill->at(fill->count() - 1), QPointF(3000, 100));
    QCOMPARE(fill->at(fill->count() - 2), QPointF(2000, 50));

    QCOMPARE(pane_->flushSeries()->count(), 0);
    emitEvents({flushed(3100)});
    QCOMPARE(pane_->flushSeries()->count(), 1);
    QCOMPARE(pane_->flushSeries()->at(0), QPointF(3100, 100));  // at the peak it cut off
    emit inspector_->snapshotUpdated(snapshotAt(4000, 1024));
    QCOMPARE(fill->at(fill->count() - 1), QPointF(4000, 6.25));
}

void TranslationCachePaneTest::chartHistoryIsBounded() {
    const int extra = 150;
    for (int i = 1; i <= TranslationCachePane::kChartHistory + extra; ++i) {
        emit inspector_->snapshotUpdated(snapshotAt(quint64(i) * 10, quint64(i % 64) * 256));
        if (i == 5) emitEvents({flushed(45)});  // soon scrolls out of the history
    }
    QCOMPARE(pane_->fillSeries()->count(), TranslationCachePane::kChartHistory);
    QCOMPARE(pane_->fillSeries()->at(0).x(), double(extra + 1) * 10);
    QCOMPARE(pane_->flushSeries()->count(), 0);
}

void TranslationCachePaneTest::logFiltersKinds() {
    emitEvents({translated(0x80000000, kReserved, 100, 1), translated(0x80000010, kReserved + 100, 100, 2),
                {InspectorEventKind::ChainPatched, 3, 0x80000000, kReserved, 100, 0x80000010, 0},
                {InspectorEventKind::BlockInvalidated, 4, 0x80000010, kReserved + 100, 100, 0, 0},
                {InspectorEventKind::Trap, 5, 0x80000020, 0, 0, 2, 0x13},
                {InspectorEventKind::Interrupt, 6, 0x80000024, 0, 0, 7, 0}, flushed(7)});
    QCOMPARE(kindsInLog(), (QStringList{"translated", "translated", "chained", "invalidated", "trap", "interrupt",
                                        "flushed"}));
    const auto* view = pane_->findChild<QTableView*>(QStringLiteral("eventLog"));
    const QString trapDetail = view->model()->index(4, CacheEventLogModel::DetailColumn).data().toString();
    QVERIFY2(trapDetail.contains(QStringLiteral("illegal instruction")) && trapDetail.contains(QStringLiteral("0x13")),
             qPrintable(trapDetail));

    auto* showTranslated = pane_->findChild<QCheckBox*>(QStringLiteral("showTranslated"));
    auto* showTraps = pane_->findChild<QCheckBox*>(QStringLiteral("showTraps"));
    QVERIFY(showTranslated && showTraps);
    QTest::mouseClick(showTranslated, Qt::LeftButton);
    QCOMPARE(kindsInLog(), (QStringList{"chained", "invalidated", "trap", "interrupt", "flushed"}));
    QTest::mouseClick(showTraps, Qt::LeftButton);
    QCOMPARE(kindsInLog(), (QStringList{"chained", "invalidated", "flushed"}));
    // Hidden kinds are still recorded, and new events obey the filter.
    emitEvents({translated(0x80000030, kReserved + 200, 100, 8), flushed(9)});
    QCOMPARE(kindsInLog(), (QStringList{"chained", "invalidated", "flushed", "flushed"}));
    QTest::mouseClick(showTranslated, Qt::LeftButton);
    QCOMPARE(kindsInLog(), (QStringList{"translated", "translated", "chained", "invalidated", "flushed", "translated",
                                        "flushed"}));
}

void TranslationCachePaneTest::logIsBounded() {
    QVector<InspectorEvent> many;
    for (int i = 0; i < CacheEventLogModel::kCapacity + 700; ++i) {
        many.append(translated(0x80000000 + 4 * quint64(i), kReserved + 8 * quint64(i), 8, quint64(i)));
    }
    emitEvents(many.mid(0, 3000));
    emitEvents(many.mid(3000));
    CacheEventLogModel* log = pane_->eventLog();
    QCOMPARE(log->rowCount(), CacheEventLogModel::kCapacity);
    QCOMPARE(log->storedCount(), CacheEventLogModel::kCapacity);
    // The oldest went; the newest is the last row.
    QCOMPARE(log->eventAt(0).retired, quint64(700));
    QCOMPARE(log->eventAt(log->rowCount() - 1).retired, quint64(CacheEventLogModel::kCapacity + 699));
}

void TranslationCachePaneTest::floodOfOneKindKeepsTheOthers() {
    QVector<InspectorEvent> events;
    for (int i = 0; i < 100; ++i) events.append(translated(0x80000000 + 4 * quint64(i), kReserved + 8 * quint64(i), 8));
    for (int i = 0; i < CacheEventLogModel::kCapacity + 10; ++i) {
        events.append({InspectorEventKind::Interrupt, quint64(1000 + i), 0x800013ce, 0, 0, 7, 0});
    }
    emitEvents(events);
    CacheEventLogModel* log = pane_->eventLog();
    QCOMPARE(log->rowCount(), CacheEventLogModel::kCapacity);
    QCOMPARE(log->eventAt(0).kind, InspectorEventKind::Interrupt);
    // The timer's interrupts filled the log; hiding them shows the
    // translations they had pushed off the screen.
    QTest::mouseClick(pane_->findChild<QCheckBox*>(QStringLiteral("showTraps")), Qt::LeftButton);
    QCOMPARE(log->rowCount(), 100);
    QCOMPARE(log->eventAt(99).guestPc, quint64(0x80000000 + 4 * 99));
}

void TranslationCachePaneTest::logFollowsNewestUnlessScrolledUp() {
    auto* view = pane_->findChild<QTableView*>(QStringLiteral("eventLog"));
    const auto batch = [](int first) {
        QVector<InspectorEvent> events;
        for (int i = first; i < first + 100; ++i) events.append(translated(0x80000000, kReserved, 8, quint64(i)));
        return events;
    };
    emitEvents(batch(0));
    QScrollBar* bar = view->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    emitEvents(batch(100));
    QCOMPARE(bar->value(), bar->maximum());

    bar->setValue(10);  // the user reads older events
    emitEvents(batch(200));
    QCOMPARE(bar->value(), 10);
    QVERIFY(bar->maximum() > 10);

    bar->setValue(bar->maximum());  // and comes back to the bottom
    emitEvents(batch(300));
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(view->model()->rowCount(), 400);
}

void TranslationCachePaneTest::sizeControlRequestsAndPersists() {
    auto* combo = pane_->findChild<QComboBox*>(QStringLiteral("cacheSize"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 15);  // 16 KiB, 32 KiB, ... 256 MiB
    QCOMPARE(combo->itemData(0).toULongLong(), kMinTranslationCacheSize);
    QCOMPARE(combo->itemData(combo->count() - 1).toULongLong(), 256ull << 20);
    QCOMPARE(combo->currentData().toULongLong(), MachineConfig{}.translationCacheSize);

    QSignalSpy requested(pane_.get(), &TranslationCachePane::cacheSizeRequested);
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toULongLong(), kMinTranslationCacheSize);
    QCOMPARE(QSettings().value(QStringLiteral("cache/size")).toULongLong(), kMinTranslationCacheSize);
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.at(1).at(0).toULongLong(), 32ull << 10);

    // A new window starts with the saved size.
    TranslationCachePane second(*inspector_);
    QCOMPARE(second.findChild<QComboBox*>(QStringLiteral("cacheSize"))->currentData().toULongLong(), 32ull << 10);
}

void TranslationCachePaneTest::flushButtonRequestsFlush() {
    QSignalSpy requested(pane_.get(), &TranslationCachePane::flushRequested);
    auto* button = pane_->findChild<QPushButton*>(QStringLiteral("flushNow"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
}

void TranslationCachePaneTest::newProgramStartsOver() {
    emitEvents({translated(0x80000000, kReserved, 1000, 1), flushed(2), translated(0x80000000, kReserved, 1000, 3)});
    emit inspector_->snapshotUpdated(snapshotAt(50, 1000));
    QVERIFY(!map()->blocks().isEmpty());
    QVERIFY(pane_->eventLog()->rowCount() > 0);
    emit inspector_->programOpened(QStringLiteral("other.elf"));
    QVERIFY(map()->blocks().isEmpty());
    QCOMPARE(pane_->eventLog()->rowCount(), 0);
    QCOMPARE(pane_->fillSeries()->count(), 0);
    QCOMPARE(pane_->flushSeries()->count(), 0);
}

QTEST_MAIN(TranslationCachePaneTest)
#include "TranslationCachePaneTest.moc"
