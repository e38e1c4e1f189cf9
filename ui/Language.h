#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace glasshart {

// The window's language. Glasshart's own strings are translated by the .qm
// files that translations/ compiles into the program (under :/i18n); Qt's
// own (standard buttons, file dialogs) by Qt's qtbase catalogue, when the
// system has it installed. The language follows the system's locale unless
// the user chose one in View ▸ Language, which QSettings keeps; a choice
// applies from the next start, since the widgets take their texts as they
// are made.

// The language code chosen in the window ("de", "zh_CN", "en"), or an empty
// string to follow the system.
[[nodiscard]] QString chosenLanguage();
void setChosenLanguage(const QString& code);

// The languages Glasshart has translations for, as codes ("de", "zh_CN"),
// found from the compiled-in catalogues. English, the source language, is
// not among them (its catalogue holds only plural forms).
[[nodiscard]] QStringList translatedLanguages();

// The language `locale` gets: the code of the catalogue it loads ("de",
// "zh_CN" for zh_CN and zh_SG alike), or "en" when there is none for it.
[[nodiscard]] QString languageFor(const QLocale& locale);

// The locale the window uses: the chosen language, else the system's.
[[nodiscard]] QLocale interfaceLocale();

// A language's name as its speakers write it ("Deutsch", "简体中文"), for
// the menu that lists them: a reader looks for their own language there.
[[nodiscard]] QString languageName(const QString& code);

// Installs the translators for `locale` into `application`, replacing any
// that an earlier call installed, and makes `locale` the default for
// numbers. A language without a catalogue gets English, with its plural
// forms. Returns whether Glasshart's own catalogue for `locale` was found.
bool installTranslations(QCoreApplication& application, const QLocale& locale);

}  // namespace glasshart
