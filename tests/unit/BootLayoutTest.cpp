// Boot image placement, checked against QEMU 7.2 itself: QEMU is started
// frozen (-S) with a kernel, an initrd and optionally a firmware image, and
// its monitor's `info roms` tells where it put each of them.
#include <QtTest>

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdint>
#include <map>
#include <stdexcept>

#include "machine/BootLayout.h"
#include "QemuOracle.h"
#include "mem/MemoryMap.h"

using glasshart::Xlen;
using glasshart::test::findQemu;
using glasshart::test::writeFile;
namespace boot_layout = glasshart::boot_layout;
namespace memory_map = glasshart::memory_map;

Q_DECLARE_METATYPE(Xlen)

namespace {

constexpr std::uint64_t kMiB = 1ull << 20;

// Where QEMU put each image, by file name ("fdt" for the device tree).
struct Rom {
    std::uint64_t address = 0;
    std::uint64_t size = 0;
};

QByteArray patternBytes(qsizetype size) {
    QByteArray bytes(size, '\0');
    for (qsizetype i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 131 + 7) & 0xff);
    return bytes;
}

// Runs QEMU frozen and returns its ROM table; empty (with a failure
// recorded) if QEMU did not answer.
std::map<QString, Rom> qemuRoms(const QString& qemu, const QStringList& arguments) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(qemu, QStringList{"-M", "virt", "-S", "-display", "none", "-serial", "none", "-monitor", "stdio"} +
                            arguments);
    if (!process.waitForStarted()) return {};
    process.write("info roms\nquit\n");
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    const QString output = QString::fromUtf8(process.readAll());
    static const QRegularExpression line(R"(addr=([0-9a-f]+) size=0x([0-9a-f]+) mem=ram name="([^"]+)\")");
    std::map<QString, Rom> roms;
    for (auto match = line.globalMatch(output); match.hasNext();) {
        const QRegularExpressionMatch m = match.next();
        roms[QFileInfo(m.captured(3)).fileName()] = Rom{m.captured(1).toULongLong(nullptr, 16),
                                                        m.captured(2).toULongLong(nullptr, 16)};
    }
    if (roms.empty()) qWarning().noquote() << "QEMU said:" << output;
    return roms;
}

}  // namespace

class BootLayoutTest : public QObject {
    Q_OBJECT

private slots:
    void matchesQemu_data() {
        QTest::addColumn<Xlen>("xlen");
        QTest::addColumn<QString>("ram");  // as QEMU's -m takes it
        QTest::addColumn<std::uint64_t>("ramSize");
        QTest::addColumn<qsizetype>("firmwareSize");  // 0: -bios none
        QTest::newRow("rv64 256M opensbi-sized firmware") << Xlen::Rv64 << "256M" << 256 * kMiB << qsizetype{0x1c280};
        QTest::newRow("rv64 256M no firmware") << Xlen::Rv64 << "256M" << 256 * kMiB << qsizetype{0};
        QTest::newRow("rv64 128M") << Xlen::Rv64 << "128M" << 128 * kMiB << qsizetype{0x1c280};
        QTest::newRow("rv64 64M") << Xlen::Rv64 << "64M" << 64 * kMiB << qsizetype{0x1c280};
        QTest::newRow("rv64 129M") << Xlen::Rv64 << "129M" << 129 * kMiB << qsizetype{0x1c280};
        // RAM ending 0.5 MiB past a 2 MiB boundary: the 1 MiB reservation
        // pushes the tree down one more 2 MiB step.
        QTest::newRow("rv64 128.5M") << Xlen::Rv64 << "131584K" << std::uint64_t{131584 * 1024} << qsizetype{0x1c280};
        QTest::newRow("rv64 firmware past 2M") << Xlen::Rv64 << "512M" << 512 * kMiB << qsizetype{0x200001};
        QTest::newRow("rv64 firmware of exactly 2M") << Xlen::Rv64 << "512M" << 512 * kMiB << qsizetype{0x200000};
        QTest::newRow("rv64 1G") << Xlen::Rv64 << "1G" << 1024 * kMiB << qsizetype{0x1c280};
        QTest::newRow("rv64 3.5G: tree below 3G") << Xlen::Rv64 << "3584M" << 3584 * kMiB << qsizetype{0x1c280};
        QTest::newRow("rv32 256M") << Xlen::Rv32 << "256M" << 256 * kMiB << qsizetype{0x1c280};
        QTest::newRow("rv32 64M no firmware") << Xlen::Rv32 << "64M" << 64 * kMiB << qsizetype{0};
        QTest::newRow("rv32 firmware past 4M") << Xlen::Rv32 << "512M" << 512 * kMiB << qsizetype{0x400010};
    }
    void matchesQemu() {
        QFETCH(Xlen, xlen);
        QFETCH(QString, ram);
        QFETCH(std::uint64_t, ramSize);
        QFETCH(qsizetype, firmwareSize);
        const QString qemu = findQemu(xlen);
        QVERIFY2(!qemu.isEmpty(), "QEMU is not installed: packaging/install-build-deps installs it");

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString kernel = dir.filePath("kernel.bin");
        const QString initrd = dir.filePath("initrd.img");
        const QString firmware = dir.filePath("firmware.bin");
        QVERIFY(writeFile(kernel, patternBytes(0x12345)));
        QVERIFY(writeFile(initrd, patternBytes(0x4567)));
        QStringList arguments{"-m", ram, "-kernel", kernel, "-initrd", initrd};
        if (firmwareSize > 0) {
            QVERIFY(writeFile(firmware, patternBytes(firmwareSize)));
            arguments << "-bios" << firmware;
        } else {
            arguments << "-bios" << "none";
        }
        const std::map<QString, Rom> roms = qemuRoms(qemu, arguments);
        QVERIFY2(roms.count("kernel.bin") && roms.count("initrd.img") && roms.count("fdt"), "no ROM table");

        const std::uint64_t firmwareEnd = memory_map::kRamBase + static_cast<std::uint64_t>(firmwareSize);
        const std::uint64_t kernelAt = boot_layout::kernelAddress(xlen, firmwareEnd);
        QCOMPARE(kernelAt, roms.at("kernel.bin").address);
        QCOMPARE(boot_layout::initrdAddress(kernelAt, ramSize), roms.at("initrd.img").address);
        QCOMPARE(boot_layout::deviceTreeAddress(memory_map::kRamBase, ramSize), roms.at("fdt").address);
        QCOMPARE(boot_layout::kDeviceTreeReservation, roms.at("fdt").size);
    }

    void referenceFigures() {
        // REFERENCES.md: OpenSBI + 256 MiB puts the kernel at 0x80200000,
        // the initrd at 0x88200000 and the tree at 0x8fe00000.
        const std::uint64_t kernel = boot_layout::kernelAddress(Xlen::Rv64, memory_map::kRamBase + 0x1c280);
        QCOMPARE(kernel, std::uint64_t{0x8020'0000});
        QCOMPARE(boot_layout::initrdAddress(kernel, 256 * kMiB), std::uint64_t{0x8820'0000});
        QCOMPARE(boot_layout::deviceTreeAddress(memory_map::kRamBase, 256 * kMiB), std::uint64_t{0x8fe0'0000});
    }

    void ramAboveThreeGigabytesIsNotCapped() {
        // The 3 GiB cap applies only to RAM that starts below 3 GiB.
        QCOMPARE(boot_layout::deviceTreeAddress(0x1'0000'0000, 256 * kMiB), std::uint64_t{0x1'0fe0'0000});
        QCOMPARE(boot_layout::deviceTreeAddress(0x8000'0000, 4096 * kMiB), std::uint64_t{0xbfe0'0000});
    }

    void tooLittleRamIsAClearError() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)boot_layout::deviceTreeAddress(0x8000'0000, 512 * 1024));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)boot_layout::deviceTreeAddress(0x8000'0000, 0));
        // 1 MiB at a base 1 MiB past a 2 MiB boundary: rounding would leave RAM.
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 (void)boot_layout::deviceTreeAddress(0x8010'0000, 1 * kMiB));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 (void)boot_layout::deviceTreeAddress(~std::uint64_t{0} - kMiB, 4 * kMiB));
        QCOMPARE(boot_layout::deviceTreeAddress(0x8000'0000, 1 * kMiB), std::uint64_t{0x8000'0000});
    }

    void fitsBesideDeviceTree_data() {
        QTest::addColumn<std::uint64_t>("address");
        QTest::addColumn<std::uint64_t>("size");
        QTest::addColumn<bool>("fits");
        // 256 MiB at 0x80000000: the tree owns 0x8fe00000..0x8fefffff.
        QTest::newRow("initrd below the tree") << std::uint64_t{0x8820'0000} << 120 * kMiB << true;
        QTest::newRow("ends where the tree starts") << std::uint64_t{0x8820'0000} << std::uint64_t{0x7c0'0000} << true;
        QTest::newRow("one byte into the tree") << std::uint64_t{0x8820'0000} << std::uint64_t{0x7c0'0001} << false;
        QTest::newRow("inside the tree") << std::uint64_t{0x8fe8'0000} << std::uint64_t{16} << false;
        QTest::newRow("above the tree") << std::uint64_t{0x8ff0'0000} << kMiB << true;
        QTest::newRow("past the end of RAM") << std::uint64_t{0x8ff0'0000} << kMiB + 1 << false;
        QTest::newRow("below RAM") << std::uint64_t{0x7fff'f000} << std::uint64_t{0x2000} << false;
        QTest::newRow("wrapping") << ~std::uint64_t{0} << std::uint64_t{2} << false;
        QTest::newRow("bigger than RAM") << std::uint64_t{0x8000'0000} << 257 * kMiB << false;
    }
    void fitsBesideDeviceTree() {
        QFETCH(std::uint64_t, address);
        QFETCH(std::uint64_t, size);
        QFETCH(bool, fits);
        QCOMPARE(boot_layout::fitsBesideDeviceTree(address, size, memory_map::kRamBase, 256 * kMiB), fits);
    }
};

QTEST_GUILESS_MAIN(BootLayoutTest)
#include "BootLayoutTest.moc"
