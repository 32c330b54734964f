#include "db/incidentstore.h"
#include "fakeclock.h"
#include "models/incidentlistmodel.h"
#include "tempdatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace cp;

class TstIncidentListModel : public QObject
{
    Q_OBJECT

private slots:
    void openIncidentsFirstNewestFirst()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        IncidentStore store(clock);
        QVERIFY(store.session().open(tmp.path()).ok());
        IncidentListModel model(store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);

        const qint64 first = *store.incidents().create({QStringLiteral("Login fails")}, QStringLiteral("ana"));
        clock.advanceSecs(60);
        const qint64 second =
            *store.incidents().create({QStringLiteral("Payments slow"), {}, Severity::Sev1}, QStringLiteral("ana"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, 0), IncidentListModel::IncidentIdRole).toLongLong(), second);
        QCOMPARE(model.index(0, IncidentListModel::SeverityColumn).data().toString(), QStringLiteral("SEV-1"));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(store.resolution()
                    .resolve(second, {{QStringLiteral("postmortem"), QStringLiteral("test")}}, QStringLiteral("ana"))
                    .ok());
        QCOMPARE(model.data(model.index(0, 0), IncidentListModel::IncidentIdRole).toLongLong(), first);
        QCOMPARE(model.data(model.index(1, 0), IncidentListModel::ResolvedRole).toBool(), true);
        QVERIFY(store.incidents().setSeverity(first, Severity::Sev2, QStringLiteral("ana")).ok());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowOfIncident(second), 1);
        QVERIFY(model.data(model.index(1, 0), IncidentListModel::SearchTextRole)
                    .toString()
                    .contains(QStringLiteral("Payments slow")));
    }

    void reloadsFromAnExistingDatabase()
    {
        test::TempDatabase tmp;
        test::FakeClock clock;
        IncidentStore store(clock);
        QVERIFY(store.session().open(tmp.path()).ok());
        for (int i = 0; i < 3; ++i)
            QVERIFY(store.incidents().create({QStringLiteral("Incident %1").arg(i)}, QStringLiteral("ana")).ok());
        IncidentListModel model(store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, IncidentListModel::TitleColumn).data().toString(), QStringLiteral("Incident 2"));
    }
};

QTEST_GUILESS_MAIN(TstIncidentListModel)
#include "tst_incidentlistmodel.moc"
