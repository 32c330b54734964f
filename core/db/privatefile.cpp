#include "privatefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cp {

namespace {

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

bool isSpaceError(int error)
{
    return error == ENOSPC || error == EDQUOT || error == EFBIG;
}

// The error a failed write step turns into: a full disk (or quota, or file-size limit) says so.
StoreError writeFailure(const QString &path, int error)
{
    if (isSpaceError(error))
        return {StoreError::Code::DiskFull,
                PrivateFile::tr("Cannot write %1: the disk is full (%2); nothing was saved.")
                    .arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(std::strerror(error)))};
    return {StoreError::Code::Io,
            PrivateFile::tr("Cannot write %1: %2; nothing was saved.")
                .arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(std::strerror(error)))};
}

bool writeAll(int fd, const char *data, qint64 size, int *error)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size_t(size));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            *error = errno;
            return false;
        }
        if (written == 0) {
            *error = ENOSPC;
            return false;
        }
        data += written;
        size -= written;
    }
    return true;
}

} // namespace

StoreError PrivateFile::refuseLink(const QString &path)
{
    const QFileInfo info(path);
    if (info.isSymLink())
        return {StoreError::Code::Invalid, tr("%1 is a symbolic link; CommandPost does not write through links. Name "
                                              "the real file, or another one.")
                                               .arg(QDir::toNativeSeparators(path))};
    if (info.exists() && !info.isFile())
        return {StoreError::Code::Invalid,
                tr("%1 is not a regular file; name a file to write.").arg(QDir::toNativeSeparators(path))};
    return {};
}

StoreError PrivateFile::createEmpty(const QString &path)
{
    if (StoreError refused = refuseLink(path); !refused.ok())
        return refused;
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, Mode);
    if (fd < 0) {
        const int error = errno;
        if (isSpaceError(error))
            return writeFailure(path, error);
        return {StoreError::Code::ReadOnly,
                tr("Cannot create %1: %2")
                    .arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(std::strerror(error)))};
    }
    ::fchmod(fd, Mode); // whatever the umask
    ::close(fd);
    return {};
}

// QSaveFile is not used: Qt 6.4's can report success when the final flush fails on a full disk,
// renaming an empty file over a good one. Each step here is checked, the size read back.
StoreError PrivateFile::writeAtomically(const QString &path, const QByteArray &bytes)
{
    if (StoreError refused = refuseLink(path); !refused.ok())
        return refused;
    const QFileInfo target(path);
    const QString temporary =
        target.absoluteDir().filePath(QStringLiteral(".%1.%2.tmp")
                                          .arg(target.fileName())
                                          .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
    const QByteArray temporaryName = QFile::encodeName(temporary);
    const int fd = ::open(temporaryName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, Mode);
    if (fd < 0) {
        const int error = errno;
        if (isSpaceError(error))
            return writeFailure(path, error);
        return {StoreError::Code::ReadOnly,
                tr("Cannot write %1: %2")
                    .arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(std::strerror(error)))};
    }
    int error = 0;
    struct stat written = {};
    bool ok = ::fchmod(fd, Mode) == 0 || (error = errno, false);
    ok = ok && writeAll(fd, bytes.constData(), bytes.size(), &error);
    ok = ok && (::fsync(fd) == 0 || (error = errno, false));
    ok = ok && (::fstat(fd, &written) == 0 || (error = errno, false));
    if (ok && written.st_size != bytes.size()) {
        ok = false;
        error = ENOSPC;
    }
    if (::close(fd) != 0 && ok) {
        ok = false;
        error = errno;
    }
    ok = ok && (::rename(temporaryName.constData(), QFile::encodeName(target.absoluteFilePath()).constData()) == 0 ||
                (error = errno, false));
    if (!ok) {
        ::unlink(temporaryName.constData());
        return writeFailure(path, error);
    }
    // The rename itself reaches the disk with the folder.
    const int folder = ::open(QFile::encodeName(target.absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
    return {};
}

StoreError PrivateFile::overwriteInPlace(const QString &path, const QByteArray &bytes)
{
    if (StoreError refused = refuseLink(path); !refused.ok())
        return refused;
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return writeFailure(path, errno);
    struct stat existing = {};
    int error = 0;
    bool ok = ::fstat(fd, &existing) == 0 || (error = errno, false);
    if (ok && existing.st_size < bytes.size()) {
        ok = false;
        error = ENOSPC;
    }
    const QByteArray padded = ok ? bytes + QByteArray(qsizetype(existing.st_size) - bytes.size(), ' ') : QByteArray();
    ok = ok && writeAll(fd, padded.constData(), padded.size(), &error);
    ok = ok && (::fsync(fd) == 0 || (error = errno, false));
    if (::close(fd) != 0 && ok) {
        ok = false;
        error = errno;
    }
    return ok ? StoreError() : writeFailure(path, error);
}

StoreError PrivateFile::writeStateFile(const QString &path, const QByteArray &bytes)
{
    StoreError error = writeAtomically(path, bytes);
    if (error.code() == StoreError::Code::DiskFull && overwriteInPlace(path, bytes).ok())
        return {};
    return error;
}

StoreError PrivateFile::makePrivateFolder(const QString &path)
{
    if (!QDir().mkpath(path))
        return {StoreError::Code::ReadOnly, tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(path))};
    if (!QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        return {StoreError::Code::ReadOnly,
                tr("Cannot make the folder %1 private.").arg(QDir::toNativeSeparators(path))};
    return {};
}

StoreError PrivateFile::makePrivate(const QString &path)
{
    if (QFileInfo(path).isFile() && !QFileInfo(path).isSymLink() && !QFile::setPermissions(path, OwnerOnly))
        return {StoreError::Code::ReadOnly, tr("Cannot make %1 private.").arg(QDir::toNativeSeparators(path))};
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
