#include "panes/ValueFormat.h"

#include <limits>

namespace glasshart {
namespace {

constexpr quint64 kAllOnes = std::numeric_limits<quint64>::max();

unsigned bitsOf(Xlen xlen) { return static_cast<unsigned>(xlen); }

// ASCII digits only: QChar::digitValue() would also take other scripts' digits.
int digitValue(QChar c, unsigned base) {
    const char16_t u = c.unicode();
    int digit = -1;
    if (u >= u'0' && u <= u'9') digit = u - u'0';
    if (u >= u'a' && u <= u'f') digit = u - u'a' + 10;
    if (u >= u'A' && u <= u'F') digit = u - u'A' + 10;
    return digit < static_cast<int>(base) ? digit : -1;
}

// An unsigned magnitude; nullopt on a stray character or 64-bit overflow.
std::optional<quint64> parseDigits(QStringView digits, unsigned base) {
    if (digits.isEmpty()) return std::nullopt;
    quint64 value = 0;
    for (QChar c : digits) {
        const int digit = digitValue(c, base);
        if (digit < 0) return std::nullopt;
        if (value > (kAllOnes - static_cast<quint64>(digit)) / base) return std::nullopt;
        value = value * base + static_cast<quint64>(digit);
    }
    return value;
}

std::optional<quint64> atMost(std::optional<quint64> value, quint64 limit) {
    if (!value || *value > limit) return std::nullopt;
    return value;
}

}  // namespace

quint64 xlenMask(Xlen xlen) { return kAllOnes >> (64 - bitsOf(xlen)); }

QString hexValue(quint64 value, unsigned bits) {
    const quint64 mask = kAllOnes >> (64 - bits);
    return QStringLiteral("0x") + QString::number(value & mask, 16).rightJustified(bits / 4, u'0');
}

QString formatValue(quint64 value, Xlen xlen, ValueFormat format) {
    value &= xlenMask(xlen);
    switch (format) {
    case ValueFormat::Hex: return hexValue(value, bitsOf(xlen));
    case ValueFormat::SignedDecimal: {
        const qint64 signedValue = xlen == Xlen::Rv32 ? static_cast<qint32>(static_cast<quint32>(value))
                                                      : static_cast<qint64>(value);
        return QString::number(signedValue);
    }
    case ValueFormat::UnsignedDecimal: return QString::number(value);
    }
    return {};
}

std::optional<quint64> parseValue(QStringView text, Xlen xlen, ValueFormat format) {
    QString cleaned = text.trimmed().toString();
    cleaned.remove(u'_');
    QStringView rest(cleaned);
    const quint64 mask = xlenMask(xlen);
    const bool negative = rest.startsWith(u'-');
    if (negative || rest.startsWith(u'+')) rest = rest.mid(1);
    if (rest.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)) {
        if (negative) return std::nullopt;  // hex is a bit pattern, not a signed number
        return atMost(parseDigits(rest.mid(2), 16), mask);
    }
    const auto magnitude = parseDigits(rest, format == ValueFormat::Hex ? 16 : 10);
    if (format != ValueFormat::SignedDecimal) {
        if (negative) return std::nullopt;
        return atMost(magnitude, mask);
    }
    const quint64 largestPositive = mask >> 1;
    if (!negative) return atMost(magnitude, largestPositive);
    const auto checked = atMost(magnitude, largestPositive + 1);
    if (!checked) return std::nullopt;
    return (0 - *checked) & mask;
}

QString settingsName(ValueFormat format) {
    switch (format) {
    case ValueFormat::Hex: return QStringLiteral("hex");
    case ValueFormat::SignedDecimal: return QStringLiteral("signed");
    case ValueFormat::UnsignedDecimal: return QStringLiteral("unsigned");
    }
    return {};
}

std::optional<ValueFormat> formatFromSettingsName(const QString& name) {
    for (ValueFormat format : {ValueFormat::Hex, ValueFormat::SignedDecimal, ValueFormat::UnsignedDecimal}) {
        if (settingsName(format) == name) return format;
    }
    return std::nullopt;
}

}  // namespace glasshart
