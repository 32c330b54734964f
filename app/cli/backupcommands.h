#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace cp::cli {

class CliContext;

// backup and restore: consistent copies of the live database made by SQLite (VACUUM INTO, the
// online backup API), verified before they are reported.
class BackupCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::BackupCommands)
public:
    static int backup(CliContext &context, const QStringList &arguments);
    static int restore(CliContext &context, const QStringList &arguments);
};

} // namespace cp::cli
