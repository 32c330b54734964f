#include "rolecommands.h"

#include "clicontext.h"
#include "cliformat.h"
#include "commandline.h"
#include "domain/rolesummary.h"
#include "templatecommands.h"

#include <QHash>

namespace cp::cli {

namespace {

const QString IncidentOption = QStringLiteral("incident");
const QString RoleOption = QStringLiteral("role");

QCommandLineOption incidentOption()
{
    return {IncidentOption, RoleCommands::tr("The incident's id (required)."), RoleCommands::tr("ID")};
}

QCommandLineOption roleOption()
{
    return {RoleOption, RoleCommands::tr("The role's key, as 'roles' shows it: ic, deputy, scribe, sme … (required)."),
            RoleCommands::tr("KEY")};
}

// How deep each role sits below the roots of the incident's tree.
QHash<QString, int> depths(const QList<IncidentRole> &roles)
{
    QHash<QString, QString> parents;
    for (const IncidentRole &r : roles)
        parents.insert(r.definition.key, r.definition.parentKey);
    QHash<QString, int> result;
    for (const IncidentRole &r : roles) {
        int depth = 0;
        QString parent = r.definition.parentKey;
        while (!parent.isEmpty() && parents.contains(parent) && depth < roles.size()) {
            ++depth;
            parent = parents.value(parent);
        }
        result.insert(r.definition.key, depth);
    }
    return result;
}

QString holdersText(const IncidentRole &role)
{
    if (role.holders.isEmpty())
        return role.definition.required ? RoleCommands::tr("VACANT (required)") : RoleCommands::tr("vacant");
    QStringList names;
    for (const RoleHolder &h : role.holders)
        names << QStringLiteral("%1 (%2)").arg(h.name, h.handle);
    return names.join(QStringLiteral(", "));
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(CliFormat::isoUtc(time)) : QJsonValue();
}

QJsonObject rolesJson(qint64 incidentId, const QList<IncidentRole> &roles, const QList<Assignment> &history)
{
    const QHash<QString, int> depth = depths(roles);
    QJsonArray roleArray;
    for (const IncidentRole &r : roles) {
        QJsonArray holders;
        for (const RoleHolder &h : r.holders)
            holders.append(QJsonObject{{QStringLiteral("assignment_id"), h.assignmentId},
                                       {QStringLiteral("person_id"), h.personId},
                                       {QStringLiteral("name"), h.name},
                                       {QStringLiteral("handle"), h.handle},
                                       {QStringLiteral("since"), CliFormat::isoUtc(h.since)}});
        const RoleDefinition &d = r.definition;
        roleArray.append(QJsonObject{
            {QStringLiteral("key"), d.key},
            {QStringLiteral("title"), d.title},
            {QStringLiteral("short"), d.shortName},
            {QStringLiteral("group"), d.group},
            {QStringLiteral("parent"), d.parentKey.isEmpty() ? QJsonValue() : QJsonValue(d.parentKey)},
            {QStringLiteral("depth"), depth.value(d.key)},
            {QStringLiteral("staff"), d.staff},
            {QStringLiteral("multiple"), d.multipleHolders},
            {QStringLiteral("required"), d.required},
            {QStringLiteral("vacant"), r.isVacant()},
            {QStringLiteral("vacant_required"), r.isVacantRequired()},
            {QStringLiteral("sub_team"), r.subTeam},
            {QStringLiteral("holders"), holders},
        });
    }
    QJsonArray vacant;
    for (const IncidentRole &r : RoleSummary::vacantRequired(roles))
        vacant.append(r.definition.key);
    QJsonArray overSpan;
    for (const IncidentRole &r : RoleSummary::overSpan(roles))
        overSpan.append(r.definition.key);
    QJsonArray stretches;
    for (const Assignment &a : history)
        stretches.append(QJsonObject{
            {QStringLiteral("id"), a.id},
            {QStringLiteral("role"), a.roleKey},
            {QStringLiteral("role_title"), a.roleTitle},
            {QStringLiteral("person_id"), a.personId},
            {QStringLiteral("person"), a.personName},
            {QStringLiteral("started_at"), CliFormat::isoUtc(a.startedAt)},
            {QStringLiteral("started_by"), a.startedBy},
            {QStringLiteral("ended_at"), timeOrNull(a.endedAt)},
            {QStringLiteral("ended_by"), a.endedAt.isValid() ? QJsonValue(a.endedBy) : QJsonValue()},
            {QStringLiteral("end_reason"), a.endedAt.isValid() ? QJsonValue(a.endReason) : QJsonValue()},
        });
    return QJsonObject{
        {QStringLiteral("incident"), incidentId},
        {QStringLiteral("roles"), roleArray},
        {QStringLiteral("vacant_required"), vacant},
        {QStringLiteral("over_span"), overSpan},
        {QStringLiteral("topic"), RoleSummary::chatTopic(roles)},
        {QStringLiteral("history"), stretches},
    };
}

// Opens the database for a role change and finds the people named, in the order given, before
// anything is written. An empty name stands for nobody (id 0): handover without --from.
struct Opened
{
    std::unique_ptr<IncidentStore> store;
    QList<qint64> people; // one id per name
};

std::optional<Opened> openForWrite(CliContext &context, const QStringList &names, int *exitCode)
{
    auto store = context.openStore(CliContext::Access::Write);
    if (!store) {
        *exitCode = context.fail(store.error());
        return std::nullopt;
    }
    Opened opened{std::move(*store), {}};
    for (const QString &who : names) {
        if (who.isEmpty()) {
            opened.people << 0;
            continue;
        }
        const auto person = opened.store->findPerson(who);
        if (!person) {
            *exitCode = context.fail(person.error());
            return std::nullopt;
        }
        opened.people << person->id;
    }
    return opened;
}

} // namespace

int RoleCommands::roles(CliContext &context, const QStringList &arguments)
{
    if (arguments.value(0) == QLatin1String("apply"))
        return apply(context, arguments.mid(1));
    return show(context, arguments);
}

int RoleCommands::show(CliContext &context, const QStringList &arguments)
{
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
    CommandLine line(context, QStringLiteral("roles"), QStringLiteral("--incident ID [options]"),
                     tr("Shows an incident's role tree with who holds each role. Text: one role per line, indented "
                        "two spaces per level: key, title, holders (\"Name (handle)\", comma separated; \"VACANT "
                        "(required)\" or \"vacant\" when nobody holds it), tab separated; then \"topic<TAB>\" and the "
                        "chat topic. JSON: {\"incident\", \"roles\", \"vacant_required\", \"over_span\", \"topic\", "
                        "\"history\"}. To add a template's roles: 'commandpost-cli roles apply --help'."));
    line.addOption(incidentOption());
    line.addOption(CommandLine::formatOption(formats));
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(IncidentOption, {}, &exitCode);
    if (!required)
        return exitCode;
    const qint64 incidentId = required->id;
    const auto format = line.format(formats, &exitCode);
    if (!format)
        return exitCode;

    auto store = context.openStore(CliContext::Access::Read);
    if (!store)
        return context.fail(store.error());
    if (auto incident = (*store)->incident(incidentId); !incident)
        return context.fail(incident.error());
    const auto roles = (*store)->roles(incidentId);
    if (!roles)
        return context.fail(roles.error());
    QTextStream &out = context.out();
    if (*format == QLatin1String("json")) {
        const auto history = (*store)->assignmentHistory(incidentId);
        if (!history)
            return context.fail(history.error());
        out << CliFormat::compactJson(rolesJson(incidentId, *roles, *history));
        return context.finish();
    }
    const QHash<QString, int> depth = depths(*roles);
    for (const IncidentRole &r : *roles)
        out << QString(2 * depth.value(r.definition.key), QLatin1Char(' ')) << CliFormat::field(r.definition.key)
            << QLatin1Char('\t') << CliFormat::field(r.definition.title) << QLatin1Char('\t')
            << CliFormat::field(holdersText(r)) << QLatin1Char('\n');
    out << QStringLiteral("topic\t") << CliFormat::field(RoleSummary::chatTopic(*roles)) << QLatin1Char('\n');
    return context.finish();
}

int RoleCommands::apply(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("roles apply"), QStringLiteral("--incident ID --template KEY [options]"),
                     tr("Adds the roles of a template that the incident does not have yet (see 'templates list'). "
                        "With --under, the template's top roles report to that role: a business tree under the "
                        "technical IC. Logged on the timeline; prints nothing."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("template"), tr("The template's key (required)."), tr("KEY")});
    line.addOption({QStringLiteral("under"), tr("The role the template's top roles report to."), tr("ROLEKEY")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(IncidentOption, {QStringLiteral("template")}, &exitCode);
    if (!required)
        return exitCode;
    const auto roleTemplate = TemplateCommands::find(required->values.at(0));
    if (!roleTemplate)
        return context.fail(roleTemplate.error());

    const auto opened = openForWrite(context, {}, &exitCode);
    if (!opened)
        return exitCode;
    if (StoreError error = opened->store->applyTemplate(required->id, *roleTemplate,
                                                        line.value(QStringLiteral("under")).trimmed(), line.author()))
        return context.fail(error);
    return context.finish();
}

int RoleCommands::assign(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("assign"),
                     QStringLiteral("--incident ID --role KEY --person WHO [options]"),
                     tr("Gives a role to a person from the roster and prints the assignment's id once saved. A role "
                        "for one person that is already held must be handed over instead."));
    line.addOption(incidentOption());
    line.addOption(roleOption());
    line.addOption({QStringLiteral("person"),
                    tr("Who: a handle, a full name, or the unique start of either (required)."), tr("WHO")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(IncidentOption, {RoleOption, QStringLiteral("person")}, &exitCode);
    if (!required)
        return exitCode;

    const auto opened = openForWrite(context, {required->values.at(1)}, &exitCode);
    if (!opened)
        return exitCode;
    const auto id = opened->store->assign(required->id, required->values.at(0), opened->people.at(0), line.author());
    if (!id)
        return context.fail(id.error());
    context.out() << *id << QLatin1Char('\n');
    return context.finish();
}

int RoleCommands::handOver(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("handover"), QStringLiteral("--incident ID --role KEY --to WHO [options]"),
                     tr("Hands a role over: the current holder's stretch ends and the new holder's starts, in one "
                        "step. Logged on the timeline as a key event; prints nothing."));
    line.addOption(incidentOption());
    line.addOption(roleOption());
    line.addOption({QStringLiteral("to"), tr("Who takes the role over (required)."), tr("WHO")});
    line.addOption(
        {QStringLiteral("from"), tr("Whose place is handed over; needed when several hold the role."), tr("WHO")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(IncidentOption, {RoleOption, QStringLiteral("to")}, &exitCode);
    if (!required)
        return exitCode;
    if (line.isSet(QStringLiteral("from")) && line.value(QStringLiteral("from")).trimmed().isEmpty())
        return line.usageError(tr("--from needs a value"));

    // --from, then --to: when both are unknown, the one reported is --from.
    const auto opened = openForWrite(context, {line.value(QStringLiteral("from")), required->values.at(1)}, &exitCode);
    if (!opened)
        return exitCode;
    if (StoreError error = opened->store->handOver(required->id, required->values.at(0), opened->people.at(0),
                                                   opened->people.at(1), line.author()))
        return context.fail(error);
    return context.finish();
}

int RoleCommands::release(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("release"),
                     QStringLiteral("--incident ID --role KEY --person WHO [options]"),
                     tr("Releases a person from a role. Logged on the timeline; prints nothing."));
    line.addOption(incidentOption());
    line.addOption(roleOption());
    line.addOption({QStringLiteral("person"), tr("Who is released (required)."), tr("WHO")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(IncidentOption, {RoleOption, QStringLiteral("person")}, &exitCode);
    if (!required)
        return exitCode;

    const auto opened = openForWrite(context, {required->values.at(1)}, &exitCode);
    if (!opened)
        return exitCode;
    if (StoreError error =
            opened->store->release(required->id, required->values.at(0), opened->people.at(0), line.author()))
        return context.fail(error);
    return context.finish();
}

int RoleCommands::takeCommand(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("take-command"), QStringLiteral("--incident ID [options]"),
                     tr("The Deputy takes command; the outgoing commander is released, or becomes Deputy with "
                        "--outgoing-becomes-deputy. Once saved, prints the catch-up summary for the new commander: "
                        "state, who holds what, gaps, the last status report and recent key events."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("outgoing-becomes-deputy"), tr("The outgoing commander becomes the Deputy.")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(IncidentOption, {}, &exitCode);
    if (!required)
        return exitCode;
    const qint64 incidentId = required->id;

    const auto opened = openForWrite(context, {}, &exitCode);
    if (!opened)
        return exitCode;
    IncidentStore &store = *opened->store;
    if (auto incident = store.incident(incidentId); !incident)
        return context.fail(incident.error());
    if (StoreError error =
            store.takeCommand(incidentId, line.isSet(QStringLiteral("outgoing-becomes-deputy")), line.author()))
        return context.fail(error);

    // Saved; now the briefing, from what is on disk.
    const auto incident = store.incident(incidentId);
    if (!incident)
        return context.fail(incident.error());
    const auto roles = store.roles(incidentId);
    if (!roles)
        return context.fail(roles.error());
    TimelinePage page;
    page.incidentId = incidentId;
    page.oldestFirst = false;
    page.limit = 100;
    const auto recent = store.entries(page);
    if (!recent)
        return context.fail(recent.error());
    context.out() << RoleSummary::catchUp(*incident, *roles, *recent, store.clock().nowUtc()) << QLatin1Char('\n');
    return context.finish();
}

int RoleCommands::subTeam(CliContext &context, const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("add"))
        return addSubTeam(context, arguments.mid(1));
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        context.out() << tr("Usage: commandpost-cli subteam add --incident ID --name NAME [--author A]\n"
                            "Run 'commandpost-cli subteam add --help' for details.\n");
        return context.finish();
    }
    if (sub.isEmpty())
        return context.usageError(tr("'subteam' needs a subcommand: add"), QStringLiteral("subteam"));
    return context.usageError(tr("unknown subcommand 'subteam %1'; use add").arg(sub), QStringLiteral("subteam"));
}

int RoleCommands::addSubTeam(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("subteam add"), QStringLiteral("--incident ID --name NAME [options]"),
                     tr("Forms a sub-team (Alpha, Bravo …): a lead role reporting to the commander and a members "
                        "role reporting to the lead. Once saved, prints the two new role keys (lead, then members), "
                        "one per line, for 'assign --role'."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("name"), tr("The sub-team's name (required)."), tr("NAME")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(IncidentOption, {QStringLiteral("name")}, &exitCode);
    if (!required)
        return exitCode;
    const QString &name = required->values.at(0);

    const auto opened = openForWrite(context, {}, &exitCode);
    if (!opened)
        return exitCode;
    if (auto incident = opened->store->incident(required->id); !incident)
        return context.fail(incident.error());
    if (StoreError error = opened->store->addSubTeam(required->id, name, line.author()))
        return context.fail(error);
    const auto roles = opened->store->roles(required->id);
    if (!roles)
        return context.fail(roles.error());
    for (const IncidentRole &r : *roles) {
        if (r.subTeam == name)
            context.out() << r.definition.key << QLatin1Char('\n');
    }
    return context.finish();
}

} // namespace cp::cli
