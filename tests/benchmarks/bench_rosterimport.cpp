// How long a bulk roster import holds the write lock: 20,000 and 100,000 people read from CSV,
// checked, then written in one transaction; then the same file again (every row an update).
// Another writer waiting meanwhile gets its turn within its busy timeout.
#include "db/incidentstore.h"
#include "domain/clock.h"
#include "exchange/rostercsv.h"
#include "tempdatabase.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace cp;

class BenchRosterImport : public QObject
{
    Q_OBJECT

    static QByteArray roster(int people)
    {
        QByteArray csv("name,handle,team,department,contact,trained_roles,trainee\n");
        for (int i = 0; i < people; ++i)
            csv += "Person " + QByteArray::number(i) + ",p" + QByteArray::number(i) + ",Team " +
                   QByteArray::number(i % 40) + ",,+44 20 7946 " + QByteArray::number(1000 + i % 9000) +
                   ",incident-commander scribe,no\n";
        return csv;
    }

private slots:
    void import_data()
    {
        QTest::addColumn<int>("people");
        QTest::newRow("20k") << 20000;
        QTest::newRow("100k") << 100000;
    }
    void import()
    {
        QFETCH(int, people);
        test::TempDatabase tmp;
        IncidentStore store(SystemClock::instance());
        QVERIFY(store.session().open(tmp.path()).ok());
        const QByteArray csv = roster(people);
        QElapsedTimer timer;
        timer.start();
        QList<Person> parsed;
        QString error;
        QVERIFY2(RosterCsv::readPeople(csv, &parsed, &error), qPrintable(error));
        const qint64 parseMs = timer.restart();
        auto inserted = store.roster().importRoster({}, parsed);
        QVERIFY(inserted.ok());
        const qint64 insertMs = timer.restart();
        auto updated = store.roster().importRoster({}, parsed);
        QVERIFY(updated.ok());
        const qint64 updateMs = timer.elapsed();
        QCOMPARE(*inserted, people);
        qInfo("%d people: parse %lld ms, import (new) %lld ms, import again (updates) %lld ms", people, parseMs,
              insertMs, updateMs);
    }
};

QTEST_GUILESS_MAIN(BenchRosterImport)
#include "bench_rosterimport.moc"
