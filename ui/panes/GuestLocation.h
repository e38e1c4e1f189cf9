#pragma once

#include <QByteArrayView>
#include <QString>
#include <QtGlobal>
#include <functional>
#include <optional>

#include "isa/Instruction.h"

namespace glasshart {

class ElfImage;

// What a user may type to name guest code: a symbol of the program, or a hex
// address with or without "0x". A symbol wins over bare hex that happens to
// spell one (a function called "add"); "0x" always means an address.
[[nodiscard]] std::optional<quint64> parseGuestLocation(const QString& text, const ElfImage* program);

// An address as objdump prints it: lower-case hex without "0x" or padding.
[[nodiscard]] QString hexAddress(quint64 address);

// Names an address ("main+0x10"), or returns an empty string.
using AddressDescriber = std::function<QString(quint64 address)>;

// One RISC-V instruction, ready to show.
struct GuestInstructionText {
    unsigned length = 0;  // 2 or 4 bytes
    QString bytes;        // as objdump shows them: "00002197", "0285"
    QString text;         // our disassembly, mnemonic padded so operands line up
};

// Decodes and disassembles the instruction at the start of `code`, which
// stands at `pc`. Nothing if `code` is too short for it.
[[nodiscard]] std::optional<GuestInstructionText> describeGuestInstruction(QByteArrayView code, quint64 pc,
                                                                         Xlen xlen,
                                                                         const AddressDescriber& describe);

// Pads a mnemonic so that the operands of consecutive lines start in the
// same column, as objdump's tab does.
[[nodiscard]] QString alignOperands(const QString& mnemonic, const QString& operands);

}  // namespace glasshart
