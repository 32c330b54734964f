#pragma once

#include "command.h"

namespace cp::cli {

// timer start|every|stopwatch|list|ack|snooze|pause|resume|restart|cancel|defaults. Deadlines
// are absolute UTC instants in the database, so 'timer list' computes what is left (or how long
// it is overdue) from the clock now, whichever program started the timer and however long ago.
class TimerCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::TimerCommands)
public:
    static QList<Command> commands();

private:
    static int start(CommandCall &call, const QString &kind);
    static int list(CommandCall &call);
    static int change(CommandCall &call, const QString &sub);
    static int defaults(CommandCall &call);
};

} // namespace cp::cli
