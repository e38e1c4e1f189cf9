#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QFont>
#include <QIcon>
#include <QSet>
#include <map>
#include <optional>
#include <vector>

#include "isa/Instruction.h"
#include "panes/GuestLocation.h"

namespace glasshart {

// A window of guest code as rows: one per instruction, plus a header row
// ("<main>:") where a symbol starts. Decoding runs front to back (RISC-V
// cannot be decoded backwards with 2- and 4-byte instructions mixed) and
// starts afresh at every symbol and at the pc, so a misread of data just
// before them shows up as ".2byte" rather than hiding real instructions.
class DisassemblyModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { GutterColumn, AddressColumn, BytesColumn, InstructionColumn, ColumnCount };
    enum Role { AddressRole = Qt::UserRole + 1, IsLabelRole };

    explicit DisassemblyModel(QObject* parent = nullptr);

    // `bytes` stand at `address`; `labels` are the symbols that start among
    // them (address -> name); `describe` names branch targets.
    void setCode(quint64 address, const QByteArray& bytes, Xlen xlen, std::map<quint64, QString> labels,
                 AddressDescriber describe);
    void clear();
    [[nodiscard]] bool hasCode() const { return !code_.isEmpty(); }
    [[nodiscard]] quint64 windowStart() const { return start_; }
    [[nodiscard]] quint64 windowEnd() const { return start_ + static_cast<quint64>(code_.size()); }
    [[nodiscard]] bool contains(quint64 address) const { return address >= start_ && address < windowEnd(); }

    // Whether the addresses are virtual (read through the page tables): the
    // address column says so.
    void setAddressesVirtual(bool isVirtual);
    void setPc(std::optional<quint64> pc);
    void setBreakpoints(const QSet<quint64>& breakpoints);

    // The row of the instruction at `address`, or -1.
    [[nodiscard]] int rowOfInstruction(quint64 address) const;
    // The row of the instruction that covers `address`, or -1.
    [[nodiscard]] int rowCovering(quint64 address) const;
    [[nodiscard]] std::optional<quint64> instructionAt(int row) const;
    [[nodiscard]] bool isLabel(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Line {
        quint64 address;
        unsigned length;  // 0 for a label
        QString bytes;
        QString text;     // the instruction, or the label's name
    };

    void decode();
    // Adds the instruction at `address`, decoded from no byte at or past
    // `limit`; returns its length, 0 at the end of the window.
    unsigned appendInstruction(quint64 address, quint64 limit);
    [[nodiscard]] QVariant gutterData(const Line& line, int role) const;
    [[nodiscard]] QVariant textData(const Line& line, int column) const;
    void refreshRow(int row);

    quint64 start_ = 0;
    QByteArray code_;
    Xlen xlen_ = Xlen::Rv64;
    std::map<quint64, QString> labels_;
    AddressDescriber describe_;
    std::optional<quint64> pc_;
    bool addressesVirtual_ = false;
    QSet<quint64> breakpoints_;
    std::vector<Line> lines_;
    QIcon breakpointIcon_;
    QIcon pcIcon_;
    QIcon breakpointAndPcIcon_;
    QFont codeFont_;
    QFont labelFont_;
};

}  // namespace glasshart
