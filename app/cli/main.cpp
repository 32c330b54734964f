#include "cliapp.h"
#include "clicontext.h"
#include "commandtable.h"
#include "domain/appidentity.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

#include <sys/stat.h>

int main(int argc, char *argv[])
{
    // Every file CommandPost creates is its owner's only, whatever umask it was started with.
    ::umask(077);
    // PDF exports paint text, which needs QtGui: on the offscreen platform, so no display is needed.
    std::unique_ptr<QCoreApplication> app;
    if (cp::cli::CommandTable().needsGui(argc, argv)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        // A headless session has no XDG_RUNTIME_DIR; QtGui's note about it is not the CLI's output.
        static const QtMessageHandler previous = qInstallMessageHandler(nullptr);
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &where, const QString &message) {
            if (!message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")) && previous)
                previous(type, where, message);
        });
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    cp::applyAppIdentity(); // first: the default database path must match the GUI's
    cp::cli::CliContext context;
    cp::cli::CliApp cli(context);
    return cli.run(QCoreApplication::arguments());
}
