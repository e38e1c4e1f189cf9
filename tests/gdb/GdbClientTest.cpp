#include <QtTest>
class GdbClientTest : public QObject { Q_OBJECT };
QTEST_APPLESS_MAIN(GdbClientTest)
#include "GdbClientTest.moc"
