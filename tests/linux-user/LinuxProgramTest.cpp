// What the ELF reader tells a Linux program loader, checked against the
// files' own bytes, and which programs user mode takes.

#include <QFile>
#include <QtTest>

#include <elf.h>

#include <cstring>

#include "linux/LinuxProgram.h"
#include "machine/ElfImage.h"
#include "mem/MemoryMap.h"

using namespace glasshart;

namespace {

QString guestPath(const QString& name) { return QStringLiteral(GLASSHART_GUEST_DIR "/%1-linux-rv64").arg(name); }

QByteArray readWhole(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

template <typename T>
T at(const QByteArray& bytes, qsizetype offset) {
    T value;
    std::memcpy(&value, bytes.constData() + offset, sizeof value);
    return value;
}

}  // namespace

class LinuxProgramTest : public QObject {
    Q_OBJECT

private slots:
    void staticProgram() {
        const QString path = guestPath(QStringLiteral("hello"));
        const QByteArray bytes = readWhole(path);
        QVERIFY(bytes.size() > qsizetype(sizeof(Elf64_Ehdr)));
        const auto header = at<Elf64_Ehdr>(bytes, 0);
        const ElfImage program = ElfImage::load(path.toStdString());
        const ElfLoadInfo& info = program.loadInfo();
        QCOMPARE(info.osAbi, header.e_ident[EI_OSABI]);
        QVERIFY(!info.interpreter);
        QCOMPARE(info.positionIndependent, header.e_type == ET_DYN);
        QCOMPARE(info.programHeaderCount, std::uint64_t{header.e_phnum});
        QCOMPARE(info.programHeaderSize, std::uint64_t{header.e_phentsize});
        // The program headers lie in the first PT_LOAD segment's file bytes.
        std::optional<std::uint64_t> expected;
        for (unsigned i = 0; i < header.e_phnum && !expected; ++i) {
            const auto segment = at<Elf64_Phdr>(bytes, qsizetype(header.e_phoff + i * header.e_phentsize));
            if (segment.p_type == PT_LOAD && header.e_phoff >= segment.p_offset &&
                header.e_phoff < segment.p_offset + segment.p_filesz) {
                expected = segment.p_vaddr + header.e_phoff - segment.p_offset;
            }
        }
        QVERIFY(expected);
        QCOMPARE(info.programHeaderAddress, expected);
        QVERIFY(isLinuxProgram(program));
        QVERIFY(!linuxProgramProblem(program));
        for (const ElfSegment& segment : program.segments()) QVERIFY(segment.virtualAddress < memory_map::kRamBase);
    }

    void dynamicProgramNamesItsLinker() {
        const ElfImage program = ElfImage::load(guestPath(QStringLiteral("hello-dynamic")).toStdString());
        QVERIFY(program.loadInfo().interpreter);
        // The RISC-V psABI's dynamic linker for lp64d.
        QCOMPARE(QString::fromStdString(*program.loadInfo().interpreter),
                 QStringLiteral("/lib/ld-linux-riscv64-lp64d.so.1"));
        QVERIFY(isLinuxProgram(program));
        const auto problem = linuxProgramProblem(program);
        QVERIFY(problem && problem->find("-static") != std::string::npos);
    }

    void bareMetalProgramIsNot() {
        const ElfImage program = ElfImage::load(GLASSHART_GUEST_DIR "/demo-rv64.elf");
        QVERIFY(!isLinuxProgram(program));
    }
};

QTEST_GUILESS_MAIN(LinuxProgramTest)
#include "LinuxProgramTest.moc"
