// glasshart: the window. Opens the demo monitor, the ELF given, or (--linux)
// boots Glasshart's Debian Linux guest.

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>

#include "Language.h"
#include "MainWindow.h"

namespace {

// Calls `ready` once the console has shown `prompt` (Linux's shell is up).
void whenPromptAppears(glasshart::MainWindow& window, const QByteArray& prompt, std::function<void()> ready) {
    auto* watcher = new QObject(&window);
    auto seen = std::make_shared<QByteArray>();
    QObject::connect(&window.inspector(), &glasshart::Inspector::uartOutput, watcher,
                     [watcher, seen, prompt, ready](const QByteArray& bytes) {
                         *seen += bytes;
                         if (!seen->contains(prompt)) {
                             *seen = seen->right(prompt.size());  // a prompt split across chunks still matches
                             return;
                         }
                         watcher->deleteLater();  // once only
                         ready();
                     });
}

}  // namespace

int main(int argc, char** argv) {
    QApplication application(argc, argv);
    QApplication::setOrganizationName("Glasshart");
    QApplication::setApplicationName("Glasshart");
    QApplication::setApplicationVersion(GLASSHART_VERSION);
    // The desktop entry's name: Wayland compositors match the window to its
    // entry (and so to its icon) by it.
    QApplication::setDesktopFileName(GLASSHART_APP_ID);
    QApplication::setWindowIcon(
        QIcon::fromTheme(GLASSHART_APP_ID, QIcon(QStringLiteral(":/icons/" GLASSHART_APP_ID ".svg"))));
    // After the names above, which say where the language setting is kept.
    glasshart::installTranslations(application, glasshart::interfaceLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "A RISC-V emulator that shows its translator at work."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("program", QApplication::translate("main", "A RISC-V ELF program to open (default: the demo monitor)."));
    // For docs/make-screenshot: type into the console, then save the window.
    const QCommandLineOption typeOption("type", QApplication::translate("main", "Type TEXT into the guest's console after start."), "text");
    const QCommandLineOption screenshotOption("screenshot", QApplication::translate("main", "After a few seconds, pause the guest, save a picture of the window to FILE and quit."), "file");
    const QCommandLineOption runOption("run", QApplication::translate("main", "Start running the program at once."));
    const QCommandLineOption exitOption("exit-when-done", QApplication::translate("main", "Close the window when the guest exits, with its exit status (or with status 2 when it cannot start)."));
    const QCommandLineOption linuxOption("linux", QApplication::translate("main", "Boot Glasshart's Debian Linux guest (made by packaging/fetch-linux-guest) instead of a program. --type and --screenshot then wait for its shell prompt."));
    parser.addOption(typeOption);
    parser.addOption(screenshotOption);
    parser.addOption(runOption);
    parser.addOption(exitOption);
    parser.addOption(linuxOption);
    parser.process(application);
    const bool bootLinux = parser.isSet(linuxOption);
    if (bootLinux && !parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "glasshart: %s\n",
                     qPrintable(QApplication::translate("main", "give either a program or --linux, not both")));
        return 2;
    }
    const auto guest = bootLinux ? glasshart::cachedLinuxGuest() : std::nullopt;
    if (bootLinux && !guest) {
        std::fprintf(stderr, "glasshart: %s\n",
                     qPrintable(QApplication::translate("main", "the Linux guest is not in %1 yet: run "
                                                                "packaging/fetch-linux-guest first")
                                    .arg(glasshart::linuxGuestDirectory())));
        return 2;
    }

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
        QObject::connect(&window.inspector(), &glasshart::Inspector::errorOccurred, &window,
                         [](const QString& message) {
                             std::fprintf(stderr, "glasshart: %s\n", qPrintable(message));
                             QApplication::exit(2);
                         });
    }
    // What --type and --screenshot wait for: a program is ready at once,
    // Linux once its shell prompts.
    auto ready = [&parser, &window, typeOption, screenshotOption] {
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
    };
    if (guest) {
        whenPromptAppears(window, guest->prompt, ready);
        const QString name = QApplication::translate("main", "Debian Linux %1").arg(guest->kernelRelease);
        window.bootLinuxWith(guest->bootOptions(), name);
    } else if (programs.isEmpty()) {
        window.openDemo();
        ready();
    } else {
        window.openProgram(programs.first());
        if (parser.isSet(runOption)) window.inspector().run();
        ready();
    }
    return QApplication::exec();
}
