#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace cp::cli {

class CliContext;

// timeline: writes one incident's timeline, oldest first, with TimelineExport.
class TimelineCommand
{
    Q_DECLARE_TR_FUNCTIONS(cp::cli::TimelineCommand)
public:
    static int run(CliContext &context, const QStringList &arguments);
};

} // namespace cp::cli
