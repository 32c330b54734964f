#include "importfile.h"

#include <QFile>
#include <QFileInfo>

namespace cp {

namespace {

StoreError tooLarge(const QString &name, qint64 maxBytes)
{
    return {StoreError::Code::Invalid, ImportFile::tr("%1 is larger than %2 MiB, the most CommandPost imports at once; "
                                                      "split it into smaller files. Nothing was imported.")
                                           .arg(name)
                                           .arg(maxBytes / (1024 * 1024))};
}

} // namespace

Result<QByteArray> ImportFile::read(const QString &path, qint64 maxBytes)
{
    const QFileInfo info(path);
    if (!info.exists())
        return StoreError(StoreError::Code::FileMissing, tr("There is no file %1.").arg(path));
    if (info.isDir())
        return StoreError(StoreError::Code::Io, tr("%1 cannot be read: it is a folder.").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return StoreError(StoreError::Code::Io, tr("%1 cannot be read: %2").arg(path, file.errorString()));
    // One byte past the limit tells a file at the limit from a larger one (or an endless device).
    const QByteArray bytes = file.read(maxBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return StoreError(StoreError::Code::Io, tr("%1 cannot be read: %2").arg(path, file.errorString()));
    if (bytes.size() > maxBytes)
        return tooLarge(path, maxBytes);
    return bytes;
}

Result<QByteArray> ImportFile::read(std::istream &in, const QString &name, qint64 maxBytes)
{
    QByteArray bytes;
    char chunk[65536];
    while (in && bytes.size() <= maxBytes) {
        in.read(chunk, sizeof chunk);
        bytes.append(chunk, in.gcount());
    }
    if (in.bad())
        return StoreError(StoreError::Code::Io, tr("Reading %1 failed.").arg(name));
    if (bytes.size() > maxBytes)
        return tooLarge(name, maxBytes);
    return bytes;
}

} // namespace cp
