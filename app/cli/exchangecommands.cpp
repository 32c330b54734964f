#include "exchangecommands.h"

#include "clicontext.h"
#include "commandline.h"
#include "domain/clock.h"
#include "domain/postmortem.h"
#include "exchange/incidentjson.h"
#include "logcommand.h"
#include "render/incidentexport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>
#include <istream>
#include <iterator>
#include <string>

namespace cp::cli {

bool ExchangeCommands::needsGui(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "export") == 0)
            return true;
    }
    return false;
}

int ExchangeCommands::exportIncident(CliContext &context, const QStringList &arguments)
{
    QStringList keys;
    for (IncidentExport::Format f : IncidentExport::all())
        keys << IncidentExport::key(f);
    CommandLine line(context, QStringLiteral("export"), QStringLiteral("--incident ID --format FORMAT [-o FILE]"),
                     tr("Writes an incident as a postmortem draft (md, html, pdf), the lossless whole-incident "
                        "document (json, for import), the timeline (csv) or an ICS-style paper form (ics201 "
                        "briefing, ics207 organisation chart, ics214 activity log). Without -o the export goes "
                        "to standard output."));
    line.addOption({QStringLiteral("incident"), tr("The incident's id (required)."), tr("ID")});
    line.addOption(
        {QStringLiteral("format"), tr("One of %1 (required).").arg(keys.join(QStringLiteral(", "))), tr("FORMAT")});
    line.addOption({QStringList{QStringLiteral("o"), QStringLiteral("output")},
                    tr("Write to FILE (replaced only once the export is complete)."), tr("FILE")});
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(QStringLiteral("incident"), {QStringLiteral("format")}, &exitCode);
    if (!required)
        return exitCode;
    const auto format = IncidentExport::fromKey(required->values.constFirst());
    if (!format)
        return line.usageError(tr("--format must be one of %1, not '%2'")
                                   .arg(keys.join(QStringLiteral(", ")), required->values.constFirst()));

    auto store = context.openStore(CliContext::Access::Read);
    if (!store)
        return context.fail(store.error());
    const QDateTime now = SystemClock::instance().nowUtc();
    if (!line.isSet(QStringLiteral("output"))) {
        context.out().flush();
        if (StoreError error = IncidentExport::write(**store, required->id, *format, context.stdoutDevice(), now))
            return context.fail(error);
        return context.finish();
    }
    const QString path = line.value(QStringLiteral("output"));
    if (StoreError error = IncidentExport::writeFile(**store, required->id, *format, path, now))
        return context.fail(error);
    return context.finish();
}

int ExchangeCommands::importIncident(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("import"), QStringLiteral("FILE.json"),
                     tr("Adds the incident of a commandpost-incident JSON document (from 'export --format json') "
                        "as a new incident with new ids; people and departments already in the database (same "
                        "handle or key) are kept as they are. The whole file is checked first: on any problem "
                        "nothing changes and the message names the place. Prints the new incident's id."));
    line.addPositionalArgument(QStringLiteral("FILE.json"), tr("The document; - reads standard input."));
    if (auto done = line.parse(arguments))
        return *done;
    if (line.positionalArguments().size() != 1)
        return line.usageError(line.positionalArguments().isEmpty()
                                   ? tr("name the file to import")
                                   : tr("unexpected argument '%1'").arg(line.positionalArguments().at(1)));
    const QString path = line.positionalArguments().constFirst();
    QByteArray bytes;
    if (path == QLatin1String("-")) {
        std::istream &in = context.in();
        bytes = QByteArray::fromStdString(std::string(std::istreambuf_iterator<char>(in), {}));
        if (in.bad())
            return context.fail({StoreError::Code::Io, tr("Reading standard input failed.")});
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return context.fail(
                {StoreError::Code::FileMissing, tr("Cannot read %1: %2").arg(path, file.errorString())});
        bytes = file.readAll();
    }
    auto document = IncidentJson::read(bytes);
    if (!document)
        return context.fail({document.error().code(), tr("%1: %2").arg(path, document.error().message())});

    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    auto id = (*store)->importIncident(*document);
    if (!id)
        return context.fail({id.error().code(), tr("%1: %2").arg(path, id.error().message())});
    context.out() << *id << QLatin1Char('\n');
    return context.finish();
}

int ExchangeCommands::postmortem(CliContext &context, const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("set")) {
        CommandLine line(context, QStringLiteral("postmortem set"),
                         QStringLiteral("--incident ID --owner WHO [--due TIME] [--author A]"),
                         tr("Names the postmortem's owner and due date (logged on the timeline). Without --due: "
                            "%1 for SEV-1, %2 for SEV-2, %3 below, counted from the resolution (or from now "
                            "while the incident is open).")
                             .arg(PostmortemPolicy::ruleText(Severity::Sev1),
                                  PostmortemPolicy::ruleText(Severity::Sev2),
                                  PostmortemPolicy::ruleText(Severity::Sev3)));
        line.addOption({QStringLiteral("incident"), tr("The incident's id (required)."), tr("ID")});
        line.addOption({QStringLiteral("owner"), tr("Who writes the postmortem (required)."), tr("WHO")});
        line.addOption({QStringLiteral("due"), tr("When it is due: ISO-8601, e.g. 2026-11-25T17:00Z."), tr("TIME")});
        line.addOption(CommandLine::authorOption());
        if (auto done = line.parse(arguments.mid(1)))
            return *done;
        int exitCode = 0;
        const auto required = line.required(QStringLiteral("incident"), {QStringLiteral("owner")}, &exitCode);
        if (!required)
            return exitCode;
        QDateTime due;
        if (line.isSet(QStringLiteral("due"))) {
            due = LogCommand::parseTime(line.value(QStringLiteral("due")));
            if (!due.isValid())
                return line.usageError(tr("--due '%1' is not an ISO-8601 time such as 2026-11-25T17:00:00Z")
                                           .arg(line.value(QStringLiteral("due"))));
        }
        auto store = context.openStore(CliContext::Access::Write);
        if (!store)
            return context.fail(store.error());
        if (!due.isValid()) {
            auto incident = (*store)->incident(required->id);
            if (!incident)
                return context.fail(incident.error());
            const QDateTime from =
                incident->resolvedAt.isValid() ? incident->resolvedAt : SystemClock::instance().nowUtc();
            due = PostmortemPolicy::defaultDue(incident->severity, from);
        }
        if (StoreError error = (*store)->setPostmortem(required->id, required->values.constFirst(), due, line.author()))
            return context.fail(error);
        context.out() << due.toUTC().toString(Qt::ISODate) << QLatin1Char('\n');
        return context.finish();
    }
    if (sub == QLatin1String("show")) {
        CommandLine line(context, QStringLiteral("postmortem show"),
                         QStringLiteral("--incident ID [--format text|json]"),
                         tr("Prints the postmortem's owner and due date (nothing when not named yet)."));
        line.addOption({QStringLiteral("incident"), tr("The incident's id (required)."), tr("ID")});
        line.addOption(CommandLine::formatOption({QStringLiteral("text"), QStringLiteral("json")}));
        if (auto done = line.parse(arguments.mid(1)))
            return *done;
        int exitCode = 0;
        const auto required = line.required(QStringLiteral("incident"), {}, &exitCode);
        if (!required)
            return exitCode;
        const auto format = line.format({QStringLiteral("text"), QStringLiteral("json")}, &exitCode);
        if (!format)
            return exitCode;
        auto store = context.openStore(CliContext::Access::Read);
        if (!store)
            return context.fail(store.error());
        if (auto incident = (*store)->incident(required->id); !incident)
            return context.fail(incident.error());
        auto postmortem = (*store)->postmortem(required->id);
        if (!postmortem)
            return context.fail(postmortem.error());
        const std::optional<Postmortem> &p = *postmortem;
        if (*format == QLatin1String("json")) {
            QJsonObject object{{QStringLiteral("incident_id"), required->id}};
            object.insert(QStringLiteral("owner"), p ? QJsonValue(p->owner) : QJsonValue());
            object.insert(QStringLiteral("due_at"),
                          p ? QJsonValue(IncidentJson::timeText(p->dueAt.toMSecsSinceEpoch())) : QJsonValue());
            object.insert(QStringLiteral("assigned_by"), p ? QJsonValue(p->assignedBy) : QJsonValue());
            context.out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact))
                          << QLatin1Char('\n');
        } else if (p) {
            context.out() << p->owner << QLatin1Char('\t') << p->dueAt.toUTC().toString(Qt::ISODate)
                          << QLatin1Char('\n');
        }
        return context.finish();
    }
    return context.usageError(sub.isEmpty() ? tr("postmortem needs 'set' or 'show'")
                                            : tr("unknown postmortem command '%1'").arg(sub),
                              QStringLiteral("postmortem"));
}

} // namespace cp::cli
