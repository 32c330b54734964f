// Crash recovery and failure handling in the window: the quick-entry draft store, a GUI process
// killed with SIGKILL and relaunched (incident, layout, running timer, the unsent line and a
// "Session recovered" entry), a full disk while logging, and File ▸ Back up… / Restore….
//
// The killed process is this test executable itself started again with CP_RECOVERY_CHILD set:
// it builds the same window as app/gui/main.cpp, types into the line, says "ready" and waits to
// be killed.
#include "backupactions.h"
#include "db/databasebackup.h"
#include "db/databaselock.h"
#include "db/draftstore.h"
#include "db/privatefile.h"
#include "db/sessionmarker.h"
#include "docks/rosterdock.h"
#include "docks/timelinedock.h"
#include "models/timelinemodel.h"
#include "sessionguard.h"
#include "uifixture.h"
#include "undo/savestatus.h"
#include "widgets/quickentryedit.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <csignal>
#include <cstdio>

using namespace cp;

namespace {

const QString TypedDraft = QStringLiteral("@now rollback of payments-api started, waiting for");

QList<TimelineEntry> systemEntries(const IncidentStore &store, qint64 incidentId)
{
    TimelinePage page;
    page.incidentId = incidentId;
    page.limit = 1000;
    page.filter.kinds = {EntryKind::System};
    auto entries = store.timeline().entries(page);
    return entries ? *entries : QList<TimelineEntry>();
}

int countRecovered(const IncidentStore &store, qint64 incidentId)
{
    int n = 0;
    for (const TimelineEntry &entry : systemEntries(store, incidentId))
        n += entry.text.startsWith(QStringLiteral("Session recovered")) ? 1 : 0;
    return n;
}

// A window over the fixture showing a newly declared incident.
MainWindow &windowOn(test::UiFixture &f, const QString &title, qint64 *incidentId)
{
    *incidentId = f.declare(title);
    MainWindow &window = f.makeWindow();
    window.openIncident(*incidentId);
    return window;
}

// The GUI that gets killed: the window of app/gui/main.cpp over CP_RECOVERY_CHILD (a database
// path) with the settings in CP_RECOVERY_SETTINGS.
int runChild()
{
    const QString path = qEnvironmentVariable("CP_RECOVERY_CHILD");
    QSettings settings(qEnvironmentVariable("CP_RECOVERY_SETTINGS"), QSettings::IniFormat);
    Preferences preferences(settings);
    DatabaseLock lock(path);
    if (!lock.tryLock())
        return 2;
    IncidentStore store(SystemClock::instance());
    if (!store.session().open(path).ok())
        return 1;
    MainWindow window(store, SystemClock::instance(), preferences, settings);
    window.restoreWindowState();
    window.openInitialIncident();
    SessionGuard session(store, window, preferences, SystemClock::instance());
    session.start();
    session.closeOnShutdownRequests();
    window.show();
    // The user's session: a layout change, a running countdown, a half-typed line.
    window.rosterDock()->hide();
    if (!store.timers().startCountdown(window.currentIncidentId(), QStringLiteral("Update the status page"),
                                       15 * 60 * 1000, TimerOptions(), QStringLiteral("ana")))
        return 3;
    QuickEntryEdit *line = window.timelineDock()->quickEntry();
    line->setFocus();
    QTest::keyClicks(line, TypedDraft);
    DraftStore drafts(path);
    if (!QTest::qWaitFor([&] { return drafts.load() && drafts.load()->text == TypedDraft; }, 10000))
        return 4;
    session.heartbeat(); // as its timer would within 10 s
    std::printf("ready\n");
    std::fflush(stdout);
    const int code = QApplication::exec(); // until a signal
    session.end();
    return code;
}

// Starts the child GUI over a new database with one open incident; false when it never got ready.
bool startChild(QProcess &child, const QString &path, const QString &settingsPath, qint64 *incidentId)
{
    {
        IncidentStore store(SystemClock::instance());
        if (!store.session().open(path).ok())
            return false;
        NewIncident incident;
        incident.title = QStringLiteral("Payments API down");
        incident.severity = Severity::Sev1;
        if (!store.incidents().create({QStringLiteral("Older, resolved"), {}, Severity::Sev4}, QStringLiteral("a")))
            return false;
        auto id = store.incidents().create(incident, QStringLiteral("ana"));
        if (!id)
            return false;
        *incidentId = *id;
        QSettings settings(settingsPath, QSettings::IniFormat);
        Preferences(settings).setLastIncidentId(*id);
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CP_RECOVERY_CHILD"), path);
    env.insert(QStringLiteral("CP_RECOVERY_SETTINGS"), settingsPath);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    if (!child.waitForStarted(10000) || !child.waitForReadyRead(30000))
        return false;
    return child.readAllStandardOutput() == QByteArray("ready\n");
}

} // namespace

class TstRecoveryUi : public QObject
{
    Q_OBJECT

private slots:
    void typingKeepsADraftAndLoggingClearsIt()
    {
        test::UiFixture f;
        QVERIFY(f.openError.ok());
        qint64 id = 0;
        MainWindow &window = windowOn(f, QStringLiteral("Checkout errors"), &id);
        SessionGuard session(*f.store, window, *f.preferences, f.clock);
        session.start();
        QVERIFY(!session.recovered()); // a first start is not a recovery
        auto *line = window.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
        QVERIFY(line);
        DraftStore drafts(f.store->session().path());
        QTest::keyClicks(line, QStringLiteral("half a thought"));
        QTRY_VERIFY(drafts.load().has_value());
        QCOMPARE(drafts.load()->text, QStringLiteral("half a thought"));
        QCOMPARE(drafts.load()->incidentId, id);
        QCOMPARE(PrivateFile::modeOf(drafts.path()), 0600);
        QTest::keyClick(line, Qt::Key_Return);
        QVERIFY(line->text().isEmpty());
        QVERIFY2(!QFile::exists(drafts.path()), "a logged line must not come back as a draft");
        session.end();
        auto marker = SessionMarker(f.store->session().path()).read();
        QVERIFY(marker && marker->clean);
    }

    void cleanRestartLogsNoRecovery()
    {
        test::UiFixture f;
        const qint64 id = f.declare(QStringLiteral("Quiet"));
        {
            MainWindow &window = f.makeWindow();
            window.openIncident(id);
            SessionGuard session(*f.store, window, *f.preferences, f.clock);
            session.start();
            session.end();
        }
        MainWindow &again = f.makeWindow();
        again.openInitialIncident();
        SessionGuard session(*f.store, again, *f.preferences, f.clock);
        session.start();
        QVERIFY(!session.recovered());
        QCOMPARE(countRecovered(*f.store, id), 0);
    }

    void killedWindowIsRecovered()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        const QString settingsPath = tmp.path(QStringLiteral("settings.ini"));
        qint64 incidentId = 0;
        QProcess child;
        QVERIFY2(startChild(child, path, settingsPath, &incidentId), child.readAllStandardError().constData());
        const QDateTime killedAt = QDateTime::currentDateTimeUtc();
        child.kill(); // SIGKILL: no close event, no clean end
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QVERIFY(!SessionMarker(path).read()->clean);

        // Relaunch: the same start-up as app/gui/main.cpp.
        QSettings settings(settingsPath, QSettings::IniFormat);
        Preferences preferences(settings);
        DatabaseLock lock(path);
        QVERIFY2(lock.tryLock(), "the dead process's lock was not taken over");
        IncidentStore store(SystemClock::instance());
        QVERIFY(store.session().open(path).ok());
        MainWindow window(store, SystemClock::instance(), preferences, settings);
        window.restoreWindowState();
        window.openInitialIncident();
        SessionGuard session(store, window, preferences, SystemClock::instance());
        session.start();
        window.show();

        QCOMPARE(window.currentIncidentId(), incidentId);
        QCOMPARE(window.timelineDock()->quickEntry()->text(), TypedDraft);
        QVERIFY2(window.rosterDock()->isHidden(), "the layout of the killed window was not restored");
        auto live = store.timers().live();
        QVERIFY(live.ok());
        QCOMPARE(live->size(), 1);
        QCOMPARE(live->constFirst().label, QStringLiteral("Update the status page"));
        QVERIFY(session.recovered());
        QCOMPARE(countRecovered(store, incidentId), 1);
        auto entry = store.timeline().entry(session.recoveredEntryId());
        QVERIFY(entry.ok());
        QCOMPARE(entry->kind, EntryKind::System);
        QVERIFY2(entry->text.contains(QStringLiteral("Last known alive")), qPrintable(entry->text));
        // The gap runs from the last heartbeat (before the kill) to now.
        const QString aliveText = killedAt.toString(QStringLiteral("HH:mm"));
        QVERIFY2(entry->text.contains(aliveText) ||
                     entry->text.contains(killedAt.addSecs(-60).toString(QStringLiteral("HH:mm"))),
                 qPrintable(entry->text));
        // The entry is on the timeline the window shows.
        QTRY_VERIFY(window.timelineDock()->model()->rowCount() >= 3);
        session.end();
    }

    // SIGTERM (a logout, a shutdown) and SIGINT (Ctrl+C) close the window as a user would: the
    // session ends clean, the layout is saved, and the next start logs no "Session recovered".
    void terminationSignalsCloseCleanly_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }
    void terminationSignalsCloseCleanly()
    {
        QFETCH(int, signalNumber);
        test::TempDatabase tmp;
        const QString path = tmp.path();
        const QString settingsPath = tmp.path(QStringLiteral("settings.ini"));
        qint64 incidentId = 0;
        QProcess child;
        QVERIFY2(startChild(child, path, settingsPath, &incidentId), child.readAllStandardError().constData());
        QVERIFY(!SessionMarker(path).read()->clean);
        QCOMPARE(::kill(pid_t(child.processId()), signalNumber), 0);
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QCOMPARE(child.exitCode(), 0);
        QVERIFY2(SessionMarker(path).read()->clean, "a signalled window must end its session cleanly");
        QCOMPARE(DraftStore(path).load()->text, TypedDraft); // the unsent line is kept, as on any close

        QSettings settings(settingsPath, QSettings::IniFormat);
        Preferences preferences(settings);
        DatabaseLock lock(path);
        QVERIFY(lock.tryLock());
        IncidentStore store(SystemClock::instance());
        QVERIFY(store.session().open(path).ok());
        MainWindow window(store, SystemClock::instance(), preferences, settings);
        window.restoreWindowState();
        window.openInitialIncident();
        SessionGuard session(store, window, preferences, SystemClock::instance());
        session.start();
        QVERIFY(!session.recovered());
        QCOMPARE(countRecovered(store, incidentId), 0);
        QVERIFY2(window.rosterDock()->isHidden(), "the closing window did not save its layout");
        session.end();
    }

    // A crash after the incident was resolved writes nothing into it: its record is closed.
    void crashAfterResolveLeavesTheIncidentAlone()
    {
        test::UiFixture f;
        qint64 id = 0;
        MainWindow &window = windowOn(f, QStringLiteral("Resolved before the crash"), &id);
        QVERIFY(f.store->resolution()
                    .resolve(id, {{QStringLiteral("*"), QStringLiteral("test")}}, QStringLiteral("ana"))
                    .ok());
        QVERIFY(SessionMarker(f.store->session().path()).begin(f.clock.nowUtc(), id).ok()); // never ended: a crash
        f.clock.advance(60 * 1000);
        const qint64 entriesBefore = f.store->session().stats()->entries;
        SessionGuard session(*f.store, window, *f.preferences, f.clock);
        session.start();
        QCOMPARE(window.currentIncidentId(), id);
        QVERIFY(!session.recovered());
        QCOMPARE(f.store->session().stats()->entries, entriesBefore);
        session.end();
    }

    void fullDiskKeepsTheLineAndNeverShowsSaved()
    {
        test::UiFixture f;
        qint64 id = 0;
        MainWindow &window = windowOn(f, QStringLiteral("Disk"), &id);
        auto *line = window.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
        auto *feedback = window.findChild<QLabel *>(QStringLiteral("quickEntryFeedback"));
        auto *indicator = window.findChild<QLabel *>(QStringLiteral("saveIndicator"));
        QVERIFY(line && feedback && indicator);
        const int rowsBefore = window.timelineDock()->model()->rowCount();

        QVERIFY(f.store->session().limitPagesForTesting(1).ok());
        const QString text = QStringLiteral("Mitigation: traffic moved to eu-west ") + QString(12000, QLatin1Char('x'));
        line->setText(text);
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(line->text(), text); // every character kept
        QVERIFY2(feedback->text().contains(QStringLiteral("disk is full")), qPrintable(feedback->text()));
        QVERIFY(indicator->text().startsWith(QStringLiteral("Not saved")));
        QVERIFY(!indicator->text().startsWith(QStringLiteral("Saved")));
        QCOMPARE(window.saveStatus()->lastError().code(), StoreError::Code::DiskFull);
        QCOMPARE(window.timelineDock()->model()->rowCount(), rowsBefore);

        QVERIFY(f.store->session().limitPagesForTesting(0).ok()); // space returns; Enter again
        QTest::keyClick(line, Qt::Key_Return);
        QVERIFY(line->text().isEmpty());
        QVERIFY2(indicator->text().startsWith(QStringLiteral("Saved")), qPrintable(indicator->text()));
        QTRY_COMPARE(window.timelineDock()->model()->rowCount(), rowsBefore + 1);
    }

    // The window opens a large file at once and checks its timeline afterwards: damage found then
    // turns the window read-only, says so in the status bar and in a box, and writes nothing.
    void damageFoundAfterOpeningTurnsTheWindowReadOnly()
    {
        test::TempDatabase tmp;
        const QString path = tmp.path();
        test::FakeClock clock;
        qint64 id = 0;
        {
            IncidentStore store(clock);
            QVERIFY(store.session().open(path).ok());
            id = *store.incidents().create({QStringLiteral("Checkout down")}, QStringLiteral("ana"));
            QList<NewEntry> entries;
            for (int i = 0; i < 300; ++i)
                entries << NewEntry{id, EntryKind::Note, QStringLiteral("bo"),
                                    QStringLiteral("entry %1 ").arg(i) + QString(200, u'x')};
            QVERIFY(store.timeline().appendAll(entries).ok());
        }
        QVERIFY(test::TempDatabase::damageTable(path, QStringLiteral("timeline_entry")));
        const QByteArray before = test::TempDatabase::fingerprint(path);

        IncidentStore store(clock);
        StoreSession::Options options;
        options.checkGrowingTablesLater = true; // as app/gui/main.cpp opens it
        QVERIFY(store.session().open(path, options).ok());
        QSettings settings(tmp.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
        Preferences preferences(settings);
        preferences.setAuthorName(QStringLiteral("ana"));
        // The notice takes its place in the status bar without Qt appending it anywhere.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("insertPermanentWidget")));
        {
            MainWindow window(store, clock, preferences, settings);
            window.show();
            window.openIncident(id);
            auto *notice = window.findChild<QLabel *>(QStringLiteral("damagedFileNotice"));
            QVERIFY(notice);
            QTRY_VERIFY(notice->isVisible());
            QVERIFY2(notice->text().contains(QStringLiteral("Read-only")), qPrintable(notice->text()));
            auto *box = window.findChild<QMessageBox *>(QStringLiteral("damagedFileBox"));
            QVERIFY(box && box->isVisible());
            QVERIFY2(box->text().contains(QStringLiteral("is damaged")) &&
                         box->text().contains(QStringLiteral("read-only")),
                     qPrintable(box->text()));

            auto *line = window.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
            auto *indicator = window.findChild<QLabel *>(QStringLiteral("saveIndicator"));
            QVERIFY(line && indicator);
            QVERIFY2(notice->x() < indicator->x(), "the notice comes before the save indicator");
            line->setText(QStringLiteral("Rollback started"));
            QTest::keyClick(line, Qt::Key_Return);
            QCOMPARE(line->text(), QStringLiteral("Rollback started")); // kept, not lost
            QVERIFY2(indicator->text().startsWith(QStringLiteral("Not saved")), qPrintable(indicator->text()));
        }
        store.session().close();
        QCOMPARE(test::TempDatabase::fingerprint(path), before);
    }

    void backupAndRestoreFromTheFileMenu()
    {
        test::UiFixture f;
        qint64 id = 0;
        MainWindow &window = windowOn(f, QStringLiteral("Backed up"), &id);
        auto *fileMenu = window.findChild<QMenu *>(QStringLiteral("fileMenu"));
        QVERIFY(fileMenu);
        auto *backup = window.findChild<QAction *>(QStringLiteral("backupAction"));
        auto *restore = window.findChild<QAction *>(QStringLiteral("restoreAction"));
        QVERIFY(backup && restore);
        QVERIFY(fileMenu->actions().contains(backup));
        QVERIFY(fileMenu->actions().contains(restore));

        const QString target = f.db.path(QStringLiteral("menu-backup.sqlite"));
        auto made = window.backupActions()->backupTo(target);
        QVERIFY2(made.ok(), qPrintable(made.error().message()));
        QCOMPARE(PrivateFile::modeOf(target), 0600);
        QCOMPARE(made->incidents, 1);

        QVERIFY(
            f.store->timeline().append({id, EntryKind::Note, QStringLiteral("ana"), QStringLiteral("after backup")}));
        auto restored = window.backupActions()->restoreFrom(target);
        QVERIFY2(restored.ok(), qPrintable(restored.error().message()));
        QVERIFY(window.backupActions()->restartPending());
        QVERIFY(!window.isVisible()); // closed, for main() to start afresh
        QCOMPARE(f.store->session().stats()->entries, made->entries);
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("CP_RECOVERY_CHILD"))
        return runChild();
    TstRecoveryUi test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recoveryui.moc"
