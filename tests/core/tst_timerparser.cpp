#include "timers/timerlineparser.h"

#include <QtTest>

using namespace cp;

class TstTimerParser : public QObject
{
    Q_OBJECT

private slots:
    void goodLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("owner");
        const int countdown = int(TimerKind::Countdown);
        const int cadence = int(TimerKind::Cadence);
        const int stopwatch = int(TimerKind::Stopwatch);
        QTest::newRow("minutes") << QStringLiteral("5m check DB SME") << countdown << qint64(300000)
                                 << QStringLiteral("check DB SME") << QString();
        QTest::newRow("seconds") << QStringLiteral("90s back to you") << countdown << qint64(90000)
                                 << QStringLiteral("back to you") << QString();
        QTest::newRow("combined") << QStringLiteral("1h30m vendor escalation") << countdown << qint64(5400000)
                                  << QStringLiteral("vendor escalation") << QString();
        QTest::newRow("h m s") << QStringLiteral("1h2m3s odd") << countdown << qint64(3723000) << QStringLiteral("odd")
                               << QString();
        QTest::newRow("upper case") << QStringLiteral("3M Check") << countdown << qint64(180000)
                                    << QStringLiteral("Check") << QString();
        QTest::newRow("spaces") << QStringLiteral("  2m   ping   Bo  ") << countdown << qint64(120000)
                                << QStringLiteral("ping Bo") << QString();
        QTest::newRow("cadence") << QStringLiteral("every 20m status update") << cadence << qint64(1200000)
                                 << QStringLiteral("status update") << QString();
        QTest::newRow("Every") << QStringLiteral("Every 10m elapsed-time callout") << cadence << qint64(600000)
                               << QStringLiteral("elapsed-time callout") << QString();
        QTest::newRow("stopwatch") << QStringLiteral("stopwatch since declared") << stopwatch << qint64(0)
                                   << QStringLiteral("since declared") << QString();
        QTest::newRow("owner") << QStringLiteral("5m @SME check the replica") << countdown << qint64(300000)
                               << QStringLiteral("check the replica") << QStringLiteral("sme");
        QTest::newRow("owner last") << QStringLiteral("every 30m exec update @internal-liaison") << cadence
                                    << qint64(1800000) << QStringLiteral("exec update")
                                    << QStringLiteral("internal-liaison");
        QTest::newRow("lone @") << QStringLiteral("5m mail @ noon") << countdown << qint64(300000)
                                << QStringLiteral("mail @ noon") << QString();
    }

    void goodLines()
    {
        QFETCH(QString, line);
        QFETCH(int, kind);
        QFETCH(qint64, ms);
        QFETCH(QString, label);
        QFETCH(QString, owner);
        const TimerLine parsed = TimerLineParser::parse(line);
        QVERIFY2(parsed.isValid(), qPrintable(parsed.error));
        QCOMPARE(int(parsed.kind), kind);
        QCOMPARE(parsed.durationMs, ms);
        QCOMPARE(parsed.label, label);
        QCOMPARE(parsed.ownerRoleKey, owner);
    }

    void badLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("errorContains");
        QTest::newRow("empty") << QString() << QStringLiteral("Type a timer");
        QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("Type a timer");
        QTest::newRow("no unit") << QStringLiteral("5 check DB") << QStringLiteral("needs a unit");
        QTest::newRow("zero") << QStringLiteral("0m check") << QStringLiteral("more than no time");
        QTest::newRow("no label") << QStringLiteral("5m") << QStringLiteral("what the timer is for");
        QTest::newRow("only owner") << QStringLiteral("5m @sme") << QStringLiteral("what the timer is for");
        QTest::newRow("words") << QStringLiteral("check the DB") << QStringLiteral("Start with a duration");
        QTest::newRow("wrong order") << QStringLiteral("30m1h x") << QStringLiteral("Start with a duration");
        QTest::newRow("every alone") << QStringLiteral("every") << QStringLiteral("how often");
        QTest::newRow("every bad") << QStringLiteral("every week standup") << QStringLiteral("not a period");
        QTest::newRow("every no label") << QStringLiteral("every 20m") << QStringLiteral("every 20m check DB SME");
        QTest::newRow("stopwatch alone") << QStringLiteral("stopwatch") << QStringLiteral("what the stopwatch counts");
        QTest::newRow("too long") << QStringLiteral("200h nap") << QStringLiteral("longer than a week");
        QTest::newRow("two owners") << QStringLiteral("5m @ic @sme x") << QStringLiteral("one owner");
        QTest::newRow("negative") << QStringLiteral("-5m x") << QStringLiteral("Start with a duration");
    }

    void badLines()
    {
        QFETCH(QString, line);
        QFETCH(QString, errorContains);
        const TimerLine parsed = TimerLineParser::parse(line);
        QVERIFY(!parsed.isValid());
        QVERIFY2(parsed.error.contains(errorContains), qPrintable(parsed.error));
    }

    void durations()
    {
        QCOMPARE(TimerLineParser::parseDuration(QStringLiteral("45s")).value_or(-1), qint64(45000));
        QCOMPARE(TimerLineParser::parseDuration(QStringLiteral("2h")).value_or(-1), qint64(7200000));
        QVERIFY(!TimerLineParser::parseDuration(QString()));
        QVERIFY(!TimerLineParser::parseDuration(QStringLiteral("m")));
        QVERIFY(!TimerLineParser::parseDuration(QStringLiteral("5x")));
        QCOMPARE(TimerVocabulary::clockText(2999), QStringLiteral("0:03"));
        QCOMPARE(TimerVocabulary::clockText(3600000 + 61000), QStringLiteral("1:01:01"));
        QCOMPARE(TimerVocabulary::durationText(5400000), QStringLiteral("1 h 30 min"));
        QCOMPARE(TimerVocabulary::durationText(0), QStringLiteral("0 s"));
    }
};

QTEST_GUILESS_MAIN(TstTimerParser)
#include "tst_timerparser.moc"
