#include "Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace glasshart {
namespace {

const QString kLanguageKey = QStringLiteral("ui/language");
const QString kCatalogueDirectory = QStringLiteral(":/i18n");
const QString kCataloguePrefix = QStringLiteral("glasshart_");
// Marks the translators installTranslations() made, so that a later call
// can take them out again.
const QString kTranslatorName = QStringLiteral("glasshartTranslator");

// A translator for `locale`'s catalogue `name` in `directory`, owned by
// `application`; null if there is none.
QTranslator* loadTranslator(QCoreApplication& application, const QLocale& locale, const QString& name,
                            const QString& directory) {
    auto* translator = new QTranslator(&application);
    translator->setObjectName(kTranslatorName);
    if (translator->load(locale, name, QStringLiteral("_"), directory)) return translator;
    delete translator;
    return nullptr;
}

}  // namespace

QString chosenLanguage() { return QSettings().value(kLanguageKey).toString(); }

void setChosenLanguage(const QString& code) {
    QSettings settings;
    if (code.isEmpty()) {
        settings.remove(kLanguageKey);
    } else {
        settings.setValue(kLanguageKey, code);
    }
}

QStringList translatedLanguages() {
    QStringList codes;
    const QStringList files =
        QDir(kCatalogueDirectory).entryList({kCataloguePrefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QString code = file.mid(kCataloguePrefix.size()).chopped(3);
        if (QLocale(code).language() != QLocale::English) codes << code;
    }
    return codes;
}

QString languageFor(const QLocale& locale) {
    QTranslator probe;
    const bool found = probe.load(locale, QStringLiteral("glasshart"), QStringLiteral("_"), kCatalogueDirectory);
    const QString code = found ? probe.language() : QString();
    return translatedLanguages().contains(code) ? code : QStringLiteral("en");
}

QLocale interfaceLocale() {
    const QString chosen = chosenLanguage();
    return chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
}

QString languageName(const QString& code) {
    const QLocale locale(code);
    // Qt names the source language "American English" after its default
    // territory; the menu means the language.
    if (locale.language() == QLocale::English) return QLocale::languageToString(QLocale::English);
    return locale.nativeLanguageName();
}

bool installTranslations(QCoreApplication& application, const QLocale& locale) {
    for (QTranslator* old : application.findChildren<QTranslator*>(kTranslatorName, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    QLocale::setDefault(locale);
    const QString qtDirectory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (QTranslator* qt = loadTranslator(application, locale, QStringLiteral("qtbase"), qtDirectory)) {
        QCoreApplication::installTranslator(qt);
    }
    const QString name = QStringLiteral("glasshart");
    QTranslator* own = loadTranslator(application, locale, name, kCatalogueDirectory);
    // The source strings stand for themselves, but "%n byte(s)" needs
    // English's plural forms to read "1 byte".
    QTranslator* plurals = own != nullptr ? own : loadTranslator(application, QLocale(QLocale::English), name,
                                                                 kCatalogueDirectory);
    if (plurals != nullptr) QCoreApplication::installTranslator(plurals);
    return own != nullptr;
}

}  // namespace glasshart
