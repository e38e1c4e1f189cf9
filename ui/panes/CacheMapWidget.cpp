#include "panes/CacheMapWidget.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLinearGradient>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <array>

#include "panes/PaneColors.h"

namespace glasshart {

namespace {

constexpr int kRowHeight = 6;  // pixels per strip row, the last one a gap
constexpr int kLegendSpacing = 4;
constexpr quint64 kMinMarkedWidth = 4;  // pixels

// Stops of the age gradient, oldest first: blue, teal, then yellow on a
// dark background or orange on a light one (where yellow would vanish).
// Chosen so neighbouring ages stay distinguishable, the ends read as cold /
// hot, and every stop stands out from the free space.
constexpr std::array<QRgb, 3> kAgeStopsOnDark = {0xff6a8cff, 0xff2ab0a8, 0xfffde725};
constexpr std::array<QRgb, 3> kAgeStopsOnLight = {0xff3b4cc0, 0xff21918c, 0xffe8710a};
// How far from the background towards the text colour the neutral parts go.
constexpr double kFreeAmount = 0.18;
constexpr double kHatchLightAmount = 0.3;
constexpr double kHatchDarkAmount = 0.55;
constexpr double kReservedAmount = 0.75;

QRgb blend(QRgb from, QRgb to, double t) {
    const auto mix = [t](int a, int b) { return static_cast<int>(a + (b - a) * t + 0.5); };
    return qRgb(mix(qRed(from), qRed(to)), mix(qGreen(from), qGreen(to)), mix(qBlue(from), qBlue(to)));
}

QString hex(quint64 value) { return QStringLiteral("0x%1").arg(value, 0, 16); }

}  // namespace

CacheMapWidget::CacheMapWidget(QWidget* parent) : QWidget(parent), colors_(colorsFor(palette())) {
    setAttribute(Qt::WA_OpaquePaintEvent);  // paintEvent covers every pixel
}

CacheMapWidget::Colors CacheMapWidget::colorsFor(const QPalette& palette) {
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const auto towardsText = [&](double amount) { return mixColors(base, text, amount).rgb(); };
    return Colors{.free = towardsText(kFreeAmount),
                  .reserved = towardsText(kReservedAmount),
                  .hatchLight = towardsText(isDark(palette) ? kHatchDarkAmount : kHatchLightAmount),
                  .hatchDark = towardsText(isDark(palette) ? kHatchLightAmount : kHatchDarkAmount),
                  .ageStops = isDark(palette) ? kAgeStopsOnDark : kAgeStopsOnLight};
}

void CacheMapWidget::setCapacity(quint64 bytes) {
    if (bytes == capacity_) return;
    capacity_ = bytes;
    invalidateImage();
}

void CacheMapWidget::addBlock(quint64 guestPc, quint64 hostOffset, quint32 hostSize) {
    // The arena fills front to back, so a block placed over the newest one
    // means a flush happened whose event we never saw (the ring dropped it).
    if (!blocks_.isEmpty() && hostOffset < blocks_.constLast().hostOffset + blocks_.constLast().hostSize) clear();
    if (!blocksStart_ || hostOffset < *blocksStart_) blocksStart_ = hostOffset;
    blocks_.append({guestPc, hostOffset, hostSize, nextSerial_++, 0, false});
    invalidateImage();
}

void CacheMapWidget::invalidateBlock(quint64 hostOffset) {
    const int index = indexAt(hostOffset);
    if (index < 0 || blocks_[index].hostOffset != hostOffset) return;
    blocks_[index].invalidated = true;
    invalidateImage();
}

void CacheMapWidget::addChain(quint64 hostOffset) {
    const int index = indexAt(hostOffset);
    if (index >= 0 && blocks_[index].hostOffset == hostOffset) ++blocks_[index].chains;
}

void CacheMapWidget::clear() {
    blocks_.clear();
    firstSerial_ = nextSerial_;
    invalidateImage();
}

QSize CacheMapWidget::sizeHint() const { return {480, 12 * kRowHeight + fontMetrics().height() + kLegendSpacing}; }

QSize CacheMapWidget::minimumSizeHint() const {
    return {160, 4 * kRowHeight + fontMetrics().height() + kLegendSpacing};
}

QRect CacheMapWidget::arenaRect() const {
    const int legendHeight = fontMetrics().height() + kLegendSpacing;
    return {0, 0, width(), std::max(kRowHeight, height() - legendHeight)};
}

int CacheMapWidget::rowCount() const { return std::max(1, arenaRect().height() / kRowHeight); }

quint64 CacheMapWidget::reservedBytes() const { return blocksStart_.value_or(0); }

quint64 CacheMapWidget::extent() const {
    const quint64 end = blocks_.isEmpty() ? 0 : blocks_.constLast().hostOffset + blocks_.constLast().hostSize;
    return std::max(reservedBytes() + capacity_, end);
}

std::optional<quint64> CacheMapWidget::offsetAt(QPoint position) const {
    const QRect map = arenaRect();
    const quint64 total = quint64(rowCount()) * quint64(map.width());
    if (!map.contains(position) || total == 0 || extent() == 0) return std::nullopt;
    const int row = (position.y() - map.top()) / kRowHeight;
    if (row >= rowCount()) return std::nullopt;
    const quint64 pixel = quint64(row) * quint64(map.width()) + quint64(position.x() - map.left());
    return pixel * extent() / total;
}

// Index of the block containing `offset`, or -1.
int CacheMapWidget::indexAt(quint64 offset) const {
    const auto after = std::upper_bound(blocks_.cbegin(), blocks_.cend(), offset,
                                        [](quint64 value, const Block& block) { return value < block.hostOffset; });
    if (after == blocks_.cbegin()) return -1;
    const auto candidate = std::prev(after);
    if (offset >= candidate->hostOffset + candidate->hostSize) return -1;
    return static_cast<int>(candidate - blocks_.cbegin());
}

std::optional<CacheMapWidget::Block> CacheMapWidget::blockAt(QPoint position) const {
    const auto offset = offsetAt(position);
    if (!offset) return std::nullopt;
    // One pixel may stand for many bytes: the block drawn there is the last
    // one that starts within (or covers the start of) the pixel's range.
    const quint64 total = quint64(rowCount()) * quint64(arenaRect().width());
    const quint64 pixelBytes = std::max<quint64>(1, (extent() + total - 1) / total);
    const auto after = std::lower_bound(blocks_.cbegin(), blocks_.cend(), *offset + pixelBytes,
                                        [](const Block& block, quint64 value) { return block.hostOffset < value; });
    if (after == blocks_.cbegin()) return std::nullopt;
    const Block& block = *std::prev(after);
    if (block.hostOffset + block.hostSize <= *offset) return std::nullopt;
    return block;
}

QString CacheMapWidget::toolTipAt(QPoint position) const {
    if (const auto block = blockAt(position)) {
        // Blocks and the dispatcher are always many bytes: no plural forms needed.
        QString text = tr("Guest pc %1\nHost offset %2, %3 bytes")
                           .arg(hex(block->guestPc), hex(block->hostOffset))
                           .arg(block->hostSize);
        text += QLatin1Char('\n') + tr("Block %1 since the last flush").arg(block->serial - firstSerial_ + 1);
        if (block->chains > 0) text += QLatin1Char('\n') + tr("Chained exits: %1").arg(block->chains);
        if (block->invalidated) text += QLatin1Char('\n') + tr("Invalidated: its guest code was overwritten");
        return text;
    }
    const auto offset = offsetAt(position);
    if (offset && *offset < reservedBytes()) {
        return tr("Dispatcher entry and exit code (%1 bytes), kept across flushes").arg(reservedBytes());
    }
    return {};
}

QRgb CacheMapWidget::ageColor(quint64 serial) const {
    const quint64 span = nextSerial_ - firstSerial_;
    const double t = span <= 1 ? 1.0 : double(serial - firstSerial_) / double(span - 1);
    const auto& stops = colors_.ageStops;
    const double scaled = t * double(stops.size() - 1);
    const auto stop = std::min<std::size_t>(std::size_t(scaled), stops.size() - 2);
    return blend(colors_.ageStops[stop], colors_.ageStops[stop + 1], scaled - double(stop));
}

void CacheMapWidget::invalidateImage() {
    imageDirty_ = true;
    update();
}

// Paints every block into a one-dimensional strip of pixels (so the cost is
// one pass over the blocks, however many blocks share a pixel), then folds
// the strip into rows.
void CacheMapWidget::renderImage() {
    const QRect map = arenaRect();
    const quint64 total = quint64(rowCount()) * quint64(map.width());
    Strip strip{QVector<QRgb>(qsizetype(total), colors_.free), QVector<bool>(qsizetype(total), false)};
    if (extent() > 0) {
        if (reservedBytes() > 0) paintRange(strip, 0, reservedBytes(), colors_.reserved, Style::Plain);
        for (const Block& block : blocks_) {
            paintRange(strip, block.hostOffset, block.hostOffset + block.hostSize, ageColor(block.serial),
                       block.invalidated ? Style::Hatched : Style::MarkStart);
        }
    }
    foldStrip(strip);
    imageDirty_ = false;
}

void CacheMapWidget::paintRange(Strip& strip, quint64 begin, quint64 end, QRgb color, Style style) const {
    const auto total = quint64(strip.colors.size());
    const quint64 span = extent();
    const quint64 first = begin * total / span;
    if (first >= total) return;
    const quint64 last = std::clamp<quint64>((end * total + span - 1) / span, first + 1, total);
    for (quint64 pixel = first; pixel < last; ++pixel) {
        strip.colors[qsizetype(pixel)] = color;
        strip.hatched[qsizetype(pixel)] = style == Style::Hatched;
    }
    // A darker first pixel keeps neighbouring blocks of nearly the same age
    // apart, once a block is wide enough to spare it.
    if (style == Style::MarkStart && last - first >= kMinMarkedWidth) {
        strip.colors[qsizetype(first)] = QColor(color).darker(150).rgb();
    }
}

void CacheMapWidget::foldStrip(const Strip& strip) {
    const QRect map = arenaRect();
    image_ = QImage(map.size(), QImage::Format_RGB32);
    image_.fill(palette().color(QPalette::Window));
    for (int row = 0; row < rowCount(); ++row) {
        const qsizetype base = qsizetype(row) * map.width();
        for (int line = 0; line < kRowHeight - 1; ++line) {  // the last line is the gap
            const int y = row * kRowHeight + line;
            auto* scan = reinterpret_cast<QRgb*>(image_.scanLine(y));
            for (int x = 0; x < map.width(); ++x) {
                const bool light = ((x + y) & 3) < 2;  // diagonal stripes
                scan[x] = strip.hatched[base + x] ? (light ? colors_.hatchLight : colors_.hatchDark)
                                                  : strip.colors[base + x];
            }
        }
    }
}

void CacheMapWidget::paintLegend(QPainter& painter) const {
    const QFontMetrics metrics = fontMetrics();
    const int top = arenaRect().bottom() + 1 + kLegendSpacing / 2;
    const int swatch = metrics.height() - 4;
    int x = 2;
    const auto label = [&](const QString& text, int gap) {
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(x, top, metrics.horizontalAdvance(text), metrics.height()), Qt::AlignVCenter, text);
        x += metrics.horizontalAdvance(text) + gap;
    };
    const auto box = [&](const QBrush& brush, int width) {
        painter.fillRect(QRect(x, top + 2, width, swatch), brush);
    };
    label(tr("oldest"), 4);
    QLinearGradient gradient(x, 0, x + 60, 0);
    const auto& stops = colors_.ageStops;
    for (std::size_t i = 0; i < stops.size(); ++i) {
        gradient.setColorAt(double(i) / double(stops.size() - 1), QColor(stops[i]));
    }
    box(gradient, 60);
    x += 64;
    label(tr("newest"), 12);
    box(QColor(colors_.hatchDark), swatch);
    box(QBrush(QColor(colors_.hatchLight), Qt::BDiagPattern), swatch);
    x += swatch + 4;
    label(tr("invalidated"), 12);
    box(QColor(colors_.free), swatch);
    x += swatch + 4;
    label(tr("free"), 12);
    box(QColor(colors_.reserved), swatch);
    x += swatch + 4;
    label(tr("dispatcher"), 0);
}

void CacheMapWidget::paintEvent(QPaintEvent*) {
    if (imageDirty_ || image_.size() != arenaRect().size()) renderImage();
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    painter.drawImage(arenaRect().topLeft(), image_);
    paintLegend(painter);
}

// A new palette (the desktop switched to a dark theme, say) repaints the
// arena in colours that suit it.
void CacheMapWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        colors_ = colorsFor(palette());
        invalidateImage();
    }
    QWidget::changeEvent(event);
}

void CacheMapWidget::resizeEvent(QResizeEvent* event) {
    imageDirty_ = true;
    QWidget::resizeEvent(event);
}

bool CacheMapWidget::event(QEvent* event) {
    if (event->type() != QEvent::ToolTip) return QWidget::event(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    const QString text = toolTipAt(help->pos());
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
    } else {
        QToolTip::showText(help->globalPos(), text, this);
    }
    return true;
}

}  // namespace glasshart
