#pragma once

#include "storeerror.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

namespace cp {

// A small SQLite file of this user's own beside the incident data (the trainee's notes, a team
// client's outbox): private (0600, its folder 0700, its -wal/-shm too), marked as ours by its
// application_id, its tables made the first time, every commit fsync'd (synchronous = FULL). A
// file of another kind, or of a newer layout, is refused and left as it is.
class LocalSqliteFile final
{
    Q_DECLARE_TR_FUNCTIONS(cp::LocalSqliteFile)
    Q_DISABLE_COPY_MOVE(LocalSqliteFile)

public:
    struct Layout
    {
        quint32 applicationId = 0;
        int version = 1;
        QStringList createStatements; // the tables, run once on a new file
        QString what;                 // for messages: "notes", "outbox"
    };

    LocalSqliteFile() = default;
    ~LocalSqliteFile();

    StoreError open(const QString &path, const Layout &layout);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_db.databaseName(); }
    // One prepared statement with positional values.
    Result<QSqlQuery> run(const QString &sql, const QVariantList &values, const QString &doing) const;

private:
    StoreError create(const Layout &layout, const QString &doing);

    QSqlDatabase m_db;
    QString m_connectionName;
};

} // namespace cp
