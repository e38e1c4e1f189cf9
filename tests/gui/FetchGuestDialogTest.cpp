// The dialog that runs packaging/fetch-linux-guest, on stand-in scripts that
// behave as the real one does at its edges (progress on standard error, the
// directory on standard output, status 3 for an unreachable mirror), so no
// network is needed.

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "linux/FetchGuestDialog.h"

using namespace glasshart;

namespace {

constexpr int kTimeout = 20000;

}  // namespace

class FetchGuestDialogTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(scripts_.isValid()); }
    void showsProgressAndReportsTheDirectory();
    void explainsAnUnreachableMirror();
    void showsTheMessagesOfAFailure();
    void cancelStopsTheScript();

private:
    // A stand-in for fetch-linux-guest running `body`.
    QString script(const QString& name, const QByteArray& body);
    QTemporaryDir scripts_;
};

QString FetchGuestDialogTest::script(const QString& name, const QByteArray& body) {
    const QString path = scripts_.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("#!/bin/sh\n" + body) < 0) return {};
    file.close();
    file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
    return path;
}

void FetchGuestDialogTest::showsProgressAndReportsTheDirectory() {
    const QString path = script(QStringLiteral("fetch-ok"),
                                "[ \"$1\" = --print-dir ] || exit 2\n"
                                "echo 'fetch-linux-guest: downloading linux-image' >&2\n"
                                "echo /var/cache/guest\n");
    FetchGuestDialog dialog(path);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.open();
    dialog.start();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, kTimeout);
    QCOMPARE(dialog.guestDirectory(), QStringLiteral("/var/cache/guest"));
    QVERIFY(dialog.output().contains(QStringLiteral("downloading linux-image")));
    QVERIFY(!dialog.output().contains(QStringLiteral("/var/cache/guest\n")));  // stdout is not progress
}

void FetchGuestDialogTest::explainsAnUnreachableMirror() {
    FetchGuestDialog dialog(script(QStringLiteral("fetch-offline"), "echo 'cannot reach the mirror' >&2\nexit 3\n"));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.open();
    dialog.start();
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("statusLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("cannot be reached")), kTimeout);
    QVERIFY(dialog.isVisible());  // stays open to be read
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.output().contains(QStringLiteral("cannot reach the mirror")));
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(buttons->button(QDialogButtonBox::Close) != nullptr);
}

void FetchGuestDialogTest::showsTheMessagesOfAFailure() {
    FetchGuestDialog dialog(script(QStringLiteral("fetch-broken"), "echo 'cpio is not installed' >&2\nexit 1\n"));
    dialog.open();
    dialog.start();
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("statusLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("status 1")), kTimeout);
    QVERIFY(dialog.output().contains(QStringLiteral("cpio is not installed")));
}

// Whether process `pid` is gone (or a zombie waiting for its parent).
bool processGone(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) return true;
    const QByteArray fields = stat.readAll();
    const qsizetype afterName = fields.lastIndexOf(')');  // the state follows "(name)"
    return afterName >= 0 && fields.mid(afterName + 2, 1) == "Z";
}

void FetchGuestDialogTest::cancelStopsTheScript() {
    // The script and its child (a download, in the real one) both go.
    FetchGuestDialog dialog(script(QStringLiteral("fetch-slow"), "sleep 600 &\necho \"child $!\" >&2\nwait\n"));
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    dialog.open();
    dialog.start();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.output().contains(QStringLiteral("child ")), kTimeout);
    bool ok = false;
    const qint64 child = dialog.output().section(QStringLiteral("child "), 1).section(QLatin1Char('\n'), 0, 0).toLongLong(&ok);
    QVERIFY(ok && child > 0);
    QVERIFY(!processGone(child));
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel)->click();
    QCOMPARE(rejected.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(child), kTimeout);
}

QTEST_MAIN(FetchGuestDialogTest)
#include "FetchGuestDialogTest.moc"
