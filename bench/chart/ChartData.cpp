#include "ChartData.h"

#include <algorithm>
#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace glasshart::bench {
namespace {

ChartParse failure(const QString& message) { return ChartParse{std::nullopt, message}; }

bool isUsableNumber(const QJsonValue& value) { return value.isDouble() && std::isfinite(value.toDouble()); }

}  // namespace

double ChartData::largestValue() const {
    double largest = 0;
    for (const ChartSeries& s : series)
        for (const std::optional<double>& value : s.values)
            if (value) largest = std::max(largest, *value);
    for (const ChartReference& reference : references) largest = std::max(largest, reference.value);
    return largest;
}

ChartParse parseChartData(const QByteArray& json) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject()) return failure(QStringLiteral("the top level is not an object"));
    const QJsonObject root = document.object();

    ChartData data;
    data.title = root.value(QStringLiteral("title")).toString();
    data.subtitle = root.value(QStringLiteral("subtitle")).toString();
    data.valueTitle = root.value(QStringLiteral("valueTitle")).toString();

    const QJsonArray categories = root.value(QStringLiteral("categories")).toArray();
    if (categories.isEmpty()) return failure(QStringLiteral("\"categories\" is missing or empty"));
    for (const QJsonValue& category : categories) {
        if (!category.isString()) return failure(QStringLiteral("a category is not a string"));
        data.categories.append(category.toString());
    }

    const QJsonArray series = root.value(QStringLiteral("series")).toArray();
    if (series.isEmpty()) return failure(QStringLiteral("\"series\" is missing or empty"));
    for (const QJsonValue& entry : series) {
        const QJsonObject object = entry.toObject();
        ChartSeries s{object.value(QStringLiteral("name")).toString(), {}, {}};
        if (s.name.isEmpty()) return failure(QStringLiteral("a series has no name"));
        if (object.contains(QStringLiteral("colour"))) {
            s.colour = QColor::fromString(object.value(QStringLiteral("colour")).toString());
            if (!s.colour.isValid()) return failure(QStringLiteral("series \"%1\" has no usable colour").arg(s.name));
        }
        const QJsonArray values = object.value(QStringLiteral("values")).toArray();
        if (values.size() != categories.size())
            return failure(QStringLiteral("series \"%1\" has %2 values for %3 categories")
                               .arg(s.name).arg(values.size()).arg(categories.size()));
        for (const QJsonValue& value : values) {
            if (value.isNull()) {
                s.values.emplace_back(std::nullopt);
            } else if (isUsableNumber(value) && value.toDouble() >= 0) {
                s.values.emplace_back(value.toDouble());
            } else {
                return failure(QStringLiteral("series \"%1\" has a value that is neither null nor a number >= 0").arg(s.name));
            }
        }
        data.series.push_back(std::move(s));
    }

    for (const QJsonValue& entry : root.value(QStringLiteral("references")).toArray()) {
        const QJsonObject object = entry.toObject();
        const QJsonValue value = object.value(QStringLiteral("value"));
        if (!isUsableNumber(value) || value.toDouble() < 0)
            return failure(QStringLiteral("a reference line has no usable \"value\""));
        data.references.push_back({value.toDouble(), object.value(QStringLiteral("label")).toString()});
    }
    return ChartParse{std::move(data), {}};
}

}  // namespace glasshart::bench
