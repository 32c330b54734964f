#include "db/incidentstore.h"
#include "fakeclock.h"
#include "models/actionmodel.h"
#include "models/missedmodel.h"
#include "models/rollcallmodel.h"
#include "rollcallscenario.h"
#include "storefixture.h"
#include "tempdatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace cp;

namespace {
constexpr qint64 Minute = 60 * 1000;
using Tester = QAbstractItemModelTester;
} // namespace

// RollCallModel, MissedModel, ActionModel and DecisionModel under QAbstractItemModelTester, with
// the fake clock; each store change touches only its rows.
class TstRollCallModels : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::StoreFixture> m_fixture;
    test::FakeClock *m_clock = nullptr;
    IncidentStore *m_store = nullptr;
    test::RollCallScenario m_scenario;
    qint64 m_incident = 0;
    const QString m_ana = QStringLiteral("ana");

    qint64 item(const RollCallModel &model, const QString &handle)
    {
        const qint64 person = m_scenario.people.value(handle);
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.itemAt(row).personId == person)
                return model.itemAt(row).id;
        }
        return 0;
    }

    RollCallSelection smes()
    {
        RollCallSelection s;
        s.roleKeys = {QStringLiteral("sme")};
        return s;
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::StoreFixture>();
        QVERIFY(m_fixture->open().ok());
        m_clock = &m_fixture->clock();
        m_store = &m_fixture->store();
        const QString problem = m_scenario.setUp(*m_store, m_ana);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_incident = m_scenario.incidentId;
    }

    void cleanup() { m_fixture.reset(); }

    void rollCallModelFollowsRoundsAndAnswers()
    {
        RollCallModel model(*m_store);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy rounds(&model, &RollCallModel::roundsChanged);
        auto first = m_store->rollCalls().start(m_incident, smes(), m_ana);
        QVERIFY(first.ok());
        QCOMPARE(model.roundId(), *first);
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(rounds.size() >= 1);
        QCOMPARE(model.nextPendingRow(), 0);
        QCOMPARE(model.index(0, RollCallModel::RoleColumn).data().toString(), QStringLiteral("SME"));
        QCOMPARE(model.index(0, RollCallModel::HolderColumn).data().toString(), QStringLiteral("Dana Reyes"));
        QCOMPARE(model.index(0, RollCallModel::LastReportColumn).data().toString(), QStringLiteral("never"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const qint64 dana = item(model, QStringLiteral("dana"));
        QVERIFY(m_store->rollCalls()
                    .answer(dana,
                            {Condition::Degraded, QStringLiteral("4% errors"), QStringLiteral("rollback"),
                             QStringLiteral("DBA")},
                            m_ana)
                    .ok());
        QCOMPARE(reset.size(), 0);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(model.index(0, RollCallModel::ConditionColumn).data().toString(),
                 QStringLiteral("Degraded — 4% errors"));
        QCOMPARE(model.index(0, RollCallModel::NeedsColumn).data().toString(), QStringLiteral("DBA"));
        QCOMPARE(model.index(0, 0).data(RollCallModel::ConditionKeyRole).toString(), QStringLiteral("degraded"));
        QCOMPARE(model.index(0, 0).data(RollCallModel::StateKeyRole).toString(), QStringLiteral("answered"));
        QCOMPARE(model.nextPendingRow(), 1);

        const qint64 eli = item(model, QStringLiteral("eli"));
        QVERIFY(m_store->rollCalls().mark(eli, RollCallItemState::NoAnswer, m_ana).ok());
        QVERIFY(model.index(1, 0).data(RollCallModel::MissedRole).toBool());
        QCOMPARE(model.index(1, RollCallModel::StateColumn).data().toString(), QStringLiteral("Missed"));

        // Ages move with the clock.
        m_clock->advance(12 * Minute);
        model.refreshAges();
        QCOMPARE(model.index(0, RollCallModel::LastReportColumn).data().toString(), QStringLiteral("12 min ago"));
        QCOMPARE(model.index(0, 0).data(RollCallModel::LastReportAgeMsRole).toLongLong(), 12 * Minute);
        QCOMPARE(model.index(1, 0).data(RollCallModel::LastReportAgeMsRole).toLongLong(), -1);

        // A second round: the model follows it; Dana's last report carries over.
        auto second = m_store->rollCalls().start(m_incident, smes(), m_ana);
        QVERIFY(second.ok());
        QCOMPARE(model.roundId(), *second);
        QCOMPARE(model.rounds().size(), 2);
        QCOMPARE(model.countInState(RollCallItemState::Pending), 5);
        QCOMPARE(model.index(0, RollCallModel::LastReportColumn).data().toString(), QStringLiteral("12 min ago"));

        // History: the first round, closed, its unanswered items missed.
        model.setRound(*first);
        QVERIFY(!model.followsLatest());
        QCOMPARE(model.round().number, 1);
        QVERIFY(!model.round().isOpen());
        QCOMPARE(model.countInState(RollCallItemState::NoAnswer), 4);
        // Answers in the latest round do not move the history's rows, only the last report.
        m_clock->advance(Minute);
        const qint64 danaAgain = m_store->rollCalls().roundItems(*second)->at(0).id;
        QVERIFY(m_store->rollCalls().answer(danaAgain, {Condition::Healthy, {}, {}, {}}, m_ana).ok());
        QCOMPARE(model.round().number, 1);
        model.refreshAges();
        QCOMPARE(model.index(0, RollCallModel::LastReportColumn).data().toString(), QStringLiteral("just now"));
        model.setRound(0);
        QVERIFY(model.followsLatest());
        QCOMPARE(model.roundId(), *second);

        // Taking the answer back: the last report falls back to the earlier one.
        QVERIFY(m_store->rollCalls().mark(model.itemAt(0).id, RollCallItemState::Pending, m_ana).ok());
        QCOMPARE(model.index(0, 0).data(RollCallModel::LastReportAgeMsRole).toLongLong(), 13 * Minute);
    }

    void missedModelAddsAndRemovesRows()
    {
        MissedModel model(*m_store);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        auto first = m_store->rollCalls().start(m_incident, smes(), m_ana);
        QVERIFY(first.ok());
        QCOMPARE(model.rowCount(), 0);
        const QList<RollCallItem> items = *m_store->rollCalls().roundItems(*first);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        m_clock->advance(Minute);
        QVERIFY(m_store->rollCalls().mark(items.at(3).id, RollCallItemState::NoAnswer, m_ana).ok()); // Gus at +1
        QCOMPARE(model.rowCount(), 1);
        m_clock->advance(4 * Minute);
        QVERIFY(m_store->rollCalls().end(*first, m_ana).ok()); // four more, asked at the round's start
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(inserted.size(), 5);
        QCOMPARE(reset.size(), 0);
        // Longest waiting first: those asked at the start, then Gus.
        QCOMPARE(model.itemAt(4).id, items.at(3).id);
        model.refreshAges();
        QCOMPARE(model.index(0, MissedModel::AskedColumn).data().toString(), QStringLiteral("5 min ago"));
        QCOMPARE(model.index(4, MissedModel::AskedColumn).data().toString(), QStringLiteral("4 min ago"));
        QCOMPARE(model.index(0, MissedModel::RoundColumn).data().toString(), QStringLiteral("Round 1"));
        QCOMPARE(model.index(0, MissedModel::WhoColumn).data().toString(), QStringLiteral("SME — Dana Reyes"));

        // Answered in a later round: off the list. Dismissed: off the list.
        auto second = m_store->rollCalls().start(m_incident, smes(), m_ana);
        QVERIFY(second.ok());
        QVERIFY(m_store->rollCalls()
                    .answer(m_store->rollCalls().roundItems(*second)->at(0).id, {Condition::Healthy, {}, {}, {}}, m_ana)
                    .ok());
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(m_store->rollCalls().dismissMissed(items.at(1).id, m_ana).ok());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(removed.size(), 2);
        QCOMPARE(model.rowOf(items.at(1).id), -1);

        // A fresh model reads the same list from the file.
        MissedModel again(*m_store);
        again.setIncident(m_incident);
        QCOMPARE(again.rowCount(), 3);
        for (int row = 0; row < 3; ++row)
            QCOMPARE(again.itemAt(row).id, model.itemAt(row).id);
    }

    void actionModelKeepsOpenOnesFirst()
    {
        ActionModel model(*m_store);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        auto a = m_store->rollCalls().addAction({m_incident, QStringLiteral("Roll back 4.13")}, m_ana);
        auto b = m_store->rollCalls().addAction({m_incident, QStringLiteral("Page the DBA")}, m_ana);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.openCount(), 2);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        ActionChange done;
        done.status = ActionStatus::Done;
        QVERIFY(m_store->rollCalls().updateAction(*a, done, m_ana).ok());
        QCOMPARE(moved.size(), 1);
        QCOMPARE(model.actionAt(0).id, *b);
        QCOMPARE(model.actionAt(1).id, *a);
        QCOMPARE(model.index(1, ActionModel::StatusColumn).data().toString(), QStringLiteral("Done"));
        QVERIFY(!model.index(1, 0).data(ActionModel::OpenRole).toBool());
        auto c = m_store->rollCalls().addAction({m_incident, QStringLiteral("Status page")}, m_ana);
        QVERIFY(c.ok());
        QCOMPARE(model.actionAt(1).id, *c); // open, so above the done one
        ActionChange reopen;
        reopen.status = ActionStatus::InProgress;
        QVERIFY(m_store->rollCalls().updateAction(*a, reopen, m_ana).ok());
        QCOMPARE(model.actionAt(0).id, *a);
        ActionChange follow;
        follow.followUp = true;
        QVERIFY(m_store->rollCalls().updateAction(*c, follow, m_ana).ok());
        QVERIFY(model.index(model.rowOf(*c), 0).data(ActionModel::FollowUpRole).toBool());
        QCOMPARE(model.index(model.rowOf(*c), ActionModel::FollowUpColumn).data().toString(),
                 QStringLiteral("Follow-up"));
        QCOMPARE(reset.size(), 0);
    }

    void decisionModelAppends()
    {
        DecisionModel model(*m_store);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setTimeZone(QTimeZone(Qt::UTC));
        model.setIncident(m_incident);
        NewDecision d;
        d.incidentId = m_incident;
        d.proposal = QStringLiteral("Roll back to 4.12");
        d.objectionCheck = ObjectionCheck::NoneRaised;
        QVERIFY(m_store->rollCalls().addDecision(d, m_ana).ok());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, DecisionModel::TimeColumn).data().toString(), QStringLiteral("14:00"));
        QCOMPARE(model.index(0, DecisionModel::ObjectionsColumn).data().toString(),
                 QStringLiteral("No strong objections"));
        QCOMPARE(model.index(0, DecisionModel::OutcomeColumn).data().toString(), QStringLiteral("Adopted"));
        QCOMPARE(model.index(0, DecisionModel::DecidedByColumn).data().toString(), m_ana);
    }
};

QTEST_GUILESS_MAIN(TstRollCallModels)
#include "tst_rollcallmodels.moc"
