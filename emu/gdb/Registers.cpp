#include "gdb/Registers.h"

#include "gdb/Hex.h"
#include "gdb/TargetDescription.h"
#include "machine/Machine.h"

namespace glasshart::gdb {
namespace {

bool isFloatRegister(unsigned regnum) {
    return regnum >= kFirstFloatRegister && regnum < kFirstFloatRegister + kFloatRegisterCount;
}

std::optional<std::uint16_t> csrOf(unsigned regnum) {
    if (regnum < kFirstCsrRegister || regnum >= kFirstCsrRegister + kCsrSpace) return std::nullopt;
    return static_cast<std::uint16_t>(regnum - kFirstCsrRegister);
}

std::optional<std::uint64_t> registerValue(Machine& machine, unsigned regnum) {
    const HartState& state = machine.state();
    const Hart& hart = machine.hart();
    if (regnum < 32) return hart.truncate(state.x[regnum]);
    if (regnum == kPcRegister) return hart.truncate(state.pc);
    if (isFloatRegister(regnum)) return state.f[regnum - kFirstFloatRegister];
    if (regnum == kPrivRegister) return static_cast<std::uint64_t>(state.privilege);
    if (const auto csr = csrOf(regnum)) return hart.debugReadCsr(*csr);
    return std::nullopt;
}

}  // namespace

std::optional<std::string> readRegister(Machine& machine, unsigned regnum) {
    const auto value = registerValue(machine, regnum);
    if (!value) return std::nullopt;
    return registerToHex(*value, registerBits(regnum, machine.config().xlen) / 8);
}

bool writeRegister(Machine& machine, unsigned regnum, std::string_view hex) {
    if (!registerValue(machine, regnum)) return false;
    const auto value = registerFromHex(hex, registerBits(regnum, machine.config().xlen) / 8);
    if (!value) return false;
    HartState& state = machine.state();
    Hart& hart = machine.hart();
    if (regnum < 32) {
        if (regnum != 0) state.x[regnum] = hart.truncate(*value);
        return true;
    }
    if (regnum == kPcRegister) {
        // IALIGN is 16 with the C extension: bit 0 of pc is always zero.
        state.pc = hart.truncate(*value & ~std::uint64_t{1});
        return true;
    }
    if (isFloatRegister(regnum)) {
        state.f[regnum - kFirstFloatRegister] = *value;
        if (hart.floatEnabled()) hart.markFloatDirty();
        return true;
    }
    if (const auto csr = csrOf(regnum)) return hart.debugWriteCsr(*csr, *value);
    return false;  // priv: changing the mode under the guest's feet is not offered
}

}  // namespace glasshart::gdb
