#pragma once

#include "command.h"

namespace cp::cli {

// rollcall start|answer|miss|skip|undo|dismiss|end|status: the roll call with CAN reports and the
// Deputy's missed list (the actions a report's Needs become are ActionCommands). A role is named
// by its key; a role several people hold (five SMEs) by its key and --person, or by the person's
// handle alone.
class RollCallCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::RollCallCommands)
public:
    static QList<Command> commands();

private:
    static int start(CommandCall &call);
    static int mark(CommandCall &call, const QString &sub);
    static int dismiss(CommandCall &call);
    static int end(CommandCall &call);
    static int status(CommandCall &call);
};

} // namespace cp::cli
