#include "panes/GuestLocation.h"

#include <string>

#include "isa/Decoder.h"
#include "isa/Disassembler.h"
#include "machine/ElfImage.h"

namespace glasshart {

namespace {

constexpr qsizetype kMnemonicWidth = 8;

std::optional<quint64> parseHex(QString text) {
    if (text.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)) text = text.mid(2);
    bool ok = false;
    const quint64 value = text.toULongLong(&ok, 16);
    return ok && !text.isEmpty() ? std::optional<quint64>(value) : std::nullopt;
}

}  // namespace

std::optional<quint64> parseGuestLocation(const QString& text, const ElfImage* program) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) return std::nullopt;
    const bool explicitHex = trimmed.startsWith(QLatin1String("0x"), Qt::CaseInsensitive);
    if (program != nullptr && !explicitHex) {
        if (const auto address = program->symbolAddress(trimmed.toStdString())) return *address;
    }
    return parseHex(trimmed);
}

QString hexAddress(quint64 address) { return QString::number(address, 16); }

QString alignOperands(const QString& mnemonic, const QString& operands) {
    if (operands.isEmpty()) return mnemonic;
    return mnemonic.leftJustified(kMnemonicWidth - 1) + QLatin1Char(' ') + operands;
}

std::optional<GuestInstructionText> describeGuestInstruction(QByteArrayView code, quint64 pc, Xlen xlen,
                                                             const AddressDescriber& describe) {
    if (code.size() < 2) return std::nullopt;
    const auto byteAt = [&code](qsizetype i) { return static_cast<quint32>(static_cast<quint8>(code[i])); };
    const quint32 low = byteAt(0) | byteAt(1) << 8;
    const unsigned length = instructionLength(static_cast<std::uint16_t>(low));
    if (code.size() < length) return std::nullopt;
    const quint32 bits = length == 4 ? low | byteAt(2) << 16 | byteAt(3) << 24 : low;

    SymbolNamer namer;
    if (describe) {
        namer = [&describe](std::uint64_t address) -> std::optional<std::string> {
            const QString name = describe(address);
            return name.isEmpty() ? std::nullopt : std::optional<std::string>(name.toStdString());
        };
    }
    const QString text = QString::fromStdString(disassemble(decode(bits, xlen), pc, xlen, namer));
    const qsizetype tab = text.indexOf(QLatin1Char('\t'));
    GuestInstructionText out;
    out.length = length;
    out.bytes = QStringLiteral("%1").arg(bits, static_cast<int>(length * 2), 16, QLatin1Char('0'));
    out.text = tab < 0 ? text : alignOperands(text.left(tab), text.mid(tab + 1));
    return out;
}

}  // namespace glasshart
