#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "isa/Instruction.h"

namespace glasshart {
class Hart;
}

namespace glasshart::gdb {

// Register numbers as the stub and gdb exchange them (the target
// description's regnum, used by p/P and stop replies). They follow gdb's own
// RISC-V numbering: x0..x31, pc, f0..f31, every CSR at 65 + its address, and
// the virtual "priv" register (the hart's privilege mode) after the CSRs.
inline constexpr unsigned kPcRegister = 32;
inline constexpr unsigned kFirstFloatRegister = 33;
inline constexpr unsigned kFloatRegisterCount = 32;
inline constexpr unsigned kFirstCsrRegister = 65;
inline constexpr unsigned kCsrSpace = 4096;
inline constexpr unsigned kPrivRegister = kFirstCsrRegister + kCsrSpace;
// The 'g' packet holds x0..x31 and pc; gdb reads the others with 'p'.
inline constexpr unsigned kGPacketRegisters = 33;

// The CSRs the description lists: those named in isa/Csrs.def (or in the
// PMP ranges) that `hart` implements, that is, that a debugger can read. The
// FP CSRs (fflags, frm, fcsr) are not among them: the FPU feature holds them.
[[nodiscard]] std::vector<std::uint16_t> describedCsrs(const Hart& hart);

// The width gdb is told a register has, in bits: XLEN for x, pc, the CSRs
// and priv; FLEN (64: the hart has D) for f; 32 for the FP CSRs, as gdb's
// own RISC-V descriptions have them.
[[nodiscard]] unsigned registerBits(unsigned regnum, Xlen xlen);

// The target description XML (gdb manual, "Target Descriptions"): features
// org.gnu.gdb.riscv.cpu, .fpu, .csr (with `csrs`) and .virtual.
[[nodiscard]] std::string targetDescription(Xlen xlen, std::span<const std::uint16_t> csrs);

}  // namespace glasshart::gdb
