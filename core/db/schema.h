#pragma once

#include "sqldialect.h"

#include <QList>
#include <QStringList>

namespace cp {

// The database layout as numbered steps. A step is applied in one transaction and recorded
// in user_version; a released step is never edited, only followed by a new one.
struct MigrationStep
{
    int version = 0;
    QStringList statements; // one statement each
};

class Schema
{
public:
    static QList<MigrationStep> steps(const SqlDialect &dialect);
    static int latestVersion();
    // The tables that grow with every entry (the timeline, its revisions, the change log): a
    // window opening a large file checks these after it shows, the rest before.
    static QStringList growingTables();
};

} // namespace cp
