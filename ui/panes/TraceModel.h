#pragma once

#include <QAbstractTableModel>
#include <QFont>
#include <optional>
#include <vector>

#include "BlockDescription.h"
#include "isa/Instruction.h"
#include "panes/GuestLocation.h"
#include "panes/X86Disassembler.h"

namespace glasshart {

// One translated block as rows that line up guest and host code: the host
// code is cut into groups (the entry check, each guest instruction's inline
// code, each slow path, the exits) and every group takes as many rows as it
// has x86-64 instructions (at least one). The guest columns describe the
// group on its first row; the trace viewer spans them over the group.
class TraceModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        GuestAddressColumn,
        GuestBytesColumn,
        GuestInstructionColumn,
        HostAddressColumn,
        HostBytesColumn,
        HostInstructionColumn,
        ColumnCount
    };
    static constexpr int kGuestColumns = HostAddressColumn;
    enum Role { GroupRole = Qt::UserRole + 1 };

    enum class GroupKind { Entry, Instruction, SlowPath, SideExit, Exits, Unattributed };
    struct Group {
        GroupKind kind = GroupKind::Entry;
        int guest = -1;  // the guest instruction it belongs to (Instruction, SlowPath, SideExit), else -1
        quint32 hostBegin = 0;
        quint32 hostEnd = 0;
        std::vector<X86Instruction> host;
        int firstRow = 0;
        int rowCount = 1;  // host.size(), or 1 for a row saying there is none
    };
    struct GuestInstruction {
        quint64 address = 0;
        GuestInstructionText text;
    };

    explicit TraceModel(QObject* parent = nullptr);

    void setBlock(const BlockDescription& block, Xlen xlen, const AddressDescriber& describe);
    void clear();
    [[nodiscard]] const BlockDescription& block() const { return block_; }
    [[nodiscard]] X86Syntax syntax() const { return disassembler_.syntax(); }
    void setSyntax(X86Syntax syntax);
    void setPc(std::optional<quint64> pc);

    [[nodiscard]] int groupCount() const { return static_cast<int>(groups_.size()); }
    [[nodiscard]] const Group& group(int index) const { return groups_[static_cast<std::size_t>(index)]; }
    [[nodiscard]] int groupOfRow(int row) const;
    [[nodiscard]] int guestCount() const { return static_cast<int>(guest_.size()); }
    [[nodiscard]] const GuestInstruction& guest(int index) const { return guest_[static_cast<std::size_t>(index)]; }
    // The groups shown together when a row of `group` is selected: a guest
    // instruction's inline code and its slow path; any other group alone.
    [[nodiscard]] std::vector<int> linkedGroups(int group) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void buildGroups();
    void addGroup(GroupKind kind, int guest, quint32 begin, quint32 end);
    void disassembleGroups();
    [[nodiscard]] QVariant guestData(const Group& group, int column, int role) const;
    [[nodiscard]] QVariant hostData(const Group& group, int instruction, int column, int role) const;
    [[nodiscard]] QString groupLabel(const Group& group) const;
    [[nodiscard]] QString groupExplanation(const Group& group) const;
    [[nodiscard]] QString hostText(const X86Instruction& instruction) const;

    BlockDescription block_;
    std::vector<GuestInstruction> guest_;
    std::vector<Group> groups_;
    std::vector<int> groupByRow_;
    X86Disassembler disassembler_;
    std::optional<quint64> pc_;
    QFont codeFont_;
    QFont labelFont_;
};

}  // namespace glasshart
