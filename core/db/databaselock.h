#pragma once

#include <QCoreApplication>
#include <QLockFile>
#include <QString>

#include <memory>

namespace cp {

// One GUI writer per database: a lock file beside it. A lock left by a crashed process is
// recognised (its process is gone) and taken over.
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

private:
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace cp
