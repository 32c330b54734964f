#pragma once

#include "command.h"

namespace cp::cli {

// The incident's response structure: roles [apply], assign, handover, release, take-command,
// subteam add. Roles are named by their key within the incident ("ic", "scribe"), people by
// handle or name (as 'people list' shows them).
class RoleCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::RoleCommands)
public:
    static QList<Command> commands();

private:
    static int show(CommandCall &call);
    static int apply(CommandCall &call);
    static int assign(CommandCall &call);
    static int handOver(CommandCall &call);
    static int release(CommandCall &call);
    static int takeCommand(CommandCall &call);
    static int addSubTeam(CommandCall &call);
};

} // namespace cp::cli
