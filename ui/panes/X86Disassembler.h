#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>
#include <cstddef>
#include <optional>
#include <vector>

namespace glasshart {

enum class X86Syntax { Intel, Att };

struct X86Instruction {
    quint32 offset = 0;  // from the start of the code handed to disassemble()
    QByteArray bytes;
    QString mnemonic;
    QString operands;
    // Direct jumps and calls: the absolute address they go to.
    std::optional<quint64> branchTarget;
    // A memory operand [rbx + disp] without index. Translated code keeps
    // HartState* in rbx, so this names a guest register or hart field.
    std::optional<qint64> rbxDisplacement;
};

// x86-64 disassembly through Capstone, which stays out of this header so
// that only this class's source depends on it. Owns one Capstone handle.
class X86Disassembler {
public:
    explicit X86Disassembler(X86Syntax syntax = X86Syntax::Intel);
    ~X86Disassembler();
    X86Disassembler(const X86Disassembler&) = delete;
    X86Disassembler& operator=(const X86Disassembler&) = delete;

    [[nodiscard]] X86Syntax syntax() const { return syntax_; }
    void setSyntax(X86Syntax syntax);

    // Disassembles all of `code` as if it stood at `address`. A byte that
    // does not start a valid instruction becomes a one-byte ".byte" entry,
    // so everything after it still lines up.
    [[nodiscard]] std::vector<X86Instruction> disassemble(const QByteArray& code, quint64 address) const;

private:
    std::size_t handle_ = 0;  // Capstone's csh
    X86Syntax syntax_;
};

}  // namespace glasshart
