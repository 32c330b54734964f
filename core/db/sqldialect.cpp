#include "sqldialect.h"

namespace cp {

QString SqlDialect::driverName() const
{
    return m_engine == Engine::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

QString SqlDialect::beginWrite() const
{
    return m_engine == Engine::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
}

QString SqlDialect::beginRead() const
{
    return QStringLiteral("BEGIN");
}

QStringList SqlDialect::afterBeginWrite() const
{
    if (m_engine != Engine::Postgres)
        return {};
    // 0x436f6d6d ("Comm"): CommandPost's advisory lock, also taken by schema upgrades.
    return {QStringLiteral("SELECT pg_advisory_xact_lock(1131376493)")};
}

QStringList SqlDialect::beforeCommit() const
{
    if (m_engine != Engine::Postgres)
        return {};
    return {QStringLiteral("NOTIFY ") + changeChannel()};
}

QString SqlDialect::identityColumn() const
{
    return m_engine == Engine::Sqlite ? QStringLiteral("INTEGER PRIMARY KEY")
                                      : QStringLiteral("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
}

QStringList SqlDialect::writerSettings() const
{
    if (m_engine != Engine::Sqlite)
        return {};
    return {QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("PRAGMA synchronous = FULL")};
}

QStringList SqlDialect::readerSettings() const
{
    if (m_engine != Engine::Sqlite)
        return {};
    return {QStringLiteral("PRAGMA foreign_keys = ON")};
}

QString SqlDialect::likeOperator() const
{
    return m_engine == Engine::Sqlite ? QStringLiteral("LIKE") : QStringLiteral("ILIKE");
}

QString SqlDialect::externalCommitCounter() const
{
    return m_engine == Engine::Sqlite ? QStringLiteral("PRAGMA data_version") : QString();
}

} // namespace cp
