#include "panes/X86Disassembler.h"

#include <capstone/capstone.h>

#include <memory>
#include <stdexcept>
#include <type_traits>

namespace glasshart {

static_assert(std::is_same_v<csh, std::size_t>, "the header stores Capstone's handle as std::size_t");

namespace {

// One cs_insn buffer (with its detail) for cs_disasm_iter, freed on scope exit.
struct InstructionBuffer {
    explicit InstructionBuffer(csh handle) : insn(cs_malloc(handle)) {
        if (insn == nullptr) throw std::bad_alloc();
    }
    ~InstructionBuffer() { cs_free(insn, 1); }
    InstructionBuffer(const InstructionBuffer&) = delete;
    InstructionBuffer& operator=(const InstructionBuffer&) = delete;

    cs_insn* insn;
};

std::optional<quint64> branchTargetOf(csh handle, const cs_insn& insn) {
    if (!cs_insn_group(handle, &insn, CS_GRP_JUMP) && !cs_insn_group(handle, &insn, CS_GRP_CALL)) {
        return std::nullopt;
    }
    const cs_x86& x86 = insn.detail->x86;
    if (x86.op_count != 1 || x86.operands[0].type != X86_OP_IMM) return std::nullopt;
    return static_cast<quint64>(x86.operands[0].imm);
}

std::optional<qint64> rbxDisplacementOf(const cs_insn& insn) {
    const cs_x86& x86 = insn.detail->x86;
    for (std::uint8_t i = 0; i < x86.op_count; ++i) {
        const cs_x86_op& op = x86.operands[i];
        if (op.type == X86_OP_MEM && op.mem.base == X86_REG_RBX && op.mem.index == X86_REG_INVALID &&
            op.mem.segment == X86_REG_INVALID) {
            return op.mem.disp;
        }
    }
    return std::nullopt;
}

X86Instruction convert(csh handle, const cs_insn& insn, quint64 start) {
    X86Instruction out;
    out.offset = static_cast<quint32>(insn.address - start);
    out.bytes = QByteArray(reinterpret_cast<const char*>(insn.bytes), insn.size);
    out.mnemonic = QString::fromLatin1(insn.mnemonic);
    out.operands = QString::fromLatin1(insn.op_str);
    out.branchTarget = branchTargetOf(handle, insn);
    out.rbxDisplacement = rbxDisplacementOf(insn);
    return out;
}

X86Instruction undecodable(quint32 offset, char byte) {
    X86Instruction out;
    out.offset = offset;
    out.bytes = QByteArray(1, byte);
    out.mnemonic = QStringLiteral(".byte");
    out.operands = QStringLiteral("0x%1").arg(static_cast<quint8>(byte), 2, 16, QLatin1Char('0'));
    return out;
}

}  // namespace

X86Disassembler::X86Disassembler(X86Syntax syntax) : syntax_(syntax) {
    csh handle = 0;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &handle) != CS_ERR_OK) {
        throw std::runtime_error("Capstone cannot disassemble x86-64");
    }
    handle_ = handle;
    // Detail is what tells jumps and memory operands apart.
    cs_option(handle_, CS_OPT_DETAIL, CS_OPT_ON);
    setSyntax(syntax);
}

X86Disassembler::~X86Disassembler() {
    csh handle = handle_;
    cs_close(&handle);
}

void X86Disassembler::setSyntax(X86Syntax syntax) {
    syntax_ = syntax;
    cs_option(handle_, CS_OPT_SYNTAX, syntax == X86Syntax::Att ? CS_OPT_SYNTAX_ATT : CS_OPT_SYNTAX_INTEL);
}

std::vector<X86Instruction> X86Disassembler::disassemble(const QByteArray& code, quint64 address) const {
    std::vector<X86Instruction> out;
    InstructionBuffer buffer(handle_);
    const auto* next = reinterpret_cast<const std::uint8_t*>(code.constData());
    std::size_t left = static_cast<std::size_t>(code.size());
    std::uint64_t at = address;
    while (left > 0) {
        if (cs_disasm_iter(handle_, &next, &left, &at, buffer.insn)) {
            out.push_back(convert(handle_, *buffer.insn, address));
            continue;
        }
        const auto offset = static_cast<quint32>(at - address);
        out.push_back(undecodable(offset, code.at(static_cast<qsizetype>(offset))));
        ++next;
        --left;
        ++at;
    }
    return out;
}

}  // namespace glasshart
