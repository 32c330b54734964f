// How CommandPost behaves with a very large incident: a timeline of CP_BENCH_ENTRIES entries
// (default 1,000,000). Measures opening (quick_check included), the first and next page of
// the lazy model, a filtered first page, and one committed (fsync'ed) append.
#include "db/incidentstore.h"
#include "domain/clock.h"
#include "models/timelinemodel.h"
#include "tempdatabase.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace cp;

class BenchTimeline : public QObject
{
    Q_OBJECT

private:
    test::TempDatabase m_tmp;
    qint64 m_incident = 0;
    int m_entries = 1000000;

private slots:
    void initTestCase()
    {
        m_entries = qEnvironmentVariableIntValue("CP_BENCH_ENTRIES") > 0
                        ? qEnvironmentVariableIntValue("CP_BENCH_ENTRIES")
                        : m_entries;
        IncidentStore store(SystemClock::instance());
        QVERIFY(store.session().open(m_tmp.path()).ok());
        NewIncident incident;
        incident.title = QStringLiteral("Marathon incident");
        incident.declaredAt = QDateTime::currentDateTimeUtc().addDays(-30);
        m_incident = *store.incidents().create(incident, QStringLiteral("ana"));

        QElapsedTimer timer;
        timer.start();
        const QDateTime start = incident.declaredAt;
        const QStringList authors{QStringLiteral("Ana"), QStringLiteral("Bo"), QStringLiteral("Cy")};
        constexpr int Batch = 50000;
        for (int done = 0; done < m_entries; done += Batch) {
            QList<NewEntry> batch;
            for (int i = done; i < qMin(m_entries, done + Batch); ++i) {
                NewEntry e;
                e.incidentId = m_incident;
                e.kind = static_cast<EntryKind>(i % 6);
                e.author = authors.at(i % 3);
                e.occurredAt = start.addMSecs(qint64(i) * 2000);
                e.text = QStringLiteral("status of shard %1: replication lag %2 s, consumer group rebalanced")
                             .arg(i % 97)
                             .arg(i % 13);
                batch << e;
            }
            QVERIFY(store.timeline().appendAll(batch).ok());
        }
        qInfo("bulk insert: %d entries in %lld ms (%.0f entries/s)", m_entries, timer.elapsed(),
              m_entries * 1000.0 / qMax<qint64>(1, timer.elapsed()));
    }

    void openStoreAndFirstPage()
    {
        QBENCHMARK
        {
            IncidentStore store(SystemClock::instance());
            QVERIFY(store.session().open(m_tmp.path()).ok());
            TimelineModel model(store);
            model.setIncident(m_incident);
            QCOMPARE(model.rowCount(), 256);
        }
    }

    void openWithoutQuickCheck()
    {
        QBENCHMARK
        {
            IncidentStore store(SystemClock::instance());
            StoreSession::Options options;
            options.quickCheck = false;
            QVERIFY(store.session().open(m_tmp.path(), options).ok());
            TimelineModel model(store);
            model.setIncident(m_incident);
            QCOMPARE(model.rowCount(), 256);
        }
    }

    void nextPage()
    {
        IncidentStore store(SystemClock::instance());
        QVERIFY(store.session().open(m_tmp.path()).ok());
        TimelineModel model(store);
        model.setIncident(m_incident);
        QBENCHMARK
        {
            model.fetchMore();
        }
        QVERIFY(model.rowCount() > 256);
    }

    void filteredFirstPage()
    {
        IncidentStore store(SystemClock::instance());
        QVERIFY(store.session().open(m_tmp.path()).ok());
        TimelineModel model(store);
        model.setIncident(m_incident);
        int round = 0;
        QBENCHMARK
        {
            TimelineFilter filter;
            filter.text = QStringLiteral("shard %1:").arg(++round % 97);
            filter.kinds = {EntryKind::Action};
            model.setFilter(filter);
        }
        QVERIFY(model.rowCount() > 0);
    }

    void committedAppend()
    {
        IncidentStore store(SystemClock::instance());
        QVERIFY(store.session().open(m_tmp.path()).ok());
        TimelineModel model(store);
        model.setIncident(m_incident);
        QBENCHMARK
        {
            NewEntry e;
            e.incidentId = m_incident;
            e.author = QStringLiteral("Cy");
            e.text = QStringLiteral("X is restarting the app stack, next check-in in 3 minutes");
            QVERIFY(store.timeline().append(e).ok());
        }
        QCOMPARE(model.index(0, TimelineModel::TextColumn).data().toString(),
                 QStringLiteral("X is restarting the app stack, next check-in in 3 minutes"));
    }
};

QTEST_GUILESS_MAIN(BenchTimeline)
#include "bench_timeline.moc"
