#pragma once

#include "storeerror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace cp {

// Files that hold incident data (databases, backups, drafts, exports) are readable by their
// owner only: mode 0600 from the moment they exist, never loosened afterwards.
class PrivateFile final
{
    Q_DECLARE_TR_FUNCTIONS(cp::PrivateFile)
public:
    static constexpr int Mode = 0600;

    // Refuses to write to a symbolic link or to anything but a regular file: a link could send
    // the bytes over a file elsewhere (another user's, when run as root).
    static StoreError refuseLink(const QString &path);
    // Creates path as an empty 0600 file; refuses if it already exists or is a link.
    static StoreError createEmpty(const QString &path);
    // Replaces path's content all at once: a 0600 temporary file beside it, every write, the
    // fsync and the size checked, then a rename. On any failure (a full disk says so) the old
    // file stays as it was and no temporary file is left.
    static StoreError writeAtomically(const QString &path, const QByteArray &bytes);
    // For small state files (JSON) when writeAtomically finds the disk full: rewrites the existing
    // file in place, padded with spaces to its old size, which needs no new space. Refuses when
    // the bytes do not fit; the old content then stays.
    static StoreError overwriteInPlace(const QString &path, const QByteArray &bytes);
    // writeAtomically, falling back to overwriteInPlace on a full disk.
    static StoreError writeStateFile(const QString &path, const QByteArray &bytes);
    // A folder (and its parents) that exists afterwards, mode 0700 whatever the umask.
    static StoreError makePrivateFolder(const QString &path);
    // Takes group and other permissions off an existing regular file (a settings file).
    static StoreError makePrivate(const QString &path);
    // The permission bits of a file (0600 …), -1 when it does not exist. For tests and checks.
    static int modeOf(const QString &path);
};

// While alive, files and folders this process creates get no group or other permissions
// (umask 077). Used around the store's first open of a new database, so SQLite creates the
// file and its -wal/-shm companions private.
class PrivateUmask final
{
    Q_DISABLE_COPY_MOVE(PrivateUmask)
public:
    PrivateUmask();
    ~PrivateUmask();

private:
    unsigned m_previous;
};

} // namespace cp
