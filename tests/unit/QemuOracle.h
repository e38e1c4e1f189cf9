// What the unit tests that ask QEMU 7.2 for the truth share: finding the
// emulator for an XLEN and the files they hand it.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QStandardPaths>
#include <QString>

#include "isa/Instruction.h"

namespace glasshart::test {

// The qemu-system binary for `xlen`, or an empty string if it is not installed.
inline QString findQemu(Xlen xlen) {
    return QStandardPaths::findExecutable(xlen == Xlen::Rv32 ? QStringLiteral("qemu-system-riscv32")
                                                              : QStringLiteral("qemu-system-riscv64"));
}

inline bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

}  // namespace glasshart::test
