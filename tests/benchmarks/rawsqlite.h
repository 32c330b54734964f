#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <mutex>
#include <thread>

struct sqlite3;
struct sqlite3_stmt;

namespace cp::bench {

// Nanoseconds on CLOCK_MONOTONIC: one clock for every process of the machine, so a writer's
// commit and a reader's notice can be compared across processes.
qint64 monotonicNs();
// Processor time of this process, all threads, in nanoseconds.
qint64 processCpuNs();
// Resets the process's peak resident memory (VmHWM) so the next reading belongs to one step.
void resetPeakRss();

// The floors of the store's paths, straight on SQLite's C API: the least any program must do to
// put rows durably on disk (WAL, synchronous=FULL) on a file of the same schema.
class RawSqlite
{
public:
    explicit RawSqlite(const QString &path);
    ~RawSqlite();
    RawSqlite(const RawSqlite &) = delete;
    RawSqlite &operator=(const RawSqlite &) = delete;

    bool ok() const { return m_db != nullptr; }
    enum class ChangeRow
    {
        None,
        Logged, // the entry's row of change_log too, in the same transaction, as the store writes it
    };
    // One timeline row in its own BEGIN IMMEDIATE … COMMIT, its statements prepared once.
    bool appendEntry(qint64 incidentId, const QByteArray &text, ChangeRow change = ChangeRow::None);
    // 'count' timeline rows in one transaction (test data, and the floor of an import).
    bool appendEntries(qint64 incidentId, int count);
    // 'rows' rows of 'columns' short texts into a new table, in one transaction.
    bool bulkInsert(int rows, int columns);
    // Reads every entry of an incident; returns the bytes of text read (the floor of an export).
    qint64 readEntries(qint64 incidentId);
    // Every entry of an incident as the two cells of an activity log's row: its time (UTC,
    // "yyyy-MM-dd HH:mm") and "[Kind] text — author".
    QList<QStringList> activityRows(qint64 incidentId);
    bool exec(const char *sql);

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insertEntry = nullptr;
    sqlite3_stmt *m_insertChange = nullptr;
};

// The floor of noticing another process's commit: a thread that sleeps in inotify on the
// database's folder and, when the write-ahead log changes, asks PRAGMA data_version and reads
// the newest entry id. Records when each id was first seen.
class FloorReader
{
public:
    explicit FloorReader(const QString &path);
    ~FloorReader();
    QHash<qint64, qint64> seenNs() const;

private:
    void run();

    QString m_path;
    int m_inotify = -1;
    int m_stop[2] = {-1, -1};
    mutable std::mutex m_mutex;
    QHash<qint64, qint64> m_seen;
    std::thread m_thread;
};

} // namespace cp::bench
