#include "databaselock.h"

#include "privatefile.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <sys/statvfs.h>
#include <unistd.h>

namespace cp {

namespace {
// A lock file is written within microseconds of its creation; one still empty after this long
// was left by a process that died in between, or by something else.
constexpr qint64 UnreadableGraceMs = 2000;
} // namespace

DatabaseLock::DatabaseLock(const QString &databasePath)
    : m_path(lockPathFor(databasePath)), m_lock(std::make_unique<QLockFile>(m_path))
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
    m_takeOverNotice.clear();
    qint64 pid = 0;
    QString host;
    QString application;
    const bool heldBefore = QFileInfo(m_path).isFile() && m_lock->getLockInfo(&pid, &host, &application);
    const PrivateUmask privateLock; // 0600 whatever the umask
    if (m_lock->tryLock(0)) {
        if (heldBefore)
            m_takeOverNotice = tr("Took over the lock %1 left by process %2 on %3, which is no longer running.")
                                   .arg(QDir::toNativeSeparators(m_path))
                                   .arg(pid)
                                   .arg(host);
        return true;
    }
    if (m_lock->error() != QLockFile::LockFailedError || heldBefore)
        return false;
    return takeOverUnreadableLock() && m_lock->tryLock(0);
}

bool DatabaseLock::takeOverUnreadableLock()
{
    const QFileInfo info(m_path);
    const qint64 ageMs = info.lastModified().msecsTo(QDateTime::currentDateTime());
    if (info.isSymLink() || ageMs < UnreadableGraceMs)
        return false;
    if (info.isDir()) {
        if (!QDir().rmdir(m_path))
            return false;
        m_takeOverNotice =
            tr("Took over the lock: %1 was an empty folder, not a lock file.").arg(QDir::toNativeSeparators(m_path));
        return true;
    }
    if (!info.isFile() || !m_lock->removeStaleLockFile())
        return false;
    m_takeOverNotice = tr("Took over the lock: %1 named no CommandPost window (it was empty or unreadable).")
                           .arg(QDir::toNativeSeparators(m_path));
    return true;
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
    if (QFileInfo(m_path).isDir())
        return tr("a folder named %1 where the lock file belongs (remove it)").arg(QDir::toNativeSeparators(m_path));
    if (!m_lock->getLockInfo(&pid, &host, &application))
        return tr("another CommandPost window");
    return tr("%1 (process %2 on %3)").arg(application.isEmpty() ? tr("CommandPost") : application).arg(pid).arg(host);
}

QString DatabaseLock::creationProblem() const
{
    const QString folder = QFileInfo(m_path).absolutePath();
    const QByteArray name = QFile::encodeName(folder);
    struct statvfs disk = {};
    if (::statvfs(name.constData(), &disk) == 0) {
        if ((disk.f_flag & ST_RDONLY) != 0)
            return tr("Cannot create the lock file %1: the disk holding it is mounted read-only.")
                .arg(QDir::toNativeSeparators(m_path));
        if (disk.f_bavail == 0 || disk.f_favail == 0)
            return tr("Cannot create the lock file %1: the disk is full. Free some space and start again.")
                .arg(QDir::toNativeSeparators(m_path));
    }
    if (::access(name.constData(), W_OK) != 0)
        return tr("Cannot create the lock file %1: the folder %2 is read-only.")
            .arg(QDir::toNativeSeparators(m_path), QDir::toNativeSeparators(folder));
    return tr("Cannot create the lock file %1, which keeps a second window from writing to the same database.")
        .arg(QDir::toNativeSeparators(m_path));
}

} // namespace cp
