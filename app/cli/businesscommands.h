#pragma once

#include "command.h"

namespace cp::cli {

// Business incident mode: business declare|add|halt|restart|normal|skip|brief|status, the
// emergency checklist, the first briefing and the audience x phase grid (the messages are
// MessageCommands, the departments told and inbound questions StakeholderCommands). Every change
// is one store command (one transaction) and lands on the timeline.
class BusinessCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::BusinessCommands)
public:
    static QList<Command> commands();
    // The help of --audience and --phase.
    static QString audienceHelp();
    static QString phaseHelp();

private:
    static int declare(CommandCall &call);
    static int addActivity(CommandCall &call);
    static int tick(CommandCall &call, const QString &sub);
    static int normal(CommandCall &call);
    static int skip(CommandCall &call);
    static int brief(CommandCall &call);
    static int status(CommandCall &call);
};

} // namespace cp::cli
