#pragma once

#include "db/storeerror.h"

#include <QSqlDatabase>
#include <QStringList>

namespace cp {

// A team server's CommandPost data checked the way a crash could have broken it, read-only:
//   - the storage, by PostgreSQL's amcheck: bt_index_check (every row of the table found in the
//     index) on every B-tree index of the CommandPost schema and verify_heapam on every table;
//   - the change log's promises, read from the tables themselves (index scans off): every entry
//     has its change-log row (or its timeline's reload), change ids are unique and log entries in
//     the order they were made, no entry is logged twice, and every delivery record (an outbox
//     entry's client id) is unique and points at its entry, one per entry.
// amcheck needs its extension in the database (created here when the login may) and a login that
// may run it (a superuser, or one granted its functions); without it only the change log is checked
// and the report says why.
class ServerCheck
{
    Q_DECLARE_TR_FUNCTIONS(cp::ServerCheck)

public:
    struct Report
    {
        int schemaVersion = 0;
        qint64 incidents = 0;
        qint64 entries = 0;
        qint64 changes = 0;
        qint64 deliveries = 0;
        int indexesChecked = 0;
        int tablesChecked = 0;
        QString storageNotChecked; // why amcheck did not run; empty when it did
        QStringList problems;      // one line each; empty when all is well
    };

    // 'db' is a connection in the CommandPost schema (ServerConnection).
    static Result<Report> run(QSqlDatabase &db);

private:
    static StoreError checkStorage(QSqlDatabase &db, Report &report);
    static StoreError checkChangeLog(QSqlDatabase &db, Report &report);
};

} // namespace cp
