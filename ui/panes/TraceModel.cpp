#include "panes/TraceModel.h"

#include <QColor>
#include <QFontDatabase>
#include <QGuiApplication>
#include <algorithm>
#include <cstddef>

#include "hart/HartState.h"
#include "isa/Disassembler.h"
#include "panes/PaneColors.h"

namespace glasshart {

namespace {

// Translated code addresses HartState off rbx: name the field it touches.
QString hartFieldAt(qint64 displacement) {
    constexpr auto kRegisters = static_cast<qint64>(offsetof(HartState, x));
    constexpr auto kSlot = static_cast<qint64>(sizeof(std::uint64_t));
    if (displacement >= kRegisters && displacement < kRegisters + 32 * kSlot &&
        (displacement - kRegisters) % kSlot == 0) {
        return QString::fromLatin1(abiRegisterName(static_cast<unsigned>((displacement - kRegisters) / kSlot)));
    }
    if (displacement == static_cast<qint64>(offsetof(HartState, pc))) return QStringLiteral("pc");
    if (displacement == static_cast<qint64>(offsetof(HartState, retired))) return QStringLiteral("retired");
    if (displacement == static_cast<qint64>(offsetof(HartState, idle))) return QStringLiteral("idle");
    if (displacement == static_cast<qint64>(offsetof(HartState, eventAt))) return QStringLiteral("eventAt");
    return {};
}

struct Region {
    TraceModel::GroupKind kind;
    int guest;
    quint32 begin;
    quint32 end;
};

}  // namespace

TraceModel::TraceModel(QObject* parent)
    : QAbstractTableModel(parent),
      codeFont_(QFontDatabase::systemFont(QFontDatabase::FixedFont)),
      labelFont_(codeFont_) {
    labelFont_.setItalic(true);
}

void TraceModel::setBlock(const BlockDescription& block, Xlen xlen, const AddressDescriber& describe) {
    beginResetModel();
    block_ = block;
    guest_.clear();
    for (const InstructionSpan& span : block_.spans) {
        const quint64 offset = span.guestPc - block_.guestPc;
        const QByteArrayView code = offset < static_cast<quint64>(block_.guestCode.size())
                                        ? QByteArrayView(block_.guestCode).sliced(static_cast<qsizetype>(offset))
                                        : QByteArrayView();
        GuestInstruction instruction{span.guestPc, {}};
        if (const auto text = describeGuestInstruction(code, span.guestPc, xlen, describe)) {
            instruction.text = *text;
        } else {
            instruction.text.text = tr("(guest bytes missing)");
        }
        guest_.push_back(instruction);
    }
    buildGroups();
    disassembleGroups();
    endResetModel();
}

void TraceModel::clear() {
    beginResetModel();
    block_ = BlockDescription{};
    guest_.clear();
    groups_.clear();
    groupByRow_.clear();
    endResetModel();
}

void TraceModel::buildGroups() {
    groups_.clear();
    const auto size = static_cast<quint32>(block_.hostCode.size());
    const auto clamp = [size](quint32 offset) { return std::min(offset, size); };
    std::vector<Region> regions;
    if (!block_.spans.isEmpty()) regions.push_back({GroupKind::Entry, -1, 0, clamp(block_.spans.front().hostBegin)});
    for (int i = 0; i < block_.spans.size(); ++i) {
        const InstructionSpan& span = block_.spans[i];
        regions.push_back({GroupKind::Instruction, i, clamp(span.hostBegin), clamp(span.hostEnd)});
        if (span.slowPathEnd > span.slowPathBegin) {
            regions.push_back({GroupKind::SlowPath, i, clamp(span.slowPathBegin), clamp(span.slowPathEnd)});
        }
        if (span.sideExitEnd > span.sideExitBegin) {
            regions.push_back({GroupKind::SideExit, i, clamp(span.sideExitBegin), clamp(span.sideExitEnd)});
        }
    }
    std::stable_sort(regions.begin(), regions.end(),
                     [](const Region& a, const Region& b) { return a.begin < b.begin; });
    // Whatever no span claims is still shown, so no host byte goes missing.
    quint32 cursor = 0;
    for (const Region& region : regions) {
        if (region.begin > cursor) addGroup(GroupKind::Unattributed, -1, cursor, region.begin);
        const quint32 begin = std::max(region.begin, cursor);
        const quint32 end = std::max(region.end, begin);
        if (end > begin || region.kind == GroupKind::Instruction) addGroup(region.kind, region.guest, begin, end);
        cursor = end;
    }
    if (cursor < size) addGroup(block_.spans.isEmpty() ? GroupKind::Unattributed : GroupKind::Exits, -1, cursor, size);
}

void TraceModel::addGroup(GroupKind kind, int guest, quint32 begin, quint32 end) {
    Group group;
    group.kind = kind;
    group.guest = guest;
    group.hostBegin = begin;
    group.hostEnd = end;
    groups_.push_back(std::move(group));
}

void TraceModel::disassembleGroups() {
    groupByRow_.clear();
    for (std::size_t g = 0; g < groups_.size(); ++g) {
        Group& group = groups_[g];
        // Each group on its own: its first byte starts an instruction, which
        // a run over the whole block could not promise after a bad byte.
        const QByteArray code = block_.hostCode.mid(group.hostBegin, group.hostEnd - group.hostBegin);
        group.host = disassembler_.disassemble(code, block_.hostAddress + group.hostBegin);
        for (X86Instruction& instruction : group.host) instruction.offset += group.hostBegin;
        group.firstRow = static_cast<int>(groupByRow_.size());
        group.rowCount = std::max(1, static_cast<int>(group.host.size()));
        groupByRow_.insert(groupByRow_.end(), static_cast<std::size_t>(group.rowCount), static_cast<int>(g));
    }
}

void TraceModel::setSyntax(X86Syntax syntax) {
    if (syntax == disassembler_.syntax()) return;
    disassembler_.setSyntax(syntax);
    // The syntax changes how instructions print, never where they start:
    // the rows stay as they are.
    disassembleGroups();
    if (rowCount() > 0) emit dataChanged(index(0, HostAddressColumn), index(rowCount() - 1, HostInstructionColumn));
}

void TraceModel::setPc(std::optional<quint64> pc) {
    if (pc == pc_) return;
    pc_ = pc;
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int TraceModel::groupOfRow(int row) const {
    return row >= 0 && row < rowCount() ? groupByRow_[static_cast<std::size_t>(row)] : -1;
}

std::vector<int> TraceModel::linkedGroups(int group) const {
    if (group < 0 || group >= groupCount()) return {};
    const int guest = groups_[static_cast<std::size_t>(group)].guest;
    if (guest < 0) return {group};
    std::vector<int> linked;
    for (int g = 0; g < groupCount(); ++g) {
        if (groups_[static_cast<std::size_t>(g)].guest == guest) linked.push_back(g);
    }
    return linked;
}

int TraceModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(groupByRow_.size());
}

int TraceModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TraceModel::data(const QModelIndex& index, int role) const {
    const int g = index.isValid() ? groupOfRow(index.row()) : -1;
    if (g < 0) return {};
    const Group& group = groups_[static_cast<std::size_t>(g)];
    const bool atPc =
        group.kind == GroupKind::Instruction && pc_ == guest_[static_cast<std::size_t>(group.guest)].address;
    if (role == GroupRole) return g;
    if (role == Qt::BackgroundRole) {
        const QPalette palette = QGuiApplication::palette();
        if (atPc) return pcBackground(palette);
        return g % 2 == 1 ? QVariant(bandBackground(palette)) : QVariant();
    }
    if (index.column() < kGuestColumns) {
        if (index.row() != group.firstRow) return {};
        if (role == Qt::FontRole) {
            if (group.kind != GroupKind::Instruction) return labelFont_;
            QFont font = codeFont_;
            font.setBold(atPc);
            return font;
        }
        return guestData(group, index.column(), role);
    }
    return hostData(group, index.row() - group.firstRow, index.column(), role);
}

QVariant TraceModel::guestData(const Group& group, int column, int role) const {
    // Level with the group's first host instruction, however tall the group.
    if (role == Qt::TextAlignmentRole) return QVariant(Qt::AlignLeft | Qt::AlignTop);
    if (group.kind != GroupKind::Instruction) {
        if (role == Qt::ToolTipRole) return groupExplanation(group);
        return role == Qt::DisplayRole && column == GuestAddressColumn ? QVariant(groupLabel(group)) : QVariant();
    }
    const GuestInstruction& instruction = guest_[static_cast<std::size_t>(group.guest)];
    if (role == Qt::ToolTipRole) {
        return tr("%n byte(s) of x86-64 inline", nullptr, static_cast<int>(group.hostEnd - group.hostBegin));
    }
    if (role == Qt::ForegroundRole && column == GuestBytesColumn) return secondaryText(QGuiApplication::palette());
    if (role != Qt::DisplayRole) return {};
    switch (column) {
    case GuestAddressColumn: return hexAddress(instruction.address);
    case GuestBytesColumn: return instruction.text.bytes;
    default: return instruction.text.text;
    }
}

QVariant TraceModel::hostData(const Group& group, int instruction, int column, int role) const {
    if (group.host.empty()) {
        if (column != HostInstructionColumn) return {};
        if (role == Qt::DisplayRole) return tr("(no host code)");
        if (role == Qt::ForegroundRole) return secondaryText(QGuiApplication::palette());
        return role == Qt::FontRole ? QVariant(labelFont_) : QVariant();
    }
    const X86Instruction& host = group.host[static_cast<std::size_t>(instruction)];
    switch (role) {
    case Qt::FontRole: return codeFont_;
    case Qt::ForegroundRole:
        return column == HostBytesColumn ? QVariant(secondaryText(QGuiApplication::palette())) : QVariant();
    case Qt::TextAlignmentRole:
        return column == HostAddressColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        return column == HostAddressColumn ? tr("Host address 0x%1").arg(hexAddress(block_.hostAddress + host.offset))
                                           : QVariant();
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (column) {
    case HostAddressColumn: return QStringLiteral("+0x%1").arg(host.offset, 0, 16);
    case HostBytesColumn: return QString::fromLatin1(host.bytes.toHex(' '));
    default: return hostText(host);
    }
}

QString TraceModel::hostText(const X86Instruction& instruction) const {
    QString text = alignOperands(instruction.mnemonic, instruction.operands);
    const auto size = static_cast<quint64>(block_.hostCode.size());
    if (instruction.branchTarget && *instruction.branchTarget - block_.hostAddress < size) {
        text += QStringLiteral(" <+0x%1>").arg(*instruction.branchTarget - block_.hostAddress, 0, 16);
    }
    if (instruction.rbxDisplacement) {
        const QString field = hartFieldAt(*instruction.rbxDisplacement);
        if (!field.isEmpty()) text += QStringLiteral("    ; ") + field;
    }
    return text;
}

QString TraceModel::groupLabel(const Group& group) const {
    switch (group.kind) {
    case GroupKind::Entry: return tr("block entry: budget check, register loads");
    case GroupKind::SlowPath:
        return tr("slow path of 0x%1").arg(hexAddress(guest_[static_cast<std::size_t>(group.guest)].address));
    case GroupKind::SideExit:
        return tr("side exit of 0x%1").arg(hexAddress(guest_[static_cast<std::size_t>(group.guest)].address));
    case GroupKind::Exits: return tr("exits");
    case GroupKind::Unattributed: return tr("other host code");
    case GroupKind::Instruction: break;
    }
    return {};
}

QString TraceModel::groupExplanation(const Group& group) const {
    switch (group.kind) {
    case GroupKind::Entry:
        return tr("Charges the block's %n instruction(s) to the budget in r15 up front; if the budget would run "
                  "out before the next event the block does not run and the dispatcher steps up to the event "
                  "instead. Then it loads the guest registers only this block keeps in host registers.",
                  nullptr, guestCount());
    case GroupKind::SlowPath:
        return tr("Taken when the inline code cannot do the access (a device, a fault, a watched page): the "
                  "interpreter executes this one instruction.");
    case GroupKind::SideExit:
        return tr("Taken when this branch within the block is: gives back to the budget the block's instructions "
                  "after the branch, stores the guest registers changed so far, and leaves for the branch target "
                  "(chained to it once the dispatcher has seen the way taken).");
    case GroupKind::Exits:
        return tr("Back to the dispatcher: a refused entry stores the block's pc; exits that are not chained "
                  "return through the epilogue.");
    case GroupKind::Unattributed: return tr("Host code that no guest instruction's span covers.");
    case GroupKind::Instruction: break;
    }
    return {};
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case GuestAddressColumn: return tr("Guest");
    case GuestBytesColumn: return tr("Bytes");
    case GuestInstructionColumn: return tr("RISC-V");
    case HostAddressColumn: return tr("Host");
    case HostBytesColumn: return tr("Bytes");
    case HostInstructionColumn: return tr("x86-64");
    default: return {};
    }
}

}  // namespace glasshart
