// The F and D extensions (unprivileged ISA chapters 11 and 12) in the
// interpreter: operand access (NaN-boxing), rounding-mode selection, fflags
// accrual and mstatus.FS. The arithmetic itself is emu/fpu's.

#include <optional>

#include "fpu/Arithmetic.h"
#include "fpu/Comparison.h"
#include "fpu/Conversion.h"
#include "fpu/NanBoxing.h"
#include "fpu/SignAndClass.h"
#include "interp/Interpreter.h"

namespace glasshart {
namespace {

using fpu::FloatFormat;
using fpu::FpResult;
using fpu::kDouble;
using fpu::kSingle;
using fpu::RoundingMode;

std::uint64_t sext32(std::uint64_t value) {
    return static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int32_t>(value)));
}

// The format an instruction computes in: its fmt field, except that the
// conversions between formats name the source format here.
FloatFormat formatOf(Opcode opcode) {
    switch (opcode) {
    case Opcode::FmaddD: case Opcode::FmsubD: case Opcode::FnmsubD: case Opcode::FnmaddD:
    case Opcode::FaddD: case Opcode::FsubD: case Opcode::FmulD: case Opcode::FdivD: case Opcode::FsqrtD:
    case Opcode::FsgnjD: case Opcode::FsgnjnD: case Opcode::FsgnjxD: case Opcode::FminD: case Opcode::FmaxD:
    case Opcode::FcvtSD: case Opcode::FeqD: case Opcode::FltD: case Opcode::FleD: case Opcode::FclassD:
    case Opcode::FcvtWD: case Opcode::FcvtWuD: case Opcode::FcvtDW: case Opcode::FcvtDWu:
    case Opcode::FcvtLD: case Opcode::FcvtLuD: case Opcode::FcvtDL: case Opcode::FcvtDLu:
        return kDouble;
    default:
        return kSingle;
    }
}

bool isSingle(FloatFormat format) { return format.width() == kSingle.width(); }

// An f register read as `format`: a single must be NaN-boxed (12.2).
std::uint64_t readOperand(const HartState& s, unsigned index, FloatFormat format) {
    return isSingle(format) ? fpu::unboxSingle(s.f[index]) : s.f[index];
}

std::uint64_t toRegister(std::uint64_t bits, FloatFormat format) {
    return isSingle(format) ? fpu::boxSingle(bits) : bits;
}

bool hasRoundingMode(OperandFormat format) {
    return format == OperandFormat::FR4 || format == OperandFormat::FRegRm || format == OperandFormat::FUnaryRm ||
           format == OperandFormat::FToIntRm || format == OperandFormat::IntToFRm;
}

// rm 0-4 name a mode; 7 takes frm; 5, 6 and a dynamic frm of 5-7 are
// reserved, which makes the instruction illegal (11.2).
std::optional<RoundingMode> roundingMode(std::uint8_t rm, std::uint8_t frm) {
    constexpr std::uint8_t kDynamic = 7;
    constexpr std::uint8_t kLastValid = static_cast<std::uint8_t>(RoundingMode::NearestMaxMagnitude);
    const std::uint8_t effective = rm == kDynamic ? frm : rm;
    if (effective > kLastValid) return std::nullopt;
    return static_cast<RoundingMode>(effective);
}

// Where a result goes: an f register (already boxed) or an x register.
struct FloatOutcome {
    bool toFloatRegister;
    std::uint64_t value;
    std::uint8_t flags;
};

FloatOutcome inF(FloatFormat format, FpResult r) { return {true, toRegister(r.bits, format), r.flags}; }
FloatOutcome inX(std::uint64_t value, std::uint8_t flags = 0) { return {false, value, flags}; }

fpu::FusedKind fusedKind(Opcode opcode) {
    switch (opcode) {
    case Opcode::FmaddS: case Opcode::FmaddD: return fpu::FusedKind::MultiplyAdd;
    case Opcode::FmsubS: case Opcode::FmsubD: return fpu::FusedKind::MultiplySubtract;
    case Opcode::FnmsubS: case Opcode::FnmsubD: return fpu::FusedKind::NegatedMultiplySubtract;
    default: return fpu::FusedKind::NegatedMultiplyAdd;
    }
}

// Float to integer: the 32-bit results are sign-extended to XLEN, even the
// unsigned ones (11.7).
FloatOutcome toInteger(FloatFormat format, std::uint64_t a, bool isSigned, unsigned width, RoundingMode mode) {
    const FpResult r = isSigned ? fpu::toSignedInteger(format, a, width, mode)
                                : fpu::toUnsignedInteger(format, a, width, mode);
    return inX(width == 32 ? sext32(r.bits) : r.bits, r.flags);
}

std::optional<FloatOutcome> compute(const DecodedInstruction& d, const HartState& s, RoundingMode mode) {
    const FloatFormat format = formatOf(d.opcode);
    const std::uint64_t a = readOperand(s, d.rs1, format);
    const std::uint64_t b = readOperand(s, d.rs2, format);
    const std::uint64_t xa = s.x[d.rs1];
    switch (d.opcode) {
    case Opcode::FaddS: case Opcode::FaddD: return inF(format, fpu::add(format, a, b, mode));
    case Opcode::FsubS: case Opcode::FsubD: return inF(format, fpu::subtract(format, a, b, mode));
    case Opcode::FmulS: case Opcode::FmulD: return inF(format, fpu::multiply(format, a, b, mode));
    case Opcode::FdivS: case Opcode::FdivD: return inF(format, fpu::divide(format, a, b, mode));
    case Opcode::FsqrtS: case Opcode::FsqrtD: return inF(format, fpu::squareRoot(format, a, mode));
    case Opcode::FmaddS: case Opcode::FmsubS: case Opcode::FnmsubS: case Opcode::FnmaddS:
    case Opcode::FmaddD: case Opcode::FmsubD: case Opcode::FnmsubD: case Opcode::FnmaddD:
        return inF(format, fpu::fusedMultiplyAdd(format, fusedKind(d.opcode), a, b,
                                                 readOperand(s, d.rs3, format), mode));
    case Opcode::FsgnjS: case Opcode::FsgnjD:
        return inF(format, {fpu::injectSign(format, fpu::SignInjection::Copy, a, b), 0});
    case Opcode::FsgnjnS: case Opcode::FsgnjnD:
        return inF(format, {fpu::injectSign(format, fpu::SignInjection::Negate, a, b), 0});
    case Opcode::FsgnjxS: case Opcode::FsgnjxD:
        return inF(format, {fpu::injectSign(format, fpu::SignInjection::Xor, a, b), 0});
    case Opcode::FminS: case Opcode::FminD: return inF(format, fpu::minimum(format, a, b));
    case Opcode::FmaxS: case Opcode::FmaxD: return inF(format, fpu::maximum(format, a, b));
    case Opcode::FeqS: case Opcode::FeqD: { const FpResult r = fpu::equal(format, a, b); return inX(r.bits, r.flags); }
    case Opcode::FltS: case Opcode::FltD: { const FpResult r = fpu::less(format, a, b); return inX(r.bits, r.flags); }
    case Opcode::FleS: case Opcode::FleD: {
        const FpResult r = fpu::lessOrEqual(format, a, b);
        return inX(r.bits, r.flags);
    }
    case Opcode::FclassS: case Opcode::FclassD: return inX(fpu::classMask(format, a));
    case Opcode::FcvtWS: case Opcode::FcvtWD: return toInteger(format, a, true, 32, mode);
    case Opcode::FcvtWuS: case Opcode::FcvtWuD: return toInteger(format, a, false, 32, mode);
    case Opcode::FcvtLS: case Opcode::FcvtLD: return toInteger(format, a, true, 64, mode);
    case Opcode::FcvtLuS: case Opcode::FcvtLuD: return toInteger(format, a, false, 64, mode);
    case Opcode::FcvtSW: case Opcode::FcvtDW:
        return inF(format, fpu::fromSignedInteger(format, static_cast<std::int32_t>(xa), mode));
    case Opcode::FcvtSWu: case Opcode::FcvtDWu:
        return inF(format, fpu::fromUnsignedInteger(format, static_cast<std::uint32_t>(xa), mode));
    case Opcode::FcvtSL: case Opcode::FcvtDL:
        return inF(format, fpu::fromSignedInteger(format, static_cast<std::int64_t>(xa), mode));
    case Opcode::FcvtSLu: case Opcode::FcvtDLu: return inF(format, fpu::fromUnsignedInteger(format, xa, mode));
    case Opcode::FcvtSD: return inF(kSingle, fpu::convertFormat(kDouble, kSingle, a, mode));
    case Opcode::FcvtDS: return inF(kDouble, fpu::convertFormat(kSingle, kDouble, a, mode));
    // The moves transfer bits unchanged, NaN-boxed or not (11.8, 12.5).
    case Opcode::FmvXW: return inX(sext32(s.f[d.rs1]));
    case Opcode::FmvXD: return inX(s.f[d.rs1]);
    case Opcode::FmvWX: return FloatOutcome{true, fpu::boxSingle(xa), 0};
    case Opcode::FmvDX: return FloatOutcome{true, xa, 0};
    default: return std::nullopt;
    }
}

}  // namespace

Completion Interpreter::executeFloat(const DecodedInstruction& d) {
    // With FS = Off every F/D instruction is illegal (privileged spec 3.1.6.6).
    if (!hart_.floatEnabled()) return illegal(d);
    const InstructionInfo& info = d.info();
    if (info.has(kLoad)) return executeFloatLoad(d);
    if (info.has(kStore)) return executeFloatStore(d);
    HartState& s = hart_.state();
    // Instructions without an rm field are unaffected by the mode.
    std::optional<RoundingMode> mode = RoundingMode::NearestEven;
    if (hasRoundingMode(info.format)) mode = roundingMode(d.rm, s.frm);
    if (!mode) return illegal(d);
    const std::optional<FloatOutcome> outcome = compute(d, s, *mode);
    if (!outcome) return illegal(d);
    if (outcome->toFloatRegister) {
        s.f[d.rd] = outcome->value;
        hart_.markFloatDirty();
    } else if (d.rd != 0) {
        s.x[d.rd] = hart_.truncate(outcome->value);
    }
    if (outcome->flags != 0) {
        s.fflags |= outcome->flags;
        hart_.markFloatDirty();
    }
    s.pc = hart_.truncate(s.pc + d.length);
    return Completion::Retired;
}

Completion Interpreter::executeFloatLoad(const DecodedInstruction& d) {
    HartState& s = hart_.state();
    const unsigned size = d.info().accessBytes;
    std::uint64_t value = 0;
    if (!readData(hart_.truncate(s.x[d.rs1] + static_cast<std::uint64_t>(d.imm)), size, value)) {
        return Completion::Trapped;
    }
    s.f[d.rd] = size == 4 ? fpu::boxSingle(value) : value;
    hart_.markFloatDirty();
    s.pc = hart_.truncate(s.pc + d.length);
    return Completion::Retired;
}

Completion Interpreter::executeFloatStore(const DecodedInstruction& d) {
    HartState& s = hart_.state();
    const unsigned size = d.info().accessBytes;
    // fsw stores the register's low 32 bits whether or not they are boxed (11.5).
    const std::uint64_t value = size == 4 ? s.f[d.rs2] & 0xffff'ffffull : s.f[d.rs2];
    if (!writeData(hart_.truncate(s.x[d.rs1] + static_cast<std::uint64_t>(d.imm)), size, value)) {
        return Completion::Trapped;
    }
    s.pc = hart_.truncate(s.pc + d.length);
    return Completion::Retired;
}

}  // namespace glasshart
