#include "commitwatcher.h"

#include "incidentstore.h"

#include <QFileInfo>

namespace cp {

CommitWatcher::CommitWatcher(IncidentStore &store, int fallbackPollMs, QObject *parent)
    : QObject(parent), m_store(store)
{
    m_store.setExternalPollInterval(fallbackPollMs);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
        m_store.dispatchChanges();
        watch(); // a checkpoint or the last connection closing may have replaced the file
    });
    // The folder tells when a -wal appears (a writer opened after this reader) or goes.
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &CommitWatcher::watch);
    m_watcher.addPath(QFileInfo(m_store.path()).absolutePath());
    watch();
}

void CommitWatcher::watch()
{
    const QString wal = m_store.path() + QStringLiteral("-wal");
    // Until a -wal exists (a reader opened first), the database file itself changes on a commit.
    const QString file = QFileInfo::exists(wal) ? wal : m_store.path();
    const QStringList watched = m_watcher.files();
    if (watched == QStringList{file})
        return;
    if (!watched.isEmpty())
        m_watcher.removePaths(watched);
    m_watcher.addPath(file);
    m_store.dispatchChanges(); // anything committed while the file was not watched
}

} // namespace cp
