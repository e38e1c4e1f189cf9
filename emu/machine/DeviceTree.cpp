#include "machine/DeviceTree.h"

#include <libfdt.h>

#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <string_view>

#include "dev/Plic.h"
#include "dev/SifiveTest.h"
#include "dev/Uart16550.h"
#include "isa/IsaName.h"

namespace glasshart {

namespace {

// Phandles, numbered as QEMU 7.2 numbers them on virt.
constexpr std::uint32_t kCpuPhandle = 1;
constexpr std::uint32_t kCpuIntcPhandle = 2;
constexpr std::uint32_t kPlicPhandle = 3;
constexpr std::uint32_t kTestPhandle = 4;

// Local interrupt numbers of the hart-level controller (mcause/mip bits;
// privileged spec, "Machine Interrupt Registers").
constexpr std::uint32_t kMachineSoftwareInterrupt = 3;
constexpr std::uint32_t kMachineTimerInterrupt = 7;
constexpr std::uint32_t kSupervisorExternalInterrupt = 9;
constexpr std::uint32_t kMachineExternalInterrupt = 11;

// Room for everything but the description's strings (the whole blob is
// under 2 KiB with short strings), which are added on top.
constexpr std::size_t kFixedCapacity = 4096;
// Keeps the buffer far below libfdt's int-sized offsets.
constexpr std::size_t kMaxStringSize = 16u << 20;

std::string nodeName(std::string_view prefix, std::uint64_t address) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    do {
        hex.insert(hex.begin(), kDigits[address % 16]);
        address /= 16;
    } while (address != 0);
    return std::string(prefix) + "@" + hex;
}

// libfdt's sequential-write API with errors as exceptions.
class FdtWriter {
public:
    explicit FdtWriter(std::size_t capacity) : blob_(capacity) {
        check(fdt_create(blob_.data(), static_cast<int>(blob_.size())));
        check(fdt_finish_reservemap(blob_.data()));
    }

    void beginNode(const std::string& name) { check(fdt_begin_node(blob_.data(), name.c_str())); }
    void endNode() { check(fdt_end_node(blob_.data())); }

    void empty(const char* name) { check(fdt_property(blob_.data(), name, nullptr, 0)); }
    void string(const char* name, const std::string& value) {
        check(fdt_property_string(blob_.data(), name, value.c_str()));
    }
    void strings(const char* name, std::initializer_list<std::string_view> values) {
        std::string list;
        for (std::string_view value : values) (list += value) += '\0';
        check(fdt_property(blob_.data(), name, list.data(), static_cast<int>(list.size())));
    }
    void stringList(const char* name, const std::vector<std::string>& values) {
        std::string list;
        for (const std::string& value : values) (list += value) += '\0';
        check(fdt_property(blob_.data(), name, list.data(), static_cast<int>(list.size())));
    }
    void cells(const char* name, std::initializer_list<std::uint32_t> values) {
        std::vector<fdt32_t> bigEndian;
        for (std::uint32_t value : values) bigEndian.push_back(cpu_to_fdt32(value));
        check(fdt_property(blob_.data(), name, bigEndian.data(), static_cast<int>(bigEndian.size() * sizeof(fdt32_t))));
    }
    void cell(const char* name, std::uint32_t value) { cells(name, {value}); }
    // One or two cells, whichever the value needs (as QEMU writes
    // linux,initrd-start as one cell; readers take either length).
    void number(const char* name, std::uint64_t value) {
        if (value <= std::numeric_limits<std::uint32_t>::max()) {
            cell(name, static_cast<std::uint32_t>(value));
        } else {
            check(fdt_property_u64(blob_.data(), name, value));
        }
    }
    // A reg entry with #address-cells = #size-cells = 2.
    void reg(std::uint64_t address, std::uint64_t size) {
        cells("reg", {high(address), low(address), high(size), low(size)});
    }

    std::vector<std::uint8_t> finish() && {
        check(fdt_finish(blob_.data()));
        blob_.resize(fdt_totalsize(blob_.data()));
        return std::move(blob_);
    }

private:
    static std::uint32_t high(std::uint64_t value) { return static_cast<std::uint32_t>(value >> 32); }
    static std::uint32_t low(std::uint64_t value) { return static_cast<std::uint32_t>(value); }

    static void check(int result) {
        if (result < 0) throw std::runtime_error(std::string("device tree: libfdt: ") + fdt_strerror(result));
    }

    std::vector<std::uint8_t> blob_;
};

void validate(const DeviceTreeDescription& d) {
    if (d.ramSize == 0) throw std::invalid_argument("device tree: RAM size is 0");
    if (d.ramSize - 1 > std::numeric_limits<std::uint64_t>::max() - d.ramBase) {
        throw std::invalid_argument("device tree: RAM reaches past the end of the address space");
    }
    if (d.timebaseHz == 0 || d.timebaseHz > std::numeric_limits<std::uint32_t>::max()) {
        throw std::invalid_argument("device tree: timebase-frequency must be 1..2^32-1 Hz");
    }
    if (d.initrd && d.initrd->end < d.initrd->start) {
        throw std::invalid_argument("device tree: the initrd ends before it starts");
    }
    if (d.bootargs.size() > kMaxStringSize || d.isa.size() > kMaxStringSize || d.mmuType.size() > kMaxStringSize) {
        throw std::invalid_argument("device tree: a string of the description is longer than 16 MiB");
    }
}

std::size_t capacityFor(const DeviceTreeDescription& d) {
    // The ISA appears twice: as riscv,isa and, split up, as riscv,isa-extensions.
    return kFixedCapacity + 2 * d.isa.size() + d.mmuType.size() + d.bootargs.size();
}

void writeChosen(FdtWriter& fdt, const DeviceTreeDescription& d) {
    fdt.beginNode("chosen");
    fdt.string("stdout-path", consoleNodePath());
    if (!d.bootargs.empty()) fdt.string("bootargs", d.bootargs);
    if (d.initrd) {
        fdt.number("linux,initrd-start", d.initrd->start);
        fdt.number("linux,initrd-end", d.initrd->end);
    }
    fdt.endNode();
}

void writeCpus(FdtWriter& fdt, const DeviceTreeDescription& d, const IsaName& isa) {
    fdt.beginNode("cpus");
    fdt.cell("#address-cells", 1);
    fdt.cell("#size-cells", 0);
    fdt.cell("timebase-frequency", static_cast<std::uint32_t>(d.timebaseHz));

    fdt.beginNode("cpu@0");
    fdt.cell("phandle", kCpuPhandle);
    fdt.string("device_type", "cpu");
    fdt.cell("reg", 0);
    fdt.string("status", "okay");
    fdt.string("compatible", "riscv");
    // Both ways of naming the ISA: riscv,isa for OpenSBI and older kernels,
    // the base + list form that Linux 6.x prefers when present.
    fdt.string("riscv,isa", d.isa);
    fdt.string("riscv,isa-base", isa.base);
    fdt.stringList("riscv,isa-extensions", isa.extensions);
    if (!d.mmuType.empty()) fdt.string("mmu-type", d.mmuType);

    fdt.beginNode("interrupt-controller");
    fdt.cell("#interrupt-cells", 1);
    fdt.empty("interrupt-controller");
    fdt.string("compatible", "riscv,cpu-intc");
    fdt.cell("phandle", kCpuIntcPhandle);
    fdt.endNode();

    fdt.endNode();  // cpu@0
    fdt.endNode();  // cpus
}

void writeMemory(FdtWriter& fdt, const DeviceTreeDescription& d) {
    fdt.beginNode(nodeName("memory", d.ramBase));
    fdt.string("device_type", "memory");
    fdt.reg(d.ramBase, d.ramSize);
    fdt.endNode();
}

void writeSoc(FdtWriter& fdt) {
    fdt.beginNode("soc");
    fdt.cell("#address-cells", 2);
    fdt.cell("#size-cells", 2);
    fdt.string("compatible", "simple-bus");
    fdt.empty("ranges");

    fdt.beginNode(nodeName("clint", memory_map::kClintBase));
    fdt.cells("interrupts-extended",
              {kCpuIntcPhandle, kMachineSoftwareInterrupt, kCpuIntcPhandle, kMachineTimerInterrupt});
    fdt.reg(memory_map::kClintBase, memory_map::kClintSize);
    fdt.strings("compatible", {"sifive,clint0", "riscv,clint0"});
    fdt.endNode();

    // interrupts-extended lists the contexts in order: context 0 drives
    // MEIP, context 1 SEIP.
    static_assert(Plic::kMachineContext == 0 && Plic::kSupervisorContext == 1);
    fdt.beginNode(nodeName("plic", memory_map::kPlicBase));
    fdt.cell("phandle", kPlicPhandle);
    fdt.cell("riscv,ndev", Plic::kSourceCount - 1);
    fdt.reg(memory_map::kPlicBase, memory_map::kPlicSize);
    fdt.cells("interrupts-extended",
              {kCpuIntcPhandle, kMachineExternalInterrupt, kCpuIntcPhandle, kSupervisorExternalInterrupt});
    fdt.empty("interrupt-controller");
    fdt.strings("compatible", {"sifive,plic-1.0.0", "riscv,plic0"});
    fdt.cell("#address-cells", 0);
    fdt.cell("#interrupt-cells", 1);
    fdt.endNode();

    fdt.beginNode(nodeName("serial", memory_map::kUartBase));
    fdt.cell("interrupts", memory_map::kUartPlicSource);
    fdt.cell("interrupt-parent", kPlicPhandle);
    fdt.cell("clock-frequency", Uart16550::kClockHz);
    fdt.reg(memory_map::kUartBase, memory_map::kUartSize);
    fdt.string("compatible", "ns16550a");
    fdt.endNode();

    fdt.beginNode(nodeName("test", memory_map::kTestFinisherBase));
    fdt.cell("phandle", kTestPhandle);
    fdt.reg(memory_map::kTestFinisherBase, memory_map::kTestFinisherSize);
    fdt.strings("compatible", {"sifive,test1", "sifive,test0", "syscon"});
    fdt.endNode();

    fdt.endNode();  // soc
}

// Linux's generic syscon power-off and reboot drivers store `value` at
// `offset` in the finisher's registers.
void writeSysconAction(FdtWriter& fdt, const char* node, const char* compatible, std::uint32_t value) {
    fdt.beginNode(node);
    fdt.cell("value", value);
    fdt.cell("offset", 0);
    fdt.cell("regmap", kTestPhandle);
    fdt.string("compatible", compatible);
    fdt.endNode();
}

std::vector<std::uint8_t> build(const DeviceTreeDescription& d, const IsaName& isa) {
    FdtWriter fdt(capacityFor(d));
    fdt.beginNode("");
    fdt.cell("#address-cells", 2);
    fdt.cell("#size-cells", 2);
    fdt.string("compatible", "riscv-virtio");
    fdt.string("model", "riscv-virtio,glasshart");
    writeChosen(fdt, d);
    writeSysconAction(fdt, "poweroff", "syscon-poweroff", SifiveTest::kPass);
    writeSysconAction(fdt, "reboot", "syscon-reboot", SifiveTest::kReset);
    writeMemory(fdt, d);
    writeCpus(fdt, d, isa);
    writeSoc(fdt);
    fdt.endNode();
    return std::move(fdt).finish();
}

}  // namespace

std::string consoleNodePath() { return "/soc/" + nodeName("serial", memory_map::kUartBase); }

std::vector<std::uint8_t> buildDeviceTree(const DeviceTreeDescription& description) {
    validate(description);
    const IsaName isa = parseIsaName(description.isa, description.xlen);
    return build(description, isa);
}

}  // namespace glasshart
