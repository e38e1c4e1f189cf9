// Watchpoints::match: which instructions touch which bytes, and how. Every
// RISC-V data access is rs1 + offset (unprivileged ISA 2.6), with no offset
// for LR, SC and the AMOs (8.2, 8.4); LR only reads, SC only writes, an AMO
// does both; the F and D loads and stores are loads and stores.

#include <QtTest>

#include "machine/Watchpoints.h"

using namespace glasshart;

namespace {

DecodedInstruction access(Opcode opcode, std::uint8_t rs1, std::int64_t imm) {
    DecodedInstruction instruction;
    instruction.opcode = opcode;
    instruction.rs1 = rs1;
    instruction.imm = imm;
    return instruction;
}

std::optional<WatchKind> hit(const Watchpoints& watchpoints, const DecodedInstruction& instruction,
                             std::uint64_t base, Xlen xlen = Xlen::Rv64) {
    HartState state;
    state.x[instruction.rs1] = base;
    const auto found = watchpoints.match(instruction, state, xlen);
    return found ? std::optional(found->kind) : std::nullopt;
}

Watchpoints only(Watchpoint watchpoint) {
    Watchpoints watchpoints;
    watchpoints.add(watchpoint);
    return watchpoints;
}

}  // namespace

class WatchpointsTest : public QObject {
    Q_OBJECT

private slots:
    void bytesOverlapOrNot();
    void readsWritesAndBoth();
    void atomicsIgnoreTheOffset();
    void addressesWrapAtXlen();
    void onlyMemoryInstructions();
    void removeTakesOneAway();
};

void WatchpointsTest::bytesOverlapOrNot() {
    const auto sd = access(Opcode::Sd, 5, 8);  // bytes 0x1008..0x100f
    QCOMPARE(hit(only({0x100f, 1, WatchKind::Write}), sd, 0x1000), WatchKind::Write);
    QCOMPARE(hit(only({0x1004, 5, WatchKind::Write}), sd, 0x1000), WatchKind::Write);
    QCOMPARE(hit(only({0x1000, 0x100, WatchKind::Write}), sd, 0x1000), WatchKind::Write);
    QCOMPARE(hit(only({0x1010, 1, WatchKind::Write}), sd, 0x1000), std::nullopt);
    QCOMPARE(hit(only({0x1000, 8, WatchKind::Write}), sd, 0x1000), std::nullopt);
    const auto sb = access(Opcode::Sb, 5, -1);  // byte 0x0fff
    QCOMPARE(hit(only({0x0fff, 1, WatchKind::Access}), sb, 0x1000), WatchKind::Access);
    QCOMPARE(hit(only({0x1000, 4, WatchKind::Access}), sb, 0x1000), std::nullopt);
}

void WatchpointsTest::readsWritesAndBoth() {
    struct Case {
        Opcode opcode;
        bool reads;
        bool writes;
    };
    for (const Case c : {Case{Opcode::Ld, true, false}, Case{Opcode::Lbu, true, false}, Case{Opcode::Sw, false, true},
                         Case{Opcode::Flw, true, false}, Case{Opcode::Fsd, false, true},
                         Case{Opcode::LrW, true, false}, Case{Opcode::ScW, false, true},
                         Case{Opcode::AmoaddW, true, true}, Case{Opcode::AmoswapD, true, true}}) {
        const auto instruction = access(c.opcode, 10, 0);
        const QByteArray name(infoOf(c.opcode).mnemonic.data(), qsizetype(infoOf(c.opcode).mnemonic.size()));
        QVERIFY2(hit(only({0x2000, 1, WatchKind::Read}), instruction, 0x2000).has_value() == c.reads, name);
        QVERIFY2(hit(only({0x2000, 1, WatchKind::Write}), instruction, 0x2000).has_value() == c.writes, name);
        QVERIFY2(hit(only({0x2000, 1, WatchKind::Access}), instruction, 0x2000).has_value(), name);
    }
}

void WatchpointsTest::atomicsIgnoreTheOffset() {
    // The decoder leaves imm 0 for them; even if it did not, they address (rs1).
    QCOMPARE(hit(only({0x3000, 4, WatchKind::Write}), access(Opcode::AmoaddW, 6, 0x40), 0x3000), WatchKind::Write);
    QCOMPARE(hit(only({0x3040, 4, WatchKind::Write}), access(Opcode::AmoaddW, 6, 0x40), 0x3000), std::nullopt);
}

void WatchpointsTest::addressesWrapAtXlen() {
    // RV32: 0xffff_fffc + 8 is address 4.
    QCOMPARE(hit(only({0x4, 4, WatchKind::Read}), access(Opcode::Lw, 7, 8), 0xffff'fffc, Xlen::Rv32),
             WatchKind::Read);
    QCOMPARE(hit(only({0x1'0000'0004, 4, WatchKind::Read}), access(Opcode::Lw, 7, 8), 0xffff'fffc, Xlen::Rv32),
             std::nullopt);
    // A range that ends at the very top of the address space.
    QCOMPARE(hit(only({0xffff'ffff'ffff'fff8, 8, WatchKind::Read}), access(Opcode::Lw, 7, 0), 0xffff'ffff'ffff'fffc),
             WatchKind::Read);
}

void WatchpointsTest::onlyMemoryInstructions() {
    const Watchpoints everything = only({0, ~std::uint64_t{0}, WatchKind::Access});
    QCOMPARE(hit(everything, access(Opcode::Addi, 1, 0), 0x1000), std::nullopt);
    QCOMPARE(hit(everything, access(Opcode::Jalr, 1, 0), 0x1000), std::nullopt);
    QCOMPARE(hit(everything, access(Opcode::Lb, 1, 0), 0x1000), WatchKind::Access);
    QCOMPARE(hit(Watchpoints{}, access(Opcode::Lb, 1, 0), 0x1000), std::nullopt);
}

void WatchpointsTest::removeTakesOneAway() {
    Watchpoints watchpoints;
    const Watchpoint watchpoint{0x5000, 8, WatchKind::Write};
    watchpoints.add(watchpoint);
    watchpoints.add(watchpoint);
    QVERIFY(!watchpoints.remove({0x5000, 8, WatchKind::Read}));
    QVERIFY(watchpoints.remove(watchpoint));
    QVERIFY(!watchpoints.empty());
    QVERIFY(watchpoints.remove(watchpoint));
    QVERIFY(watchpoints.empty());
    QVERIFY(!watchpoints.remove(watchpoint));
}

QTEST_APPLESS_MAIN(WatchpointsTest)
#include "WatchpointsTest.moc"
