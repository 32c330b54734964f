#include "writeaheadlog.h"

#include "sqliteconnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtEndian>

#include <optional>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace cp {

namespace {

// The layout of a -wal (sqlite.org/fileformat2.html, "The Write-Ahead Log"): a 32-byte header,
// then frames of a 24-byte header and one page each.
constexpr int WalHeaderSize = 32;
constexpr int FrameHeaderSize = 24;
constexpr quint32 WalMagic = 0x377f0682; // the low bit says which byte order the checksums use
constexpr quint32 WalFormatVersion = 3007000;
// os_unix.c: each connection holds a read lock on this byte of the -shm for as long as it is open.
constexpr off_t ShmDeadManSwitch = 128;

quint32 be32(const char *bytes)
{
    return qFromBigEndian<quint32>(bytes);
}

// SQLite's running checksum over 32-bit words (wal.c walChecksumBytes).
void checksum(bool bigEndianWords, const char *data, qsizetype bytes, quint32 sums[2])
{
    for (qsizetype i = 0; i + 8 <= bytes; i += 8) {
        const quint32 a = bigEndianWords ? qFromBigEndian<quint32>(data + i) : qFromLittleEndian<quint32>(data + i);
        const quint32 b =
            bigEndianWords ? qFromBigEndian<quint32>(data + i + 4) : qFromLittleEndian<quint32>(data + i + 4);
        sums[0] += a + sums[1];
        sums[1] += b + sums[0];
    }
}

bool isPageSize(quint32 size)
{
    return size >= 512 && size <= 65536 && (size & (size - 1)) == 0;
}

// A file descriptor closed on every path out.
struct Descriptor
{
    int fd = -1;
    explicit Descriptor(int value) : fd(value) {}
    ~Descriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Q_DISABLE_COPY_MOVE(Descriptor)
};

// An open-file-description lock on the -shm's dead-man-switch byte. Unlike a classic POSIX lock
// it conflicts with the locks SQLite holds in this very process, so a test here sees them too.
bool deadManSwitchFree(int fd, short type, int command)
{
    struct flock lock = {};
    lock.l_type = type;
    lock.l_whence = SEEK_SET;
    lock.l_start = ShmDeadManSwitch;
    lock.l_len = 1;
    if (::fcntl(fd, command, &lock) != 0)
        return false;
    return command != F_OFD_GETLK || lock.l_type == F_UNLCK;
}

QString firstLine(const QStringList &lines)
{
    return lines.value(0).simplified();
}

// A private (0600) copy of 'from' at 'to', which must not exist: a reflink where the file system
// shares blocks (btrfs, XFS: instant, no space), else an in-kernel copy, else plain reads and
// writes. errno is kept for the caller on failure.
bool clonePrivately(const QString &from, const QString &to)
{
    const Descriptor source(::open(QFile::encodeName(from).constData(), O_RDONLY | O_CLOEXEC));
    if (source.fd < 0)
        return false;
    const Descriptor target(
        ::open(QFile::encodeName(to).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (target.fd < 0)
        return false;
    if (::ioctl(target.fd, FICLONE, source.fd) == 0)
        return true;
    struct stat info;
    if (::fstat(source.fd, &info) != 0)
        return false;
    off_t left = info.st_size;
    bool inKernel = true;
    while (left > 0) {
        if (inKernel) {
            const ssize_t copied = ::copy_file_range(source.fd, nullptr, target.fd, nullptr, size_t(left), 0);
            if (copied > 0) {
                left -= copied;
                continue;
            }
            if (copied == 0) { // the file shrank under us
                errno = EIO;
                return false;
            }
            if (errno != EXDEV && errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
                return false;
            inKernel = false; // not between these files: read and write
        }
        char buffer[1 << 16];
        const ssize_t got = ::read(source.fd, buffer, sizeof buffer);
        if (got == 0)
            errno = EIO;
        if (got <= 0)
            return false;
        for (ssize_t done = 0; done < got;) {
            const ssize_t put = ::write(target.fd, buffer + done, size_t(got - done));
            if (put < 0)
                return false;
            done += put;
        }
        left -= got;
    }
    return true;
}

// Free bytes for an unprivileged writer in 'folder'; -1 when unknown.
qint64 freeBytes(const QString &folder)
{
    struct statvfs disk = {};
    if (::statvfs(QFile::encodeName(folder).constData(), &disk) != 0)
        return -1;
    return qint64(disk.f_bavail) * qint64(disk.f_frsize);
}

} // namespace

WriteAheadLog::Summary WriteAheadLog::read(const QString &databasePath)
{
    Summary summary;
    const QByteArray wal = QFile::encodeName(walPath(databasePath));
    struct stat info;
    if (::lstat(wal.constData(), &info) != 0)
        return summary;
    summary.exists = true;
    summary.regularFile = S_ISREG(info.st_mode);
    summary.bytes = info.st_size;
    if (!summary.regularFile || summary.bytes < WalHeaderSize)
        return summary;

    QFile file(walPath(databasePath));
    if (!file.open(QIODevice::ReadOnly))
        return summary;
    const QByteArray header = file.read(WalHeaderSize);
    if (header.size() != WalHeaderSize)
        return summary;
    const quint32 magic = be32(header.constData());
    const bool bigEndianWords = (magic & 1) != 0;
    quint32 sums[2] = {0, 0};
    checksum(bigEndianWords, header.constData(), 24, sums);
    summary.pageSize = be32(header.constData() + 8);
    summary.headerValid = (magic & ~1u) == WalMagic && be32(header.constData() + 4) == WalFormatVersion &&
                          isPageSize(summary.pageSize) && sums[0] == be32(header.constData() + 24) &&
                          sums[1] == be32(header.constData() + 28);
    if (!summary.headerValid)
        return summary;

    const QByteArray salts = header.mid(16, 8);
    QByteArray frame(FrameHeaderSize + qsizetype(summary.pageSize), Qt::Uninitialized);
    while (file.read(frame.data(), frame.size()) == frame.size()) {
        const char *bytes = frame.constData();
        if (be32(bytes) == 0 || QByteArrayView(bytes + 8, 8) != QByteArrayView(salts))
            break;
        checksum(bigEndianWords, bytes, 8, sums);
        checksum(bigEndianWords, bytes + FrameHeaderSize, summary.pageSize, sums);
        if (sums[0] != be32(bytes + 16) || sums[1] != be32(bytes + 20))
            break;
        ++summary.validFrames;
        if (be32(bytes + 4) != 0) // the database size after a commit: this frame ends a transaction
            summary.committedFrames = summary.validFrames;
    }
    return summary;
}

bool WriteAheadLog::inUse(const QString &databasePath)
{
    const Descriptor shm(::open(QFile::encodeName(shmPath(databasePath)).constData(), O_RDONLY | O_CLOEXEC));
    if (shm.fd < 0)
        return false;
    return !deadManSwitchFree(shm.fd, F_WRLCK, F_OFD_GETLK);
}

QString WriteAheadLog::whatToDo(const QString &databasePath)
{
    return tr("Nothing was changed. Move %1 aside (keep it: it may hold recent entries) to open the database as "
              "last saved in the main file, or run 'commandpost-cli --db %2 recover -o NEW.sqlite' to save what can "
              "be read into a new file.")
        .arg(QDir::toNativeSeparators(walPath(databasePath)), QDir::toNativeSeparators(databasePath));
}

StoreError WriteAheadLog::checkBelongs(const QString &databasePath, quint32 mainPageSize, quint32 mainUserVersion,
                                       quint32 applicationId)
{
    using Code = StoreError::Code;
    const Summary wal = read(databasePath);
    if (!wal.exists || (wal.regularFile && wal.bytes == 0))
        return {};
    const QString walName = QDir::toNativeSeparators(walPath(databasePath));
    auto refuse = [&](const QString &why) {
        return StoreError(Code::Foreign,
                          tr("%1 does not belong to %2: %3. %4")
                              .arg(walName, QDir::toNativeSeparators(databasePath), why, whatToDo(databasePath)));
    };
    if (!wal.regularFile)
        return refuse(tr("it is not a regular file"));
    if (!wal.headerValid)
        return refuse(tr("it is not a SQLite write-ahead log"));
    if (wal.committedFrames == 0)
        return {}; // SQLite replays nothing from it and starts it afresh
    if (!QFileInfo::exists(databasePath))
        return refuse(tr("the database it was written for is no longer there"));
    if (mainPageSize != 0 && wal.pageSize != mainPageSize)
        return refuse(tr("its pages are %1 bytes, the database's %2").arg(wal.pageSize).arg(mainPageSize));
    if (inUse(databasePath))
        return {}; // a live connection replayed it when it opened, after this same check

    // Replay it where it can do no harm: SQLite on a private copy of both files, in a scratch
    // folder beside the database (the same file system: a reflink where it can share blocks, and
    // no copy of a large database into a small /tmp), else in the temporary folder.
    const QString folder = QFileInfo(databasePath).absolutePath();
    std::optional<QTemporaryDir> scratch;
    QString copy;
    bool noRoom = false;
    int why = 0;
    for (const QString &place : {folder, QDir::tempPath()}) {
        if (place.isEmpty())
            continue; // no usable temporary folder: Qt gives an empty path
        scratch.emplace(place + QStringLiteral("/.commandpost-check-XXXXXX"));
        copy = scratch->filePath(QStringLiteral("replay.sqlite"));
        if (scratch->isValid() && clonePrivately(databasePath, copy) &&
            clonePrivately(walPath(databasePath), walPath(copy)))
            break;
        why = errno;
        noRoom = noRoom || why == ENOSPC || why == EDQUOT;
        scratch.reset();
    }
    if (!scratch) {
        if (noRoom) {
            const qint64 needed = QFileInfo(databasePath).size() + QFileInfo(walPath(databasePath)).size();
            return {Code::DiskFull,
                    tr("Cannot check %1 against %2: a private copy of both needs %3 MB, and %4 has %5 MB free. Free "
                       "some space there and open it again; nothing was changed.")
                        .arg(walName, QDir::toNativeSeparators(databasePath))
                        .arg((needed + 1048575) / 1048576)
                        .arg(QDir::toNativeSeparators(folder))
                        .arg(qMax<qint64>(0, freeBytes(folder)) / 1048576)};
        }
        return {Code::Io,
                tr("Cannot check %1 against %2 on a private copy beside it or in %3 (%4); nothing was "
                   "changed.")
                    .arg(walName, QDir::toNativeSeparators(databasePath), QDir::toNativeSeparators(QDir::tempPath()),
                         QString::fromLocal8Bit(::strerror(why)))};
    }
    SqliteConnection replay;
    QStringList check;
    QStringList appId;
    QStringList version;
    const int rc = replay.open(copy, SQLITE_OPEN_READWRITE, 0);
    if (rc != SQLITE_OK || replay.rows("PRAGMA quick_check", check) != SQLITE_OK)
        return refuse(tr("replaying it fails (%1)").arg(replay.lastError()));
    if (check != QStringList{QStringLiteral("ok")})
        return refuse(tr("replaying it damages the database (%1)").arg(firstLine(check)));
    if (replay.rows("PRAGMA application_id", appId) != SQLITE_OK ||
        replay.rows("PRAGMA user_version", version) != SQLITE_OK)
        return refuse(tr("replaying it fails (%1)").arg(replay.lastError()));
    if (appId.value(0).toLongLong() != qint64(applicationId))
        return refuse(tr("it holds another database's pages"));
    if (version.value(0).toLongLong() < qint64(mainUserVersion))
        return refuse(tr("it holds an older schema than the database"));
    return {};
}

void WriteAheadLog::removeUnusedCompanions(const QString &databasePath)
{
    const QString wal = walPath(databasePath);
    const QString shm = shmPath(databasePath);
    const bool removeWal = QFileInfo(wal).isFile() && !QFileInfo(wal).isSymLink() && QFileInfo(wal).size() == 0;
    const bool removeShm = QFileInfo(shm).isFile() && !QFileInfo(shm).isSymLink();
    if (!removeWal && !removeShm)
        return;
    // Holding the dead-man switch exclusively, no connection is open and none can start on these
    // files (SQLite backs off while it is held).
    const Descriptor lock(::open(QFile::encodeName(shm).constData(), O_RDWR | O_CLOEXEC));
    if (lock.fd >= 0 && !deadManSwitchFree(lock.fd, F_WRLCK, F_OFD_SETLK))
        return;
    if (removeWal)
        QFile::remove(wal);
    if (removeShm)
        QFile::remove(shm);
}

} // namespace cp
