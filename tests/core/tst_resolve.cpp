// Resolving and the closed record in the store: the checklist, what resolving ends (roll calls,
// timers), the refusals on a resolved incident, what may still change (the postmortem, its
// follow-ups) and reopening with a reason.
#include "db/incidentstore.h"
#include "domain/resolvechecklist.h"
#include "fakeclock.h"
#include "rollcallscenario.h"
#include "storefixture.h"
#include "tempdatabase.h"
#include "timers/timerengine.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace cp;
using Code = StoreError::Code;

namespace {
constexpr qint64 Minute = 60 * 1000;
const QString Ana = QStringLiteral("ana");

QStringList keysOf(const QList<ResolveBlocker> &blockers)
{
    QStringList keys;
    for (const ResolveBlocker &b : blockers)
        keys << b.key;
    return keys;
}
} // namespace

class TstResolve : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::StoreFixture> m_fixture;
    test::FakeClock *m_clock = nullptr;
    IncidentStore *m_store = nullptr;
    test::RollCallScenario m_scenario;
    qint64 m_incident = 0;

    qint64 entries() { return m_store->session().stats()->entries; }
    QStringList texts()
    {
        TimelinePage page{m_incident};
        page.limit = 1000;
        page.oldestFirst = true;
        QStringList list;
        for (const TimelineEntry &e : *m_store->timeline().entries(page))
            list << e.text;
        return list;
    }
    void resolveForTest()
    {
        const StoreError error =
            m_store->resolution().resolve(m_incident, {{QStringLiteral("*"), QStringLiteral("t")}}, Ana);
        QVERIFY2(error.ok(), qPrintable(error.message()));
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::StoreFixture>();
        QVERIFY(m_fixture->open().ok());
        m_clock = &m_fixture->clock();
        m_store = &m_fixture->store();
        m_scenario = test::RollCallScenario();
        const QString problem = m_scenario.setUp(*m_store);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_incident = m_scenario.incidentId;
    }

    // Each kind of open item, one line per person however often they missed, the postmortem owner.
    void checklistListsWhatIsOpen()
    {
        auto owned =
            m_store->rollCalls().addAction({m_incident, QStringLiteral("Roll back"), QStringLiteral("sme")}, Ana);
        auto unowned = m_store->rollCalls().addAction({m_incident, QStringLiteral("Page the DBA")}, Ana);
        NewAction followUp{m_incident, QStringLiteral("Alert on lag")};
        followUp.followUp = true;
        QVERIFY(owned.ok() && unowned.ok() && m_store->rollCalls().addAction(followUp, Ana).ok());
        RollCallSelection smes;
        smes.roleKeys = {QStringLiteral("sme")};
        for (int round = 0; round < 2; ++round) {
            auto id = m_store->rollCalls().start(m_incident, smes, Ana);
            QVERIFY(id.ok());
            const QList<RollCallItem> items = *m_store->rollCalls().roundItems(*id);
            for (const RollCallItem &item : items) {
                if (item.personId != m_scenario.people.value(m_scenario.smeHandles.first()))
                    QVERIFY(m_store->rollCalls().answer(item.id, {Condition::Healthy, {}, {}, {}}, Ana).ok());
            }
            QVERIFY(m_store->rollCalls().end(*id, Ana).ok());
        }
        QVERIFY(m_store->business().declare(m_incident, BusinessDeclaration{}, Ana).ok());
        const BusinessActivity ads = m_store->business().activities(m_incident)->constFirst();
        QVERIFY(m_store->business().haltActivity(ads.id, Ana).ok());
        auto message = m_store->business().draftMessage(
            {m_incident, QStringLiteral("customers"), QString(), QStringLiteral("email"), QStringLiteral("Delays")},
            Ana);
        QVERIFY(message.ok());
        QVERIFY(m_store->business()
                    .skipCell(m_incident, QStringLiteral("strategic"), QStringLiteral("investigation"),
                              QStringLiteral("none affected"), Ana)
                    .ok());

        auto blockers = m_store->resolution().blockers(m_incident);
        QVERIFY(blockers.ok());
        const qint64 missedPerson = m_scenario.people.value(m_scenario.smeHandles.first());
        QCOMPARE(
            keysOf(*blockers),
            (QStringList{QStringLiteral("action:%1").arg(*owned), QStringLiteral("action:%1").arg(*unowned),
                         QStringLiteral("activity:%1").arg(ads.id), QStringLiteral("missed:sme:%1").arg(missedPerson),
                         QStringLiteral("message:%1").arg(*message), QStringLiteral("due:internal"),
                         QStringLiteral("postmortem")}));
        QVERIFY(blockers->at(1).text.contains(QStringLiteral("has no owner")));
        QVERIFY2(blockers->at(3).text.contains(QStringLiteral("missed 2 times")), qPrintable(blockers->at(3).text));
    }

    // Refused while anything is unacknowledged, and then nothing at all is written.
    void resolveRefusesUnacknowledgedItems()
    {
        QVERIFY(m_store->rollCalls().addAction({m_incident, QStringLiteral("Page the DBA")}, Ana).ok());
        const qint64 before = entries();
        StoreError error = m_store->resolution().setStatus(m_incident, IncidentStatus::Resolved, Ana);
        QCOMPARE(error.code(), Code::Invalid);
        QVERIFY2(error.message().contains(QStringLiteral("Page the DBA")), qPrintable(error.message()));
        error =
            m_store->resolution().resolve(m_incident, {{QStringLiteral("postmortem"), QStringLiteral("later")}}, Ana);
        QCOMPARE(error.code(), Code::Invalid);
        error = m_store->resolution().resolve(m_incident, {{QStringLiteral("*"), QStringLiteral("  ")}}, Ana);
        QVERIFY2(error.message().contains(QStringLiteral("needs a reason")), qPrintable(error.message()));
        error = m_store->resolution().resolve(m_incident, {{QStringLiteral("action:999"), QStringLiteral("x")}}, Ana);
        QVERIFY2(error.message().contains(QStringLiteral("not open")), qPrintable(error.message()));
        QCOMPARE(entries(), before);
        QCOMPARE(m_store->incidents().incident(m_incident)->status, IncidentStatus::Investigating);
    }

    // The status menu's Resolved goes through the checklist; the incidents repository alone only
    // moves between open statuses, so it needs no way back to the resolution.
    void statusMenuResolvesThroughTheChecklist()
    {
        QCOMPARE(m_store->incidents().setStatus(m_incident, IncidentStatus::Resolved, Ana).code(), Code::Invalid);
        QCOMPARE(m_store->incidents().incident(m_incident)->status, IncidentStatus::Investigating);
        QVERIFY(m_store->resolution().setStatus(m_incident, IncidentStatus::Monitoring, Ana).ok());
        QCOMPARE(m_store->incidents().incident(m_incident)->status, IncidentStatus::Monitoring);
        QCOMPARE(m_store->resolution().setStatus(m_incident, IncidentStatus::Resolved, Ana).code(), Code::Invalid);
        resolveForTest();
        QVERIFY(m_store->resolution().setStatus(m_incident, IncidentStatus::Resolved, Ana).ok()); // already
        QCOMPARE(m_store->resolution().setStatus(m_incident, IncidentStatus::Identified, Ana).code(), Code::Invalid);
    }

    // Resolving closes the open round and stops every timer, logged once, in the same commit.
    void resolveEndsTheMachinery()
    {
        QVERIFY(m_store->timers().startDefaults(m_incident, Severity::Sev1, Ana).ok());
        QVERIFY(m_store->rollCalls().start(m_incident, RollCallSelection{}, Ana).ok());
        QVERIFY(!m_store->timers().live()->isEmpty());
        QVERIFY(m_store->incidents()
                    .setPostmortem(m_incident, QStringLiteral("Dee"), m_clock->nowUtc().addDays(3), Ana)
                    .ok());
        resolveForTest();
        QVERIFY(m_store->timers().live()->isEmpty());
        for (const Timer &t : *m_store->timers().list(m_incident))
            QCOMPARE(t.state == TimerState::Running || t.state == TimerState::Paused, false);
        QVERIFY(!m_store->rollCalls().rounds(m_incident)->constFirst().isOpen());
        const QStringList story = texts();
        QCOMPARE(story.filter(QStringLiteral("Timers stopped on resolve")).size(), 1);
        QVERIFY(story.constLast().startsWith(QStringLiteral("Status: Investigating → Resolved")));
    }

    // A resolved incident's record is closed; the postmortem's fields and reopening are not.
    void resolvedIncidentRefusesWrites()
    {
        const qint64 timer = *m_store->timers().startCountdown(m_incident, QStringLiteral("Check back"), 5 * Minute,
                                                               TimerOptions{}, Ana);
        resolveForTest();
        const qint64 before = entries();
        StoreError error =
            m_store->timeline().append({m_incident, EntryKind::Note, Ana, QStringLiteral("late")}).error();
        QCOMPARE(error.code(), Code::Invalid);
        QVERIFY2(error.message().contains(QStringLiteral("resolved")), qPrintable(error.message()));
        QCOMPARE(m_store->incidents().setSeverity(m_incident, Severity::Sev3, Ana).code(), Code::Invalid);
        QCOMPARE(m_store->incidents().setStatus(m_incident, IncidentStatus::Monitoring, Ana).code(), Code::Invalid);
        QCOMPARE(m_store->timers()
                     .startCountdown(m_incident, QStringLiteral("x"), Minute, TimerOptions{}, Ana)
                     .error()
                     .code(),
                 Code::Invalid);
        QCOMPARE(m_store->timers().restart(timer, Ana).code(), Code::Invalid);
        QCOMPARE(m_store->rollCalls().addAction({m_incident, QStringLiteral("More")}, Ana).error().code(),
                 Code::Invalid);
        QCOMPARE(m_store->rollCalls().start(m_incident, RollCallSelection{}, Ana).error().code(), Code::Invalid);
        QCOMPARE(m_store->incidents().setDetails(m_incident, QStringLiteral("New title"), QString(), Ana).code(),
                 Code::Invalid);
        QCOMPARE(entries(), before);
        QCOMPARE(m_store->incidents().incident(m_incident)->title, QStringLiteral("Checkout fails for card payments"));

        // Still open to change: the postmortem's owner and its follow-up actions.
        QVERIFY(m_store->incidents()
                    .setPostmortem(m_incident, QStringLiteral("Dee"), m_clock->nowUtc().addDays(3), Ana)
                    .ok());
        NewAction followUp{m_incident, QStringLiteral("Alert on lag")};
        followUp.followUp = true;
        auto added = m_store->rollCalls().addAction(followUp, Ana);
        QVERIFY(added.ok());
        ActionChange done;
        done.status = ActionStatus::Done;
        QVERIFY(m_store->rollCalls().updateAction(*added, done, Ana).ok());

        // Reopening needs a reason; then the incident takes writes again.
        QCOMPARE(m_store->resolution().reopen(m_incident, IncidentStatus::Monitoring, QStringLiteral(" "), Ana).code(),
                 Code::Invalid);
        QVERIFY(m_store->resolution()
                    .reopen(m_incident, IncidentStatus::Monitoring, QStringLiteral("errors back"), Ana)
                    .ok());
        QCOMPARE(m_store->incidents().incident(m_incident)->status, IncidentStatus::Monitoring);
        QVERIFY(!m_store->incidents().incident(m_incident)->resolvedAt.isValid());
        QVERIFY(
            texts().constLast().startsWith(QStringLiteral("Incident reopened: Resolved → Monitoring — errors back")));
        QVERIFY(m_store->timeline().append({m_incident, EntryKind::Note, Ana, QStringLiteral("back on it")}).ok());
    }

    // A timer an older version left running on a resolved incident never expires onto it.
    void timerEngineLeavesResolvedIncidentsAlone()
    {
        if (test::StoreFixture::onServer())
            QSKIP("a row an older version left, written straight into the SQLite file");
        QVERIFY(m_store->timers()
                    .startCountdown(m_incident, QStringLiteral("Check back"), 5 * Minute, TimerOptions{}, Ana)
                    .ok());
        resolveForTest();
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("legacy"));
            raw.setDatabaseName(m_store->session().path());
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("UPDATE timer SET state = 'running'")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("legacy"));
        const qint64 before = entries();
        TimerEngine engine(*m_store, *m_clock);
        QSignalSpy expired(&engine, &TimerEngine::timerExpired);
        m_clock->advance(60 * Minute);
        engine.tick();
        engine.tick();
        QCOMPARE(expired.size(), 0);
        QCOMPARE(entries(), before);
        QVERIFY(m_store->timers().live()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstResolve)
#include "tst_resolve.moc"
