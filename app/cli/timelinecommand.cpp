#include "timelinecommand.h"

#include "clicontext.h"
#include "commandline.h"
#include "exchange/timelineexport.h"

namespace cp::cli {

int TimelineCommand::run(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("timeline"), QStringLiteral("--incident ID [options]"),
                     tr("Prints an incident's timeline, oldest first. text: time, kind, author, text (tab "
                        "separated); csv: RFC 4180 with a header row; json: the commandpost-timeline document."));
    line.addOption({QStringLiteral("incident"), tr("The incident's id (required)."), tr("ID")});
    line.addOption(
        {QStringLiteral("format"), tr("text (default), csv or json."), tr("FORMAT"), QStringLiteral("text")});
    if (auto done = line.parse(arguments))
        return *done;
    if (!line.positionalArguments().isEmpty())
        return line.usageError(tr("unexpected argument '%1'").arg(line.positionalArguments().constFirst()));
    if (!line.isSet(QStringLiteral("incident")))
        return line.usageError(tr("--incident is required"));
    const auto incidentId = parseId(line.value(QStringLiteral("incident")));
    if (!incidentId)
        return line.usageError(tr("'%1' is not an incident ID").arg(line.value(QStringLiteral("incident"))));
    const auto format = TimelineExport::formatFromKey(line.value(QStringLiteral("format")));
    if (!format)
        return line.usageError(
            tr("--format must be text, csv or json, not '%1'").arg(line.value(QStringLiteral("format"))));

    auto store = context.openStore(CliContext::Access::Read);
    if (!store)
        return context.fail(store.error());
    context.out().flush();
    if (StoreError error = TimelineExport::write(**store, *incidentId, *format, context.stdoutDevice()))
        return context.fail(error);
    return context.finish();
}

} // namespace cp::cli
