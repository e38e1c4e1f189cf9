#pragma once

#include <QString>
#include <QStringView>
#include <optional>

#include "isa/Instruction.h"

namespace glasshart {

// How the panes print an XLEN-wide integer register value.
enum class ValueFormat : quint8 {
    Hex,              // 0x, then XLEN/4 digits
    SignedDecimal,    // two's complement at XLEN bits
    UnsignedDecimal,
};

// All ones in the low XLEN bits.
[[nodiscard]] quint64 xlenMask(Xlen xlen);

// "0x" and exactly bits/4 lower-case hex digits.
[[nodiscard]] QString hexValue(quint64 value, unsigned bits);

// `value` (bits above XLEN ignored) in `format`.
[[nodiscard]] QString formatValue(quint64 value, Xlen xlen, ValueFormat format);

// Reads what a person typed for an XLEN-wide register: a number in `format`
// or, in any format, hex with a 0x prefix. Underscores may group digits.
// Values that do not fit XLEN bits (in the format's signedness) are refused.
// The result is zero-extended above XLEN, as HartState stores registers.
[[nodiscard]] std::optional<quint64> parseValue(QStringView text, Xlen xlen, ValueFormat format);

// The stable names under which settings store a format, and back.
[[nodiscard]] QString settingsName(ValueFormat format);
[[nodiscard]] std::optional<ValueFormat> formatFromSettingsName(const QString& name);

}  // namespace glasshart
