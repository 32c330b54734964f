#pragma once

#include "command.h"

namespace cp::cli {

// check: opens the database read-only, runs SQLite's full integrity check and the reference
// check, prints what it found and "ok", or the problems and a non-zero exit.
class CheckCommand
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::CheckCommand)
public:
    static QList<Command> commands();

private:
    static int run(CommandCall &call);
};

} // namespace cp::cli
