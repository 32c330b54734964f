#pragma once

#include "storeerror.h"

#include <QString>

namespace cp {

// Looks at a database file from the outside, with plain reads, before SQLite ever opens it:
// a refusal decided here leaves the file (and its folder) exactly as it was.
class DatabaseFile
{
    Q_DECLARE_TR_FUNCTIONS(cp::DatabaseFile)
public:
    // 'CmdP' in the SQLite header's application_id field marks a CommandPost database.
    static constexpr quint32 ApplicationId = 0x436D6450;

    struct Header
    {
        quint32 pageSize = 0;
        quint32 pagesInHeader = 0;
        bool pagesInHeaderValid = false;
        quint32 userVersion = 0;
        quint32 applicationId = 0;
    };

    // Refuses what must not be opened; a missing file is fine (it may be created).
    // latestSchema is the newest schema step this build knows.
    static StoreError inspect(const QString &path, int latestSchema, Header *header = nullptr);

    // Whether this process may write the file and create SQLite's -wal/-shm beside it.
    // Permission bits count even for root: a file marked read-only is treated as read-only.
    static StoreError checkWritable(const QString &path);

    // The header's fields; all zero when the file is missing, short or not SQLite.
    static Header readHeader(const QString &path);

    // A file on a read-only mount with no -shm and nothing in its -wal: readable only as immutable.
    static bool onReadOnlyMedia(const QString &path);

    static bool hasPendingWal(const QString &path);
};

} // namespace cp
