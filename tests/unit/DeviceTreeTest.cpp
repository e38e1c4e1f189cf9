// The generated device tree, read back with libfdt, and held against the
// peers that must accept it: QEMU 7.2's own virt tree (dumpdtb) for what the
// two must agree on, and Debian 12's OpenSBI 1.1, which must see the same
// platform in our tree as in QEMU's.
#include <QtTest>

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <libfdt.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "dev/Plic.h"
#include "QemuOracle.h"
#include "dev/SifiveTest.h"
#include "dev/Uart16550.h"
#include "machine/BootLayout.h"
#include "machine/DeviceTree.h"
#include "mem/MemoryMap.h"

using glasshart::DeviceTreeDescription;
using glasshart::InitrdRange;
using glasshart::Xlen;
using glasshart::test::findQemu;
using glasshart::test::writeFile;
namespace memory_map = glasshart::memory_map;
namespace boot_layout = glasshart::boot_layout;

Q_DECLARE_METATYPE(Xlen)

namespace {

constexpr std::uint64_t kMiB = 1ull << 20;
const QString kOpenSbiFwJump = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin";

// A read-only view of a blob through libfdt.
class Tree {
public:
    explicit Tree(QByteArray blob) : blob_(std::move(blob)) {}

    [[nodiscard]] const void* fdt() const { return blob_.constData(); }
    [[nodiscard]] bool valid() const {
        return blob_.size() >= 40 && fdt_check_full(fdt(), static_cast<size_t>(blob_.size())) == 0;
    }
    [[nodiscard]] int offset(const QString& path) const { return fdt_path_offset(fdt(), path.toUtf8().constData()); }
    [[nodiscard]] bool hasNode(const QString& path) const { return offset(path) >= 0; }

    [[nodiscard]] std::optional<QByteArray> property(const QString& path, const char* name) const {
        const int node = offset(path);
        if (node < 0) return std::nullopt;
        int length = 0;
        const void* data = fdt_getprop(fdt(), node, name, &length);
        if (data == nullptr) return std::nullopt;
        return QByteArray(static_cast<const char*>(data), length);
    }
    [[nodiscard]] QStringList strings(const QString& path, const char* name) const {
        const std::optional<QByteArray> value = property(path, name);
        if (!value || value->isEmpty() || !value->endsWith('\0')) return {};
        QStringList list;
        for (const QByteArray& part : value->chopped(1).split('\0')) list << QString::fromUtf8(part);
        return list;
    }
    [[nodiscard]] QString string(const QString& path, const char* name) const {
        const QStringList list = strings(path, name);
        return list.size() == 1 ? list.front() : QString("<not one string>");
    }
    [[nodiscard]] std::vector<std::uint32_t> cells(const QString& path, const char* name) const {
        std::vector<std::uint32_t> values;
        const std::optional<QByteArray> value = property(path, name);
        if (!value || value->size() % 4 != 0) return values;
        for (qsizetype at = 0; at < value->size(); at += 4) {
            std::uint32_t cell = 0;
            for (qsizetype i = 0; i < 4; ++i) cell = (cell << 8) | static_cast<std::uint8_t>((*value)[at + i]);
            values.push_back(cell);
        }
        return values;
    }
    // The full path of the node a phandle names.
    [[nodiscard]] QString pathOf(std::uint32_t phandle) const {
        const int node = fdt_node_offset_by_phandle(fdt(), phandle);
        if (node < 0) return QString("<phandle %1 unknown>").arg(phandle);
        return pathOfOffset(node);
    }
    // interrupts-extended as "path irq" entries, one-cell specifiers.
    [[nodiscard]] QStringList interruptsExtended(const QString& path) const {
        const std::vector<std::uint32_t> values = cells(path, "interrupts-extended");
        QStringList entries;
        for (std::size_t i = 0; i + 1 < values.size(); i += 2) {
            entries << pathOf(values[i]) + " " + QString::number(values[i + 1]);
        }
        if (values.size() % 2 != 0) entries << "<odd cell count>";
        return entries;
    }
    [[nodiscard]] QStringList nodePaths() const {
        QStringList paths;
        for (int node = 0; node >= 0; node = fdt_next_node(fdt(), node, nullptr)) paths << pathOfOffset(node);
        paths.sort();
        return paths;
    }
    [[nodiscard]] QStringList propertyNames(const QString& path) const {
        QStringList names;
        int property = 0;
        fdt_for_each_property_offset(property, fdt(), offset(path)) {
            const char* name = nullptr;
            fdt_getprop_by_offset(fdt(), property, &name, nullptr);
            names << QString::fromUtf8(name);
        }
        names.sort();
        return names;
    }

private:
    [[nodiscard]] QString pathOfOffset(int node) const {
        char buffer[256];
        if (fdt_get_path(fdt(), node, buffer, sizeof buffer) != 0) return "<path too long>";
        return QString::fromUtf8(buffer);
    }

    QByteArray blob_;
};

Tree treeOf(const DeviceTreeDescription& description) {
    const std::vector<std::uint8_t> blob = glasshart::buildDeviceTree(description);
    return Tree(QByteArray(reinterpret_cast<const char*>(blob.data()), static_cast<qsizetype>(blob.size())));
}

std::vector<std::uint32_t> regCells(std::uint64_t address, std::uint64_t size) {
    return {static_cast<std::uint32_t>(address >> 32), static_cast<std::uint32_t>(address),
            static_cast<std::uint32_t>(size >> 32), static_cast<std::uint32_t>(size)};
}

QString hexName(const char* prefix, std::uint64_t address) {
    return QString("%1@%2").arg(prefix).arg(address, 0, 16);
}

const QString kSoc = "/soc";
const QString kCpu = "/cpus/cpu@0";
const QString kIntc = "/cpus/cpu@0/interrupt-controller";
const QString kClint = kSoc + "/" + hexName("clint", memory_map::kClintBase);
const QString kPlic = kSoc + "/" + hexName("plic", memory_map::kPlicBase);
const QString kSerial = kSoc + "/" + hexName("serial", memory_map::kUartBase);
const QString kTest = kSoc + "/" + hexName("test", memory_map::kTestFinisherBase);
const QString kMemory = "/" + hexName("memory", memory_map::kRamBase);

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Everything OpenSBI prints about the platform it found, up to the last
// line of its banner; empty if it never got that far.
QStringList openSbiBanner(const QStringList& extraArguments) {
    const QString qemu = findQemu(Xlen::Rv64);
    QProcess process;
    process.start(qemu, QStringList{"-M", "virt", "-m", "256M", "-bios", kOpenSbiFwJump, "-display", "none", "-serial",
                                    "stdio", "-monitor", "none"} +
                            extraArguments);
    if (!process.waitForStarted()) return {};
    QByteArray output;
    const auto complete = [&output] {
        const qsizetype last = output.indexOf("Boot HART MEDELEG");
        return last >= 0 && output.indexOf('\n', last) >= 0;
    };
    QDeadlineTimer deadline(60'000);
    while (!complete() && process.state() == QProcess::Running && !deadline.hasExpired()) {
        if (process.waitForReadyRead(static_cast<int>(deadline.remainingTime()))) {
            output += process.readAllStandardOutput();
        }
    }
    process.kill();
    process.waitForFinished();
    output += process.readAllStandardOutput();
    QStringList lines;
    for (const QByteArray& line : output.split('\n')) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (text.startsWith("Platform ") || text.startsWith("Domain0 ") || text.startsWith("Boot HART ")) lines << text;
    }
    return complete() ? lines : QStringList{};
}

}  // namespace

class DeviceTreeTest : public QObject {
    Q_OBJECT

private slots:
    void blobIsValidAndPacked() {
        const std::vector<std::uint8_t> blob = glasshart::buildDeviceTree({});
        QVERIFY(blob.size() >= 40);
        QCOMPARE(fdt_check_full(blob.data(), blob.size()), 0);
        QCOMPARE(std::size_t{fdt_totalsize(blob.data())}, blob.size());
        QCOMPARE(fdt_version(blob.data()), 17u);
        QCOMPARE(fdt_boot_cpuid_phys(blob.data()), 0u);
        QCOMPARE(fdt_num_mem_rsv(blob.data()), 0);
        QVERIFY(blob.size() < boot_layout::kDeviceTreeReservation);
        QVERIFY(glasshart::buildDeviceTree({}) == blob);  // deterministic
    }

    void everyNodeAndProperty() {
        DeviceTreeDescription d;
        d.ramSize = 256 * kMiB;
        d.bootargs = "console=ttyS0 earlycon";
        d.initrd = InitrdRange{0x8820'0000, 0x8830'1234};
        const Tree tree = treeOf(d);
        QVERIFY(tree.valid());

        QCOMPARE(tree.nodePaths(), (QStringList{"/", "/chosen", "/cpus", kCpu, kIntc, kMemory, "/poweroff", "/reboot",
                                                kSoc, kClint, kPlic, kSerial, kTest}));

        QCOMPARE(tree.propertyNames("/"), (QStringList{"#address-cells", "#size-cells", "compatible", "model"}));
        QCOMPARE(tree.cells("/", "#address-cells"), std::vector<std::uint32_t>{2});
        QCOMPARE(tree.cells("/", "#size-cells"), std::vector<std::uint32_t>{2});
        QCOMPARE(tree.string("/", "compatible"), QString("riscv-virtio"));
        QVERIFY(!tree.string("/", "model").isEmpty());

        QCOMPARE(tree.propertyNames("/chosen"),
                 (QStringList{"bootargs", "linux,initrd-end", "linux,initrd-start", "stdout-path"}));
        QCOMPARE(tree.string("/chosen", "stdout-path"), kSerial);
        QCOMPARE(QString::fromStdString(glasshart::consoleNodePath()), kSerial);
        QCOMPARE(tree.string("/chosen", "bootargs"), QString("console=ttyS0 earlycon"));
        QCOMPARE(tree.cells("/chosen", "linux,initrd-start"), std::vector<std::uint32_t>{0x8820'0000});
        QCOMPARE(tree.cells("/chosen", "linux,initrd-end"), std::vector<std::uint32_t>{0x8830'1234});

        QCOMPARE(tree.propertyNames("/cpus"), (QStringList{"#address-cells", "#size-cells", "timebase-frequency"}));
        QCOMPARE(tree.cells("/cpus", "#address-cells"), std::vector<std::uint32_t>{1});
        QCOMPARE(tree.cells("/cpus", "#size-cells"), std::vector<std::uint32_t>{0});
        QCOMPARE(tree.cells("/cpus", "timebase-frequency"), std::vector<std::uint32_t>{10'000'000});

        QCOMPARE(tree.propertyNames(kCpu), (QStringList{"compatible", "device_type", "mmu-type", "phandle", "reg",
                                                        "riscv,isa", "riscv,isa-base", "riscv,isa-extensions",
                                                        "status"}));
        QCOMPARE(tree.string(kCpu, "device_type"), QString("cpu"));
        QCOMPARE(tree.cells(kCpu, "reg"), std::vector<std::uint32_t>{0});
        QCOMPARE(tree.string(kCpu, "status"), QString("okay"));
        QCOMPARE(tree.string(kCpu, "compatible"), QString("riscv"));
        QCOMPARE(tree.string(kCpu, "riscv,isa"), QString("rv64imafdc_zicsr_zifencei"));
        QCOMPARE(tree.string(kCpu, "riscv,isa-base"), QString("rv64i"));
        QCOMPARE(tree.strings(kCpu, "riscv,isa-extensions"),
                 (QStringList{"i", "m", "a", "f", "d", "c", "zicsr", "zifencei"}));
        QCOMPARE(tree.string(kCpu, "mmu-type"), QString("riscv,sv39"));

        QCOMPARE(tree.propertyNames(kIntc),
                 (QStringList{"#interrupt-cells", "compatible", "interrupt-controller", "phandle"}));
        QCOMPARE(tree.cells(kIntc, "#interrupt-cells"), std::vector<std::uint32_t>{1});
        QCOMPARE(tree.property(kIntc, "interrupt-controller"), std::optional<QByteArray>(QByteArray()));
        QCOMPARE(tree.string(kIntc, "compatible"), QString("riscv,cpu-intc"));

        QCOMPARE(tree.propertyNames(kMemory), (QStringList{"device_type", "reg"}));
        QCOMPARE(tree.string(kMemory, "device_type"), QString("memory"));
        QCOMPARE(tree.cells(kMemory, "reg"), regCells(memory_map::kRamBase, 256 * kMiB));

        QCOMPARE(tree.propertyNames(kSoc), (QStringList{"#address-cells", "#size-cells", "compatible", "ranges"}));
        QCOMPARE(tree.cells(kSoc, "#address-cells"), std::vector<std::uint32_t>{2});
        QCOMPARE(tree.cells(kSoc, "#size-cells"), std::vector<std::uint32_t>{2});
        QCOMPARE(tree.string(kSoc, "compatible"), QString("simple-bus"));
        QCOMPARE(tree.property(kSoc, "ranges"), std::optional<QByteArray>(QByteArray()));

        QCOMPARE(tree.propertyNames(kClint), (QStringList{"compatible", "interrupts-extended", "reg"}));
        QCOMPARE(tree.strings(kClint, "compatible"), (QStringList{"sifive,clint0", "riscv,clint0"}));
        QCOMPARE(tree.cells(kClint, "reg"), regCells(memory_map::kClintBase, memory_map::kClintSize));
        QCOMPARE(tree.interruptsExtended(kClint), (QStringList{kIntc + " 3", kIntc + " 7"}));

        QCOMPARE(tree.propertyNames(kPlic),
                 (QStringList{"#address-cells", "#interrupt-cells", "compatible", "interrupt-controller",
                              "interrupts-extended", "phandle", "reg", "riscv,ndev"}));
        QCOMPARE(tree.strings(kPlic, "compatible"), (QStringList{"sifive,plic-1.0.0", "riscv,plic0"}));
        QCOMPARE(tree.cells(kPlic, "reg"), regCells(memory_map::kPlicBase, memory_map::kPlicSize));
        QCOMPARE(tree.interruptsExtended(kPlic), (QStringList{kIntc + " 11", kIntc + " 9"}));
        QCOMPARE(tree.cells(kPlic, "riscv,ndev"), std::vector<std::uint32_t>{95});
        QCOMPARE(tree.cells(kPlic, "#interrupt-cells"), std::vector<std::uint32_t>{1});
        QCOMPARE(tree.cells(kPlic, "#address-cells"), std::vector<std::uint32_t>{0});
        QCOMPARE(tree.property(kPlic, "interrupt-controller"), std::optional<QByteArray>(QByteArray()));

        QCOMPARE(tree.propertyNames(kSerial),
                 (QStringList{"clock-frequency", "compatible", "interrupt-parent", "interrupts", "reg"}));
        QCOMPARE(tree.string(kSerial, "compatible"), QString("ns16550a"));
        QCOMPARE(tree.cells(kSerial, "reg"), regCells(memory_map::kUartBase, memory_map::kUartSize));
        QCOMPARE(tree.cells(kSerial, "interrupts"), std::vector<std::uint32_t>{10});
        QCOMPARE(tree.pathOf(tree.cells(kSerial, "interrupt-parent").at(0)), kPlic);
        QCOMPARE(tree.cells(kSerial, "clock-frequency"), std::vector<std::uint32_t>{0x38'4000});

        QCOMPARE(tree.propertyNames(kTest), (QStringList{"compatible", "phandle", "reg"}));
        QCOMPARE(tree.strings(kTest, "compatible"), (QStringList{"sifive,test1", "sifive,test0", "syscon"}));
        QCOMPARE(tree.cells(kTest, "reg"), regCells(memory_map::kTestFinisherBase, memory_map::kTestFinisherSize));

        for (const auto& [node, compatible, value] :
             {std::tuple{QString("/poweroff"), QString("syscon-poweroff"), 0x5555u},
              std::tuple{QString("/reboot"), QString("syscon-reboot"), 0x7777u}}) {
            QCOMPARE(tree.propertyNames(node), (QStringList{"compatible", "offset", "regmap", "value"}));
            QCOMPARE(tree.string(node, "compatible"), compatible);
            QCOMPARE(tree.cells(node, "value"), std::vector<std::uint32_t>{value});
            QCOMPARE(tree.cells(node, "offset"), std::vector<std::uint32_t>{0});
            QCOMPARE(tree.pathOf(tree.cells(node, "regmap").at(0)), kTest);
        }

        // Phandles are unique and each names the node it sits in.
        for (const QString& path : tree.nodePaths()) {
            const std::vector<std::uint32_t> phandle = tree.cells(path, "phandle");
            if (!phandle.empty()) QCOMPARE(tree.pathOf(phandle.at(0)), path);
        }
    }

    void optionalPropertiesAreLeftOut() {
        DeviceTreeDescription d;
        d.mmuType.clear();
        const Tree tree = treeOf(d);
        QCOMPARE(tree.propertyNames("/chosen"), QStringList{"stdout-path"});
        QVERIFY(!tree.property(kCpu, "mmu-type"));
        QCOMPARE(tree.cells(kMemory, "reg"), regCells(memory_map::kRamBase, memory_map::kDefaultRamSize));
    }

    void rv32Description() {
        DeviceTreeDescription d;
        d.xlen = Xlen::Rv32;
        d.isa = "rv32imac_zicsr_zifencei";
        d.mmuType = "riscv,sv32";
        const Tree tree = treeOf(d);
        QCOMPARE(tree.string(kCpu, "riscv,isa-base"), QString("rv32i"));
        QCOMPARE(tree.strings(kCpu, "riscv,isa-extensions"), (QStringList{"i", "m", "a", "c", "zicsr", "zifencei"}));
        QCOMPARE(tree.string(kCpu, "mmu-type"), QString("riscv,sv32"));
    }

    void initrdAndRamBeyondFourGigabytes() {
        DeviceTreeDescription d;
        d.ramSize = 8192 * kMiB;
        d.initrd = InitrdRange{0x1'2000'0000, 0x1'2000'1000};
        const Tree tree = treeOf(d);
        QCOMPARE(tree.cells(kMemory, "reg"), regCells(memory_map::kRamBase, 8192 * kMiB));
        QCOMPARE(tree.cells("/chosen", "linux,initrd-start"), (std::vector<std::uint32_t>{1, 0x2000'0000}));
        QCOMPARE(tree.cells("/chosen", "linux,initrd-end"), (std::vector<std::uint32_t>{1, 0x2000'1000}));
    }

    void longStringsFit() {
        DeviceTreeDescription d;
        d.bootargs = std::string(20'000, 'x') + " end";
        d.mmuType = std::string(9'000, 'm');
        d.isa = "rv64imac";
        for (int i = 0; i < 1000; ++i) d.isa += "_xglasshart" + std::to_string(i);
        const Tree tree = treeOf(d);
        QVERIFY(tree.valid());
        QCOMPARE(tree.string("/chosen", "bootargs"), QString::fromStdString(d.bootargs));
        QCOMPARE(tree.string(kCpu, "mmu-type"), QString::fromStdString(d.mmuType));
        QCOMPARE(tree.string(kCpu, "riscv,isa"), QString::fromStdString(d.isa));
        QCOMPARE(tree.strings(kCpu, "riscv,isa-extensions").size(), 1004);
    }

    void badDescriptionsAreRejected() {
        using Change = std::function<void(DeviceTreeDescription&)>;
        const std::vector<std::pair<const char*, Change>> cases = {
            {"xlen and ISA disagree", [](auto& d) { d.xlen = Xlen::Rv32; }},
            {"malformed ISA", [](auto& d) { d.isa = "rv64imac_"; }},
            {"no RAM", [](auto& d) { d.ramSize = 0; }},
            {"RAM wraps", [](auto& d) { d.ramBase = 0xffff'ffff'0000'0000, d.ramSize = 0x1'0000'0001; }},
            {"timebase 0", [](auto& d) { d.timebaseHz = 0; }},
            {"timebase over 32 bits", [](auto& d) { d.timebaseHz = 0x1'0000'0000; }},
            {"initrd ends before it starts", [](auto& d) { d.initrd = InitrdRange{0x8820'0000, 0x8810'0000}; }},
            {"bootargs over 16 MiB", [](auto& d) { d.bootargs = std::string((16u << 20) + 1, 'x'); }},
        };
        for (const auto& [what, change] : cases) {
            DeviceTreeDescription d;
            change(d);
            bool rejected = false;
            try {
                (void)glasshart::buildDeviceTree(d);
            } catch (const std::invalid_argument&) {
                rejected = true;
            }
            QVERIFY2(rejected, what);
        }
    }

    void ramUpToTheTopOfTheAddressSpaceIsFine() {
        DeviceTreeDescription d;
        d.ramBase = 0xffff'ffff'0000'0000;
        d.ramSize = 0x1'0000'0000;
        QCOMPARE(treeOf(d).cells("/memory@ffffffff00000000", "reg"), regCells(d.ramBase, d.ramSize));
    }

    void agreesWithQemu_data() {
        QTest::addColumn<Xlen>("xlen");
        QTest::newRow("rv64") << Xlen::Rv64;
        QTest::newRow("rv32") << Xlen::Rv32;
    }
    void agreesWithQemu() {
        QFETCH(Xlen, xlen);
        const QString qemu = findQemu(xlen);
        QVERIFY2(!qemu.isEmpty(), "QEMU is not installed: packaging/install-build-deps installs it");

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString kernel = dir.filePath("kernel.bin");
        const QString initrd = dir.filePath("initrd.img");
        const QString dtb = dir.filePath("virt.dtb");
        const qsizetype initrdSize = 0x1234;
        QVERIFY(writeFile(kernel, QByteArray(0x1000, '\x13')));
        QVERIFY(writeFile(initrd, QByteArray(initrdSize, '\x5a')));
        const QString bootargs = "console=ttyS0 earlycon";
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(qemu, {"-M", "virt,dumpdtb=" + dtb, "-m", "256M", "-bios", "none", "-kernel", kernel, "-initrd",
                             initrd, "-append", bootargs, "-display", "none", "-serial", "none"});
        QVERIFY(process.waitForFinished(60'000));
        const Tree theirs(readFile(dtb));
        QVERIFY2(theirs.valid(), process.readAll().constData());

        DeviceTreeDescription d;
        d.xlen = xlen;
        d.isa = xlen == Xlen::Rv32 ? "rv32imafdc_zicsr_zifencei" : "rv64imafdc_zicsr_zifencei";
        d.mmuType = xlen == Xlen::Rv32 ? "riscv,sv32" : "riscv,sv39";
        d.ramSize = 256 * kMiB;
        d.bootargs = bootargs.toStdString();
        const std::uint64_t initrdStart =
            boot_layout::initrdAddress(boot_layout::kernelAddress(xlen, memory_map::kRamBase), d.ramSize);
        d.initrd = InitrdRange{initrdStart, initrdStart + initrdSize};
        const Tree ours = treeOf(d);

        // Same bytes for these properties.
        const std::vector<std::pair<QString, const char*>> same = {
            {"/", "#address-cells"},        {"/", "#size-cells"},
            {"/", "compatible"},            {"/chosen", "stdout-path"},
            {"/chosen", "bootargs"},        {"/chosen", "linux,initrd-start"},
            {"/chosen", "linux,initrd-end"}, {"/cpus", "#address-cells"},
            {"/cpus", "#size-cells"},       {"/cpus", "timebase-frequency"},
            {kCpu, "device_type"},          {kCpu, "reg"},
            {kCpu, "status"},               {kCpu, "compatible"},
            {kIntc, "#interrupt-cells"},    {kIntc, "interrupt-controller"},
            {kIntc, "compatible"},          {kMemory, "device_type"},
            {kMemory, "reg"},               {kSoc, "#address-cells"},
            {kSoc, "#size-cells"},          {kSoc, "compatible"},
            {kSoc, "ranges"},               {kClint, "compatible"},
            {kClint, "reg"},                {kPlic, "compatible"},
            {kPlic, "reg"},                 {kPlic, "#interrupt-cells"},
            {kPlic, "#address-cells"},      {kPlic, "interrupt-controller"},
            {kSerial, "compatible"},        {kSerial, "reg"},
            {kSerial, "interrupts"},        {kSerial, "clock-frequency"},
            {kTest, "compatible"},          {kTest, "reg"},
            {"/poweroff", "compatible"},    {"/poweroff", "value"},
            {"/poweroff", "offset"},        {"/reboot", "compatible"},
            {"/reboot", "value"},           {"/reboot", "offset"},
        };
        for (const auto& [path, name] : same) {
            const std::optional<QByteArray> mine = ours.property(path, name);
            const std::optional<QByteArray> qemus = theirs.property(path, name);
            QVERIFY2(qemus.has_value(), qPrintable(path + " " + name + " missing in QEMU's tree"));
            QVERIFY2(mine == qemus, qPrintable(path + " " + name + " differs"));
        }
        if (xlen == Xlen::Rv32) QCOMPARE(ours.string(kCpu, "mmu-type"), theirs.string(kCpu, "mmu-type"));

        // Same targets for these references, whatever the phandle numbers.
        QCOMPARE(ours.interruptsExtended(kClint), theirs.interruptsExtended(kClint));
        QCOMPARE(ours.interruptsExtended(kPlic), theirs.interruptsExtended(kPlic));
        QCOMPARE(ours.pathOf(ours.cells(kSerial, "interrupt-parent").at(0)),
                 theirs.pathOf(theirs.cells(kSerial, "interrupt-parent").at(0)));
        QCOMPARE(ours.pathOf(ours.cells("/poweroff", "regmap").at(0)),
                 theirs.pathOf(theirs.cells("/poweroff", "regmap").at(0)));
        QCOMPARE(ours.pathOf(ours.cells("/reboot", "regmap").at(0)),
                 theirs.pathOf(theirs.cells("/reboot", "regmap").at(0)));

        // QEMU 7.2 counts source 0 in riscv,ndev (later QEMU says 95); both
        // describe the same 96-entry PLIC, whose last source is 95.
        const std::uint32_t qemuNdev = theirs.cells(kPlic, "riscv,ndev").at(0);
        QVERIFY(qemuNdev == glasshart::Plic::kSourceCount || qemuNdev == glasshart::Plic::kSourceCount - 1);
        QCOMPARE(ours.cells(kPlic, "riscv,ndev").at(0), glasshart::Plic::kSourceCount - 1);
    }

    void openSbiSeesTheSamePlatform() {
        // Debian 12's OpenSBI 1.1 (generic platform) parses the tree on
        // QEMU's hardware, which is at the same addresses: once with QEMU's
        // tree, once with ours (-dtb). What it reports must not differ,
        // except the model name.
        QVERIFY2(!findQemu(Xlen::Rv64).isEmpty(),
                 "QEMU is not installed: packaging/install-build-deps installs it");
        QVERIFY2(QFile::exists(kOpenSbiFwJump), "Debian's opensbi package is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dtb = dir.filePath("glasshart.dtb");
        DeviceTreeDescription d;
        d.ramSize = 256 * kMiB;
        const std::vector<std::uint8_t> blob = glasshart::buildDeviceTree(d);
        QVERIFY(writeFile(dtb, QByteArray(reinterpret_cast<const char*>(blob.data()),
                                          static_cast<qsizetype>(blob.size()))));

        QStringList withQemus = openSbiBanner({});
        QStringList withOurs = openSbiBanner({"-dtb", dtb});
        QVERIFY2(!withQemus.isEmpty(), "OpenSBI did not finish its banner with QEMU's tree");
        QVERIFY2(!withOurs.isEmpty(), "OpenSBI did not finish its banner with our tree");
        QVERIFY(withOurs.filter("Platform Name").join("").endsWith(": riscv-virtio,glasshart"));
        withQemus = withQemus.filter(QRegularExpression("^(?!Platform Name)"));
        withOurs = withOurs.filter(QRegularExpression("^(?!Platform Name)"));
        QCOMPARE(withOurs, withQemus);
        QVERIFY(withOurs.filter("Platform Console Device").join("").contains("uart8250"));
    }
};

QTEST_GUILESS_MAIN(DeviceTreeTest)
#include "DeviceTreeTest.moc"
