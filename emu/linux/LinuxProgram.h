#pragma once

#include <optional>
#include <string>

#include "machine/ElfImage.h"

namespace glasshart {

// Whether `program` is a Linux user program rather than a bare-metal one
// for the virt board: it asks for a dynamic linker, says it is for Linux
// (EI_OSABI), or is linked below the board's RAM at 0x8000_0000, where a
// bare-metal program has nothing to run from. This is what --mode auto
// and the window go by.
[[nodiscard]] bool isLinuxProgram(const ElfImage& program);

// Why a Linux program cannot run in user mode, as a sentence to follow its
// file name; nullopt if it can.
[[nodiscard]] std::optional<std::string> linuxProgramProblem(const ElfImage& program);

}  // namespace glasshart
