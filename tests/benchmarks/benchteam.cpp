// ./dev bench's paths on a team server (the harness is in bench.cpp): another laptop's commit
// to this window, twenty writers at once, and the large incident opened from the server.
#include "db/incidentstore.h"
#include "domain/clock.h"
#include "harness.h"
#include "models/timelinemodel.h"
#include "rawpostgres.h"
#include "server/serverconnection.h"

#include <QProcess>
#include <QSqlDriver>

#include <cstdio>

namespace cp::bench {

// The same on a team server: another laptop's commit reaches this window through the commit's
// NOTIFY and the change log. The floor is the NOTIFY arriving at a bare LISTEN connection.
void Harness::teamCommitPath()
{
    const QString name = QStringLiteral("another laptop's commit to the window's model (team server)");
    const std::optional<ServerAddress> team = teamDatabase(name);
    if (!team)
        return;
    const ServerAddress address = *team;
    const qint64 incident = createServerIncident(address);
    if (!incident)
        return;
    {
        IncidentStore setup(SystemClock::instance());
        if (!setup.session().openServer(address, {}).ok())
            return;
        QList<NewEntry> entries;
        for (int i = 0; i < 10000; ++i)
            entries.append({incident, EntryKind::Note, Author, QString::fromUtf8(EntryText)});
        if (!setup.timeline().appendAll(entries).ok())
            return;
    }
    Path &p = add(name, QStringLiteral("NOTIFY at a bare LISTEN connection (QPSQL)"), QStringLiteral("p99 ≤ 50 ms"),
                  [](const Path &r) { return r.cp.p99() <= 50; });
    IncidentStore store(SystemClock::instance());
    if (!store.session().openServer(address, {}).ok())
        return;
    ServerConnection bare;
    if (!bare.open(address).ok())
        return;
    QList<qint64> notifiedNs;
    QSqlDriver *driver = bare.database().driver();
    QObject::connect(driver, &QSqlDriver::notification, driver, [&] { notifiedNs << monotonicNs(); });
    driver->subscribeToNotification(SqlDialect::changeChannel());
    followWriter(p, store, incident, QStringLiteral("server:") + address.textWithoutPassword(),
                 [&](const QList<std::pair<qint64, qint64>> &commits) {
                     // One NOTIFY per commit, delivered in commit order.
                     for (qsizetype i = 0; i < commits.size() && i < notifiedNs.size(); ++i)
                         p.floor.add(double(notifiedNs.at(i) - commits.at(i).second) / 1e6);
                 });
}

std::optional<ServerAddress> Harness::teamDatabase(const QString &path)
{
    if (!wanted(path))
        return std::nullopt;
    QString why;
    QString server;
    if (m_pg.connect(&why))
        server = m_pg.createCommandPostDatabase(&why);
    if (server.isEmpty()) {
        std::fprintf(stderr, "bench: skipped '%s': no PostgreSQL server (./dev bench starts one): %s\n",
                     qPrintable(path), qPrintable(why));
        return std::nullopt;
    }
    return *ServerAddress::parse(server);
}

qint64 Harness::createServerIncident(const ServerAddress &address)
{
    IncidentStore setup(SystemClock::instance());
    if (!setup.session().openServer(address, {}).ok())
        return 0;
    auto id = setup.incidents().create({QStringLiteral("Bench"), {}, Severity::Sev2}, Author);
    return id ? *id : 0;
}

void Harness::teamWritersPath()
{
    const int writers = 20;
    const int perWriter = 500;
    const QString name =
        QStringLiteral("%1 concurrent writers × %2 entries (team server), each commit").arg(writers).arg(perWriter);
    const std::optional<ServerAddress> address = teamDatabase(name);
    if (!address)
        return;
    const qint64 incident = createServerIncident(*address);
    const qint64 floorIncident = createServerIncident(*address);
    if (!incident || !floorIncident)
        return fail(QStringLiteral("could not create the writers' incidents"));
    const auto whole = std::make_shared<bool>(false); // every entry on the server, once
    Path &p = add(name, QStringLiteral("%1 QPSQL connections, single-row INSERT transactions").arg(writers),
                  QStringLiteral("none lost or doubled"), [whole](const Path &) { return *whole; });

    // Each writer is a process of its own, as another laptop is; all of them start to write at
    // the same moment, once every one has connected.
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int w = 0; w < writers; ++w) {
        auto &process = processes.emplace_back(std::make_unique<QProcess>());
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(QCoreApplication::applicationFilePath(),
                       {QStringLiteral("--burst-writer"), QStringLiteral("server:") + address->textWithoutPassword(),
                        QString::number(incident), QString::number(perWriter)});
    }
    std::vector<QByteArray> out(writers);
    QSet<qint64> ids;
    qint64 commits = 0;
    qint64 firstStart = std::numeric_limits<qint64>::max();
    qint64 lastEnd = 0;
    int ready = 0;
    const auto read = [&] {
        for (int w = 0; w < writers; ++w) {
            out[w] += processes[w]->readAllStandardOutput();
            while (out[w].contains('\n')) {
                const qsizetype newline = out[w].indexOf('\n');
                const QList<QByteArray> f = out[w].left(newline).split(' ');
                out[w].remove(0, newline + 1);
                if (f.size() == 1 && f.at(0) == "ready") {
                    ++ready;
                } else if (f.size() == 4 && f.at(0) == "committed") {
                    const qint64 start = f.at(2).toLongLong();
                    const qint64 end = f.at(3).toLongLong();
                    ids.insert(f.at(1).toLongLong());
                    ++commits;
                    firstStart = qMin(firstStart, start);
                    lastEnd = qMax(lastEnd, end);
                    p.cp.add(double(end - start) / 1e6);
                }
            }
        }
    };
    const auto running = [&] {
        return std::any_of(processes.cbegin(), processes.cend(),
                           [](const auto &process) { return process->state() != QProcess::NotRunning; });
    };
    if (!waitUntil(
            [&] {
                read();
                return ready == writers || !running();
            },
            60000) ||
        ready != writers)
        return fail(QStringLiteral("only %1 of %2 writers connected").arg(ready).arg(writers));
    // The incident's own entries (its declaration) are there before the writers'.
    RawPostgres raw(*address);
    RawPostgres::Counts before;
    if (!raw.count(incident, &before))
        return fail(QStringLiteral("the server could not count the incident's entries"));
    for (auto &process : processes)
        process->write("go\n");
    const bool finished = waitUntil(
        [&] {
            read();
            return !running();
        },
        600000);
    read();
    const int expected = writers * perWriter;
    RawPostgres::Counts counts;
    if (!finished || !raw.count(incident, &counts))
        return fail(QStringLiteral("the writers did not finish, or the server could not count their entries"));
    // Every commit the writers saw is one entry, once, on the server, and in the change log.
    counts = {counts.entries - before.entries, counts.distinctTexts - before.distinctTexts,
              counts.insertsLogged - before.insertsLogged};
    if (commits != expected || ids.size() != expected || counts.entries != expected ||
        counts.distinctTexts != expected || counts.insertsLogged != expected)
        return fail(QStringLiteral("%1 writers × %2: %3 commits returned (%4 distinct ids); the server has %5 "
                                   "new entries (%6 distinct), %7 logged inserts; %8 expected of each")
                        .arg(writers)
                        .arg(perWriter)
                        .arg(commits)
                        .arg(ids.size())
                        .arg(counts.entries)
                        .arg(counts.distinctTexts)
                        .arg(counts.insertsLogged)
                        .arg(expected));
    const double cpSeconds = double(lastEnd - firstStart) / 1e9;
    *whole = true;

    QString why;
    const qint64 floorStart = monotonicNs();
    const QList<double> floorTimes = raw.appendConcurrently(floorIncident, writers, perWriter, &why);
    const double floorSeconds = double(monotonicNs() - floorStart) / 1e9;
    if (floorTimes.size() != expected)
        return fail(QStringLiteral("the floor's writers failed: ") + why);
    for (double ms : floorTimes)
        p.floor.add(ms);
    std::printf("bench: %d writers × %d entries on the team server: %.0f entries/s (%.1f s), all %d there once; "
                "floor %.0f entries/s (%.1f s)\n",
                writers, perWriter, expected / cpSeconds, cpSeconds, expected, expected / floorSeconds, floorSeconds);
}

void Harness::teamBigIncidentPath()
{
    const QString name =
        QStringLiteral("open a %1k-entry incident from the team server to the first page").arg(m_big / 1000);
    const std::optional<ServerAddress> address = teamDatabase(name);
    if (!address)
        return;
    const qint64 incident = createServerIncident(*address);
    RawPostgres raw(*address);
    QString why;
    const qint64 fillStart = monotonicNs();
    if (!incident || !raw.fillTimeline(incident, m_big, &why))
        return fail(QStringLiteral("could not fill the server's large incident: ") + why);
    std::printf("bench: %d entries made on the server in %.1f s\n", m_big, msSince(fillStart) / 1000);
    Path &p =
        add(name, QStringLiteral("connect + SELECT … ORDER BY occurred_at DESC, id DESC LIMIT 256 (QPSQL)"), QString());
    for (int r = 0; r < m_rounds; ++r) {
        qint64 start = monotonicNs();
        if (raw.firstPage(incident, 256) != 256)
            return fail(QStringLiteral("the floor read no first page"));
        p.floor.add(msSince(start));
        start = monotonicNs();
        IncidentStore store(SystemClock::instance());
        if (!store.session().openServer(*address, {}).ok())
            return fail(QStringLiteral("the store did not open on the server"));
        TimelineModel model(store);
        model.setIncident(incident);
        if (model.rowCount() != 256)
            return fail(QStringLiteral("the timeline's first page has %1 rows, not 256").arg(model.rowCount()));
        p.cp.add(msSince(start));
    }
}

} // namespace cp::bench
