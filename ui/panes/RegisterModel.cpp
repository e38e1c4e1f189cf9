#include "panes/RegisterModel.h"

#include <QFontDatabase>
#include <QGuiApplication>

#include "isa/Disassembler.h"
#include "panes/PaneColors.h"

namespace glasshart {

RegisterModel::RegisterModel(QObject* parent) : QAbstractTableModel(parent) {}

unsigned RegisterModel::registerIndexOfRow(int row) {
    return row == 0 ? kPcIndex : static_cast<unsigned>(row - 1);
}

int RegisterModel::rowOfRegister(unsigned index) {
    return index == kPcIndex ? 0 : static_cast<int>(index) + 1;
}

bool RegisterModel::isChanged(unsigned index) const {
    if (history_.isEmpty()) return false;
    return valueOf(history_.current(), index) != valueOf(history_.baseline(), index);
}

int RegisterModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : kRowCount; }

int RegisterModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RegisterModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || history_.isEmpty()) return {};
    const unsigned reg = registerIndexOfRow(index.row());
    const bool changed = isChanged(reg);
    if (role == Qt::BackgroundRole) {
        return changed ? QVariant(changedBackground(QGuiApplication::palette())) : QVariant();
    }
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole) return reg == kPcIndex ? tr("pc", "register") : tr("x%1", "register").arg(reg);
        if (role == Qt::FontRole && changed) return changedFont(QFont());
        return {};
    case AbiNameColumn:
        if (role == Qt::DisplayRole && reg != kPcIndex) return QString::fromLatin1(abiRegisterName(reg));
        return {};
    case ValueColumn: return valueData(reg, role);
    default: return {};
    }
}

QVariant RegisterModel::valueData(unsigned index, int role) const {
    const HartSnapshot& snapshot = history_.current();
    const quint64 value = valueOf(snapshot, index);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return formatValue(value, snapshot.xlen, format_);
    case Qt::FontRole: {
        const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return isChanged(index) ? changedFont(fixed) : fixed;
    }
    case Qt::TextAlignmentRole: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return tr("hex %1\nsigned %2\nunsigned %3")
            .arg(formatValue(value, snapshot.xlen, ValueFormat::Hex),
                 formatValue(value, snapshot.xlen, ValueFormat::SignedDecimal),
                 formatValue(value, snapshot.xlen, ValueFormat::UnsignedDecimal));
    default: return {};
    }
}

QVariant RegisterModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn: return tr("Register");
    case AbiNameColumn: return tr("ABI name");
    case ValueColumn: return tr("Value");
    default: return {};
    }
}

Qt::ItemFlags RegisterModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    const bool writable = index.isValid() && index.column() == ValueColumn && index.row() != rowOfRegister(0);
    if (writable && isEditable()) result |= Qt::ItemIsEditable;
    return result;
}

bool RegisterModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || index.column() != ValueColumn || role != Qt::EditRole) return false;
    const unsigned reg = registerIndexOfRow(index.row());
    const QString text = value.toString();
    const QString reason = refusalReason(reg, text);
    if (!reason.isEmpty()) {
        emit editRefused(reg, reason);
        return false;
    }
    const quint64 parsed = *parseValue(text, history_.current().xlen, format_);
    // Writing the value already there would only make the worker publish a
    // snapshot, which moves the comparison point and clears the highlights.
    if (parsed != valueOf(history_.current(), reg)) emit registerEditRequested(reg, parsed);
    return true;
}

QString RegisterModel::refusalReason(unsigned index, const QString& text) const {
    if (!isEditable()) return tr("Registers can be changed only while the program is paused.");
    if (index == 0) return tr("x0 is always zero.");
    const Xlen xlen = history_.current().xlen;
    const auto parsed = parseValue(text, xlen, format_);
    if (!parsed) {
        return tr("\u201c%1\u201d is not a %2-bit value in this format (a 0x prefix gives hex).")
            .arg(text)
            .arg(static_cast<unsigned>(xlen));
    }
    // With the C extension always on, instructions are 2-byte aligned.
    if (index == kPcIndex && (*parsed & 1) != 0) return tr("The pc must be even.");
    return {};
}

void RegisterModel::setSnapshot(const HartSnapshot& snapshot) {
    const bool sameShape = !history_.isEmpty() && history_.current().xlen == snapshot.xlen;
    const RowStates before = rowStates();
    history_.add(snapshot);
    runState_ = snapshot.runState;
    if (sameShape) {
        emitChangedRows(before);
    } else {
        // The value width changed (or there were no values): repaint all.
        emit dataChanged(index(0, 0), index(kRowCount - 1, ColumnCount - 1));
    }
}

void RegisterModel::setRunState(RunState state) { runState_ = state; }

void RegisterModel::setFormat(ValueFormat format) {
    if (format == format_) return;
    format_ = format;
    emit dataChanged(index(0, ValueColumn), index(kRowCount - 1, ValueColumn));
}

void RegisterModel::clear() {
    history_.clear();
    emit dataChanged(index(0, 0), index(kRowCount - 1, ColumnCount - 1));
}

quint64 RegisterModel::valueOf(const HartSnapshot& snapshot, unsigned index) const {
    const quint64 value = index == kPcIndex ? snapshot.hart.pc : snapshot.hart.x[index];
    return value & xlenMask(snapshot.xlen);
}

RegisterModel::RowStates RegisterModel::rowStates() const {
    RowStates states{};
    if (history_.isEmpty()) return states;
    for (int row = 0; row < kRowCount; ++row) {
        const unsigned reg = registerIndexOfRow(row);
        states[static_cast<std::size_t>(row)] = RowState{valueOf(history_.current(), reg), isChanged(reg)};
    }
    return states;
}

// Only rows that look different are announced, so an editor open on another
// row keeps what is being typed into it.
void RegisterModel::emitChangedRows(const RowStates& before) {
    const RowStates after = rowStates();
    for (int row = 0; row < kRowCount; ++row) {
        if (before[static_cast<std::size_t>(row)] != after[static_cast<std::size_t>(row)]) {
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

}  // namespace glasshart
