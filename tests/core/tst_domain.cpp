#include "domain/incident.h"
#include "domain/quickentryparser.h"
#include "domain/timelineentry.h"

#include <QtTest>

using namespace cp;

Q_DECLARE_METATYPE(cp::EntryKind)

class TstDomain : public QObject
{
    Q_OBJECT

private:
    const QTimeZone m_zone{QByteArray("Europe/Berlin")};
    // 15:00 in Berlin (UTC+1 in November).
    const QDateTime m_now{QDate(2026, 11, 22), QTime(14, 0), Qt::UTC};

private slots:
    void severityKeysRoundTrip()
    {
        for (Severity s : IncidentVocabulary::allSeverities())
            QCOMPARE(IncidentVocabulary::severityFromKey(IncidentVocabulary::severityKey(s)), s);
        QCOMPARE(IncidentVocabulary::severityFromKey(QStringLiteral("sev1")), Severity::Sev1);
        QCOMPARE(IncidentVocabulary::severityFromKey(QStringLiteral("3")), Severity::Sev3);
        QVERIFY(!IncidentVocabulary::severityFromKey(QStringLiteral("SEV-0")));
        QVERIFY(!IncidentVocabulary::severityFromKey(QStringLiteral("SEV-6")));
        QVERIFY(!IncidentVocabulary::severityFromKey(QStringLiteral("high")));
    }

    void statusAndKindKeysRoundTrip()
    {
        for (IncidentStatus s : IncidentVocabulary::allStatuses())
            QCOMPARE(IncidentVocabulary::statusFromKey(IncidentVocabulary::statusKey(s)), s);
        for (IncidentKind k : IncidentVocabulary::allKinds())
            QCOMPARE(IncidentVocabulary::kindFromKey(IncidentVocabulary::kindKey(k)), k);
        for (EntryKind k : EntryVocabulary::allKinds()) {
            QCOMPARE(EntryVocabulary::kindFromKey(EntryVocabulary::kindKey(k)), k);
            QVERIFY(!EntryVocabulary::kindLabel(k).isEmpty());
        }
        QCOMPARE(IncidentVocabulary::statusFromKey(QStringLiteral(" Resolved ")), IncidentStatus::Resolved);
        QVERIFY(!IncidentVocabulary::statusFromKey(QStringLiteral("closed")));
        QVERIFY(!EntryVocabulary::kindFromKey(QStringLiteral("gossip")));
    }

    void quickEntry_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<EntryKind>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("keyEvent");
        QTest::addColumn<QString>("occurredUtc"); // empty: now
        QTest::addColumn<QStringList>("tags");

        QTest::newRow("plain text takes the default kind")
            << QStringLiteral("customers see 500s") << EntryKind::Note << QStringLiteral("customers see 500s") << false
            << QString() << QStringList();
        QTest::newRow("action prefix") << QStringLiteral("a: Bo restarts the app stack") << EntryKind::Action
                                       << QStringLiteral("Bo restarts the app stack") << false << QString()
                                       << QStringList();
        QTest::newRow("full word prefix, any case")
            << QStringLiteral("Decision: roll back 4711") << EntryKind::Decision << QStringLiteral("roll back 4711")
            << false << QString() << QStringList();
        QTest::newRow("status report") << QStringLiteral("s: We are in SEV-1, next check-in in 3 minutes")
                                       << EntryKind::Status
                                       << QStringLiteral("We are in SEV-1, next check-in in 3 minutes") << false
                                       << QString() << QStringList();
        QTest::newRow("TODO keeps its word and is a follow-up callout")
            << QStringLiteral("TODO: why were we not paged?") << EntryKind::Callout
            << QStringLiteral("TODO: why were we not paged?") << false << QString()
            << QStringList{QStringLiteral("followup")};
        QTest::newRow("key event marker") << QStringLiteral("!d: fail over to eu-west") << EntryKind::Decision
                                          << QStringLiteral("fail over to eu-west") << true << QString()
                                          << QStringList();
        QTest::newRow("backfill to a clock time") << QStringLiteral("@14:32 a: cache flushed") << EntryKind::Action
                                                  << QStringLiteral("cache flushed") << false
                                                  << QStringLiteral("2026-11-22T13:32:00Z") << QStringList();
        QTest::newRow("clock time still ahead means yesterday")
            << QStringLiteral("@23:50 n: first alert fired") << EntryKind::Note << QStringLiteral("first alert fired")
            << false << QStringLiteral("2026-11-21T22:50:00Z") << QStringList();
        QTest::newRow("relative backfill") << QStringLiteral("@-5m db failover started") << EntryKind::Note
                                           << QStringLiteral("db failover started") << false
                                           << QStringLiteral("2026-11-22T13:55:00Z") << QStringList();
        QTest::newRow("markers in any order") << QStringLiteral("c: ! @-2h tag #db and #Deploy") << EntryKind::Callout
                                              << QStringLiteral("tag #db and #Deploy") << true
                                              << QStringLiteral("2026-11-22T12:00:00Z")
                                              << QStringList{QStringLiteral("db"), QStringLiteral("deploy")};
        QTest::newRow("full date") << QStringLiteral("@2026-11-21T09:15 pager fired") << EntryKind::Note
                                   << QStringLiteral("pager fired") << false << QStringLiteral("2026-11-21T08:15:00Z")
                                   << QStringList();
        QTest::newRow("unknown prefix is text") << QStringLiteral("db3: load at 90%") << EntryKind::Note
                                                << QStringLiteral("db3: load at 90%") << false << QString()
                                                << QStringList();
        QTest::newRow("url is not a prefix") << QStringLiteral("see https://status.example.com") << EntryKind::Note
                                             << QStringLiteral("see https://status.example.com") << false << QString()
                                             << QStringList();
        QTest::newRow("a colon with no space after it is text")
            << QStringLiteral("a:b swapped") << EntryKind::Note << QStringLiteral("a:b swapped") << false << QString()
            << QStringList();
        QTest::newRow("a colon after the first word is text")
            << QStringLiteral("Bo is back: paging stopped") << EntryKind::Note
            << QStringLiteral("Bo is back: paging stopped") << false << QString() << QStringList();
        QTest::newRow("an @ inside the text is no time")
            << QStringLiteral("asked @ana to look, @-5m was wrong") << EntryKind::Note
            << QStringLiteral("asked @ana to look, @-5m was wrong") << false << QString() << QStringList();
        QTest::newRow("a # with no word is no tag")
            << QStringLiteral("ticket # pending, a#b too") << EntryKind::Note
            << QStringLiteral("ticket # pending, a#b too") << false << QString() << QStringList();
    }

    void quickEntry()
    {
        QFETCH(QString, line);
        QFETCH(EntryKind, kind);
        QFETCH(QString, text);
        QFETCH(bool, keyEvent);
        QFETCH(QString, occurredUtc);
        QFETCH(QStringList, tags);
        const QuickEntry entry = QuickEntryParser::parse(line, EntryKind::Note, m_now, m_zone);
        QVERIFY2(entry.isValid(), qPrintable(entry.error));
        QCOMPARE(entry.kind, kind);
        QCOMPARE(entry.text, text);
        QCOMPARE(entry.keyEvent, keyEvent);
        QCOMPARE(entry.tags, tags);
        if (occurredUtc.isEmpty())
            QVERIFY(entry.occurredAt.isNull());
        else
            QCOMPARE(entry.occurredAt, QDateTime::fromString(occurredUtc, Qt::ISODate));
    }

    void quickEntryErrors_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("empty") << QString();
        QTest::newRow("only markers") << QStringLiteral("! a: @-5m");
        QTest::newRow("impossible time") << QStringLiteral("@25:99 late entry");
        QTest::newRow("not a time") << QStringLiteral("@soon restart");
        QTest::newRow("future date") << QStringLiteral("@2027-01-01T10:00 next year");
    }

    void quickEntryErrors()
    {
        QFETCH(QString, line);
        const QuickEntry entry = QuickEntryParser::parse(line, EntryKind::Note, m_now, m_zone);
        QVERIFY(!entry.isValid());
        QVERIFY(!entry.error.isEmpty());
    }

    // Without a zone the system's reads the clock time; a line naming no time needs none.
    void quickEntryInTheSystemsZone()
    {
        const QString line = QStringLiteral("@14:32 a: cache flushed");
        const QuickEntry entry = QuickEntryParser::parse(line, EntryKind::Note, m_now);
        QVERIFY2(entry.isValid(), qPrintable(entry.error));
        QCOMPARE(entry.occurredAt,
                 QuickEntryParser::parse(line, EntryKind::Note, m_now, QTimeZone::systemTimeZone()).occurredAt);
        QCOMPARE(entry.kind, EntryKind::Action);
        QVERIFY(QuickEntryParser::parse(QStringLiteral("cache flushed"), EntryKind::Note, m_now).occurredAt.isNull());
    }

    void defaultKindIsKeptWithoutPrefix()
    {
        const QuickEntry entry = QuickEntryParser::parse(QStringLiteral("paged the DB SME"), EntryKind::Action, m_now, m_zone);
        QCOMPARE(entry.kind, EntryKind::Action);
        QVERIFY(!entry.kindGiven);
    }
};

QTEST_GUILESS_MAIN(TstDomain)
#include "tst_domain.moc"
