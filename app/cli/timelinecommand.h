#pragma once

#include "command.h"

namespace cp::cli {

// timeline: writes one incident's timeline, oldest first, with TimelineExport.
class TimelineCommand
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::TimelineCommand)
public:
    static QList<Command> commands();

private:
    static int run(CommandCall &call);
};

} // namespace cp::cli
