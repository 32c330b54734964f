#include "initcommand.h"

namespace cp::cli {

QList<Command> InitCommand::commands()
{
    return {Command(QStringLiteral("init"), QString(), tr("create the database (or upgrade it) and print its path"))
                .describe(tr("Creates the database, or upgrades one written by an older CommandPost, and prints its "
                             "path."))
                .access(CliContext::Access::Create)
                .run(&InitCommand::run)};
}

int InitCommand::run(CommandCall &call)
{
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    call.out() << store->session().path() << QLatin1Char('\n');
    return call.finish();
}

} // namespace cp::cli
