// commandpost: the GUI. Parses the command line, takes the database lock, opens the store and
// hands over to the main window.

#include "db/databaselock.h"
#include "db/incidentstore.h"
#include "domain/appidentity.h"
#include "domain/clock.h"
#include "mainwindow.h"
#include "preferences.h"
#include "resources.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>

#include <cstdio>

namespace cp {
namespace {

class GuiMain
{
    Q_DECLARE_TR_FUNCTIONS(cp::GuiMain)
public:
    static int run(QApplication &app);

private:
    static void refuse(const QString &title, const QString &text, const QString &details = {});
};

// Exit codes: 0 done, 1 the database could not be opened, 2 another window holds it.
enum ExitCode
{
    Done = 0,
    CannotOpen = 1,
    Locked = 2
};

void GuiMain::refuse(const QString &title, const QString &text, const QString &details)
{
    // Said on stderr too, for a start from a terminal or a script.
    const QString line = details.isEmpty() ? text : text + QLatin1Char(' ') + details;
    std::fprintf(stderr, "commandpost: %s\n", qPrintable(line));
    // Nobody could answer a box on the offscreen platform (tests, headless runs).
    if (QGuiApplication::platformName() == QLatin1String("offscreen"))
        return;
    QMessageBox box(QMessageBox::Critical, title, text, QMessageBox::Close);
    box.setObjectName(QStringLiteral("startupError"));
    if (!details.isEmpty())
        box.setInformativeText(details);
    box.exec();
}

int GuiMain::run(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("CommandPost — incident command console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringList{QStringLiteral("db"), QStringLiteral("database")},
        tr("The incident database to open (default: %1).").arg(QDir::toNativeSeparators(IncidentStore::defaultPath())),
        tr("FILE"));
    parser.addOption(dbOption);
    parser.process(app);

    const QString path =
        QFileInfo(parser.isSet(dbOption) ? parser.value(dbOption) : IncidentStore::defaultPath()).absoluteFilePath();

    // One GUI per database. The lock file lives beside the database, so its folder must exist
    // (the store would create it anyway); the database file itself is not touched here.
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        QDir().mkpath(info.absolutePath());
    DatabaseLock lock(path);
    if (!lock.tryLock()) {
        if (QFileInfo::exists(DatabaseLock::lockPathFor(path))) {
            refuse(tr("Database already open"),
                   tr("%1 is already open in %2.").arg(QDir::toNativeSeparators(path), lock.holderDescription()),
                   tr("Only one CommandPost window may change a database. Switch to that window, or open another "
                      "database with --db FILE."));
            return Locked;
        }
        // No lock file could be made at all (a read-only folder, …): the store says why below.
    }

    IncidentStore store(SystemClock::instance());
    if (const StoreError error = store.open(path)) {
        refuse(tr("Cannot open the database"), error.message());
        return CannotOpen;
    }
    if (!lock.isLocked()) {
        refuse(tr("Cannot open the database"),
               tr("Cannot create the lock file %1, which keeps a second window from writing to the same database.")
                   .arg(QDir::toNativeSeparators(DatabaseLock::lockPathFor(path))));
        return CannotOpen;
    }
    store.setExternalPollInterval(500); // commits by the CLI show up within a second

    QSettings settings;
    Preferences preferences(settings);
    MainWindow window(store, SystemClock::instance(), preferences, settings);
    window.restoreWindowState();
    window.openInitialIncident();
    window.show();
    return app.exec();
}

} // namespace
} // namespace cp

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    cp::applyAppIdentity();
    cp::initResources();
    QApplication::setApplicationDisplayName(QStringLiteral("CommandPost"));
    QGuiApplication::setDesktopFileName(QStringLiteral("app.commandpost.CommandPost"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/commandpost.svg")));
    return cp::GuiMain::run(app);
}
