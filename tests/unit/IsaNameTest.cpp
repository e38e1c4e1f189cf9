// ISA naming strings split into riscv,isa-base and riscv,isa-extensions.
#include <QtTest>

#include <stdexcept>
#include <string>
#include <vector>

#include "isa/IsaName.h"

using glasshart::IsaName;
using glasshart::Xlen;

Q_DECLARE_METATYPE(Xlen)

namespace {

QStringList toQt(const std::vector<std::string>& values) {
    QStringList list;
    for (const std::string& value : values) list << QString::fromStdString(value);
    return list;
}

}  // namespace

class IsaNameTest : public QObject {
    Q_OBJECT

private slots:
    void accepted_data() {
        QTest::addColumn<Xlen>("xlen");
        QTest::addColumn<QString>("isa");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QStringList>("extensions");
        QTest::newRow("rv64gc spelled out")
            << Xlen::Rv64 << "rv64imafdc_zicsr_zifencei" << "rv64i"
            << QStringList{"i", "m", "a", "f", "d", "c", "zicsr", "zifencei"};
        QTest::newRow("g expands") << Xlen::Rv64 << "rv64gc" << "rv64i"
                                   << QStringList{"i", "m", "a", "f", "d", "zicsr", "zifencei", "c"};
        QTest::newRow("rv32 base only") << Xlen::Rv32 << "rv32i" << "rv32i" << QStringList{"i"};
        QTest::newRow("first multi-letter without '_'")
            << Xlen::Rv32 << "rv32imaczicsr_zifencei" << "rv32i"
            << QStringList{"i", "m", "a", "c", "zicsr", "zifencei"};
        QTest::newRow("s and x extensions, digits") << Xlen::Rv64 << "rv64ima_sstc_xfoo2_zve32x" << "rv64i"
                                                    << QStringList{"i", "m", "a", "sstc", "xfoo2", "zve32x"};
        QTest::newRow("h is a single letter") << Xlen::Rv64 << "rv64imah" << "rv64i"
                                              << QStringList{"i", "m", "a", "h"};
    }
    void accepted() {
        QFETCH(Xlen, xlen);
        QFETCH(QString, isa);
        QFETCH(QString, base);
        QFETCH(QStringList, extensions);
        const IsaName name = glasshart::parseIsaName(isa.toStdString(), xlen);
        QCOMPARE(QString::fromStdString(name.base), base);
        QCOMPARE(toQt(name.extensions), extensions);
    }

    void rejected_data() {
        QTest::addColumn<Xlen>("xlen");
        QTest::addColumn<QString>("isa");
        QTest::newRow("empty") << Xlen::Rv64 << "";
        QTest::newRow("xlen disagrees") << Xlen::Rv32 << "rv64imac";
        QTest::newRow("no base letter") << Xlen::Rv64 << "rv64";
        QTest::newRow("base is not i or g") << Xlen::Rv64 << "rv64mac";
        QTest::newRow("rv32e is not described") << Xlen::Rv32 << "rv32ec";
        QTest::newRow("upper case") << Xlen::Rv64 << "RV64IMAC";
        QTest::newRow("upper case letter") << Xlen::Rv64 << "rv64iMac";
        QTest::newRow("version number") << Xlen::Rv64 << "rv64i2p1m";
        QTest::newRow("repeated letter") << Xlen::Rv64 << "rv64imam";
        QTest::newRow("g repeats i") << Xlen::Rv64 << "rv64gi";
        QTest::newRow("repeated multi-letter") << Xlen::Rv64 << "rv64i_zicsr_zicsr";
        QTest::newRow("g then zicsr") << Xlen::Rv64 << "rv64g_zicsr";
        QTest::newRow("trailing '_'") << Xlen::Rv64 << "rv64imac_";
        QTest::newRow("double '_'") << Xlen::Rv64 << "rv64imac__zicsr";
        QTest::newRow("multi-letter with a bad prefix") << Xlen::Rv64 << "rv64imac_qfoo";
        QTest::newRow("single letter after '_'") << Xlen::Rv64 << "rv64ima_c";
        QTest::newRow("punctuation") << Xlen::Rv64 << "rv64imac_zi-csr";
        QTest::newRow("space") << Xlen::Rv64 << "rv64imac zicsr";
    }
    void rejected() {
        QFETCH(Xlen, xlen);
        QFETCH(QString, isa);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)glasshart::parseIsaName(isa.toStdString(), xlen));
    }
};

QTEST_APPLESS_MAIN(IsaNameTest)
#include "IsaNameTest.moc"
