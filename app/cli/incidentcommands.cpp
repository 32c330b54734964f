#include "incidentcommands.h"

#include "cliformat.h"
#include "templatecommands.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cp::cli {

namespace {

// The keys of a vocabulary, comma separated, for help texts and error messages.
template <typename Value> QString joinedKeys(const QList<Value> &values, QString (*key)(Value))
{
    QStringList keys;
    for (Value v : values)
        keys << key(v);
    return keys.join(QStringLiteral(", "));
}

QString severityKeys()
{
    return joinedKeys(IncidentVocabulary::allSeverities(), &IncidentVocabulary::severityKey);
}

QString statusKeys()
{
    return joinedKeys(IncidentVocabulary::allStatuses(), &IncidentVocabulary::statusKey);
}

QString kindKeys()
{
    return joinedKeys(IncidentVocabulary::allKinds(), &IncidentVocabulary::kindKey);
}

// The ID argument of show/set (Command has refused a second one).
std::optional<qint64> takeId(const CommandLine &line, int &exitCode)
{
    const QStringList args = line.positionalArguments();
    if (args.isEmpty()) {
        exitCode = line.usageError(IncidentCommands::tr("the incident ID is missing"));
        return std::nullopt;
    }
    auto id = parseId(args.constFirst());
    if (!id)
        exitCode = line.usageError(IncidentCommands::tr("'%1' is not an incident ID").arg(args.constFirst()));
    return id;
}

} // namespace

QList<Command> IncidentCommands::commands()
{
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
    return {
        Command(QStringLiteral("incident new"),
                QStringLiteral("--title T --severity SEV-n [--kind K] [--summary S] [--template KEY|none] [options]"),
                tr("declare an incident with its roles; prints its id"))
            .describe(tr("Declares an incident and prints its id. The declaration and its role structure are "
                         "logged on its timeline."))
            .writes()
            .option({QStringLiteral("title"), tr("What is happening, in a few words (required)."), tr("T")})
            .option({QStringLiteral("severity"), tr("%1; SEV-1 is the most urgent (required).").arg(severityKeys()),
                     tr("SEV-n")})
            .option({QStringLiteral("kind"), tr("%1 (default technical).").arg(kindKeys()), tr("KIND"),
                     QStringLiteral("technical")})
            .option({QStringLiteral("summary"), tr("A longer description."), tr("S")})
            .option({QStringLiteral("template"),
                     tr("The role structure it starts with (see 'templates list'); default technical-response, "
                        "business-response for a business incident; 'none' for no roles."),
                     tr("KEY")})
            .author()
            .run(&IncidentCommands::create),
        Command(QStringLiteral("incident list"), QStringLiteral("[--format text|json]"),
                tr("the incidents, open ones first"))
            .describe(tr("Lists the incidents, open ones first, newest first. Text: one per line, tab separated: "
                         "id, severity, status, kind, declared (ISO-8601 UTC), title. JSON: an array of objects."))
            .reads()
            .formats(formats)
            .run(&IncidentCommands::list),
        Command(QStringLiteral("incident show"), QStringLiteral("ID [--format text|json]"),
                tr("one incident, field by field"))
            .describe(tr("Shows one incident. Text: one \"field<TAB>value\" line per field (id, title, severity, "
                         "status, kind, declared, resolved, summary). JSON: one object."))
            .reads()
            .argument(QStringLiteral("ID"), tr("The incident's id."))
            .formats(formats)
            .run(&IncidentCommands::show),
        Command(QStringLiteral("incident set"),
                QStringLiteral("ID [--severity SEV-n] [--status S] [--title T] [--summary S] [--author A]"),
                tr("change an incident; every change is logged"))
            .describe(tr("Changes an incident; every change is logged on its timeline. Title and summary are one "
                         "change, then severity, then status, each saved on its own. Prints nothing."))
            .writes()
            .argument(QStringLiteral("ID"), tr("The incident's id."))
            .option({QStringLiteral("severity"), tr("New severity: %1.").arg(severityKeys()), tr("SEV-n")})
            .option({QStringLiteral("status"),
                     tr("New status: %1. Resolving checks what is still open (see 'incident resolve'); a resolved "
                        "incident changes status only through 'incident reopen'.")
                         .arg(statusKeys()),
                     tr("STATUS")})
            .option({QStringLiteral("title"), tr("New title."), tr("T")})
            .option({QStringLiteral("summary"), tr("New summary."), tr("S")})
            .author()
            .run(&IncidentCommands::set),
        Command(QStringLiteral("incident resolve"),
                QStringLiteral("ID [--check] [--ack REASON] [--ack-item KEY=REASON]... [--author A]"),
                tr("the resolve checklist; resolves once each item is settled or acknowledged"))
            .describe(tr("Resolves an incident once nothing is left open: open and unowned actions, halted "
                         "activities not restarted, roll-call misses, messages due or in review, the postmortem's "
                         "owner. Each item is settled with its own command or acknowledged here with a reason, which "
                         "goes on the timeline. Resolving closes open roll calls and stops the running timers. Prints "
                         "each item still open as \"key<TAB>text\"; with items left unacknowledged nothing is "
                         "written."))
            .writes()
            .argument(QStringLiteral("ID"), tr("The incident's id."))
            .option({QStringLiteral("check"), tr("Only list what is still open; change nothing.")})
            .option({QStringLiteral("ack"), tr("Acknowledge every item listed with this reason."), tr("REASON")})
            .option({QStringLiteral("ack-item"), tr("Acknowledge one item (its key from the list) with a reason."),
                     tr("KEY=REASON")})
            .author()
            .run(&IncidentCommands::resolve),
        Command(QStringLiteral("incident reopen"), QStringLiteral("ID --reason R [--status S] [--author A]"),
                tr("a resolved incident back to work, with the reason"))
            .describe(tr("Reopens a resolved incident; the reason goes on the timeline. Prints nothing."))
            .writes()
            .argument(QStringLiteral("ID"), tr("The incident's id."))
            .option({QStringLiteral("reason"), tr("Why it is reopened (required)."), tr("R")})
            .option({QStringLiteral("status"), tr("The status it goes back to (default investigating)."), tr("STATUS"),
                     QStringLiteral("investigating")})
            .author()
            .run(&IncidentCommands::reopen),
    };
}

int IncidentCommands::create(CommandCall &call)
{
    const CommandLine &line = call.line();
    if (line.isSet(QStringLiteral("template")) && line.value(QStringLiteral("template")).trimmed().isEmpty())
        return line.usageError(tr("--template needs a template key or 'none'"));
    if (!line.isSet(QStringLiteral("title")))
        return line.usageError(tr("--title is required"));
    if (!line.isSet(QStringLiteral("severity")))
        return line.usageError(tr("--severity is required"));

    NewIncident incident;
    incident.title = line.value(QStringLiteral("title"));
    // Never a null QString: the store would bind it as SQL NULL.
    incident.summary =
        line.isSet(QStringLiteral("summary")) ? line.value(QStringLiteral("summary")) : QStringLiteral("");
    const auto severity = IncidentVocabulary::severityFromKey(line.value(QStringLiteral("severity")));
    if (!severity)
        return line.usageError(
            tr("--severity must be one of %1, not '%2'").arg(severityKeys(), line.value(QStringLiteral("severity"))));
    incident.severity = *severity;
    const auto kind = IncidentVocabulary::kindFromKey(line.value(QStringLiteral("kind")));
    if (!kind)
        return line.usageError(
            tr("--kind must be one of %1, not '%2'").arg(kindKeys(), line.value(QStringLiteral("kind"))));
    incident.kind = *kind;
    const QString templateKey = line.isSet(QStringLiteral("template"))
                                    ? line.value(QStringLiteral("template")).trimmed()
                                : incident.kind == IncidentKind::Business ? QStringLiteral("business-response")
                                                                          : QStringLiteral("technical-response");
    if (templateKey != QLatin1String("none")) {
        auto roles = TemplateCommands::find(templateKey);
        if (!roles)
            return call.fail(roles.error());
        incident.roles = *roles;
    }

    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.printId(store->incidents().create(incident, call.author()));
}

int IncidentCommands::list(CommandCall &call)
{
    CliContext &context = call.context();
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto incidents = store->incidents().list();
    if (!incidents)
        return context.fail(incidents.error());
    if (call.json()) {
        QJsonArray array;
        for (const Incident &incident : std::as_const(*incidents))
            array.append(CliFormat::incidentJson(incident));
        context.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) << QLatin1Char('\n');
    } else {
        for (const Incident &incident : std::as_const(*incidents))
            context.out() << CliFormat::incidentRow(incident) << QLatin1Char('\n');
    }
    return context.finish();
}

int IncidentCommands::show(CommandCall &call)
{
    CliContext &context = call.context();
    int exitCode = 0;
    const auto id = takeId(call.line(), exitCode);
    if (!id)
        return exitCode;
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto incident = store->incidents().incident(*id);
    if (!incident)
        return context.fail(incident.error());
    QTextStream &out = context.out();
    if (call.json()) {
        out << QString::fromUtf8(QJsonDocument(CliFormat::incidentJson(*incident)).toJson(QJsonDocument::Compact))
            << QLatin1Char('\n');
    } else {
        const QList<std::pair<QString, QString>> fields{
            {QStringLiteral("id"), QString::number(incident->id)},
            {QStringLiteral("title"), incident->title},
            {QStringLiteral("severity"), IncidentVocabulary::severityKey(incident->severity)},
            {QStringLiteral("status"), IncidentVocabulary::statusKey(incident->status)},
            {QStringLiteral("kind"), IncidentVocabulary::kindKey(incident->kind)},
            {QStringLiteral("declared"), CliFormat::isoUtc(incident->declaredAt)},
            {QStringLiteral("resolved"), CliFormat::isoUtc(incident->resolvedAt)},
            {QStringLiteral("summary"), incident->summary},
        };
        for (const auto &[name, value] : fields)
            out << name << QLatin1Char('\t') << CliFormat::field(value) << QLatin1Char('\n');
    }
    return context.finish();
}

int IncidentCommands::set(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    int exitCode = 0;
    const auto id = takeId(line, exitCode);
    if (!id)
        return exitCode;

    // Every value is checked before anything is written.
    std::optional<Severity> severity;
    if (line.isSet(QStringLiteral("severity"))) {
        severity = IncidentVocabulary::severityFromKey(line.value(QStringLiteral("severity")));
        if (!severity)
            return line.usageError(tr("--severity must be one of %1, not '%2'")
                                       .arg(severityKeys(), line.value(QStringLiteral("severity"))));
    }
    std::optional<IncidentStatus> status;
    if (line.isSet(QStringLiteral("status"))) {
        status = IncidentVocabulary::statusFromKey(line.value(QStringLiteral("status")));
        if (!status)
            return line.usageError(
                tr("--status must be one of %1, not '%2'").arg(statusKeys(), line.value(QStringLiteral("status"))));
    }
    const bool details = line.isSet(QStringLiteral("title")) || line.isSet(QStringLiteral("summary"));
    if (!severity && !status && !details)
        return line.usageError(tr("nothing to change: give --severity, --status, --title or --summary"));
    const QString author = line.author();

    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto current = store->incidents().incident(*id);
    if (!current)
        return context.fail(current.error());
    if (details) {
        const QString title =
            line.isSet(QStringLiteral("title")) ? line.value(QStringLiteral("title")) : current->title;
        const QString summary =
            line.isSet(QStringLiteral("summary")) ? line.value(QStringLiteral("summary")) : current->summary;
        if (StoreError error = store->incidents().setDetails(*id, title, summary, author); !error.ok())
            return context.fail(error);
    }
    if (severity) {
        if (StoreError error = store->incidents().setSeverity(*id, *severity, author); !error.ok())
            return context.fail(error);
    }
    if (status) {
        if (StoreError error = store->resolution().setStatus(*id, *status, author); !error.ok())
            return context.fail(error);
    }
    return context.finish();
}

int IncidentCommands::resolve(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    int exitCode = 0;
    const auto id = takeId(line, exitCode);
    if (!id)
        return exitCode;
    QList<ResolveAcknowledgement> acknowledgements;
    for (const QString &reason : line.values(QStringLiteral("ack")))
        acknowledgements << ResolveAcknowledgement{QStringLiteral("*"), reason};
    for (const QString &item : line.values(QStringLiteral("ack-item"))) {
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return line.usageError(tr("--ack-item takes KEY=REASON, not '%1'").arg(item));
        acknowledgements << ResolveAcknowledgement{item.left(equals).trimmed(), item.mid(equals + 1)};
    }
    const bool check = line.isSet(QStringLiteral("check"));
    IncidentStore *store = call.store(check ? CliContext::Access::Read : CliContext::Access::Write);
    if (!store)
        return call.exitCode();
    auto blockers = store->resolution().blockers(*id);
    if (!blockers)
        return context.fail(blockers.error());
    for (const ResolveBlocker &blocker : std::as_const(*blockers))
        context.out() << blocker.key << QLatin1Char('\t') << CliFormat::field(blocker.text) << QLatin1Char('\n');
    if (check)
        return context.finish();
    return call.finish(store->resolution().resolve(*id, acknowledgements, call.author()));
}

int IncidentCommands::reopen(CommandCall &call)
{
    const CommandLine &line = call.line();
    int exitCode = 0;
    const auto id = takeId(line, exitCode);
    if (!id)
        return exitCode;
    if (line.value(QStringLiteral("reason")).trimmed().isEmpty())
        return line.usageError(tr("--reason is required: say why the incident is reopened"));
    const auto status = IncidentVocabulary::statusFromKey(line.value(QStringLiteral("status")));
    if (!status || *status == IncidentStatus::Resolved)
        return line.usageError(tr("--status must be investigating, identified or monitoring, not '%1'")
                                   .arg(line.value(QStringLiteral("status"))));
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.finish(store->resolution().reopen(*id, *status, line.value(QStringLiteral("reason")), call.author()));
}

} // namespace cp::cli
