#include "initcommand.h"

#include "clicontext.h"
#include "commandline.h"

namespace cp::cli {

int InitCommand::run(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("init"), QStringLiteral("[options]"),
                     tr("Creates the database, or upgrades one written by an older CommandPost, and prints its path."));
    if (auto done = line.parse(arguments))
        return *done;
    if (!line.positionalArguments().isEmpty())
        return line.usageError(tr("init takes no arguments, got '%1'").arg(line.positionalArguments().constFirst()));

    auto store = context.openStore(CliContext::Access::Create);
    if (!store)
        return context.fail(store.error());
    context.out() << (*store)->path() << QLatin1Char('\n');
    return context.finish();
}

} // namespace cp::cli
