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

    // Creates path as an empty 0600 file; refuses if it already exists.
    static StoreError createEmpty(const QString &path);
    // Replaces path's content all at once (QSaveFile: a temporary file, fsync, rename), 0600.
    static StoreError writeAtomically(const QString &path, const QByteArray &bytes);
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
