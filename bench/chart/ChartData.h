#pragma once

#include <optional>
#include <vector>

#include <QByteArray>
#include <QColor>
#include <QString>
#include <QStringList>

namespace glasshart::bench {

// What glasshart-bench-chart draws: groups of bars (one group per category,
// one bar per series) against a value axis, with horizontal reference lines.
// run-benchmarks writes it as JSON:
//   {"title": "...", "subtitle": "...", "valueTitle": "...",
//    "categories": ["crc32", ..., "geometric mean"],
//    "series": [{"name": "dbt", "colour": "#1f5fa8", "values": [1.9, null, ...]}, ...],
//    "references": [{"value": 1.0, "label": "native"}, ...]}
// A null value is a bar that was not measured (nothing is drawn). A series
// without a colour takes the theme's next one.
struct ChartSeries {
    QString name;
    QColor colour;  // invalid: the theme's
    std::vector<std::optional<double>> values;  // one per category
};

struct ChartReference {
    double value = 0;
    QString label;
};

struct ChartData {
    QString title;
    QString subtitle;
    QString valueTitle;
    QStringList categories;
    std::vector<ChartSeries> series;
    std::vector<ChartReference> references;

    // The largest value or reference, 0 if there is none.
    double largestValue() const;
};

// The chart described by `json`, or an error message saying what is wrong.
struct ChartParse {
    std::optional<ChartData> data;
    QString error;
};
ChartParse parseChartData(const QByteArray& json);

}  // namespace glasshart::bench
