#include "databasebackup.h"

#include "databasefile.h"
#include "privatefile.h"
#include "schema.h"
#include "sqliteconnection.h"
#include "writeaheadlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace cp {

QString DatabaseBackup::defaultBackupPath(const QString &databasePath, const QDateTime &nowUtc)
{
    const QFileInfo info(databasePath);
    const QString stamp = nowUtc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    return info.absoluteDir().filePath(QStringLiteral("%1-backup-%2.sqlite").arg(info.completeBaseName(), stamp));
}

Result<DatabaseBackup::Info> DatabaseBackup::verify(const QString &backupPath)
{
    using Code = StoreError::Code;
    const QString path = QFileInfo(backupPath).absoluteFilePath();
    const QString doing = tr("Checking the backup %1").arg(path);
    if (!QFileInfo::exists(path))
        return StoreError(Code::FileMissing, tr("%1 does not exist.").arg(path));
    if (StoreError refused = DatabaseFile::inspect(path, Schema::latestVersion()); !refused.ok())
        return refused;

    SqliteConnection db;
    if (const int rc = db.open(path, SQLITE_OPEN_READONLY, 5000); rc != SQLITE_OK)
        return db.error(rc, doing);
    QStringList integrity;
    if (const int rc = db.rows("PRAGMA integrity_check", integrity); rc != SQLITE_OK)
        return db.error(rc, doing);
    if (integrity != QStringList{QStringLiteral("ok")})
        return StoreError(Code::Corrupt, tr("%1 is damaged: %2").arg(path, integrity.value(0).simplified()));
    QStringList appId;
    QStringList version;
    if (const int rc = db.rows("PRAGMA application_id", appId); rc != SQLITE_OK)
        return db.error(rc, doing);
    if (const int rc = db.rows("PRAGMA user_version", version); rc != SQLITE_OK)
        return db.error(rc, doing);
    if (appId.value(0).toLongLong() != DatabaseFile::ApplicationId || version.value(0).toInt() < 1)
        return StoreError(Code::Foreign, tr("%1 is not a CommandPost database or backup.").arg(path));

    Info info;
    info.path = path;
    info.bytes = QFileInfo(path).size();
    info.schemaVersion = version.value(0).toInt();
    if (info.schemaVersion > Schema::latestVersion())
        return StoreError(Code::TooNew, tr("%1 was written by a newer CommandPost (schema %2; this version knows up "
                                           "to %3).")
                                            .arg(path)
                                            .arg(info.schemaVersion)
                                            .arg(Schema::latestVersion()));
    QStringList incidents;
    QStringList entries;
    if (const int rc = db.rows("SELECT COUNT(*) FROM incident", incidents); rc != SQLITE_OK)
        return db.error(rc, doing);
    if (const int rc = db.rows("SELECT COUNT(*) FROM timeline_entry", entries); rc != SQLITE_OK)
        return db.error(rc, doing);
    info.incidents = incidents.value(0).toLongLong();
    info.entries = entries.value(0).toLongLong();
    return info;
}

Result<DatabaseBackup::Info> DatabaseBackup::backup(const QString &databasePath, const QString &target,
                                                    int busyTimeoutMs)
{
    using Code = StoreError::Code;
    const QString source = QFileInfo(databasePath).absoluteFilePath();
    const QString out = QFileInfo(target).absoluteFilePath();
    const QString doing = tr("Backing up %1").arg(source);
    if (!QFileInfo::exists(source))
        return StoreError(Code::FileMissing, tr("%1 does not exist.").arg(source));
    if (StoreError refused = DatabaseFile::inspect(source, Schema::latestVersion()); !refused.ok())
        return refused;
    if (out == source)
        return StoreError(Code::Invalid, tr("A backup cannot overwrite the database it is made from."));
    if (QFileInfo::exists(out))
        return StoreError(Code::Invalid, tr("%1 already exists; choose a new file for the backup.").arg(out));
    if (!QFileInfo(out).absoluteDir().exists())
        return StoreError(Code::FileMissing, tr("The folder %1 does not exist.").arg(QFileInfo(out).absolutePath()));

    // The file exists with mode 0600 before SQLite writes a byte into it (VACUUM INTO accepts an
    // empty file as its target).
    if (StoreError error = PrivateFile::createEmpty(out); !error.ok())
        return error;
    auto discard = [&out](StoreError error) -> Result<Info> {
        QFile::remove(out);
        return error;
    };

    {
        SqliteConnection db;
        if (const int rc = db.open(source, SQLITE_OPEN_READONLY, busyTimeoutMs); rc != SQLITE_OK)
            return discard(db.error(rc, doing));
        sqlite3_stmt *statement = nullptr;
        int rc = sqlite3_prepare_v2(db.handle(), "VACUUM INTO ?1", -1, &statement, nullptr);
        if (rc == SQLITE_OK) {
            const QByteArray name = QFile::encodeName(out);
            sqlite3_bind_text(statement, 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
            rc = sqlite3_step(statement);
            if (rc == SQLITE_DONE)
                rc = SQLITE_OK;
        }
        sqlite3_finalize(statement);
        if (rc != SQLITE_OK)
            return discard(db.error(rc, doing));
    }
    auto verified = verify(out);
    if (!verified)
        return discard(verified.error());
    return verified;
}

Result<DatabaseBackup::Info> DatabaseBackup::restore(const QString &backupPath, const QString &databasePath,
                                                     const QString &safetyCopy, int busyTimeoutMs)
{
    const QString from = QFileInfo(backupPath).absoluteFilePath();
    const QString to = QFileInfo(databasePath).absoluteFilePath();
    const QString doing = tr("Restoring %1 from %2").arg(to, from);
    if (from == to)
        return StoreError(StoreError::Code::Invalid, tr("A database cannot be restored from itself."));
    auto checked = verify(from);
    if (!checked)
        return checked.error();
    if (QFileInfo::exists(to)) {
        if (StoreError refused = DatabaseFile::inspect(to, Schema::latestVersion()); !refused.ok())
            return refused;
        if (!safetyCopy.isEmpty()) {
            if (auto saved = backup(to, safetyCopy, busyTimeoutMs); !saved)
                return saved.error();
        }
    }

    {
        SqliteConnection source;
        if (const int rc = source.open(from, SQLITE_OPEN_READONLY, busyTimeoutMs); rc != SQLITE_OK)
            return source.error(rc, doing);
        SqliteConnection target;
        const bool creating = !QFileInfo::exists(to);
        if (creating) {
            if (StoreError error = PrivateFile::createEmpty(to); !error.ok())
                return error;
        }
        if (const int rc = target.open(to, SQLITE_OPEN_READWRITE, busyTimeoutMs); rc != SQLITE_OK)
            return target.error(rc, doing);
        // One step copies every page under the target's write lock: other connections see the
        // old database or the restored one, never a mixture.
        sqlite3_backup *copy = sqlite3_backup_init(target.handle(), "main", source.handle(), "main");
        if (!copy)
            return target.error(sqlite3_errcode(target.handle()), doing);
        int rc = sqlite3_backup_step(copy, -1);
        const int finished = sqlite3_backup_finish(copy);
        if (rc == SQLITE_DONE)
            rc = finished;
        if (rc != SQLITE_OK && rc != SQLITE_DONE)
            return target.error(rc, doing);
    }
    return verify(to);
}

} // namespace cp
