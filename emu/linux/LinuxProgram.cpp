#include "linux/LinuxProgram.h"

#include <elf.h>

#include <algorithm>

#include "mem/MemoryMap.h"

namespace glasshart {

bool isLinuxProgram(const ElfImage& program) {
    const ElfLoadInfo& info = program.loadInfo();
    if (info.interpreter || info.osAbi == ELFOSABI_LINUX) return true;
    const auto& segments = program.segments();
    const auto lowest = std::min_element(segments.begin(), segments.end(), [](const auto& a, const auto& b) {
        return a.virtualAddress < b.virtualAddress;
    });
    return lowest != segments.end() && lowest->virtualAddress < memory_map::kRamBase;
}

std::optional<std::string> linuxProgramProblem(const ElfImage& program) {
    const ElfLoadInfo& info = program.loadInfo();
    if (info.interpreter) {
        return "is dynamically linked (it needs the dynamic linker " + *info.interpreter +
               "), which user mode cannot load: link it with -static";
    }
    if (info.osAbi != ELFOSABI_SYSV && info.osAbi != ELFOSABI_LINUX) {
        return "is for another operating system (EI_OSABI " + std::to_string(info.osAbi) +
               "), not Linux";
    }
    return std::nullopt;
}

}  // namespace glasshart
