#include "checkcommand.h"

#include "cliformat.h"

namespace cp::cli {

QList<Command> CheckCommand::commands()
{
    return {Command(QStringLiteral("check"), QString(), tr("verify the database read-only; prints counts and \"ok\""))
                .describe(tr("Verifies the database without changing it: prints its schema version, whether it is "
                             "marked as a CommandPost file, how many incidents and entries it holds, then \"ok\". "
                             "Any problem is listed (\"problem<TAB>…\") and the exit code is not zero."))
                .access(CliContext::Access::Check)
                .run(&CheckCommand::run)};
}

int CheckCommand::run(CommandCall &call)
{
    // Opening already refuses what is not ours (foreign, too new, not SQLite) with the reason.
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    CliContext &context = call.context();
    QTextStream &out = context.out();
    out << QStringLiteral("database\t") << store->session().path() << QLatin1Char('\n');

    auto problems = store->session().integrityProblems();
    if (!problems) {
        // SQLite may give up on a badly damaged file instead of listing what it found.
        if (problems.error().code() != StoreError::Code::Corrupt)
            return context.fail(problems.error());
        out << QStringLiteral("problem\t") << CliFormat::field(problems.error().message()) << QLatin1Char('\n');
        return context.fail(problems.error());
    }
    auto stats = store->session().stats();
    if (stats) {
        out << QStringLiteral("schema\t") << stats->schemaVersion << QLatin1Char('\n');
        out << QStringLiteral("application-id\tok\n");
        out << QStringLiteral("incidents\t") << stats->incidents << QLatin1Char('\n');
        out << QStringLiteral("entries\t") << stats->entries << QLatin1Char('\n');
    }
    for (const QString &problem : std::as_const(*problems))
        out << QStringLiteral("problem\t") << CliFormat::field(problem) << QLatin1Char('\n');
    if (!problems->isEmpty()) {
        return context.fail(
            StoreError(StoreError::Code::Corrupt,
                       tr("%1 is damaged: %n problem(s) found, the first: %2", nullptr, int(problems->size()))
                           .arg(store->session().path(), problems->constFirst())));
    }
    if (!stats)
        return context.fail(stats.error());
    out << QStringLiteral("ok\n");
    return context.finish();
}

} // namespace cp::cli
