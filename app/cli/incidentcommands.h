#pragma once

#include "command.h"

namespace cp::cli {

// incident new | list | show | set | resolve | reopen
class IncidentCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::IncidentCommands)
public:
    static QList<Command> commands();

private:
    static int create(CommandCall &call);
    static int list(CommandCall &call);
    static int show(CommandCall &call);
    static int set(CommandCall &call);
    static int resolve(CommandCall &call);
    static int reopen(CommandCall &call);
};

} // namespace cp::cli
