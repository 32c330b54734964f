#pragma once

#include "command.h"

namespace cp::cli {

// backup, restore and recover: consistent copies of the live database made by SQLite (VACUUM INTO, the
// online backup API), verified before they are reported.
class BackupCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::BackupCommands)
public:
    static QList<Command> commands();

private:
    static int backup(CommandCall &call);
    static int restore(CommandCall &call);
    static int recover(CommandCall &call);
};

} // namespace cp::cli
