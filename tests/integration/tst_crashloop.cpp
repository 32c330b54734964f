// Kills a writer with SIGKILL while it is writing, round after round on the same file, and checks
// after each round that every acknowledged item is on disk exactly as sent, that nothing
// half-written exists, and that SQLite finds the file intact (PRAGMA integrity_check). Three
// writers, one test function each (registered with CTest separately, so they run in parallel):
//   entries      "commandpost-cli log --stdin", one entry per line
//   timers       cp_crashwriter timers: one countdown per line (its start entry in the same commit)
//   assignments  cp_crashwriter assignments: a hand-over of one role per line (ends the previous
//                holder's assignment and starts the next one in one commit)
//
// CP_CRASH_ROUNDS sets the rounds per writer (default 200); CP_CRASH_SEED replays a run.

#include "db/incidentstore.h"
#include "fakeclock.h"
#include "tempdatabase.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <functional>

using cp::test::TempDatabase;

namespace {

constexpr int DefaultRounds = 200;
constexpr int WaitMs = 20000; // bound on any single wait for the writer
constexpr int InFlight = 3;   // lines written ahead of the acknowledgements
constexpr int MaxAcknowledged = 8;
constexpr int People = 5;
const QString RoleKey = QStringLiteral("crash-desk");

enum class Writer
{
    Entries,
    Timers,
    Assignments
};

// What a writer committed, in commit order: the text sent for each item, and its id.
struct Committed
{
    QList<qint64> ids;
    QStringList texts;
};

} // namespace

class TstCrashLoop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void entriesSurviveSigkill() { loop(Writer::Entries); }
    void timersSurviveSigkill() { loop(Writer::Timers); }
    void assignmentsSurviveSigkill() { loop(Writer::Assignments); }

private:
    void loop(Writer writer);
    QString line(Writer writer, QRandomGenerator &random, int round, int index, const QString &previous) const;
    // Everything the writer committed so far, read back with a fresh store; fails the test on
    // any inconsistency of a half-written command.
    void readCommitted(const cp::IncidentStore &store, Writer writer, qint64 incidentId, Committed &out);

    QString m_cli;
    QString m_driver;
    QList<qint64> m_people;
};

void TstCrashLoop::initTestCase()
{
    m_cli = TempDatabase::executable(QStringLiteral("commandpost-cli"));
    QVERIFY2(!m_cli.isEmpty(), "commandpost-cli was not built next to the tests");
    m_driver = TempDatabase::executable(QStringLiteral("cp_crashwriter"));
    QVERIFY2(!m_driver.isEmpty(), "cp_crashwriter was not built next to the tests");
}

QString TstCrashLoop::line(Writer writer, QRandomGenerator &random, int round, int index, const QString &previous) const
{
    if (writer == Writer::Assignments) {
        // The next holder: anyone but the one who would hold the role by then.
        QString next;
        do {
            next = QString::number(m_people.at(random.bounded(int(m_people.size()))));
        } while (next == previous);
        return next;
    }
    // Unique, trimmed text of very different lengths: some fit a page, some overflow several.
    static const QString alphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyz ÄÖÜßéè—0123456789,.;:!?\"'");
    const int length = writer == Writer::Timers ? random.bounded(1, 60)
                       : random.bounded(2) == 0 ? random.bounded(1, 200)
                                                : random.bounded(200, 9000);
    QString text = QStringLiteral("r%1-n%2 ").arg(round).arg(index);
    for (int i = 0; i < length; ++i)
        text += alphabet.at(random.bounded(int(alphabet.size())));
    text += QStringLiteral(" end-r%1-n%2").arg(round).arg(index);
    return text;
}

void TstCrashLoop::loop(Writer writer)
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
    QElapsedTimer elapsed;
    elapsed.start();

    TempDatabase tmp;
    const QString path = tmp.path();
    qint64 incidentId = 0;
    {
        cp::test::FakeClock clock(QDateTime::currentDateTimeUtc().addSecs(-3600));
        cp::IncidentStore store(clock);
        QVERIFY(store.session().open(path).ok());
        cp::NewIncident incident;
        incident.title = QStringLiteral("Crash loop");
        auto id = store.incidents().create(incident, QStringLiteral("tester"));
        QVERIFY(id.ok());
        incidentId = *id;
        if (writer == Writer::Assignments) {
            cp::RoleDefinition role;
            role.key = RoleKey;
            role.title = QStringLiteral("Crash desk");
            QVERIFY(store.roles().add(incidentId, role, QStringLiteral("tester")).ok());
            m_people.clear();
            for (int i = 0; i < People; ++i) {
                cp::Person person;
                person.name = QStringLiteral("Person %1").arg(i);
                person.handle = QStringLiteral("p%1").arg(i);
                auto personId = store.roster().addPerson(person);
                QVERIFY(personId.ok());
                m_people << *personId;
            }
        }
    }

    QStringList arguments;
    QString program;
    if (writer == Writer::Entries) {
        program = m_cli;
        arguments = {QStringLiteral("--db"),      path,
                     QStringLiteral("log"),       QStringLiteral("--incident"),
                     QString::number(incidentId), QStringLiteral("--author"),
                     QStringLiteral("crash"),     QStringLiteral("--stdin")};
    } else {
        program = m_driver;
        arguments = {QStringLiteral("--db"), path, QStringLiteral("--incident"), QString::number(incidentId),
                     writer == Writer::Timers ? QStringLiteral("timers") : QStringLiteral("assignments")};
    }

    QHash<qint64, QString> acknowledged; // every id ever printed, with the text it answered
    Committed before;                    // what earlier rounds committed
    int totalAcknowledged = 0;
    int killedMidStream = 0;
    for (int round = 0; round < rounds; ++round) {
        const int killAfter = random.bounded(0, MaxAcknowledged + 1);
        QProcess process;
        process.start(program, arguments);
        QVERIFY2(process.waitForStarted(WaitMs), qPrintable(process.errorString()));

        QStringList sent;
        QString last = before.texts.isEmpty() ? QString() : before.texts.constLast();
        auto send = [&]() {
            const QString text = line(writer, random, round, int(sent.size()), last);
            last = text;
            sent << text;
            process.write(text.toUtf8() + '\n');
        };
        for (int i = 0; i < InFlight; ++i)
            send();

        int acknowledgedThisRound = 0;
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
                ++acknowledgedThisRound;
                if (running)
                    send(); // keep the stream flowing
            }
            return true;
        };
        while (acknowledgedThisRound < killAfter) {
            if (!process.waitForReadyRead(WaitMs)) {
                QFAIL(qPrintable(QStringLiteral("round %1: no acknowledgement within %2 ms; the writer said: %3")
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

        // Reopen: odd rounds read-write (recovering the -wal at once), even rounds read-only,
        // leaving the write-ahead log for the next writer to recover.
        cp::test::FakeClock clock;
        cp::IncidentStore store(clock);
        cp::StoreSession::Options options;
        options.mode = round % 2 == 0 ? cp::StoreSession::OpenMode::ReadOnly : cp::StoreSession::OpenMode::ReadWrite;
        options.quickCheck = false; // the full integrity_check follows
        const cp::StoreError opened = store.session().open(path, options);
        QVERIFY2(opened.ok(), qPrintable(opened.message()));
        auto problems = store.session().integrityProblems();
        QVERIFY(problems.ok());
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));

        Committed now;
        readCommitted(store, writer, incidentId, now);
        if (QTest::currentTestFailed()) {
            qWarning("failed in round %d, seed %u", round, seed);
            return;
        }
        // Earlier rounds' items unchanged, then a prefix of this round's lines at least as long as
        // what was acknowledged: nothing partial, nothing reordered, nothing invented.
        QVERIFY2(now.texts.mid(0, before.texts.size()) == before.texts,
                 qPrintable(QStringLiteral("round %1: items committed in earlier rounds changed").arg(round)));
        const QStringList committed = now.texts.mid(before.texts.size());
        QVERIFY2(committed.size() >= acknowledgedThisRound,
                 qPrintable(QStringLiteral("round %1: %2 acknowledged, %3 committed")
                                .arg(round)
                                .arg(acknowledgedThisRound)
                                .arg(committed.size())));
        QVERIFY(committed.size() <= sent.size());
        QVERIFY2(committed == sent.mid(0, committed.size()),
                 qPrintable(QStringLiteral("round %1: a committed item differs from the line sent").arg(round)));
        // Every id ever acknowledged is there with exactly the text sent.
        for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
            const qsizetype at = now.ids.indexOf(it.key());
            QVERIFY2(at >= 0, qPrintable(QStringLiteral("acknowledged #%1 is missing").arg(it.key())));
            QCOMPARE(now.texts.at(at), it.value());
        }
        before = now;
    }
    qInfo("crash loop: %d rounds, %d acknowledged, %lld committed, %d killed mid-stream, %lld ms", rounds,
          totalAcknowledged, qint64(before.texts.size()), killedMidStream, qint64(elapsed.elapsed()));
    QVERIFY(totalAcknowledged > 0 || rounds < 5);
}

void TstCrashLoop::readCommitted(const cp::IncidentStore &store, Writer writer, qint64 incidentId, Committed &out)
{
    auto byId = [](auto &list) { std::sort(list.begin(), list.end(), [](auto &a, auto &b) { return a.id < b.id; }); };
    switch (writer) {
    case Writer::Entries: {
        cp::TimelinePage page;
        page.incidentId = incidentId;
        page.oldestFirst = true;
        page.limit = 1000000;
        page.filter.kinds = {cp::EntryKind::Note};
        auto entries = store.timeline().entries(page);
        QVERIFY(entries.ok());
        QList<cp::TimelineEntry> list = *entries;
        byId(list);
        for (const cp::TimelineEntry &entry : std::as_const(list)) {
            QCOMPARE(entry.author, QStringLiteral("crash"));
            out.ids << entry.id;
            out.texts << entry.text;
        }
        break;
    }
    case Writer::Timers: {
        auto timers = store.timers().list(incidentId);
        QVERIFY(timers.ok());
        QList<cp::Timer> list = *timers;
        byId(list);
        for (const cp::Timer &timer : std::as_const(list)) {
            out.ids << timer.id;
            out.texts << timer.label;
        }
        // Each start wrote its timeline entry in the same commit: as many timer entries as timers.
        cp::TimelinePage page;
        page.incidentId = incidentId;
        page.limit = 1000000;
        page.filter.kinds = {cp::EntryKind::Timer};
        auto entries = store.timeline().entries(page);
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), list.size());
        break;
    }
    case Writer::Assignments: {
        auto history = store.roles().assignmentHistory(incidentId);
        QVERIFY(history.ok());
        QList<cp::Assignment> list;
        for (const cp::Assignment &a : *history) {
            if (a.roleKey == RoleKey)
                list << a;
        }
        byId(list);
        // A hand-over ends one assignment and starts the next in one commit: every assignment
        // but the newest is ended, the newest is held.
        for (qsizetype i = 0; i < list.size(); ++i) {
            const bool newest = i == list.size() - 1;
            QVERIFY2(list.at(i).endedAt.isValid() != newest,
                     qPrintable(QStringLiteral("assignment #%1 is half handed over").arg(list.at(i).id)));
            out.ids << list.at(i).id;
            out.texts << QString::number(list.at(i).personId);
        }
        auto roles = store.roles().list(incidentId);
        QVERIFY(roles.ok());
        for (const cp::IncidentRole &role : *roles) {
            if (role.definition.key == RoleKey)
                QCOMPARE(role.holders.size(), list.isEmpty() ? 0 : 1);
        }
        break;
    }
    }
}

QTEST_GUILESS_MAIN(TstCrashLoop)
#include "tst_crashloop.moc"
