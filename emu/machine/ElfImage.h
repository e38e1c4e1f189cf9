#pragma once
// A RISC-V ELF executable (ELF32 or ELF64, little-endian) as the machine
// loads it: its loadable segments, its entry point and its symbols.
//
// Format: the System V gABI's "Object Files" and "Program Loading" chapters
// and the RISC-V ELF psABI (e_machine 243 = EM_RISCV). Decisions:
// * Segments are placed at p_paddr, as QEMU's -kernel ELF loader does (it is
//   the same as p_vaddr for everything linked to run bare-metal). Segments
//   with p_memsz 0 are left out.
// * ET_EXEC and ET_DYN are both accepted. An ET_DYN (PIE) image is placed at
//   its link addresses without relocation, as QEMU places it; a PIE linked
//   for RAM works, one linked at 0 is rejected by copyInto(). ET_REL (an
//   object file) and ET_CORE are rejected.
// * Errors are ElfError, whose what() is one line "<file>: <reason>". Every
//   offset and size read from the file is range-checked before use, with
//   overflow-free arithmetic, so a corrupt or hostile file yields an error,
//   never a crash, and never makes us allocate more than the file's size.
// * Symbols come from the first SHT_SYMTAB section (found through the
//   section headers; its sh_link names the string table). A stripped file
//   has none, which is not an error. Kept: named, defined (st_shndx not
//   SHN_UNDEF) symbols of type FUNC, OBJECT or NOTYPE (assembly labels such
//   as _start and tohost are NOTYPE); left out: section and file symbols,
//   TLS, and the psABI's mapping symbols ("$x...", "$d...").
// * symbolAddress() prefers a GLOBAL definition, then WEAK, then LOCAL.
// * describeAddress() names an address as objdump's "<...>" does:
//   "main" or "main+0x10". It uses the symbol with the greatest start at or
//   below the address: a sized one only if the address is inside it
//   (preferring FUNC, then OBJECT, then GLOBAL binding), a zero-sized one
//   (a label) for anything up to the next symbol. If the nearest symbols
//   end before the address it looks for an earlier sized symbol that still
//   encloses it; failing that, std::nullopt.
// * For running a Linux program (emu/linux) each segment also keeps p_vaddr
//   and PF_W, and loadInfo() has EI_OSABI, ET_DYN, PT_INTERP's path and where
//   the program headers are once loaded (the auxiliary vector's AT_PHDR).
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "isa/Instruction.h"
#include "mem/Ram.h"

namespace glasshart {

struct ElfSegment {
    std::uint64_t address;        // p_paddr
    std::uint64_t memorySize;     // p_memsz
    std::vector<std::uint8_t> bytes;  // the first p_filesz bytes; the rest is zero
    bool executable;              // PF_X
    std::uint64_t virtualAddress = 0;  // p_vaddr: where a Linux process maps it
    bool writable = false;             // PF_W
};

// What a Linux program loader needs besides the segments (gABI "Program
// Loading" and "Dynamic Linking"; the kernel's ELF loader hands the program
// header facts to the program in its auxiliary vector).
struct ElfLoadInfo {
    std::uint8_t osAbi = 0;                   // e_ident[EI_OSABI]
    bool positionIndependent = false;         // ET_DYN
    std::optional<std::string> interpreter;   // PT_INTERP's path: the program is dynamically linked
    std::uint64_t programHeaderCount = 0;     // e_phnum, or the extended count
    std::uint64_t programHeaderSize = 0;      // e_phentsize
    // Where the program headers are in memory once loaded: PT_PHDR's
    // p_vaddr, else the PT_LOAD segment whose file bytes include them.
    std::optional<std::uint64_t> programHeaderAddress;
};

struct ElfSymbol {
    std::string name;
    std::uint64_t address;
    std::uint64_t size;
    bool isFunction;              // STT_FUNC
};

class ElfError : public std::runtime_error {
public:
    using runtime_error::runtime_error;
};

class ElfImage {
public:
    // Reads and parses `file`; ElfError for a missing, unreadable, empty or
    // non-regular file as for a malformed one.
    static ElfImage load(const std::filesystem::path& file);
    static ElfImage parse(std::span<const std::uint8_t> bytes, std::string_view fileNameForErrors);

    [[nodiscard]] const std::string& fileName() const { return fileName_; }
    [[nodiscard]] Xlen xlen() const { return xlen_; }
    [[nodiscard]] std::uint64_t entry() const { return entry_; }
    [[nodiscard]] const std::vector<ElfSegment>& segments() const { return segments_; }
    [[nodiscard]] const std::vector<ElfSymbol>& symbols() const { return symbols_; }
    [[nodiscard]] const ElfLoadInfo& loadInfo() const { return loadInfo_; }

    [[nodiscard]] std::optional<std::uint64_t> symbolAddress(std::string_view name) const;
    [[nodiscard]] std::optional<std::string> describeAddress(std::uint64_t address) const;

    // Copies every segment into RAM and zero-fills its p_memsz tail. Checks
    // all segments first, so on error (a segment even partly outside RAM:
    // ElfError naming both ranges) RAM is left untouched.
    void copyInto(Ram& ram) const;

private:
    friend class ElfParser;

    // Per-symbol facts describeAddress() and symbolAddress() rank by.
    struct SymbolRank {
        std::uint8_t type;     // STT_*
        std::uint8_t binding;  // STB_*
    };

    ElfImage() = default;
    void indexSymbols();
    [[nodiscard]] bool better(std::size_t a, std::size_t b) const;

    std::string fileName_;
    Xlen xlen_ = Xlen::Rv64;
    std::uint64_t entry_ = 0;
    std::vector<ElfSegment> segments_;
    std::vector<ElfSymbol> symbols_;
    ElfLoadInfo loadInfo_;
    std::vector<SymbolRank> ranks_;              // parallel to symbols_
    std::vector<std::size_t> byAddress_;         // symbols_ indices sorted by address
    std::vector<std::uint64_t> maxEndBefore_;    // max end of sized symbols in byAddress_[0..i]
    std::map<std::string, std::size_t, std::less<>> byName_;
};

}  // namespace glasshart
