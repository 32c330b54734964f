#pragma once

// The harness of ./dev bench (bench.cpp): its paths on files and the window there, its team
// server's paths in benchteam.cpp.
#include "benchstats.h"
#include "pgtestserver.h"
#include "rawsqlite.h" // monotonicNs
#include "server/serveraddress.h"
#include "tempdatabase.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QList>
#include <QSize>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

namespace cp {
class IncidentStore;
}

namespace cp::bench {

inline const QString Author = QStringLiteral("Cy");
inline const QByteArray EntryText = QByteArrayLiteral("X is restarting the app stack, next check-in in 3 minutes");

inline double msSince(qint64 startNs)
{
    return double(monotonicNs() - startNs) / 1e6;
}

// Runs 'work' once and adds its time to 'side': the clock and the processor time of the whole
// process (which other programs on a loaded machine do not inflate). False when 'work' failed.
inline bool timed(Side &side, const std::function<bool()> &work)
{
    const qint64 cpuStart = processCpuNs();
    const qint64 start = monotonicNs();
    const bool ok = work();
    side.add(msSince(start));
    side.addCpu(double(processCpuNs() - cpuStart) / 1e6);
    return ok;
}

// Runs the event loop until 'done' says so or 'timeoutMs' passed; false on the timeout. Sleeps
// in the event loop (a process's output, a signal, a timer wakes it): never a busy wait.
inline bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QTimer wake; // bounds each sleep, so the timeout is seen even when nothing happens
    wake.start(100);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

class Harness
{
public:
    Harness()
    {
        m_rounds =
            qEnvironmentVariableIntValue("CP_BENCH_ROUNDS") > 0 ? qEnvironmentVariableIntValue("CP_BENCH_ROUNDS") : 7;
        m_big =
            qEnvironmentVariableIntValue("CP_BENCH_BIG") > 0 ? qEnvironmentVariableIntValue("CP_BENCH_BIG") : 1000000;
        m_only = qEnvironmentVariable("CP_BENCH_ONLY");
        m_app = test::TempDatabase::executable(QStringLiteral("commandpost"));
        m_floorWindow = test::TempDatabase::executable(QStringLiteral("cp_floor_window"));
        m_floorFrame = test::TempDatabase::executable(QStringLiteral("cp_floor_frame"));
    }

    int run();

private:
    bool wanted(const QString &name) const { return m_only.isEmpty() || name.contains(m_only); }
    Path &add(const QString &name, const QString &floorName, const QString &goal,
              std::function<bool(const Path &)> goalMet = {});

    // A database with one incident of 'entries' timeline entries (written straight through SQLite:
    // this is the setup, not the measurement). Returns the incident id.
    qint64 makeIncident(const QString &path, int entries);
    void startPaths();
    // The store's append beside the floor's; and what the change log's row costs a commit: the
    // floor's append beside the same append with a change_log row in its transaction.
    void appendPaths();
    // 20 appends a round on each side in turn, each timed on the clock and in processor time.
    bool appendInTurn(Path &p, const std::function<bool()> &floor, const std::function<bool()> &cp) const;
    void quickEntryPath();
    void outsideCommitPath();
    void teamCommitPath();
    // Twenty writer processes at once on one team server: throughput, commit times, and every
    // entry there exactly once.
    void teamWritersPath();
    // Opening the team server's copy of the large incident to the timeline's first page.
    void teamBigIncidentPath();
    // For the path of that name, when it is wanted: a new database with the CommandPost schema on
    // the run's PostgreSQL server. nullopt when not wanted, or when there is no server (the path
    // skipped, said on stderr).
    std::optional<ServerAddress> teamDatabase(const QString &path);
    // Creates an incident through the store on 'address'; 0 on a failure.
    static qint64 createServerIncident(const ServerAddress &address);
    // Says why the run must not be trusted; the run then exits with 1.
    void fail(const QString &why);
    // Opens the window on 'store', starts a writer process on 'target' (a file, or "server:SERVER")
    // that appends count entries to 'incident', and adds each commit-to-row time to p.cp. 'floor'
    // gets the commits (id, when committed) to add the floor's times. False when it did not finish.
    bool followWriter(Path &p, IncidentStore &store, qint64 incident, const QString &target,
                      const std::function<void(const QList<std::pair<qint64, qint64>> &)> &floor);
    void timerPath();
    void exchangePaths();
    void rosterPaths();

    // Starts 'program' with CP_MARK_FIRST_FRAME and times it to the mark; false if it never came.
    // 'size', if given, gets the size of the window painted.
    bool timeFirstFrame(const QString &program, const QStringList &arguments, Side &side, QSize *size = nullptr);
    // The offscreen platform's configuration for the started windows: one 1920×1080 screen.
    QString screenConfig();

    test::TempDatabase m_tmp;
    test::PgTestServer m_pg; // its databases go with the harness
    QList<Path> m_paths;
    int m_rounds = 7;
    int m_big = 1000000;
    int m_docks = 0;
    QString m_only;
    QString m_app;
    QString m_floorWindow;
    QString m_floorFrame; // the window's first frame in plain Qt widgets (floorframe.cpp)
    bool m_failed = false;
};

} // namespace cp::bench
