// Debian's riscv64 Linux guest, for tests that boot Linux.
//
// packaging/fetch-linux-guest makes the guest (a kernel Image and a busybox
// initramfs) and keeps it in a cache outside the source tree; the first call
// downloads about 110 MB from the Debian mirror of the machine's apt sources,
// later calls return at once. Two tests may ask at the same time: the script
// takes a lock. GLASSHART_LINUX_GUEST_DIR in the environment chooses the cache.
//
//     const auto lookup = glasshart::test::findLinuxGuest();
//     if (lookup.unavailable) QSKIP(qPrintable(lookup.problem));
//     QVERIFY2(lookup.guest, qPrintable(lookup.problem));
//     // boot lookup.guest->kernel with lookup.guest->initrd and
//     // "console=ttyS0", wait for lookup.guest->prompt on the console
//
// Needs GLASSHART_SOURCE_DIR (glasshart_add_qtest defines it).

#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>

#include <optional>

namespace glasshart::test {

struct LinuxGuest {
    QString directory;
    QString kernel;         // Image: Debian's uncompressed riscv64 kernel
    QString initrd;         // initrd.gz: busybox and an /init that starts a shell
    QByteArray prompt;      // the shell's prompt on the console, trailing space included
    QString kernelRelease;  // what `uname -r` prints in the guest (from the package, not from a boot)
};

struct LinuxGuestLookup {
    std::optional<LinuxGuest> guest;
    // True when the guest is not cached and the mirror cannot be reached:
    // a reason to skip, not to fail.
    bool unavailable = false;
    QString problem;  // why there is no guest
};

namespace linux_guest_detail {

// fetch-linux-guest's exit status for "the mirror cannot be reached".
inline constexpr int kExitUnavailable = 3;
// A first download of ~110 MB on a slow line; a cached guest takes milliseconds.
inline constexpr int kFetchTimeoutMilliseconds = 15 * 60 * 1000;

// The value of `key=` in the manifest, exactly as written.
inline QByteArray manifestValue(const QByteArray& manifest, const QByteArray& key) {
    for (const QByteArray& line : manifest.split('\n')) {
        if (line.startsWith(key + '=')) return line.mid(key.size() + 1);
    }
    return {};
}

}  // namespace linux_guest_detail

inline LinuxGuestLookup findLinuxGuest() {
    using namespace linux_guest_detail;
    LinuxGuestLookup lookup;
    const QString script = QStringLiteral(GLASSHART_SOURCE_DIR "/packaging/fetch-linux-guest");
    QProcess fetch;
    fetch.setProcessChannelMode(QProcess::SeparateChannels);
    fetch.start(script, {QStringLiteral("--print-dir")});
    if (!fetch.waitForStarted() || !fetch.waitForFinished(kFetchTimeoutMilliseconds)) {
        fetch.kill();
        fetch.waitForFinished();
        lookup.problem = QStringLiteral("%1 did not run to the end: %2").arg(script, fetch.errorString());
        return lookup;
    }
    const QString messages = QString::fromUtf8(fetch.readAllStandardError()).trimmed();
    if (fetch.exitStatus() != QProcess::NormalExit || fetch.exitCode() != 0) {
        lookup.unavailable = fetch.exitStatus() == QProcess::NormalExit && fetch.exitCode() == kExitUnavailable;
        lookup.problem = QStringLiteral("%1 failed with status %2:\n%3").arg(script).arg(fetch.exitCode()).arg(messages);
        return lookup;
    }

    LinuxGuest guest;
    guest.directory = QString::fromUtf8(fetch.readAllStandardOutput()).trimmed();
    const QDir directory(guest.directory);
    guest.kernel = directory.filePath(QStringLiteral("Image"));
    guest.initrd = directory.filePath(QStringLiteral("initrd.gz"));
    QFile manifestFile(directory.filePath(QStringLiteral("manifest")));
    if (!QFile::exists(guest.kernel) || !QFile::exists(guest.initrd) || !manifestFile.open(QIODevice::ReadOnly)) {
        lookup.problem = QStringLiteral("%1 named %2, which lacks Image, initrd.gz or manifest")
                             .arg(script, guest.directory);
        return lookup;
    }
    const QByteArray manifest = manifestFile.readAll();
    guest.prompt = manifestValue(manifest, "prompt");
    guest.kernelRelease = QString::fromUtf8(manifestValue(manifest, "kernel-release"));
    if (guest.prompt.isEmpty() || guest.kernelRelease.isEmpty()) {
        lookup.problem = QStringLiteral("%1 has no prompt= or kernel-release= line").arg(manifestFile.fileName());
        return lookup;
    }
    lookup.guest = guest;
    return lookup;
}

}  // namespace glasshart::test
