#pragma once

#include <QImage>
#include <QVector>
#include <QWidget>
#include <array>
#include <optional>

namespace glasshart {

// A picture of the translation cache's code arena: the whole arena as rows
// of a strip, filled front to back, each translated block a segment at its
// host offset, coloured by age (oldest blue to newest yellow, or orange on a
// light background). Invalidated blocks keep their space until the next
// flush and are drawn hatched grey. The bytes before the first block (the
// dispatcher's entry and exit code, which survive flushes) are drawn solid
// in nearly the text colour. Every colour follows the palette.
class CacheMapWidget : public QWidget {
    Q_OBJECT

public:
    struct Block {
        quint64 guestPc = 0;
        quint64 hostOffset = 0;
        quint32 hostSize = 0;
        quint64 serial = 0;  // translation order since the last flush
        quint32 chains = 0;  // exits of this block patched to a successor
        bool invalidated = false;
    };

    explicit CacheMapWidget(QWidget* parent = nullptr);

    // Usable arena bytes (as the snapshot reports them: without the
    // dispatcher's reserved prefix).
    void setCapacity(quint64 bytes);
    void addBlock(quint64 guestPc, quint64 hostOffset, quint32 hostSize);
    void invalidateBlock(quint64 hostOffset);
    void addChain(quint64 hostOffset);
    // The arena was flushed: every block is gone.
    void clear();

    [[nodiscard]] quint64 capacity() const { return capacity_; }
    [[nodiscard]] const QVector<Block>& blocks() const { return blocks_; }
    // The block drawn at `position` (widget coordinates), if any.
    [[nodiscard]] std::optional<Block> blockAt(QPoint position) const;
    // Where the arena is drawn; the legend is below it.
    [[nodiscard]] QRect arenaRect() const;
    // The tooltip text shown at `position`; empty over free space.
    [[nodiscard]] QString toolTipAt(QPoint position) const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

    // What the map paints with, for a palette.
    struct Colors {
        QRgb free = 0;
        QRgb reserved = 0;
        // The two stripes of an invalidated block.
        QRgb hatchLight = 0;
        QRgb hatchDark = 0;
        // Stops of the age gradient, oldest first.
        std::array<QRgb, 3> ageStops{};
    };
    [[nodiscard]] static Colors colorsFor(const QPalette& palette);
    [[nodiscard]] const Colors& colors() const { return colors_; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    [[nodiscard]] int rowCount() const;
    [[nodiscard]] quint64 extent() const;
    [[nodiscard]] quint64 reservedBytes() const;
    [[nodiscard]] std::optional<quint64> offsetAt(QPoint position) const;
    [[nodiscard]] int indexAt(quint64 offset) const;
    [[nodiscard]] QRgb ageColor(quint64 serial) const;
    // The arena as one long line of pixels, before it is folded into rows.
    struct Strip {
        QVector<QRgb> colors;
        QVector<bool> hatched;
    };
    enum class Style { Plain, MarkStart, Hatched };

    void invalidateImage();
    void renderImage();
    void paintRange(Strip& strip, quint64 begin, quint64 end, QRgb color, Style style) const;
    void foldStrip(const Strip& strip);
    void paintLegend(QPainter& painter) const;

    QVector<Block> blocks_;  // sorted by hostOffset
    quint64 capacity_ = 0;
    quint64 nextSerial_ = 0;
    quint64 firstSerial_ = 0;  // the oldest serial still in the arena
    // The smallest host offset seen: the start of the blocks' part of the
    // arena, which the events do not state directly.
    std::optional<quint64> blocksStart_;
    Colors colors_;
    QImage image_;
    bool imageDirty_ = true;
};

}  // namespace glasshart
