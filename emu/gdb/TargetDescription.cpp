#include "gdb/TargetDescription.h"

#include "hart/Hart.h"
#include "isa/CsrAddress.h"
#include "isa/Disassembler.h"

namespace glasshart::gdb {
namespace {

constexpr std::uint16_t csr(CsrAddress address) { return static_cast<std::uint16_t>(address); }

bool isFloatCsr(std::uint16_t address) {
    return address == csr(CsrAddress::Fflags) || address == csr(CsrAddress::Frm) || address == csr(CsrAddress::Fcsr);
}

unsigned xlenBits(Xlen xlen) { return static_cast<unsigned>(xlen); }

// gdb shows a register of type code_ptr or data_ptr as an address (with a
// symbol), one of type int as a number.
const char* integerRegisterType(unsigned index) {
    switch (index) {
    case 1: return "code_ptr";                      // ra
    case 2: case 3: case 4: case 8: return "data_ptr";  // sp, gp, tp, s0/fp
    default: return "int";
    }
}

void appendRegister(std::string& xml, std::string_view name, unsigned regnum, Xlen xlen, std::string_view type) {
    xml += "    <reg name=\"";
    xml += name;
    xml += "\" bitsize=\"" + std::to_string(registerBits(regnum, xlen)) + "\" regnum=\"" + std::to_string(regnum) +
           "\" type=\"";
    xml += type;
    xml += "\"/>\n";
}

void appendCpu(std::string& xml, Xlen xlen) {
    xml += "  <feature name=\"org.gnu.gdb.riscv.cpu\">\n";
    for (unsigned i = 0; i < 32; ++i) appendRegister(xml, abiRegisterName(i), i, xlen, integerRegisterType(i));
    appendRegister(xml, "pc", kPcRegister, xlen, "code_ptr");
    xml += "  </feature>\n";
}

void appendFpu(std::string& xml, Xlen xlen) {
    // An f register holds a double or a NaN-boxed single (unprivileged ISA
    // 12.2): gdb shows both views of it.
    xml += "  <feature name=\"org.gnu.gdb.riscv.fpu\">\n"
           "    <union id=\"riscv_double\">\n"
           "      <field name=\"float\" type=\"ieee_single\"/>\n"
           "      <field name=\"double\" type=\"ieee_double\"/>\n"
           "    </union>\n";
    for (unsigned i = 0; i < kFloatRegisterCount; ++i) {
        appendRegister(xml, floatAbiRegisterName(i), kFirstFloatRegister + i, xlen, "riscv_double");
    }
    for (const auto address : {CsrAddress::Fflags, CsrAddress::Frm, CsrAddress::Fcsr}) {
        appendRegister(xml, *csrName(csr(address)), kFirstCsrRegister + csr(address), xlen, "int");
    }
    xml += "  </feature>\n";
}

void appendCsrs(std::string& xml, Xlen xlen, std::span<const std::uint16_t> csrs) {
    xml += "  <feature name=\"org.gnu.gdb.riscv.csr\">\n";
    for (const std::uint16_t address : csrs) {
        const auto name = csrName(address);
        if (name) appendRegister(xml, *name, kFirstCsrRegister + address, xlen, "int");
    }
    xml += "  </feature>\n";
}

}  // namespace

std::vector<std::uint16_t> describedCsrs(const Hart& hart) {
    std::vector<std::uint16_t> csrs;
    for (unsigned address = 0; address < kCsrSpace; ++address) {
        const auto number = static_cast<std::uint16_t>(address);
        if (isFloatCsr(number) || !csrName(number)) continue;
        if (hart.debugReadCsr(number)) csrs.push_back(number);
    }
    return csrs;
}

unsigned registerBits(unsigned regnum, Xlen xlen) {
    if (regnum >= kFirstFloatRegister && regnum < kFirstFloatRegister + kFloatRegisterCount) return 64;
    if (regnum >= kFirstCsrRegister && regnum < kFirstCsrRegister + kCsrSpace &&
        isFloatCsr(static_cast<std::uint16_t>(regnum - kFirstCsrRegister))) {
        return 32;
    }
    return xlenBits(xlen);
}

std::string targetDescription(Xlen xlen, std::span<const std::uint16_t> csrs) {
    std::string xml =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
        "<target version=\"1.0\">\n"
        "  <architecture>riscv:rv" + std::to_string(xlenBits(xlen)) + "</architecture>\n";
    appendCpu(xml, xlen);
    appendFpu(xml, xlen);
    appendCsrs(xml, xlen, csrs);
    xml += "  <feature name=\"org.gnu.gdb.riscv.virtual\">\n";
    appendRegister(xml, "priv", kPrivRegister, xlen, "int");
    xml += "  </feature>\n"
           "</target>\n";
    return xml;
}

}  // namespace glasshart::gdb
