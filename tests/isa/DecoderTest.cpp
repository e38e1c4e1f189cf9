// Decoder and compressed-expansion tests. Expected encodings come from the
// unprivileged ISA (20191213) and were cross-checked with GNU as/objdump.

#include <QRandomGenerator>
#include <QtTest>

#include "isa/CsrAddress.h"
#include "isa/Decoder.h"
#include "isa/Disassembler.h"
#include "isa/Encoding.h"

using namespace glasshart;
using namespace glasshart::encoding;

namespace {

// Register numbers by ABI name, to keep the expectations readable.
enum Reg : unsigned {
    zero = 0,
    ra = 1,
    sp = 2,
    gp = 3,
    tp = 4,
    t0 = 5,
    t1 = 6,
    s0 = 8,
    s1 = 9,
    a0 = 10,
    a1 = 11,
    a2 = 12,
    a3 = 13,
    a4 = 14,
    a5 = 15,
    t5 = 30,
    t6 = 31,
};

struct Expected {
    Opcode opcode = Opcode::Illegal;
    unsigned rd = 0;
    unsigned rs1 = 0;
    unsigned rs2 = 0;
    std::int64_t imm = 0;
    unsigned csr = 0;
    bool acquire = false;
    bool release = false;
    unsigned rs3 = 0;
    unsigned rm = 0;
};

// The F/D rounding-mode field values (unprivileged ISA table 11.1).
enum Rm : unsigned { rne = 0, rtz = 1, rdn = 2, rup = 3, rmm = 4, dyn = 7 };

QString describe(const DecodedInstruction& d) {
    return QStringLiteral("%1 rd=%2 rs1=%3 rs2=%4 imm=%5 csr=%6 aq=%7 rl=%8 len=%9 rs3=%10 rm=%11")
        .arg(QString::fromLatin1(d.info().mnemonic))
        .arg(d.rd)
        .arg(d.rs1)
        .arg(d.rs2)
        .arg(d.imm)
        .arg(d.csr, 0, 16)
        .arg(d.acquire)
        .arg(d.release)
        .arg(d.length)
        .arg(d.rs3)
        .arg(d.rm);
}

bool matches(const DecodedInstruction& d, const Expected& e) {
    return d.opcode == e.opcode && d.rd == e.rd && d.rs1 == e.rs1 && d.rs2 == e.rs2 &&
           d.imm == e.imm && d.csr == e.csr && d.acquire == e.acquire && d.release == e.release &&
           d.rs3 == e.rs3 && d.rm == e.rm;
}

constexpr std::int64_t kInt32Min = -2147483648LL;

// A shift by an immediate: shamt occupies the low bits of the I-immediate.
constexpr std::uint32_t encodeShift(Opcode opcode, unsigned rd, unsigned rs1, unsigned shamt) {
    return matchOf(opcode) | (shamt << 20) | (rs1 << 15) | (rd << 7);
}

QString nameOf(std::uint16_t csr) {
    const std::optional<std::string_view> name = csrName(csr);
    return name ? QString::fromLatin1(name->data(), static_cast<qsizetype>(name->size()))
                : QStringLiteral("<none>");
}

}  // namespace

Q_DECLARE_METATYPE(glasshart::Xlen)
Q_DECLARE_METATYPE(Expected)

class DecoderTest : public QObject {
    Q_OBJECT

private slots:
    void everyTableRowDecodesToItself();
    void operandFieldsDoNotChangeTheOpcode();
    void encodingClasses_data();
    void encodingClasses();
    void rv64OnlyEncodingsAreIllegalOnRv32();
    void rv32ShiftAmountBit5IsReserved();
    void compressed_data();
    void compressed();
    void everyCompressedParcel();
    void randomWordsDecodeConsistently();
    void csrNames();
    void disassemblerEdgeCases();
};

void DecoderTest::everyTableRowDecodesToItself() {
    // No row may be shadowed by an earlier one: its bare match pattern must
    // decode to it (on RV32 unless it is RV64-only).
    for (const InstructionInfo& row : instructionTable()) {
        for (const Xlen xlen : {Xlen::Rv32, Xlen::Rv64}) {
            const DecodedInstruction d = decode(row.match, xlen);
            const Opcode expected =
                xlen == Xlen::Rv32 && row.has(kRv64Only) ? Opcode::Illegal : row.opcode;
            QVERIFY2(d.opcode == expected,
                     qPrintable(QStringLiteral("%1 on rv%2 decodes as %3")
                                    .arg(QString::fromLatin1(row.mnemonic))
                                    .arg(static_cast<int>(xlen))
                                    .arg(QString::fromLatin1(d.info().mnemonic))));
            QCOMPARE(int{d.length}, 4);
            QCOMPARE(d.bits, row.match);
        }
    }
}

void DecoderTest::operandFieldsDoNotChangeTheOpcode() {
    QRandomGenerator random(20240601);
    const std::uint32_t tsoMask = infoOf(Opcode::FenceTso).mask;
    for (const InstructionInfo& row : instructionTable()) {
        for (int i = 0; i < 500; ++i) {
            const std::uint32_t word = row.match | (random.generate() & ~row.mask);
            if (row.opcode == Opcode::Fence && (word & tsoMask) == infoOf(Opcode::FenceTso).match) {
                continue;  // fence.tso is the more specific row
            }
            const DecodedInstruction d = decode(word, Xlen::Rv64);
            QVERIFY2(d.opcode == row.opcode,
                     qPrintable(QStringLiteral("%1 decodes as %2")
                                    .arg(word, 8, 16, QLatin1Char('0'))
                                    .arg(QString::fromLatin1(d.info().mnemonic))));
        }
    }
}

void DecoderTest::encodingClasses_data() {
    QTest::addColumn<Xlen>("xlen");
    QTest::addColumn<quint32>("word");
    QTest::addColumn<Expected>("expected");
    const auto row = [](const char* name, Xlen xlen, quint32 word, Expected expected) {
        QTest::newRow(name) << xlen << word << expected;
    };
    constexpr Xlen rv32 = Xlen::Rv32;
    constexpr Xlen rv64 = Xlen::Rv64;

    // I-type: imm[11:0] at 31:20, sign-extended.
    row("addi a0,a1,-2048", rv64, 0x80058513, {Opcode::Addi, a0, a1, 0, -2048});
    row("addi a0,a1,2047", rv64, 0x7ff58513, {Opcode::Addi, a0, a1, 0, 2047});
    row("addi a0,a1,-1 rv32", rv32, 0xfff58513, {Opcode::Addi, a0, a1, 0, -1});
    row("slti a0,a1,-1", rv64, 0xfff5a513, {Opcode::Slti, a0, a1, 0, -1});
    row("lw a0,-1(s0)", rv32, 0xfff42503, {Opcode::Lw, a0, s0, 0, -1});
    row("lbu a0,16(gp)", rv64, 0x0101c503, {Opcode::Lbu, a0, gp, 0, 16});
    row("ld t6,2047(t6)", rv64, 0x7fffbf83, {Opcode::Ld, t6, t6, 0, 2047});
    row("jalr t0,-2048(t1)", rv64, 0x800302e7, {Opcode::Jalr, t0, t1, 0, -2048});
    row("addiw a0,a1,-2048", rv64, 0x8005851b, {Opcode::Addiw, a0, a1, 0, -2048});
    // Shifts: shamt, zero-extended; funct7 selects srai.
    row("slli a0,a1,31 rv32", rv32, 0x01f59513, {Opcode::Slli, a0, a1, 0, 31});
    row("slli a0,a1,63", rv64, 0x03f59513, {Opcode::Slli, a0, a1, 0, 63});
    row("srli a0,a1,32", rv64, 0x0205d513, {Opcode::Srli, a0, a1, 0, 32});
    row("srai t6,t5,63", rv64, 0x43ff5f93, {Opcode::Srai, t6, t5, 0, 63});
    row("srai a0,a1,1 rv32", rv32, 0x4015d513, {Opcode::Srai, a0, a1, 0, 1});
    row("slliw a0,a1,31", rv64, 0x01f5951b, {Opcode::Slliw, a0, a1, 0, 31});
    row("sraiw a0,a1,31", rv64, 0x41f5d51b, {Opcode::Sraiw, a0, a1, 0, 31});
    // S-type: imm[11:5] at 31:25, imm[4:0] at 11:7.
    row("sw a1,-2048(a0)", rv32, 0x80b52023, {Opcode::Sw, 0, a0, a1, -2048});
    row("sw a1,2047(a0)", rv32, 0x7eb52fa3, {Opcode::Sw, 0, a0, a1, 2047});
    row("sb a1,-1(a0)", rv64, 0xfeb50fa3, {Opcode::Sb, 0, a0, a1, -1});
    row("sd a0,-8(sp)", rv64, 0xfea13c23, {Opcode::Sd, 0, sp, a0, -8});
    // B-type: offset[12|10:5] at 31:25, offset[4:1|11] at 11:7.
    row("beq a0,a1,-4096", rv64, 0x80b50063, {Opcode::Beq, 0, a0, a1, -4096});
    row("bne a0,a1,+4094", rv64, 0x7eb51fe3, {Opcode::Bne, 0, a0, a1, 4094});
    row("beq a0,a1,+8", rv32, 0x00b50463, {Opcode::Beq, 0, a0, a1, 8});
    row("bgeu zero,a0,+2048", rv32, encodeB(Opcode::Bgeu, zero, a0, 2048),
        {Opcode::Bgeu, 0, zero, a0, 2048});
    row("blt a0,a1,-2", rv32, encodeB(Opcode::Blt, a0, a1, -2), {Opcode::Blt, 0, a0, a1, -2});
    // U-type: the value placed in rd, sign-extended from bit 31.
    row("lui a0,0x80000", rv64, 0x80000537, {Opcode::Lui, a0, 0, 0, kInt32Min});
    row("lui a0,0xfffff", rv64, 0xfffff537, {Opcode::Lui, a0, 0, 0, -4096});
    row("lui a0,0x7ffff", rv32, 0x7ffff537, {Opcode::Lui, a0, 0, 0, 0x7ffff000});
    row("lui zero,0x12345", rv32, 0x12345037, {Opcode::Lui, zero, 0, 0, 0x12345000});
    row("auipc ra,0x80000", rv32, 0x80000097, {Opcode::Auipc, ra, 0, 0, kInt32Min});
    row("auipc a0,0", rv64, 0x00000517, {Opcode::Auipc, a0, 0, 0, 0});
    // J-type: offset[20|10:1|11|19:12] at 31:12.
    row("j -1048576", rv64, 0x8000006f, {Opcode::Jal, zero, 0, 0, -1048576});
    row("jal +1048574", rv64, 0x7ffff0ef, {Opcode::Jal, ra, 0, 0, 1048574});
    row("j -2", rv32, 0xfffff06f, {Opcode::Jal, zero, 0, 0, -2});
    row("jal a0,+2", rv32, 0x0020056f, {Opcode::Jal, a0, 0, 0, 2});
    row("jal t0,+0x800", rv32, encodeJ(Opcode::Jal, t0, 0x800), {Opcode::Jal, t0, 0, 0, 0x800});
    // R-type.
    row("add s11,t6,t5", rv64, 0x01ef8db3, {Opcode::Add, 27, t6, t5, 0});
    row("sub a0,zero,a1", rv32, 0x40b00533, {Opcode::Sub, a0, zero, a1, 0});
    row("sra a0,a1,a2", rv32, 0x40c5d533, {Opcode::Sra, a0, a1, a2, 0});
    row("mulhsu a0,a1,a2", rv32, 0x02c5a533, {Opcode::Mulhsu, a0, a1, a2, 0});
    row("remuw a0,a1,a2", rv64, 0x02c5f53b, {Opcode::Remuw, a0, a1, a2, 0});
    row("subw a0,zero,a1", rv64, 0x40b0053b, {Opcode::Subw, a0, zero, a1, 0});
    // Fences: imm holds fm, pred and succ; rd, rs1 and fm are ignored.
    row("fence", rv64, 0x0ff0000f, {Opcode::Fence, 0, 0, 0, 0x0ff});
    row("fence rw,rw", rv32, 0x0330000f, {Opcode::Fence, 0, 0, 0, 0x033});
    row("fence r,w", rv32, 0x0210000f, {Opcode::Fence, 0, 0, 0, 0x021});
    row("fence fm=0001", rv64, 0x1ff0000f, {Opcode::Fence, 0, 0, 0, 0x1ff});
    row("fence fm=1000 not rw,rw", rv64, 0x8ff0000f, {Opcode::Fence, 0, 0, 0, 0x8ff});
    row("fence with rd and rs1", rv64, 0x0ff5850f, {Opcode::Fence, 0, 0, 0, 0x0ff});
    row("fence.tso", rv64, 0x8330000f, {Opcode::FenceTso});
    row("fence.i", rv32, 0x0000100f, {Opcode::FenceI});
    row("fence.i with reserved fields", rv64, 0x0015950f, {Opcode::FenceI});
    // System.
    row("ecall", rv32, 0x00000073, {Opcode::Ecall});
    row("ebreak", rv64, 0x00100073, {Opcode::Ebreak});
    row("mret", rv64, 0x30200073, {Opcode::Mret});
    row("wfi", rv32, 0x10500073, {Opcode::Wfi});
    row("ecall with rd", rv64, 0x00000873, {});
    row("sret", rv32, 0x10200073, {Opcode::Sret});
    row("sfence.vma", rv64, 0x12000073, {Opcode::SfenceVma});
    row("sfence.vma a0,a1", rv32, 0x12b50073, {Opcode::SfenceVma, 0, a0, a1});
    row("sfence.vma with rd", rv64, 0x12000873, {});
    row("hfence.vvma (no H extension)", rv64, 0x22000073, {});
    // Zicsr: the CSR number is unsigned; CsrImm's uimm is the rs1 field.
    row("csrrw a0,mstatus,a1", rv64, 0x30059573, {Opcode::Csrrw, a0, a1, 0, 0, 0x300});
    row("csrrs a0,0xfff,zero", rv64, 0xfff02573, {Opcode::Csrrs, a0, zero, 0, 0, 0xfff});
    row("csrrc a0,mie,a1", rv32, 0x3045b573, {Opcode::Csrrc, a0, a1, 0, 0, 0x304});
    row("csrrwi zero,mtvec,31", rv64, 0x305fd073, {Opcode::Csrrwi, zero, 0, 0, 31, 0x305});
    row("csrrsi a0,mip,0", rv32, 0x34406573, {Opcode::Csrrsi, a0, 0, 0, 0, 0x344});
    row("csrrci zero,mip,8", rv64, 0x34447073, {Opcode::Csrrci, zero, 0, 0, 8, 0x344});
    row("csrrw zero,cycle,zero (unimp)", rv32, 0xc0001073, {Opcode::Csrrw, 0, 0, 0, 0, 0xc00});
    // A: aq is bit 26, rl bit 25.
    row("lr.w a0,(a1)", rv32, 0x1005a52f, {Opcode::LrW, a0, a1});
    row("lr.w.aq", rv32, 0x1405a52f, {Opcode::LrW, a0, a1, 0, 0, 0, true, false});
    row("lr.d.aqrl", rv64, 0x1605b52f, {Opcode::LrD, a0, a1, 0, 0, 0, true, true});
    row("sc.w.rl", rv64, 0x1ac5a52f, {Opcode::ScW, a0, a1, a2, 0, 0, false, true});
    row("amoswap.w.aqrl", rv32, 0x0ec5a52f, {Opcode::AmoswapW, a0, a1, a2, 0, 0, true, true});
    row("amomaxu.d.aqrl", rv64, 0xe6c5b52f, {Opcode::AmomaxuD, a0, a1, a2, 0, 0, true, true});
    row("amomax.w zero", rv64, 0xa000202f, {Opcode::AmomaxW});
    row("lr.w with rs2", rv64, 0x1035a52f, {});
    row("amo funct5=00101", rv64, 0x28c5a52f, {});
    // F and D (encodings from GNU as): rm in bits 14:12, rs3 in 31:27.
    row("flw fa0,8(a0)", rv32, 0x00852507, {Opcode::Flw, a0, a0, 0, 8});
    row("fsw fa0,-8(a0)", rv64, 0xfea52c27, {Opcode::Fsw, 0, a0, a0, -8});
    row("fld fa0,-2048(a0)", rv32, 0x80053507, {Opcode::Fld, a0, a0, 0, -2048});
    row("fadd.s fa0,fa1,fa2 (dyn)", rv64, 0x00c5f553, {Opcode::FaddS, a0, a1, a2, 0, 0, false, false, 0, dyn});
    row("fadd.s fa0,fa1,fa2,rtz", rv32, 0x00c59553, {Opcode::FaddS, a0, a1, a2, 0, 0, false, false, 0, rtz});
    row("fadd.s rm=5 (reserved, traps when run)", rv64, 0x00c5d553,
        {Opcode::FaddS, a0, a1, a2, 0, 0, false, false, 0, 5});
    row("fmadd.s fa0,fa1,fa2,fa3,rmm", rv32, 0x68c5c543, {Opcode::FmaddS, a0, a1, a2, 0, 0, false, false, a3, rmm});
    row("fnmadd.d fa0,fa1,fa2,fa3,rdn", rv64, 0x6ac5a54f,
        {Opcode::FnmaddD, a0, a1, a2, 0, 0, false, false, a3, rdn});
    row("fsqrt.d fs0,fs1,rup", rv64, 0x5a04b453, {Opcode::FsqrtD, s0, s1, 0, 0, 0, false, false, 0, rup});
    row("fcvt.w.s a0,fa0,rtz", rv32, 0xc0051553, {Opcode::FcvtWS, a0, a0, 0, 0, 0, false, false, 0, rtz});
    row("fcvt.s.w fa0,a0,rtz", rv64, 0xd0051553, {Opcode::FcvtSW, a0, a0, 0, 0, 0, false, false, 0, rtz});
    row("fcvt.d.s fa0,fa1 (rm=rne)", rv32, 0x42058553, {Opcode::FcvtDS, a0, a1, 0, 0, 0, false, false, 0, rne});
    row("fcvt.d.s rm=rtz", rv64, 0x42059553, {Opcode::FcvtDS, a0, a1, 0, 0, 0, false, false, 0, rtz});
    row("fsgnjn.s fa0,fa1,fa1", rv32, 0x20b59553, {Opcode::FsgnjnS, a0, a1, a1});
    row("feq.s a0,fa1,fa2", rv64, 0xa0c5a553, {Opcode::FeqS, a0, a1, a2});
    row("fclass.s a0,fa0", rv32, 0xe0051553, {Opcode::FclassS, a0, a0});
    row("fmv.x.w a0,fa0", rv64, 0xe0050553, {Opcode::FmvXW, a0, a0});
    row("fmv.x.d a0,fa0", rv64, 0xe2050553, {Opcode::FmvXD, a0, a0});
    row("fmv.x.d on rv32", rv32, 0xe2050553, {});
    row("fcvt.l.s on rv32", rv32, 0xc0251553, {});
    row("fsqrt.s with rs2", rv64, 0x5815f553, {});
    row("fadd with fmt=Q", rv64, 0x06c5f553, {});
    row("fsgnj.s funct3=011", rv64, 0x20c5b553, {});
    row("fclass.s with rs2", rv32, 0xe0151553, {});
    // Not instructions.
    row("custom-3", rv64, 0xffffff7b, {});
    row("sll with funct7=0100000", rv64, 0x40001033, {});
    row("load funct3=111", rv64, 0x00007003, {});
    row("store funct3=100", rv64, 0x00004023, {});
    row("branch funct3=010", rv32, 0x00002063, {});
    row("jalr funct3=001", rv32, 0x00001067, {});
    row("LOAD-FP", rv64, 0x00000007, {});
    row("OP-V", rv64, 0x00000057, {});
    row("48-bit encoding", rv64, 0x0000001f, {});
}

void DecoderTest::encodingClasses() {
    QFETCH(Xlen, xlen);
    QFETCH(quint32, word);
    QFETCH(Expected, expected);
    const DecodedInstruction d = decode(word, xlen);
    QVERIFY2(matches(d, expected), qPrintable(describe(d)));
    QCOMPARE(int{d.length}, 4);
    QCOMPARE(d.bits, word);
}

void DecoderTest::rv64OnlyEncodingsAreIllegalOnRv32() {
    int rv64Only = 0;
    for (const InstructionInfo& row : instructionTable()) {
        if (!row.has(kRv64Only)) {
            continue;
        }
        ++rv64Only;
        const std::uint32_t word = row.match | (encodeR(Opcode::Add, a0, a1, a2) & ~row.mask);
        QVERIFY2(decode(word, Xlen::Rv32).isIllegal(), row.mnemonic.data());
        QCOMPARE(decode(word, Xlen::Rv64).opcode, row.opcode);
    }
    // ld, lwu, sd, the nine W ALU ops, the five W M ops, the eleven .d
    // atomics, F's four and D's six conversions and moves to and from 64-bit
    // integers.
    QCOMPARE(rv64Only, 3 + 9 + 5 + 11 + 4 + 6);
}

void DecoderTest::rv32ShiftAmountBit5IsReserved() {
    // RV32I shifts take a 5-bit shamt (unprivileged ISA 2.4.1, chapter 24): the
    // 6-bit shamts of RV64I (5.2) are not RV32 instructions.
    for (const std::uint32_t word : {0x02059513u, 0x03f5d513u, 0x4205d513u, 0x43f5d513u}) {
        QVERIFY(decode(word, Xlen::Rv32).isIllegal());
        QVERIFY(!decode(word, Xlen::Rv64).isIllegal());
        QCOMPARE(decode(word, Xlen::Rv64).imm, static_cast<std::int64_t>((word >> 20) & 0x3f));
    }
    // The W shifts have a 5-bit shamt: bit 25 set is not a shift on either XLEN.
    QVERIFY(decode(0x0205951b, Xlen::Rv64).isIllegal());
    QVERIFY(decode(0x4205d51b, Xlen::Rv64).isIllegal());
}

void DecoderTest::compressed_data() {
    QTest::addColumn<Xlen>("xlen");
    QTest::addColumn<quint16>("parcel");
    QTest::addColumn<quint32>("expansion");  // 0: illegal or reserved
    const auto both = [](const char* name, quint16 parcel, quint32 expansion) {
        QTest::newRow(qPrintable(QStringLiteral("%1 rv32").arg(QLatin1String(name))))
            << Xlen::Rv32 << parcel << expansion;
        QTest::newRow(qPrintable(QStringLiteral("%1 rv64").arg(QLatin1String(name))))
            << Xlen::Rv64 << parcel << expansion;
    };
    const auto rv32 = [](const char* name, quint16 parcel, quint32 expansion) {
        QTest::newRow(qPrintable(QStringLiteral("%1 rv32").arg(QLatin1String(name))))
            << Xlen::Rv32 << parcel << expansion;
    };
    const auto rv64 = [](const char* name, quint16 parcel, quint32 expansion) {
        QTest::newRow(qPrintable(QStringLiteral("%1 rv64").arg(QLatin1String(name))))
            << Xlen::Rv64 << parcel << expansion;
    };

    // Quadrant 0.
    both("c.addi4spn a0,sp,4", 0x0048, encodeI(Opcode::Addi, a0, sp, 4));
    both("c.addi4spn s0,sp,1020", 0x1fe0, encodeI(Opcode::Addi, s0, sp, 1020));
    both("c.lw a0,0(a1)", 0x4188, encodeI(Opcode::Lw, a0, a1, 0));
    both("c.lw s1,124(a5)", 0x5fe4, encodeI(Opcode::Lw, s1, a5, 124));
    both("c.sw a0,124(a1)", 0xdde8, encodeS(Opcode::Sw, a1, a0, 124));
    rv64("c.ld a0,0(a1)", 0x6188, encodeI(Opcode::Ld, a0, a1, 0));
    rv64("c.ld s1,248(a5)", 0x7fe4, encodeI(Opcode::Ld, s1, a5, 248));
    rv64("c.sd a0,248(a1)", 0xfde8, encodeS(Opcode::Sd, a1, a0, 248));
    // Quadrant 1.
    both("c.nop", 0x0001, encodeI(Opcode::Addi, zero, zero, 0));
    both("c.addi a0,1", 0x0505, encodeI(Opcode::Addi, a0, a0, 1));
    both("c.addi sp,-32", 0x1101, encodeI(Opcode::Addi, sp, sp, -32));
    both("c.addi t6,31", 0x0ffd, encodeI(Opcode::Addi, t6, t6, 31));
    both("c.li a0,-32", 0x5501, encodeI(Opcode::Addi, a0, zero, -32));
    both("c.li ra,31", 0x40fd, encodeI(Opcode::Addi, ra, zero, 31));
    both("c.addi16sp -512", 0x7101, encodeI(Opcode::Addi, sp, sp, -512));
    both("c.addi16sp 496", 0x617d, encodeI(Opcode::Addi, sp, sp, 496));
    both("c.addi16sp 16", 0x6141, encodeI(Opcode::Addi, sp, sp, 16));
    both("c.lui a0,1", 0x6505, encodeU(Opcode::Lui, a0, 0x1000));
    both("c.lui ra,0x1f", 0x60fd, encodeU(Opcode::Lui, ra, 0x1f000));
    both("c.lui t6,0xfffe0", 0x7f81, encodeU(Opcode::Lui, t6, -0x20000));
    both("c.lui s0,0xfffff", 0x747d, encodeU(Opcode::Lui, s0, -0x1000));
    both("c.srli a0,1", 0x8105, encodeShift(Opcode::Srli, a0, a0, 1));
    both("c.srai s1,31", 0x84fd, encodeShift(Opcode::Srai, s1, s1, 31));
    rv64("c.srli a0,63", 0x917d, encodeShift(Opcode::Srli, a0, a0, 63));
    rv64("c.srai a0,32", 0x9501, encodeShift(Opcode::Srai, a0, a0, 32));
    both("c.andi a0,-32", 0x9901, encodeI(Opcode::Andi, a0, a0, -32));
    both("c.andi a5,31", 0x8bfd, encodeI(Opcode::Andi, a5, a5, 31));
    both("c.sub a0,a1", 0x8d0d, encodeR(Opcode::Sub, a0, a0, a1));
    both("c.xor s0,s1", 0x8c25, encodeR(Opcode::Xor, s0, s0, s1));
    both("c.or a4,a5", 0x8f5d, encodeR(Opcode::Or, a4, a4, a5));
    both("c.and a0,a0", 0x8d69, encodeR(Opcode::And, a0, a0, a0));
    rv64("c.subw a0,a1", 0x9d0d, encodeR(Opcode::Subw, a0, a0, a1));
    rv64("c.addw s0,s1", 0x9c25, encodeR(Opcode::Addw, s0, s0, s1));
    rv64("c.addiw a0,0", 0x2501, encodeI(Opcode::Addiw, a0, a0, 0));
    rv64("c.addiw a0,-32", 0x3501, encodeI(Opcode::Addiw, a0, a0, -32));
    rv64("c.addiw t6,31", 0x2ffd, encodeI(Opcode::Addiw, t6, t6, 31));
    rv32("c.jal -94", 0x374d, encodeJ(Opcode::Jal, ra, -94));
    rv32("c.jal +72", 0x20a1, encodeJ(Opcode::Jal, ra, 72));
    rv32("c.jal 0", 0x2001, encodeJ(Opcode::Jal, ra, 0));
    both("c.j -56", 0xb7e1, encodeJ(Opcode::Jal, zero, -56));
    both("c.j +134", 0xa059, encodeJ(Opcode::Jal, zero, 134));
    both("c.j -2048", 0xb001, encodeJ(Opcode::Jal, zero, -2048));
    both("c.j +2046", 0xaffd, encodeJ(Opcode::Jal, zero, 2046));
    both("c.beqz a0,-60", 0xd171, encodeB(Opcode::Beq, a0, zero, -60));
    both("c.bnez s1,+130", 0xe0c9, encodeB(Opcode::Bne, s1, zero, 130));
    both("c.beqz s0,-256", 0xd001, encodeB(Opcode::Beq, s0, zero, -256));
    both("c.bnez s0,+254", 0xec7d, encodeB(Opcode::Bne, s0, zero, 254));
    // Quadrant 2.
    both("c.slli a0,1", 0x0506, encodeShift(Opcode::Slli, a0, a0, 1));
    both("c.slli ra,31", 0x00fe, encodeShift(Opcode::Slli, ra, ra, 31));
    rv64("c.slli a0,63", 0x157e, encodeShift(Opcode::Slli, a0, a0, 63));
    both("c.lwsp a0,0(sp)", 0x4502, encodeI(Opcode::Lw, a0, sp, 0));
    both("c.lwsp ra,252(sp)", 0x50fe, encodeI(Opcode::Lw, ra, sp, 252));
    both("c.swsp a0,252(sp)", 0xdfaa, encodeS(Opcode::Sw, sp, a0, 252));
    both("c.swsp zero,0(sp)", 0xc002, encodeS(Opcode::Sw, sp, zero, 0));
    rv64("c.ldsp a0,0(sp)", 0x6502, encodeI(Opcode::Ld, a0, sp, 0));
    rv64("c.ldsp ra,504(sp)", 0x70fe, encodeI(Opcode::Ld, ra, sp, 504));
    rv64("c.sdsp a0,504(sp)", 0xffaa, encodeS(Opcode::Sd, sp, a0, 504));
    both("c.jr ra", 0x8082, encodeI(Opcode::Jalr, zero, ra, 0));
    both("c.jr a0", 0x8502, encodeI(Opcode::Jalr, zero, a0, 0));
    both("c.jalr a0", 0x9502, encodeI(Opcode::Jalr, ra, a0, 0));
    both("c.mv a0,a1", 0x852e, encodeR(Opcode::Add, a0, zero, a1));
    both("c.mv ra,t6", 0x80fe, encodeR(Opcode::Add, ra, zero, t6));
    both("c.add a0,a1", 0x952e, encodeR(Opcode::Add, a0, a0, a1));
    both("c.add sp,sp", 0x910a, encodeR(Opcode::Add, sp, sp, sp));
    both("c.ebreak", 0x9002, matchOf(Opcode::Ebreak));

    // HINTs (16.8) are legal and expand to instructions without effect.
    both("c.nop 1 (hint)", 0x0005, encodeI(Opcode::Addi, zero, zero, 1));
    both("c.addi a0,0 (hint)", 0x0501, encodeI(Opcode::Addi, a0, a0, 0));
    both("c.li zero,0 (hint)", 0x4001, encodeI(Opcode::Addi, zero, zero, 0));
    both("c.lui zero,1 (hint)", 0x6005, encodeU(Opcode::Lui, zero, 0x1000));
    both("c.mv zero,ra (hint)", 0x8006, encodeR(Opcode::Add, zero, zero, ra));
    both("c.add zero,ra (hint)", 0x9006, encodeR(Opcode::Add, zero, zero, ra));
    both("c.slli64 zero (hint)", 0x0002, encodeShift(Opcode::Slli, zero, zero, 0));
    both("c.slli64 a0 (hint)", 0x0502, encodeShift(Opcode::Slli, a0, a0, 0));
    both("c.slli zero,2 (hint)", 0x000a, encodeShift(Opcode::Slli, zero, zero, 2));
    both("c.srli64 a0 (hint)", 0x8101, encodeShift(Opcode::Srli, a0, a0, 0));
    both("c.srai64 a0 (hint)", 0x8501, encodeShift(Opcode::Srai, a0, a0, 0));
    rv64("c.slli zero,32 (hint)", 0x1002, encodeShift(Opcode::Slli, zero, zero, 32));

    // The floating-point loads and stores (encodings from GNU as).
    both("c.fld fs0,0(s0)", 0x2000, encodeI(Opcode::Fld, s0, s0, 0));
    both("c.fld fa0,8(a0)", 0x2508, encodeI(Opcode::Fld, a0, a0, 8));
    both("c.fsd fs0,0(s0)", 0xa000, encodeS(Opcode::Fsd, s0, s0, 0));
    both("c.fsd fa0,8(a0)", 0xa508, encodeS(Opcode::Fsd, a0, a0, 8));
    both("c.fldsp ft0,0(sp)", 0x2002, encodeI(Opcode::Fld, zero, sp, 0));
    both("c.fldsp fa0,8(sp)", 0x2522, encodeI(Opcode::Fld, a0, sp, 8));
    both("c.fsdsp ft0,0(sp)", 0xa002, encodeS(Opcode::Fsd, sp, zero, 0));
    both("c.fsdsp fa0,8(sp)", 0xa42a, encodeS(Opcode::Fsd, sp, a0, 8));
    rv32("c.flw fs0,0(s0)", 0x6000, encodeI(Opcode::Flw, s0, s0, 0));
    rv32("c.flw fs0,4(a0)", 0x6140, encodeI(Opcode::Flw, s0, a0, 4));
    rv32("c.fsw fs0,4(a0)", 0xe140, encodeS(Opcode::Fsw, a0, s0, 4));
    rv32("c.flwsp ft0,0(sp)", 0x6002, encodeI(Opcode::Flw, zero, sp, 0));
    rv32("c.flwsp fs0,4(sp)", 0x6412, encodeI(Opcode::Flw, s0, sp, 4));
    rv32("c.fswsp fs0,4(sp)", 0xe222, encodeS(Opcode::Fsw, sp, s0, 4));
    rv32("c.fswsp ft0,0(sp)", 0xe002, encodeS(Opcode::Fsw, sp, zero, 0));

    // Reserved on both XLENs (16.9 listings).
    both("all-zero parcel", 0x0000, 0);
    both("c.addi4spn nzuimm=0", 0x0004, 0);
    both("c.addi4spn nzuimm=0, rd=a2", 0x0010, 0);
    both("quadrant 0 funct3=100", 0x8000, 0);
    both("c.lui a0,0", 0x6501, 0);
    both("c.lui zero,0", 0x6001, 0);
    both("c.addi16sp 0", 0x6101, 0);
    both("c.jr zero", 0x8002, 0);
    both("c.lwsp zero", 0x4002, 0);
    both("funct2=10 with bit 12", 0x9d41, 0);
    both("funct2=11 with bit 12", 0x9d61, 0);
    // Reserved on RV32 only.
    rv32("c.subw", 0x9c01, 0);
    rv32("c.addw", 0x9c21, 0);
    rv32("c.slli shamt[5]", 0x1002, 0);
    rv32("c.slli ra,33", 0x1086, 0);
    rv32("c.srli shamt[5]", 0x9105, 0);
    rv32("c.srai shamt[5]", 0x9501, 0);
    // Reserved on RV64 only.
    rv64("c.addiw zero", 0x2001, 0);
    rv64("c.ldsp zero", 0x6002, 0);
}

void DecoderTest::compressed() {
    QFETCH(Xlen, xlen);
    QFETCH(quint16, parcel);
    QFETCH(quint32, expansion);
    QCOMPARE(expandCompressed(parcel, xlen), expansion);

    // decode() takes the parcel in the low half of a fetched word; the upper
    // half (the next parcel) must not matter.
    const DecodedInstruction d = decode(0xabcd0000u | parcel, xlen);
    QCOMPARE(int{d.length}, 2);
    QCOMPARE(d.bits, static_cast<std::uint32_t>(parcel));
    if (expansion == 0) {
        QVERIFY(d.isIllegal());
        return;
    }
    const DecodedInstruction full = decode(expansion, xlen);
    QVERIFY(!full.isIllegal());
    QVERIFY2(matches(d, {full.opcode, full.rd, full.rs1, full.rs2, full.imm, full.csr, full.acquire,
                         full.release}),
             qPrintable(describe(d)));
}

void DecoderTest::everyCompressedParcel() {
    for (const Xlen xlen : {Xlen::Rv32, Xlen::Rv64}) {
        int legal = 0;
        for (std::uint32_t parcel = 0; parcel < 0x10000; ++parcel) {
            if ((parcel & 0x3) == 0x3) {
                QCOMPARE(expandCompressed(static_cast<std::uint16_t>(parcel), xlen), 0u);
                continue;
            }
            const std::uint32_t expansion =
                expandCompressed(static_cast<std::uint16_t>(parcel), xlen);
            const DecodedInstruction d = decode(parcel, xlen);
            QCOMPARE(int{d.length}, 2);
            QCOMPARE(d.bits, parcel);
            if (expansion == 0) {
                QVERIFY(d.isIllegal());
                continue;
            }
            ++legal;
            // Every expansion is a legal 32-bit instruction of this XLEN.
            const DecodedInstruction full = decode(expansion, xlen);
            QVERIFY2(!full.isIllegal(), qPrintable(QString::number(parcel, 16)));
            QCOMPARE(d.opcode, full.opcode);
            QCOMPARE(d.imm, full.imm);
            QVERIFY((expansion & full.info().mask) == full.info().match);
        }
        // objdump -d (binutils 2.40, rv64imafdc / rv32imafdc) shows 46744
        // of the 49152 parcels as instructions on either XLEN (and the
        // all-zero one as unimp). Glasshart also reserves c.addi16sp with
        // nzimm = 0, and on RV32 the 1536 C.SLLI/C.SRLI/C.SRAI with shamt[5]
        // set (unprivileged ISA 16.5).
        QCOMPARE(legal, xlen == Xlen::Rv64 ? 46744 - 1 : 46744 - 1 - 1536);
    }
}

void DecoderTest::randomWordsDecodeConsistently() {
    QRandomGenerator random(0x5eed);
    for (int i = 0; i < 1'000'000; ++i) {
        const std::uint32_t word = random.generate();
        for (const Xlen xlen : {Xlen::Rv32, Xlen::Rv64}) {
            const DecodedInstruction d = decode(word, xlen);
            const bool compressedWord = (word & 0x3) != 0x3;
            QCOMPARE(int{d.length}, compressedWord ? 2 : 4);
            QCOMPARE(d.bits, compressedWord ? (word & 0xffff) : word);
            if (!d.isIllegal()) {
                const std::uint32_t checked =
                    compressedWord ? expandCompressed(static_cast<std::uint16_t>(word), xlen)
                                   : word;
                QVERIFY((checked & d.info().mask) == d.info().match);
                QVERIFY(xlen == Xlen::Rv64 || !d.info().has(kRv64Only));
            }
            QVERIFY(!disassemble(d, 0x80000000u, xlen).empty());
        }
    }
}

void DecoderTest::csrNames() {
    QCOMPARE(nameOf(0x300), QStringLiteral("mstatus"));
    QCOMPARE(nameOf(0x001), QStringLiteral("fflags"));
    QCOMPARE(nameOf(0x180), QStringLiteral("satp"));
    QCOMPARE(nameOf(0x3a0), QStringLiteral("pmpcfg0"));
    QCOMPARE(nameOf(0x3af), QStringLiteral("pmpcfg15"));
    QCOMPARE(nameOf(0x3b0), QStringLiteral("pmpaddr0"));
    QCOMPARE(nameOf(0x3b9), QStringLiteral("pmpaddr9"));
    QCOMPARE(nameOf(0x3ba), QStringLiteral("pmpaddr10"));
    QCOMPARE(nameOf(0x3ef), QStringLiteral("pmpaddr63"));
    QCOMPARE(nameOf(0xb9f), QStringLiteral("mhpmcounter31h"));
    QCOMPARE(nameOf(0x7c0), QStringLiteral("<none>"));
    QCOMPARE(nameOf(0x3f0), QStringLiteral("<none>"));
    QCOMPARE(nameOf(0x1000), QStringLiteral("<none>"));
    QCOMPARE(static_cast<unsigned>(CsrAddress::Mhpmevent31), 0x33fu);
}

void DecoderTest::disassemblerEdgeCases() {
    QCOMPARE(abiRegisterName(0), "zero");
    QCOMPARE(abiRegisterName(8), "s0");
    QCOMPARE(abiRegisterName(31), "t6");

    const SymbolNamer namer = [](std::uint64_t address) -> std::optional<std::string> {
        if (address == 0x80000010) {
            return "main+0x10";
        }
        return std::nullopt;
    };
    const auto text = [&](std::uint32_t word, std::uint64_t pc, Xlen xlen) {
        return QString::fromStdString(disassemble(decode(word, xlen), pc, xlen, namer));
    };
    QCOMPARE(text(encodeJ(Opcode::Jal, ra, 0x10), 0x80000000, Xlen::Rv64),
             QStringLiteral("jal\t80000010 <main+0x10>"));
    QCOMPARE(text(encodeJ(Opcode::Jal, zero, 0x20), 0x80000000, Xlen::Rv64),
             QStringLiteral("j\t80000020"));
    // Targets wrap at XLEN.
    QCOMPARE(text(encodeB(Opcode::Bne, a0, a1, -4), 0, Xlen::Rv32),
             QStringLiteral("bne\ta0,a1,fffffffc"));
    QCOMPARE(text(encodeB(Opcode::Bne, a0, a1, -4), 0, Xlen::Rv64),
             QStringLiteral("bne\ta0,a1,fffffffffffffffc"));
    QCOMPARE(text(0xc8002573, 0, Xlen::Rv32), QStringLiteral("rdcycleh\ta0"));
    QCOMPARE(text(0xc8002573, 0, Xlen::Rv64), QStringLiteral("csrr\ta0,cycleh"));
    QCOMPARE(text(0x0000, 0, Xlen::Rv64), QStringLiteral("unimp"));
    QCOMPARE(text(0x6101, 0, Xlen::Rv64), QStringLiteral(".2byte\t0x6101"));
    QCOMPARE(text(0x00007003, 0, Xlen::Rv64), QStringLiteral(".4byte\t0x7003"));
    QCOMPARE(text(0x1605b52f, 0, Xlen::Rv64), QStringLiteral("lr.d.aqrl\ta0,(a1)"));
}

QTEST_APPLESS_MAIN(DecoderTest)
#include "DecoderTest.moc"
