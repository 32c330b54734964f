#include "localsqlitefile.h"

#include "databasefile.h"
#include "privatefile.h"
#include "writeaheadlog.h"

#include <QFileInfo>
#include <QSqlError>

#include <atomic>

namespace cp {

LocalSqliteFile::~LocalSqliteFile()
{
    close();
}

void LocalSqliteFile::close()
{
    if (m_connectionName.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

Result<QSqlQuery> LocalSqliteFile::run(const QString &sql, const QVariantList &values, const QString &doing) const
{
    QSqlQuery q(m_db);
    if (!q.prepare(sql))
        return StoreError::fromSql(q.lastError(), doing);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return StoreError::fromSql(q.lastError(), doing);
    return q;
}

StoreError LocalSqliteFile::open(const QString &path, const Layout &layout)
{
    static std::atomic<int> counter{0};
    close();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (StoreError error = PrivateFile::makePrivateFolder(QFileInfo(absolute).absolutePath()); !error.ok())
        return error;
    // The file and its -wal/-shm are the user's only, whatever the umask; an older file made
    // readable by others is made private too.
    const PrivateUmask privateFiles;
    for (const QString &file : {absolute, absolute + QStringLiteral("-wal"), absolute + QStringLiteral("-shm")})
        if (StoreError error = PrivateFile::makePrivate(file); !error.ok())
            return error;
    const DatabaseFile::Header header = DatabaseFile::readHeader(absolute);
    if (StoreError refused =
            WriteAheadLog::checkBelongs(absolute, header.pageSize, header.userVersion, layout.applicationId);
        !refused.ok())
        return refused;
    m_connectionName = QStringLiteral("cp-local-%1").arg(++counter);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(absolute);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=3000"));
    const QString doing = tr("Opening the %1 %2").arg(layout.what, absolute);
    if (!m_db.open()) {
        const StoreError error = StoreError::fromSql(m_db.lastError(), doing);
        close();
        return error;
    }
    StoreError error;
    auto pragma = [&](const QString &sql) -> qint64 {
        auto q = run(sql, {}, doing);
        if (!q) {
            error = q.error();
            return 0;
        }
        const qint64 value = q->next() ? q->value(0).toLongLong() : 0;
        q->finish();
        return value;
    };
    const auto id = static_cast<quint32>(pragma(QStringLiteral("PRAGMA application_id")));
    const int schema = int(pragma(QStringLiteral("PRAGMA user_version")));
    if (error.ok() && ((id != 0 && id != layout.applicationId) || schema > layout.version))
        error = {StoreError::Code::Foreign,
                 tr("%1 is not a CommandPost %2 file this version can read.").arg(absolute, layout.what)};
    if (error.ok() && schema == 0)
        error = create(layout, doing);
    if (error.ok()) {
        auto done = run(QStringLiteral("PRAGMA synchronous = FULL"), {}, doing);
        if (!done)
            error = done.error();
    }
    if (!error.ok())
        close();
    return error;
}

StoreError LocalSqliteFile::create(const Layout &layout, const QString &doing)
{
    auto objects = run(QStringLiteral("SELECT COUNT(*) FROM sqlite_master"), {}, doing);
    if (!objects)
        return objects.error();
    if (objects->next() && objects->value(0).toInt() > 0)
        return {StoreError::Code::Foreign, tr("%1 is a SQLite database of another application.").arg(path())};
    objects->finish();
    QStringList statements = {QStringLiteral("PRAGMA journal_mode = WAL")};
    statements << layout.createStatements;
    statements << QStringLiteral("PRAGMA application_id = %1").arg(layout.applicationId)
               << QStringLiteral("PRAGMA user_version = %1").arg(layout.version);
    for (const QString &statement : std::as_const(statements)) {
        auto done = run(statement, {}, doing);
        if (!done)
            return done.error();
    }
    return {};
}

} // namespace cp
