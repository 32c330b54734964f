#include "actioncommands.h"

#include "timers/timerlineparser.h"

#include <QJsonObject>

namespace cp::cli {

namespace {

QJsonObject actionJson(const IncidentAction &a)
{
    return QJsonObject{
        {QStringLiteral("id"), a.id},
        {QStringLiteral("incident"), a.incidentId},
        {QStringLiteral("text"), a.text},
        {QStringLiteral("owner"), CliFormat::textOrNull(a.ownerName)},
        {QStringLiteral("owner_role"), CliFormat::textOrNull(a.ownerRoleKey)},
        {QStringLiteral("status"), ActionVocabulary::statusKey(a.status)},
        {QStringLiteral("follow_up"), a.followUp},
        {QStringLiteral("timer"), a.timerId > 0 ? QJsonValue(a.timerId) : QJsonValue()},
        {QStringLiteral("from_item"), a.originItemId > 0 ? QJsonValue(a.originItemId) : QJsonValue()},
        {QStringLiteral("created_at"), CliFormat::isoUtc(a.createdAt)},
        {QStringLiteral("created_by"), a.createdBy},
        {QStringLiteral("closed_at"), CliFormat::timeOrNull(a.closedAt)},
    };
}

} // namespace

std::optional<ActionCommands::Owner> ActionCommands::ownerFrom(const CommandLine &line, IncidentStore &store,
                                                               CliContext &context, int *exitCode, qint64 incidentId)
{
    Owner owner;
    if (line.isSet(QStringLiteral("owner"))) {
        const QString role = line.value(QStringLiteral("owner")).trimmed();
        owner.roleKey = role == QLatin1String("none") ? QString() : role;
        if (incidentId > 0 && !owner.roleKey->isEmpty()) {
            auto roles = store.roles().list(incidentId);
            if (!roles) {
                *exitCode = context.fail(roles.error());
                return std::nullopt;
            }
            if (std::none_of(roles->cbegin(), roles->cend(),
                             [&owner](const IncidentRole &r) { return r.definition.key == *owner.roleKey; })) {
                *exitCode =
                    context.fail(StoreError(StoreError::Code::NotFound,
                                            tr("Incident #%1 has no role “%2”.").arg(incidentId).arg(*owner.roleKey)));
                return std::nullopt;
            }
        }
    }
    if (line.isSet(QStringLiteral("owner-person"))) {
        const QString who = line.value(QStringLiteral("owner-person")).trimmed();
        if (who == QLatin1String("none") || who.isEmpty()) {
            owner.personId = 0;
        } else {
            auto p = store.roster().findPerson(who);
            if (!p) {
                *exitCode = context.fail(p.error());
                return std::nullopt;
            }
            owner.personId = p->id;
        }
    }
    return owner;
}

QList<Command> ActionCommands::commands()
{
    using Incident = Command::Incident;
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
    const QString statuses = tr("Statuses: proposed, assigned, in-progress, done, cancelled.");
    return {
        Command(QStringLiteral("action add"),
                QStringLiteral("--incident ID (--text T | --from-item ITEM) [--owner ROLE] [--owner-person WHO] "
                               "[--status S] [--timebox 15m] [--follow-up]"),
                tr("an action the IC delegates; prints its id"))
            .describe(tr("Adds an action the IC delegates and prints its id once saved. --from-item turns a CAN "
                         "report's Needs into the action (its text unless --text is given)."))
            .writes()
            .incident(Incident::Required)
            .option({QStringLiteral("text"), tr("What is to be done."), tr("TEXT")})
            .option({QStringLiteral("from-item"), tr("A roll-call item whose Needs become the action."), tr("ITEM")})
            .option({QStringLiteral("owner"), tr("The owner role, by key."), tr("ROLE")})
            .option({QStringLiteral("owner-person"), tr("The owner: a handle or a name."), tr("WHO")})
            .option({QStringLiteral("status"),
                     tr("proposed, assigned, in-progress, done, cancelled (default: assigned with an owner, "
                        "proposed without)."),
                     tr("STATUS")})
            .option({QStringLiteral("timebox"), tr("A countdown for the action: 15m."), tr("DURATION")})
            .option({QStringLiteral("follow-up"), tr("A preventive follow-up for the postmortem.")})
            .author()
            .groupNote(statuses)
            .run(&ActionCommands::add),
        Command(QStringLiteral("action set"),
                QStringLiteral("ID [--status S] [--text T] [--owner ROLE|none] [--owner-person WHO|none] "
                               "[--follow-up yes|no]"),
                tr("change an action's status, text, owner or follow-up mark"))
            .describe(tr("Changes an action: its status, text, owner or follow-up mark. The change goes on the "
                         "timeline; a done or cancelled action's time-box stops."))
            .writes()
            .argument(QStringLiteral("ID"), tr("The action's id."))
            .option({QStringLiteral("status"), tr("proposed, assigned, in-progress, done, cancelled."), tr("STATUS")})
            .option({QStringLiteral("text"), tr("The new wording."), tr("TEXT")})
            .option({QStringLiteral("owner"), tr("The owner role, by key; none clears it."), tr("ROLE")})
            .option({QStringLiteral("owner-person"), tr("The owner; none clears it."), tr("WHO")})
            .option({QStringLiteral("follow-up"), tr("yes or no: a follow-up for the postmortem."), tr("YES|NO")})
            .author()
            .run(&ActionCommands::set),
        Command(QStringLiteral("action list"), QStringLiteral("--incident ID [--open] [--format text|json]"),
                tr("the actions, open ones first"))
            .describe(tr("Prints the incident's actions, open ones first: id, status, owner, follow-up, text."))
            .reads()
            .incident(Incident::Existing)
            .option({QStringLiteral("open"), tr("Only the open ones.")})
            .formats(formats)
            .run(&ActionCommands::list),
        Command(QStringLiteral("decision add"),
                QStringLiteral("--incident ID --proposal T [--objections none|not-asked|TEXT] "
                               "[--outcome adopted|rejected|deferred] [--decided-by WHO]"),
                tr("record a decision; prints its id"))
            .describe(tr("Records a decision: the proposal, the \"any strong objections?\" check and the "
                         "outcome. Logged on the timeline as a key event; prints its id."))
            .writes()
            .incident(Incident::Required)
            .option({QStringLiteral("proposal"), tr("What was proposed (required)."), tr("TEXT")})
            .option({QStringLiteral("objections"),
                     tr("none (asked, none raised), not-asked (the default), or what was raised."), tr("TEXT")})
            .option({QStringLiteral("outcome"), tr("adopted (default), rejected or deferred."), tr("OUTCOME")})
            .option({QStringLiteral("decided-by"), tr("Who made the call (default: the author)."), tr("WHO")})
            .required({QStringLiteral("proposal")})
            .author()
            .run(&ActionCommands::addDecision),
        Command(QStringLiteral("decision list"), QStringLiteral("--incident ID [--format text|json]"),
                tr("the decisions, oldest first"))
            .describe(tr("Prints the incident's decisions, oldest first: id, time, outcome, objections, decided "
                         "by, proposal."))
            .reads()
            .incident(Incident::Existing)
            .formats(formats)
            .run(&ActionCommands::listDecisions),
    };
}

int ActionCommands::add(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    int exitCode = 0;
    NewAction action;
    action.incidentId = call.incidentId();
    action.text = line.value(QStringLiteral("text"));
    action.followUp = line.isSet(QStringLiteral("follow-up"));
    if (line.isSet(QStringLiteral("from-item"))) {
        const auto item = parseId(line.value(QStringLiteral("from-item")));
        if (!item)
            return line.usageError(
                tr("--from-item '%1' is not an item id").arg(line.value(QStringLiteral("from-item"))));
        action.originItemId = *item;
    } else if (action.text.trimmed().isEmpty()) {
        return line.usageError(tr("the --text option is required (or --from-item)"));
    }
    if (line.isSet(QStringLiteral("status"))) {
        const auto status = ActionVocabulary::statusFromKey(line.value(QStringLiteral("status")));
        if (!status)
            return line.usageError(tr("--status '%1' is not one of proposed, assigned, in-progress, done, cancelled")
                                       .arg(line.value(QStringLiteral("status"))));
        action.status = *status;
    }
    if (line.isSet(QStringLiteral("timebox"))) {
        const auto ms = TimerLineParser::parseDuration(line.value(QStringLiteral("timebox")));
        if (!ms || *ms <= 0)
            return line.usageError(
                tr("--timebox '%1' is not a duration such as 15m").arg(line.value(QStringLiteral("timebox"))));
        action.timeboxMs = *ms;
    }
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    const auto owner = ownerFrom(line, *store, context, &exitCode);
    if (!owner)
        return exitCode;
    action.ownerRoleKey = owner->roleKey.value_or(QString());
    action.ownerPersonId = owner->personId.value_or(0);
    return call.printId(store->rollCalls().addAction(action, call.author()));
}

int ActionCommands::set(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    int exitCode = 0;
    const QString idText = line.positionalArguments().value(0);
    if (idText.isEmpty())
        return line.usageError(tr("the action's id is missing"));
    const auto actionId = parseId(idText);
    if (!actionId)
        return line.usageError(tr("'%1' is not an action id").arg(idText));
    ActionChange change;
    if (line.isSet(QStringLiteral("status"))) {
        const auto status = ActionVocabulary::statusFromKey(line.value(QStringLiteral("status")));
        if (!status)
            return line.usageError(tr("--status '%1' is not one of proposed, assigned, in-progress, done, cancelled")
                                       .arg(line.value(QStringLiteral("status"))));
        change.status = *status;
    }
    if (line.isSet(QStringLiteral("text")))
        change.text = line.value(QStringLiteral("text"));
    if (line.isSet(QStringLiteral("follow-up"))) {
        const QString v = line.value(QStringLiteral("follow-up")).trimmed().toLower();
        if (v != QLatin1String("yes") && v != QLatin1String("no"))
            return line.usageError(tr("--follow-up takes yes or no"));
        change.followUp = v == QLatin1String("yes");
    }
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    const auto owner = ownerFrom(line, *store, context, &exitCode);
    if (!owner)
        return exitCode;
    change.ownerRoleKey = owner->roleKey;
    change.ownerPersonId = owner->personId;
    if (change.isEmpty())
        return line.usageError(tr("say what changes: --status, --text, --owner, --owner-person or --follow-up"));
    return call.finish(store->rollCalls().updateAction(*actionId, change, call.author()));
}

int ActionCommands::list(CommandCall &call)
{
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto actions = store->rollCalls().actions(call.incidentId());
    if (!actions)
        return call.fail(actions.error());
    if (call.isSet(QStringLiteral("open")))
        actions->removeIf([](const IncidentAction &a) { return !a.isOpen(); });
    return call.printRows(*actions, &actionJson, [](const IncidentAction &a) {
        return QStringList{QString::number(a.id), ActionVocabulary::statusKey(a.status), CliFormat::field(a.ownerName),
                           a.followUp ? QStringLiteral("follow-up") : QString(), CliFormat::field(a.text)}
            .join(QLatin1Char('\t'));
    });
}

int ActionCommands::addDecision(CommandCall &call)
{
    const CommandLine &line = call.line();
    NewDecision d;
    d.incidentId = call.incidentId();
    d.proposal = call.values().at(0);
    d.decidedBy = line.value(QStringLiteral("decided-by"));
    if (line.isSet(QStringLiteral("objections"))) {
        const QString text = line.value(QStringLiteral("objections")).trimmed();
        if (text.isEmpty())
            return line.usageError(tr("--objections needs none, not-asked or what was raised"));
        if (text == QLatin1String("none")) {
            d.objectionCheck = ObjectionCheck::NoneRaised;
        } else if (text == QLatin1String("not-asked")) {
            d.objectionCheck = ObjectionCheck::NotAsked;
        } else {
            d.objectionCheck = ObjectionCheck::Raised;
            d.objections = text;
        }
    }
    if (line.isSet(QStringLiteral("outcome"))) {
        const auto outcome = ActionVocabulary::outcomeFromKey(line.value(QStringLiteral("outcome")));
        if (!outcome)
            return line.usageError(tr("--outcome '%1' is not one of adopted, rejected, deferred")
                                       .arg(line.value(QStringLiteral("outcome"))));
        d.outcome = *outcome;
    }
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.printId(store->rollCalls().addDecision(d, call.author()));
}

int ActionCommands::listDecisions(CommandCall &call)
{
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.printRows(
        store->rollCalls().decisions(call.incidentId()),
        [](const Decision &d) {
            return QJsonObject{{QStringLiteral("id"), d.id},
                               {QStringLiteral("proposal"), d.proposal},
                               {QStringLiteral("objection_check"), ActionVocabulary::objectionKey(d.objectionCheck)},
                               {QStringLiteral("objections"), CliFormat::textOrNull(d.objections)},
                               {QStringLiteral("outcome"), ActionVocabulary::outcomeKey(d.outcome)},
                               {QStringLiteral("decided_by"), d.decidedBy},
                               {QStringLiteral("decided_at"), CliFormat::isoUtc(d.decidedAt)},
                               {QStringLiteral("recorded_by"), d.recordedBy}};
        },
        [](const Decision &d) {
            return QStringList{QString::number(d.id),
                               CliFormat::isoUtc(d.decidedAt),
                               ActionVocabulary::outcomeKey(d.outcome),
                               ActionVocabulary::objectionKey(d.objectionCheck),
                               CliFormat::field(d.decidedBy),
                               CliFormat::field(d.proposal)}
                .join(QLatin1Char('\t'));
        });
}

} // namespace cp::cli
