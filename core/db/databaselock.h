#pragma once

#include <QCoreApplication>
#include <QLockFile>
#include <QString>

#include <memory>

namespace cp {

// One GUI writer per database: a lock file beside it, private to its owner (0600). A lock that
// names no live holder is stale and taken over: one left by a crashed process (its process is
// gone), and one QLockFile would never judge stale by itself (empty, unreadable, an empty
// folder), once it is older than a moment (a lock being written right now is empty too).
class DatabaseLock final
{
    Q_DECLARE_TR_FUNCTIONS(cp::DatabaseLock)
    Q_DISABLE_COPY_MOVE(DatabaseLock)
public:
    explicit DatabaseLock(const QString &databasePath);
    ~DatabaseLock();

    static QString lockPathFor(const QString &databasePath);

    bool tryLock();
    void unlock();
    bool isLocked() const;
    // Who holds it, for the message a second window shows ("pid 4242 on laptop-ana").
    QString holderDescription() const;
    // After tryLock() took over a stale lock: what was there ("… was empty"); else empty.
    QString takeOverNotice() const { return m_takeOverNotice; }
    // Why no lock file could be made (a full disk, a read-only folder), for a one-line message.
    QString creationProblem() const;

private:
    bool takeOverUnreadableLock();

    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    QString m_takeOverNotice;
};

} // namespace cp
