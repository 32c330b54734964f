#pragma once

#include "domain/timelineentry.h"

#include <QCoreApplication>
#include <QStringList>

namespace cp {
class IncidentStore;
}

namespace cp::cli {

class CliContext;

// log: appends timeline entries. Each id is printed only after its transaction committed, so an
// id on stdout is a promise that the entry is on disk.
class LogCommand
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::LogCommand)
public:
    static int run(CliContext &context, const QStringList &arguments);

    // Parses --at: ISO-8601 with an offset or Z, local time without one. Null when malformed.
    static QDateTime parseTime(const QString &text);

private:
    static int logLinesFromStdin(CliContext &context, cp::IncidentStore &store, NewEntry entry);
};

} // namespace cp::cli
