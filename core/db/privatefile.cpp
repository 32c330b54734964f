#include "privatefile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sys/stat.h>

namespace cp {

namespace {
constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
} // namespace

StoreError PrivateFile::createEmpty(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, OwnerOnly))
        return {StoreError::Code::ReadOnly, tr("Cannot create %1: %2").arg(path, file.errorString())};
    return {};
}

StoreError PrivateFile::writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {StoreError::Code::ReadOnly, tr("Cannot write %1: %2").arg(path, file.errorString())};
    file.setPermissions(OwnerOnly);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return {StoreError::Code::Io, tr("Cannot write %1: %2 (the disk may be full).").arg(path, reason)};
    }
    return {};
}

int PrivateFile::modeOf(const QString &path)
{
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

PrivateUmask::PrivateUmask() : m_previous(::umask(077)) {}

PrivateUmask::~PrivateUmask()
{
    ::umask(mode_t(m_previous));
}

} // namespace cp
