#include "incidentcommands.h"

#include "clicontext.h"
#include "cliformat.h"
#include "commandline.h"
#include "templatecommands.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cp::cli {

namespace {

const QString FormatOption = QStringLiteral("format");

QCommandLineOption formatOption()
{
    return QCommandLineOption(FormatOption, IncidentCommands::tr("Output format: text (default) or json."),
                              IncidentCommands::tr("FORMAT"), QStringLiteral("text"));
}

// Whether --format asks for JSON; an error message for anything but text or json.
std::optional<QString> wantsJson(const CommandLine &line, bool &json)
{
    const QString format = line.value(FormatOption);
    json = format == QLatin1String("json");
    if (!json && format != QLatin1String("text"))
        return IncidentCommands::tr("--format must be text or json, not '%1'").arg(format);
    return std::nullopt;
}

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

// The single ID argument of show/set.
std::optional<qint64> takeId(const CommandLine &line, int &exitCode)
{
    const QStringList args = line.positionalArguments();
    if (args.isEmpty()) {
        exitCode = line.usageError(IncidentCommands::tr("the incident ID is missing"));
        return std::nullopt;
    }
    if (args.size() > 1) {
        exitCode = line.usageError(IncidentCommands::tr("unexpected argument '%1'").arg(args.at(1)));
        return std::nullopt;
    }
    auto id = parseId(args.constFirst());
    if (!id)
        exitCode = line.usageError(IncidentCommands::tr("'%1' is not an incident ID").arg(args.constFirst()));
    return id;
}

} // namespace

QString IncidentCommands::helpText()
{
    return tr("Usage: commandpost-cli incident new|list|show|set [options]\n"
              "  new   --title T --severity SEV-n [--kind K] [--summary S] [--template KEY|none] [--author A]\n"
              "        prints the new id\n"
              "  list  [--format text|json]\n"
              "  show  ID [--format text|json]\n"
              "  set   ID [--severity SEV-n] [--status S] [--title T] [--summary S] [--author A]\n"
              "Run 'commandpost-cli incident SUBCOMMAND --help' for details.\n");
}

int IncidentCommands::run(CliContext &context, const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QLatin1String("new"))
        return create(context, rest);
    if (sub == QLatin1String("list"))
        return list(context, rest);
    if (sub == QLatin1String("show"))
        return show(context, rest);
    if (sub == QLatin1String("set"))
        return set(context, rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        context.out() << helpText();
        return context.finish();
    }
    if (sub.isEmpty())
        return context.usageError(tr("'incident' needs a subcommand: new, list, show or set"),
                                  QStringLiteral("incident"));
    return context.usageError(tr("unknown subcommand 'incident %1'; use new, list, show or set").arg(sub),
                              QStringLiteral("incident"));
}

int IncidentCommands::create(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("incident new"), QStringLiteral("--title T --severity SEV-n [options]"),
                     tr("Declares an incident and prints its id. The declaration and its role structure are logged "
                        "on its timeline."));
    line.addOption({QStringLiteral("title"), tr("What is happening, in a few words (required)."), tr("T")});
    line.addOption(
        {QStringLiteral("severity"), tr("%1; SEV-1 is the most urgent (required).").arg(severityKeys()), tr("SEV-n")});
    line.addOption({QStringLiteral("kind"), tr("%1 (default technical).").arg(kindKeys()), tr("KIND"),
                    QStringLiteral("technical")});
    line.addOption({QStringLiteral("summary"), tr("A longer description."), tr("S")});
    line.addOption({QStringLiteral("template"),
                    tr("The role structure it starts with (see 'templates list'); default technical-response, "
                       "business-response for a business incident; 'none' for no roles."),
                    tr("KEY")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    if (!line.positionalArguments().isEmpty())
        return line.usageError(tr("unexpected argument '%1'").arg(line.positionalArguments().constFirst()));
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
            return context.fail(roles.error());
        incident.roles = *roles;
    }

    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    auto id = (*store)->createIncident(incident, line.author());
    if (!id)
        return context.fail(id.error());
    context.out() << *id << QLatin1Char('\n');
    return context.finish();
}

int IncidentCommands::list(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("incident list"), QStringLiteral("[options]"),
                     tr("Lists the incidents, open ones first, newest first. Text: one per line, tab separated: "
                        "id, severity, status, kind, declared (ISO-8601 UTC), title. JSON: an array of objects."));
    line.addOption(formatOption());
    if (auto done = line.parse(arguments))
        return *done;
    if (!line.positionalArguments().isEmpty())
        return line.usageError(tr("unexpected argument '%1'").arg(line.positionalArguments().constFirst()));
    bool json = false;
    if (auto problem = wantsJson(line, json))
        return line.usageError(*problem);

    auto store = context.openStore(CliContext::Access::Read);
    if (!store)
        return context.fail(store.error());
    auto incidents = (*store)->incidents();
    if (!incidents)
        return context.fail(incidents.error());
    if (json) {
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

int IncidentCommands::show(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("incident show"), QStringLiteral("ID [options]"),
                     tr("Shows one incident. Text: one \"field<TAB>value\" line per field (id, title, severity, "
                        "status, kind, declared, resolved, summary). JSON: one object."));
    line.addPositionalArgument(QStringLiteral("ID"), tr("The incident's id."));
    line.addOption(formatOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto id = takeId(line, exitCode);
    if (!id)
        return exitCode;
    bool json = false;
    if (auto problem = wantsJson(line, json))
        return line.usageError(*problem);

    auto store = context.openStore(CliContext::Access::Read);
    if (!store)
        return context.fail(store.error());
    auto incident = (*store)->incident(*id);
    if (!incident)
        return context.fail(incident.error());
    QTextStream &out = context.out();
    if (json) {
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

int IncidentCommands::set(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("incident set"), QStringLiteral("ID [options]"),
                     tr("Changes an incident; every change is logged on its timeline. Title and summary are one "
                        "change, then severity, then status, each saved on its own. Prints nothing."));
    line.addPositionalArgument(QStringLiteral("ID"), tr("The incident's id."));
    line.addOption({QStringLiteral("severity"), tr("New severity: %1.").arg(severityKeys()), tr("SEV-n")});
    line.addOption({QStringLiteral("status"), tr("New status: %1.").arg(statusKeys()), tr("STATUS")});
    line.addOption({QStringLiteral("title"), tr("New title."), tr("T")});
    line.addOption({QStringLiteral("summary"), tr("New summary."), tr("S")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
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

    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    auto current = (*store)->incident(*id);
    if (!current)
        return context.fail(current.error());
    if (details) {
        const QString title =
            line.isSet(QStringLiteral("title")) ? line.value(QStringLiteral("title")) : current->title;
        const QString summary =
            line.isSet(QStringLiteral("summary")) ? line.value(QStringLiteral("summary")) : current->summary;
        if (StoreError error = (*store)->setDetails(*id, title, summary, author))
            return context.fail(error);
    }
    if (severity) {
        if (StoreError error = (*store)->setSeverity(*id, *severity, author))
            return context.fail(error);
    }
    if (status) {
        if (StoreError error = (*store)->setStatus(*id, *status, author))
            return context.fail(error);
    }
    return context.finish();
}

} // namespace cp::cli
