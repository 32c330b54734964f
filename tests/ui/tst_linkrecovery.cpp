// A team client whose server dies under it (pg_ctl stop -m immediate on a cluster of the test's
// own) and comes back: the link goes down on the first statement that finds the connection dead,
// every read and write is refused as Unreachable at once (no network wait), the session tries
// again on the link's back-off (a fake clock moves it), and once the server is back it reconnects
// and catches up on what another client committed meanwhile. The window's status bar says each
// state in words.
#include "db/outbox.h"
#include "db/outboxsender.h"
#include "db/privatefile.h"
#include "docks/timelinedock.h"
#include "docks/timersdock.h"
#include "models/timelinemodel.h"
#include "models/timermodel.h"
#include "pgcluster.h"
#include "server/serverlink.h"
#include "silentlistener.h"
#include "timers/timerservice.h"
#include "uifixture.h"
#include "widgets/quickentryedit.h"
#include "widgets/timeralert.h"
#include "window/incidentactions.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTimer>
#include <QTreeView>
#include <QUuid>

using namespace cp;
using namespace cp::test;

namespace {

// Long enough that only a notification, never the safety poll, can deliver within a test.
constexpr int NoPollMs = 10 * 60 * 1000;

} // namespace

class TstLinkRecovery : public QObject
{
    Q_OBJECT

private:
    PgCluster m_cluster;
    QString m_server;

    static StoreSession::Options options()
    {
        StoreSession::Options options;
        options.serverClock = false; // the fake clock stands for the server's
        return options;
    }

    std::unique_ptr<IncidentStore> openStore(const Clock &clock)
    {
        auto store = std::make_unique<IncidentStore>(clock);
        const StoreError error = store->session().openServer(*ServerAddress::parse(m_server), options());
        if (!error.ok())
            qWarning("%s", qPrintable(error.message()));
        return error.ok() ? std::move(store) : nullptr;
    }

    // Two laptops on the server: the listener woken by notifications alone (its poll never comes
    // within a test), the writer committing; an incident of the writer's (0 when any of it failed).
    struct TwoLaptops
    {
        std::unique_ptr<IncidentStore> listener;
        std::unique_ptr<IncidentStore> writer;
        qint64 incident = 0;
    };
    TwoLaptops twoLaptops(const Clock &clock, const QString &title)
    {
        TwoLaptops laptops{openStore(clock), openStore(clock)};
        if (!laptops.listener || !laptops.writer)
            return laptops;
        laptops.listener->session().setExternalPollInterval(NoPollMs);
        auto incident = laptops.writer->incidents().create({title}, QStringLiteral("bo"));
        laptops.incident = incident.ok() ? *incident : 0;
        return laptops;
    }

    // The window's way of opening: nothing waits for the network on this thread.
    static StoreSession::Options inBackground(bool startUnreachable)
    {
        StoreSession::Options background = options();
        background.tryInBackground = true;
        background.startUnreachable = startUnreachable;
        return background;
    }

    // What the status bar's link label says about the server at 'address'.
    static QString linkSays(const QString &address, const QString &state)
    {
        return QStringLiteral("Server %1: %2").arg(ServerAddress::parse(address)->displayName(), state);
    }

    static Result<QList<TimelineEntry>> oldestFirst(IncidentStore &store, qint64 incident)
    {
        TimelinePage page{incident};
        page.oldestFirst = true;
        return store.timeline().entries(page);
    }

    // Whether 'added' (a spy on TimelineRepository::entryAdded) has announced entry 'id'.
    static bool announced(const QSignalSpy &added, qint64 id)
    {
        for (const QList<QVariant> &arguments : added) {
            if (arguments.at(1).toLongLong() == id)
                return true;
        }
        return false;
    }

    static QStringList textsOf(const QList<TimelineEntry> &entries)
    {
        QStringList texts;
        for (const TimelineEntry &entry : entries)
            texts << entry.text;
        return texts;
    }

    static Result<qint64> log(IncidentStore &store, qint64 incident, const QString &text)
    {
        return store.timeline().append({incident, EntryKind::Note, QStringLiteral("ana"), text});
    }

private slots:
    void initTestCase()
    {
        CP_REQUIRE_PG_CLUSTER(m_cluster);
        QString why;
        m_server = m_cluster.createCommandPostDatabase(&why);
        QVERIFY2(!m_server.isEmpty(), qPrintable(why));
    }

    void init()
    {
        // Nothing may watch a connection's socket after libpq closed it: Qt says so in this warning
        // when its event loop finds the number closed, and says nothing when another socket reuses it.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("QSocketNotifier")));
    }

    // The watch for other laptops' commits is the first to learn that the server went away: the
    // link goes down without a statement, the dead socket is watched no more, and once the
    // server is back the watch wakes the session again.
    void theCommitWatchSeesTheServerGo()
    {
        FakeClock clock;
        const TwoLaptops laptops = twoLaptops(clock, QStringLiteral("Checkout down"));
        QVERIFY(laptops.incident > 0);
        IncidentStore *store = laptops.listener.get();
        const ServerLink &link = store->session().link();
        QSignalSpy added(&store->timeline(), &TimelineRepository::entryAdded);
        auto before = log(*laptops.writer, laptops.incident, QStringLiteral("before the outage"));
        QVERIFY(before.ok());
        QTRY_VERIFY(announced(added, *before));

        QString why;
        QVERIFY2(m_cluster.stop(&why), qPrintable(why));
        QTRY_VERIFY(link.isDown());
        QVERIFY(store->session().isOpen());
        for (int i = 0; i < 10; ++i)
            QCoreApplication::processEvents(); // turns on a closed socket would warn

        QVERIFY2(m_cluster.start(&why), qPrintable(why));
        clock.advance(link.msUntilNextAttempt());
        QVERIFY(store->session().reconnectIfDue().ok());
        const auto back = openStore(clock);
        QVERIFY(back);
        auto after = log(*back, laptops.incident, QStringLiteral("after the outage"));
        QVERIFY(after.ok());
        QTRY_VERIFY(announced(added, *after));
    }

    // A notification that libpq reads along with a statement's answer leaves nothing on the
    // socket to wake the session: it is delivered all the same.
    void aNotificationReadWithAnAnswerIsDelivered()
    {
        FakeClock clock;
        const TwoLaptops laptops = twoLaptops(clock, QStringLiteral("Search is slow"));
        QVERIFY(laptops.incident > 0);
        IncidentStore *store = laptops.listener.get();
        QSignalSpy added(&store->timeline(), &TimelineRepository::entryAdded);
        auto entry = log(*laptops.writer, laptops.incident, QStringLiteral("while the session reads"));
        QVERIFY(entry.ok());
        // No turn of the event loop between the commit and this read: its NOTIFY comes in with the answer.
        QVERIFY(store->incidents().incident(laptops.incident).ok());
        QTRY_VERIFY(announced(added, *entry));
    }

    void theLinkGoesDownBacksOffAndCatchesUp()
    {
        FakeClock clock;
        const auto store = openStore(clock);
        QVERIFY(store);
        const ServerLink &link = store->session().link();
        QCOMPARE(link.state(), ServerLink::State::Connected);
        auto incident = store->incidents().create({QStringLiteral("Checkout down")}, QStringLiteral("ana"));
        QVERIFY(incident.ok());
        QVERIFY(log(*store, *incident, QStringLiteral("before the outage")).ok());

        QString why;
        QVERIFY2(m_cluster.stop(&why), qPrintable(why));
        const QDateTime lostAt = clock.nowUtc();

        // The first write finds the connection dead: Unreachable, and the link is down since now.
        auto refused = log(*store, *incident, QStringLiteral("during the outage"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), StoreError::Code::Unreachable);
        QVERIFY2(refused.error().message().contains(QLatin1String("cannot be reached")),
                 qPrintable(refused.error().message()));
        QCOMPARE(link.state(), ServerLink::State::Reconnecting);
        QCOMPARE(link.downSinceUtc(), lostAt);
        QVERIFY(store->session().isOpen());

        // From then on nothing waits for the network: reads and writes are refused at once.
        QCOMPARE(store->timeline().entry(1).error().code(), StoreError::Code::Unreachable);
        QCOMPARE(log(*store, *incident, QStringLiteral("again")).error().code(), StoreError::Code::Unreachable);

        // Tries follow the back-off on the injected clock: none before it is due.
        clock.advance(ServerLink::FirstRetryMs - 1);
        QVERIFY(store->session().reconnectIfDue().ok());
        QCOMPARE(link.failedAttempts(), 0);
        clock.advance(1);
        QCOMPARE(store->session().reconnectIfDue().code(), StoreError::Code::Unreachable);
        QCOMPARE(link.failedAttempts(), 1);
        QCOMPARE(link.msUntilNextAttempt(), 2 * ServerLink::FirstRetryMs);

        // A minute of failed tries: offline.
        while (link.state() != ServerLink::State::Offline) {
            clock.advance(link.msUntilNextAttempt());
            QVERIFY(!store->session().reconnectIfDue().ok());
            QVERIFY(link.failedAttempts() < 20);
        }
        QCOMPARE(link.downSinceUtc(), lostAt);

        // The server comes back; another laptop logs before this one has reconnected.
        QVERIFY2(m_cluster.start(&why), qPrintable(why));
        const auto other = openStore(clock);
        QVERIFY(other);
        auto othersEntry = log(*other, *incident, QStringLiteral("logged by Bo while Ana was cut off"));
        QVERIFY(othersEntry.ok());

        QSignalSpy added(&store->timeline(), &TimelineRepository::entryAdded);
        clock.advance(link.msUntilNextAttempt());
        QVERIFY(store->session().reconnectIfDue().ok());
        QCOMPARE(link.state(), ServerLink::State::Connected);
        // Caught up through the change log: Bo's entry is announced.
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().at(1).toLongLong(), *othersEntry);

        auto after = log(*store, *incident, QStringLiteral("after the outage"));
        QVERIFY(after.ok());
        auto page = store->timeline().entries(TimelinePage{*incident});
        QVERIFY(page.ok());
        QStringList texts;
        for (const TimelineEntry &entry : std::as_const(*page))
            texts << entry.text;
        QCOMPARE(texts.count(QStringLiteral("during the outage")), 0); // refused, never half-written
        QCOMPARE(texts.count(QStringLiteral("logged by Bo while Ana was cut off")), 1);
        QCOMPARE(texts.count(QStringLiteral("after the outage")), 1);
    }

    // A window opened on a server that never answers (a socket that accepts and stays silent)
    // shows at once, says "connecting…", and its event loop keeps turning while libpq waits for
    // its connect timeout on another thread.
    void aWindowOnASilentServerKeepsTurning()
    {
        SilentListener silent;
        QVERIFY(silent.isListening());
        UiFixture ui;
        ui.store = std::make_unique<IncidentStore>(ui.clock);
        QVERIFY(ui.store->session().openServer(*ServerAddress::parse(silent.address()), inBackground(true)).ok());
        const ServerLink &link = ui.store->session().link();
        QVERIFY(link.isDown());
        QVERIFY(link.attemptInFlight());
        MainWindow &window = ui.makeWindow();
        auto *label = window.findChild<QLabel *>(QStringLiteral("serverLinkStatus"));
        QVERIFY(label);
        QCOMPARE(label->text(), linkSays(silent.address(), QStringLiteral("connecting…")));

        int beats = 0;
        QTimer beat;
        beat.callOnTimeout([&beats] { ++beats; });
        beat.start(10);
        QTRY_VERIFY(beats >= 20);
        QVERIFY(link.attemptInFlight()); // the loop turned while the try was still waiting

        // libpq gives up after the address's connect timeout (2 s): one failed try, said in words.
        QTRY_VERIFY_WITH_TIMEOUT(!link.attemptInFlight(), 15000);
        QCOMPARE(link.failedAttempts(), 1);
        const QString since = ui.clock.nowUtc().toLocalTime().toString(QStringLiteral("HH:mm"));
        QCOMPARE(label->text(), linkSays(silent.address(), QStringLiteral("connecting since ")) + since);
        QVERIFY2(label->toolTip().contains(QLatin1String("timeout expired")), qPrintable(label->toolTip()));
    }

    // So does a reconnect try: the server goes, a silent socket takes its port, and the try that
    // meets it waits on another thread; once it fails and the server is back, the next try connects.
    void aReconnectToASilentServerKeepsTheWindowTurning()
    {
        UiFixture ui;
        ui.store = std::make_unique<IncidentStore>(ui.clock);
        QVERIFY(ui.store->session().openServer(*ServerAddress::parse(m_server), inBackground(false)).ok());
        ui.store->session().setExternalPollInterval(100);
        MainWindow &window = ui.makeWindow();
        auto *label = window.findChild<QLabel *>(QStringLiteral("serverLinkStatus"));
        const ServerLink &link = ui.store->session().link();
        QCOMPARE(label->text(), linkSays(m_server, QStringLiteral("connected")));

        QString why;
        QVERIFY2(m_cluster.stop(&why), qPrintable(why));
        QTRY_VERIFY(link.isDown());
        SilentListener silent(m_cluster.port());
        QVERIFY(silent.isListening());
        ui.clock.advance(link.msUntilNextAttempt());
        QTRY_VERIFY(link.attemptInFlight());
        int beats = 0;
        QTimer beat;
        beat.callOnTimeout([&beats] { ++beats; });
        beat.start(10);
        QTRY_VERIFY(beats >= 20);
        QVERIFY(link.attemptInFlight());

        silent.close(); // the waiting connection is reset: the try fails
        QTRY_VERIFY(!link.attemptInFlight());
        QCOMPARE(link.failedAttempts(), 1);
        QVERIFY(label->text().startsWith(linkSays(m_server, QStringLiteral("reconnecting since "))));

        QVERIFY2(m_cluster.start(&why), qPrintable(why));
        ui.clock.advance(link.msUntilNextAttempt());
        QTRY_COMPARE(label->text(), linkSays(m_server, QStringLiteral("connected")));
    }

    // A Scribe's laptop restarts while the server is down: the window opens at once on the
    // incident last shown from that server and says it is connecting; the quick entry keeps what
    // is typed in the outbox, behind what a crash left there; everything else is refused in one
    // line. Once the server answers the window reads the incident, sends the outbox in order,
    // each entry once, and the docks fill.
    void aWindowStartsWithItsServerOutOfReach()
    {
        QTemporaryDir folder;
        Outbox outbox;
        QVERIFY(outbox.open(folder.filePath(QStringLiteral("outbox.sqlite"))).ok());
        const ServerAddress address = *ServerAddress::parse(m_server);
        UiFixture ui;
        qint64 incident = 0;
        {
            // The last run on this server showed the incident.
            ui.store = std::make_unique<IncidentStore>(ui.clock);
            QVERIFY(ui.store->session().openServer(address, inBackground(true)).ok());
            QTRY_VERIFY(!ui.store->session().link().isDown());
            auto created = ui.store->incidents().create({QStringLiteral("Payments degraded")}, QStringLiteral("ana"));
            QVERIFY(created.ok());
            incident = *created;
            QVERIFY(log(*ui.store, incident, QStringLiteral("before the restart")).ok());
            ui.makeWindow().openInitialIncident();
            QCOMPARE(ui.window->currentIncidentId(), incident);
            ui.window.reset();
            ui.store.reset();
        }
        // It crashed with a line in its outbox.
        NewEntry left{incident, EntryKind::Note, QStringLiteral("ana"), QStringLiteral("left by the crash")};
        left.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        left.capturedAt = ui.clock.nowUtc();
        left.occurredAt = left.capturedAt;
        QVERIFY(outbox.add(left).ok());

        QString why;
        QVERIFY2(m_cluster.stop(&why), qPrintable(why));
        ui.clock.advanceSecs(60);
        const QString since = ui.clock.nowUtc().toLocalTime().toString(QStringLiteral("HH:mm"));
        ui.store = std::make_unique<IncidentStore>(ui.clock);
        QVERIFY(ui.store->session().openServer(address, inBackground(true)).ok());
        ui.store->session().setExternalPollInterval(100);
        OutboxSender sender(ui.store->session(), ui.store->timeline(), outbox);
        MainWindow &window = ui.makeWindow();
        window.openInitialIncident();
        window.timelineDock()->setOutbox(outbox, sender);
        QVERIFY(window.isWaitingForServer());
        QCOMPARE(window.currentIncidentId(), incident);
        // The title names the incident and the server, never a password.
        QCOMPARE(window.windowTitle(),
                 QStringLiteral("Payments degraded — team: cp@127.0.0.1:%1/commandpost — CommandPost")
                     .arg(m_cluster.port()));
        auto *chooser = window.findChild<QComboBox *>(QStringLiteral("incidentSwitcherCombo"));
        QVERIFY(chooser);
        QCOMPARE(chooser->currentIndex(), -1); // not on the list until the server answers
        QCOMPARE(chooser->placeholderText(), QStringLiteral("Payments degraded"));
        auto *label = window.findChild<QLabel *>(QStringLiteral("serverLinkStatus"));
        QTRY_COMPARE(label->text(), linkSays(m_server, QStringLiteral("connecting since ")) + since);

        auto *line = window.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
        auto *feedback = window.findChild<QLabel *>(QStringLiteral("quickEntryFeedback"));
        auto *pendingView = window.findChild<QTreeView *>(QStringLiteral("pendingView"));
        QVERIFY(line && feedback && pendingView);
        QTest::keyClicks(line, QStringLiteral("typed while the server is down"));
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(line->text(), QString());
        QVERIFY2(feedback->text().startsWith(QLatin1String("Kept on this computer")), qPrintable(feedback->text()));
        QCOMPARE(*outbox.waiting(), 2);
        QCOMPARE(pendingView->model()->rowCount(), 2);

        // What needs the server's rules is refused in one line, and nothing changes.
        window.incidentActions()->setSeverity(Severity::Sev1);
        auto *saved = window.findChild<QLabel *>(QStringLiteral("saveIndicator"));
        QVERIFY2(saved->toolTip().contains(QLatin1String("cannot be reached")), qPrintable(saved->toolTip()));
        QCOMPARE(*outbox.waiting(), 2);

        QVERIFY2(m_cluster.start(&why), qPrintable(why));
        const ServerLink &link = ui.store->session().link();
        ui.clock.advance(link.msUntilNextAttempt());
        QTRY_COMPARE(label->text(), linkSays(m_server, QStringLiteral("connected")));
        QVERIFY(!window.isWaitingForServer());
        QTRY_COMPARE(*outbox.waiting(), 0);

        const auto entries = oldestFirst(*ui.store, incident);
        QVERIFY(entries.ok());
        const QStringList texts = textsOf(*entries);
        const QStringList written{QStringLiteral("before the restart"), QStringLiteral("left by the crash"),
                                  QStringLiteral("typed while the server is down")};
        QCOMPARE(texts.mid(texts.size() - 3), written);
        for (const QString &text : written)
            QCOMPARE(texts.count(text), 1);
        QCOMPARE(ui.store->incidents().incident(incident)->severity, Severity::Sev3);
        // The docks fill: the timeline shows what is on the server, the incident list has it.
        QTRY_VERIFY(window.timelineDock()->model()->rowOfEntry(entries->last().id) >= 0);
        QVERIFY(window.timelineDock()->model()->rowOfEntry(entries->at(entries->size() - 3).id) >= 0);
        QTRY_COMPARE(pendingView->model()->rowCount(), 0);
        QTRY_VERIFY(chooser->currentIndex() >= 0); // on the list now, chosen
    }

    // Two windows, one on a file and one on a server, or on two servers, tell themselves apart:
    // the title and the link label name the server, never its password.
    void theTitleNamesTheServerNeverItsPassword()
    {
        UiFixture ui;
        ui.store = std::make_unique<IncidentStore>(ui.clock);
        const QString withPassword = m_server + QStringLiteral(" password=hunter2"); // trust: not asked for
        QVERIFY(ui.store->session().openServer(*ServerAddress::parse(withPassword), options()).ok());
        MainWindow &window = ui.makeWindow();
        const QString server = QStringLiteral("cp@127.0.0.1:%1/commandpost").arg(m_cluster.port());
        QCOMPARE(window.windowTitle(), QStringLiteral("Team: %1 — CommandPost").arg(server));
        auto incident = ui.store->incidents().create({QStringLiteral("Search is slow")}, QStringLiteral("ana"));
        QVERIFY(incident.ok());
        QVERIFY(window.openIncident(*incident));
        QCOMPARE(window.windowTitle(), QStringLiteral("Search is slow — team: %1 — CommandPost").arg(server));
        auto *label = window.findChild<QLabel *>(QStringLiteral("serverLinkStatus"));
        QCOMPARE(label->text(), QStringLiteral("Server %1: connected").arg(server));
        for (const QString &shown : {window.windowTitle(), label->text(), label->toolTip()})
            QVERIFY(!shown.contains(QLatin1String("hunter2")));
    }

    // Timers keep counting down from their known deadlines while the server is out of reach, and
    // one that passes its deadline alerts on this laptop then; its expiry reaches the timeline
    // once the link is back, once, at the deadline's time.
    void aTimerAlertsWhileTheLinkIsDownAndIsLoggedOnceBack()
    {
        UiFixture ui;
        ui.store = openStore(ui.clock);
        QVERIFY(ui.store);
        ui.store->session().setExternalPollInterval(100);
        auto incident = ui.store->incidents().create({QStringLiteral("Checkout down")}, QStringLiteral("ana"));
        QVERIFY(incident.ok());
        auto timer = ui.store->timers().startCountdown(*incident, QStringLiteral("check DB SME"), 2 * 60000, {},
                                                       QStringLiteral("ana"));
        QVERIFY(timer.ok());
        const QDateTime deadline = ui.clock.nowUtc().addSecs(120);
        MainWindow &window = ui.makeWindow();
        QVERIFY(window.openIncident(*incident));
        QSignalSpy alerts(window.timersDock()->alert(), &TimerAlert::alerted);
        const auto tick = [&](qint64 secs) {
            ui.clock.advanceSecs(secs);
            window.timerService()->tick();
        };
        const auto remaining = [&] {
            TimerModel *model = window.timersDock()->model();
            return model->index(model->rowOf(*timer), TimerModel::RemainingColumn).data().toString();
        };
        tick(0);
        QCOMPARE(remaining(), QStringLiteral("2:00"));

        QString why;
        QVERIFY2(m_cluster.stop(&why), qPrintable(why));
        const ServerLink &link = ui.store->session().link();
        QTRY_VERIFY(link.isDown());
        tick(60);
        QCOMPARE(remaining(), QStringLiteral("1:00"));
        QCOMPARE(alerts.count(), 0);
        tick(65);
        QCOMPARE(remaining(), QStringLiteral("+0:05"));
        QCOMPARE(alerts.count(), 1);
        QVERIFY(alerts.at(0).at(0).toString().contains(QLatin1String("check DB SME")));
        tick(5);
        QCOMPARE(alerts.count(), 1); // one alert for one deadline, however often the link refuses

        QVERIFY2(m_cluster.start(&why), qPrintable(why));
        ui.clock.advance(link.msUntilNextAttempt());
        QTRY_VERIFY(!link.isDown());
        tick(1);
        tick(1);
        QCOMPARE(alerts.count(), 1);
        auto entries = ui.store->timeline().entries(TimelinePage{*incident});
        QVERIFY(entries.ok());
        QList<TimelineEntry> expiries;
        for (const TimelineEntry &entry : std::as_const(*entries)) {
            if (entry.text.startsWith(QLatin1String("Timer expired")))
                expiries << entry;
        }
        QCOMPARE(expiries.size(), 1);
        QCOMPARE(expiries.first().occurredAt, deadline);
    }

    void theStatusBarSaysTheLinkInWords()
    {
        UiFixture ui;
        ui.store = openStore(ui.clock);
        QVERIFY(ui.store);
        ui.store->session().setExternalPollInterval(100);
        MainWindow &window = ui.makeWindow();
        auto *label = window.findChild<QLabel *>(QStringLiteral("serverLinkStatus"));
        QVERIFY(label);
        QTRY_VERIFY(label->isVisible());
        QCOMPARE(label->text(), linkSays(m_server, QStringLiteral("connected")));

        const QString since = ui.clock.nowUtc().toLocalTime().toString(QStringLiteral("HH:mm"));
        QString why;
        QVERIFY2(m_cluster.stop(&why), qPrintable(why));
        // The window's own look at the change log finds the server gone.
        QTRY_COMPARE(label->text(), linkSays(m_server, QStringLiteral("reconnecting since ")) + since);
        QVERIFY(label->toolTip().contains(QLatin1String("Next try in")));

        const ServerLink &link = ui.store->session().link();
        while (link.state() != ServerLink::State::Offline) {
            ui.clock.advance(link.msUntilNextAttempt());
            ui.store->session().reconnectIfDue();
        }
        QCOMPARE(label->text(), linkSays(m_server, QStringLiteral("offline since ")) + since);

        QVERIFY2(m_cluster.start(&why), qPrintable(why));
        ui.clock.advance(link.msUntilNextAttempt());
        // The session's own timer makes the try that is due now.
        QTRY_COMPARE(label->text(), linkSays(m_server, QStringLiteral("connected")));
    }

    // The Scribe goes on logging with the server gone: each line is on this computer's disk before
    // the line clears, shows above the timeline as pending, and reaches the server, in order and
    // with its own times, once the link is back.
    void theScribeKeepsLoggingWhileTheServerIsGone()
    {
        UiFixture ui;
        ui.store = openStore(ui.clock);
        QVERIFY(ui.store);
        ui.store->session().setExternalPollInterval(100);
        QTemporaryDir folder;
        Outbox outbox;
        const QString outboxPath = folder.filePath(QStringLiteral("outbox.sqlite"));
        QVERIFY(outbox.open(outboxPath).ok());
        OutboxSender sender(ui.store->session(), ui.store->timeline(), outbox);
        auto incident = ui.store->incidents().create({QStringLiteral("Checkout down")}, QStringLiteral("ana"));
        QVERIFY(incident.ok());
        MainWindow &window = ui.makeWindow();
        window.timelineDock()->setOutbox(outbox, sender);
        QVERIFY(window.openIncident(*incident));
        auto *line = window.findChild<QuickEntryEdit *>(QStringLiteral("quickEntryLine"));
        auto *feedback = window.findChild<QLabel *>(QStringLiteral("quickEntryFeedback"));
        auto *pending = window.findChild<QWidget *>(QStringLiteral("pendingEntries"));
        auto *pendingView = window.findChild<QTreeView *>(QStringLiteral("pendingView"));
        QVERIFY(line && feedback && pending && pendingView);
        QVERIFY(!pending->isVisible());
        const ServerLink &link = ui.store->session().link();

        QString why;
        QVERIFY2(m_cluster.stop(&why), qPrintable(why));
        QTRY_VERIFY(link.isDown());
        const QDateTime typedAt = ui.clock.nowUtc();
        QTest::keyClicks(line, QStringLiteral("s: rollback reached Europe"));
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(line->text(), QString()); // cleared: it is on disk
        QVERIFY2(feedback->text().startsWith(QLatin1String("Kept on this computer")), qPrintable(feedback->text()));
        QVERIFY(feedback->text().contains(QLatin1String("pending, not on the server yet")));
        ui.clock.advanceSecs(5);
        QTest::keyClicks(line, QStringLiteral("edge SME confirms the revert"));
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(line->text(), QString());
        QCOMPARE(*outbox.waiting(), 2);
        QCOMPARE(PrivateFile::modeOf(outboxPath), 0600);

        QVERIFY(pending->isVisible());
        QCOMPARE(pendingView->model()->rowCount(), 2);
        const QModelIndex first = pendingView->model()->index(0, 3);
        QCOMPARE(first.data().toString(), QStringLiteral("rollback reached Europe"));
        QCOMPARE(first.siblingAtColumn(4).data().toString(), QStringLiteral("pending — not on the server yet"));
        QCOMPARE(ui.store->session().link().isDown(), true);

        // Back: the link's next try sends both, oldest first; the pending rows go.
        QVERIFY2(m_cluster.start(&why), qPrintable(why));
        ui.clock.advance(link.msUntilNextAttempt());
        QTRY_VERIFY(!link.isDown());
        QTRY_VERIFY(!pending->isVisible());
        QCOMPARE(*outbox.waiting(), 0);
        QVERIFY2(feedback->text().startsWith(QLatin1String("The server answers again")), qPrintable(feedback->text()));
        QVERIFY(feedback->text().contains(QLatin1String("(2 sent at")));
        const auto entries = oldestFirst(*ui.store, *incident);
        QVERIFY(entries.ok());
        const QStringList texts = textsOf(*entries);
        QCOMPARE(texts.mid(texts.size() - 2), (QStringList{QStringLiteral("rollback reached Europe"),
                                                           QStringLiteral("edge SME confirms the revert")}));
        // Each kept the time it was typed, not the time it reached the server.
        QCOMPARE(entries->at(entries->size() - 2).capturedAt, typedAt);
        QCOMPARE(entries->last().capturedAt, typedAt.addSecs(5));
        QCOMPARE(entries->last().occurredAt, typedAt.addSecs(5));
        // And the window shows them as saved entries.
        QTRY_VERIFY(window.timelineDock()->model()->rowOfEntry(entries->last().id) >= 0);
    }
};

QTEST_MAIN(TstLinkRecovery)
#include "tst_linkrecovery.moc"
