#include "db/incidentstore.h"
#include "fakeclock.h"
#include "models/assignmentmodel.h"
#include "models/peoplemodel.h"
#include "models/roletreemodel.h"
#include "storefixture.h"
#include "tempdatabase.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QtTest>

using namespace cp;

class TstRoleModels : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::StoreFixture> m_fixture;
    test::FakeClock *m_clock = nullptr;
    IncidentStore *m_store = nullptr;
    qint64 m_incident = 0;
    qint64 m_ana = 0;
    qint64 m_bo = 0;

private slots:
    void init()
    {
        m_fixture = std::make_unique<test::StoreFixture>();
        QVERIFY(m_fixture->open().ok());
        m_clock = &m_fixture->clock();
        m_store = &m_fixture->store();
        RoleTemplateLibrary library{QString()};
        NewIncident incident;
        incident.title = QStringLiteral("Queue stuck");
        incident.roles = library.find(QStringLiteral("technical-response"));
        m_incident = *m_store->incidents().create(incident, QStringLiteral("ana"));
        m_ana = *m_store->roster().addPerson({0, QStringLiteral("Ana Lima"), QStringLiteral("ana")});
        m_bo = *m_store->roster().addPerson({0, QStringLiteral("Bo Chen"), QStringLiteral("bo")});
    }

    void cleanup() { m_fixture.reset(); }

    void roleTreeFollowsAssignments()
    {
        RoleTreeModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        QCOMPARE(model.rowCount(), 1); // the IC at the top
        const QModelIndex ic = model.index(0, 0);
        QCOMPARE(ic.data(RoleTreeModel::RoleKeyRole).toString(), QStringLiteral("ic"));
        QCOMPARE(model.rowCount(ic), 5);
        QVERIFY(ic.data(RoleTreeModel::VacantRequiredRole).toBool());
        QCOMPARE(model.index(0, RoleTreeModel::HoldersColumn).data().toString(), QStringLiteral("vacant — required"));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(m_store->roles().assign(m_incident, QStringLiteral("ic"), m_ana, QStringLiteral("ana")).ok());
        QCOMPARE(reset.count(), 0);
        QVERIFY(changed.count() >= 1);
        QVERIFY(!ic.data(RoleTreeModel::VacantRequiredRole).toBool());
        QCOMPARE(model.index(0, RoleTreeModel::HoldersColumn).data().toString(), QStringLiteral("Ana Lima"));

        const QModelIndex sme = model.indexOfRole(QStringLiteral("sme"));
        QVERIFY(sme.isValid());
        QCOMPARE(sme.parent(), ic);
        QVERIFY(m_store->roles().assign(m_incident, QStringLiteral("sme"), m_bo, QStringLiteral("ana")).ok());
        QCOMPARE(sme.data(RoleTreeModel::HolderNamesRole).toStringList(), QStringList{QStringLiteral("Bo Chen")});
        QCOMPARE(ic.data(RoleTreeModel::DirectReportsRole).toInt(), 1);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(m_store->roles().addSubTeam(m_incident, QStringLiteral("Bravo"), QStringLiteral("ana")).ok());
        QCOMPARE(inserted.count(), 2); // the lead under the IC, the members under the lead
        const QModelIndex lead = model.indexOfRole(QStringLiteral("bravo-lead"));
        QCOMPARE(lead.parent(), ic);
        QCOMPARE(model.indexOfRole(QStringLiteral("bravo-member")).parent(), lead);
        QCOMPARE(reset.count(), 0);
    }

    void droppingAPersonOnARoleAssignsIt()
    {
        PeopleModel people(*m_store);
        RoleTreeModel roles(*m_store);
        roles.setIncident(m_incident);
        roles.setActingAuthor(QStringLiteral("ana"));
        std::unique_ptr<QMimeData> data(people.mimeData({people.index(people.rowOfPerson(m_bo), 0)}));
        QVERIFY(data);
        QCOMPARE(PeopleModel::personIdsFromMime(data.get()), QList<qint64>{m_bo});
        const QModelIndex scribe = roles.indexOfRole(QStringLiteral("scribe"));
        QVERIFY(roles.canDropMimeData(data.get(), Qt::CopyAction, -1, -1, scribe));
        QVERIFY(roles.dropMimeData(data.get(), Qt::CopyAction, -1, -1, scribe));
        QCOMPARE(scribe.data(RoleTreeModel::HolderNamesRole).toStringList(), QStringList{QStringLiteral("Bo Chen")});
        // Dropping someone else on the held single role hands it over.
        std::unique_ptr<QMimeData> ana(people.mimeData({people.index(people.rowOfPerson(m_ana), 0)}));
        QVERIFY(roles.dropMimeData(ana.get(), Qt::CopyAction, -1, -1, scribe));
        QCOMPARE(scribe.data(RoleTreeModel::HolderNamesRole).toStringList(), QStringList{QStringLiteral("Ana Lima")});
        QVERIFY(!roles.canDropMimeData(ana.get(), Qt::CopyAction, -1, -1, QModelIndex()));
    }

    void peopleStayInNameOrder()
    {
        PeopleModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(m_store->roster().addPerson({0, QStringLiteral("Aaron Abe"), QStringLiteral("aaron")}).ok());
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Aaron Abe"));
        Person bo = *m_store->roster().person(m_bo);
        bo.name = QStringLiteral("Zed Bo");
        QVERIFY(m_store->roster().updatePerson(bo).ok());
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("Zed Bo"));
        Person ana = *m_store->roster().person(m_ana);
        ana.team = QStringLiteral("SRE");
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(m_store->roster().updatePerson(ana).ok());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(1, PeopleModel::TeamColumn).data().toString(), QStringLiteral("SRE"));
    }

    void assignmentHistoryGrowsAndEnds()
    {
        AssignmentModel model(*m_store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIncident(m_incident);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(m_store->roles().assign(m_incident, QStringLiteral("ic"), m_ana, QStringLiteral("ana")).ok());
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0, 0).data(AssignmentModel::CurrentRole).toBool());
        m_clock->advanceSecs(3600);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(m_store->roles().handOver(m_incident, QStringLiteral("ic"), 0, m_bo, QStringLiteral("ana")).ok());
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, AssignmentModel::HowColumn).data().toString(), QStringLiteral("handed over"));
        QCOMPARE(model.index(1, AssignmentModel::PersonColumn).data().toString(), QStringLiteral("Bo Chen"));
        QCOMPARE(model.index(1, AssignmentModel::UntilColumn).data().toString(), QStringLiteral("now"));
    }
};

QTEST_GUILESS_MAIN(TstRoleModels)
#include "tst_rolemodels.moc"
