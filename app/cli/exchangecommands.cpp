#include "exchangecommands.h"
#include "exchange/exchangerepository.h"

#include "domain/clock.h"
#include "domain/postmortem.h"
#include "exchange/importfile.h"
#include "exchange/incidentjson.h"
#include "logcommand.h"
#include "render/incidentexport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <istream>
#include <iterator>
#include <string>

namespace cp::cli {

namespace {

QStringList exportKeys()
{
    QStringList keys;
    for (IncidentExport::Format f : IncidentExport::all())
        keys << IncidentExport::key(f);
    return keys;
}

} // namespace

QList<Command> ExchangeCommands::commands()
{
    using Incident = Command::Incident;
    return {
        Command(
            QStringLiteral("export"),
            QStringLiteral("--incident ID --format md|txt|html|pdf|json|csv|csv-excel|ics201|ics207|ics214 [-o FILE]"),
            tr("postmortem draft, whole incident, timeline or ICS-style form"))
            .describe(tr(
                "Writes an incident as a postmortem draft (md, html, pdf), the lossless whole-incident "
                "document (json, for import), the timeline (csv; csv-excel with a UTF-8 BOM for Excel), the draft as "
                "plain text for chat (txt) or an ICS form (ics201 "
                "briefing, ics207 organisation chart, ics214 activity log). Without -o the export goes "
                "to standard output."))
            .reads()
            .incident(Incident::Required)
            .option({QStringLiteral("format"), tr("One of %1 (required).").arg(exportKeys().join(QStringLiteral(", "))),
                     tr("FORMAT")})
            .option({{QStringLiteral("o"), QStringLiteral("output")},
                     tr("Write to FILE (replaced only once the export is complete)."),
                     tr("FILE")})
            .required({QStringLiteral("format")})
            .needsGui()
            .run(&ExchangeCommands::exportIncident),
        Command(QStringLiteral("import"), QStringLiteral("FILE.json"),
                tr("a whole-incident document as a new incident; prints its id"))
            .describe(tr("Adds the incident of a commandpost-incident JSON document (from 'export --format json') "
                         "as a new incident with new ids; people and departments already in the database (same "
                         "handle or key) are kept as they are. The whole file is checked first: on any problem "
                         "nothing changes and the message names the place. Prints the new incident's id."))
            .writes()
            .argument(QStringLiteral("FILE.json"), tr("The document; - reads standard input."))
            .run(&ExchangeCommands::importIncident),
        Command(QStringLiteral("postmortem set"), QStringLiteral("--incident ID --owner WHO [--due TIME] [--author A]"),
                tr("name its owner and due date; prints the due time"))
            .describe(tr("Names the postmortem's owner and due date (logged on the timeline). Without --due: %1 for "
                         "SEV-1, %2 for SEV-2, %3 below, counted from the resolution (or from now while the "
                         "incident is open).")
                          .arg(PostmortemPolicy::ruleText(Severity::Sev1), PostmortemPolicy::ruleText(Severity::Sev2),
                               PostmortemPolicy::ruleText(Severity::Sev3)))
            .writes()
            .incident(Incident::Required)
            .option({QStringLiteral("owner"), tr("Who writes the postmortem (required)."), tr("WHO")})
            .option({QStringLiteral("due"), tr("When it is due: ISO-8601, e.g. 2026-11-25T17:00Z."), tr("TIME")})
            .required({QStringLiteral("owner")})
            .author()
            .run(&ExchangeCommands::setPostmortem),
        Command(QStringLiteral("postmortem show"), QStringLiteral("--incident ID [--format text|json]"),
                tr("the postmortem's owner and due date"))
            .describe(tr("Prints the postmortem's owner and due date (nothing when not named yet)."))
            .reads()
            .incident(Incident::Existing)
            .formats({QStringLiteral("text"), QStringLiteral("json")})
            .run(&ExchangeCommands::showPostmortem),
    };
}

int ExchangeCommands::exportIncident(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    const auto format = IncidentExport::fromKey(call.values().constFirst());
    if (!format)
        return line.usageError(tr("--format must be one of %1, not '%2'")
                                   .arg(exportKeys().join(QStringLiteral(", ")), call.values().constFirst()));
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    const QDateTime now = SystemClock::instance().nowUtc();
    if (!line.isSet(QStringLiteral("output"))) {
        context.out().flush();
        return call.finish(IncidentExport::write(*store, call.incidentId(), *format, context.stdoutDevice(), now));
    }
    const QString path = line.value(QStringLiteral("output"));
    return call.finish(IncidentExport::writeFile(*store, call.incidentId(), *format, path, now));
}

int ExchangeCommands::importIncident(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    if (line.positionalArguments().isEmpty())
        return line.usageError(tr("name the file to import"));
    const QString path = line.positionalArguments().constFirst();
    const Result<QByteArray> loaded =
        path == QLatin1String("-") ? ImportFile::read(context.in(), tr("standard input")) : ImportFile::read(path);
    if (!loaded)
        return context.fail(loaded.error());
    const QByteArray &bytes = *loaded;
    auto document = IncidentJson::read(bytes);
    if (!document)
        return context.fail({document.error().code(), tr("%1: %2").arg(path, document.error().message())});

    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto id = ExchangeRepository::importIncident(*store, *document);
    if (!id)
        return context.fail({id.error().code(), tr("%1: %2").arg(path, id.error().message())});
    context.out() << *id << QLatin1Char('\n');
    return context.finish();
}

int ExchangeCommands::setPostmortem(CommandCall &call)
{
    const CommandLine &line = call.line();
    QDateTime due;
    if (line.isSet(QStringLiteral("due"))) {
        due = LogCommand::parseTime(line.value(QStringLiteral("due")));
        if (!due.isValid())
            return line.usageError(tr("--due '%1' is not an ISO-8601 time such as 2026-11-25T17:00:00Z")
                                       .arg(line.value(QStringLiteral("due"))));
    }
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    if (!due.isValid()) {
        const Incident *incident = call.incident();
        if (!incident)
            return call.exitCode();
        const QDateTime from = incident->resolvedAt.isValid() ? incident->resolvedAt : SystemClock::instance().nowUtc();
        due = PostmortemPolicy::defaultDue(incident->severity, from);
    }
    if (StoreError error =
            store->incidents().setPostmortem(call.incidentId(), call.values().constFirst(), due, call.author());
        !error.ok())
        return call.fail(error);
    call.out() << due.toUTC().toString(Qt::ISODate) << QLatin1Char('\n');
    return call.finish();
}

int ExchangeCommands::showPostmortem(CommandCall &call)
{
    CliContext &context = call.context();
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto postmortem = store->incidents().postmortem(call.incidentId());
    if (!postmortem)
        return context.fail(postmortem.error());
    const std::optional<Postmortem> &p = *postmortem;
    if (call.json()) {
        QJsonObject object{{QStringLiteral("incident_id"), call.incidentId()}};
        object.insert(QStringLiteral("owner"), p ? QJsonValue(p->owner) : QJsonValue());
        object.insert(QStringLiteral("due_at"),
                      p ? QJsonValue(IncidentJson::timeText(p->dueAt.toMSecsSinceEpoch())) : QJsonValue());
        object.insert(QStringLiteral("assigned_by"), p ? QJsonValue(p->assignedBy) : QJsonValue());
        context.out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << QLatin1Char('\n');
    } else if (p) {
        context.out() << p->owner << QLatin1Char('\t') << p->dueAt.toUTC().toString(Qt::ISODate) << QLatin1Char('\n');
    }
    return context.finish();
}

} // namespace cp::cli
