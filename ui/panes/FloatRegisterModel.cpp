#include "panes/FloatRegisterModel.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QStringList>
#include <bit>
#include <cmath>
#include <limits>

#include "fpu/NanBoxing.h"
#include "isa/Disassembler.h"
#include "panes/PaneColors.h"

namespace glasshart {
namespace {

// fcsr (unprivileged ISA 11.2): frm in bits 7:5, fflags in 4:0.
constexpr unsigned kFrmShift = 5;

// The accrued exception flags, most significant first (table 11.2).
struct Flag {
    quint8 bit;
    const char* name;
};
constexpr Flag kFlags[] = {{0x10, "NV"}, {0x08, "DZ"}, {0x04, "OF"}, {0x02, "UF"}, {0x01, "NX"}};

// Enough digits to read the exact value back (max_digits10).
template <typename Float>
QString floatText(Float value) {
    if (std::isnan(value)) return std::signbit(value) ? QStringLiteral("-nan") : QStringLiteral("nan");
    if (std::isinf(value)) return value < 0 ? QStringLiteral("-inf") : QStringLiteral("inf");
    return QString::number(static_cast<double>(value), 'g', std::numeric_limits<Float>::max_digits10);
}

}  // namespace

FloatRegisterModel::FloatRegisterModel(QObject* parent) : QAbstractTableModel(parent) {}

QString FloatRegisterModel::valueText(quint64 bits) {
    if ((bits & fpu::kBoxBits) == fpu::kBoxBits) {
        const auto single = std::bit_cast<float>(static_cast<std::uint32_t>(fpu::unboxSingle(bits)));
        return tr("%1 (single)").arg(floatText(single));
    }
    return floatText(std::bit_cast<double>(bits));
}

QString FloatRegisterModel::fcsrText(quint8 frm, quint8 fflags) {
    QStringList set;
    for (const Flag& flag : kFlags) {
        if (fflags & flag.bit) set << QString::fromLatin1(flag.name);
    }
    const QString flags = set.isEmpty() ? tr("no flags") : tr("flags %1").arg(set.join(QLatin1Char(' ')));
    return tr("rounding %1, %2").arg(QString::fromLatin1(roundingModeName(frm)), flags);
}

quint64 FloatRegisterModel::rowValue(const HartSnapshot& snapshot, int row) {
    if (row == kFcsrRow) return (quint64{snapshot.hart.frm} << kFrmShift) | snapshot.hart.fflags;
    return snapshot.hart.f[static_cast<std::size_t>(row)];
}

bool FloatRegisterModel::isChanged(int row) const {
    if (history_.isEmpty()) return false;
    return rowValue(history_.current(), row) != rowValue(history_.baseline(), row);
}

int FloatRegisterModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : kRowCount; }

int FloatRegisterModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant FloatRegisterModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || history_.isEmpty()) return {};
    const int row = index.row();
    const bool changed = isChanged(row);
    switch (role) {
    case Qt::DisplayRole: return cellText(row, index.column());
    case Qt::BackgroundRole: return changed ? QVariant(changedBackground(QGuiApplication::palette())) : QVariant();
    case Qt::FontRole: {
        const bool fixed = index.column() == BitsColumn || index.column() == ValueColumn;
        const QFont font = fixed ? QFontDatabase::systemFont(QFontDatabase::FixedFont) : QFont();
        return changed ? changedFont(font) : font;
    }
    case Qt::TextAlignmentRole:
        return index.column() == BitsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        if (row == kFcsrRow) return tr("fcsr: the dynamic rounding mode (frm) and the accrued exception flags (fflags)");
        return tr("A single is kept NaN-boxed: the upper 32 bits all ones");
    default: return {};
    }
}

QVariant FloatRegisterModel::cellText(int row, int column) const {
    const HartSnapshot& snapshot = history_.current();
    const quint64 value = rowValue(snapshot, row);
    const bool fcsr = row == kFcsrRow;
    switch (column) {
    case NameColumn: return fcsr ? QStringLiteral("fcsr") : QStringLiteral("f%1").arg(row);
    case AbiNameColumn: return fcsr ? QString() : QString::fromLatin1(floatAbiRegisterName(static_cast<unsigned>(row)));
    case BitsColumn: return QStringLiteral("0x%1").arg(value, fcsr ? 2 : 16, 16, QLatin1Char('0'));
    case ValueColumn: return fcsr ? fcsrText(snapshot.hart.frm, snapshot.hart.fflags) : valueText(value);
    default: return {};
    }
}

QVariant FloatRegisterModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn: return tr("Register");
    case AbiNameColumn: return tr("ABI name");
    case BitsColumn: return tr("Bits");
    case ValueColumn: return tr("Value");
    default: return {};
    }
}

void FloatRegisterModel::setSnapshot(const HartSnapshot& snapshot) {
    history_.add(snapshot);
    emit dataChanged(index(0, 0), index(kRowCount - 1, ColumnCount - 1));
}

void FloatRegisterModel::clear() {
    history_.clear();
    emit dataChanged(index(0, 0), index(kRowCount - 1, ColumnCount - 1));
}

}  // namespace glasshart
