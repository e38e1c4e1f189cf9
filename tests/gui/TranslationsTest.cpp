// The translations: every .ts file in translations/ complete (each source
// translated, placeholders and accelerators kept, plural forms given), in
// step with the sources (lupdate finds nothing new in them), and loaded by
// the real window for a language chosen in its settings. English, the
// source language, has a catalogue of plural forms only.

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include "Language.h"
#include "MainWindow.h"

using namespace glasshart;

namespace {

const QString kTranslations = QStringLiteral(GLASSHART_SOURCE_DIR "/translations");
// The source language's catalogue: only the strings with %n.
const QString kPluralForms = QStringLiteral("glasshart_en.ts");

struct TsMessage {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;  // the translation's type attribute: "unfinished", "vanished", "obsolete" or none
    QStringList translations;  // one, or one per plural form
};

struct TsFile {
    QString language;
    QList<TsMessage> messages;
};

TsFile readTs(const QString& path) {
    TsFile file;
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(QStringLiteral("cannot read %1").arg(path)), __FILE__, __LINE__);
        return file;
    }
    QXmlStreamReader xml(&input);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            file.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            const bool numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            message = TsMessage{context, {}, {}, numerus, {}, {}};
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus) {
                message.translations << xml.readElementText();
                file.messages << message;
                continue;
            }
            while (xml.readNextStartElement()) message.translations << xml.readElementText();
            file.messages << message;
        }
    }
    if (xml.hasError()) {
        QTest::qFail(qPrintable(QStringLiteral("%1: %2").arg(path, xml.errorString())), __FILE__, __LINE__);
    }
    return file;
}

// %1…%99 and %n (with or without the L that localises a number), sorted.
QStringList placeholders(const QString& text) {
    static const QRegularExpression marker(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList found;
    for (const auto& match : marker.globalMatch(text)) found << match.captured(1);
    found.sort();
    return found;
}

// How many accelerator marks (& before anything but another &) a text has.
int accelerators(const QString& text) {
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&')) continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (!text[i + 1].isSpace()) ++count;
    }
    return count;
}

// Plural forms per language, as Qt Linguist numbers them.
int pluralForms(const QString& language) {
    if (language.startsWith(QLatin1String("zh"))) return 1;
    return 2;  // de, en
}

QStringList tsFiles() {
    return QDir(kTranslations).entryList({QStringLiteral("glasshart_*.ts")}, QDir::Files, QDir::Name);
}

QString where(const TsMessage& message) { return message.context + QStringLiteral(": \"") + message.source + u'"'; }

// The problems of one .ts file: what a translator has left to do.
QStringList problemsIn(const TsFile& file) {
    QStringList problems;
    for (const TsMessage& message : file.messages) {
        if (!message.type.isEmpty()) {
            problems << QStringLiteral("%1 is %2").arg(where(message), message.type);
            continue;
        }
        const int expected = message.numerus ? pluralForms(file.language) : 1;
        if (message.translations.size() != expected) {
            problems << QStringLiteral("%1 has %2 forms, not %3")
                            .arg(where(message))
                            .arg(message.translations.size())
                            .arg(expected);
        }
        for (const QString& translation : message.translations) {
            if (translation.trimmed().isEmpty()) problems << QStringLiteral("%1 is not translated").arg(where(message));
            if (placeholders(translation) != placeholders(message.source)) {
                problems << QStringLiteral("%1: the placeholders of \"%2\" differ").arg(where(message), translation);
            }
            if (accelerators(translation) != accelerators(message.source)) {
                problems << QStringLiteral("%1: the accelerators of \"%2\" differ").arg(where(message), translation);
            }
        }
    }
    return problems;
}

QString menuTitle(const MainWindow& window, int index) { return window.menuBar()->actions().at(index)->text(); }

}  // namespace

class TranslationsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // keep the user's settings out of it
        QSettings().clear();
        QVERIFY2(tsFiles().contains(QStringLiteral("glasshart_de.ts")), "translations/ has German");
        QVERIFY2(tsFiles().contains(QStringLiteral("glasshart_zh_CN.ts")), "translations/ has Simplified Chinese");
    }
    void cleanup() {
        installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English));
        QSettings().clear();
    }

    void everyMessageIsTranslated_data();
    void everyMessageIsTranslated();
    void filesAreInStepWithTheSources_data();
    void filesAreInStepWithTheSources();
    void everyTranslationIsCompiledIn();
    void windowSpeaksTheChosenLanguage_data();
    void windowSpeaksTheChosenLanguage();
    void englishHasItsPluralForms();
    void settingOverridesTheSystem();
    void languageMenuRemembersTheChoice();
};

void TranslationsTest::everyMessageIsTranslated_data() {
    QTest::addColumn<QString>("file");
    for (const QString& file : tsFiles()) QTest::newRow(qPrintable(file)) << file;
}

void TranslationsTest::everyMessageIsTranslated() {
    QFETCH(QString, file);
    const TsFile ts = readTs(QDir(kTranslations).filePath(file));
    if (file == kPluralForms) {
        QVERIFY(!ts.messages.isEmpty());
        for (const TsMessage& message : ts.messages) QVERIFY2(message.numerus, qPrintable(where(message)));
    } else {
        QVERIFY2(ts.messages.size() > 100, "the window has a few hundred strings");
    }
    QVERIFY2(!ts.language.isEmpty(), "the file names its language");
    const QStringList problems = problemsIn(ts);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TranslationsTest::filesAreInStepWithTheSources_data() { everyMessageIsTranslated_data(); }

// lupdate over today's sources must find every string already translated
// and none gone: a string added or changed without its translations fails.
void TranslationsTest::filesAreInStepWithTheSources() {
    QFETCH(QString, file);
    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString copy = work.filePath(file);
    QVERIFY(QFile::copy(QDir(kTranslations).filePath(file), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QStringList arguments{QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete")};
    if (file == kPluralForms) arguments << QStringLiteral("-pluralonly");
    arguments << QStringLiteral(GLASSHART_SOURCE_DIR "/ui") << QStringLiteral(GLASSHART_SOURCE_DIR "/app/gui/main.cpp")
              << QStringLiteral("-ts") << copy;
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(GLASSHART_LUPDATE), arguments);
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate finishes");
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, lupdate.readAll().constData());
    const TsFile before = readTs(QDir(kTranslations).filePath(file));
    const TsFile after = readTs(copy);
    const QStringList problems = problemsIn(after);
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("run the update_translations target and translate:\n") +
                                            problems.join(u'\n')));
    QSet<QString> kept;
    for (const TsMessage& message : after.messages) kept.insert(where(message) + message.comment);
    QStringList gone;
    for (const TsMessage& message : before.messages) {
        if (!kept.contains(where(message) + message.comment)) gone << where(message);
    }
    QVERIFY2(gone.isEmpty(), qPrintable(QStringLiteral("no longer in the sources:\n") + gone.join(u'\n')));
}

void TranslationsTest::everyTranslationIsCompiledIn() {
    QStringList expected;
    for (const QString& file : tsFiles()) {
        if (file != kPluralForms) expected << file.mid(QStringLiteral("glasshart_").size()).chopped(3);
    }
    QCOMPARE(translatedLanguages(), expected);
}

void TranslationsTest::windowSpeaksTheChosenLanguage_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("help");
    QTest::addColumn<QString>("registers");
    QTest::addColumn<QString>("cancel");
    QTest::newRow("German") << "de" << "&Datei" << "&Hilfe" << "Register" << "Abbrechen";
    QTest::newRow("Simplified Chinese") << "zh_CN" << "文件(&F)" << "帮助(&H)" << "寄存器" << "取消";
}

void TranslationsTest::windowSpeaksTheChosenLanguage() {
    QFETCH(QString, language);
    QFETCH(QString, file);
    QFETCH(QString, help);
    QFETCH(QString, registers);
    QFETCH(QString, cancel);
    setChosenLanguage(language);
    QCOMPARE(interfaceLocale().name(), QLocale(language).name());
    QVERIFY(installTranslations(*QCoreApplication::instance(), interfaceLocale()));
    MainWindow window;
    QCOMPARE(menuTitle(window, 0), file);
    QCOMPARE(menuTitle(window, window.menuBar()->actions().size() - 1), help);
    QCOMPARE(window.findChild<QDockWidget*>(QStringLiteral("registers"))->windowTitle(), registers);
    // Numbers follow the language too.
    QCOMPARE(QLocale().name(), QLocale(language).name());
    // Qt's own strings come from Qt's catalogue, where the system has it.
    if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_") + language +
                       QStringLiteral(".qm"))) {
        QSKIP("Qt's translations (qt6-translations-l10n) are not installed");
    }
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(u'&'), cancel);
}

void TranslationsTest::englishHasItsPluralForms() {
    QVERIFY(installTranslations(*QCoreApplication::instance(), QLocale(QStringLiteral("de"))));
    QVERIFY(installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English)));
    MainWindow window;  // the German translators are gone again
    QCOMPARE(menuTitle(window, 0), QStringLiteral("&File"));
    const auto bytes = [](int n) {
        return QCoreApplication::translate("glasshart::TraceModel", "%n byte(s) of x86-64 inline", nullptr, n);
    };
    QCOMPARE(bytes(1), QStringLiteral("1 byte of x86-64 inline"));
    QCOMPARE(bytes(7), QStringLiteral("7 bytes of x86-64 inline"));
    // A language Glasshart has no catalogue for reads as English, plurals too.
    QVERIFY(!installTranslations(*QCoreApplication::instance(), QLocale(QLocale::Swahili)));
    QCOMPARE(bytes(1), QStringLiteral("1 byte of x86-64 inline"));
}

void TranslationsTest::settingOverridesTheSystem() {
    QCOMPARE(chosenLanguage(), QString());
    QCOMPARE(interfaceLocale(), QLocale::system());
    setChosenLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(interfaceLocale(), QLocale(QStringLiteral("zh_CN")));
    setChosenLanguage(QString());
    QCOMPARE(interfaceLocale(), QLocale::system());
    // Which catalogue a locale gets, as the menu's System Default says.
    QCOMPARE(languageFor(QLocale(QStringLiteral("de_AT"))), QStringLiteral("de"));
    QCOMPARE(languageFor(QLocale(QStringLiteral("zh_CN"))), QStringLiteral("zh_CN"));
    QCOMPARE(languageFor(QLocale(QStringLiteral("fr_FR"))), QStringLiteral("en"));
}

void TranslationsTest::languageMenuRemembersTheChoice() {
    {
        MainWindow window;
        window.show();
        QMenu* menu = window.languageMenu();
        QVERIFY(menu != nullptr);
        for (const char* name : {"language_system", "language_en", "language_de", "language_zh_CN"}) {
            QVERIFY2(menu->findChild<QAction*>(QLatin1String(name)) != nullptr, name);
        }
        QVERIFY(menu->findChild<QAction*>(QStringLiteral("language_system"))->isChecked());
        menu->findChild<QAction*>(QStringLiteral("language_de"))->trigger();
        QCOMPARE(chosenLanguage(), QStringLiteral("de"));
        // It says the choice applies from the next start.
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox*>(QStringLiteral("languageChangedBox"))) != nullptr &&
                    box->isVisible());
        QVERIFY2(box->text().contains(QStringLiteral("Deutsch")), qPrintable(box->text()));
        box->accept();
    }
    MainWindow next;
    QVERIFY(next.languageMenu()->findChild<QAction*>(QStringLiteral("language_de"))->isChecked());
    QVERIFY(!next.languageMenu()->findChild<QAction*>(QStringLiteral("language_system"))->isChecked());
}

QTEST_MAIN(TranslationsTest)
#include "TranslationsTest.moc"
