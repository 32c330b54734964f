#include "timelinecommand.h"

#include "exchange/timelineexport.h"

namespace cp::cli {

QList<Command> TimelineCommand::commands()
{
    return {Command(QStringLiteral("timeline"), QStringLiteral("--incident ID [--format text|csv|json] [--excel]"),
                    tr("an incident's timeline, oldest first"))
                .describe(tr("Prints an incident's timeline, oldest first. text: time, kind, author, text (tab "
                             "separated); csv: RFC 4180 with a header row; json: the commandpost-timeline document."))
                .reads()
                .incident(Command::Incident::Required)
                .formats({QStringLiteral("text"), QStringLiteral("csv"), QStringLiteral("json")})
                .option({QStringLiteral("excel"),
                         tr("With csv: start with a UTF-8 byte-order mark, so Excel reads accents.")})
                .run(&TimelineCommand::run)};
}

int TimelineCommand::run(CommandCall &call)
{
    const auto format = TimelineExport::formatFromKey(call.format());
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    call.out().flush();
    return call.finish(TimelineExport::write(*store, call.incidentId(), *format, call.context().stdoutDevice(),
                                             call.isSet(QStringLiteral("excel")) ? CsvWriter::Flavour::Excel
                                                                                 : CsvWriter::Flavour::Rfc4180));
}

} // namespace cp::cli
