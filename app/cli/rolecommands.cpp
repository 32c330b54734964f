#include "rolecommands.h"

#include "cliformat.h"
#include "domain/rolesummary.h"
#include "templatecommands.h"

#include <QHash>

namespace cp::cli {

namespace {

const QString RoleOption = QStringLiteral("role");

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
            {QStringLiteral("ended_at"), CliFormat::timeOrNull(a.endedAt)},
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
// anything is written: one id per name. An empty name stands for nobody (id 0): handover without --from.
std::optional<QList<qint64>> findPeople(CommandCall &call, const QStringList &names, int *exitCode)
{
    IncidentStore *store = call.store();
    if (!store) {
        *exitCode = call.exitCode();
        return std::nullopt;
    }
    QList<qint64> people;
    for (const QString &who : names) {
        if (who.isEmpty()) {
            people << 0;
            continue;
        }
        const auto person = store->roster().findPerson(who);
        if (!person) {
            *exitCode = call.fail(person.error());
            return std::nullopt;
        }
        people << person->id;
    }
    return people;
}

} // namespace

QList<Command> RoleCommands::commands()
{
    using Incident = Command::Incident;
    return {
        Command(QStringLiteral("roles"), QStringLiteral("--incident ID [--format text|json]"),
                tr("the role tree, who holds what, the chat topic"))
            .describe(tr("Shows an incident's role tree with who holds each role. Text: one role per line, indented "
                         "two spaces per level: key, title, holders (\"Name (handle)\", comma separated; \"VACANT "
                         "(required)\" or \"vacant\" when nobody holds it), tab separated; then \"topic<TAB>\" and "
                         "the chat topic. JSON: {\"incident\", \"roles\", \"vacant_required\", \"over_span\", "
                         "\"topic\", \"history\"}. To add a template's roles: 'commandpost-cli roles apply --help'."))
            .reads()
            .incident(Incident::Existing)
            .formats({QStringLiteral("text"), QStringLiteral("json")})
            .run(&RoleCommands::show),
        Command(QStringLiteral("roles apply"), QStringLiteral("--incident ID --template KEY [--under ROLEKEY]"),
                tr("add a template's roles the incident does not have yet"))
            .describe(tr("Adds the roles of a template that the incident does not have yet (see 'templates list'). "
                         "With --under, the template's top roles report to that role: a business tree under the "
                         "technical IC. Logged on the timeline; prints nothing."))
            .writes()
            .incident(Incident::Required)
            .option({QStringLiteral("template"), tr("The template's key (required)."), tr("KEY")})
            .option({QStringLiteral("under"), tr("The role the template's top roles report to."), tr("ROLEKEY")})
            .required({QStringLiteral("template")})
            .author()
            .run(&RoleCommands::apply),
        Command(QStringLiteral("assign"), QStringLiteral("--incident ID --role KEY --person WHO [--author A]"),
                tr("give a role to a person; prints the assignment id"))
            .describe(tr("Gives a role to a person from the roster and prints the assignment's id once saved. A "
                         "role for one person that is already held must be handed over instead."))
            .writes()
            .incident(Incident::Required)
            .option(roleOption())
            .option({QStringLiteral("person"),
                     tr("Who: a handle, a full name, or the unique start of either (required)."), tr("WHO")})
            .required({RoleOption, QStringLiteral("person")})
            .author()
            .run(&RoleCommands::assign),
        Command(QStringLiteral("handover"),
                QStringLiteral("--incident ID --role KEY --to WHO [--from WHO] [--author A]"),
                tr("the holder's stretch ends and the new holder's starts, in one step"))
            .describe(tr("Hands a role over: the current holder's stretch ends and the new holder's starts, in one "
                         "step. Logged on the timeline as a key event; prints nothing."))
            .writes()
            .incident(Incident::Required)
            .option(roleOption())
            .option({QStringLiteral("to"), tr("Who takes the role over (required)."), tr("WHO")})
            .option({QStringLiteral("from"), tr("Whose place is handed over; needed when several hold the role."),
                     tr("WHO")})
            .required({RoleOption, QStringLiteral("to")})
            .author()
            .run(&RoleCommands::handOver),
        Command(QStringLiteral("release"), QStringLiteral("--incident ID --role KEY --person WHO [--author A]"),
                tr("release a person from a role"))
            .describe(tr("Releases a person from a role. Logged on the timeline; prints nothing."))
            .writes()
            .incident(Incident::Required)
            .option(roleOption())
            .option({QStringLiteral("person"), tr("Who is released (required)."), tr("WHO")})
            .required({RoleOption, QStringLiteral("person")})
            .author()
            .run(&RoleCommands::release),
        Command(QStringLiteral("take-command"),
                QStringLiteral("--incident ID [--outgoing-becomes-deputy] [--author A]"),
                tr("the Deputy takes command; prints the catch-up summary"))
            .describe(tr("The Deputy takes command; the outgoing commander is released, or becomes Deputy with "
                         "--outgoing-becomes-deputy. Once saved, prints the catch-up summary for the new commander: "
                         "state, who holds what, gaps, the last status report and recent key events."))
            .writes()
            .incident(Incident::Existing)
            .option({QStringLiteral("outgoing-becomes-deputy"), tr("The outgoing commander becomes the Deputy.")})
            .author()
            .run(&RoleCommands::takeCommand),
        Command(QStringLiteral("subteam add"), QStringLiteral("--incident ID --name NAME [--author A]"),
                tr("form a sub-team; prints its two new role keys"))
            .describe(tr("Forms a sub-team (Alpha, Bravo …): a lead role reporting to the commander and a members "
                         "role reporting to the lead. Once saved, prints the two new role keys (lead, then "
                         "members), one per line, for 'assign --role'."))
            .writes()
            .incident(Incident::Existing)
            .option({QStringLiteral("name"), tr("The sub-team's name (required)."), tr("NAME")})
            .required({QStringLiteral("name")})
            .author()
            .run(&RoleCommands::addSubTeam),
    };
}

int RoleCommands::show(CommandCall &call)
{
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    const qint64 incidentId = call.incidentId();
    const auto roles = store->roles().list(incidentId);
    if (!roles)
        return call.fail(roles.error());
    QTextStream &out = call.out();
    if (call.json()) {
        const auto history = store->roles().assignmentHistory(incidentId);
        if (!history)
            return call.fail(history.error());
        out << CliFormat::compactJson(rolesJson(incidentId, *roles, *history));
        return call.finish();
    }
    const QHash<QString, int> depth = depths(*roles);
    for (const IncidentRole &r : *roles)
        out << QString(2 * depth.value(r.definition.key), QLatin1Char(' ')) << CliFormat::field(r.definition.key)
            << QLatin1Char('\t') << CliFormat::field(r.definition.title) << QLatin1Char('\t')
            << CliFormat::field(holdersText(r)) << QLatin1Char('\n');
    out << QStringLiteral("topic\t") << CliFormat::field(RoleSummary::chatTopic(*roles)) << QLatin1Char('\n');
    return call.finish();
}

int RoleCommands::apply(CommandCall &call)
{
    const auto roleTemplate = TemplateCommands::find(call.values().at(0));
    if (!roleTemplate)
        return call.fail(roleTemplate.error());
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.finish(store->roles().applyTemplate(call.incidentId(), *roleTemplate,
                                                    call.value(QStringLiteral("under")).trimmed(), call.author()));
}

int RoleCommands::assign(CommandCall &call)
{
    int exitCode = 0;
    const auto people = findPeople(call, {call.values().at(1)}, &exitCode);
    if (!people)
        return exitCode;
    return call.printId(
        call.store()->roles().assign(call.incidentId(), call.values().at(0), people->at(0), call.author()));
}

int RoleCommands::handOver(CommandCall &call)
{
    if (call.isSet(QStringLiteral("from")) && call.value(QStringLiteral("from")).trimmed().isEmpty())
        return call.usageError(tr("--from needs a value"));
    // --from, then --to: when both are unknown, the one reported is --from.
    int exitCode = 0;
    const auto people = findPeople(call, {call.value(QStringLiteral("from")), call.values().at(1)}, &exitCode);
    if (!people)
        return exitCode;
    return call.finish(call.store()->roles().handOver(call.incidentId(), call.values().at(0), people->at(0),
                                                      people->at(1), call.author()));
}

int RoleCommands::release(CommandCall &call)
{
    int exitCode = 0;
    const auto people = findPeople(call, {call.values().at(1)}, &exitCode);
    if (!people)
        return exitCode;
    return call.finish(
        call.store()->roles().release(call.incidentId(), call.values().at(0), people->at(0), call.author()));
}

int RoleCommands::takeCommand(CommandCall &call)
{
    IncidentStore *opened = call.store();
    if (!opened)
        return call.exitCode();
    IncidentStore &store = *opened;
    const qint64 incidentId = call.incidentId();
    if (StoreError error =
            store.roles().takeCommand(incidentId, call.isSet(QStringLiteral("outgoing-becomes-deputy")), call.author());
        !error.ok())
        return call.fail(error);

    // Saved; now the briefing, from what is on disk.
    const auto incident = store.incidents().incident(incidentId);
    if (!incident)
        return call.fail(incident.error());
    const auto roles = store.roles().list(incidentId);
    if (!roles)
        return call.fail(roles.error());
    TimelinePage page;
    page.incidentId = incidentId;
    page.oldestFirst = false;
    page.limit = 100;
    const auto recent = store.timeline().entries(page);
    if (!recent)
        return call.fail(recent.error());
    call.out() << RoleSummary::catchUp(*incident, *roles, *recent, store.session().clock().nowUtc())
               << QLatin1Char('\n');
    return call.finish();
}

int RoleCommands::addSubTeam(CommandCall &call)
{
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    const QString &name = call.values().at(0);
    if (StoreError error = store->roles().addSubTeam(call.incidentId(), name, call.author()); !error.ok())
        return call.fail(error);
    const auto roles = store->roles().list(call.incidentId());
    if (!roles)
        return call.fail(roles.error());
    for (const IncidentRole &r : *roles) {
        if (r.subTeam == name)
            call.out() << r.definition.key << QLatin1Char('\n');
    }
    return call.finish();
}

} // namespace cp::cli
