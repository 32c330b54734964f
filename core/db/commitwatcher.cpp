#include "commitwatcher.h"

#include "storesession.h"

#include <QFileInfo>

#include <iterator>

namespace cp {

CommitWatcher::CommitWatcher(StoreSession &session, int fallbackPollMs, QObject *parent)
    : QObject(parent), m_session(session)
{
    m_session.setExternalPollInterval(fallbackPollMs);
    // A team server wakes the session itself (LISTEN/NOTIFY); there is no file to watch.
    if (m_session.isServer())
        return;
    m_settle.setSingleShot(true);
    m_settle.setTimerType(Qt::PreciseTimer);
    m_settle.callOnTimeout(this, &CommitWatcher::look);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
        m_settleStep = 0;
        look();
        watch(); // a checkpoint or the last connection closing may have replaced the file
    });
    // The folder tells when a -wal appears (a writer opened after this reader) or goes.
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &CommitWatcher::watch);
    m_watcher.addPath(QFileInfo(m_session.path()).absolutePath());
    watch();
}

void CommitWatcher::look()
{
    m_session.dispatchChanges();
    static constexpr int SettleMs[] = {4, 16, 64};
    if (m_settleStep < int(std::size(SettleMs)))
        m_settle.start(SettleMs[m_settleStep++]);
}

void CommitWatcher::watch()
{
    const QString wal = m_session.path() + QStringLiteral("-wal");
    // Until a -wal exists (a reader opened first), the database file itself changes on a commit.
    const QString file = QFileInfo::exists(wal) ? wal : m_session.path();
    const QStringList watched = m_watcher.files();
    if (watched == QStringList{file})
        return;
    if (!watched.isEmpty())
        m_watcher.removePaths(watched);
    m_watcher.addPath(file);
    m_session.dispatchChanges(); // anything committed while the file was not watched
}

} // namespace cp
