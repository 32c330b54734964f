#pragma once

#include "command.h"

namespace cp::cli {

// init: creates the database (or upgrades an older one) and prints its absolute path.
class InitCommand
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::InitCommand)
public:
    static QList<Command> commands();

private:
    static int run(CommandCall &call);
};

} // namespace cp::cli
