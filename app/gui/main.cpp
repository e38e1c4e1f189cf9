// glasshart: the window. Opens the demo monitor, or the ELF given.

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

#include "MainWindow.h"

int main(int argc, char** argv) {
    QApplication application(argc, argv);
    QApplication::setOrganizationName("Glasshart");
    QApplication::setApplicationName("Glasshart");
    QApplication::setApplicationVersion(GLASSHART_VERSION);

    QTranslator translator;
    if (translator.load(QLocale(), "glasshart", "_", ":/i18n")) QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "A RISC-V emulator that shows its translator at work."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("program", QApplication::translate("main", "A RISC-V ELF program to open (default: the demo monitor)."));
    // For docs/make-screenshot: type into the console, then save the window.
    const QCommandLineOption typeOption("type", QApplication::translate("main", "Type TEXT into the guest's console after start."), "text");
    const QCommandLineOption screenshotOption("screenshot", QApplication::translate("main", "After a few seconds, pause the guest, save a picture of the window to FILE and quit."), "file");
    const QCommandLineOption runOption("run", QApplication::translate("main", "Start running the program at once."));
    const QCommandLineOption exitOption("exit-when-done", QApplication::translate("main", "Close the window when the guest exits, with its exit status."));
    parser.addOption(typeOption);
    parser.addOption(screenshotOption);
    parser.addOption(runOption);
    parser.addOption(exitOption);
    parser.process(application);

    glasshart::MainWindow window;
    window.show();
    const QStringList programs = parser.positionalArguments();
    if (parser.isSet(exitOption)) {
        QObject::connect(&window.inspector(), &glasshart::Inspector::runStateChanged, &window,
                         [&window](glasshart::RunState state) {
                             if (state != glasshart::RunState::Exited) return;
                             const glasshart::Inspector& inspector = window.inspector();
                             std::fprintf(stderr, "glasshart: %llu frames, longest %lld ms\n",
                                          static_cast<unsigned long long>(inspector.frames()),
                                          static_cast<long long>(inspector.longestFrameMilliseconds()));
                             QApplication::exit(inspector.snapshot().exitCode);
                         });
    }
    if (programs.isEmpty()) {
        window.openDemo();
    } else {
        window.openProgram(programs.first());
        if (parser.isSet(runOption)) window.inspector().run();
    }
    if (parser.isSet(typeOption)) {
        const QByteArray text = parser.value(typeOption).toUtf8();
        QTimer::singleShot(500, &window, [&window, text] { window.inspector().sendInput(text); });
    }
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        // Paused, the trace viewer shows the block the guest is in.
        QTimer::singleShot(3000, &window, [&window] { window.inspector().pause(); });
        QTimer::singleShot(4000, &window, [&window, file] {
            window.grab().save(file);
            QApplication::quit();
        });
    }
    return QApplication::exec();
}
