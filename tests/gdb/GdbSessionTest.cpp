#include <QtTest>
class GdbSessionTest : public QObject { Q_OBJECT };
QTEST_APPLESS_MAIN(GdbSessionTest)
#include "GdbSessionTest.moc"
