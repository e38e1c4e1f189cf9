#include "panes/DisassemblyModel.h"

#include <QColor>
#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPainter>
#include <QPixmap>
#include <QPolygonF>
#include <algorithm>

#include "panes/PaneColors.h"

namespace glasshart {

namespace {

constexpr int kIconSize = 16;

QIcon gutterIcon(bool breakpoint, bool pc) {
    QPixmap pixmap(kIconSize, kIconSize);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (breakpoint) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(210, 40, 40));
        painter.drawEllipse(QRectF(2, 2, 12, 12));
    }
    if (pc) {
        const QPolygonF arrow{{QPointF(2, 5.5), QPointF(8, 5.5), QPointF(8, 2), QPointF(14.5, 8),
                               QPointF(8, 14), QPointF(8, 10.5), QPointF(2, 10.5)}};
        // Outlined in its own darker shade, it stands out on light and dark
        // backgrounds alike.
        const QColor yellow(250, 190, 20);
        painter.setPen(QPen(yellow.darker(250), 0.8));
        painter.setBrush(yellow);
        painter.drawPolygon(arrow);
    }
    return QIcon(pixmap);
}

}  // namespace

DisassemblyModel::DisassemblyModel(QObject* parent)
    : QAbstractTableModel(parent),
      breakpointIcon_(gutterIcon(true, false)),
      pcIcon_(gutterIcon(false, true)),
      breakpointAndPcIcon_(gutterIcon(true, true)),
      codeFont_(QFontDatabase::systemFont(QFontDatabase::FixedFont)),
      labelFont_(codeFont_) {
    labelFont_.setBold(true);
}

void DisassemblyModel::setCode(quint64 address, const QByteArray& bytes, Xlen xlen,
                               std::map<quint64, QString> labels, AddressDescriber describe) {
    beginResetModel();
    start_ = address;
    code_ = bytes;
    xlen_ = xlen;
    labels_ = std::move(labels);
    // Instructions are 2-byte aligned: a symbol at an odd address names data,
    // and decoding must not restart there.
    std::erase_if(labels_, [](const auto& label) { return label.first % 2 != 0; });
    describe_ = std::move(describe);
    decode();
    endResetModel();
}

void DisassemblyModel::clear() {
    beginResetModel();
    start_ = 0;
    code_.clear();
    labels_.clear();
    lines_.clear();
    endResetModel();
}

void DisassemblyModel::decode() {
    lines_.clear();
    const quint64 end = windowEnd();
    quint64 at = start_;
    while (end - at >= 2) {
        if (const auto label = labels_.find(at); label != labels_.end()) {
            lines_.push_back(Line{at, 0, {}, QStringLiteral("<%1>:").arg(label->second)});
        }
        // Decoding must not run across the next symbol or the pc.
        quint64 limit = end;
        if (const auto next = labels_.upper_bound(at); next != labels_.end()) limit = std::min(limit, next->first);
        if (pc_ && *pc_ > at) limit = std::min(limit, *pc_);
        const unsigned length = appendInstruction(at, limit);
        if (length == 0) break;
        at += length;
    }
}

unsigned DisassemblyModel::appendInstruction(quint64 address, quint64 limit) {
    const QByteArrayView code(code_.constData() + (address - start_), static_cast<qsizetype>(limit - address));
    if (const auto instruction = describeGuestInstruction(code, address, xlen_, describe_)) {
        lines_.push_back(Line{address, instruction->length, instruction->bytes, instruction->text});
        return instruction->length;
    }
    // Cut off by the end of the window: show nothing rather than half of it.
    if (limit == windowEnd() || code.size() < 2) return 0;
    // Cut off by a symbol or the pc: these two bytes cannot be an instruction.
    const auto parcel = static_cast<quint16>(static_cast<quint8>(code[0]) | static_cast<quint8>(code[1]) << 8);
    const QString hex = QStringLiteral("%1").arg(parcel, 4, 16, QLatin1Char('0'));
    lines_.push_back(Line{address, 2, hex, alignOperands(QStringLiteral(".2byte"), QStringLiteral("0x") + hex)});
    return 2;
}

void DisassemblyModel::setAddressesVirtual(bool isVirtual) {
    if (isVirtual == addressesVirtual_) return;
    addressesVirtual_ = isVirtual;
    emit headerDataChanged(Qt::Horizontal, AddressColumn, AddressColumn);
}

void DisassemblyModel::setPc(std::optional<quint64> pc) {
    if (pc == pc_) return;
    const std::optional<quint64> old = pc_;
    pc_ = pc;
    // A pc inside the window that decoding stepped over: decode again from it.
    if (pc && contains(*pc) && rowOfInstruction(*pc) < 0) {
        beginResetModel();
        decode();
        endResetModel();
        return;
    }
    if (old) refreshRow(rowOfInstruction(*old));
    if (pc) refreshRow(rowOfInstruction(*pc));
}

void DisassemblyModel::setBreakpoints(const QSet<quint64>& breakpoints) {
    breakpoints_ = breakpoints;
    if (!lines_.empty()) emit dataChanged(index(0, GutterColumn), index(rowCount() - 1, GutterColumn));
}

void DisassemblyModel::refreshRow(int row) {
    if (row >= 0) emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int DisassemblyModel::rowOfInstruction(quint64 address) const {
    auto line = std::lower_bound(lines_.begin(), lines_.end(), address,
                                 [](const Line& l, quint64 a) { return l.address < a; });
    for (; line != lines_.end() && line->address == address; ++line) {
        if (line->length != 0) return static_cast<int>(line - lines_.begin());
    }
    return -1;
}

int DisassemblyModel::rowCovering(quint64 address) const {
    auto line = std::upper_bound(lines_.begin(), lines_.end(), address,
                                 [](quint64 a, const Line& l) { return a < l.address; });
    if (line == lines_.begin()) return -1;
    --line;
    if (line->length == 0 || address - line->address >= line->length) return -1;
    return static_cast<int>(line - lines_.begin());
}

std::optional<quint64> DisassemblyModel::instructionAt(int row) const {
    if (row < 0 || row >= rowCount() || isLabel(row)) return std::nullopt;
    return lines_[static_cast<std::size_t>(row)].address;
}

bool DisassemblyModel::isLabel(int row) const {
    return row >= 0 && row < rowCount() && lines_[static_cast<std::size_t>(row)].length == 0;
}

int DisassemblyModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(lines_.size());
}

int DisassemblyModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DisassemblyModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Line& line = lines_[static_cast<std::size_t>(index.row())];
    const bool label = line.length == 0;
    switch (role) {
    case AddressRole: return line.address;
    case IsLabelRole: return label;
    case Qt::FontRole: return label ? labelFont_ : codeFont_;
    case Qt::BackgroundRole:
        return !label && pc_ == line.address ? QVariant(pcBackground(QGuiApplication::palette())) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == BytesColumn ? QVariant(secondaryText(QGuiApplication::palette())) : QVariant();
    default: break;
    }
    if (label) return role == Qt::DisplayRole && index.column() == AddressColumn ? QVariant(line.text) : QVariant();
    if (index.column() == GutterColumn) return gutterData(line, role);
    return role == Qt::DisplayRole ? textData(line, index.column()) : QVariant();
}

QVariant DisassemblyModel::gutterData(const Line& line, int role) const {
    const bool breakpoint = breakpoints_.contains(line.address);
    const bool pc = pc_ == line.address;
    if (role == Qt::DecorationRole) {
        if (breakpoint && pc) return breakpointAndPcIcon_;
        if (breakpoint) return breakpointIcon_;
        if (pc) return pcIcon_;
        return {};
    }
    if (role == Qt::ToolTipRole) {
        return breakpoint ? tr("Breakpoint at 0x%1: click to remove it").arg(hexAddress(line.address))
                          : tr("Click to set a breakpoint at 0x%1").arg(hexAddress(line.address));
    }
    return {};
}

QVariant DisassemblyModel::textData(const Line& line, int column) const {
    switch (column) {
    case AddressColumn: return hexAddress(line.address);
    case BytesColumn: return line.bytes;
    case InstructionColumn: return line.text;
    default: return {};
    }
}

QVariant DisassemblyModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole && section == AddressColumn) {
        return addressesVirtual_ ? tr("Virtual addresses: the code is read through the page tables, as the hart fetches it")
                                 : tr("Physical addresses: paging does not apply to the hart's fetches now");
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case AddressColumn: return addressesVirtual_ ? tr("Virtual address") : tr("Address");
    case BytesColumn: return tr("Bytes");
    case InstructionColumn: return tr("Instruction");
    default: return {};
    }
}

}  // namespace glasshart
