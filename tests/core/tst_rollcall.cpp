#include "db/incidentstore.h"
#include "db/schema.h"
#include "exchange/callscripts.h"
#include "exchange/statusreport.h"
#include "fakeclock.h"
#include "rollcallscenario.h"
#include "storefixture.h"

#include <QSignalSpy>
#include <QtTest>

using namespace cp;
using Code = StoreError::Code;

namespace {
constexpr qint64 Minute = 60 * 1000;

CanReport can(Condition c, const QString &text = {}, const QString &actions = {}, const QString &needs = {})
{
    return {c, text, actions, needs};
}
} // namespace

// Roll-call rounds, the missed list, actions and decisions in the store, against a fake clock.
class TstRollCall : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::StoreFixture> m_fixture;
    test::FakeClock *m_clock = nullptr;
    std::unique_ptr<IncidentStore> m_store;
    test::RollCallScenario m_scenario;
    qint64 m_incident = 0;
    const QString m_ana = QStringLiteral("ana");

    void reopen()
    {
        m_store = std::make_unique<IncidentStore>(*m_clock);
        const StoreError error = m_fixture->openAnother(*m_store);
        QVERIFY2(error.ok(), qPrintable(error.message()));
    }

    QList<RollCallItem> round(qint64 id) { return *m_store->rollCalls().roundItems(id); }

    qint64 itemFor(qint64 roundId, const QString &roleKey, const QString &handle = {})
    {
        const qint64 person = handle.isEmpty() ? 0 : m_scenario.people.value(handle);
        for (const RollCallItem &i : round(roundId)) {
            if (i.roleKey == roleKey && (person == 0 || i.personId == person))
                return i.id;
        }
        return 0;
    }

    QList<RollCallItem> missed()
    {
        QList<RollCallItem> list;
        for (const RollCallItem &i : *m_store->rollCalls().items(m_incident)) {
            if (i.isMissed())
                list << i;
        }
        return list;
    }

    QStringList texts(EntryKind kind)
    {
        TimelinePage page{m_incident};
        page.oldestFirst = true;
        page.limit = 10000;
        page.filter.kinds = {kind};
        QStringList list;
        for (const TimelineEntry &e : *m_store->timeline().entries(page))
            list << e.text;
        return list;
    }

    qint64 entryCount()
    {
        TimelinePage page{m_incident};
        page.limit = 100000;
        return m_store->timeline().entries(page)->size();
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::StoreFixture>();
        m_clock = &m_fixture->clock();
        reopen();
        const QString problem = m_scenario.setUp(*m_store, m_ana);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_incident = m_scenario.incidentId;
    }

    void cleanup()
    {
        m_store.reset();
        m_clock = nullptr;
        m_fixture.reset();
    }

    // ---- refusals first: a clear message and nothing changed ----

    void refusesBadRoundsAndChangesNothing()
    {
        const qint64 before = entryCount();
        auto noAuthor = m_store->rollCalls().start(m_incident, {}, QStringLiteral("  "));
        QCOMPARE(noAuthor.error().code(), Code::Invalid);
        QVERIFY(noAuthor.error().message().contains(QStringLiteral("who")));

        auto noIncident = m_store->rollCalls().start(4242, {}, m_ana);
        QCOMPARE(noIncident.error().code(), Code::NotFound);
        QVERIFY(noIncident.error().message().contains(QStringLiteral("#4242")));

        RollCallSelection unknown;
        unknown.roleKeys = {QStringLiteral("sme"), QStringLiteral("dba")};
        auto badRole = m_store->rollCalls().start(m_incident, unknown, m_ana);
        QCOMPARE(badRole.error().code(), Code::NotFound);
        QVERIFY(badRole.error().message().contains(QStringLiteral("“dba”")));

        RollCallSelection vacant;
        vacant.roleKeys = {QStringLiteral("customer-liaison")};
        auto nobody = m_store->rollCalls().start(m_incident, vacant, m_ana);
        QCOMPARE(nobody.error().code(), Code::Invalid);
        QVERIFY(nobody.error().message().contains(QStringLiteral("Customer Liaison")));

        RollCallSelection team;
        team.subTeam = QStringLiteral("Zulu");
        QCOMPARE(m_store->rollCalls().start(m_incident, team, m_ana).error().code(), Code::NotFound);

        RollCallSelection both;
        both.roleKeys = {QStringLiteral("sme")};
        both.subTeam = QStringLiteral("Alpha");
        QCOMPARE(m_store->rollCalls().start(m_incident, both, m_ana).error().code(), Code::Invalid);

        RollCallSelection longBox;
        longBox.timeboxMs = 8LL * 24 * 60 * Minute;
        QCOMPARE(m_store->rollCalls().start(m_incident, longBox, m_ana).error().code(), Code::Invalid);

        QVERIFY(m_store->rollCalls().rounds(m_incident)->isEmpty());
        QCOMPARE(entryCount(), before);
        QVERIFY(m_store->timers().list(m_incident)->isEmpty());
    }

    void refusesARoundWithNobodyToCall()
    {
        NewIncident bare;
        bare.title = QStringLiteral("No roles yet");
        auto id = m_store->incidents().create(bare, m_ana);
        QVERIFY(id.ok());
        auto started = m_store->rollCalls().start(*id, {}, m_ana);
        QCOMPARE(started.error().code(), Code::Invalid);
        QVERIFY(started.error().message().contains(QStringLiteral("assign roles")));
    }

    void refusesBadMarksAndAnswers()
    {
        auto roundId = m_store->rollCalls().start(m_incident, {}, m_ana);
        QVERIFY(roundId.ok());
        const qint64 dana = itemFor(*roundId, QStringLiteral("sme"), QStringLiteral("dana"));
        QVERIFY(dana > 0);
        const qint64 before = entryCount();

        QCOMPARE(m_store->rollCalls().answer(999999, can(Condition::Healthy), m_ana).code(), Code::NotFound);
        QCOMPARE(m_store->rollCalls().answer(dana, can(Condition::Healthy), QString()).code(), Code::Invalid);
        QCOMPARE(
            m_store->rollCalls().answer(dana, can(Condition::Healthy, QString(5000, QLatin1Char('x'))), m_ana).code(),
            Code::Invalid);
        QCOMPARE(m_store->rollCalls().mark(dana, RollCallItemState::Answered, m_ana).code(), Code::Invalid);
        QCOMPARE(m_store->rollCalls().mark(dana, RollCallItemState::Pending, m_ana).code(), Code::Invalid);
        const StoreError notMissed = m_store->rollCalls().dismissMissed(dana, m_ana);
        QCOMPARE(notMissed.code(), Code::Invalid);
        QVERIFY(notMissed.message().contains(QStringLiteral("not on the missed list")));
        QCOMPARE(entryCount(), before);
        QCOMPARE(m_store->rollCalls().item(dana)->state, RollCallItemState::Pending);

        QVERIFY(m_store->rollCalls().answer(dana, can(Condition::Healthy), m_ana).ok());
        const StoreError answered = m_store->rollCalls().mark(dana, RollCallItemState::NoAnswer, m_ana);
        QCOMPARE(answered.code(), Code::Invalid);
        QVERIFY(answered.message().contains(QStringLiteral("take the answer back")));
        QVERIFY(m_store->rollCalls().end(*roundId, m_ana).ok());
        QCOMPARE(m_store->rollCalls().end(*roundId, m_ana).code(), Code::Invalid);
    }

    void refusesBadActionsAndDecisions()
    {
        const qint64 before = entryCount();
        NewAction empty;
        empty.incidentId = m_incident;
        empty.text = QStringLiteral("   ");
        QVERIFY(m_store->rollCalls()
                    .addAction(empty, m_ana)
                    .error()
                    .message()
                    .contains(QStringLiteral("what is to be done")));
        NewAction badOwner;
        badOwner.incidentId = m_incident;
        badOwner.text = QStringLiteral("Roll back");
        badOwner.ownerRoleKey = QStringLiteral("dba");
        QCOMPARE(m_store->rollCalls().addAction(badOwner, m_ana).error().code(), Code::NotFound);
        badOwner.ownerRoleKey.clear();
        badOwner.ownerPersonId = 9999;
        QCOMPARE(m_store->rollCalls().addAction(badOwner, m_ana).error().code(), Code::NotFound);
        NewAction noIncident;
        noIncident.incidentId = 777;
        noIncident.text = QStringLiteral("x");
        QCOMPARE(m_store->rollCalls().addAction(noIncident, m_ana).error().code(), Code::NotFound);

        NewDecision noProposal;
        noProposal.incidentId = m_incident;
        QCOMPARE(m_store->rollCalls().addDecision(noProposal, m_ana).error().code(), Code::Invalid);
        NewDecision raisedButSilent;
        raisedButSilent.incidentId = m_incident;
        raisedButSilent.proposal = QStringLiteral("Fail over to the second region");
        raisedButSilent.objectionCheck = ObjectionCheck::Raised;
        QVERIFY(m_store->rollCalls()
                    .addDecision(raisedButSilent, m_ana)
                    .error()
                    .message()
                    .contains(QStringLiteral("say what they were")));
        QCOMPARE(entryCount(), before);
        QVERIFY(m_store->rollCalls().actions(m_incident)->isEmpty());
        QVERIFY(m_store->rollCalls().decisions(m_incident)->isEmpty());

        auto id = m_store->rollCalls().addAction({m_incident, QStringLiteral("Page the DBA")}, m_ana);
        QVERIFY(id.ok());
        QCOMPARE(m_store->rollCalls().updateAction(*id, {}, m_ana).code(), Code::Invalid);
        ActionChange same;
        same.status = ActionStatus::Proposed;
        QVERIFY(
            m_store->rollCalls().updateAction(*id, same, m_ana).message().contains(QStringLiteral("already reads")));
        ActionChange blank;
        blank.text = QString();
        QCOMPARE(m_store->rollCalls().updateAction(*id, blank, m_ana).code(), Code::Invalid);
        QCOMPARE(m_store->rollCalls().updateAction(4711, same, m_ana).code(), Code::NotFound);
    }

    // ---- rounds ----

    void defaultRoundCallsEveryHolderButTheCommander()
    {
        QSignalSpy rounds(&m_store->rollCalls(), &RollCallRepository::rollCallChanged);
        QSignalSpy items(&m_store->rollCalls(), &RollCallRepository::rollCallItemChanged);
        auto id = m_store->rollCalls().start(m_incident, {}, m_ana);
        QVERIFY2(id.ok(), qPrintable(id.error().message()));
        const QList<RollCallItem> list = round(*id);
        QCOMPARE(list.size(), 7); // deputy, scribe, five SMEs
        QCOMPARE(list.first().roleKey, QStringLiteral("deputy"));
        QCOMPARE(list.at(1).roleKey, QStringLiteral("scribe"));
        QStringList smes;
        for (const RollCallItem &i : list) {
            QVERIFY(i.roleKey != QLatin1String("ic"));
            QCOMPARE(i.state, RollCallItemState::Pending);
            QCOMPARE(i.roundNumber, 1);
            if (i.roleKey == QLatin1String("sme"))
                smes << i.personName;
        }
        QCOMPARE(smes,
                 (QStringList{QStringLiteral("Dana Reyes"), QStringLiteral("Eli Brandt"), QStringLiteral("Fay Moreau"),
                              QStringLiteral("Gus Varga"), QStringLiteral("Hana Ito")}));
        QCOMPARE(rounds.size(), 1);
        QCOMPARE(rounds.first().at(0).toLongLong(), m_incident);
        QCOMPARE(items.size(), 7);
        const QStringList entries = texts(EntryKind::RollCall);
        QCOMPARE(entries.size(), 1);
        QVERIFY(entries.first().startsWith(QStringLiteral("Roll call 1 started — 7 to report")));
        QVERIFY(m_store->rollCalls().round(*id)->isOpen());
    }

    void chosenRolesAndSubTeams()
    {
        RollCallSelection smes;
        smes.roleKeys = {QStringLiteral("sme")};
        auto first = m_store->rollCalls().start(m_incident, smes, m_ana);
        QVERIFY(first.ok());
        QCOMPARE(round(*first).size(), 5);
        QCOMPARE(m_store->rollCalls().round(*first)->scope, QStringLiteral("roles sme"));

        QVERIFY(m_store->roles().addSubTeam(m_incident, QStringLiteral("Alpha"), m_ana).ok());
        QString leadKey;
        for (const IncidentRole &r : *m_store->roles().list(m_incident)) {
            if (r.subTeam == QLatin1String("Alpha") && leadKey.isEmpty())
                leadKey = r.definition.key;
        }
        QVERIFY(!leadKey.isEmpty());
        RollCallSelection alpha;
        alpha.subTeam = QStringLiteral("alpha");
        QCOMPARE(m_store->rollCalls().start(m_incident, alpha, m_ana).error().code(), Code::Invalid); // nobody holds it
        QVERIFY(
            m_store->roles().assign(m_incident, leadKey, m_scenario.people.value(QStringLiteral("hana")), m_ana).ok());
        auto second = m_store->rollCalls().start(m_incident, alpha, m_ana);
        QVERIFY2(second.ok(), qPrintable(second.error().message()));
        QCOMPARE(round(*second).size(), 1);
        QCOMPARE(m_store->rollCalls().round(*second)->number, 2);
        // Starting round 2 closed round 1; its five unanswered SMEs are missed.
        QVERIFY(!m_store->rollCalls().round(*first)->isOpen());
        QCOMPARE(missed().size(), 5);
        QCOMPARE(missed().first().askedAt, m_store->rollCalls().round(*first)->startedAt);
    }

    void answersMissesSkipsAndTheSummary()
    {
        auto id = m_store->rollCalls().start(m_incident, {}, m_ana);
        QVERIFY(id.ok());
        m_clock->advance(Minute);
        const qint64 deputy = itemFor(*id, QStringLiteral("deputy"));
        const qint64 dana = itemFor(*id, QStringLiteral("sme"), QStringLiteral("dana"));
        const qint64 eli = itemFor(*id, QStringLiteral("sme"), QStringLiteral("eli"));
        const qint64 fay = itemFor(*id, QStringLiteral("sme"), QStringLiteral("fay"));
        QVERIFY(m_store->rollCalls().answer(deputy, can(Condition::Healthy), QStringLiteral("cy")).ok());
        QVERIFY(m_store->rollCalls()
                    .answer(dana,
                            can(Condition::Degraded, QStringLiteral("4% of card payments fail"),
                                QStringLiteral("rolling back 4.13"), QStringLiteral("a DBA")),
                            QStringLiteral("cy"))
                    .ok());
        QVERIFY(m_store->rollCalls().mark(eli, RollCallItemState::NoAnswer, QStringLiteral("cy")).ok());
        QVERIFY(m_store->rollCalls().mark(fay, RollCallItemState::Skipped, QStringLiteral("cy")).ok());

        const RollCallItem answered = *m_store->rollCalls().item(dana);
        QCOMPARE(answered.state, RollCallItemState::Answered);
        QCOMPARE(answered.report.condition, Condition::Degraded);
        QCOMPARE(answered.report.needs, QStringLiteral("a DBA"));
        QCOMPARE(answered.answeredAt, m_clock->nowUtc());
        QCOMPARE(answered.answeredBy, QStringLiteral("cy"));
        QVERIFY(m_store->rollCalls().item(eli)->isMissed());
        QCOMPARE(m_store->rollCalls().item(eli)->askedAt, m_clock->nowUtc());
        QVERIFY(!m_store->rollCalls().item(fay)->isMissed());

        QStringList entries = texts(EntryKind::RollCall);
        QVERIFY(entries.contains(QStringLiteral("CAN — SME — Dana Reyes (roll call 1): degraded — 4% of card "
                                                "payments fail · A: rolling back 4.13 · N: a DBA")));
        QVERIFY(entries.contains(QStringLiteral("No answer from SME — Eli Brandt (roll call 1) — on the missed list")));

        QVERIFY(m_store->rollCalls().end(*id, m_ana).ok());
        entries = texts(EntryKind::RollCall);
        const QString summary = entries.last();
        QVERIFY2(summary.startsWith(QStringLiteral("Roll call 1 closed — 2 of 6 reported.")), qPrintable(summary));
        QVERIFY(summary.contains(QStringLiteral("SME — Dana Reyes: degraded")));
        QVERIFY(summary.contains(QStringLiteral("Missed: Scribe — Cy Okafor, SME — Eli Brandt, SME — Gus Varga, "
                                                "SME — Hana Ito.")));
        QVERIFY(summary.contains(QStringLiteral("Skipped: SME — Fay Moreau.")));
        QCOMPARE(missed().size(), 4);

        // Taking a mark back (what undo does) puts the item back in the call.
        QVERIFY(m_store->rollCalls().mark(fay, RollCallItemState::Pending, m_ana).ok());
        QCOMPARE(m_store->rollCalls().item(fay)->state, RollCallItemState::Pending);
        QVERIFY(!m_store->rollCalls().item(fay)->askedAt.isValid());
    }

    void aLaterAnswerOrADismissalClearsTheMissedList()
    {
        RollCallSelection smes;
        smes.roleKeys = {QStringLiteral("sme")};
        auto one = m_store->rollCalls().start(m_incident, smes, m_ana);
        QVERIFY(one.ok());
        QVERIFY(m_store->rollCalls().end(*one, m_ana).ok()); // nobody answered: five missed
        QCOMPARE(missed().size(), 5);
        m_clock->advance(10 * Minute);
        auto two = m_store->rollCalls().start(m_incident, smes, m_ana);
        QVERIFY(two.ok());
        // Eli answers in round 2: his round-1 miss clears.
        QVERIFY(m_store->rollCalls()
                    .answer(itemFor(*two, QStringLiteral("sme"), QStringLiteral("eli")), can(Condition::Healthy), m_ana)
                    .ok());
        // Dana answers her round-1 item late: it clears too.
        QVERIFY(m_store->rollCalls()
                    .answer(itemFor(*one, QStringLiteral("sme"), QStringLiteral("dana")),
                            can(Condition::Down, QStringLiteral("primary lost")), m_ana)
                    .ok());
        QVERIFY(m_store->rollCalls()
                    .dismissMissed(itemFor(*one, QStringLiteral("sme"), QStringLiteral("fay")), m_ana)
                    .ok());
        const QList<RollCallItem> left = missed();
        QCOMPARE(left.size(), 2);
        QCOMPARE(left.at(0).personName, QStringLiteral("Gus Varga"));
        QCOMPARE(left.at(1).personName, QStringLiteral("Hana Ito"));
        const RollCallItem fay =
            *m_store->rollCalls().item(itemFor(*one, QStringLiteral("sme"), QStringLiteral("fay")));
        QCOMPARE(fay.clearedReason, QStringLiteral("dismissed"));
        const RollCallItem eli =
            *m_store->rollCalls().item(itemFor(*one, QStringLiteral("sme"), QStringLiteral("eli")));
        QCOMPARE(eli.clearedReason, QStringLiteral("answered"));
        QVERIFY(texts(EntryKind::RollCall)
                    .contains(QStringLiteral("Dismissed from the missed list: SME — Fay Moreau (roll call 1, asked "
                                             "10 min ago)")));
    }

    void missedItemsSurviveARestart()
    {
        auto id = m_store->rollCalls().start(m_incident, {}, m_ana);
        QVERIFY(id.ok());
        const qint64 gus = itemFor(*id, QStringLiteral("sme"), QStringLiteral("gus"));
        QVERIFY(m_store->rollCalls().mark(gus, RollCallItemState::NoAnswer, m_ana).ok());
        const QDateTime asked = m_clock->nowUtc();
        m_store.reset(); // the window closes, the process ends
        m_clock->advance(7 * Minute);
        reopen();
        const QList<RollCallItem> list = missed();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().id, gus);
        QCOMPARE(list.first().askedAt, asked);
        QVERIFY(m_store->rollCalls().round(*id)->isOpen());
    }

    void timeboxStartsAndStopsACountdown()
    {
        RollCallSelection boxed;
        boxed.timeboxMs = 5 * Minute;
        auto id = m_store->rollCalls().start(m_incident, boxed, m_ana);
        QVERIFY(id.ok());
        const qint64 timerId = m_store->rollCalls().round(*id)->timerId;
        QVERIFY(timerId > 0);
        const Timer t = *m_store->timers().timer(timerId);
        QCOMPARE(t.label, QStringLiteral("Roll call 1"));
        QCOMPARE(t.deadlineAt, m_clock->nowUtc().addMSecs(5 * Minute));
        QVERIFY(texts(EntryKind::RollCall).first().endsWith(QStringLiteral("; time-box 5 min")));
        QVERIFY(m_store->rollCalls().end(*id, m_ana).ok());
        QCOMPARE(m_store->timers().timer(timerId)->state, TimerState::Acknowledged);
    }

    // ---- actions and decisions ----

    void needsBecomeAnActionInOneStep()
    {
        auto id = m_store->rollCalls().start(m_incident, {}, m_ana);
        QVERIFY(id.ok());
        const qint64 dana = itemFor(*id, QStringLiteral("sme"), QStringLiteral("dana"));
        QVERIFY(m_store->rollCalls()
                    .answer(dana, can(Condition::Degraded, {}, {}, QStringLiteral("a DBA on the call")), m_ana)
                    .ok());
        NewAction fromNeeds;
        fromNeeds.incidentId = m_incident;
        fromNeeds.originItemId = dana;
        fromNeeds.ownerRoleKey = QStringLiteral("deputy");
        QSignalSpy changed(&m_store->rollCalls(), &RollCallRepository::actionChanged);
        auto action = m_store->rollCalls().addAction(fromNeeds, m_ana);
        QVERIFY2(action.ok(), qPrintable(action.error().message()));
        QCOMPARE(changed.size(), 1);
        const IncidentAction a = *m_store->rollCalls().action(*action);
        QCOMPARE(a.text, QStringLiteral("a DBA on the call"));
        QCOMPARE(a.status, ActionStatus::Assigned);
        QCOMPARE(a.ownerName, QStringLiteral("Deputy"));
        QCOMPARE(a.originItemId, dana);
        QCOMPARE(texts(EntryKind::Action).last(),
                 QStringLiteral("Action #%1: a DBA on the call — assigned, owner Deputy (from the Needs of SME — "
                                "Dana Reyes in roll call 1)")
                     .arg(*action));

        // No Needs: a clear refusal.
        const qint64 eli = itemFor(*id, QStringLiteral("sme"), QStringLiteral("eli"));
        QVERIFY(m_store->rollCalls().answer(eli, can(Condition::Healthy), m_ana).ok());
        fromNeeds.originItemId = eli;
        QVERIFY(
            m_store->rollCalls().addAction(fromNeeds, m_ana).error().message().contains(QStringLiteral("no Needs")));
    }

    void actionStatusOwnerFollowUpAndTimebox()
    {
        NewAction action;
        action.incidentId = m_incident;
        action.text = QStringLiteral("Roll back checkout to 4.12");
        action.ownerPersonId = m_scenario.people.value(QStringLiteral("dana"));
        action.ownerRoleKey = QStringLiteral("sme");
        action.timeboxMs = 15 * Minute;
        auto id = m_store->rollCalls().addAction(action, m_ana);
        QVERIFY(id.ok());
        IncidentAction a = *m_store->rollCalls().action(*id);
        QCOMPARE(a.ownerName, QStringLiteral("SME (Dana Reyes)"));
        QVERIFY(a.timerId > 0);
        QCOMPARE(m_store->timers().timer(a.timerId)->ownerRoleKey, QStringLiteral("sme"));

        auto later =
            m_store->rollCalls().addAction({m_incident, QStringLiteral("Add an alert on payment errors")}, m_ana);
        QVERIFY(later.ok());
        QCOMPARE(m_store->rollCalls().action(*later)->status, ActionStatus::Proposed);

        ActionChange progress;
        progress.status = ActionStatus::InProgress;
        QVERIFY(m_store->rollCalls().updateAction(*id, progress, m_ana).ok());
        ActionChange done;
        done.status = ActionStatus::Done;
        m_clock->advance(Minute);
        QVERIFY(m_store->rollCalls().updateAction(*id, done, m_ana).ok());
        a = *m_store->rollCalls().action(*id);
        QCOMPARE(a.closedAt, m_clock->nowUtc());
        QCOMPARE(m_store->timers().timer(a.timerId)->state, TimerState::Acknowledged);

        ActionChange followUp;
        followUp.followUp = true;
        followUp.ownerPersonId = m_scenario.people.value(QStringLiteral("eli"));
        followUp.ownerRoleKey = QString();
        QVERIFY(m_store->rollCalls().updateAction(*later, followUp, m_ana).ok());
        const QStringList entries = texts(EntryKind::Action);
        QCOMPARE(entries.at(2),
                 QStringLiteral("Action #%1 “Roll back checkout to 4.12”: assigned → in progress").arg(*id));
        QCOMPARE(entries.at(3), QStringLiteral("Action #%1 “Roll back checkout to 4.12”: in progress → done").arg(*id));
        QCOMPARE(entries.at(4), QStringLiteral("Action #%1 “Add an alert on payment errors”: owner Eli Brandt, marked "
                                               "as a follow-up for the postmortem")
                                    .arg(*later));

        // Open ones first.
        const QList<IncidentAction> list = *m_store->rollCalls().actions(m_incident);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.first().id, *later);
        QVERIFY(list.first().followUp);
    }

    void decisionsRecordTheObjectionCheck()
    {
        NewDecision d;
        d.incidentId = m_incident;
        d.proposal = QStringLiteral("Fail over payments to eu-west");
        d.objectionCheck = ObjectionCheck::Raised;
        d.objections = QStringLiteral("Dana: replica lag 40 s");
        d.outcome = DecisionOutcome::Deferred;
        QSignalSpy changed(&m_store->rollCalls(), &RollCallRepository::decisionChanged);
        auto first = m_store->rollCalls().addDecision(d, QStringLiteral("cy"));
        QVERIFY(first.ok());
        d.proposal = QStringLiteral("Roll back to 4.12");
        d.objectionCheck = ObjectionCheck::NoneRaised;
        d.objections.clear();
        d.outcome = DecisionOutcome::Adopted;
        d.decidedBy = QStringLiteral("Ana Lima");
        QVERIFY(m_store->rollCalls().addDecision(d, QStringLiteral("cy")).ok());
        QCOMPARE(changed.size(), 2);
        const QList<Decision> list = *m_store->rollCalls().decisions(m_incident);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.first().decidedBy, QStringLiteral("cy"));
        QCOMPARE(list.first().objections, QStringLiteral("Dana: replica lag 40 s"));
        QCOMPARE(list.last().decidedBy, QStringLiteral("Ana Lima"));
        const QStringList entries = texts(EntryKind::Decision);
        QCOMPARE(entries, (QStringList{QStringLiteral("Decision: Fail over payments to eu-west — deferred by cy; "
                                                      "objections: Dana: replica lag 40 s"),
                                       QStringLiteral("Decision: Roll back to 4.12 — adopted by Ana Lima; no strong "
                                                      "objections")}));
    }

    void statusReportDraftsFromTheLiveState()
    {
        QVERIFY(m_store->incidents()
                    .setDetails(m_incident, QStringLiteral("Checkout fails for card payments"),
                                QStringLiteral("EU card payments fail since the 14:02 deploy"), m_ana)
                    .ok());
        QVERIFY(m_store->timers().startDefaults(m_incident, Severity::Sev1, m_ana).ok());
        auto id = m_store->rollCalls().start(m_incident, {}, m_ana);
        QVERIFY(id.ok());
        QVERIFY(m_store->rollCalls()
                    .answer(itemFor(*id, QStringLiteral("sme"), QStringLiteral("dana")),
                            can(Condition::Down, QStringLiteral("payments DB unreachable")), m_ana)
                    .ok());
        QVERIFY(m_store->rollCalls()
                    .answer(itemFor(*id, QStringLiteral("sme"), QStringLiteral("eli")), can(Condition::Healthy), m_ana)
                    .ok());
        NewAction action{m_incident, QStringLiteral("Fail over the payments DB")};
        action.ownerRoleKey = QStringLiteral("sme");
        action.ownerPersonId = m_scenario.people.value(QStringLiteral("dana"));
        QVERIFY(m_store->rollCalls().addAction(action, m_ana).ok());
        NewDecision d{m_incident, QStringLiteral("Roll back to 4.12")};
        d.objectionCheck = ObjectionCheck::NoneRaised;
        QVERIFY(m_store->rollCalls().addDecision(d, m_ana).ok());
        m_clock->advance(12 * Minute);

        auto facts = StatusReport::gather(*m_store, m_incident);
        QVERIFY(facts.ok());
        QCOMPARE(facts->troubled.size(), 1);
        // The report answers the update due first: the external one (due at T+5), then the internal.
        QCOMPARE(facts->cadence.defaultKey, QStringLiteral("external-update"));
        QCOMPARE(facts->cadences.size(), 2);
        QCOMPARE(facts->cadences.at(1).defaultKey, QStringLiteral("internal-update"));
        const QString draft = StatusReport::draft(*facts, m_clock->nowUtc());
        const QStringList lines = draft.split(QLatin1Char('\n'));
        QCOMPARE(lines.at(0), QStringLiteral("Status update — SEV-1, investigating — 14:12 UTC (T+00:12)"));
        QCOMPARE(lines.at(1), QStringLiteral("Checkout fails for card payments"));
        QVERIFY(lines.contains(QStringLiteral("What is affected: EU card payments fail since the 14:02 deploy")));
        QVERIFY(lines.contains(
            QStringLiteral("From the roll call: SME — Dana Reyes reports down — payments DB unreachable.")));
        QVERIFY(lines.contains(QStringLiteral("  • Fail over the payments DB — SME (Dana Reyes), assigned")));
        QVERIFY(lines.contains(QStringLiteral("Decided: Roll back to 4.12.")));
        QCOMPARE(lines.last(), QStringLiteral("Next check-in: 14:32 UTC (in 20 min)."));
    }

    void callScriptsFollowTheState()
    {
        auto context = CallScripts::context(*m_store, m_incident, m_clock->nowUtc());
        QVERIFY(context.ok());
        QCOMPARE(context->commander, QStringLiteral("Ana Lima"));
        QCOMPARE(context->deputy, QStringLiteral("Bo Chen"));
        QCOMPARE(CallScripts::suggested(*context), CallScriptCard::StartOfCall);
        QVERIFY(CallScripts::lines(CallScriptCard::StartOfCall, *context)
                    .contains(QStringLiteral("> This is Ana Lima. I am the Incident Commander for this call.")));

        auto id = m_store->rollCalls().start(m_incident, {}, m_ana);
        QVERIFY(id.ok());
        QVERIFY(
            m_store->rollCalls()
                .mark(itemFor(*id, QStringLiteral("sme"), QStringLiteral("fay")), RollCallItemState::NoAnswer, m_ana)
                .ok());
        context = CallScripts::context(*m_store, m_incident, m_clock->nowUtc());
        QCOMPARE(CallScripts::suggested(*context), CallScriptCard::RollCall);
        const QStringList rollCall = CallScripts::lines(CallScriptCard::RollCall, *context);
        QVERIFY(rollCall.contains(QStringLiteral("No answer so far (the Deputy follows up): SME — Fay Moreau.")));
        QVERIFY(rollCall.filter(QStringLiteral("Still to call: Deputy — Bo Chen, Scribe — Cy Okafor")).size() == 1);

        QVERIFY(m_store->rollCalls().end(*id, m_ana).ok());
        QVERIFY(m_store->timers().startDefaults(m_incident, Severity::Sev1, m_ana).ok());
        context = CallScripts::context(*m_store, m_incident, m_clock->nowUtc());
        QCOMPARE(CallScripts::suggested(*context), CallScriptCard::StatusUpdate);
        m_clock->advance(59 * Minute + 30 * 1000); // the hand-over prompt is due within its warning
        context = CallScripts::context(*m_store, m_incident, m_clock->nowUtc());
        QVERIFY(context->handOverDue);
        QCOMPARE(CallScripts::suggested(*context), CallScriptCard::HandOver);
        for (CallScriptCard card : CallScripts::allCards())
            QVERIFY(CallScripts::lines(card, *context).size() >= 4);
    }

    void readOnlyStoreRefusesToWrite()
    {
        auto id = m_store->rollCalls().start(m_incident, {}, m_ana);
        QVERIFY(id.ok());
        m_store.reset();
        IncidentStore reader(*m_clock);
        StoreSession::Options options;
        options.mode = StoreSession::OpenMode::ReadOnly;
        QVERIFY(m_fixture->openAnother(reader, options).ok());
        QCOMPARE(reader.rollCalls().start(m_incident, {}, m_ana).error().code(), Code::ReadOnly);
        QCOMPARE(reader.rollCalls().end(*id, m_ana).code(), Code::ReadOnly);
        QCOMPARE(reader.rollCalls().items(m_incident)->size(), 7);
    }
};

QTEST_GUILESS_MAIN(TstRollCall)
#include "tst_rollcall.moc"
