#include "machine/ElfImage.h"

#include <elf.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <system_error>
#include <utility>

namespace glasshart {

static_assert(std::endian::native == std::endian::little,
              "ELF structures are read by copying little-endian file bytes into host structs");

namespace {

std::string hex(std::uint64_t value) {
    std::array<char, 16> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value, 16);
    return "0x" + std::string(digits.data(), result.ptr);
}

std::string systemMessage(int error) { return std::generic_category().message(error); }

// The machine a foreign ELF is for, for the "not RISC-V" message.
std::string machineName(unsigned machine) {
    switch (machine) {
    case EM_NONE: return "no machine";
    case EM_SPARC: return "SPARC";
    case EM_386: return "x86 (i386)";
    case EM_68K: return "Motorola 68000";
    case EM_MIPS: return "MIPS";
    case EM_PPC: return "PowerPC";
    case EM_PPC64: return "PowerPC64";
    case EM_S390: return "IBM S/390";
    case EM_ARM: return "32-bit ARM";
    case EM_SH: return "SuperH";
    case EM_SPARCV9: return "SPARC V9";
    case EM_IA_64: return "IA-64";
    case EM_X86_64: return "x86-64";
    case EM_AARCH64: return "AArch64";
    case EM_BPF: return "eBPF";
    case 258: return "LoongArch";  // EM_LOONGARCH, newer than some <elf.h>
    default: return "";
    }
}

// Closes a POSIX file descriptor on scope exit.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    [[nodiscard]] int get() const { return fd_; }

private:
    int fd_;
};

// The structure types of one ELF class.
template <class EhdrT, class PhdrT, class ShdrT, class SymT, Xlen kXlen>
struct Layout {
    using Ehdr = EhdrT;
    using Phdr = PhdrT;
    using Shdr = ShdrT;
    using Sym = SymT;
    static constexpr Xlen xlen = kXlen;
    static constexpr std::uint64_t addressLimit = kXlen == Xlen::Rv32 ? std::uint64_t{1} << 32 : 0;  // 0: 2^64
};
using Elf32Layout = Layout<Elf32_Ehdr, Elf32_Phdr, Elf32_Shdr, Elf32_Sym, Xlen::Rv32>;
using Elf64Layout = Layout<Elf64_Ehdr, Elf64_Phdr, Elf64_Shdr, Elf64_Sym, Xlen::Rv64>;

}  // namespace

// Reads one ELF file held in memory into an ElfImage; every read is checked
// against the file's size first.
class ElfParser {
public:
    ElfParser(std::span<const std::uint8_t> bytes, std::string_view fileName) : bytes_(bytes), fileName_(fileName) {}

    ElfImage parse() {
        image_.fileName_ = fileName_;
        checkIdentification();
        if (bytes_[EI_CLASS] == ELFCLASS32) {
            parseAs<Elf32Layout>();
        } else {
            parseAs<Elf64Layout>();
        }
        image_.indexSymbols();
        return std::move(image_);
    }

private:
    [[noreturn]] void fail(const std::string& reason) const { throw ElfError(fileName_ + ": " + reason); }

    // Whether [offset, offset + length) lies inside the file.
    [[nodiscard]] bool inFile(std::uint64_t offset, std::uint64_t length) const {
        return offset <= bytes_.size() && length <= bytes_.size() - offset;
    }

    template <class T>
    [[nodiscard]] T readAt(std::uint64_t offset) const {
        T value;
        std::memcpy(&value, bytes_.data() + offset, sizeof value);  // range checked by the caller
        return value;
    }

    [[nodiscard]] std::string fileSize() const { return std::to_string(bytes_.size()) + " bytes"; }

    void checkIdentification() const {
        static constexpr std::array<std::uint8_t, SELFMAG> kMagic = {ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3};
        if (bytes_.empty()) fail("empty file");
        const std::size_t magicBytes = std::min<std::size_t>(bytes_.size(), SELFMAG);
        if (!std::equal(bytes_.begin(), bytes_.begin() + static_cast<std::ptrdiff_t>(magicBytes), kMagic.begin())) {
            fail("not an ELF file (bad magic number)");
        }
        if (bytes_.size() < EI_NIDENT) fail("truncated ELF header (file is " + fileSize() + ")");
        const unsigned elfClass = bytes_[EI_CLASS];
        if (elfClass != ELFCLASS32 && elfClass != ELFCLASS64) {
            fail("bad ELF class " + std::to_string(elfClass) + " (expected 1 for ELF32 or 2 for ELF64)");
        }
        const unsigned encoding = bytes_[EI_DATA];
        if (encoding == ELFDATA2MSB) fail("big-endian ELF file; RISC-V executables are little-endian");
        if (encoding != ELFDATA2LSB) fail("bad ELF data encoding " + std::to_string(encoding));
        if (bytes_[EI_VERSION] != EV_CURRENT) {
            fail("unsupported ELF version " + std::to_string(bytes_[EI_VERSION]));
        }
    }

    template <class L>
    void parseAs() {
        using Ehdr = typename L::Ehdr;
        if (!inFile(0, sizeof(Ehdr))) {
            fail("truncated ELF header (file is " + fileSize() + ", the header needs " +
                 std::to_string(sizeof(Ehdr)) + ")");
        }
        const auto header = readAt<Ehdr>(0);
        if (header.e_machine != EM_RISCV) {
            const std::string name = machineName(header.e_machine);
            fail("not a RISC-V executable: " +
                 (name.empty() ? "e_machine is " + std::to_string(header.e_machine)
                               : "it is for " + name + " (e_machine " + std::to_string(header.e_machine) + ")"));
        }
        switch (header.e_type) {
        case ET_EXEC:
        case ET_DYN:
            break;
        case ET_REL:
            fail("a relocatable object file (ET_REL), not an executable: link it first");
        case ET_CORE:
            fail("a core dump (ET_CORE), not an executable");
        default:
            fail("not an executable (e_type " + std::to_string(header.e_type) + ")");
        }
        image_.xlen_ = L::xlen;
        image_.entry_ = header.e_entry;
        image_.loadInfo_.osAbi = bytes_[EI_OSABI];
        image_.loadInfo_.positionIndependent = header.e_type == ET_DYN;

        // Program headers come first so that a file cut short in them says
        // so; only extended numbering (e_phnum == PN_XNUM) needs section 0
        // before them.
        std::optional<SectionTable> sections;
        if (header.e_phnum == PN_XNUM) sections = sectionTable<L>(header);
        readSegments<L>(header, sections.value_or(SectionTable{}));
        if (!sections) sections = sectionTable<L>(header);
        readSymbols<L>(*sections);
    }

    struct SectionTable {
        std::uint64_t offset = 0;
        std::uint64_t count = 0;
        std::uint64_t entrySize = 0;
    };

    // The section header table's place, or count 0 if there is none.
    template <class L>
    SectionTable sectionTable(const typename L::Ehdr& header) const {
        using Shdr = typename L::Shdr;
        SectionTable table;
        if (header.e_shoff == 0) return table;
        table.offset = header.e_shoff;
        table.entrySize = header.e_shentsize;
        if (table.entrySize < sizeof(Shdr)) {
            fail("bad section header entry size " + std::to_string(table.entrySize) + " (need at least " +
                 std::to_string(sizeof(Shdr)) + ")");
        }
        table.count = header.e_shnum;
        if (table.count == 0) {
            // Extended numbering (gABI, "Sections"): the real count is in
            // section 0's sh_size.
            if (!inFile(table.offset, sizeof(Shdr))) truncatedSections(table, 1);
            table.count = readAt<Shdr>(table.offset).sh_size;
        }
        // Bounding the count by the file first keeps count * entrySize from overflowing.
        if (table.count > bytes_.size() / table.entrySize || !inFile(table.offset, table.count * table.entrySize)) {
            truncatedSections(table, table.count);
        }
        return table;
    }

    [[noreturn]] void truncatedSections(const SectionTable& table, std::uint64_t count) const {
        fail("truncated section headers (" + std::to_string(count) + " x " + std::to_string(table.entrySize) +
             " bytes at " + hex(table.offset) + ", file is " + fileSize() + ")");
    }

    template <class L>
    [[nodiscard]] typename L::Shdr section(const SectionTable& table, std::uint64_t index) const {
        return readAt<typename L::Shdr>(table.offset + index * table.entrySize);
    }

    template <class L>
    void readSegments(const typename L::Ehdr& header, const SectionTable& sections) {
        using Phdr = typename L::Phdr;
        std::uint64_t count = header.e_phnum;
        if (count == PN_XNUM && sections.count > 0) {
            // Extended numbering: the real count is in section 0's sh_info.
            count = section<L>(sections, 0).sh_info;
        }
        if (count == 0) fail("no PT_LOAD segment (the file has no program headers)");
        const std::uint64_t entrySize = header.e_phentsize;
        if (entrySize < sizeof(Phdr)) {
            fail("bad program header entry size " + std::to_string(entrySize) + " (need at least " +
                 std::to_string(sizeof(Phdr)) + ")");
        }
        if (!inFile(header.e_phoff, count * entrySize)) {
            fail("truncated program headers (" + std::to_string(count) + " x " + std::to_string(entrySize) +
                 " bytes at " + hex(header.e_phoff) + ", file is " + fileSize() + ")");
        }
        ElfLoadInfo& info = image_.loadInfo_;
        info.programHeaderCount = count;
        info.programHeaderSize = entrySize;
        bool sawLoad = false;
        for (std::uint64_t i = 0; i < count; ++i) {
            const auto ph = readAt<Phdr>(header.e_phoff + i * entrySize);
            if (ph.p_type == PT_INTERP) info.interpreter = interpreterPath(ph.p_offset, ph.p_filesz);
            if (ph.p_type == PT_PHDR) info.programHeaderAddress = ph.p_vaddr;
            if (ph.p_type != PT_LOAD) continue;
            sawLoad = true;
            const std::string what = "segment " + std::to_string(i);
            if (ph.p_filesz > ph.p_memsz) {
                fail(what + ": file size " + hex(ph.p_filesz) + " exceeds memory size " + hex(ph.p_memsz));
            }
            if (!inFile(ph.p_offset, ph.p_filesz)) {
                fail(what + ": its " + hex(ph.p_filesz) + " file bytes at offset " + hex(ph.p_offset) +
                     " run past the end of the file (" + fileSize() + ")");
            }
            const std::uint64_t address = ph.p_paddr;
            const std::uint64_t memorySize = ph.p_memsz;
            // The segment may end at the top of the address space, not past it
            // (for ELF64, 2^64 - address is ~address + 1 when address != 0).
            const bool overflows = L::addressLimit == 0 ? address != 0 && memorySize > ~address + 1
                                                        : address + memorySize > L::addressLimit;
            if (overflows) {
                fail(what + ": " + hex(memorySize) + " bytes at " + hex(address) +
                     " run past the end of the address space");
            }
            if (memorySize == 0) continue;
            // The headers' load address, as the kernel's loader computes it
            // when there is no PT_PHDR: the segment whose file bytes hold them.
            if (!info.programHeaderAddress && header.e_phoff >= ph.p_offset &&
                header.e_phoff - ph.p_offset < ph.p_filesz) {
                info.programHeaderAddress = ph.p_vaddr + (header.e_phoff - ph.p_offset);
            }
            const auto first = bytes_.begin() + static_cast<std::ptrdiff_t>(ph.p_offset);
            image_.segments_.push_back(ElfSegment{
                address, memorySize, std::vector<std::uint8_t>(first, first + static_cast<std::ptrdiff_t>(ph.p_filesz)),
                (ph.p_flags & PF_X) != 0, ph.p_vaddr, (ph.p_flags & PF_W) != 0});
        }
        if (!sawLoad || image_.segments_.empty()) fail("no PT_LOAD segment with contents");
    }

    // PT_INTERP's contents: the NUL-terminated path of the dynamic linker.
    [[nodiscard]] std::string interpreterPath(std::uint64_t offset, std::uint64_t size) const {
        if (!inFile(offset, size)) {
            fail("PT_INTERP: its " + hex(size) + " bytes at offset " + hex(offset) + " run past the end of the file (" +
                 fileSize() + ")");
        }
        const auto path = bytes_.subspan(offset, size);
        return std::string(path.begin(), std::find(path.begin(), path.end(), std::uint8_t{0}));
    }

    template <class L>
    void readSymbols(const SectionTable& sections) {
        using Shdr = typename L::Shdr;
        using Sym = typename L::Sym;
        for (std::uint64_t index = 0; index < sections.count; ++index) {
            const Shdr symtab = section<L>(sections, index);
            if (symtab.sh_type != SHT_SYMTAB) continue;

            if (!inFile(symtab.sh_offset, symtab.sh_size)) {
                fail("truncated symbol table (" + std::to_string(symtab.sh_size) + " bytes at " +
                     hex(symtab.sh_offset) + ", file is " + fileSize() + ")");
            }
            if (symtab.sh_entsize != sizeof(Sym)) {
                fail("bad symbol table entry size " + std::to_string(symtab.sh_entsize) + " (expected " +
                     std::to_string(sizeof(Sym)) + ")");
            }
            if (symtab.sh_link == 0 || symtab.sh_link >= sections.count) {
                fail("the symbol table's string table (section " + std::to_string(symtab.sh_link) +
                     ") does not exist");
            }
            const Shdr strtab = section<L>(sections, symtab.sh_link);
            if (strtab.sh_type != SHT_STRTAB) {
                fail("the symbol table's string table (section " + std::to_string(symtab.sh_link) +
                     ") is not a string table");
            }
            if (!inFile(strtab.sh_offset, strtab.sh_size)) {
                fail("truncated string table (" + std::to_string(strtab.sh_size) + " bytes at " +
                     hex(strtab.sh_offset) + ", file is " + fileSize() + ")");
            }
            const auto strings = bytes_.subspan(strtab.sh_offset, strtab.sh_size);

            const std::uint64_t count = symtab.sh_size / sizeof(Sym);
            for (std::uint64_t i = 1; i < count; ++i) {  // entry 0 is the reserved null symbol
                const auto sym = readAt<Sym>(symtab.sh_offset + i * sizeof(Sym));
                const unsigned type = sym.st_info & 0xf;
                const unsigned binding = sym.st_info >> 4;
                if (sym.st_shndx == SHN_UNDEF || sym.st_name == 0) continue;
                if (type != STT_FUNC && type != STT_OBJECT && type != STT_NOTYPE) continue;
                std::string name = stringAt(strings, sym.st_name, i);
                if (name.empty() || isMappingSymbol(name)) continue;
                image_.symbols_.push_back(
                    ElfSymbol{std::move(name), sym.st_value, sym.st_size, type == STT_FUNC});
                image_.ranks_.push_back(
                    ElfImage::SymbolRank{static_cast<std::uint8_t>(type), static_cast<std::uint8_t>(binding)});
            }
            return;  // an executable has one symbol table
        }
    }

    [[nodiscard]] std::string stringAt(std::span<const std::uint8_t> strings, std::uint64_t offset,
                                       std::uint64_t symbolIndex) const {
        if (offset >= strings.size()) {
            fail("symbol " + std::to_string(symbolIndex) + ": name offset " + hex(offset) +
                 " is outside the string table (" + std::to_string(strings.size()) + " bytes)");
        }
        const auto rest = strings.subspan(offset);
        const auto end = std::find(rest.begin(), rest.end(), std::uint8_t{0});
        if (end == rest.end()) {
            fail("symbol " + std::to_string(symbolIndex) + ": name runs past the end of the string table");
        }
        return std::string(rest.begin(), end);
    }

    // RISC-V psABI mapping symbols mark code ("$x", "$x<isa string>") and
    // data ("$d"); they name no function or object.
    [[nodiscard]] static bool isMappingSymbol(std::string_view name) {
        return name.starts_with("$x") || name.starts_with("$d");
    }

    std::span<const std::uint8_t> bytes_;
    std::string fileName_;
    ElfImage image_;
};

ElfImage ElfImage::parse(std::span<const std::uint8_t> bytes, std::string_view fileNameForErrors) {
    return ElfParser(bytes, fileNameForErrors).parse();
}

ElfImage ElfImage::load(const std::filesystem::path& file) {
    const std::string name = file.string();
    auto fail = [&name](const std::string& reason) -> ElfError { return ElfError(name + ": " + reason); };

    // O_NONBLOCK so that a FIFO cannot hang us in open(); it is refused below.
    const FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0) throw fail("cannot open: " + systemMessage(errno));
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0) throw fail("cannot stat: " + systemMessage(errno));
    if (S_ISDIR(status.st_mode)) throw fail("is a directory, not an ELF file");
    if (!S_ISREG(status.st_mode)) throw fail("not a regular file");
    if (status.st_size == 0) throw fail("empty file");

    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(status.st_size));
    std::size_t filled = 0;
    while (filled < bytes.size()) {
        const ssize_t got = ::read(fd.get(), bytes.data() + filled, bytes.size() - filled);
        if (got < 0) {
            if (errno == EINTR) continue;
            throw fail("read error: " + systemMessage(errno));
        }
        if (got == 0) break;  // the file shrank while we read it
        filled += static_cast<std::size_t>(got);
    }
    bytes.resize(filled);
    return parse(bytes, name);
}

// --- symbols ---------------------------------------------------------------

bool ElfImage::better(std::size_t a, std::size_t b) const {
    // FUNC before OBJECT before NOTYPE, then GLOBAL before WEAK before LOCAL.
    auto typeRank = [](std::uint8_t type) { return type == STT_FUNC ? 0 : type == STT_OBJECT ? 1 : 2; };
    auto bindingRank = [](std::uint8_t binding) { return binding == STB_GLOBAL ? 0 : binding == STB_WEAK ? 1 : 2; };
    const int typeA = typeRank(ranks_[a].type);
    const int typeB = typeRank(ranks_[b].type);
    if (typeA != typeB) return typeA < typeB;
    return bindingRank(ranks_[a].binding) < bindingRank(ranks_[b].binding);
}

void ElfImage::indexSymbols() {
    byAddress_.resize(symbols_.size());
    for (std::size_t i = 0; i < symbols_.size(); ++i) byAddress_[i] = i;
    std::stable_sort(byAddress_.begin(), byAddress_.end(),
                     [this](std::size_t a, std::size_t b) { return symbols_[a].address < symbols_[b].address; });

    maxEndBefore_.resize(byAddress_.size());
    std::uint64_t maxEnd = 0;
    for (std::size_t i = 0; i < byAddress_.size(); ++i) {
        const ElfSymbol& symbol = symbols_[byAddress_[i]];
        if (symbol.size != 0) {
            // Saturate: a symbol reaching the top of the address space ends there.
            const std::uint64_t end = symbol.size > ~std::uint64_t{0} - symbol.address ? ~std::uint64_t{0}
                                                                                         : symbol.address + symbol.size;
            maxEnd = std::max(maxEnd, end);
        }
        maxEndBefore_[i] = maxEnd;
    }

    auto bindingRank = [](std::uint8_t binding) { return binding == STB_GLOBAL ? 0 : binding == STB_WEAK ? 1 : 2; };
    for (std::size_t i = 0; i < symbols_.size(); ++i) {
        auto [it, inserted] = byName_.try_emplace(symbols_[i].name, i);
        if (!inserted && bindingRank(ranks_[i].binding) < bindingRank(ranks_[it->second].binding)) it->second = i;
    }
}

std::optional<std::uint64_t> ElfImage::symbolAddress(std::string_view name) const {
    const auto it = byName_.find(name);
    if (it == byName_.end()) return std::nullopt;
    return symbols_[it->second].address;
}

std::optional<std::string> ElfImage::describeAddress(std::uint64_t address) const {
    auto contains = [&](std::size_t index) {
        const ElfSymbol& symbol = symbols_[index];
        return address >= symbol.address && address - symbol.address < symbol.size;
    };
    auto describe = [&](std::size_t index) {
        const ElfSymbol& symbol = symbols_[index];
        const std::uint64_t offset = address - symbol.address;
        return offset == 0 ? symbol.name : symbol.name + "+" + hex(offset);
    };

    // Position just past the last symbol starting at or below `address`.
    const auto upper = std::upper_bound(byAddress_.begin(), byAddress_.end(), address,
                                        [this](std::uint64_t value, std::size_t index) {
                                            return value < symbols_[index].address;
                                        });
    std::size_t end = static_cast<std::size_t>(upper - byAddress_.begin());
    if (end == 0) return std::nullopt;

    // The symbols sharing the greatest start: an enclosing sized one, else a label.
    const std::uint64_t nearest = symbols_[byAddress_[end - 1]].address;
    std::optional<std::size_t> sized;
    std::optional<std::size_t> label;
    std::size_t i = end;
    while (i > 0 && symbols_[byAddress_[i - 1]].address == nearest) {
        const std::size_t index = byAddress_[--i];
        if (symbols_[index].size == 0) {
            if (!label || better(index, *label)) label = index;
        } else if (contains(index) && (!sized || better(index, *sized))) {
            sized = index;
        }
    }
    if (sized) return describe(*sized);
    if (label) return describe(*label);

    // Those end below `address`: look for an earlier symbol that encloses it,
    // stopping once no earlier symbol reaches that far.
    while (i > 0 && maxEndBefore_[i - 1] > address) {
        const std::size_t index = byAddress_[--i];
        if (contains(index)) return describe(index);
    }
    return std::nullopt;
}

// --- loading -----------------------------------------------------------------

void ElfImage::copyInto(Ram& ram) const {
    const std::uint64_t ramEnd = ram.base() + ram.size();
    for (std::size_t i = 0; i < segments_.size(); ++i) {
        const ElfSegment& segment = segments_[i];
        if (!ram.contains(segment.address, segment.memorySize)) {
            throw ElfError(fileName_ + ": segment " + std::to_string(i) + " at " + hex(segment.address) + "-" +
                           hex(segment.address + segment.memorySize) + " (" + hex(segment.memorySize) +
                           " bytes) does not fit in RAM at " + hex(ram.base()) + "-" + hex(ramEnd));
        }
    }
    for (const ElfSegment& segment : segments_) {
        std::uint8_t* destination = ram.at(segment.address);
        if (!segment.bytes.empty()) std::memcpy(destination, segment.bytes.data(), segment.bytes.size());
        std::memset(destination + segment.bytes.size(), 0, segment.memorySize - segment.bytes.size());
    }
}

}  // namespace glasshart
