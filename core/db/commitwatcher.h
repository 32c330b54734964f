#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace cp {

class StoreSession;

// Notices other processes' commits to an open SQLite store the moment they happen, without a
// busy poll: every commit appends to the database's -wal file, so a file watch (inotify) wakes
// the store, which reads the change log and announces what changed. A slow data_version poll
// stays as a safety net for file systems that report no changes (network shares).
class CommitWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommitWatcher)

public:
    static constexpr int DefaultFallbackPollMs = 2000;

    // Starts watching at once; fallbackPollMs 0 means the file watch alone.
    explicit CommitWatcher(StoreSession &session, int fallbackPollMs = DefaultFallbackPollMs,
                           QObject *parent = nullptr);

private:
    void watch();
    void look();

    StoreSession &m_session;
    QFileSystemWatcher m_watcher;
    // The log is written before the commit is visible (fsync, then the shared index), and the
    // last write of a commit may come before that: look again shortly after, a few times.
    QTimer m_settle;
    int m_settleStep = 0;
};

} // namespace cp
