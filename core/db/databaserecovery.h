#pragma once

#include "databasebackup.h"

namespace cp {

// Saves what can be read from a database that CommandPost refuses to open as it is (a -wal that
// does not fit the main file, …) into a new file, without changing the database or its -wal.
// Tries the main file with its -wal first, then the main file alone (as last checkpointed), each
// time on a private copy; the new file is a checked backup (0600, integrity, our marker).
class DatabaseRecovery final
{
    Q_DECLARE_TR_FUNCTIONS(cp::DatabaseRecovery)
public:
    struct Recovered
    {
        DatabaseBackup::Info info;
        bool includesWal = false;
        QString walLeftOut; // why the -wal was not used; empty when it was, or there was none
    };

    static Result<Recovered> recover(const QString &databasePath, const QString &target);
};

} // namespace cp
