#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

#include "machine/KernelBoot.h"

namespace glasshart {

// What "Boot Linux" boots: firmware, kernel and initrd images, the kernel
// command line and the machine's RAM, as glasshart-cli's --bios, --kernel,
// --initrd, --append and --ram give them. Remembered between sessions.
struct LinuxBootOptions {
    // Debian's kernel with a busybox initramfs needs less than half of it;
    // the rest is room for what the user runs.
    static constexpr quint64 kDefaultRamSize = 256ull << 20;

    QString kernel;
    QString initrd;  // empty: none
    QString commandLine = defaultCommandLine();
    QString firmware;  // empty: Debian's OpenSBI (kDebianOpenSbiFirmware)
    quint64 ramSize = kDefaultRamSize;

    // The kernel's console on the machine's UART, which the window shows.
    [[nodiscard]] static QString defaultCommandLine() { return QStringLiteral("console=ttyS0"); }
    [[nodiscard]] static QString defaultFirmware() { return QString::fromLatin1(kDebianOpenSbiFirmware); }
    [[nodiscard]] QString firmwareOrDefault() const { return firmware.isEmpty() ? defaultFirmware() : firmware; }
    [[nodiscard]] KernelBootFiles files() const;

    // The options last used in "Boot Linux with Options…", if any.
    [[nodiscard]] static std::optional<LinuxBootOptions> load();
    void save() const;
};

// Glasshart's own Linux guest: Debian's riscv64 kernel and a busybox
// initramfs, made and cached by packaging/fetch-linux-guest.
struct LinuxGuestFiles {
    QString kernel;         // Image
    QString initrd;         // initrd.gz
    QByteArray prompt;      // the shell's prompt on the console, from the manifest
    QString kernelRelease;  // from the manifest: "6.12.…-riscv64"

    [[nodiscard]] LinuxBootOptions bootOptions() const;
};

// Where fetch-linux-guest keeps the guest unless told otherwise: the
// script's own rule, $GLASSHART_LINUX_GUEST_DIR, else
// ${XDG_CACHE_HOME:-$HOME/.cache}/glasshart/linux-guest. Read here rather
// than asked of the script, which would download the guest if it is missing.
[[nodiscard]] QString linuxGuestDirectory();
// The guest in `directory`, if it is complete there.
[[nodiscard]] std::optional<LinuxGuestFiles> linuxGuestIn(const QString& directory);
// The guest in linuxGuestDirectory(), if it is complete.
[[nodiscard]] std::optional<LinuxGuestFiles> cachedLinuxGuest();
// fetch-linux-guest, installed next to the executable or in the source tree
// this build came from; empty if neither has it.
[[nodiscard]] QString fetchLinuxGuestScript();

}  // namespace glasshart
