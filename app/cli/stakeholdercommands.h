#pragma once

#include "command.h"

namespace cp::cli {

// notify and inbound log|answer|list: the departments told about a business incident (when, by
// whom, how) and the questions the press and social media ask, with their answers.
class StakeholderCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::StakeholderCommands)
public:
    static QList<Command> commands();

private:
    static int notify(CommandCall &call);
    static int logInbound(CommandCall &call);
    static int answerInbound(CommandCall &call);
    static int listInbound(CommandCall &call);
};

} // namespace cp::cli
