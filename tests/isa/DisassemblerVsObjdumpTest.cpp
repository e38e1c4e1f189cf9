// Disassembles every RISC-V ELF in GLASSHART_GUEST_DIR with GNU objdump and
// with Glasshart's decoder + disassembler, and requires the instruction text
// to be identical on every line, apart from the allowed differences listed
// below with their reasons.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>
#include <iterator>
#include <map>
#include <numeric>
#include <optional>

#include "isa/Decoder.h"
#include "isa/Disassembler.h"

using namespace glasshart;

namespace {

// The XLEN of a RISC-V ELF from its header (EI_CLASS), or nothing if the
// file is not a RISC-V ELF.
std::optional<Xlen> riscvElfXlen(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QByteArray header = file.read(20);
    constexpr int kEiClass = 4;
    constexpr int kEMachine = 18;  // little-endian, like every RISC-V ELF
    constexpr unsigned kEmRiscv = 243;
    if (header.size() < 20 || !header.startsWith("\x7f"
                                                 "ELF")) {
        return std::nullopt;
    }
    const unsigned machine = static_cast<unsigned char>(header[kEMachine]) |
                             (static_cast<unsigned char>(header[kEMachine + 1]) << 8);
    if (machine != kEmRiscv) {
        return std::nullopt;
    }
    switch (header[kEiClass]) {
        case 1:
            return Xlen::Rv32;
        case 2:
            return Xlen::Rv64;
        default:
            return std::nullopt;
    }
}

struct ObjdumpInstruction {
    quint64 address = 0;
    QString bytes;  // as objdump shows them: one little-endian 16- or 32-bit value
    QString text;   // mnemonic, tab, operands
};

// What is known about the place an instruction was found.
struct Context {
    Xlen xlen;
    bool isaHasC;  // the ELF's mapping symbols say the code there may use C
};

struct AllowedDifference {
    const char* reason;
    // Whether this difference explains objdump printing `objdumpText` where
    // Glasshart decoded `ours`.
    bool (*applies)(const Context& context, const DecodedInstruction& ours,
                    const QString& objdumpText);
};

QString mnemonicOf(const QString& text) { return text.section(QLatin1Char('\t'), 0, 0); }

// Instruction differences between binutils 2.40 and Glasshart that are
// deliberate. Each one must stay as narrow as its reason.
const AllowedDifference kAllowedDifferences[] = {
    {"RV32 shift by an immediate with shamt[5] set: not an RV32 encoding (RV32I shifts take "
     "a 5-bit shamt, unprivileged ISA 2.4.1 and chapter 24; C.SLLI/C.SRLI/C.SRAI with "
     "shamt[5] = 1 are for custom extensions on RV32C, 16.5), so Glasshart decodes it as "
     "illegal; binutils 2.40 prints the shift anyway",
     [](const Context& context, const DecodedInstruction& ours, const QString& objdumpText) {
         if (context.xlen != Xlen::Rv32 || !ours.isIllegal()) {
             return false;
         }
         const QString mnemonic = mnemonicOf(objdumpText);
         if (ours.length == 4) {
             const std::uint32_t opImm = 0x13;
             const unsigned funct3 = (ours.bits >> 12) & 0x7;
             return (ours.bits & 0x7f) == opImm && (funct3 == 1 || funct3 == 5) &&
                    ((ours.bits >> 25) & 1) != 0 &&
                    (mnemonic == QLatin1String("sll") || mnemonic == QLatin1String("srl") ||
                     mnemonic == QLatin1String("sra"));
         }
         const unsigned quadrant = ours.bits & 0x3;
         const unsigned funct3 = (ours.bits >> 13) & 0x7;
         const bool shift = (quadrant == 2 && funct3 == 0) ||
                            (quadrant == 1 && funct3 == 4 && ((ours.bits >> 11) & 1) == 0);
         return shift && ((ours.bits >> 12) & 1) != 0 &&
                (mnemonic == QLatin1String("sll") || mnemonic == QLatin1String("srl") ||
                 mnemonic == QLatin1String("sra") || mnemonic == QLatin1String("c.slli"));
     }},
    {"C.ADDI16SP with nzimm = 0 is reserved (unprivileged ISA 16.5), so Glasshart decodes "
     "it as illegal; binutils 2.40 prints it as add sp,sp,0",
     [](const Context&, const DecodedInstruction& ours, const QString& objdumpText) {
         return ours.isIllegal() && ours.length == 2 && ours.bits == 0x6101 &&
                objdumpText == QLatin1String("add\tsp,sp,0");
     }},
    {"16-bit parcel under a mapping symbol whose ISA lacks C (code assembled with .option "
     "norvc, and the padding after it): objdump shows every 16-bit parcel there as .2byte, "
     "while a Glasshart hart always implements C and decodes it as a compressed instruction",
     [](const Context& context, const DecodedInstruction& ours, const QString& objdumpText) {
         return !context.isaHasC && ours.length == 2 &&
                objdumpText.startsWith(QLatin1String(".2byte\t"));
     }},
};

// For each address where a code mapping symbol starts, whether the ISA in
// force from there on includes C (RISC-V ELF psABI, "Mapping Symbols":
// "$x<isa>" names the ISA, a bare "$x" keeps the previous one). objdump
// disassembles each region for its ISA, so this is needed to interpret its
// output. Mapping symbols are read with readelf because objdump -t hides them.
std::optional<std::map<quint64, bool>> isaHasCFrom(const QString& elf) {
    QProcess readelf;
    readelf.start(QStringLiteral(GLASSHART_READELF), {QStringLiteral("-sW"), elf});
    if (!readelf.waitForFinished(60'000) || readelf.exitStatus() != QProcess::NormalExit ||
        readelf.exitCode() != 0) {
        return std::nullopt;
    }
    static const QRegularExpression symbolPattern(QStringLiteral(
        "^\\s*\\d+:\\s+([0-9a-f]+)\\s+\\d+\\s+NOTYPE\\s+LOCAL\\s+\\S+\\s+\\S+\\s+\\$x(\\S*)$"));
    static const QRegularExpression extensionC(QStringLiteral("_c\\d"));
    std::multimap<quint64, QString> symbols;  // address order; readelf lists them in index order
    for (const QString& line :
         QString::fromUtf8(readelf.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch match = symbolPattern.match(line);
        if (match.hasMatch()) {
            symbols.emplace(match.captured(1).toULongLong(nullptr, 16), match.captured(2));
        }
    }
    std::map<quint64, bool> regions;
    bool hasC = true;  // objdump's default ISA includes C
    for (const auto& [address, isa] : symbols) {
        if (!isa.isEmpty()) {
            hasC = extensionC.match(isa).hasMatch();
        }
        regions[address] = hasC;
    }
    return regions;
}

bool isaHasCAt(const std::map<quint64, bool>& regions, quint64 address) {
    auto next = regions.upper_bound(address);
    return next == regions.begin() || std::prev(next)->second;
}

// Text normalisations applied to objdump's side before comparing, with
// their reasons:
//  - objdump appends "# <address> <symbol>" to instructions whose effective
//    address it can work out (gp- or zero-relative accesses, and the second
//    instruction of auipc/lui pairs). That needs state across instructions;
//    Glasshart's disassembler formats one instruction at a time, so the
//    comment is dropped.
//  - objdump picks the symbol shown after a branch target by its own search
//    of the ELF's symbol table. Glasshart receives symbols from its caller
//    through a SymbolNamer, so the test hands objdump's choice to our
//    disassembler through the namer for exactly the target objdump printed:
//    what is compared is the target address and how the symbol is attached.
QString withoutComment(const QString& text) {
    const qsizetype comment = text.indexOf(QLatin1String(" # "));
    return comment < 0 ? text : text.left(comment);
}

// objdump's target and symbol at the end of a branch or jump: "... 80000010 <main+0x10>".
struct SymbolisedTarget {
    quint64 address = 0;
    std::string symbol;
};

std::optional<SymbolisedTarget> symbolisedTarget(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("[\\t,]([0-9a-f]+) <([^>]+)>$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    return SymbolisedTarget{match.captured(1).toULongLong(nullptr, 16),
                            match.captured(2).toStdString()};
}

struct ElfResult {
    int compared = 0;
    int dataSkipped = 0;
    QMap<QString, int> allowed;  // reason -> occurrences
    QStringList mismatches;
};

}  // namespace

class DisassemblerVsObjdumpTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void compareWithObjdump_data();
    void compareWithObjdump();
    void cleanupTestCase();

private:
    QStringList elfs_;
    int totalCompared_ = 0;
    QMap<QString, int> totalAllowed_;
};

void DisassemblerVsObjdumpTest::initTestCase() {
    const QDir dir(QStringLiteral(GLASSHART_GUEST_DIR));
    for (const QFileInfo& info :
         dir.entryInfoList({QStringLiteral("*.elf")}, QDir::Files, QDir::Name)) {
        if (riscvElfXlen(info.absoluteFilePath())) {
            elfs_ << info.absoluteFilePath();
        }
    }
    // This test's own images must be there; the other engineers' guests are
    // compared too when they have been built.
    for (const char* own : {"isa-every-instruction", "isa-compressed-all", "isa-random-words"}) {
        for (const char* xlen : {"32", "64"}) {
            const QString path = dir.filePath(
                QStringLiteral("%1-rv%2.elf").arg(QLatin1String(own), QLatin1String(xlen)));
            QVERIFY2(elfs_.contains(path), qPrintable(path + QStringLiteral(" is missing")));
        }
    }
}

void DisassemblerVsObjdumpTest::compareWithObjdump_data() {
    QTest::addColumn<QString>("elf");
    for (const QString& elf : std::as_const(elfs_)) {
        QTest::newRow(qPrintable(QFileInfo(elf).fileName())) << elf;
    }
}

void DisassemblerVsObjdumpTest::compareWithObjdump() {
    QFETCH(QString, elf);
    const Xlen xlen = *riscvElfXlen(elf);
    const std::optional<std::map<quint64, bool>> isaRegions = isaHasCFrom(elf);
    QVERIFY2(isaRegions, "readelf could not list the mapping symbols");
    const std::map<quint64, bool>& regions = *isaRegions;

    QProcess objdump;
    objdump.start(QStringLiteral(GLASSHART_OBJDUMP), {QStringLiteral("-d"), elf});
    QVERIFY2(objdump.waitForFinished(300'000), "objdump did not finish");
    QCOMPARE(objdump.exitStatus(), QProcess::NormalExit);
    QVERIFY2(objdump.exitCode() == 0, objdump.readAllStandardError().constData());
    const QString listing = QString::fromUtf8(objdump.readAllStandardOutput());

    // "    80000000:\t00500513          \tli\ta0,5"
    static const QRegularExpression linePattern(
        QStringLiteral("^\\s*([0-9a-f]+):\\t([0-9a-f ]+?)\\s*\\t(.*)$"));
    // What objdump prints for bytes the mapping symbols mark as data (jump
    // tables, literals, .word in assembly): not instructions, so skipped.
    static const QStringList dataDirectives = {QStringLiteral(".byte"), QStringLiteral(".short"),
                                               QStringLiteral(".word"), QStringLiteral(".dword")};

    ElfResult result;
    for (const QString& line : listing.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch match = linePattern.match(line);
        if (!match.hasMatch()) {
            continue;  // headers, symbol labels, blank lines, "..." for skipped zeros
        }
        const ObjdumpInstruction instruction{match.captured(1).toULongLong(nullptr, 16),
                                             match.captured(2), match.captured(3)};
        if (dataDirectives.contains(mnemonicOf(instruction.text))) {
            ++result.dataSkipped;
            continue;
        }

        const QString expected = withoutComment(instruction.text);
        const qsizetype length = instruction.bytes.size() / 2;
        bool parsed = false;
        const quint32 value = instruction.bytes.toUInt(&parsed, 16);
        QString ours;
        DecodedInstruction decoded;
        if (parsed && (length == 2 || length == 4)) {
            decoded = decode(value, xlen);
            const std::optional<SymbolisedTarget> target = symbolisedTarget(expected);
            const SymbolNamer namer =
                [&target](std::uint64_t address) -> std::optional<std::string> {
                if (target && target->address == address) {
                    return target->symbol;
                }
                return std::nullopt;
            };
            if (decoded.length == length) {
                ours =
                    QString::fromStdString(disassemble(decoded, instruction.address, xlen, namer));
            } else {
                ours = QStringLiteral("<decoded as %1 bytes>").arg(decoded.length);
            }
        } else {
            ours = QStringLiteral("<unexpected instruction bytes>");
        }
        ++result.compared;
        if (ours == expected) {
            continue;
        }
        bool explained = false;
        for (const AllowedDifference& allowed : kAllowedDifferences) {
            const Context context{xlen, isaHasCAt(regions, instruction.address)};
            if (decoded.length == length && allowed.applies(context, decoded, expected)) {
                ++result.allowed[QString::fromLatin1(allowed.reason)];
                explained = true;
                break;
            }
        }
        if (!explained) {
            result.mismatches << QStringLiteral("%1: %2  objdump \"%3\"  ours \"%4\"")
                                     .arg(instruction.address, 0, 16)
                                     .arg(instruction.bytes, expected, ours);
        }
    }

    const int allowedCount = std::accumulate(result.allowed.cbegin(), result.allowed.cend(), 0);
    qInfo("%s: %d instructions compared, %d allowed differences, %d data words skipped",
          qPrintable(QFileInfo(elf).fileName()), result.compared, allowedCount, result.dataSkipped);
    totalCompared_ += result.compared;
    for (auto it = result.allowed.cbegin(); it != result.allowed.cend(); ++it) {
        totalAllowed_[it.key()] += it.value();
    }
    QVERIFY2(result.compared > 0, "objdump listed no instructions");
    if (!result.mismatches.isEmpty()) {
        constexpr qsizetype kShown = 60;
        QString message = QStringLiteral("%1 mismatches:\n").arg(result.mismatches.size());
        message += result.mismatches.mid(0, kShown).join(QLatin1Char('\n'));
        if (result.mismatches.size() > kShown) {
            message += QStringLiteral("\n... and %1 more").arg(result.mismatches.size() - kShown);
        }
        QFAIL(qPrintable(message));
    }
}

void DisassemblerVsObjdumpTest::cleanupTestCase() {
    qInfo("%d instructions compared with objdump in %lld ELF files", totalCompared_,
          static_cast<long long>(elfs_.size()));
    for (auto it = totalAllowed_.cbegin(); it != totalAllowed_.cend(); ++it) {
        qInfo("allowed difference, %d times: %s", it.value(), qPrintable(it.key()));
    }
}

QTEST_GUILESS_MAIN(DisassemblerVsObjdumpTest)
#include "DisassemblerVsObjdumpTest.moc"
