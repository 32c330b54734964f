#include "databasefile.h"

#include "writeaheadlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <sys/statvfs.h>

namespace cp {

namespace {

constexpr qint64 HeaderSize = 100;
const QByteArray SqliteMagic("SQLite format 3\0", 16);

quint32 be32(const QByteArray &bytes, int offset)
{
    return qFromBigEndian<quint32>(bytes.constData() + offset);
}

DatabaseFile::Header parseHeader(const QByteArray &bytes)
{
    DatabaseFile::Header h;
    if (bytes.size() < HeaderSize || !bytes.startsWith(SqliteMagic))
        return h;
    const quint32 rawPageSize = qFromBigEndian<quint16>(bytes.constData() + 16);
    h.pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const quint32 changeCounter = be32(bytes, 24);
    h.pagesInHeader = be32(bytes, 28);
    h.pagesInHeaderValid = h.pagesInHeader > 0 && be32(bytes, 92) == changeCounter;
    h.userVersion = be32(bytes, 60);
    h.applicationId = be32(bytes, 68);
    return h;
}

bool writableByPermissions(const QFileInfo &info)
{
    if (!info.isWritable())
        return false;
    // access(2) says yes to root for any file; honour the owner's write bit as the user's intent.
    return info.permission(QFileDevice::WriteOwner) || info.permission(QFileDevice::WriteGroup) ||
           info.permission(QFileDevice::WriteOther);
}

} // namespace

DatabaseFile::Header DatabaseFile::readHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parseHeader(file.read(HeaderSize));
}

bool DatabaseFile::onReadOnlyMedia(const QString &path)
{
    struct statvfs disk = {};
    if (::statvfs(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), &disk) != 0 ||
        (disk.f_flag & ST_RDONLY) == 0)
        return false;
    // SQLite can still use a -shm left there, and a -wal with content must be replayed.
    return !QFileInfo::exists(path + QStringLiteral("-shm")) && !hasPendingWal(path);
}

bool DatabaseFile::hasPendingWal(const QString &path)
{
    const WriteAheadLog::Summary wal = WriteAheadLog::read(path);
    return wal.exists && (!wal.regularFile || wal.bytes > 0);
}

StoreError DatabaseFile::inspect(const QString &path, int latestSchema, Header *header)
{
    using Code = StoreError::Code;
    const QFileInfo info(path);
    if (info.isDir())
        return {Code::IsDirectory, tr("%1 is a folder, not a database file.").arg(path)};
    if (!info.exists())
        return WriteAheadLog::checkBelongs(path, 0, 0, ApplicationId);
    // After a crash the whole database may still sit in the write-ahead log; SQLite will
    // recover it, so the main file's own header is not the last word then.
    const bool walPending = hasPendingWal(path);
    if (info.size() == 0) {
        if (walPending)
            return WriteAheadLog::checkBelongs(path, 0, 0, ApplicationId);
        return {Code::EmptyFile, tr("%1 is an empty file, not a CommandPost database.").arg(path)};
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {Code::ReadOnly, tr("%1 cannot be read: %2").arg(path, file.errorString())};
    const QByteArray bytes = file.read(HeaderSize);
    if (bytes.size() < SqliteMagic.size()) {
        if (SqliteMagic.startsWith(bytes))
            return {Code::Truncated, tr("%1 is a database file cut short (%2 bytes).").arg(path).arg(bytes.size())};
        return {Code::NotSqlite, tr("%1 is not a CommandPost database (it is not a SQLite file).").arg(path)};
    }
    if (!bytes.startsWith(SqliteMagic))
        return {Code::NotSqlite, tr("%1 is not a CommandPost database (it is not a SQLite file).").arg(path)};
    if (bytes.size() < HeaderSize)
        return {Code::Truncated, tr("%1 is a database file cut short (%2 bytes).").arg(path).arg(bytes.size())};

    const Header h = parseHeader(bytes);
    if (header)
        *header = h;

    if (h.pageSize < 512 || h.pageSize > 65536 || (h.pageSize & (h.pageSize - 1)) != 0)
        return {Code::Corrupt, tr("%1 is damaged: its header names an impossible page size.").arg(path)};
    if (h.applicationId != 0 && h.applicationId != ApplicationId)
        return {Code::Foreign, tr("%1 is a SQLite database of another application, not CommandPost.").arg(path)};
    if (h.applicationId == ApplicationId && h.userVersion > quint32(latestSchema))
        return {Code::TooNew, tr("%1 was written by a newer CommandPost (schema %2; this version knows up to %3). "
                                 "Update CommandPost to open it.")
                                  .arg(path)
                                  .arg(h.userVersion)
                                  .arg(latestSchema)};
    if (!walPending) {
        if (info.size() % h.pageSize != 0 ||
            (h.pagesInHeaderValid && quint64(info.size()) < quint64(h.pagesInHeader) * h.pageSize))
            return {Code::Truncated, tr("%1 is a database file cut short (%2 bytes where %3 were written).")
                                         .arg(path)
                                         .arg(info.size())
                                         .arg(quint64(h.pagesInHeader) * h.pageSize)};
    }
    return WriteAheadLog::checkBelongs(path, h.pageSize, h.applicationId == ApplicationId ? h.userVersion : 0,
                                       ApplicationId);
}

StoreError DatabaseFile::checkWritable(const QString &path)
{
    using Code = StoreError::Code;
    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    if (info.exists() && !writableByPermissions(info))
        return {Code::ReadOnly, tr("%1 is read-only; CommandPost needs to write to it.").arg(path)};
    if (folder.exists() && !writableByPermissions(folder))
        return {Code::ReadOnly, tr("The folder %1 is read-only; CommandPost needs to write its journal there.")
                                    .arg(folder.absoluteFilePath())};
    return {};
}

} // namespace cp
