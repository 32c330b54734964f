#pragma once

#include "command.h"
#include "domain/timelineentry.h"

namespace cp::cli {

class CliContext;

// log: appends timeline entries. Each id is printed only after its transaction committed, so an
// id on stdout is a promise that the entry is on disk.
class LogCommand
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::LogCommand)
public:
    static QList<Command> commands();

    // Parses --at: ISO-8601 with an offset or Z, local time without one. Null when malformed.
    static QDateTime parseTime(const QString &text);

private:
    static int run(CommandCall &call);
    static int logLinesFromStdin(CliContext &context, cp::IncidentStore &store, NewEntry entry);
};

} // namespace cp::cli
