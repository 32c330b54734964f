#include "rawsqlite.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <sqlite3.h>

#include <malloc.h>
#include <poll.h>
#include <sys/inotify.h>
#include <time.h>
#include <unistd.h>

namespace cp::bench {

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 processCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void resetPeakRss()
{
    // What the last path freed goes back to the system first, or the next path's peak would start
    // from the heap the last one left behind.
    malloc_trim(0);
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

RawSqlite::RawSqlite(const QString &path)
{
    if (sqlite3_open(QFile::encodeName(path).constData(), &m_db) != SQLITE_OK ||
        !exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000")) {
        sqlite3_close(m_db);
        m_db = nullptr;
    }
}

RawSqlite::~RawSqlite()
{
    sqlite3_finalize(m_insertEntry);
    sqlite3_finalize(m_insertChange);
    sqlite3_close(m_db);
}

bool RawSqlite::exec(const char *sql)
{
    return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

bool RawSqlite::appendEntry(qint64 incidentId, const QByteArray &text, ChangeRow change)
{
    if (!m_insertEntry &&
        sqlite3_prepare_v2(m_db,
                           "INSERT INTO timeline_entry (incident_id, kind, author, occurred_at, captured_at, body, "
                           "tags, key_event) VALUES (?, 'note', 'Cy', ?, ?, ?, '', 0)",
                           -1, &m_insertEntry, nullptr) != SQLITE_OK)
        return false;
    if (change == ChangeRow::Logged && !m_insertChange &&
        sqlite3_prepare_v2(m_db,
                           "INSERT INTO change_log (entity, entity_id, incident_id, op) VALUES ('entry', ?, ?, 'insert')",
                           -1, &m_insertChange, nullptr) != SQLITE_OK)
        return false;
    if (!exec("BEGIN IMMEDIATE"))
        return false;
    const qint64 now = monotonicNs() / 1000000;
    sqlite3_bind_int64(m_insertEntry, 1, incidentId);
    sqlite3_bind_int64(m_insertEntry, 2, now);
    sqlite3_bind_int64(m_insertEntry, 3, now);
    sqlite3_bind_text(m_insertEntry, 4, text.constData(), int(text.size()), SQLITE_STATIC);
    bool inserted = sqlite3_step(m_insertEntry) == SQLITE_DONE;
    sqlite3_reset(m_insertEntry);
    if (inserted && change == ChangeRow::Logged) {
        sqlite3_bind_int64(m_insertChange, 1, sqlite3_last_insert_rowid(m_db));
        sqlite3_bind_int64(m_insertChange, 2, incidentId);
        inserted = sqlite3_step(m_insertChange) == SQLITE_DONE;
        sqlite3_reset(m_insertChange);
    }
    return exec(inserted ? "COMMIT" : "ROLLBACK") && inserted;
}

bool RawSqlite::appendEntries(qint64 incidentId, int count)
{
    sqlite3_stmt *insert = nullptr;
    if (!exec("BEGIN IMMEDIATE") ||
        sqlite3_prepare_v2(m_db,
                           "INSERT INTO timeline_entry (incident_id, kind, author, occurred_at, captured_at, body) "
                           "VALUES (?, 'note', ?, ?, ?, ?)",
                           -1, &insert, nullptr) != SQLITE_OK)
        return false;
    static const char *const authors[] = {"Ana", "Bo", "Cy"};
    const qint64 start = 1764000000000; // 2025-11-24, well in the past
    bool ok = true;
    for (int i = 0; i < count && ok; ++i) {
        const QByteArray body = QByteArrayLiteral("status of shard ") + QByteArray::number(i % 97) +
                                QByteArrayLiteral(": replication lag ") + QByteArray::number(i % 13) +
                                QByteArrayLiteral(" s, consumer group rebalanced");
        sqlite3_bind_int64(insert, 1, incidentId);
        sqlite3_bind_text(insert, 2, authors[i % 3], -1, SQLITE_STATIC);
        sqlite3_bind_int64(insert, 3, start + qint64(i) * 2000);
        sqlite3_bind_int64(insert, 4, start + qint64(i) * 2000);
        sqlite3_bind_text(insert, 5, body.constData(), int(body.size()), SQLITE_TRANSIENT);
        ok = sqlite3_step(insert) == SQLITE_DONE;
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    return exec(ok ? "COMMIT" : "ROLLBACK") && ok;
}

bool RawSqlite::bulkInsert(int rows, int columns)
{
    QByteArray create = "CREATE TABLE IF NOT EXISTS bulk (id INTEGER PRIMARY KEY";
    QByteArray insertSql = "INSERT INTO bulk VALUES (NULL";
    for (int c = 0; c < columns; ++c) {
        create += ", c" + QByteArray::number(c) + " TEXT";
        insertSql += ", ?";
    }
    if (!exec((create + ")").constData()) || !exec("BEGIN IMMEDIATE"))
        return false;
    sqlite3_stmt *insert = nullptr;
    if (sqlite3_prepare_v2(m_db, (insertSql + ")").constData(), -1, &insert, nullptr) != SQLITE_OK)
        return false;
    bool ok = true;
    for (int r = 0; r < rows && ok; ++r) {
        const QByteArray value = QByteArrayLiteral("value ") + QByteArray::number(r);
        for (int c = 0; c < columns; ++c)
            sqlite3_bind_text(insert, c + 1, value.constData(), int(value.size()), SQLITE_TRANSIENT);
        ok = sqlite3_step(insert) == SQLITE_DONE;
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    return exec(ok ? "COMMIT" : "ROLLBACK") && ok;
}

qint64 RawSqlite::readEntries(qint64 incidentId)
{
    sqlite3_stmt *select = nullptr;
    if (sqlite3_prepare_v2(m_db,
                           "SELECT id, kind, author, occurred_at, body, tags FROM timeline_entry "
                           "WHERE incident_id = ? ORDER BY occurred_at, id",
                           -1, &select, nullptr) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(select, 1, incidentId);
    qint64 bytes = 0;
    while (sqlite3_step(select) == SQLITE_ROW) {
        for (int c = 0; c < 6; ++c)
            bytes += sqlite3_column_bytes(select, c);
    }
    sqlite3_finalize(select);
    return bytes;
}

QList<QStringList> RawSqlite::activityRows(qint64 incidentId)
{
    QList<QStringList> rows;
    sqlite3_stmt *select = nullptr;
    if (sqlite3_prepare_v2(m_db,
                           "SELECT occurred_at, kind, body, author FROM timeline_entry "
                           "WHERE incident_id = ? ORDER BY occurred_at, id",
                           -1, &select, nullptr) != SQLITE_OK)
        return rows;
    sqlite3_bind_int64(select, 1, incidentId);
    auto text = [select](int column) {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(select, column)),
                                 sqlite3_column_bytes(select, column));
    };
    while (sqlite3_step(select) == SQLITE_ROW) {
        QString kind = text(1);
        kind[0] = kind.at(0).toUpper();
        rows.append({QDateTime::fromMSecsSinceEpoch(sqlite3_column_int64(select, 0), Qt::UTC)
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     QStringLiteral("[%1] %2 — %3").arg(kind, text(2), text(3))});
    }
    sqlite3_finalize(select);
    return rows;
}

FloorReader::FloorReader(const QString &path) : m_path(path)
{
    m_inotify = inotify_init1(IN_CLOEXEC);
    // The folder, not the -wal file: the log may not exist yet, and a checkpoint may replace it.
    inotify_add_watch(m_inotify, QFile::encodeName(QFileInfo(path).absolutePath()).constData(), IN_MODIFY | IN_CREATE);
    if (pipe(m_stop) != 0)
        m_stop[0] = m_stop[1] = -1;
    m_thread = std::thread([this] { run(); });
}

FloorReader::~FloorReader()
{
    if (m_stop[1] >= 0 && write(m_stop[1], "x", 1) < 0)
        m_stop[1] = -1;
    m_thread.join();
    for (int fd : {m_inotify, m_stop[0], m_stop[1]}) {
        if (fd >= 0)
            close(fd);
    }
}

QHash<qint64, qint64> FloorReader::seenNs() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_seen;
}

void FloorReader::run()
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(m_path).constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return;
    sqlite3_stmt *version = nullptr;
    sqlite3_stmt *newest = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &version, nullptr);
    sqlite3_prepare_v2(db, "SELECT MAX(id) FROM timeline_entry", -1, &newest, nullptr);
    qint64 lastVersion = -1;
    qint64 lastId = -1;
    const QByteArray wal = QFileInfo(m_path).fileName().toUtf8() + "-wal";
    char buffer[4096];
    // A commit becomes visible after its last write to the log (fsync, then the shared index):
    // after a change, look again a few times shortly after.
    static constexpr int SettleMs[] = {4, 16, 64};
    int settleStep = 3;
    for (;;) {
        pollfd fds[2] = {{m_inotify, POLLIN, 0}, {m_stop[0], POLLIN, 0}};
        const int ready = poll(fds, 2, settleStep < 3 ? SettleMs[settleStep] : -1);
        if (ready < 0 || (fds[1].revents & POLLIN))
            break;
        bool walChanged = ready == 0; // a settle look
        if (ready == 0) {
            ++settleStep;
        } else {
            const ssize_t n = read(m_inotify, buffer, sizeof buffer);
            for (ssize_t i = 0; i < n;) {
                const auto *event = reinterpret_cast<const inotify_event *>(buffer + i);
                if (event->len > 0 && wal == event->name) {
                    walChanged = true;
                    settleStep = 0;
                }
                i += ssize_t(sizeof(inotify_event) + event->len);
            }
        }
        if (!walChanged)
            continue;
        if (sqlite3_step(version) != SQLITE_ROW) {
            sqlite3_reset(version);
            continue;
        }
        const qint64 current = sqlite3_column_int64(version, 0);
        sqlite3_reset(version);
        if (current == lastVersion)
            continue;
        lastVersion = current;
        if (sqlite3_step(newest) == SQLITE_ROW) {
            const qint64 id = sqlite3_column_int64(newest, 0);
            const qint64 seenAt = monotonicNs();
            if (id != lastId) {
                lastId = id;
                std::lock_guard<std::mutex> lock(m_mutex);
                m_seen.insert(id, seenAt);
            }
        }
        sqlite3_reset(newest);
    }
    sqlite3_finalize(version);
    sqlite3_finalize(newest);
    sqlite3_close(db);
}

} // namespace cp::bench
