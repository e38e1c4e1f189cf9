// GdbSession, the stub's protocol side, on a real machine running the gdb
// test guest (target.c): requests as gdb frames them, and byte streams that
// are damaged, malformed, too long or random. Expected values come from the
// guest's ELF symbols, the RISC-V specifications (register layout, IEEE 754
// encodings, Sv39 page tables) and the remote protocol's manual.

#include <QXmlStreamReader>
#include <QtTest>

#include <map>
#include <random>

#include "dbt/Dispatcher.h"
#include "gdb/GdbSession.h"
#include "gdb/Hex.h"
#include "gdb/Packet.h"
#include "gdb/TargetDescription.h"
#include "isa/CsrAddress.h"
#include "isa/Decoder.h"
#include "mmu/PageTableEntry.h"

using namespace glasshart;
using namespace glasshart::gdb;

namespace QTest {
template <>
char* toString(const std::string& text) {
    return qstrdup(QByteArray::fromStdString(text).toPercentEncoding(" :;,$#=").constData());
}
}  // namespace QTest

namespace {

ElfImage guest(Xlen xlen) {
    return ElfImage::load(std::string(GLASSHART_GUEST_DIR) +
                          (xlen == Xlen::Rv64 ? "/gdb-target-rv64.elf" : "/gdb-target-rv32.elf"));
}

std::unique_ptr<Machine> machineFor(const ElfImage& program, Engine engine) {
    MachineConfig config;
    config.xlen = program.xlen();
    config.engine = engine;
    config.ramSize = 16ull << 20;
    auto machine = std::make_unique<Machine>(config, [](std::uint8_t) {});
    machine->load(program);
    return machine;
}

std::span<const std::uint8_t> bytesOf(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

// The payloads of the packets in `stream` (acknowledgements left out).
std::vector<std::string> packetsIn(std::string_view stream) {
    PacketReader reader;
    std::vector<std::string> payloads;
    for (PacketEvent& event : reader.feed(bytesOf(stream))) {
        if (event.kind == PacketEvent::Kind::Packet) payloads.push_back(std::move(event.payload));
    }
    return payloads;
}

std::string hex(std::uint64_t value) { return formatNumber(value); }

// A stand-in for gdb: frames requests and keeps what the session sends.
class Client {
public:
    explicit Client(Machine& machine)
        : machine_(machine),
          session_(std::make_unique<GdbSession>(machine, [this](std::string_view bytes) { received_ += bytes; })) {}

    GdbSession& session() { return *session_; }
    std::string& received() { return received_; }

    void sendRaw(std::string_view bytes) { session_->receive(bytesOf(bytes)); }
    // The packets the session answered `payload` with.
    std::vector<std::string> exchange(std::string_view payload) {
        received_.clear();
        sendRaw(framePacket(payload));
        return packetsIn(received_);
    }
    // The one reply to `payload` ("<no reply>" or "<N replies>" otherwise).
    std::string request(std::string_view payload) {
        const auto replies = exchange(payload);
        if (replies.size() == 1) return replies.front();
        return replies.empty() ? "<no reply>" : "<" + std::to_string(replies.size()) + " replies>";
    }
    // Runs the machine, as the session's owner does, while gdb lets it run;
    // the packets that produced.
    std::vector<std::string> runUntilStopped() {
        received_.clear();
        // The guest needs thousands of instructions, not millions.
        for (int slice = 0; slice < 200 && session_->running(); ++slice) {
            session_->machineStopped(machine_.run(1u << 16));
        }
        return packetsIn(received_);
    }
    std::string continueToStop() {
        const auto none = exchange("c");
        if (!none.empty()) return "<continue answered " + none.front() + ">";
        const auto replies = runUntilStopped();
        return replies.size() == 1 ? replies.front() : "<" + std::to_string(replies.size()) + " stop replies>";
    }
    // Past start-up (which clears .bss): stopped at main.
    bool runToMain(const ElfImage& program) {
        const std::string main = hex(*program.symbolAddress("main"));
        return request("Z0," + main + ",2") == "OK" && continueToStop().starts_with("T05swbreak") &&
               request("z0," + main + ",2") == "OK";
    }
    void disconnect() { session_.reset(); }

private:
    Machine& machine_;
    std::string received_;
    std::unique_ptr<GdbSession> session_;
};

unsigned xlenBytes(Xlen xlen) { return static_cast<unsigned>(xlen) / 8; }

std::string le(std::uint64_t value, unsigned bytes) { return registerToHex(value, bytes); }

// "T05swbreak:;20:<pc>;thread:1;" for a stop at `pc`.
std::string stopAt(std::string_view signalAndReason, std::uint64_t pc, Xlen xlen) {
    return "T" + std::string(signalAndReason) + "20:" + le(pc, xlenBytes(xlen)) + ";thread:1;";
}

std::uint64_t symbol(const ElfImage& program, const char* name) {
    const auto address = program.symbolAddress(name);
    if (!address) qFatal("the gdb test guest has no symbol %s", name);
    return *address;
}

std::optional<DecodedInstruction> instructionAt(Machine& machine, std::uint64_t pc) {
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    if (!machine.bus().fetch(pc, 2, low)) return std::nullopt;
    if (instructionLength(static_cast<std::uint16_t>(low)) == 4 && !machine.bus().fetch(pc + 2, 2, high)) {
        return std::nullopt;
    }
    return decode(low | (high << 16), machine.config().xlen);
}

std::uint64_t readRam(Machine& machine, std::uint64_t address, unsigned size) {
    std::uint64_t value = 0;
    if (!machine.bus().read(address, size, value)) qFatal("no RAM at %llx", static_cast<unsigned long long>(address));
    return value;
}

std::string monitorText(Client& client, std::string_view command) {
    const auto reply = fromHex(client.request("qRcmd," + toHex(command)));
    return reply ? std::string(reply->begin(), reply->end()) : "<not hex>";
}

struct DescribedRegister {
    QString feature;
    unsigned regnum = 0;
    unsigned bits = 0;
};

}  // namespace

class GdbSessionTest : public QObject {
    Q_OBJECT

private slots:
    void handshake();
    void acknowledgementsUntilNoAckMode();
    void targetDescription_data();
    void targetDescription();
    void registers_data();
    void registers();
    void memory_data() { registers_data(); }
    void memory();
    void memoryThroughPageTables();
    void breakpoints_data();
    void breakpoints();
    void watchpointsStopBeforeTheAccess();
    void readAndAccessWatchpoints();
    void stepping_data() { breakpoints_data(); }
    void stepping();
    void interrupts();
    void guestExitIsReported();
    void detachAndKill();
    void monitorCommands();
    void malformedRequests_data();
    void malformedRequests();
    void tooLongPacketEndsTheSession();
    void randomStreamsNeverBreakIt();
};

void GdbSessionTest::handshake() {
    const ElfImage program = guest(Xlen::Rv64);
    auto machine = machineFor(program, Engine::Translator);
    Client client(*machine);
    const std::string supported = client.request("qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+");
    for (const char* feature : {"PacketSize=4000", "qXfer:features:read+", "swbreak+", "hwbreak+", "QStartNoAckMode+"}) {
        QVERIFY2(supported.find(feature) != std::string::npos, feature);
    }
    QCOMPARE(client.request("?"), stopAt("05", program.entry(), Xlen::Rv64));
    QCOMPARE(client.request("qAttached"), std::string("1"));
    QCOMPARE(client.request("qC"), std::string("QC1"));
    QCOMPARE(client.request("qfThreadInfo"), std::string("m1"));
    QCOMPARE(client.request("qsThreadInfo"), std::string("l"));
    QCOMPARE(client.request("Hg0"), std::string("OK"));
    QCOMPARE(client.request("Hc-1"), std::string("OK"));
    QCOMPARE(client.request("T1"), std::string("OK"));
    QCOMPARE(client.request("vMustReplyEmpty"), std::string());
    QCOMPARE(client.request("qTStatus"), std::string());
    QCOMPARE(client.request("vCont?"), std::string("vCont;c;C;s;S"));
    QVERIFY(!client.session().running());
    QCOMPARE(machine->state().retired, std::uint64_t{0});  // nothing ran
}

void GdbSessionTest::acknowledgementsUntilNoAckMode() {
    auto machine = machineFor(guest(Xlen::Rv64), Engine::Interpreter);
    Client client(*machine);
    client.sendRaw(framePacket("qC"));
    QCOMPARE(client.received(), "+" + framePacket("QC1"));
    // '-': the reply did not arrive intact; it comes again.
    client.received().clear();
    client.sendRaw("-");
    QCOMPARE(client.received(), framePacket("QC1"));
    client.received().clear();
    client.sendRaw("+-");
    QCOMPARE(client.received(), std::string());  // acknowledged: nothing left to resend
    // A damaged request is refused with '-' and answered once it comes again.
    client.sendRaw("$qC#00");
    QCOMPARE(client.received(), std::string("-"));
    client.received().clear();
    client.sendRaw(framePacket("qC"));
    QCOMPARE(client.received(), "+" + framePacket("QC1"));
    // The switch itself is acknowledged; nothing after it is.
    client.received().clear();
    client.sendRaw(framePacket("QStartNoAckMode"));
    QCOMPARE(client.received(), "+" + framePacket("OK"));
    client.received().clear();
    client.sendRaw(framePacket("qC"));
    QCOMPARE(client.received(), framePacket("QC1"));
    client.received().clear();
    client.sendRaw("-$qC#00");
    QCOMPARE(client.received(), std::string());
}

void GdbSessionTest::targetDescription_data() {
    QTest::addColumn<int>("xlen");
    QTest::newRow("rv64") << 64;
    QTest::newRow("rv32") << 32;
}

void GdbSessionTest::targetDescription() {
    QFETCH(int, xlen);
    const Xlen width = xlen == 64 ? Xlen::Rv64 : Xlen::Rv32;
    auto machine = machineFor(guest(width), Engine::Translator);
    Client client(*machine);
    // Read in small pieces, as a client with a small buffer would.
    std::string xml;
    for (;;) {
        const std::string part = client.request("qXfer:features:read:target.xml:" + hex(xml.size()) + ",100");
        QVERIFY(!part.empty() && (part.front() == 'm' || part.front() == 'l'));
        xml += part.substr(1);
        if (part.front() == 'l') break;
        QVERIFY(part.size() > 1);
    }
    QCOMPARE(client.request("qXfer:features:read:target.xml:" + hex(xml.size() + 10) + ",100"), std::string("l"));
    QCOMPARE(client.request("qXfer:features:read:other.xml:0,100"), std::string("E01"));

    QXmlStreamReader reader(QString::fromStdString(xml));
    QString architecture;
    QString feature;
    std::map<QString, DescribedRegister> registers;
    QStringList features;
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement) continue;
        const auto attributes = reader.attributes();
        if (reader.name() == QLatin1String("architecture")) architecture = reader.readElementText();
        if (reader.name() == QLatin1String("feature")) features << (feature = attributes.value("name").toString());
        if (reader.name() == QLatin1String("reg")) {
            const QString name = attributes.value("name").toString();
            QVERIFY2(!registers.contains(name), qPrintable(name));
            registers[name] = {feature, attributes.value("regnum").toUInt(), attributes.value("bitsize").toUInt()};
        }
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(architecture, QString("riscv:rv%1").arg(xlen));
    QCOMPARE(features, (QStringList{"org.gnu.gdb.riscv.cpu", "org.gnu.gdb.riscv.fpu", "org.gnu.gdb.riscv.csr",
                                    "org.gnu.gdb.riscv.virtual"}));
    auto check = [&](const char* name, const char* inFeature, unsigned regnum, unsigned bits) {
        QVERIFY2(registers.contains(name), name);
        const DescribedRegister& reg = registers[name];
        QCOMPARE(reg.feature, QString("org.gnu.gdb.riscv.") + inFeature);
        QCOMPARE(reg.regnum, regnum);
        QCOMPARE(reg.bits, bits);
    };
    const unsigned x = static_cast<unsigned>(xlen);
    // gdb's RISC-V numbering: x0-x31, pc, f0-f31, then CSRs at 65 + number.
    check("zero", "cpu", 0, x);
    check("sp", "cpu", 2, x);
    check("t6", "cpu", 31, x);
    check("pc", "cpu", 32, x);
    check("ft0", "fpu", 33, 64);
    check("fs1", "fpu", 33 + 9, 64);
    check("ft11", "fpu", 64, 64);
    check("fflags", "fpu", 65 + 0x001, 32);
    check("frm", "fpu", 65 + 0x002, 32);
    check("fcsr", "fpu", 65 + 0x003, 32);
    check("mstatus", "csr", 65 + 0x300, x);
    check("misa", "csr", 65 + 0x301, x);
    check("mtvec", "csr", 65 + 0x305, x);
    check("mepc", "csr", 65 + 0x341, x);
    check("satp", "csr", 65 + 0x180, x);
    check("mcycle", "csr", 65 + 0xb00, x);
    check("pmpaddr0", "csr", 65 + 0x3b0, x);
    check("pmpcfg0", "csr", 65 + 0x3a0, x);
    check("priv", "virtual", 65 + 4096, x);
    // Only what the hart implements (no hpm counters, no hypervisor), and
    // the RV32-only halves on RV32 alone (privileged spec 3.1.6, 3.1.10, 3.7.1).
    for (const char* absent : {"hpmcounter3", "mhpmcounter3", "hstatus", "vsatp", "tselect", "dcsr"}) {
        QVERIFY2(!registers.contains(absent), absent);
    }
    QCOMPARE(registers.contains("mstatush"), xlen == 32);
    QCOMPARE(registers.contains("cycleh"), xlen == 32);
    QCOMPARE(registers.contains("pmpcfg1"), xlen == 32);
    QCOMPARE(registers.size(), std::size_t{33 + 35 + describedCsrs(machine->hart()).size() + 1});
    // Every register described can be read, in the width described.
    for (const auto& [name, reg] : registers) {
        const std::string value = client.request("p" + hex(reg.regnum));
        QVERIFY2(value.size() == reg.bits / 4, qPrintable(name + ": " + QString::fromStdString(value)));
    }
}

void GdbSessionTest::registers_data() {
    QTest::addColumn<int>("xlen");
    QTest::newRow("rv64") << 64;
    QTest::newRow("rv32") << 32;
}

void GdbSessionTest::registers() {
    QFETCH(int, xlen);
    const Xlen width = xlen == 64 ? Xlen::Rv64 : Xlen::Rv32;
    const unsigned bytes = xlenBytes(width);
    auto machine = machineFor(guest(width), Engine::Translator);
    HartState& state = machine->state();
    Client client(*machine);

    // 'g': x0..x31 then pc, each XLEN wide, least significant byte first.
    state.x[5] = machine->hart().truncate(0x1234'5678'9abc'def0);
    const std::string all = client.request("g");
    QCOMPARE(all.size(), std::size_t{33 * 2 * bytes});
    QCOMPARE(all.substr(5 * 2 * bytes, 2 * bytes), std::string(xlen == 64 ? "f0debc9a78563412" : "f0debc9a"));
    QCOMPARE(all.substr(32 * 2 * bytes), le(machine->program()->entry(), bytes));
    QCOMPARE(all.substr(0, 2 * bytes), std::string(2 * bytes, '0'));

    std::string written;
    for (unsigned i = 0; i < 33; ++i) written += le(0x1111u * i, bytes);
    QCOMPARE(client.request("G" + written), std::string("OK"));
    QCOMPARE(state.x[0], std::uint64_t{0});  // x0 is hardwired
    for (unsigned i = 1; i < 32; ++i) QCOMPARE(state.x[i], std::uint64_t{0x1111u * i});
    QCOMPARE(state.pc, std::uint64_t{0x1111u * 32});
    QCOMPARE(client.request("G" + written.substr(2)), std::string("E01"));

    QCOMPARE(client.request("P5=" + le(0x42, bytes)), std::string("OK"));
    QCOMPARE(state.x[5], std::uint64_t{0x42});
    QCOMPARE(client.request("p5"), le(0x42, bytes));
    QCOMPARE(client.request("P20=" + le(0x80000100, bytes)), std::string("OK"));
    QCOMPARE(state.pc, std::uint64_t{0x80000100});

    // f registers are FLEN (64) wide on both: 2.5 is 0x4004000000000000 in
    // IEEE 754 binary64.
    QCOMPARE(client.request("P2a=0000000000000440"), std::string("OK"));  // fs1 = f9
    QCOMPARE(state.f[9], std::uint64_t{0x4004'0000'0000'0000});
    QCOMPARE(client.request("p2a"), std::string("0000000000000440"));

    // fcsr = frm << 5 | fflags (unprivileged ISA 11.2), readable even with
    // the FP unit off (FS is Off at reset, before the guest's start-up).
    QCOMPARE(client.request("P44=e5000000"), std::string("OK"));
    QCOMPARE(unsigned(state.frm), 7u);
    QCOMPARE(unsigned(state.fflags), 5u);
    QCOMPARE(client.request("p42"), std::string("05000000"));
    QCOMPARE(client.request("p43"), std::string("07000000"));

    // CSRs at 65 + number.
    const std::string mscratch = hex(65 + 0x340);
    QCOMPARE(client.request("P" + mscratch + "=" + le(0xabcdef, bytes)), std::string("OK"));
    QCOMPARE(state.csr.mscratch, std::uint64_t{0xabcdef});
    QCOMPARE(client.request("p" + mscratch), le(0xabcdef, bytes));
    const std::string misa = client.request("p" + hex(65 + 0x301));
    // MXL (1 = 32, 2 = 64) in the top two bits, then I M A F D C S U.
    const std::uint64_t extensions = (1u << ('I' - 'A')) | (1u << ('M' - 'A')) | (1u << ('A' - 'A')) |
                                     (1u << ('F' - 'A')) | (1u << ('D' - 'A')) | (1u << ('C' - 'A')) |
                                     (1u << ('S' - 'A')) | (1u << ('U' - 'A'));
    QCOMPARE(misa, le((xlen == 64 ? 2ull << 62 : 1ull << 30) | extensions, bytes));
    // Read-only CSRs and the counters cannot be written; priv is read-only.
    QCOMPARE(client.request("P" + hex(65 + 0xf11) + "=" + le(1, bytes)), std::string("E0e"));
    QCOMPARE(client.request("P" + hex(65 + 0xb00) + "=" + le(1, bytes)), std::string("E0e"));
    QCOMPARE(client.request("p" + hex(65 + 4096)), le(3, bytes));  // Machine mode
    QCOMPARE(client.request("P" + hex(65 + 4096) + "=" + le(0, bytes)), std::string("E0e"));
    // Numbers that are nothing.
    QCOMPARE(client.request("p" + hex(65 + 0x7c0)), std::string("E0e"));  // an unimplemented CSR
    QCOMPARE(client.request("p" + hex(65 + 4097)), std::string("E01"));
    QCOMPARE(client.request("P5=12"), std::string("E0e"));  // the wrong width
}

void GdbSessionTest::memory() {
    QFETCH(int, xlen);
    const Xlen width = xlen == 64 ? Xlen::Rv64 : Xlen::Rv32;
    const ElfImage program = guest(width);
    auto machine = machineFor(program, Engine::Translator);
    Client client(*machine);
    const std::uint64_t greeting = symbol(program, "greeting");
    const std::uint64_t counter = symbol(program, "counter");

    QCOMPARE(client.request("m" + hex(greeting) + ",9"), toHex(std::string_view("hello gdb")));
    QCOMPARE(client.request("M" + hex(counter) + ",4:78563412"), std::string("OK"));
    QCOMPARE(readRam(*machine, counter, 4), std::uint64_t{0x12345678});
    // X carries binary; the bytes the framing must escape arrive intact.
    QCOMPARE(client.request("X" + hex(counter) + ",4:$#}*"), std::string("OK"));
    QCOMPARE(client.request("m" + hex(counter) + ",4"), std::string("24237d2a"));
    QCOMPARE(client.request("X" + hex(counter) + ",0:"), std::string("OK"));
    // Only RAM: nothing at 0, and the boot ROM and UART are devices.
    QCOMPARE(client.request("m0,4"), std::string("E0e"));
    QCOMPARE(client.request("m1000,4"), std::string("E0e"));
    QCOMPARE(client.request("m10000000,1"), std::string("E0e"));
    QCOMPARE(client.request("M10000000,1:41"), std::string("E0e"));
    // A read that runs off the end of RAM stops there; a write is all or nothing.
    const std::uint64_t end = memory_map::kRamBase + machine->config().ramSize;
    QCOMPARE(client.request("m" + hex(end - 2) + ",8").size(), std::size_t{4});
    QCOMPARE(client.request("M" + hex(end - 2) + ",4:01020304"), std::string("E0e"));
    QCOMPARE(readRam(*machine, end - 2, 2), std::uint64_t{0});
    // A reply never outgrows a packet.
    QCOMPARE(client.request("m" + hex(memory_map::kRamBase) + ",ffffffff").size(), kMaxPayload);
}

void GdbSessionTest::memoryThroughPageTables() {
    // Sv39 (privileged spec 4.4): a 1 GiB leaf in the root table maps
    // 0x4000_0000 to RAM at 0x8000_0000, with A and D clear.
    auto machine = machineFor(guest(Xlen::Rv64), Engine::Interpreter);
    Client client(*machine);
    const std::uint64_t root = memory_map::kRamBase + 0x80'0000;
    const std::uint64_t leaf = (memory_map::kRamBase >> 12) << pte::kPpnShift | pte::kValid | pte::kRead |
                               pte::kWrite | pte::kExecute;
    QVERIFY(machine->bus().write(root + 1 * 8, 8, leaf));
    QCOMPARE(client.request("P" + hex(65 + 0x180) + "=" + le(8ull << 60 | root >> 12, 8)), std::string("OK"));
    HartState& state = machine->state();
    state.privilege = Privilege::Supervisor;
    machine->hart().mmu().contextChanged();

    const std::uint64_t greeting = symbol(*machine->program(), "greeting");
    const std::uint64_t virtualGreeting = greeting - memory_map::kRamBase + 0x4000'0000;
    QCOMPARE(client.request("m" + hex(virtualGreeting) + ",9"), toHex(std::string_view("hello gdb")));
    QCOMPARE(client.request("m" + hex(greeting) + ",9"), std::string("E0e"));  // unmapped for S now
    QCOMPARE(client.request("M" + hex(virtualGreeting) + ",1:48"), std::string("OK"));
    QCOMPARE(readRam(*machine, greeting, 1), std::uint64_t{'H'});
    // The debugger's look leaves no trace: A and D still clear.
    QCOMPARE(readRam(*machine, root + 8, 8), leaf);
}

void GdbSessionTest::breakpoints_data() {
    QTest::addColumn<int>("xlen");
    QTest::addColumn<int>("engine");
    QTest::newRow("rv64 translator") << 64 << int(Engine::Translator);
    QTest::newRow("rv64 interpreter") << 64 << int(Engine::Interpreter);
    QTest::newRow("rv32 translator") << 32 << int(Engine::Translator);
}

void GdbSessionTest::breakpoints() {
    QFETCH(int, xlen);
    QFETCH(int, engine);
    const Xlen width = xlen == 64 ? Xlen::Rv64 : Xlen::Rv32;
    const ElfImage program = guest(width);
    auto machine = machineFor(program, static_cast<Engine>(engine));
    auto client = std::make_unique<Client>(*machine);
    const std::uint64_t addStep = symbol(program, "add_step");
    const std::uint64_t fpLoaded = symbol(program, "fp_loaded");

    QCOMPARE(client->request("Z0," + hex(addStep) + ",2"), std::string("OK"));
    QCOMPARE(client->continueToStop(), stopAt("05swbreak:;", addStep, width));
    QCOMPARE(machine->state().x[11], std::uint64_t{0});  // add_step(total, step = 0)
    QCOMPARE(client->continueToStop(), stopAt("05swbreak:;", addStep, width));
    QCOMPARE(machine->state().x[11], std::uint64_t{1});
    QCOMPARE(client->request("z0," + hex(addStep) + ",2"), std::string("OK"));
    QVERIFY(machine->breakpoints().empty());
    QCOMPARE(client->request("Z1," + hex(addStep) + ",2"), std::string("OK"));
    QCOMPARE(client->continueToStop(), stopAt("05hwbreak:;", addStep, width));
    QCOMPARE(machine->state().x[11], std::uint64_t{2});
    QCOMPARE(client->request("z1," + hex(addStep) + ",2"), std::string("OK"));

    // The window's breakpoint survives gdb's setting and clearing one there,
    // and stops gdb as a plain SIGTRAP.
    machine->addBreakpoint(fpLoaded);
    QCOMPARE(client->request("Z0," + hex(fpLoaded) + ",2"), std::string("OK"));
    QCOMPARE(client->request("z0," + hex(fpLoaded) + ",2"), std::string("OK"));
    QVERIFY(machine->breakpoints().contains(fpLoaded));
    QCOMPARE(client->continueToStop(), stopAt("05", fpLoaded, width));
    // gdb's own go when it goes.
    QCOMPARE(client->request("Z0," + hex(addStep) + ",2"), std::string("OK"));
    client->disconnect();
    QVERIFY(!machine->breakpoints().contains(addStep));
    QVERIFY(machine->breakpoints().contains(fpLoaded));
}

void GdbSessionTest::watchpointsStopBeforeTheAccess() {
    // A write watchpoint on `counter`: each round of main's loop stores to it.
    // The stop comes before the store runs (pc at it, memory unchanged), as
    // gdb's RISC-V target expects; a step then performs it. Both engines
    // stop after exactly the same instructions.
    for (const Xlen width : {Xlen::Rv64, Xlen::Rv32}) {
        const ElfImage program = guest(width);
        const std::uint64_t counter = symbol(program, "counter");
        const unsigned bytes = xlenBytes(width);
        std::vector<std::uint64_t> retired[2];
        for (const Engine engine : {Engine::Interpreter, Engine::Translator}) {
            auto machine = machineFor(program, engine);
            Client client(*machine);
            QVERIFY(client.runToMain(program));
            QCOMPARE(client.request("Z2," + hex(counter) + "," + hex(bytes)), std::string("OK"));
            std::uint64_t expected = 0;  // counter before round i: 0 + 1 + ... + (i - 1)
            for (std::uint64_t round = 0; round < 4; ++round) {
                const std::uint64_t before = readRam(*machine, counter, bytes);
                QCOMPARE(before, round == 0 ? 0 : expected);
                expected += round;
                const std::string stop = client.continueToStop();
                QCOMPARE(stop, stopAt("05watch:" + hex(counter) + ";", machine->state().pc, width));
                const auto store = instructionAt(*machine, machine->state().pc);
                QVERIFY(store && store->info().has(kStore));
                QCOMPARE(machine->hart().truncate(machine->state().x[store->rs1] + store->imm), counter);
                QCOMPARE(readRam(*machine, counter, bytes), before);  // not yet
                retired[engine == Engine::Translator].push_back(machine->state().retired);
                // gdb takes its watchpoints out to step over the access.
                QCOMPARE(client.request("z2," + hex(counter) + "," + hex(bytes)), std::string("OK"));
                {
        const std::string reply = client.request("s");
        QCOMPARE(reply, stopAt("05", machine->state().pc, width));
    }
                QCOMPARE(readRam(*machine, counter, bytes), expected);
                QCOMPARE(client.request("Z2," + hex(counter) + "," + hex(bytes)), std::string("OK"));
            }
            client.disconnect();
            QVERIFY(machine->watchpoints().empty());
        }
        QCOMPARE(retired[1], retired[0]);
    }
}

void GdbSessionTest::readAndAccessWatchpoints() {
    const ElfImage program = guest(Xlen::Rv64);
    const std::uint64_t threshold = symbol(program, "threshold");
    const std::uint64_t counter = symbol(program, "counter");
    auto machine = machineFor(program, Engine::Translator);
    Client client(*machine);
    // A read watchpoint on a variable only ever written is never hit: the
    // first read stop is main's read of `threshold`, after the loop.
    QCOMPARE(client.request("Z3," + hex(counter) + ",8"), std::string("OK"));
    QCOMPARE(client.request("Z3," + hex(threshold) + ",8"), std::string("OK"));
    // `released` must be set, or main spins before it reads threshold.
    QVERIFY(client.runToMain(program));
    QCOMPARE(client.request("M" + hex(symbol(program, "released")) + ",1:01"), std::string("OK"));
    std::string stop = client.continueToStop();
    QCOMPARE(stop, stopAt("05rwatch:" + hex(threshold) + ";", machine->state().pc, Xlen::Rv64));
    auto load = instructionAt(*machine, machine->state().pc);
    QVERIFY(load && load->info().has(kLoad));
    QCOMPARE(readRam(*machine, counter, 8), std::uint64_t{45});  // the loop is over
    // The same instruction again does not stop twice in a row: it runs.
    QCOMPARE(client.request("z3," + hex(counter) + ",8"), std::string("OK"));
    {
        const std::string reply = client.request("s");
        QCOMPARE(reply, stopAt("05", machine->state().pc, Xlen::Rv64));
    }
    QCOMPARE(machine->state().x[load->rd], std::uint64_t{7});
    QCOMPARE(client.request("z3," + hex(threshold) + ",8"), std::string("OK"));

    // An access watchpoint on one byte in the middle of `counter`, from the
    // start: the first access to touch it is start-up's clearing of .bss, a
    // byte store to exactly that address.
    machine->reset();
    QCOMPARE(client.request("Z4," + hex(counter + 3) + ",1"), std::string("OK"));
    stop = client.continueToStop();
    QCOMPARE(stop, stopAt("05awatch:" + hex(counter + 3) + ";", machine->state().pc, Xlen::Rv64));
    const auto store = instructionAt(*machine, machine->state().pc);
    QVERIFY(store && store->opcode == Opcode::Sb);
    QCOMPARE(machine->state().x[store->rs1] + store->imm, counter + 3);
}

void GdbSessionTest::stepping() {
    QFETCH(int, xlen);
    QFETCH(int, engine);
    const Xlen width = xlen == 64 ? Xlen::Rv64 : Xlen::Rv32;
    const ElfImage program = guest(width);
    auto machine = machineFor(program, static_cast<Engine>(engine));
    Client client(*machine);
    HartState& state = machine->state();
    auto nextPc = [&] { return state.pc + instructionAt(*machine, state.pc)->length; };

    std::uint64_t expected = nextPc();
    QCOMPARE(client.request("s"), stopAt("05", expected, width));
    QCOMPARE(state.retired, std::uint64_t{1});
    expected = nextPc();
    QCOMPARE(client.request("vCont;s:1;c"), stopAt("05", expected, width));
    expected = nextPc();
    QCOMPARE(client.request("S05"), stopAt("05", expected, width));
    QCOMPARE(state.retired, std::uint64_t{3});
    // s ADDR: resume at ADDR.
    const std::uint64_t addStep = symbol(program, "add_step");
    state.pc = addStep;
    expected = nextPc();
    state.pc = program.entry();
    QCOMPARE(client.request("s" + hex(addStep)), stopAt("05", expected, width));
    // vCont with an action for a thread that does not exist does nothing.
    QCOMPARE(client.request("vCont;c:2"), std::string("E01"));
    QVERIFY(!client.session().running());
    QCOMPARE(client.exchange("vCont;c"), std::vector<std::string>{});
    QVERIFY(client.session().running());
}

void GdbSessionTest::interrupts() {
    auto machine = machineFor(guest(Xlen::Rv64), Engine::Translator);
    Client client(*machine);
    client.session().interrupt();  // stopped already: nothing to say
    QCOMPARE(client.received(), std::string());
    QCOMPARE(client.exchange("c"), std::vector<std::string>{});
    client.session().machineStopped(machine->run(1000));
    QVERIFY(client.session().running());
    client.received().clear();
    client.sendRaw("\x03");  // gdb's Ctrl-C
    QVERIFY(!client.session().running());
    QCOMPARE(packetsIn(client.received()), std::vector{stopAt("02", machine->state().pc, Xlen::Rv64)});
    QCOMPARE(client.request("?"), stopAt("02", machine->state().pc, Xlen::Rv64));
    // The window's Pause stops gdb's continue the same way.
    QCOMPARE(client.exchange("c"), std::vector<std::string>{});
    client.received().clear();
    client.session().interrupt();
    QCOMPARE(packetsIn(client.received()), std::vector{stopAt("02", machine->state().pc, Xlen::Rv64)});
}

void GdbSessionTest::guestExitIsReported() {
    const ElfImage program = guest(Xlen::Rv64);
    auto machine = machineFor(program, Engine::Translator);
    Client client(*machine);
    // Stop at guest_exit and change its argument: the guest exits with 7.
    const std::uint64_t guestExit = symbol(program, "guest_exit");
    QVERIFY(client.runToMain(program));
    QCOMPARE(client.request("M" + hex(symbol(program, "released")) + ",4:01000000"), std::string("OK"));
    QCOMPARE(client.request("Z0," + hex(guestExit) + ",2"), std::string("OK"));
    QCOMPARE(client.continueToStop(), stopAt("05swbreak:;", guestExit, Xlen::Rv64));
    QCOMPARE(client.request("pa"), le(0, 8));  // main returned 0
    QCOMPARE(client.request("Pa=" + le(7, 8)), std::string("OK"));
    QCOMPARE(client.request("z0," + hex(guestExit) + ",2"), std::string("OK"));
    QCOMPARE(client.continueToStop(), std::string("W07"));
    QCOMPARE(client.session().ending(), GdbSession::Ending::GuestExited);
    QCOMPARE(client.session().exitCode(), 7);
}

void GdbSessionTest::detachAndKill() {
    const ElfImage program = guest(Xlen::Rv64);
    auto machine = machineFor(program, Engine::Translator);
    {
        Client client(*machine);
        QCOMPARE(client.request("Z0," + hex(symbol(program, "add_step")) + ",2"), std::string("OK"));
        QCOMPARE(client.request("Z2," + hex(symbol(program, "counter")) + ",8"), std::string("OK"));
        QCOMPARE(client.request("D"), std::string("OK"));
        QCOMPARE(client.session().ending(), GdbSession::Ending::Detached);
        QVERIFY(machine->breakpoints().empty());
        QVERIFY(machine->watchpoints().empty());
        QCOMPARE(client.request("qC"), std::string("<no reply>"));  // it has ended
    }
    {
        Client client(*machine);
        QCOMPARE(client.request("D;1"), std::string("OK"));
        QCOMPARE(client.session().ending(), GdbSession::Ending::Detached);
    }
    {
        Client client(*machine);
        QCOMPARE(client.request("k"), std::string("<no reply>"));
        QCOMPARE(client.session().ending(), GdbSession::Ending::Killed);
    }
    {
        Client client(*machine);
        QCOMPARE(client.request("vKill;1"), std::string("OK"));
        QCOMPARE(client.session().ending(), GdbSession::Ending::Killed);
    }
}

void GdbSessionTest::monitorCommands() {
    const ElfImage program = guest(Xlen::Rv64);
    auto translated = machineFor(program, Engine::Translator);
    Client client(*translated);
    QVERIFY(monitorText(client, "help").find("monitor cache") != std::string::npos);
    QVERIFY(client.request("s").starts_with("T05"));
    translated->run(5000);  // something for the cache
    const std::uint64_t blocks = translated->dispatcher()->cache().liveBlocks();
    QVERIFY(blocks > 0);
    const std::string cache = monitorText(client, "cache");
    QVERIFY2(cache.find("translation cache:") != std::string::npos, cache.c_str());
    QVERIFY2(cache.find(std::to_string(blocks) + " live blocks") != std::string::npos, cache.c_str());
    QVERIFY(monitorText(client, " flush ").find("flushed") != std::string::npos);
    QCOMPARE(translated->dispatcher()->cache().liveBlocks(), std::size_t{0});
    QVERIFY(monitorText(client, "frobnicate").find("unknown monitor command 'frobnicate'") != std::string::npos);
    QCOMPARE(client.request("qRcmd,6"), std::string("E01"));
    // While a watchpoint is set the cache is not used, and the report says so.
    QCOMPARE(client.request("Z2," + hex(symbol(program, "counter")) + ",8"), std::string("OK"));
    QVERIFY(monitorText(client, "cache").find("watchpoints are set") != std::string::npos);

    auto interpreted = machineFor(program, Engine::Interpreter);
    Client other(*interpreted);
    QVERIFY(monitorText(other, "cache").find("interpreter") != std::string::npos);
    QVERIFY(monitorText(other, "flush").find("interpreter") != std::string::npos);
}

void GdbSessionTest::malformedRequests_data() {
    QTest::addColumn<QString>("request");
    QTest::addColumn<QString>("reply");
    QTest::newRow("empty packet") << "" << "";
    QTest::newRow("unknown command") << "!" << "";
    QTest::newRow("m without arguments") << "m" << "E01";
    QTest::newRow("m without length") << "m80000000" << "E01";
    QTest::newRow("m with a bad address") << "mzz,4" << "E01";
    QTest::newRow("m of nothing") << "m80000000,0" << "E01";
    QTest::newRow("m with a huge address") << "m11111111111111111,4" << "E01";
    QTest::newRow("M without data") << "M80000000,4" << "E01";
    QTest::newRow("M with odd hex") << "M80000000,2:abc" << "E01";
    QTest::newRow("M longer than said") << "M80000000,1:abcd" << "E01";
    QTest::newRow("X shorter than said") << "X80000000,5:ab" << "E01";
    QTest::newRow("G too short") << "G00" << "E01";
    QTest::newRow("p without number") << "p" << "E01";
    QTest::newRow("P without value") << "P5" << "E01";
    QTest::newRow("P with bad hex") << "P5=zzzzzzzzzzzzzzzz" << "E0e";
    QTest::newRow("Z without arguments") << "Z0" << "E01";
    QTest::newRow("Z of an unknown kind") << "Z9,80000000,4" << "";
    QTest::newRow("Z2 of nothing") << "Z2,80000000,0" << "E01";
    QTest::newRow("c at a bad address") << "czz" << "E01";
    QTest::newRow("vCont with a bad action") << "vCont;x" << "E01";
    QTest::newRow("vCont with nothing") << "vCont;" << "E01";
    QTest::newRow("qXfer without range") << "qXfer:features:read:target.xml" << "E01";
    QTest::newRow("qXfer of another object") << "qXfer:features:read:other.xml:0,10" << "E01";
    QTest::newRow("T of another thread") << "T2" << "E01";
    QTest::newRow("qRcmd with bad hex") << "qRcmd,zz" << "E01";
}

void GdbSessionTest::malformedRequests() {
    QFETCH(QString, request);
    QFETCH(QString, reply);
    auto machine = machineFor(guest(Xlen::Rv64), Engine::Translator);
    Client client(*machine);
    const HartState before = machine->state();
    QCOMPARE(QString::fromStdString(client.request(request.toStdString())), reply);
    QVERIFY(!client.session().ended());
    QVERIFY(!client.session().running());
    QCOMPARE(machine->state().pc, before.pc);
    QCOMPARE(client.request("qC"), std::string("QC1"));  // still talking
    // Damaged framing: '}' or '*' at the end of a payload.
    client.received().clear();
    client.sendRaw("$m}#" + le(('m' + '}') & 0xff, 1));
    QCOMPARE(client.received(), "+" + framePacket("E01"));
}

void GdbSessionTest::tooLongPacketEndsTheSession() {
    auto machine = machineFor(guest(Xlen::Rv64), Engine::Translator);
    Client client(*machine);
    const std::uint64_t before = readRam(*machine, memory_map::kRamBase, 8);
    client.sendRaw("$X80000000,4001:" + std::string(kMaxPayload, 'a') + "#00");
    QCOMPARE(client.session().ending(), GdbSession::Ending::ProtocolError);
    QVERIFY(client.session().problem().find("longer than 16384 bytes") != std::string::npos);
    QCOMPARE(readRam(*machine, memory_map::kRamBase, 8), before);
    QCOMPARE(client.request("qC"), std::string("<no reply>"));
}

void GdbSessionTest::randomStreamsNeverBreakIt() {
    // Random requests built from the protocol's own letters, digits and
    // separators, with random bytes between them. The session must answer
    // or refuse each and stay usable; ASan and UBSan watch the rest.
    const ElfImage program = guest(Xlen::Rv64);
    auto machine = machineFor(program, Engine::Translator);
    std::mt19937 random(2024);
    const std::string alphabet = "?cCsSgGpPmMXzZqQvkDHT0123456789abcdefx,:;=-+$#}*";
    const std::vector<std::string> prefixes = {"m8000", "M8000", "X8000", "p", "P", "Z0,", "z2,", "vCont;",
                                               "qXfer:features:read:target.xml:", "qRcmd,", "G", "H", ""};
    auto client = std::make_unique<Client>(*machine);
    int answered = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string payload = prefixes[random() % prefixes.size()];
        for (std::size_t n = random() % 40; n > 0; --n) payload.push_back(alphabet[random() % alphabet.size()]);
        std::string noise;
        for (std::size_t n = random() % 4; n > 0; --n) noise.push_back(static_cast<char>(random()));
        client->sendRaw(noise + framePacket(payload));
        if (client->session().running()) client->session().interrupt();
        if (client->session().ended()) {
            client = std::make_unique<Client>(*machine);
            machine->reset();
            continue;
        }
        if (client->request("qC") == "QC1") ++answered;
    }
    QVERIFY(answered > 1000);
    client.reset();
    QVERIFY(machine->breakpoints().empty());
    QVERIFY(machine->watchpoints().empty());
}

QTEST_APPLESS_MAIN(GdbSessionTest)
#include "GdbSessionTest.moc"
