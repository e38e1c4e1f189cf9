#include "linux/LinuxBootOptions.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace glasshart {
namespace {

const QString kKernelKey = QStringLiteral("linuxBoot/kernel");
const QString kInitrdKey = QStringLiteral("linuxBoot/initrd");
const QString kCommandLineKey = QStringLiteral("linuxBoot/commandLine");
const QString kFirmwareKey = QStringLiteral("linuxBoot/firmware");
const QString kRamKey = QStringLiteral("linuxBoot/ramMiB");

const QString kScriptName = QStringLiteral("fetch-linux-guest");

// The value of `key=` in fetch-linux-guest's manifest.
QByteArray manifestValue(const QByteArray& manifest, const QByteArray& key) {
    for (const QByteArray& line : manifest.split('\n')) {
        if (line.startsWith(key + '=')) return line.mid(key.size() + 1);
    }
    return {};
}

std::filesystem::path toPath(const QString& path) { return std::filesystem::path(path.toStdString()); }

}  // namespace

KernelBootFiles LinuxBootOptions::files() const {
    KernelBootFiles files;
    files.kernel = toPath(kernel);
    if (!initrd.isEmpty()) files.initrd = toPath(initrd);
    if (!firmware.isEmpty()) files.firmware = toPath(firmware);
    files.bootargs = commandLine.toStdString();
    return files;
}

std::optional<LinuxBootOptions> LinuxBootOptions::load() {
    QSettings settings;
    if (!settings.contains(kKernelKey)) return std::nullopt;
    LinuxBootOptions options;
    options.kernel = settings.value(kKernelKey).toString();
    options.initrd = settings.value(kInitrdKey).toString();
    options.commandLine = settings.value(kCommandLineKey, defaultCommandLine()).toString();
    options.firmware = settings.value(kFirmwareKey).toString();
    options.ramSize = settings.value(kRamKey, kDefaultRamSize >> 20).toULongLong() << 20;
    return options;
}

void LinuxBootOptions::save() const {
    QSettings settings;
    settings.setValue(kKernelKey, kernel);
    settings.setValue(kInitrdKey, initrd);
    settings.setValue(kCommandLineKey, commandLine);
    settings.setValue(kFirmwareKey, firmware);
    settings.setValue(kRamKey, ramSize >> 20);
}

LinuxBootOptions LinuxGuestFiles::bootOptions() const {
    LinuxBootOptions options;
    options.kernel = kernel;
    options.initrd = initrd;
    return options;
}

QString linuxGuestDirectory() {
    const QString chosen = qEnvironmentVariable("GLASSHART_LINUX_GUEST_DIR");
    if (!chosen.isEmpty()) return chosen;
    QString cache = qEnvironmentVariable("XDG_CACHE_HOME");
    if (cache.isEmpty()) cache = QDir::home().filePath(QStringLiteral(".cache"));
    return QDir(cache).filePath(QStringLiteral("glasshart/linux-guest"));
}

std::optional<LinuxGuestFiles> cachedLinuxGuest() { return linuxGuestIn(linuxGuestDirectory()); }

std::optional<LinuxGuestFiles> linuxGuestIn(const QString& path) {
    const QDir directory(path);
    LinuxGuestFiles guest;
    guest.kernel = directory.filePath(QStringLiteral("Image"));
    guest.initrd = directory.filePath(QStringLiteral("initrd.gz"));
    QFile manifest(directory.filePath(QStringLiteral("manifest")));
    // The script writes the manifest last: without it the guest is not complete.
    if (QFileInfo(guest.kernel).size() == 0 || QFileInfo(guest.initrd).size() == 0 ||
        !manifest.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QByteArray contents = manifest.readAll();
    guest.prompt = manifestValue(contents, "prompt");
    guest.kernelRelease = QString::fromUtf8(manifestValue(contents, "kernel-release"));
    return guest;
}

QString fetchLinuxGuestScript() {
    const QDir executable(QCoreApplication::applicationDirPath());
    const QStringList candidates = {
        executable.filePath(kScriptName),
        executable.filePath(QStringLiteral("../libexec/glasshart/") + kScriptName),
        QStringLiteral(GLASSHART_SOURCE_DIR "/packaging/") + kScriptName,
    };
    for (const QString& candidate : candidates) {
        const QFileInfo script(candidate);
        if (script.isFile() && script.isExecutable()) return script.canonicalFilePath();
    }
    return {};
}

}  // namespace glasshart
