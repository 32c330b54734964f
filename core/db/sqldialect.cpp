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
