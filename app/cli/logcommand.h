#pragma once

#include "command.h"
#include "domain/timelineentry.h"

#include <functional>

namespace cp::cli {

class CliContext;

// log: appends timeline entries. Each id is printed only after its transaction committed, so an
// id on stdout is a promise that the entry is on disk. On a team server an entry that cannot
// reach the server goes to this user's outbox (on disk before "pending <client id>" is printed)
// and is sent, once, by the next 'log' that reaches the server; a 'log' sends what waits first.
class LogCommand
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::LogCommand)
public:
    static QList<Command> commands();

    // Parses --at: ISO-8601 with an offset or Z, local time without one. Null when malformed.
    static QDateTime parseTime(const QString &text);

private:
    // Saves one entry; the line to print for it (its id, or "pending <client id>").
    using Writer = std::function<Result<QString>(const NewEntry &)>;

    static int run(CommandCall &call);
    static int logTo(CommandCall &call, const Writer &write, NewEntry entry, bool fromStdin);
    static int logThroughOutbox(CommandCall &call, cp::IncidentStore &store, const NewEntry &entry, bool fromStdin);
    static int logLinesFromStdin(CliContext &context, const Writer &write, NewEntry entry);
};

} // namespace cp::cli
