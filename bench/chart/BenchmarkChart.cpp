// glasshart-bench-chart: draws the grouped bar chart of run-benchmarks (the
// JSON of ChartData.h) into a PNG. Needs no display: run it with
// QT_QPA_PLATFORM=offscreen (run-benchmarks does).
//
//   glasshart-bench-chart INPUT.json OUTPUT.png

#include <cstdio>
#include <cstdlib>

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFile>
#include <QFont>
#include <QGraphicsLayout>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QLineSeries>
#include <QPainter>
#include <QPen>
#include <QValueAxis>

#include "ChartData.h"

namespace glasshart::bench {
namespace {

constexpr int kWidth = 1800;
constexpr int kHeight = 900;
// Share of a category's width taken by its group of bars (Qt's own default
// is 0.5, which leaves the bars too thin for their labels).
constexpr double kGroupWidth = 0.84;
constexpr qreal kLabelZ = 1000;

int fail(const QString& message) {
    std::fprintf(stderr, "glasshart-bench-chart: %s\n", qPrintable(message));
    return 1;
}

QString formatValue(double value) {
    return value >= 10 ? QString::number(value, 'f', 1) : QString::number(value, 'f', 2);
}

QBarSeries* addBars(QChart& chart, const ChartData& data) {
    auto* bars = new QBarSeries(&chart);
    bars->setBarWidth(kGroupWidth);
    for (const ChartSeries& s : data.series) {
        auto* set = new QBarSet(s.name, bars);
        if (s.colour.isValid()) {
            set->setColor(s.colour);
            set->setBorderColor(s.colour.darker(115));
        }
        for (const std::optional<double>& value : s.values) set->append(value.value_or(0));
        bars->append(set);
    }
    chart.addSeries(bars);
    return bars;
}

// A dashed horizontal line across the whole plot for each reference value.
// They need an x axis of their own (hidden): bars live on the category axis.
void addReferences(QChart& chart, const ChartData& data, QValueAxis& valueAxis) {
    if (data.references.empty()) return;
    auto* across = new QValueAxis(&chart);
    across->setRange(-0.5, data.categories.size() - 0.5);
    across->setVisible(false);
    chart.addAxis(across, Qt::AlignTop);
    const Qt::PenStyle styles[] = {Qt::DashLine, Qt::DotLine, Qt::DashDotLine};
    int index = 0;
    for (const ChartReference& reference : data.references) {
        auto* line = new QLineSeries(&chart);
        line->setName(reference.label);
        line->append(-0.5, reference.value);
        line->append(data.categories.size() - 0.5, reference.value);
        QPen pen(index == 0 ? QColor(0x30, 0x30, 0x30) : QColor(0xc0, 0x20, 0x20));
        pen.setWidthF(1.5);
        pen.setStyle(styles[index % 3]);
        line->setPen(pen);
        chart.addSeries(line);
        line->attachAxis(across);
        line->attachAxis(&valueAxis);
        ++index;
    }
}

// Each measured bar gets its value written above it, turned upright so that
// narrow bars keep readable labels; bars not measured get none. Qt's own bar
// labels cannot leave single bars out, so they are placed here, which needs
// the chart laid out first.
void labelBars(QChart& chart, const ChartData& data, QBarSeries& bars) {
    const auto sets = static_cast<double>(data.series.size());
    QFont font = chart.font();
    font.setPointSizeF(8);
    for (std::size_t s = 0; s < data.series.size(); ++s) {
        for (qsizetype category = 0; category < data.categories.size(); ++category) {
            const std::optional<double>& value = data.series[s].values[static_cast<std::size_t>(category)];
            if (!value) continue;
            const double x = double(category) - kGroupWidth / 2 + (double(s) + 0.5) * kGroupWidth / sets;
            const QPointF top = chart.mapToPosition(QPointF(x, *value), &bars);
            // A pale backing keeps the text readable where it crosses a
            // reference line or a neighbour's bar.
            auto* backing = new QGraphicsRectItem(&chart);
            auto* label = new QGraphicsSimpleTextItem(formatValue(*value), backing);
            label->setFont(font);
            const QRectF box = label->boundingRect();
            backing->setRect(box.adjusted(-2, 0, 2, 0));
            backing->setPen(Qt::NoPen);
            backing->setBrush(QColor(255, 255, 255, 235));
            // Above the chart's own items (grid, series), which Qt Charts
            // stacks with small positive z values.
            backing->setZValue(kLabelZ);
            backing->setRotation(-90);
            // Rotated by -90 degrees about its origin, the text runs upwards
            // from (x, y) and spans [x, x + height] across.
            backing->setPos(top.x() - box.height() / 2, top.y() - 4);
        }
    }
}

int draw(const ChartData& data, const QString& output) {
    QGraphicsScene scene;
    auto* chart = new QChart();  // owned by the scene
    scene.addItem(chart);
    chart->setTheme(QChart::ChartThemeLight);
    chart->setTitle(data.subtitle.isEmpty() ? QStringLiteral("<b>%1</b>").arg(data.title.toHtmlEscaped())
                                            : QStringLiteral("<b>%1</b><br>%2")
                                                  .arg(data.title.toHtmlEscaped(), data.subtitle.toHtmlEscaped()));
    chart->legend()->setAlignment(Qt::AlignBottom);

    auto* categoryAxis = new QBarCategoryAxis(chart);
    categoryAxis->append(data.categories);
    auto* valueAxis = new QValueAxis(chart);
    valueAxis->setTitleText(data.valueTitle);
    valueAxis->setRange(0, data.largestValue() * 1.12 + 0.01);
    valueAxis->applyNiceNumbers();
    chart->addAxis(categoryAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);
    // Series are drawn in the order they are added: the lines go under the bars.
    addReferences(*chart, data, *valueAxis);
    QBarSeries* bars = addBars(*chart, data);
    bars->attachAxis(categoryAxis);
    bars->attachAxis(valueAxis);

    chart->resize(kWidth, kHeight);
    chart->layout()->activate();
    QApplication::processEvents();
    if (chart->plotArea().isEmpty()) return fail(QStringLiteral("the chart has no plot area after layout"));
    labelBars(*chart, data, *bars);

    QImage image(kWidth, kHeight, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        scene.render(&painter, QRectF(0, 0, kWidth, kHeight), QRectF(0, 0, kWidth, kHeight));
    }
    if (!image.save(output, "PNG")) return fail(QStringLiteral("cannot write %1").arg(output));
    return 0;
}

}  // namespace
}  // namespace glasshart::bench

int main(int argc, char** argv) {
    using namespace glasshart::bench;
    QApplication app(argc, argv);
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() != 3) {
        std::fprintf(stderr, "usage: glasshart-bench-chart INPUT.json OUTPUT.png\n");
        return 2;
    }
    QFile input(arguments[1]);
    if (!input.open(QIODevice::ReadOnly)) return fail(QStringLiteral("cannot read %1: %2").arg(arguments[1], input.errorString()));
    const ChartParse parsed = parseChartData(input.readAll());
    if (!parsed.data) return fail(QStringLiteral("%1: %2").arg(arguments[1], parsed.error));
    return draw(*parsed.data, arguments[2]);
}
