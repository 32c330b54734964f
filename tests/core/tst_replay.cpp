#include "db/incidentstore.h"
#include "domain/roletemplate.h"
#include "fakeclock.h"
#include "replay/replayengine.h"
#include "replay/replaysource.h"
#include "storefixture.h"
#include "tempdatabase.h"
#include "timers/timerengine.h"

#include <QSignalSpy>
#include <QtTest>

using namespace cp;

namespace {
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
const QDateTime Start(QDate(2026, 11, 22), QTime(14, 0), Qt::UTC);
} // namespace

// The replay engine against a fake clock: the story comes back in order, at 1×, 10× and 60×,
// timers expire again in replayed time, and the source database is never written.
class TstReplay : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::StoreFixture> m_fixture;
    test::FakeClock *m_clock = nullptr;
    std::unique_ptr<IncidentStore> m_source;
    qint64 m_incident = 0;
    qint64 m_open = 0;
    qint64 m_timer = 0;
    RoleTemplateLibrary m_library{QString()};
    const QString m_ana = QStringLiteral("ana");

    void entry(EntryKind kind, const QString &text, IncidentStore &store)
    {
        NewEntry e;
        e.incidentId = m_incident;
        e.kind = kind;
        e.author = m_ana;
        e.text = text;
        QVERIFY(store.timeline().append(e));
    }

    // Texts of the replayed incident's timeline, oldest first.
    static QStringList texts(IncidentStore &store, qint64 incidentId)
    {
        TimelinePage page;
        page.incidentId = incidentId;
        page.oldestFirst = true;
        page.limit = 1000;
        QStringList list;
        const auto entries = store.timeline().entries(page);
        if (entries) {
            for (const TimelineEntry &e : *entries)
                list << e.text;
        }
        return list;
    }

    static int indexOf(const QStringList &list, const QString &start)
    {
        for (int i = 0; i < list.size(); ++i) {
            if (list.at(i).startsWith(start))
                return i;
        }
        return -1;
    }

private slots:
    // The story: declared 14:00 SEV-2 with roles, Ana IC at 14:00:30, a 2-minute check at 14:01
    // (due 14:03), raised to SEV-1 at 14:03, a decision at 14:05, Bo takes over IC at 14:06,
    // resolved at 14:10. Then the writer goes away; the replay reads the file read-only.
    void init()
    {
        m_fixture = std::make_unique<test::StoreFixture>();
        m_clock = &m_fixture->clock();
        m_clock->setNowUtc(Start);
        IncidentStore writer(*m_clock);
        QVERIFY(m_fixture->openAnother(writer).ok());
        NewIncident incident;
        incident.title = QStringLiteral("Checkout down");
        incident.severity = Severity::Sev2;
        incident.roles = m_library.find(QStringLiteral("technical-response"));
        QVERIFY(incident.roles);
        auto id = writer.incidents().create(incident, m_ana);
        QVERIFY(id);
        m_incident = *id;
        Person ana;
        ana.name = QStringLiteral("Ana Lima");
        ana.handle = QStringLiteral("ana");
        Person bo;
        bo.name = QStringLiteral("Bo Chen");
        bo.handle = QStringLiteral("bo");
        Person cy;
        cy.name = QStringLiteral("Cy Diaz");
        cy.handle = QStringLiteral("cy");
        auto anaId = writer.roster().addPerson(ana);
        auto boId = writer.roster().addPerson(bo);
        auto cyId = writer.roster().addPerson(cy);
        QVERIFY(anaId && boId && cyId);
        m_clock->advanceSecs(30);
        QVERIFY(writer.roles().assign(m_incident, QStringLiteral("ic"), *anaId, m_ana));
        QVERIFY(writer.roles().assign(m_incident, QStringLiteral("deputy"), *boId, m_ana));
        QVERIFY(writer.roles().assign(m_incident, QStringLiteral("scribe"), *cyId, m_ana));
        m_clock->advanceSecs(30);
        entry(EntryKind::Action, QStringLiteral("Restarting the checkout pods"), writer);
        auto timer = writer.timers().startCountdown(m_incident, QStringLiteral("check DB"), 2 * Minute, {}, m_ana);
        QVERIFY(timer);
        m_timer = *timer;
        m_clock->advance(2 * Minute);
        QVERIFY(writer.incidents().setSeverity(m_incident, Severity::Sev1, m_ana).ok());
        // 14:04 a roll call (2-minute time-box): the Deputy answers, the Scribe is missed.
        m_clock->advance(Minute);
        RollCallSelection selection;
        selection.timeboxMs = 2 * Minute;
        auto round = writer.rollCalls().start(m_incident, selection, m_ana);
        QVERIFY2(round, qPrintable(round.error().message()));
        auto items = writer.rollCalls().roundItems(*round);
        QVERIFY(items && items->size() == 2);
        m_clock->advanceSecs(30);
        CanReport report;
        report.condition = Condition::Healthy;
        report.conditionText = QStringLiteral("watching the timers");
        for (const RollCallItem &item : *items) {
            if (item.roleKey == QLatin1String("deputy"))
                QVERIFY(writer.rollCalls().answer(item.id, report, m_ana).ok());
        }
        m_clock->advanceSecs(10);
        for (const RollCallItem &item : *items) {
            if (item.roleKey == QLatin1String("scribe"))
                QVERIFY(writer.rollCalls().mark(item.id, RollCallItemState::NoAnswer, m_ana).ok());
        }
        m_clock->advanceSecs(20);
        entry(EntryKind::Decision, QStringLiteral("Roll back release 41"), writer);
        m_clock->advance(Minute);
        QVERIFY(writer.roles().handOver(m_incident, QStringLiteral("ic"), *anaId, *boId, m_ana).ok());
        m_clock->advance(4 * Minute);
        QVERIFY(writer.resolution().resolve(m_incident, {{QStringLiteral("*"), QStringLiteral("drill")}}, m_ana).ok());

        NewIncident other;
        other.title = QStringLiteral("Still burning");
        auto open = writer.incidents().create(other, m_ana);
        QVERIFY(open);
        m_open = *open;
        writer.session().close();

        m_source = std::make_unique<IncidentStore>(*m_clock);
        StoreSession::Options readOnly;
        readOnly.mode = StoreSession::OpenMode::ReadOnly;
        QVERIFY(m_fixture->openAnother(*m_source, readOnly).ok());
    }

    void cleanup()
    {
        m_source.reset();
        m_clock = nullptr;
        m_fixture.reset();
    }

    void refusesAnOpenIncidentAndAMissingOne()
    {
        ReplayEngine engine(*m_source, *m_clock);
        const StoreError open = engine.load(m_open);
        QCOMPARE(open.code(), StoreError::Code::Invalid);
        QVERIFY2(open.message().contains(QStringLiteral("still open")), qPrintable(open.message()));
        QCOMPARE(engine.load(9999).code(), StoreError::Code::NotFound);
    }

    void sourceHoldsTheStory()
    {
        auto source = ReplaySource::read(*m_source, m_incident);
        QVERIFY(source);
        QCOMPARE(source->incident.status, IncidentStatus::Resolved);
        QCOMPARE(source->assignments.size(), 4);
        QCOMPARE(source->people.size(), 3);
        QCOMPARE(source->timers.size(), 2); // the check and the round's time-box
        QCOMPARE(source->rollCalls.size(), 1);
        QCOMPARE(source->rollCallItems.size(), 2);
        QVERIFY(source->changes.size() >= 2);
        const ReplayScript script(*source);
        QCOMPARE(script.initialSeverity(), Severity::Sev2);
        QCOMPARE(script.startUtc(), Start);
        QCOMPARE(script.endUtc(), Start.addSecs(10 * 60));
        // In time order, role and timer entries re-enacted rather than copied.
        QDateTime last;
        int entries = 0;
        for (const ReplayStep &step : script.steps()) {
            QVERIFY(!last.isValid() || last <= step.at);
            last = step.at;
            if (step.kind == ReplayStep::Kind::Entry)
                ++entries;
        }
        QCOMPARE(entries, 2); // the action and the decision
    }

    // Whoever declared, marked a miss or skipped is on the replayed record, never "replay"; an
    // entry backfilled before the declaration plays before it, the declaration stays at T+0.
    void replayKeepsTheRealAuthorsAndTheDeclarationAtZero()
    {
        m_source.reset();
        IncidentStore writer(*m_clock);
        QVERIFY(m_fixture->openAnother(writer).ok());
        m_clock->advance(60 * Minute);
        NewIncident incident;
        incident.title = QStringLiteral("Search down");
        incident.roles = m_library.find(QStringLiteral("technical-response"));
        const QString dee = QStringLiteral("Dee Park");
        const QString cy = QStringLiteral("Cy Diaz");
        auto id = writer.incidents().create(incident, dee);
        QVERIFY(id);
        const QDateTime declared = m_clock->nowUtc();
        NewEntry early{*id, EntryKind::Callout, cy, QStringLiteral("Search errors at 40 %")};
        early.keyEvent = true;
        early.occurredAt = declared.addSecs(-140);
        QVERIFY(writer.timeline().append(early));
        QVERIFY(writer.roles().assign(*id, QStringLiteral("deputy"),
                                      writer.roster().findPerson(QStringLiteral("bo"))->id, dee));
        QVERIFY(writer.roles().assign(*id, QStringLiteral("scribe"),
                                      writer.roster().findPerson(QStringLiteral("cy"))->id, dee));
        m_clock->advanceSecs(60);
        auto round = writer.rollCalls().start(*id, RollCallSelection{}, dee);
        QVERIFY(round);
        m_clock->advanceSecs(20);
        for (const RollCallItem &item : *writer.rollCalls().roundItems(*round))
            QVERIFY(writer.rollCalls()
                        .mark(item.id,
                              item.roleKey == QLatin1String("deputy") ? RollCallItemState::NoAnswer
                                                                      : RollCallItemState::Skipped,
                              cy)
                        .ok());
        QVERIFY(writer.rollCalls().end(*round, dee).ok());
        auto timer = writer.timers().startCountdown(*id, QStringLiteral("Check back with search"), 2 * Minute, {}, dee);
        QVERIFY(timer);
        m_clock->advance(5 * Minute);
        QVERIFY(*writer.timers().markExpired(*timer));
        QVERIFY(writer.resolution().resolve(*id, {{QStringLiteral("*"), QStringLiteral("drill")}}, dee).ok());
        writer.session().close();
        m_source = std::make_unique<IncidentStore>(*m_clock);
        StoreSession::Options readOnly;
        readOnly.mode = StoreSession::OpenMode::ReadOnly;
        QVERIFY(m_fixture->openAnother(*m_source, readOnly).ok());

        ReplayEngine engine(*m_source, *m_clock);
        QVERIFY(engine.load(*id).ok());
        QCOMPARE(engine.script().startUtc(), declared.addSecs(-140));
        QVERIFY(engine.jumpTo(engine.script().endUtc()).ok());
        QVERIFY2(engine.problems().isEmpty(), qPrintable(engine.problems().join(u'\n')));
        IncidentStore &replayed = engine.store();
        QCOMPARE(replayed.incidents().incident(engine.incidentId())->declaredAt, declared);
        QCOMPARE(replayed.incidents().incident(engine.incidentId())->status, IncidentStatus::Resolved);
        TimelinePage page{engine.incidentId()};
        page.oldestFirst = true;
        page.limit = 1000;
        QHash<QString, QString> authorOf;
        for (const TimelineEntry &e : *replayed.timeline().entries(page)) {
            QVERIFY2(e.author != QLatin1String("replay"), qPrintable(e.text));
            authorOf.insert(e.text.section(QLatin1Char(' '), 0, 1), e.author);
            if (e.text.startsWith(QStringLiteral("Incident declared")))
                QCOMPARE(e.occurredAt, declared);
        }
        QCOMPARE(authorOf.value(QStringLiteral("Incident declared:")), dee);
        QCOMPARE(authorOf.value(QStringLiteral("No answer")), cy);
        QCOMPARE(authorOf.value(QStringLiteral("Skipped Scribe")), cy);
        QCOMPARE(authorOf.value(QStringLiteral("Search errors")), cy);
        // The expiry is nobody's act: the system's, as in the live call, not "replay".
        QCOMPARE(authorOf.value(QStringLiteral("Timer expired:")), EntryVocabulary::systemAuthor());
        QCOMPARE(authorOf.value(QStringLiteral("Timer started:")), dee);
    }

    void playsAtSixtyTimesInOrderAndTimersFireAgain()
    {
        const QByteArray before = test::TempDatabase::fingerprint(m_fixture->files().path());
        ReplayEngine engine(*m_source, *m_clock);
        QVERIFY(engine.load(m_incident).ok());
        IncidentStore &replayed = engine.store();
        QCOMPARE(replayed.incidents().incident(engine.incidentId())->severity, Severity::Sev2);
        // Declared (with its roles), nothing told yet.
        QVERIFY(texts(replayed, engine.incidentId()).first().startsWith(QStringLiteral("Incident declared")));
        QVERIFY(indexOf(texts(replayed, engine.incidentId()), QStringLiteral("Restarting")) < 0);
        QCOMPARE(engine.clock().nowUtc(), Start);

        engine.setSpeed(60);
        engine.play();
        m_clock->advance(Second); // one real second: one replayed minute
        engine.tick();
        QCOMPARE(engine.clock().nowUtc(), Start.addSecs(60));
        QStringList story = texts(replayed, engine.incidentId());
        QVERIFY2(indexOf(story, QStringLiteral("Restarting the checkout pods")) > 0,
                 qPrintable(story.join(QLatin1Char('\n'))));
        QCOMPARE(replayed.timers().list(engine.incidentId())->size(), 1);
        QCOMPARE(replayed.roles().role(replayed.roles().list(engine.incidentId())->first().id)->holders.size(), 1);
        QCOMPARE(replayed.incidents().incident(engine.incidentId())->severity, Severity::Sev2);

        QSignalSpy expired(engine.timerEngine(), &TimerEngine::timerExpired);
        m_clock->advance(2 * Second); // 14:03
        engine.tick();
        QCOMPARE(expired.size(), 1);
        QCOMPARE(replayed.incidents().incident(engine.incidentId())->severity, Severity::Sev1);
        story = texts(replayed, engine.incidentId());
        QVERIFY2(indexOf(story, QStringLiteral("Roll back release 41")) < 0, qPrintable(story.join(QLatin1Char('\n'))));

        // Ten times: two replayed minutes take twelve real seconds.
        engine.setSpeed(10);
        m_clock->advance(11 * Second);
        engine.tick();
        QVERIFY(indexOf(texts(replayed, engine.incidentId()), QStringLiteral("Roll back release 41")) < 0);
        m_clock->advance(Second);
        engine.tick();
        QCOMPARE(engine.clock().nowUtc(), Start.addSecs(5 * 60));
        story = texts(replayed, engine.incidentId());
        QVERIFY(indexOf(story, QStringLiteral("Roll back release 41")) > indexOf(story, QStringLiteral("Restarting")));
        // The roll call happened again at 14:04, with its answer and its miss.
        const auto rounds = replayed.rollCalls().rounds(engine.incidentId());
        QVERIFY(rounds && rounds->size() == 1);
        QCOMPARE(rounds->first().startedAt, Start.addSecs(4 * 60));
        QVERIFY(rounds->first().timerId > 0);
        const auto replayedItems = *replayed.rollCalls().roundItems(rounds->first().id);
        QCOMPARE(replayedItems.size(), 2);
        for (const RollCallItem &item : replayedItems) {
            if (item.roleKey == QLatin1String("deputy")) {
                QCOMPARE(item.state, RollCallItemState::Answered);
                QCOMPARE(item.report.conditionText, QStringLiteral("watching the timers"));
            } else {
                QVERIFY(item.isMissed());
            }
        }
        QCOMPARE(replayed.timers().list(engine.incidentId())->size(), 2);

        // 1×: a replayed second per second; then on to the end, which stops the replay.
        engine.setSpeed(1);
        m_clock->advance(30 * Second);
        engine.tick();
        QCOMPARE(engine.clock().nowUtc(), Start.addSecs(5 * 60 + 30));
        QSignalSpy finished(&engine, &ReplayEngine::finished);
        engine.setSpeed(60);
        m_clock->advance(10 * Minute);
        engine.tick();
        QCOMPARE(finished.size(), 1);
        QVERIFY(!engine.isPlaying());
        QCOMPARE(engine.clock().nowUtc(), Start.addSecs(10 * 60));
        const Incident end = *replayed.incidents().incident(engine.incidentId());
        QCOMPARE(end.status, IncidentStatus::Resolved);
        QCOMPARE(end.resolvedAt, Start.addSecs(10 * 60));
        const auto roles = *replayed.roles().list(engine.incidentId());
        const auto ic = std::find_if(roles.cbegin(), roles.cend(),
                                     [](const IncidentRole &r) { return r.definition.key == QLatin1String("ic"); });
        QVERIFY(ic != roles.cend());
        QCOMPARE(ic->holders.size(), 1);
        QCOMPARE(ic->holders.first().handle, QStringLiteral("bo"));
        QVERIFY2(engine.problems().isEmpty(), qPrintable(engine.problems().join(QLatin1Char('\n'))));

        // The source was only read.
        QCOMPARE(test::TempDatabase::fingerprint(m_fixture->files().path()), before);
        QCOMPARE(m_source->timers().list(m_incident)->size(), 2);
    }

    void pausedReplayStandsStill()
    {
        ReplayEngine engine(*m_source, *m_clock);
        QVERIFY(engine.load(m_incident).ok());
        engine.setSpeed(60);
        engine.play();
        m_clock->advance(Second);
        engine.pause();
        m_clock->advance(Minute);
        engine.tick();
        QCOMPARE(engine.clock().nowUtc(), Start.addSecs(60));
    }

    void stepsAndJumpsBackAndForth()
    {
        ReplayEngine engine(*m_source, *m_clock);
        QVERIFY(engine.load(m_incident).ok());
        QSignalSpy rebuilt(&engine, &ReplayEngine::rebuilt);
        // Step: to the next step's moment, applied, paused.
        engine.stepForward();
        // Everything that happened at that moment (three roles filled at 14:00:30), and no more.
        QCOMPARE(engine.appliedSteps(), 3);
        QCOMPARE(engine.script().stepsUntil(engine.script().steps().first().at), 3);
        QCOMPARE(engine.clock().nowUtc(), engine.script().steps().first().at);
        QVERIFY(!engine.isPlaying());

        QVERIFY(engine.jumpTo(Start.addSecs(5 * 60)).ok());
        QVERIFY(indexOf(texts(engine.store(), engine.incidentId()), QStringLiteral("Roll back")) > 0);
        QCOMPARE(engine.store().incidents().incident(engine.incidentId())->severity, Severity::Sev1);
        QCOMPARE(rebuilt.size(), 0);

        // Back to 14:02: the scratch incident is told again up to there.
        QVERIFY(engine.jumpTo(Start.addSecs(2 * 60)).ok());
        QCOMPARE(rebuilt.size(), 1);
        QCOMPARE(engine.clock().nowUtc(), Start.addSecs(2 * 60));
        const QStringList story = texts(engine.store(), engine.incidentId());
        QVERIFY(indexOf(story, QStringLiteral("Roll back")) < 0);
        QVERIFY(indexOf(story, QStringLiteral("Restarting")) > 0);
        QCOMPARE(engine.store().incidents().incident(engine.incidentId())->severity, Severity::Sev2);

        // Past the end is the end.
        QVERIFY(engine.jumpTo(Start.addDays(1)).ok());
        QCOMPARE(engine.clock().nowUtc(), Start.addSecs(10 * 60));
        QCOMPARE(engine.appliedSteps(), engine.script().steps().size());
    }
};

QTEST_GUILESS_MAIN(TstReplay)
#include "tst_replay.moc"
