#include "approvalchain.h"
#include "db/incidentstore.h"
#include "fakeclock.h"
#include "models/audiencephasemodel.h"
#include "models/emergencyopsmodel.h"
#include "models/messagemodel.h"
#include "models/stakeholdermodel.h"
#include "storefixture.h"
#include "tempdatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace cp;
using Tester = QAbstractItemModelTester;

// The business models under QAbstractItemModelTester: each store change touches only its rows.
class TstBusinessModels : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::StoreFixture> m_fixture;
    test::FakeClock *m_clock = nullptr;
    IncidentStore *m_store = nullptr;
    qint64 m_incident = 0;
    const QString m_ana = QStringLiteral("ana");

    qint64 draft(const QString &audience, const QString &phase = QString())
    {
        auto id = m_store->business().draftMessage(
            {m_incident, audience, phase, QStringLiteral("email"), QStringLiteral("text")}, QStringLiteral("sam"));
        if (!id)
            qWarning() << id.error().message();
        return id ? *id : 0;
    }

    void advance(qint64 id, MessageStep step, StepVerdict verdict = StepVerdict::Approved,
                 const QString &comment = QString())
    {
        // ana (the IC) enters every step for the holder of its role (test::defaultChainHolders).
        const QString audience = m_store->business().message(id)->audience;
        const QString roleKey = step == MessageStep::Send ? BusinessVocabulary::senderRoleKey(audience)
                                                          : BusinessVocabulary::stepRoleKey(step);
        StepSigner signer;
        signer.actingFor = test::defaultChainHolders().value(roleKey);
        const StoreError error = m_store->business().advanceMessage(id, step, verdict, comment, m_ana, signer);
        QVERIFY2(error.ok(), qPrintable(error.message()));
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::StoreFixture>();
        QVERIFY(m_fixture->open().ok());
        m_clock = &m_fixture->clock();
        m_store = &m_fixture->store();
        NewIncident incident;
        incident.title = QStringLiteral("Checkout down");
        incident.severity = Severity::Sev2;
        m_incident = *m_store->incidents().create(incident, m_ana);
        QCOMPARE(test::staffApprovalChain(*m_store, m_incident, test::defaultChainHolders()), QString());
    }

    void cleanup()
    {
        m_store = nullptr;
        m_clock = nullptr;
        m_fixture.reset();
    }

    void emergencyOpsFollowsTheChecklistThenReverses()
    {
        EmergencyOpsModel model(*m_store);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.state());
        QVERIFY(m_store->business().declare(m_incident, {}, m_ana).ok());
        QCOMPARE(model.rowCount(), BusinessVocabulary::defaultActivities().size());
        QCOMPARE(model.state(), BusinessState::Emergency);
        QCOMPARE(model.nextRow(), 0);
        QCOMPARE(model.index(0, EmergencyOpsModel::ActivityColumn).data(EmergencyOpsModel::StatusKeyRole).toString(),
                 QStringLiteral("running"));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const qint64 first = model.activityAt(0).id;
        QVERIFY(m_store->business().haltActivity(first, QStringLiteral("mo")).ok());
        QCOMPARE(reset.size(), 0);
        QVERIFY(changed.size() >= 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(model.index(0, EmergencyOpsModel::HaltedColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(model.nextRow(), 1);
        auto added = m_store->business().addActivity(m_incident, {QStringLiteral("Partner newsletter"), {}}, m_ana);
        QVERIFY(added);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowOf(*added), model.rowCount() - 1);
        QVERIFY(model.index(model.rowCount() - 1, 0).data(EmergencyOpsModel::UserAddedRole).toBool());
        QVERIFY(m_store->business().haltActivity(*added, QStringLiteral("mo")).ok());

        QVERIFY(m_store->business().returnToNormal(m_incident, m_ana).ok());
        QCOMPARE(model.state(), BusinessState::Restoring);
        // Reverse order: the activity added (and halted) last comes first.
        QCOMPARE(model.activityAt(0).id, *added);
        QCOMPARE(model.nextRow(), 0);
        QVERIFY(model.index(0, 0).data(EmergencyOpsModel::NextRole).toBool());
        QVERIFY(m_store->business().restartActivity(*added, QStringLiteral("mo")).ok());
        QCOMPARE(model.nextRow(), model.rowOf(first));
        QVERIFY(m_store->business().restartActivity(first, QStringLiteral("mo")).ok());
        QCOMPARE(model.state(), BusinessState::Normal);
        QCOMPARE(model.nextRow(), -1);
        QCOMPARE(model.index(model.rowOf(first), EmergencyOpsModel::RestartedColumn).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
    }

    void messagesShowTheirStep()
    {
        QVERIFY(m_store->business().declare(m_incident, {}, m_ana).ok());
        MessageModel model(*m_store);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const qint64 a = draft(QStringLiteral("internal"));
        const qint64 b = draft(QStringLiteral("customers"));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, MessageModel::StepColumn).data().toString(), QStringLiteral("Legal review"));
        QCOMPARE(model.index(0, MessageModel::WhoColumn).data().toString(), QStringLiteral("Legal Officer"));
        advance(b, MessageStep::LegalReview);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), model.rowOf(b));
        QCOMPARE(model.index(1, 0).data(MessageModel::StepKeyRole).toString(), QStringLiteral("messaging-review"));
        advance(b, MessageStep::MessagingReview, StepVerdict::ChangesRequested, QStringLiteral("tone"));
        QCOMPARE(model.index(1, MessageModel::StepColumn).data().toString(), QStringLiteral("Changes requested"));
        QCOMPARE(model.index(1, 0).data(MessageModel::ProgressRole).toInt(), 0);
        QVERIFY(m_store->business().reviseMessage(b, QStringLiteral("better"), {}, QStringLiteral("sam")).ok());
        QCOMPARE(model.index(1, MessageModel::VersionColumn).data().toString(), QStringLiteral("v2"));
        for (MessageStep s : {MessageStep::LegalReview, MessageStep::MessagingReview, MessageStep::EltApproval,
                              MessageStep::IcAuthorisation, MessageStep::Send})
            advance(a, s);
        QCOMPARE(model.index(0, MessageModel::StepColumn).data().toString(), QStringLiteral("Sent"));
        QCOMPARE(model.index(0, 0).data(MessageModel::ProgressRole).toInt(), int(MessageStep::Sent));
    }

    void gridMovesOnWithTheStatus()
    {
        BusinessDeclaration d;
        d.audiences = {QStringLiteral("internal"), QStringLiteral("strategic"), QStringLiteral("customers")};
        QVERIFY(m_store->business().declare(m_incident, d, m_ana).ok());
        AudiencePhaseModel model(*m_store);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.currentPhase(), QStringLiteral("investigation"));
        QCOMPARE(model.cellState(QStringLiteral("customers"), QStringLiteral("investigation")), QStringLiteral("due"));
        QCOMPARE(model.cellState(QStringLiteral("customers"), QStringLiteral("resolution")),
                 QStringLiteral("upcoming"));
        // Next update per audience: 30 min for internal, 20 for customers, counted from the declaration.
        const QDateTime declared = m_clock->nowUtc();
        QCOMPARE(
            model.index(0, AudiencePhaseModel::NextUpdateColumn).data(AudiencePhaseModel::NextDueRole).toDateTime(),
            declared.addSecs(30 * 60));
        QCOMPARE(
            model.index(2, AudiencePhaseModel::NextUpdateColumn).data(AudiencePhaseModel::NextDueRole).toDateTime(),
            declared.addSecs(20 * 60));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const qint64 id = draft(QStringLiteral("customers"));
        QCOMPARE(model.cellState(QStringLiteral("customers"), QStringLiteral("investigation")),
                 QStringLiteral("drafted"));
        QCOMPARE(model.index(2, 0).data(AudiencePhaseModel::MessageIdRole).toLongLong(), id);
        for (MessageStep s : {MessageStep::LegalReview, MessageStep::MessagingReview, MessageStep::EltApproval})
            advance(id, s);
        QCOMPARE(model.cellState(QStringLiteral("customers"), QStringLiteral("investigation")),
                 QStringLiteral("approved"));
        m_clock->advanceSecs(600);
        advance(id, MessageStep::IcAuthorisation);
        advance(id, MessageStep::Send);
        QCOMPARE(model.cellState(QStringLiteral("customers"), QStringLiteral("investigation")), QStringLiteral("sent"));
        QCOMPARE(
            model.index(2, AudiencePhaseModel::NextUpdateColumn).data(AudiencePhaseModel::NextDueRole).toDateTime(),
            m_clock->nowUtc().addSecs(20 * 60));
        QVERIFY(m_store->business()
                    .skipCell(m_incident, QStringLiteral("strategic"), QStringLiteral("investigation"),
                              QStringLiteral("account managers call them"), m_ana)
                    .ok());
        QCOMPARE(model.cellState(QStringLiteral("strategic"), QStringLiteral("investigation")),
                 QStringLiteral("skipped"));

        QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);
        QVERIFY(m_store->incidents().setStatus(m_incident, IncidentStatus::Identified, m_ana).ok());
        QCOMPARE(header.size(), 1);
        QCOMPARE(model.currentPhase(), QStringLiteral("identification"));
        // Nothing went to the internal audience while investigating: missed, not merely over.
        QCOMPARE(model.cellState(QStringLiteral("internal"), QStringLiteral("investigation")),
                 QStringLiteral("missed"));
        QCOMPARE(model.cellState(QStringLiteral("internal"), QStringLiteral("identification")), QStringLiteral("due"));
        QVERIFY(model.headerData(AudiencePhaseModel::IdentificationColumn, Qt::Horizontal)
                    .toString()
                    .contains(QStringLiteral("Identification")));
        QVERIFY(model.index(0, AudiencePhaseModel::IdentificationColumn)
                    .data(AudiencePhaseModel::CurrentPhaseRole)
                    .toBool());
        QVERIFY(m_store->incidents().setStatus(m_incident, IncidentStatus::Monitoring, m_ana).ok());
        QCOMPARE(model.cellState(QStringLiteral("internal"), QStringLiteral("monitoring")), QStringLiteral("due"));
        QCOMPARE(model.cellState(QStringLiteral("internal"), QStringLiteral("identification")),
                 QStringLiteral("missed"));
        // Overdue once the clock passes the next update.
        m_clock->advanceSecs(3600);
        model.refreshNow();
        QVERIFY(model.index(0, AudiencePhaseModel::NextUpdateColumn).data(AudiencePhaseModel::OverdueRole).toBool());
        QCOMPARE(reset.size(), 0);
        // Media joins: a new row (the one reset an audience change makes).
        QVERIFY(m_store->business()
                    .setAudiences(m_incident,
                                  {QStringLiteral("internal"), QStringLiteral("strategic"), QStringLiteral("customers"),
                                   QStringLiteral("media")},
                                  m_ana)
                    .ok());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.headerData(3, Qt::Vertical).toString(), QStringLiteral("Media"));
        // Resolved: what never went out is missed, and no update is due any more.
        QVERIFY(
            m_store->resolution().resolve(m_incident, {{QStringLiteral("*"), QStringLiteral("drill")}}, m_ana).ok());
        QCOMPARE(model.cellState(QStringLiteral("internal"), QStringLiteral("resolution")), QStringLiteral("missed"));
        QCOMPARE(model.cellState(QStringLiteral("customers"), QStringLiteral("investigation")), QStringLiteral("sent"));
        QVERIFY(!model.index(0, AudiencePhaseModel::NextUpdateColumn)
                     .data(AudiencePhaseModel::NextDueRole)
                     .toDateTime()
                     .isValid());
    }

    void stakeholdersForKindAndSeverity()
    {
        for (const auto &[key, name] :
             QList<std::pair<QString, QString>>{{QStringLiteral("engineering"), QStringLiteral("Engineering")},
                                                {QStringLiteral("hr"), QStringLiteral("HR")},
                                                {QStringLiteral("finance"), QStringLiteral("Finance")},
                                                {QStringLiteral("facilities"), QStringLiteral("Facilities")}}) {
            Department d;
            d.key = key;
            d.name = name;
            QVERIFY(m_store->roster().saveDepartment(d));
        }
        StakeholderModel model(*m_store);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        QCOMPARE(model.rowCount(), 4);
        // SEV-2 technical: Engineering and Finance must be told; HR and Facilities only if needed.
        QCOMPARE(model.requiredCount(), 2);
        QVERIFY(model.index(0, 0).data(StakeholderModel::RequiredRole).toBool());
        QVERIFY(!model.index(3, 0).data(StakeholderModel::RequiredRole).toBool());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(m_store->business().notifyDepartment(m_incident, QStringLiteral("finance"), QStringLiteral("phone"), {},
                                                     QStringLiteral("il")));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        const int row = model.rowOfDepartment(QStringLiteral("finance"));
        QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
        QVERIFY(model.index(row, 0).data(StakeholderModel::ToldRole).toBool());
        QCOMPARE(model.index(row, StakeholderModel::MethodColumn).data().toString(), QStringLiteral("phone"));
        QCOMPARE(model.requiredToldCount(), 1);
        QVERIFY(m_store->incidents().setSeverity(m_incident, Severity::Sev4, m_ana).ok());
        QCOMPARE(model.requiredCount(), 1); // only engineering now (support is not in this directory)
    }
};

QTEST_GUILESS_MAIN(TstBusinessModels)
#include "tst_businessmodels.moc"
