#include "LibraryVersions.h"

#include <QtGlobal>
#include <asmjit/core/api-config.h>
#include <capstone/capstone.h>

namespace glasshart {
namespace {

// asmjit packs its version as 0xMMmmpp.
QString asmjitVersion() {
    constexpr unsigned kVersion = ASMJIT_LIBRARY_VERSION;
    return QStringLiteral("%1.%2.%3").arg(kVersion >> 16).arg((kVersion >> 8) & 0xff).arg(kVersion & 0xff);
}

}  // namespace

LibraryVersions libraryVersions() {
    int major = 0;
    int minor = 0;
    cs_version(&major, &minor);
    return LibraryVersions{
        .qtRuntime = QString::fromLatin1(qVersion()),
        .qtBuilt = QStringLiteral(QT_VERSION_STR),
        .asmjit = asmjitVersion(),
        .capstoneRuntime = QStringLiteral("%1.%2").arg(major).arg(minor),
        .capstoneBuilt = QStringLiteral("%1.%2.%3").arg(CS_VERSION_MAJOR).arg(CS_VERSION_MINOR).arg(CS_VERSION_EXTRA),
    };
}

}  // namespace glasshart
