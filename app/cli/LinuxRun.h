#pragma once

#include "CliOptions.h"
#include "interp/Interpreter.h"
#include "machine/ElfImage.h"

namespace glasshart::cli {

// Whether PROGRAM runs in user mode under these options (--mode, or what
// the ELF says under --mode auto).
[[nodiscard]] bool runsInUserMode(const CliOptions& options, const ElfImage& program);

// Runs a Linux program in user mode as qemu-riscv64 would, with the host's
// standard streams and environment; returns glasshart-cli's exit status.
// `trace`, when set, sees every executed block.
int runLinuxProgram(const CliOptions& options, const ElfImage& program, const BlockObserver& trace);

}  // namespace glasshart::cli
