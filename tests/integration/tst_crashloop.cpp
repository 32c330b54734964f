// Kills "commandpost-cli log --stdin" with SIGKILL while it is logging, round after round on the
// same file, and checks after each round that every acknowledged entry is on disk exactly as sent,
// that nothing half-written exists, and that SQLite finds the file intact.
//
// CP_CRASH_ROUNDS raises the number of rounds (default 30); CP_CRASH_SEED replays a run.

#include "db/incidentstore.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using cp::test::TempDatabase;

namespace {

constexpr int DefaultRounds = 30;
constexpr int WaitMs = 20000; // bound on any single wait for the CLI
constexpr int InFlight = 4;   // lines written ahead of the acknowledgements
constexpr int MaxAcknowledged = 24;

} // namespace

class TstCrashLoop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void acknowledgedEntriesSurviveSigkill();

private:
    QString line(QRandomGenerator &random, int round, int index) const;
    // Reopens the file with the store and checks it; 'expected' grows by what this round committed.
    void verify(const QString &path, qint64 incidentId, bool readOnly, const QStringList &sentThisRound,
                const QHash<qint64, QString> &acknowledged, int acknowledgedThisRound, QStringList &expected);
    // Every id ever acknowledged is there with exactly the text sent.
    void verifyAcknowledged(const cp::IncidentStore &store, const QHash<qint64, QString> &acknowledged);

    QString m_cli;
};

void TstCrashLoop::initTestCase()
{
    m_cli = TempDatabase::executable(QStringLiteral("commandpost-cli"));
    QVERIFY2(!m_cli.isEmpty(), "commandpost-cli was not built next to the tests");
}

QString TstCrashLoop::line(QRandomGenerator &random, int round, int index) const
{
    // Unique, trimmed text of very different lengths: some fit a page, some overflow several.
    static const QString alphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyz ÄÖÜßéè—0123456789,.;:!?\"'");
    const int length = random.bounded(2) == 0 ? random.bounded(1, 200) : random.bounded(200, 9000);
    QString text = QStringLiteral("r%1-n%2 ").arg(round).arg(index);
    text.reserve(text.size() + length);
    for (int i = 0; i < length; ++i)
        text += alphabet.at(random.bounded(int(alphabet.size())));
    text += QStringLiteral(" end-r%1-n%2").arg(round).arg(index);
    return text;
}

void TstCrashLoop::acknowledgedEntriesSurviveSigkill()
{
    bool ok = false;
    int rounds = qEnvironmentVariableIntValue("CP_CRASH_ROUNDS", &ok);
    if (!ok || rounds <= 0)
        rounds = DefaultRounds;
    quint32 seed = quint32(qEnvironmentVariable("CP_CRASH_SEED").toUInt(&ok));
    if (!ok)
        seed = QRandomGenerator::system()->generate();
    qInfo("crash loop: %d rounds, seed %u (replay with CP_CRASH_SEED=%u)", rounds, seed, seed);
    QRandomGenerator random(seed);

    TempDatabase tmp;
    const QString path = tmp.path();
    qint64 incidentId = 0;
    {
        cp::test::FakeClock clock(QDateTime::currentDateTimeUtc().addSecs(-3600));
        cp::IncidentStore store(clock);
        QVERIFY(!store.open(path));
        cp::NewIncident incident;
        incident.title = QStringLiteral("Crash loop");
        auto id = store.createIncident(incident, QStringLiteral("tester"));
        QVERIFY(id.ok());
        incidentId = *id;
    }

    QHash<qint64, QString> acknowledged; // every id ever printed, with the text it answered
    QHash<qint64, QString> acknowledgedInRound;
    QStringList expected; // every entry's text committed so far, in id order
    int totalAcknowledged = 0;
    int killedMidStream = 0;
    for (int round = 0; round < rounds; ++round) {
        const int killAfter = random.bounded(0, MaxAcknowledged + 1);
        QProcess process;
        process.start(m_cli, {QStringLiteral("--db"), path, QStringLiteral("log"), QStringLiteral("--incident"),
                              QString::number(incidentId), QStringLiteral("--author"), QStringLiteral("crash"),
                              QStringLiteral("--stdin")});
        QVERIFY2(process.waitForStarted(WaitMs), qPrintable(process.errorString()));

        QStringList sent;
        auto send = [&]() {
            const QString text = line(random, round, int(sent.size()));
            sent << text;
            process.write(text.toUtf8() + '\n');
        };
        for (int i = 0; i < InFlight; ++i)
            send();

        int acknowledgedThisRound = 0;
        acknowledgedInRound.clear();
        bool running = true;
        QByteArray pending;
        auto takeAcknowledgements = [&]() {
            pending += process.readAllStandardOutput();
            qsizetype end;
            while ((end = pending.indexOf('\n')) >= 0) {
                const QByteArray ack = pending.left(end);
                pending.remove(0, end + 1);
                bool isNumber = false;
                const qint64 id = ack.toLongLong(&isNumber);
                if (!isNumber || acknowledgedThisRound >= sent.size()) {
                    qWarning("unexpected output: %s", ack.constData());
                    return false;
                }
                acknowledged.insert(id, sent.at(acknowledgedThisRound));
                acknowledgedInRound.insert(id, sent.at(acknowledgedThisRound));
                ++acknowledgedThisRound;
                if (running)
                    send(); // keep the stream flowing
            }
            return true;
        };
        while (acknowledgedThisRound < killAfter) {
            if (!process.waitForReadyRead(WaitMs)) {
                QFAIL(qPrintable(QStringLiteral("round %1: no acknowledgement within %2 ms; the CLI said: %3")
                                     .arg(round)
                                     .arg(WaitMs)
                                     .arg(QString::fromUtf8(process.readAllStandardError()))));
            }
            QVERIFY(takeAcknowledgements());
        }
        process.kill(); // SIGKILL, mid-stream
        running = false;
        QVERIFY(process.waitForFinished(WaitMs));
        if (process.exitStatus() == QProcess::CrashExit)
            ++killedMidStream;
        // Ids that left the process before it died count as acknowledged too.
        QVERIFY(takeAcknowledgements());
        totalAcknowledged += acknowledgedThisRound;

        // Even rounds look read-only, leaving the write-ahead log for the next CLI to recover.
        verify(path, incidentId, round % 2 == 0, sent, acknowledgedInRound, acknowledgedThisRound, expected);
        if (QTest::currentTestFailed()) {
            qWarning("failed in round %d, seed %u", round, seed);
            return;
        }
    }
    {
        cp::test::FakeClock clock;
        cp::IncidentStore store(clock);
        QVERIFY(!store.open(path));
        verifyAcknowledged(store, acknowledged);
        QCOMPARE(store.stats()->entries, qint64(expected.size()) + 1); // and the declaration
    }
    qInfo("crash loop: %d acknowledged, %lld committed, %d killed mid-stream", totalAcknowledged,
          qint64(expected.size()), killedMidStream);
    QVERIFY(totalAcknowledged > 0 || rounds < 5);
}

void TstCrashLoop::verify(const QString &path, qint64 incidentId, bool readOnly, const QStringList &sentThisRound,
                          const QHash<qint64, QString> &acknowledged, int acknowledgedThisRound, QStringList &expected)
{
    cp::test::FakeClock clock;
    cp::IncidentStore store(clock);
    cp::IncidentStore::Options options;
    options.mode = readOnly ? cp::IncidentStore::OpenMode::ReadOnly : cp::IncidentStore::OpenMode::ReadWrite;
    const cp::StoreError opened = store.open(path, options);
    QVERIFY2(!opened, qPrintable(opened.message()));
    auto problems = store.integrityProblems();
    QVERIFY(problems.ok());
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));

    verifyAcknowledged(store, acknowledged);
    if (QTest::currentTestFailed())
        return;

    // The log holds what earlier rounds committed, then a prefix of this round's lines, at least
    // as long as what was acknowledged: nothing partial, nothing reordered, nothing invented.
    cp::TimelinePage page;
    page.incidentId = incidentId;
    page.oldestFirst = true;
    page.limit = 1000000;
    page.filter.kinds = {cp::EntryKind::Note};
    auto entries = store.entries(page);
    QVERIFY(entries.ok());
    QList<cp::TimelineEntry> list = *entries;
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    QStringList texts;
    texts.reserve(list.size());
    for (const cp::TimelineEntry &entry : std::as_const(list))
        texts << entry.text;
    QVERIFY(texts.size() >= expected.size());
    QVERIFY2(texts.mid(0, expected.size()) == expected, "entries committed in earlier rounds changed");
    const QStringList committed = texts.mid(expected.size());
    QVERIFY2(
        committed.size() >= acknowledgedThisRound,
        qPrintable(QStringLiteral("%1 acknowledged, %2 committed").arg(acknowledgedThisRound).arg(committed.size())));
    QVERIFY(committed.size() <= sentThisRound.size());
    for (qsizetype i = 0; i < committed.size(); ++i)
        QVERIFY2(committed.at(i) == sentThisRound.at(i),
                 qPrintable(QStringLiteral("entry %1 of the round differs from the line sent").arg(i)));
    expected += committed;
}

void TstCrashLoop::verifyAcknowledged(const cp::IncidentStore &store, const QHash<qint64, QString> &acknowledged)
{
    for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
        auto entry = store.entry(it.key());
        QVERIFY2(entry.ok(), qPrintable(QStringLiteral("acknowledged entry #%1 is missing").arg(it.key())));
        QCOMPARE(entry->text, it.value());
        QCOMPARE(entry->author, QStringLiteral("crash"));
    }
}

QTEST_GUILESS_MAIN(TstCrashLoop)
#include "tst_crashloop.moc"
