#include "storeerror.h"

#include <QSqlError>

namespace cp {

namespace {
// SQLite primary result codes (sqlite3.h); the driver may hand back extended codes.
constexpr int SqlitePerm = 3;
constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteNoMem = 7;
constexpr int SqliteReadOnly = 8;
constexpr int SqliteIoErr = 10;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteFull = 13;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteTooBig = 18;
constexpr int SqliteNotADb = 26;
} // namespace

StoreError StoreError::fromSql(const QSqlError &error, const QString &doing)
{
    bool numeric = false;
    const int native = error.nativeErrorCode().toInt(&numeric);
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    // SQLite's codes have at most four digits; PostgreSQL's SQLSTATE always has five characters.
    if (error.nativeErrorCode().size() == 5)
        return fromSqlState(error.nativeErrorCode(), detail.simplified(), doing);
    return fromSqliteCode(numeric ? native : -1, detail, doing);
}

StoreError StoreError::fromSqliteCode(int resultCode, const QString &detail, const QString &doing)
{
    // The driver may hand back extended codes (SQLITE_IOERR_WRITE …): the low byte is the primary one.
    const int primary = resultCode < 0 ? -1 : (resultCode & 0xff);
    Code code = Code::Internal;
    QString message;
    switch (primary) {
    case SqliteBusy:
    case SqliteLocked:
        code = Code::Busy;
        message = tr("%1: the database stayed locked by another program; nothing was saved. Try again.").arg(doing);
        break;
    case SqliteFull:
        code = Code::DiskFull;
        message = tr("%1: the disk is full; nothing was saved. Free some space and try again.").arg(doing);
        break;
    case SqlitePerm:
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
        // A write refused by the file system (a full disk, a file-size limit) often comes back
        // as an I/O error rather than SQLITE_FULL, so the message names both.
        code = Code::Io;
        message = tr("%1: a disk input/output error occurred (%2); nothing was saved. The disk may be full or "
                     "failing.")
                      .arg(doing, detail);
        break;
    case SqliteNoMem:
        code = Code::Io;
        message = tr("%1: out of memory; nothing was saved.").arg(doing);
        break;
    case SqliteTooBig:
        code = Code::Invalid;
        message = tr("%1: the text is too large to store (%2).").arg(doing, detail);
        break;
    default:
        message = tr("%1: %2").arg(doing, detail);
        break;
    }
    return {code, message};
}

StoreError StoreError::fromSqlState(const QString &sqlState, const QString &detail, const QString &doing)
{
    const QString sqlClass = sqlState.left(2);
    if (sqlState == QLatin1String("42501"))
        return {Code::Denied, tr("%1: the server refused: %2. Nothing was saved; ask a CommandPost admin for the "
                                 "right role ('commandpost-cli server grant').")
                                  .arg(doing, detail)};
    if (sqlState == QLatin1String("40001") || sqlState == QLatin1String("40P01") ||
        sqlState == QLatin1String("55P03")) {
        StoreError busy(Code::Busy, tr("%1: another client changed the same data at the same moment; nothing was "
                                       "saved. Try again.")
                                        .arg(doing));
        busy.m_transient = sqlState != QLatin1String("55P03"); // a lock timeout has waited long enough already
        return busy;
    }
    if (sqlClass == QLatin1String("08") || sqlClass == QLatin1String("57"))
        return {Code::Unreachable,
                tr("%1: the connection to the server was lost (%2); nothing was saved.").arg(doing, detail)};
    if (sqlClass == QLatin1String("28"))
        return {Code::Denied, tr("%1: the server refused the login (%2).").arg(doing, detail)};
    if (sqlState == QLatin1String("53100"))
        return {Code::DiskFull, tr("%1: the server's disk is full; nothing was saved.").arg(doing)};
    if (sqlClass == QLatin1String("22") || sqlClass == QLatin1String("23"))
        return {Code::Invalid, tr("%1: the server refused the value (%2).").arg(doing, detail)};
    return {Code::Internal, tr("%1: %2").arg(doing, detail)};
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
    case Code::Unreachable:
        return QStringLiteral("unreachable");
    case Code::Denied:
        return QStringLiteral("denied");
    }
    return QStringLiteral("unknown");
}

} // namespace cp
