#pragma once

#include "command.h"

namespace cp::cli {

// export, import and postmortem: an incident as a file in every format, a whole-incident JSON
// document back in, and the postmortem's owner and due date.
class ExchangeCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::ExchangeCommands)
public:
    static QList<Command> commands();

private:
    static int exportIncident(CommandCall &call);
    static int importIncident(CommandCall &call);
    static int setPostmortem(CommandCall &call);
    static int showPostmortem(CommandCall &call);
};

} // namespace cp::cli
