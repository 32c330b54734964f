#pragma once

#include "command.h"

namespace cp::cli {

class ServerConnection;

// server init|grant|revoke|link|members|password|check: setting up a team server (PostgreSQL) and saying who
// may do what on it. Each needs --server SERVER (or $COMMANDPOST_SERVER); the server's own
// GRANTs decide whether the login running the command may do it.
class ServerCommands
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::ServerCommands)
public:
    static QList<Command> commands();

private:
    static int init(CommandCall &call);
    static int grant(CommandCall &call);
    static int revoke(CommandCall &call);
    static int link(CommandCall &call);
    static int members(CommandCall &call);
    static int password(CommandCall &call);
    static int check(CommandCall &call);
};

} // namespace cp::cli
