#include "databaselock.h"

namespace cp {

DatabaseLock::DatabaseLock(const QString &databasePath) : m_lock(std::make_unique<QLockFile>(lockPathFor(databasePath)))
{
    // 0: never judge a lock stale by age; only a dead holder process makes it stale.
    m_lock->setStaleLockTime(0);
}

DatabaseLock::~DatabaseLock() = default;

QString DatabaseLock::lockPathFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".lock");
}

bool DatabaseLock::tryLock()
{
    return m_lock->tryLock(0);
}

void DatabaseLock::unlock()
{
    m_lock->unlock();
}

bool DatabaseLock::isLocked() const
{
    return m_lock->isLocked();
}

QString DatabaseLock::holderDescription() const
{
    qint64 pid = 0;
    QString host;
    QString application;
    if (!m_lock->getLockInfo(&pid, &host, &application))
        return tr("another CommandPost window");
    return tr("%1 (process %2 on %3)").arg(application.isEmpty() ? tr("CommandPost") : application).arg(pid).arg(host);
}

} // namespace cp
