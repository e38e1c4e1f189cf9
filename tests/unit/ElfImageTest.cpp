// ElfImage on real ELF32 and ELF64 files from the cross compiler
// (elf_sample.S), and on every kind of bad input, made by cutting and
// corrupting copies of those files' bytes.
#include <QtTest>

#include <elf.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "machine/ElfImage.h"
#include "mem/MemoryMap.h"
#include "mem/Ram.h"

using glasshart::ElfError;
using glasshart::ElfImage;
using glasshart::ElfSegment;
using glasshart::Ram;
using glasshart::Xlen;
namespace memory_map = glasshart::memory_map;

namespace {

using Bytes = std::vector<std::uint8_t>;

const char* const kName = "sample.elf";

Bytes readFile(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
}

const Bytes& sample(int xlen) {
    static const Bytes rv32 = readFile(GLASSHART_GUEST_DIR "/unit-elf-sample-rv32.elf");
    static const Bytes rv64 = readFile(GLASSHART_GUEST_DIR "/unit-elf-sample-rv64.elf");
    return xlen == 32 ? rv32 : rv64;
}

// The message parse() gives, or a marker when it accepts the bytes.
QString errorOf(const Bytes& bytes) {
    try {
        ElfImage::parse(bytes, kName);
    } catch (const ElfError& error) {
        return QString::fromStdString(error.what());
    }
    return QStringLiteral("<accepted>");
}

QString loadErrorOf(const std::filesystem::path& path) {
    try {
        ElfImage::load(path);
    } catch (const ElfError& error) {
        return QString::fromStdString(error.what());
    }
    return QStringLiteral("<accepted>");
}

QString expected(const std::string& reason) { return QString::fromStdString(std::string(kName) + ": " + reason); }

// Reads and patches the structures of one ELF class in a copy of a file.
template <class EhdrT, class PhdrT, class ShdrT, class SymT>
struct Editor {
    using Ehdr = EhdrT;
    using Phdr = PhdrT;
    using Shdr = ShdrT;
    using Sym = SymT;

    Bytes bytes;

    template <class T>
    T get(std::uint64_t offset) const {
        T value;
        std::memcpy(&value, bytes.data() + offset, sizeof value);
        return value;
    }
    template <class T>
    void put(std::uint64_t offset, const T& value) {
        std::memcpy(bytes.data() + offset, &value, sizeof value);
    }

    Ehdr header() const { return get<Ehdr>(0); }
    void setHeader(const Ehdr& header) { put(0, header); }

    std::uint64_t phOffset(unsigned i) const { return header().e_phoff + std::uint64_t{i} * header().e_phentsize; }
    Phdr ph(unsigned i) const { return get<Phdr>(phOffset(i)); }
    void setPh(unsigned i, const Phdr& p) { put(phOffset(i), p); }
    unsigned firstLoad() const {
        for (unsigned i = 0; i < header().e_phnum; ++i) {
            if (ph(i).p_type == PT_LOAD) return i;
        }
        QTest::qFail("no PT_LOAD in the sample", __FILE__, __LINE__);
        return 0;
    }

    std::uint64_t shOffset(unsigned i) const { return header().e_shoff + std::uint64_t{i} * header().e_shentsize; }
    Shdr sh(unsigned i) const { return get<Shdr>(shOffset(i)); }
    void setSh(unsigned i, const Shdr& s) { put(shOffset(i), s); }
    unsigned sectionOfType(unsigned type) const {
        for (unsigned i = 0; i < header().e_shnum; ++i) {
            if (sh(i).sh_type == type) return i;
        }
        QTest::qFail("section type missing from the sample", __FILE__, __LINE__);
        return 0;
    }
    unsigned symtab() const { return sectionOfType(SHT_SYMTAB); }
    unsigned strtab() const { return sh(symtab()).sh_link; }
};
using Editor32 = Editor<Elf32_Ehdr, Elf32_Phdr, Elf32_Shdr, Elf32_Sym>;
using Editor64 = Editor<Elf64_Ehdr, Elf64_Phdr, Elf64_Shdr, Elf64_Sym>;

// Runs `check` on an editor over a fresh copy of each sample.
template <class F>
void forBothClasses(F&& check) {
    check(Editor32{sample(32)});
    if (QTest::currentTestFailed()) return;
    check(Editor64{sample(64)});
}

std::string hex(std::uint64_t value) {
    char text[24];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
    return text;
}

}  // namespace

class ElfImageTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(!sample(32).empty(), "unit-elf-sample-rv32.elf is missing: build the ElfImageTest target");
        QVERIFY2(!sample(64).empty(), "unit-elf-sample-rv64.elf is missing: build the ElfImageTest target");
    }

    // --- good files ------------------------------------------------------

    void readsBothClasses_data() {
        QTest::addColumn<int>("xlen");
        QTest::newRow("ELF32") << 32;
        QTest::newRow("ELF64") << 64;
    }
    void readsBothClasses() {
        QFETCH(int, xlen);
        const ElfImage image = ElfImage::parse(sample(xlen), kName);
        QCOMPARE(image.fileName(), std::string(kName));
        QVERIFY(image.xlen() == (xlen == 32 ? Xlen::Rv32 : Xlen::Rv64));
        QCOMPARE(image.entry(), memory_map::kRamBase);
        QCOMPARE(image.symbolAddress("_start"), std::optional<std::uint64_t>(image.entry()));

        // virt.ld puts everything in one RWX PT_LOAD; .bss and the stack are
        // its zero-filled tail.
        QCOMPARE(image.segments().size(), std::size_t{1});
        const ElfSegment& segment = image.segments()[0];
        QCOMPARE(segment.address, memory_map::kRamBase);
        QVERIFY(segment.executable);
        QVERIFY(segment.bytes.size() < segment.memorySize);
        const std::uint64_t bss = *image.symbolAddress("__bss_start");
        QCOMPARE(segment.address + segment.bytes.size(), bss);
        QCOMPARE(segment.address + segment.memorySize, *image.symbolAddress("__stack_top"));

        // The code bytes are the file's: main starts with auipc (la a0, counter).
        const std::uint64_t main = *image.symbolAddress("main");
        std::uint32_t firstInstruction = 0;
        std::memcpy(&firstInstruction, segment.bytes.data() + (main - segment.address), 4);
        QCOMPARE(firstInstruction & 0x7f, 0x17u);
        // The initialised data is there too.
        const std::uint64_t counter = *image.symbolAddress("counter");
        std::uint64_t counterValue = 0;
        std::memcpy(&counterValue, segment.bytes.data() + (counter - segment.address), 8);
        QCOMPARE(counterValue, 0x1122334455667788ull);
    }

    void symbols_data() { readsBothClasses_data(); }
    void symbols() {
        QFETCH(int, xlen);
        const ElfImage image = ElfImage::parse(sample(xlen), kName);
        auto find = [&](const std::string& name) -> const glasshart::ElfSymbol* {
            for (const auto& symbol : image.symbols()) {
                if (symbol.name == name) return &symbol;
            }
            return nullptr;
        };
        const auto* main = find("main");
        QVERIFY(main != nullptr);
        QVERIFY(main->isFunction);
        QCOMPARE(main->size, std::uint64_t{18});  // la (8) + lw, addi, sw, li, ret (2 each)
        const auto* helper = find("helper");
        QVERIFY(helper != nullptr && helper->isFunction && helper->size == 4);
        const auto* counter = find("counter");
        QVERIFY(counter != nullptr && !counter->isFunction && counter->size == 8);
        const auto* pointer = find("pointer");
        QVERIFY(pointer != nullptr);
        QCOMPARE(pointer->size, std::uint64_t(xlen / 8));
        const auto* buffer = find("buffer");
        QVERIFY(buffer != nullptr && buffer->size == 256);
        const auto* tohost = find("tohost");
        QVERIFY(tohost != nullptr && !tohost->isFunction && tohost->size == 0);
        QCOMPARE(image.symbolAddress("fromhost"), std::optional<std::uint64_t>(tohost->address + 8));
        QVERIFY(find("spin") != nullptr);  // a local label

        // Left out: section and file symbols, mapping symbols, the null symbol.
        for (const auto& symbol : image.symbols()) {
            QVERIFY2(!symbol.name.empty(), "empty name");
            QVERIFY2(symbol.name[0] != '$', symbol.name.c_str());
            QVERIFY2(symbol.name[0] != '.', symbol.name.c_str());
            QVERIFY2(symbol.name.find(".o") == std::string::npos, symbol.name.c_str());
        }
        QCOMPARE(image.symbolAddress("no_such_symbol"), std::optional<std::uint64_t>());
    }

    void describeAddress_data() { readsBothClasses_data(); }
    void describeAddress() {
        QFETCH(int, xlen);
        const ElfImage image = ElfImage::parse(sample(xlen), kName);
        auto at = [&](const char* name) { return *image.symbolAddress(name); };
        auto describe = [&](std::uint64_t address) {
            const auto text = image.describeAddress(address);
            return text ? QString::fromStdString(*text) : QStringLiteral("<none>");
        };
        QCOMPARE(describe(at("_start")), QStringLiteral("_start"));
        QCOMPARE(describe(at("_start") + 2), QStringLiteral("_start+0x2"));
        QCOMPARE(describe(at("spin")), QStringLiteral("spin"));  // the nearest start wins
        QCOMPARE(describe(at("main")), QStringLiteral("main"));
        QCOMPARE(describe(at("main") + 0x10), QStringLiteral("main+0x10"));
        QCOMPARE(describe(at("helper") + 2), QStringLiteral("helper+0x2"));
        QCOMPARE(describe(at("message") + 9), QStringLiteral("message+0x9"));
        QCOMPARE(describe(at("counter") + 7), QStringLiteral("counter+0x7"));
        QCOMPARE(describe(at("buffer") + 0xff), QStringLiteral("buffer+0xff"));
        QCOMPARE(describe(at("tohost") + 4), QStringLiteral("tohost+0x4"));  // a label covers up to the next symbol
        QCOMPARE(describe(at("fromhost")), QStringLiteral("fromhost"));
        // Between message's end and counter: nothing encloses it.
        QCOMPARE(describe(at("message") + 10), QStringLiteral("<none>"));
        QCOMPARE(describe(memory_map::kRamBase - 1), QStringLiteral("<none>"));
        QCOMPARE(describe(0), QStringLiteral("<none>"));
        // __stack_top and __heap_start share an address: the earlier symbol wins, every time.
        const QString top = describe(at("__stack_top"));
        QVERIFY(top == QStringLiteral("__stack_top") || top == QStringLiteral("__heap_start"));
        QCOMPARE(describe(at("__stack_top")), top);
    }

    void etDynIsAccepted() {
        forBothClasses([](auto e) {
            auto header = e.header();
            header.e_type = ET_DYN;
            e.setHeader(header);
            const ElfImage image = ElfImage::parse(e.bytes, kName);
            QCOMPARE(image.segments().front().address, memory_map::kRamBase);  // not relocated
        });
    }

    void strippedFileHasNoSymbols() {
        forBothClasses([](auto e) {
            auto header = e.header();
            header.e_shoff = 0;
            header.e_shnum = 0;
            header.e_shstrndx = 0;
            e.setHeader(header);
            const ElfImage image = ElfImage::parse(e.bytes, kName);
            QVERIFY(image.symbols().empty());
            QCOMPARE(image.entry(), memory_map::kRamBase);
            QCOMPARE(image.symbolAddress("main"), std::optional<std::uint64_t>());
            QCOMPARE(image.describeAddress(memory_map::kRamBase), std::optional<std::string>());
        });
    }

    void symbolTableWithoutSymbols() {
        forBothClasses([](auto e) {
            auto symtab = e.sh(e.symtab());
            symtab.sh_size = sizeof(typename decltype(e)::Sym);  // just the null symbol
            e.setSh(e.symtab(), symtab);
            QVERIFY(ElfImage::parse(e.bytes, kName).symbols().empty());
        });
    }

    // --- copyInto --------------------------------------------------------

    void copyIntoRam_data() { readsBothClasses_data(); }
    void copyIntoRam() {
        QFETCH(int, xlen);
        const ElfImage image = ElfImage::parse(sample(xlen), kName);
        Ram ram(memory_map::kRamBase, 1 << 20);
        const ElfSegment& segment = image.segments()[0];
        std::memset(ram.at(segment.address), 0xaa, segment.memorySize + 16);
        image.copyInto(ram);
        QCOMPARE(std::memcmp(ram.at(segment.address), segment.bytes.data(), segment.bytes.size()), 0);
        const std::uint64_t buffer = *image.symbolAddress("buffer");
        for (std::uint64_t i = 0; i < 256; ++i) QCOMPARE(*ram.at(buffer + i), std::uint8_t{0});  // .bss zeroed
        QCOMPARE(*ram.at(segment.address + segment.memorySize - 1), std::uint8_t{0});
        QCOMPARE(*ram.at(segment.address + segment.memorySize), std::uint8_t{0xaa});  // nothing past memsz
        std::uint64_t counter = 0;
        std::memcpy(&counter, ram.at(*image.symbolAddress("counter")), 8);
        QCOMPARE(counter, 0x1122334455667788ull);
    }

    void copyIntoRejectsSegmentsOutsideRam() {
        const ElfImage image = ElfImage::parse(sample(64), kName);
        const ElfSegment& segment = image.segments()[0];
        const std::string range = hex(segment.address) + "-" + hex(segment.address + segment.memorySize) + " (" +
                                  hex(segment.memorySize) + " bytes)";
        {
            // Wholly outside: RAM starts above the image.
            Ram ram(0x9000'0000, 1 << 20);
            try {
                image.copyInto(ram);
                QFAIL("copyInto accepted a segment outside RAM");
            } catch (const ElfError& error) {
                QCOMPARE(QString(error.what()),
                         expected("segment 0 at " + range + " does not fit in RAM at 0x90000000-0x90100000"));
            }
        }
        {
            // Partly outside: RAM too small for the .bss/stack tail. RAM is untouched.
            Ram ram(memory_map::kRamBase, 0x1000);
            std::memset(ram.at(memory_map::kRamBase), 0xaa, 0x1000);
            try {
                image.copyInto(ram);
                QFAIL("copyInto accepted a segment partly outside RAM");
            } catch (const ElfError& error) {
                QCOMPARE(QString(error.what()),
                         expected("segment 0 at " + range + " does not fit in RAM at 0x80000000-0x80001000"));
            }
            QCOMPARE(*ram.at(memory_map::kRamBase), std::uint8_t{0xaa});
        }
    }

    // --- files -----------------------------------------------------------

    void loadsFromDisk() {
        const ElfImage image = ElfImage::load(GLASSHART_GUEST_DIR "/unit-elf-sample-rv32.elf");
        QVERIFY(image.xlen() == Xlen::Rv32);
        QCOMPARE(image.fileName(), std::string(GLASSHART_GUEST_DIR "/unit-elf-sample-rv32.elf"));
    }

    void missingFile() {
        QCOMPARE(loadErrorOf("/nonexistent/dir/guest.elf"),
                 QStringLiteral("/nonexistent/dir/guest.elf: cannot open: No such file or directory"));
    }

    void directory() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.path().toStdString();
        QCOMPARE(loadErrorOf(path), QString::fromStdString(path + ": is a directory, not an ELF file"));
    }

    void emptyFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("empty.elf").toStdString();
        std::ofstream(path).close();
        QCOMPARE(loadErrorOf(path), QString::fromStdString(path + ": empty file"));
        QCOMPARE(errorOf({}), expected("empty file"));
    }

    void notAnElfFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("notes.txt").toStdString();
        std::ofstream(path) << "just some text\n";
        QCOMPARE(loadErrorOf(path), QString::fromStdString(path + ": not an ELF file (bad magic number)"));
    }

    void unreadableFile() {
        if (::geteuid() == 0) QSKIP("root reads files whatever their mode");
        QTemporaryDir dir;
        const std::string path = dir.filePath("secret.elf").toStdString();
        std::ofstream(path) << "x";
        std::filesystem::permissions(path, std::filesystem::perms::none);
        QCOMPARE(loadErrorOf(path), QString::fromStdString(path + ": cannot open: Permission denied"));
    }

    void notRiscV() {
        // A real host executable.
        const std::string path = "/bin/true";
        if (!std::filesystem::exists(path)) QSKIP("no /bin/true");
        QCOMPARE(loadErrorOf(path),
                 QString::fromStdString(path + ": not a RISC-V executable: it is for x86-64 (e_machine 62)"));
        forBothClasses([](auto e) {
            auto header = e.header();
            header.e_machine = EM_AARCH64;
            e.setHeader(header);
            QCOMPARE(errorOf(e.bytes), expected("not a RISC-V executable: it is for AArch64 (e_machine 183)"));
            header.e_machine = 9999;
            e.setHeader(header);
            QCOMPARE(errorOf(e.bytes), expected("not a RISC-V executable: e_machine is 9999"));
        });
    }

    // --- corrupt bytes ---------------------------------------------------

    void badMagic() {
        forBothClasses([](auto e) {
            e.bytes[1] = 'F';
            QCOMPARE(errorOf(e.bytes), expected("not an ELF file (bad magic number)"));
            QCOMPARE(errorOf(Bytes{0x7f, 'E', 'X'}), expected("not an ELF file (bad magic number)"));
        });
    }

    void truncatedHeader() {
        forBothClasses([](auto e) {
            using Ehdr = typename decltype(e)::Ehdr;
            QCOMPARE(errorOf(Bytes(e.bytes.begin(), e.bytes.begin() + 3)),
                     expected("truncated ELF header (file is 3 bytes)"));
            QCOMPARE(errorOf(Bytes(e.bytes.begin(), e.bytes.begin() + 10)),
                     expected("truncated ELF header (file is 10 bytes)"));
            QCOMPARE(errorOf(Bytes(e.bytes.begin(), e.bytes.begin() + 40)),
                     expected("truncated ELF header (file is 40 bytes, the header needs " +
                              std::to_string(sizeof(Ehdr)) + ")"));
        });
    }

    void badClassEncodingVersion() {
        forBothClasses([](auto e) {
            Bytes bytes = e.bytes;
            bytes[EI_CLASS] = 3;
            QCOMPARE(errorOf(bytes), expected("bad ELF class 3 (expected 1 for ELF32 or 2 for ELF64)"));
            bytes = e.bytes;
            bytes[EI_CLASS] = ELFCLASSNONE;
            QCOMPARE(errorOf(bytes), expected("bad ELF class 0 (expected 1 for ELF32 or 2 for ELF64)"));
            bytes = e.bytes;
            bytes[EI_DATA] = ELFDATA2MSB;
            QCOMPARE(errorOf(bytes), expected("big-endian ELF file; RISC-V executables are little-endian"));
            bytes = e.bytes;
            bytes[EI_DATA] = 7;
            QCOMPARE(errorOf(bytes), expected("bad ELF data encoding 7"));
            bytes = e.bytes;
            bytes[EI_VERSION] = 2;
            QCOMPARE(errorOf(bytes), expected("unsupported ELF version 2"));
        });
    }

    void notAnExecutable() {
        forBothClasses([](auto e) {
            auto header = e.header();
            header.e_type = ET_REL;
            e.setHeader(header);
            QCOMPARE(errorOf(e.bytes), expected("a relocatable object file (ET_REL), not an executable: link it first"));
            header.e_type = ET_CORE;
            e.setHeader(header);
            QCOMPARE(errorOf(e.bytes), expected("a core dump (ET_CORE), not an executable"));
            header.e_type = ET_NONE;
            e.setHeader(header);
            QCOMPARE(errorOf(e.bytes), expected("not an executable (e_type 0)"));
        });
    }

    void truncatedProgramHeaders() {
        forBothClasses([](auto e) {
            const auto header = e.header();
            const std::uint64_t cut = header.e_phoff + header.e_phentsize / 2;
            QCOMPARE(errorOf(Bytes(e.bytes.begin(), e.bytes.begin() + static_cast<std::ptrdiff_t>(cut))),
                     expected("truncated program headers (1 x " + std::to_string(header.e_phentsize) +
                              " bytes at " + hex(header.e_phoff) + ", file is " + std::to_string(cut) + " bytes)"));
        });
    }

    void hostileProgramHeaderFields() {
        forBothClasses([](auto e) {
            using Phdr = typename decltype(e)::Phdr;
            const auto original = e.header();
            auto header = original;
            header.e_phnum = 0xfff0;  // far more entries than the file holds
            e.setHeader(header);
            QVERIFY(errorOf(e.bytes).startsWith(expected("truncated program headers (65520 x ")));
            header = original;
            header.e_phoff = static_cast<decltype(header.e_phoff)>(~std::uint64_t{0} - 8);  // offset + size overflows
            e.setHeader(header);
            QVERIFY(errorOf(e.bytes).startsWith(expected("truncated program headers (1 x ")));
            header = original;
            header.e_phentsize = 8;
            e.setHeader(header);
            QCOMPARE(errorOf(e.bytes), expected("bad program header entry size 8 (need at least " +
                                                std::to_string(sizeof(Phdr)) + ")"));
            header = original;
            header.e_phnum = 0;
            e.setHeader(header);
            QCOMPARE(errorOf(e.bytes), expected("no PT_LOAD segment (the file has no program headers)"));
        });
    }

    void noLoadSegment() {
        forBothClasses([](auto e) {
            const unsigned load = e.firstLoad();
            auto ph = e.ph(load);
            ph.p_type = PT_NOTE;
            e.setPh(load, ph);
            QCOMPARE(errorOf(e.bytes), expected("no PT_LOAD segment with contents"));
            ph.p_type = PT_LOAD;
            ph.p_memsz = 0;
            ph.p_filesz = 0;
            e.setPh(load, ph);
            QCOMPARE(errorOf(e.bytes), expected("no PT_LOAD segment with contents"));
        });
    }

    void segmentPastTheEndOfTheFile() {
        forBothClasses([](auto e) {
            const unsigned load = e.firstLoad();
            const auto original = e.ph(load);
            auto ph = original;
            ph.p_offset = static_cast<decltype(ph.p_offset)>(e.bytes.size() - 4);
            e.setPh(load, ph);
            QCOMPARE(errorOf(e.bytes), expected("segment " + std::to_string(load) + ": its " + hex(ph.p_filesz) +
                                                " file bytes at offset " + hex(ph.p_offset) +
                                                " run past the end of the file (" + std::to_string(e.bytes.size()) +
                                                " bytes)"));
            // An offset so large that offset + size wraps around.
            ph.p_offset = static_cast<decltype(ph.p_offset)>(~std::uint64_t{0} - 0x10);
            e.setPh(load, ph);
            QVERIFY(errorOf(e.bytes).contains(QStringLiteral("run past the end of the file")));
            // A file size beyond the file (and beyond memory size: that is checked first).
            ph = original;
            ph.p_filesz = static_cast<decltype(ph.p_filesz)>(0x7fff'fff0);
            ph.p_memsz = ph.p_filesz;
            e.setPh(load, ph);
            QVERIFY(errorOf(e.bytes).contains(QStringLiteral("run past the end of the file")));
        });
    }

    void fileSizeAboveMemorySize() {
        forBothClasses([](auto e) {
            const unsigned load = e.firstLoad();
            auto ph = e.ph(load);
            ph.p_memsz = ph.p_filesz - 1;
            e.setPh(load, ph);
            QCOMPARE(errorOf(e.bytes), expected("segment " + std::to_string(load) + ": file size " +
                                                hex(ph.p_filesz) + " exceeds memory size " + hex(ph.p_memsz)));
        });
    }

    void segmentPastTheAddressSpace() {
        forBothClasses([](auto e) {
            using Ehdr = typename decltype(e)::Ehdr;
            constexpr bool is64 = sizeof(Ehdr) == sizeof(Elf64_Ehdr);
            const unsigned load = e.firstLoad();
            auto ph = e.ph(load);
            ph.p_paddr = static_cast<decltype(ph.p_paddr)>(is64 ? 0xffff'ffff'ffff'f000ull : 0xffff'f000ull);
            ph.p_memsz = 0x2000;
            ph.p_filesz = 0x10;
            e.setPh(load, ph);
            QCOMPARE(errorOf(e.bytes), expected("segment " + std::to_string(load) + ": 0x2000 bytes at " +
                                                hex(ph.p_paddr) + " run past the end of the address space"));
            ph.p_memsz = 0x1000;  // ending exactly at the top is fine
            e.setPh(load, ph);
            QCOMPARE(errorOf(e.bytes), QStringLiteral("<accepted>"));
        });
    }

    void truncatedSectionHeaders() {
        forBothClasses([](auto e) {
            const auto header = e.header();
            // The section headers are the file's tail: cut into the last one.
            const std::size_t cut = e.bytes.size() - 10;
            QCOMPARE(errorOf(Bytes(e.bytes.begin(), e.bytes.begin() + static_cast<std::ptrdiff_t>(cut))),
                     expected("truncated section headers (" + std::to_string(header.e_shnum) + " x " +
                              std::to_string(header.e_shentsize) + " bytes at " + hex(header.e_shoff) +
                              ", file is " + std::to_string(cut) + " bytes)"));
            auto patched = header;
            patched.e_shoff = static_cast<decltype(patched.e_shoff)>(~std::uint64_t{0} - 0x20);
            e.setHeader(patched);
            QVERIFY(errorOf(e.bytes).startsWith(expected("truncated section headers (")));
            patched = header;
            patched.e_shentsize = 4;
            e.setHeader(patched);
            QVERIFY(errorOf(e.bytes).startsWith(expected("bad section header entry size 4")));
        });
    }

    void hostileExtendedSectionCount() {
        forBothClasses([](auto e) {
            // e_shnum 0 means "the count is in section 0's sh_size": make it huge.
            auto header = e.header();
            const unsigned count = header.e_shnum;
            auto section0 = e.sh(0);
            section0.sh_size = static_cast<decltype(section0.sh_size)>(0xffff'ffffu);
            e.setSh(0, section0);
            header.e_shnum = 0;
            e.setHeader(header);
            QVERIFY(errorOf(e.bytes).startsWith(expected("truncated section headers (4294967295 x ")));
            // The genuine count there works.
            section0.sh_size = count;
            e.setSh(0, section0);
            QCOMPARE(errorOf(e.bytes), QStringLiteral("<accepted>"));
            QVERIFY(!ElfImage::parse(e.bytes, kName).symbols().empty());
        });
    }

    void truncatedSymbolTable() {
        forBothClasses([](auto e) {
            const unsigned index = e.symtab();
            auto symtab = e.sh(index);
            symtab.sh_size = static_cast<decltype(symtab.sh_size)>(e.bytes.size());
            e.setSh(index, symtab);
            QCOMPARE(errorOf(e.bytes), expected("truncated symbol table (" + std::to_string(symtab.sh_size) +
                                                " bytes at " + hex(symtab.sh_offset) + ", file is " +
                                                std::to_string(e.bytes.size()) + " bytes)"));
            symtab.sh_size = 0x40;
            symtab.sh_offset = static_cast<decltype(symtab.sh_offset)>(~std::uint64_t{0} - 0x10);
            e.setSh(index, symtab);
            QVERIFY(errorOf(e.bytes).startsWith(expected("truncated symbol table (")));
        });
    }

    void badSymbolTableEntrySize() {
        forBothClasses([](auto e) {
            const unsigned index = e.symtab();
            auto symtab = e.sh(index);
            symtab.sh_entsize = 1;
            e.setSh(index, symtab);
            QVERIFY(errorOf(e.bytes).startsWith(expected("bad symbol table entry size 1 (expected ")));
        });
    }

    void truncatedStringTable() {
        forBothClasses([](auto e) {
            const unsigned index = e.strtab();
            auto strtab = e.sh(index);
            strtab.sh_offset = static_cast<decltype(strtab.sh_offset)>(e.bytes.size() - 2);
            e.setSh(index, strtab);
            QCOMPARE(errorOf(e.bytes), expected("truncated string table (" + std::to_string(strtab.sh_size) +
                                                " bytes at " + hex(strtab.sh_offset) + ", file is " +
                                                std::to_string(e.bytes.size()) + " bytes)"));
        });
    }

    void badStringTableLink() {
        forBothClasses([](auto e) {
            const unsigned index = e.symtab();
            auto symtab = e.sh(index);
            symtab.sh_link = 200;
            e.setSh(index, symtab);
            QCOMPARE(errorOf(e.bytes), expected("the symbol table's string table (section 200) does not exist"));
            symtab.sh_link = index;  // itself: not a string table
            e.setSh(index, symtab);
            QCOMPARE(errorOf(e.bytes), expected("the symbol table's string table (section " +
                                                std::to_string(index) + ") is not a string table"));
        });
    }

    void symbolNamesOutsideTheStringTable() {
        forBothClasses([](auto e) {
            using Sym = typename decltype(e)::Sym;
            const auto symtab = e.sh(e.symtab());
            const auto strtab = e.sh(e.strtab());
            // Symbol 1 is a section symbol, which has a zero name; use the last one.
            const std::uint64_t last = symtab.sh_size / sizeof(Sym) - 1;
            const std::uint64_t where = symtab.sh_offset + last * sizeof(Sym);
            auto sym = e.template get<Sym>(where);
            sym.st_name = static_cast<decltype(sym.st_name)>(strtab.sh_size + 5);
            e.put(where, sym);
            QCOMPARE(errorOf(e.bytes), expected("symbol " + std::to_string(last) + ": name offset " +
                                                hex(sym.st_name) + " is outside the string table (" +
                                                std::to_string(strtab.sh_size) + " bytes)"));
            // A name that runs off the end: drop the table's final NUL.
            sym.st_name = static_cast<decltype(sym.st_name)>(strtab.sh_size - 1);
            e.put(where, sym);
            e.bytes[strtab.sh_offset + strtab.sh_size - 1] = 'x';
            QCOMPARE(errorOf(e.bytes),
                     expected("symbol " + std::to_string(last) + ": name runs past the end of the string table"));
        });
    }

    void messagesAreOneLine() {
        // Every prefix of each file and many random corruptions: either an
        // image or an ElfError with a one-line "<file>: <reason>" message.
        // Nothing else may escape, and (under the sanitizers) nothing may
        // read out of bounds.
        std::mt19937 random(20240611);
        for (int xlen : {32, 64}) {
            const Bytes& original = sample(xlen);
            auto check = [&](const Bytes& bytes) {
                try {
                    const ElfImage image = ElfImage::parse(bytes, kName);
                    for (const auto& symbol : image.symbols()) static_cast<void>(image.describeAddress(symbol.address));
                } catch (const ElfError& error) {
                    const QString message = QString::fromUtf8(error.what());
                    if (!message.startsWith(expected("")) || message.contains('\n')) {
                        QFAIL(qPrintable(QStringLiteral("bad message: ") + message));
                    }
                }
            };
            for (std::size_t length = 0; length <= original.size(); ++length) {
                check(Bytes(original.begin(), original.begin() + static_cast<std::ptrdiff_t>(length)));
                if (QTest::currentTestFailed()) return;
            }
            // Flip bytes in the structures the reader walks: the ELF header and
            // program headers at the front, the section headers at the back.
            const Editor64 layout64{original};
            const std::size_t front = xlen == 64 ? 64 + 56 : 52 + 32;
            const std::size_t back = original.size() - (xlen == 64 ? layout64.header().e_shnum * 64u
                                                                   : Editor32{original}.header().e_shnum * 40u);
            std::uniform_int_distribution<std::size_t> inFront(0, front - 1);
            std::uniform_int_distribution<std::size_t> inBack(back, original.size() - 1);
            std::uniform_int_distribution<int> byteValue(0, 255);
            for (int round = 0; round < 4000; ++round) {
                Bytes bytes = original;
                for (int flips = 0; flips < 3; ++flips) {
                    const std::size_t at = (round % 2 == 0) ? inFront(random) : inBack(random);
                    if (at >= EI_NIDENT || round % 7 == 0) bytes[at] = static_cast<std::uint8_t>(byteValue(random));
                }
                check(bytes);
                if (QTest::currentTestFailed()) return;
            }
        }
    }
};

QTEST_GUILESS_MAIN(ElfImageTest)
#include "ElfImageTest.moc"
