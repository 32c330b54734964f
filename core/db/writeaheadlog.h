#pragma once

#include "storeerror.h"

#include <QCoreApplication>
#include <QString>

namespace cp {

// SQLite's -wal file read with plain reads, before SQLite opens the database. SQLite replays
// any well-formed -wal into whatever main file sits beside it, and its next checkpoint writes
// those pages into that file for good, so a -wal that belongs to another database (or a main
// file copied over the one the -wal was written for) must be found here, while both files are
// still untouched.
class WriteAheadLog final
{
    Q_DECLARE_TR_FUNCTIONS(cp::WriteAheadLog)
public:
    struct Summary
    {
        bool exists = false;
        bool regularFile = false;
        qint64 bytes = 0;
        bool headerValid = false;
        quint32 pageSize = 0;
        int validFrames = 0;     // frames SQLite would accept (salt and running checksum match)
        int committedFrames = 0; // of those, up to the last commit: what a replay writes
    };

    static QString walPath(const QString &databasePath) { return databasePath + QStringLiteral("-wal"); }
    static QString shmPath(const QString &databasePath) { return databasePath + QStringLiteral("-shm"); }

    // Parses the header and walks the frames as SQLite's recovery does.
    static Summary read(const QString &databasePath);

    // Whether a live SQLite connection (in any process, this one included) has the database open:
    // each holds a shared lock on the dead-man-switch byte of the -shm file.
    static bool inUse(const QString &databasePath);

    // Refuses a -wal that SQLite would replay into databasePath but that does not belong to it:
    // not a -wal at all, another page size, or frames that do not make a sound database of the
    // expected application (checked on a private copy of both files, never on the files).
    // mainPageSize is 0 when the main file is empty; the schema (user_version) never goes back.
    // A live -wal (inUse) is the holder's and is not checked again.
    static StoreError checkBelongs(const QString &databasePath, quint32 mainPageSize, quint32 mainUserVersion,
                                   quint32 applicationId);

    // Removes an empty -wal and the -shm once no connection uses them (checked under the
    // dead-man-switch lock). A read-only connection creates both and, unlike a writer, never
    // removes them; with nothing in the -wal and nobody reading, they hold nothing.
    static void removeUnusedCompanions(const QString &databasePath);

    // What a person does about a refused -wal, for the end of a message.
    static QString whatToDo(const QString &databasePath);
};

} // namespace cp
