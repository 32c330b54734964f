#include "storeerror.h"

#include <QSqlError>

namespace cp {

namespace {
// SQLite primary result codes (sqlite3.h); the driver may hand back extended codes.
constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteReadOnly = 8;
constexpr int SqliteIoErr = 10;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteFull = 13;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteNotADb = 26;
} // namespace

StoreError StoreError::fromSql(const QSqlError &error, const QString &doing)
{
    bool numeric = false;
    const int primary = error.nativeErrorCode().toInt(&numeric) & 0xff;
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    Code code = Code::Internal;
    QString message;
    switch (numeric ? primary : -1) {
    case SqliteBusy:
    case SqliteLocked:
        code = Code::Busy;
        message = tr("%1: the database stayed locked by another program; nothing was saved. Try again.").arg(doing);
        break;
    case SqliteFull:
        code = Code::DiskFull;
        message = tr("%1: the disk is full; nothing was saved. Free some space and try again.").arg(doing);
        break;
    case SqliteReadOnly:
    case SqliteCantOpen:
        code = Code::ReadOnly;
        message = tr("%1: the database cannot be written (%2).").arg(doing, detail);
        break;
    case SqliteCorrupt:
        code = Code::Corrupt;
        message = tr("%1: the database file is damaged (%2).").arg(doing, detail);
        break;
    case SqliteNotADb:
        code = Code::NotSqlite;
        message = tr("%1: the file is not a database (%2).").arg(doing, detail);
        break;
    case SqliteIoErr:
        code = Code::Io;
        message = tr("%1: a disk input/output error occurred (%2).").arg(doing, detail);
        break;
    default:
        message = tr("%1: %2").arg(doing, detail);
        break;
    }
    return {code, message};
}

QString StoreError::codeName(Code code)
{
    switch (code) {
    case Code::None:
        return QStringLiteral("none");
    case Code::FileMissing:
        return QStringLiteral("file-missing");
    case Code::IsDirectory:
        return QStringLiteral("is-directory");
    case Code::EmptyFile:
        return QStringLiteral("empty-file");
    case Code::NotSqlite:
        return QStringLiteral("not-sqlite");
    case Code::Truncated:
        return QStringLiteral("truncated");
    case Code::Corrupt:
        return QStringLiteral("corrupt");
    case Code::Foreign:
        return QStringLiteral("foreign");
    case Code::TooNew:
        return QStringLiteral("too-new");
    case Code::TooOld:
        return QStringLiteral("too-old");
    case Code::ReadOnly:
        return QStringLiteral("read-only");
    case Code::Busy:
        return QStringLiteral("busy");
    case Code::DiskFull:
        return QStringLiteral("disk-full");
    case Code::Io:
        return QStringLiteral("io");
    case Code::NotOpen:
        return QStringLiteral("not-open");
    case Code::NotFound:
        return QStringLiteral("not-found");
    case Code::Invalid:
        return QStringLiteral("invalid");
    case Code::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("unknown");
}

} // namespace cp
