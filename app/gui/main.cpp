// commandpost: the GUI. Parses the command line, takes the database lock, opens the store and
// hands over to the main window.

#include "backupactions.h"
#include "db/commitwatcher.h"
#include "db/databaselock.h"
#include "db/incidentstore.h"
#include "db/outbox.h"
#include "db/outboxsender.h"
#include "db/privatefile.h"
#include "docks/timelinedock.h"
#include "domain/appidentity.h"
#include "domain/clock.h"
#include "mainwindow.h"
#include "notes/traineenotes.h"
#include "preferences.h"
#include "resources.h"
#include "server/serveraddress.h"
#include "sessionguard.h"
#include "shadow/replaybar.h"
#include "shadow/replaypickerdialog.h"
#include "shadow/shadowwindow.h"
#include "widgets/accessiblename.h"
#include "widgets/deferredicon.h"
#include "widgets/drawnstandardicons.h"
#include "widgets/firstframemark.h"
#include "widgets/startuptrace.h"
#include "window/serveractions.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QIcon>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

#include <cstdio>
#include <memory>
#include <optional>
#include <sys/stat.h>
#include <utility>

namespace cp {
namespace {

// The window's command line, declared once: parsed before any application object exists
// (help and version) and again by the running application.
struct GuiOptions
{
    Q_DECLARE_TR_FUNCTIONS(cp::GuiMain)
public:
    GuiOptions();
    // Prints help or version and returns 0 when asked for either, without a display; -1 otherwise.
    static int answerWithoutDisplay(int &argc, char **argv);

    QCommandLineParser parser;
    const QCommandLineOption db;
    const QCommandLineOption server;
    const QCommandLineOption follow;
    const QCommandLineOption whenLocked;
    const QCommandLineOption screen;
    const QCommandLineOption fullScreen;
};

class GuiMain
{
    Q_DECLARE_TR_FUNCTIONS(cp::GuiMain)
public:
    static int run(QApplication &app);

private:
    static void refuse(const QString &title, const QString &text, const QString &details = {});
    // The settings file and its folder are the user's only (0600/0700), an older one included.
    static void makeSettingsPrivate(const QSettings &settings);
    // The shadow view over the database opened read-only: never the lock, never a write.
    static int follow(const QString &path, const std::optional<ServerAddress> &server, int screen, bool fullScreen);
    // The main window on a team server: no lock file (every laptop of the team may write).
    static int runOnServer(QApplication &app, const ServerAddress &server);
    // Opens the store the next window shows. No wait here is for the network: the window's own
    // start (startUnreachable) opens at once with its link connecting; File ▸ Connect to a team
    // server… opens a server its dialog has just reached. Later tries run in the background.
    static StoreError openNextServer(const ServerAddress &server, bool startUnreachable);
    // The windows on the servers connected to from the window, one after the other.
    static int runNextServers(QApplication &app);
    // notice: shown in the status bar at the start (a stale lock taken over).
    static int runWindow(QApplication &app, IncidentStore &store, const QString &notice = QString(),
                         Outbox *outbox = nullptr, OutboxSender *sender = nullptr);
    // A second window on a locked database: follow it instead (true) or give up.
    static bool offerFollow(const QString &path, const QString &holder, const QString &whenLocked);
};

// Set by the window when File ▸ Restore… wants a fresh process on the restored file.
bool restartAfterRestore = false;
// Set by File ▸ Connect to a team server…: the store of the server connected to, opened while the
// window asked, and what the next window says first.
std::unique_ptr<IncidentStore> nextServer;
QString nextServerNotice;

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

void GuiMain::makeSettingsPrivate(const QSettings &settings)
{
    PrivateFile::makePrivateFolder(QFileInfo(settings.fileName()).absolutePath());
    PrivateFile::makePrivate(settings.fileName());
}

GuiOptions::GuiOptions()
    : db(QStringList{QStringLiteral("db"), QStringLiteral("database")},
         tr("The incident database to open (default: %1).").arg(QDir::toNativeSeparators(StoreSession::defaultPath())),
         tr("FILE")),
      server(QStringLiteral("server"),
             tr("A team server (PostgreSQL) instead of a file: a libpq connection string, a postgresql:// URI or "
                "service=NAME (default: $COMMANDPOST_SERVER when --db is not given)."),
             tr("SERVER")),
      follow(QStringLiteral("follow"),
             tr("Follow the database read-only in the shadow view (for a trainee's second screen): never locks or "
                "writes it.")),
      whenLocked(QStringLiteral("when-locked"),
                 tr("When another window already has the database open: ask (the default; refuse where no one can "
                    "answer), follow (open the shadow view) or refuse."),
                 tr("ask|follow|refuse"), QStringLiteral("ask")),
      screen(QStringLiteral("screen"),
             tr("The screen for the shadow view, from 1 (default: the second screen, if there is one)."), tr("N")),
      fullScreen(QStringLiteral("full-screen"), tr("Start the shadow view full screen."))
{
    parser.setApplicationDescription(tr("CommandPost — incident command console"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({db, server, follow, whenLocked, screen, fullScreen});
}

int GuiOptions::answerWithoutDisplay(int &argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    GuiOptions options;
    // Qt's own options (-platform, -style, …) are unknown here; the full parse after the
    // QApplication exists reports anything really wrong.
    if (!options.parser.parse(arguments))
        return -1;
    const bool help = options.parser.isSet(QStringLiteral("help")) || options.parser.isSet(QStringLiteral("help-all"));
    if (!help && !options.parser.isSet(QStringLiteral("version")))
        return -1;
    // Help and version need no display: a core application is enough, and both exit.
    QCoreApplication app(argc, argv);
    applyAppIdentity();
    GuiOptions translated; // the descriptions again, now that the translations are installed
    translated.parser.process(app);
    return Done;
}

int GuiMain::run(QApplication &app)
{
    GuiOptions options;
    QCommandLineParser &parser = options.parser;
    parser.process(app);
    const int screen = parser.isSet(options.screen) ? parser.value(options.screen).toInt() - 1 : -1;
    const QString whenLocked = parser.value(options.whenLocked);
    if (whenLocked != QLatin1String("ask") && whenLocked != QLatin1String("follow") &&
        whenLocked != QLatin1String("refuse")) {
        std::fprintf(stderr, "commandpost: %s\n",
                     qPrintable(tr("--when-locked takes ask, follow or refuse, not \"%1\".").arg(whenLocked)));
        return CannotOpen;
    }

    if (parser.isSet(options.db) && parser.isSet(options.server)) {
        std::fprintf(stderr, "commandpost: %s\n",
                     qPrintable(tr("--db names a file and --server a team server; give one of them.")));
        return CannotOpen;
    }
    const QString serverText = parser.isSet(options.server)
                                   ? parser.value(options.server)
                                   : (parser.isSet(options.db) ? QString() : ServerAddress::fromEnvironment());
    std::optional<ServerAddress> server;
    if (!serverText.isEmpty()) {
        auto parsed = ServerAddress::parse(serverText);
        if (!parsed) {
            refuse(tr("Cannot connect to the team server"), parsed.error().message());
            return CannotOpen;
        }
        server = *parsed;
    }
    const QString path =
        QFileInfo(parser.isSet(options.db) ? parser.value(options.db) : StoreSession::defaultPath()).absoluteFilePath();
    if (parser.isSet(options.follow))
        return follow(path, server, screen, parser.isSet(options.fullScreen));
    if (server)
        return runOnServer(app, *server);

    // One GUI per database. The lock file lives beside the database, so its folder must exist
    // (the store would create it anyway); the database file itself is not touched here.
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        QDir().mkpath(info.absolutePath());
    DatabaseLock lock(path);
    if (!lock.tryLock()) {
        const QFileInfo lockFile(DatabaseLock::lockPathFor(path));
        if (lockFile.exists() || lockFile.isSymLink()) {
            if (offerFollow(path, lock.holderDescription(), whenLocked))
                return follow(path, std::nullopt, screen, parser.isSet(options.fullScreen));
            refuse(tr("Database already open"),
                   tr("%1 is already open in %2.").arg(QDir::toNativeSeparators(path), lock.holderDescription()),
                   tr("Only one CommandPost window may change a database. Switch to that window, follow it "
                      "read-only with --follow, or open another database with --db FILE."));
            return Locked;
        }
        // No lock file could be made at all: say why (a full disk, a read-only folder).
        refuse(tr("Cannot open the database"), lock.creationProblem());
        return CannotOpen;
    }

    IncidentStore store(SystemClock::instance());
    StoreSession::Options openOptions;
    openOptions.checkGrowingTablesLater = true; // a large timeline is checked while the window shows it
    if (const StoreError error = store.session().open(path, openOptions); !error.ok()) {
        refuse(tr("Cannot open the database"), error.message());
        return CannotOpen;
    }
    if (!lock.takeOverNotice().isEmpty())
        std::fprintf(stderr, "commandpost: %s\n", qPrintable(lock.takeOverNotice()));
    StartupTrace::mark("store opened");
    const CommitWatcher commits(store.session()); // the CLI's commits show up as they happen
    const int code = runWindow(app, store, lock.takeOverNotice());
    if (restartAfterRestore) {
        // After File ▸ Restore…: a fresh process on the restored file, once this one let go of it.
        store.session().close();
        lock.unlock();
        QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1));
        return code;
    }
    if (!nextServer)
        return code;
    // Connected to a team server from the window: the file is let go before the server's window opens.
    store.session().close();
    lock.unlock();
    return runNextServers(app);
}

int GuiMain::runOnServer(QApplication &app, const ServerAddress &server)
{
    if (const StoreError error = openNextServer(server, true); !error.ok()) {
        refuse(tr("Cannot open the team server"), error.message());
        return CannotOpen;
    }
    return runNextServers(app);
}

StoreError GuiMain::openNextServer(const ServerAddress &server, bool startUnreachable)
{
    auto store = std::make_unique<IncidentStore>(SystemClock::instance());
    StoreSession::Options options;
    options.tryInBackground = true;
    options.startUnreachable = startUnreachable;
    if (StoreError error = store->session().openServer(server, options); !error.ok())
        return error;
    nextServer = std::move(store);
    return {};
}

int GuiMain::runNextServers(QApplication &app)
{
    int code = Done;
    while (nextServer) {
        const std::unique_ptr<IncidentStore> store = std::move(nextServer);
        // Other laptops' commits arrive as notifications at once; the watcher's poll is the safety net.
        const CommitWatcher commits(store->session());
        // What is written while the server is out of reach waits in this user's outbox; what an
        // earlier run left there (a crash, a lost server) is sent once the window is up.
        Outbox outbox;
        std::optional<OutboxSender> sender;
        if (const StoreError error = outbox.open(Outbox::pathFor(store->session().serverAddress())); error.ok())
            sender.emplace(store->session(), store->timeline(), outbox);
        else
            std::fprintf(stderr, "commandpost: %s\n", qPrintable(error.message()));
        code = runWindow(app, *store, std::exchange(nextServerNotice, QString()), &outbox, sender ? &*sender : nullptr);
    }
    return code;
}

int GuiMain::runWindow(QApplication &app, IncidentStore &store, const QString &notice, Outbox *outbox,
                       OutboxSender *sender)
{
    QSettings settings;
    makeSettingsPrivate(settings);
    Preferences preferences(settings);
    // On a team server the session's clock is the server's (this machine's, corrected).
    MainWindow window(store, store.session().clock(), preferences, settings);
    window.serverActions()->setConnector([](const ServerAddress &server) { return openNextServer(server, false); });
    QObject::connect(window.serverActions(), &ServerActions::connected, &window,
                     [](const QString &said) { nextServerNotice = said; });
    StartupTrace::mark("window built");
    window.restoreWindowState();
    window.openInitialIncident();
    StartupTrace::mark("incident opened");
    if (outbox && sender) {
        window.timelineDock()->setOutbox(*outbox, *sender);
        sender->send();
    }
    // Crash recovery (#8): the draft line, the heartbeat, a "Session recovered" entry after a crash.
    SessionGuard session(store, window, preferences, SystemClock::instance());
    session.start();
    session.closeOnShutdownRequests(); // a logout or SIGTERM closes the window; it is no crash
    FirstFrameMark::installIfRequested(&window);
    window.show();
    StartupTrace::mark("window shown");
    if (!notice.isEmpty())
        window.statusBar()->showMessage(notice, 30000);
    const int code = app.exec();
    session.end();
    restartAfterRestore = window.backupActions()->restartPending();
    return code;
}

bool GuiMain::offerFollow(const QString &path, const QString &holder, const QString &whenLocked)
{
    if (whenLocked == QLatin1String("follow"))
        return true;
    // Nobody could answer a box on the offscreen platform (tests, headless runs).
    if (whenLocked == QLatin1String("refuse") || QGuiApplication::platformName() == QLatin1String("offscreen"))
        return false;
    QMessageBox box(QMessageBox::Question, tr("Database already open"),
                    tr("%1 is already open in %2.").arg(QDir::toNativeSeparators(path), holder));
    box.setObjectName(QStringLiteral("followOffer"));
    box.setInformativeText(tr("Only one window may change it. Open the read-only shadow view instead? It follows "
                              "every change live, in large type, for a second screen."));
    QPushButton *followButton = box.addButton(tr("Open the shadow view"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Close);
    box.setDefaultButton(followButton);
    box.exec();
    return box.clickedButton() == followButton;
}

int GuiMain::follow(const QString &path, const std::optional<ServerAddress> &server, int screen, bool fullScreen)
{
    const Clock &clock = SystemClock::instance();
    IncidentStore store(clock);
    StoreSession::Options options;
    options.mode = StoreSession::OpenMode::ReadOnly;
    options.create = false;
    options.quickCheck = false; // the writer checks its file; a follower must not hold up a call
    if (const StoreError error =
            server ? store.session().openServer(*server, options) : store.session().open(path, options);
        !error.ok()) {
        refuse(tr("Cannot follow the database"), error.message());
        return CannotOpen;
    }
    const CommitWatcher commits(store.session()); // a server: its notifications

    // The trainee's notes live in their own file in the user's data folder.
    TraineeNotes notes(clock);
    const StoreError notesError = notes.open(TraineeNotes::defaultPath());
    if (!notesError.ok())
        std::fprintf(stderr, "commandpost: %s\n", qPrintable(notesError.message()));

    ShadowWindow window(store, clock, !notesError.ok() ? nullptr : &notes);
    window.setFollowing(server ? server->displayName() : path);
    window.openInitialIncident();
    QObject::connect(&window, &ShadowWindow::replayRequested, &window, [&] {
        auto *picker = new ReplayPickerDialog(store, &window);
        picker->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(picker, &QDialog::accepted, &window, [&, picker] {
            QString error;
            ShadowWindow *replay = openReplayWindow(store, clock, !notesError.ok() ? nullptr : &notes,
                                                    picker->incidentId(), &window, &error);
            if (!replay) {
                QMessageBox::warning(&window, tr("Cannot replay"), error);
                return;
            }
            replay->moveToScreen(static_cast<int>(QGuiApplication::screens().indexOf(window.screen())));
            replay->show();
        });
        picker->open();
    });
    window.moveToScreen(screen >= 0 ? screen : ShadowWindow::preferredScreen());
    if (fullScreen)
        window.showFullScreen();
    else
        window.show();
    std::fprintf(stdout, "commandpost: following %s read-only\n",
                 qPrintable(server ? server->displayName() : QDir::toNativeSeparators(path)));
    std::fflush(stdout);
    return QApplication::exec();
}

} // namespace
} // namespace cp

int main(int argc, char *argv[])
{
    // Every file and folder CommandPost creates (the database and its -wal/-shm, the lock, drafts,
    // settings, notes, exports) is its owner's only, whatever umask it was started with.
    ::umask(077);
    cp::StartupTrace::mark("main");
    if (const int answered = cp::GuiOptions::answerWithoutDisplay(argc, argv); answered >= 0)
        return answered;
    QApplication app(argc, argv);
    cp::installComboBoxAccessibility(); // before the first drop-down is made
    cp::useDrawnStandardIcons();        // before the first widget
    cp::applyAppIdentity();
    cp::initResources();
    QApplication::setApplicationDisplayName(QStringLiteral("CommandPost"));
    QGuiApplication::setDesktopFileName(QStringLiteral("app.commandpost.CommandPost"));
    QApplication::setWindowIcon(cp::deferredIcon(QStringLiteral(":/icons/commandpost.svg")));
    cp::StartupTrace::mark("application");
    return cp::GuiMain::run(app);
}
