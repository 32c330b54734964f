#include "databaserecovery.h"

#include "writeaheadlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace cp {

namespace {

// A backup made from a private copy of the main file (and of its -wal, when given).
Result<DatabaseBackup::Info> backupFromCopy(const QString &databasePath, bool withWal, const QString &target)
{
    QTemporaryDir scratch;
    const QString copy = scratch.filePath(QStringLiteral("recover.sqlite"));
    if (!scratch.isValid() || !QFile::copy(databasePath, copy) ||
        (withWal && !QFile::copy(WriteAheadLog::walPath(databasePath), WriteAheadLog::walPath(copy))))
        return StoreError(StoreError::Code::Io,
                          DatabaseRecovery::tr("Cannot copy %1 into %2 to recover it (the disk may be full).")
                              .arg(QDir::toNativeSeparators(databasePath), QDir::tempPath()));
    auto made = DatabaseBackup::backup(copy, target);
    if (made)
        made->path = QFileInfo(target).absoluteFilePath();
    return made;
}

} // namespace

Result<DatabaseRecovery::Recovered> DatabaseRecovery::recover(const QString &databasePath, const QString &target)
{
    using Code = StoreError::Code;
    const QString source = QFileInfo(databasePath).absoluteFilePath();
    const QString out = QFileInfo(target).absoluteFilePath();
    if (!QFileInfo(source).isFile())
        return StoreError(Code::FileMissing, tr("%1 does not exist.").arg(source));
    if (out == source || out == WriteAheadLog::walPath(source))
        return StoreError(Code::Invalid, tr("Recover into a new file, not over the database or its -wal."));
    if (QFileInfo(out).exists() || QFileInfo(out).isSymLink())
        return StoreError(Code::Invalid, tr("%1 already exists; choose a new file.").arg(out));

    Recovered recovered;
    const WriteAheadLog::Summary wal = WriteAheadLog::read(source);
    if (wal.exists && wal.regularFile && wal.bytes > 0) {
        auto both = backupFromCopy(source, true, out);
        if (both) {
            recovered.info = *both;
            recovered.includesWal = true;
            return recovered;
        }
        recovered.walLeftOut = both.error().message().contains(QStringLiteral("does not belong to")) ? tr("it does not belong to the main file")
                                                                        : both.error().message();
    } else if (wal.exists) {
        recovered.walLeftOut = tr("%1 is not a regular file").arg(WriteAheadLog::walPath(source));
    }
    auto alone = backupFromCopy(source, false, out);
    if (!alone)
        return StoreError(alone.error().code(),
                          tr("Nothing could be recovered from %1: %2").arg(source, alone.error().message()));
    recovered.info = *alone;
    return recovered;
}

} // namespace cp
