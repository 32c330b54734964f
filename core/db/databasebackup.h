#pragma once

#include "storeerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace cp {

// Consistent copies of a live database, made by SQLite itself (VACUUM INTO for a backup, the
// online backup API for a restore), never by copying the file: a copy taken while the GUI or
// the CLI writes could catch half a transaction or miss what still sits in the -wal file.
// Backups are created 0600 and verified before they are reported as made.
class DatabaseBackup final
{
    Q_DECLARE_TR_FUNCTIONS(cp::DatabaseBackup)
public:
    struct Info
    {
        QString path;
        qint64 bytes = 0;
        int schemaVersion = 0;
        qint64 incidents = 0;
        qint64 entries = 0;
    };

    // "<folder>/<name>-backup-20261122T065000Z.sqlite" beside the database.
    static QString defaultBackupPath(const QString &databasePath, const QDateTime &nowUtc);

    // Writes a compacted, consistent snapshot of databasePath to target (which must not exist)
    // and verifies it. A failed backup leaves no file behind.
    static Result<Info> backup(const QString &databasePath, const QString &target, int busyTimeoutMs = 5000);

    // Opens a backup read-only and checks it: a SQLite file, integrity_check "ok", our
    // application_id, a schema this build knows. Never writes to it.
    static Result<Info> verify(const QString &backupPath);

    // Replaces the content of databasePath with the backup's, in one step that other
    // connections see as a single commit (SQLite's online backup API). The caller holds the
    // GUI lock. When safetyCopy is given, the current content is backed up there first.
    static Result<Info> restore(const QString &backupPath, const QString &databasePath, const QString &safetyCopy,
                                int busyTimeoutMs = 5000);
};

} // namespace cp
