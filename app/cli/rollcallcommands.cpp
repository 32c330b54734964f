#include "rollcallcommands.h"

#include "cliformat.h"
#include "timers/timerlineparser.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace cp::cli {

namespace {

const QString PersonOption = QStringLiteral("person");

QCommandLineOption personOption()
{
    return {PersonOption,
            RollCallCommands::tr("Which holder, when several hold the role: a handle, a name or its unique start."),
            RollCallCommands::tr("WHO")};
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(CliFormat::isoUtc(time)) : QJsonValue();
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject itemJson(const RollCallItem &i, const QDateTime &now)
{
    QJsonObject o{
        {QStringLiteral("id"), i.id},
        {QStringLiteral("round"), i.roundNumber},
        {QStringLiteral("position"), i.position},
        {QStringLiteral("role"), i.roleKey},
        {QStringLiteral("role_title"), i.roleTitle},
        {QStringLiteral("person"), textOrNull(i.personName)},
        {QStringLiteral("state"), RollCallVocabulary::stateKey(i.state)},
        {QStringLiteral("missed"), i.isMissed()},
        {QStringLiteral("asked_at"), timeOrNull(i.askedAt)},
        {QStringLiteral("asked_ago_ms"), i.askedAt.isValid() ? QJsonValue(i.askedAt.msecsTo(now)) : QJsonValue()},
        {QStringLiteral("answered_at"), timeOrNull(i.answeredAt)},
        {QStringLiteral("cleared"), textOrNull(i.clearedReason)},
    };
    if (i.state == RollCallItemState::Answered) {
        o.insert(QStringLiteral("condition"), RollCallVocabulary::conditionKey(i.report.condition));
        o.insert(QStringLiteral("condition_text"), i.report.conditionText);
        o.insert(QStringLiteral("actions"), i.report.actions);
        o.insert(QStringLiteral("needs"), i.report.needs);
    }
    return o;
}

QJsonObject actionJson(const IncidentAction &a)
{
    return QJsonObject{
        {QStringLiteral("id"), a.id},
        {QStringLiteral("incident"), a.incidentId},
        {QStringLiteral("text"), a.text},
        {QStringLiteral("owner"), textOrNull(a.ownerName)},
        {QStringLiteral("owner_role"), textOrNull(a.ownerRoleKey)},
        {QStringLiteral("status"), ActionVocabulary::statusKey(a.status)},
        {QStringLiteral("follow_up"), a.followUp},
        {QStringLiteral("timer"), a.timerId > 0 ? QJsonValue(a.timerId) : QJsonValue()},
        {QStringLiteral("from_item"), a.originItemId > 0 ? QJsonValue(a.originItemId) : QJsonValue()},
        {QStringLiteral("created_at"), CliFormat::isoUtc(a.createdAt)},
        {QStringLiteral("created_by"), a.createdBy},
        {QStringLiteral("closed_at"), timeOrNull(a.closedAt)},
    };
}

// The item of the latest round that ROLE (and --person) names: a role key, or a holder's handle or
// name. An error message when there is none or more than one.
Result<RollCallItem> findItem(IncidentStore &store, qint64 incidentId, const QString &who, const QString &person)
{
    auto rounds = store.rollCalls(incidentId);
    if (!rounds)
        return rounds.error();
    if (rounds->isEmpty())
        return StoreError(
            StoreError::Code::NotFound,
            RollCallCommands::tr("Incident #%1 has had no roll call yet: start one first.").arg(incidentId));
    const RollCall round = rounds->last();
    auto items = store.rollCallRound(round.id);
    if (!items)
        return items.error();
    qint64 personId = 0;
    if (!person.trimmed().isEmpty()) {
        auto p = store.findPerson(person);
        if (!p)
            return p.error();
        personId = p->id;
    }
    QList<RollCallItem> byRole;
    for (const RollCallItem &i : std::as_const(*items)) {
        if (i.roleKey == who && (personId == 0 || i.personId == personId))
            byRole << i;
    }
    if (byRole.isEmpty() && personId == 0) {
        // Not a role key: a holder's handle or name.
        if (auto p = store.findPerson(who)) {
            for (const RollCallItem &i : std::as_const(*items)) {
                if (i.personId == p->id)
                    byRole << i;
            }
        }
    }
    if (byRole.isEmpty())
        return StoreError(StoreError::Code::NotFound,
                          RollCallCommands::tr("Roll call %1 has no item for “%2”%3.")
                              .arg(round.number)
                              .arg(who)
                              .arg(person.isEmpty() ? QString() : QStringLiteral(" / ") + person));
    if (byRole.size() > 1) {
        QStringList names;
        for (const RollCallItem &i : std::as_const(byRole))
            names << i.personName;
        return StoreError(StoreError::Code::Invalid,
                          RollCallCommands::tr("%1 people hold “%2” in roll call %3: say which with --person (%4).")
                              .arg(byRole.size())
                              .arg(who)
                              .arg(round.number)
                              .arg(names.join(QStringLiteral(", "))));
    }
    return byRole.first();
}

// An owner for an action: --owner ROLE and/or --owner-person WHO ("none" clears it on 'set').
struct Owner
{
    std::optional<QString> roleKey;
    std::optional<qint64> personId;
};

// incidentId > 0: the role is checked to exist in the incident (before anything is saved).
std::optional<Owner> readOwner(const CommandLine &line, IncidentStore &store, CliContext &context, int *exitCode,
                               qint64 incidentId = 0)
{
    Owner owner;
    if (line.isSet(QStringLiteral("owner"))) {
        const QString role = line.value(QStringLiteral("owner")).trimmed();
        owner.roleKey = role == QLatin1String("none") ? QString() : role;
        if (incidentId > 0 && !owner.roleKey->isEmpty()) {
            auto roles = store.roles(incidentId);
            if (!roles) {
                *exitCode = context.fail(roles.error());
                return std::nullopt;
            }
            if (std::none_of(roles->cbegin(), roles->cend(),
                             [&owner](const IncidentRole &r) { return r.definition.key == *owner.roleKey; })) {
                *exitCode = context.fail(StoreError(
                    StoreError::Code::NotFound,
                    RollCallCommands::tr("Incident #%1 has no role “%2”.").arg(incidentId).arg(*owner.roleKey)));
                return std::nullopt;
            }
        }
    }
    if (line.isSet(QStringLiteral("owner-person"))) {
        const QString who = line.value(QStringLiteral("owner-person")).trimmed();
        if (who == QLatin1String("none") || who.isEmpty()) {
            owner.personId = 0;
        } else {
            auto p = store.findPerson(who);
            if (!p) {
                *exitCode = context.fail(p.error());
                return std::nullopt;
            }
            owner.personId = p->id;
        }
    }
    return owner;
}

} // namespace

QList<Command> RollCallCommands::commands()
{
    using Incident = Command::Incident;
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
    const QString statuses = tr("Statuses: proposed, assigned, in-progress, done, cancelled.");
    QList<Command> rows{
        Command(QStringLiteral("rollcall start"),
                QStringLiteral("--incident ID [--roles K1,K2 | --subteam NAME] [--timebox 5m]"),
                tr("start a round; prints its id"))
            .describe(tr("Starts a roll-call round over every held role but the commander's, the roles given, or "
                         "one sub-team; the previous round closes. Prints the round's id once saved."))
            .writes()
            .incident(Incident::Required)
            .option({QStringLiteral("roles"), tr("Only these roles, by key, in this order: sme,deputy."), tr("KEYS")})
            .option({QStringLiteral("subteam"), tr("Only the roles of this sub-team: Alpha."), tr("NAME")})
            .option({QStringLiteral("timebox"), tr("A countdown for the round: 5m."), tr("DURATION")})
            .author()
            .run(&RollCallCommands::start),
        Command(QStringLiteral("rollcall answer"),
                QStringLiteral("ROLE --incident ID [--person WHO] --condition C [--text T] [--actions T] [--needs T] "
                               "[--needs-action [--owner ROLE] [--owner-person WHO]]"),
                tr("a CAN report; --needs-action prints the new action's id"))
            .describe(tr("Records a CAN report (Condition, Actions, Needs) for a role in the latest round. An "
                         "earlier unanswered call of the same role and person leaves the missed list."))
            .option(
                {QStringLiteral("condition"), tr("healthy, degraded, down or unknown (required)."), tr("CONDITION")})
            .option({QStringLiteral("text"), tr("A word on the condition."), tr("TEXT")})
            .option({QStringLiteral("actions"), tr("What is being done."), tr("TEXT")})
            .option({QStringLiteral("needs"), tr("What is needed."), tr("TEXT")})
            .option({QStringLiteral("needs-action"), tr("Turn the Needs into an action right away.")})
            .option({QStringLiteral("owner"), tr("The action's owner role (with --needs-action)."), tr("ROLE")})
            .option({QStringLiteral("owner-person"), tr("The action's owner (with --needs-action)."), tr("WHO")}),
        Command(QStringLiteral("rollcall miss"), QStringLiteral("ROLE --incident ID [--person WHO]"),
                tr("no answer: it goes on the missed list"))
            .describe(tr("Marks a role of the latest round as not answering: it goes on the missed list.")),
        Command(QStringLiteral("rollcall skip"), QStringLiteral("ROLE --incident ID [--person WHO]"),
                tr("leave a role out of the round"))
            .describe(tr("Leaves a role out of the latest round.")),
        Command(QStringLiteral("rollcall undo"), QStringLiteral("ROLE --incident ID [--person WHO]"),
                tr("back to waiting"))
            .describe(tr("Takes a mark or an answer back: the role waits to be called.")),
    };
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QString sub = rows[i].subcommand();
        rows[i]
            .writes()
            .argument(QStringLiteral("ROLE"), tr("A role key (sme), or a holder's handle (dana)."))
            .incident(Incident::Required)
            .option(personOption())
            .author()
            .run([sub](CommandCall &call) { return mark(call, sub); });
    }
    rows << Command(QStringLiteral("rollcall dismiss"), QStringLiteral("ITEM [--author A]"),
                    tr("off the Deputy's missed list"))
                .describe(tr("Takes an unanswered item (its id as 'rollcall status' shows it) off the Deputy's missed "
                             "list; the dismissal goes on the timeline."))
                .writes()
                .argument(QStringLiteral("ITEM"), tr("The missed item's id."))
                .author()
                .run(&RollCallCommands::dismiss)
         << Command(QStringLiteral("rollcall end"), QStringLiteral("--incident ID [--author A]"),
                    tr("close the round; its summary goes on the timeline"))
                .describe(tr("Closes the open round: what it did not hear back goes on the missed list, and its "
                             "summary (who reported what, who was missed) goes on the timeline."))
                .writes()
                .incident(Incident::Required)
                .author()
                .run(&RollCallCommands::end)
         << Command(QStringLiteral("rollcall status"), QStringLiteral("--incident ID [--round N] [--format text|json]"),
                    tr("the round and the missed list"))
                .describe(tr("Prints a round (the latest unless --round) item by item, then the Deputy's missed "
                             "list: every unanswered call of any round, with how long ago it was asked."))
                .reads()
                .incident(Incident::Existing)
                .option({QStringLiteral("round"), tr("The round's number (1, 2 …)."), tr("N")})
                .formats(formats)
                .run(&RollCallCommands::status)
         << Command(QStringLiteral("action add"),
                    QStringLiteral("--incident ID (--text T | --from-item ITEM) [--owner ROLE] [--owner-person WHO] "
                                   "[--status S] [--timebox 15m] [--follow-up]"),
                    tr("an action the IC delegates; prints its id"))
                .describe(tr("Adds an action the IC delegates and prints its id once saved. --from-item turns a CAN "
                             "report's Needs into the action (its text unless --text is given)."))
                .writes()
                .incident(Incident::Required)
                .option({QStringLiteral("text"), tr("What is to be done."), tr("TEXT")})
                .option(
                    {QStringLiteral("from-item"), tr("A roll-call item whose Needs become the action."), tr("ITEM")})
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
                .run(&RollCallCommands::addAction)
         << Command(QStringLiteral("action set"),
                    QStringLiteral("ID [--status S] [--text T] [--owner ROLE|none] [--owner-person WHO|none] "
                                   "[--follow-up yes|no]"),
                    tr("change an action's status, text, owner or follow-up mark"))
                .describe(tr("Changes an action: its status, text, owner or follow-up mark. The change goes on the "
                             "timeline; a done or cancelled action's time-box stops."))
                .writes()
                .argument(QStringLiteral("ID"), tr("The action's id."))
                .option(
                    {QStringLiteral("status"), tr("proposed, assigned, in-progress, done, cancelled."), tr("STATUS")})
                .option({QStringLiteral("text"), tr("The new wording."), tr("TEXT")})
                .option({QStringLiteral("owner"), tr("The owner role, by key; none clears it."), tr("ROLE")})
                .option({QStringLiteral("owner-person"), tr("The owner; none clears it."), tr("WHO")})
                .option({QStringLiteral("follow-up"), tr("yes or no: a follow-up for the postmortem."), tr("YES|NO")})
                .author()
                .run(&RollCallCommands::setAction)
         << Command(QStringLiteral("action list"), QStringLiteral("--incident ID [--open] [--format text|json]"),
                    tr("the actions, open ones first"))
                .describe(tr("Prints the incident's actions, open ones first: id, status, owner, follow-up, text."))
                .reads()
                .incident(Incident::Existing)
                .option({QStringLiteral("open"), tr("Only the open ones.")})
                .formats(formats)
                .run(&RollCallCommands::listActions)
         << Command(QStringLiteral("decision add"),
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
                .run(&RollCallCommands::addDecision)
         << Command(QStringLiteral("decision list"), QStringLiteral("--incident ID [--format text|json]"),
                    tr("the decisions, oldest first"))
                .describe(tr("Prints the incident's decisions, oldest first: id, time, outcome, objections, decided "
                             "by, proposal."))
                .reads()
                .incident(Incident::Existing)
                .formats(formats)
                .run(&RollCallCommands::listDecisions);
    return rows;
}

int RollCallCommands::start(CommandCall &call)
{
    const CommandLine &line = call.line();
    RollCallSelection selection;
    if (line.isSet(QStringLiteral("roles"))) {
        selection.roleKeys = line.value(QStringLiteral("roles")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (selection.roleKeys.isEmpty())
            return line.usageError(tr("--roles needs role keys separated by commas"));
    }
    if (line.isSet(QStringLiteral("subteam"))) {
        selection.subTeam = line.value(QStringLiteral("subteam")).trimmed();
        if (selection.subTeam.isEmpty())
            return line.usageError(tr("--subteam needs a sub-team's name"));
    }
    if (line.isSet(QStringLiteral("roles")) && line.isSet(QStringLiteral("subteam")))
        return line.usageError(tr("use --roles or --subteam, not both"));
    if (line.isSet(QStringLiteral("timebox"))) {
        const auto ms = TimerLineParser::parseDuration(line.value(QStringLiteral("timebox")));
        if (!ms || *ms <= 0)
            return line.usageError(
                tr("--timebox '%1' is not a duration such as 5m").arg(line.value(QStringLiteral("timebox"))));
        selection.timeboxMs = *ms;
    }
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.printId(store->startRollCall(call.incidentId(), selection, call.author()));
}

int RollCallCommands::mark(CommandCall &call, const QString &sub)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    const bool answer = sub == QLatin1String("answer");
    int exitCode = 0;
    const QString who = line.positionalArguments().value(0).trimmed();
    if (who.isEmpty())
        return line.usageError(tr("say which role: a role key or a holder's handle"));
    const qint64 incidentId = call.incidentId();
    CanReport report;
    if (answer) {
        const auto condition = line.requiredValue(QStringLiteral("condition"), &exitCode);
        if (!condition)
            return exitCode;
        const auto parsed = RollCallVocabulary::conditionFromKey(*condition);
        if (!parsed)
            return line.usageError(
                tr("--condition '%1' is not one of healthy, degraded, down, unknown").arg(*condition));
        report.condition = *parsed;
        report.conditionText = line.value(QStringLiteral("text"));
        report.actions = line.value(QStringLiteral("actions"));
        report.needs = line.value(QStringLiteral("needs"));
        if (line.isSet(QStringLiteral("needs-action")) && report.needs.trimmed().isEmpty())
            return line.usageError(tr("--needs-action needs --needs"));
        if (!line.isSet(QStringLiteral("needs-action")) &&
            (line.isSet(QStringLiteral("owner")) || line.isSet(QStringLiteral("owner-person"))))
            return line.usageError(tr("--owner and --owner-person go with --needs-action"));
    }
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    IncidentStore &s = *store;
    auto item = findItem(s, incidentId, who, line.value(PersonOption));
    if (!item)
        return context.fail(item.error());
    const QString author = line.author();
    if (!answer) {
        const RollCallItemState state = sub == QLatin1String("miss")   ? RollCallItemState::NoAnswer
                                        : sub == QLatin1String("skip") ? RollCallItemState::Skipped
                                                                       : RollCallItemState::Pending;
        return call.finish(s.markRollCallItem(item->id, state, author));
    }
    std::optional<Owner> owner;
    if (line.isSet(QStringLiteral("needs-action"))) {
        // Checked before the answer is saved, so a wrong owner changes nothing.
        owner = readOwner(line, s, context, &exitCode, incidentId);
        if (!owner)
            return exitCode;
    }
    if (StoreError error = s.answerRollCallItem(item->id, report, author))
        return context.fail(error);
    if (owner) {
        NewAction action;
        action.incidentId = incidentId;
        action.originItemId = item->id;
        action.ownerRoleKey = owner->roleKey.value_or(QString());
        action.ownerPersonId = owner->personId.value_or(0);
        auto id = s.addAction(action, author);
        if (!id)
            return context.fail(id.error());
        context.out() << *id << QLatin1Char('\n');
    }
    return context.finish();
}

int RollCallCommands::dismiss(CommandCall &call)
{
    const CommandLine &line = call.line();
    const QString idText = line.positionalArguments().value(0);
    if (idText.isEmpty())
        return line.usageError(tr("the missed item's id is missing"));
    const auto itemId = parseId(idText);
    if (!itemId)
        return line.usageError(tr("'%1' is not an item id").arg(idText));
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.finish(store->dismissMissedItem(*itemId, call.author()));
}

int RollCallCommands::end(CommandCall &call)
{
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto rounds = store->rollCalls(call.incidentId());
    if (!rounds)
        return call.fail(rounds.error());
    if (rounds->isEmpty() || !rounds->last().isOpen())
        return call.fail(
            StoreError(StoreError::Code::Invalid, tr("Incident #%1 has no open roll call.").arg(call.incidentId())));
    return call.finish(store->endRollCall(rounds->last().id, call.author()));
}

int RollCallCommands::status(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    const qint64 incidentId = call.incidentId();
    int wanted = 0;
    if (line.isSet(QStringLiteral("round"))) {
        bool ok = false;
        wanted = line.value(QStringLiteral("round")).toInt(&ok);
        if (!ok || wanted <= 0)
            return line.usageError(tr("--round '%1' is not a round number").arg(line.value(QStringLiteral("round"))));
    }
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    IncidentStore &s = *store;
    auto rounds = s.rollCalls(incidentId);
    if (!rounds)
        return context.fail(rounds.error());
    auto items = s.rollCallItems(incidentId);
    if (!items)
        return context.fail(items.error());
    RollCall round;
    for (const RollCall &r : std::as_const(*rounds)) {
        if (wanted == 0 || r.number == wanted)
            round = r;
    }
    if (wanted > 0 && round.id == 0)
        return context.fail(StoreError(StoreError::Code::NotFound,
                                       tr("Incident #%1 has no roll call %2.").arg(incidentId).arg(wanted)));
    const QDateTime now = s.clock().nowUtc();
    QList<RollCallItem> shown, missed;
    for (const RollCallItem &i : std::as_const(*items)) {
        if (i.rollCallId == round.id)
            shown << i;
        if (i.isMissed())
            missed << i;
    }
    std::stable_sort(missed.begin(), missed.end(),
                     [](const RollCallItem &a, const RollCallItem &b) { return a.askedAt < b.askedAt; });

    if (call.json()) {
        QJsonArray roundItems, missedItems;
        for (const RollCallItem &i : std::as_const(shown))
            roundItems.append(itemJson(i, now));
        for (const RollCallItem &i : std::as_const(missed))
            missedItems.append(itemJson(i, now));
        QJsonObject o{{QStringLiteral("incident"), incidentId},
                      {QStringLiteral("now"), CliFormat::isoUtc(now)},
                      {QStringLiteral("rounds"), int(rounds->size())},
                      {QStringLiteral("items"), roundItems},
                      {QStringLiteral("missed"), missedItems}};
        if (round.id > 0) {
            o.insert(QStringLiteral("round"), round.number);
            o.insert(QStringLiteral("open"), round.isOpen());
            o.insert(QStringLiteral("scope"), round.scope);
            o.insert(QStringLiteral("started_at"), CliFormat::isoUtc(round.startedAt));
            o.insert(QStringLiteral("ended_at"), timeOrNull(round.endedAt));
            o.insert(QStringLiteral("timer"), round.timerId > 0 ? QJsonValue(round.timerId) : QJsonValue());
        }
        context.out() << CliFormat::compactJson(o);
        return context.finish();
    }
    if (round.id == 0) {
        context.out() << tr("No roll call yet.") << QLatin1Char('\n');
        return context.finish();
    }
    context.out() << tr("Roll call %1 (%2), started %3 by %4")
                         .arg(round.number)
                         .arg(round.isOpen() ? tr("open") : tr("closed"), CliFormat::isoUtc(round.startedAt),
                              round.startedBy)
                  << QLatin1Char('\n');
    for (const RollCallItem &i : std::as_const(shown)) {
        const QString report =
            i.state == RollCallItemState::Answered ? RollCallVocabulary::reportLine(i.report) : QString();
        context.out() << i.id << QLatin1Char('\t') << i.roleKey << QLatin1Char('\t') << CliFormat::field(i.personName)
                      << QLatin1Char('\t')
                      << (i.isMissed() ? QStringLiteral("missed") : RollCallVocabulary::stateKey(i.state))
                      << QLatin1Char('\t') << CliFormat::field(report) << QLatin1Char('\n');
    }
    context.out() << tr("Missed (%1):").arg(missed.size()) << QLatin1Char('\n');
    for (const RollCallItem &i : std::as_const(missed)) {
        context.out() << i.id << QLatin1Char('\t') << tr("round %1").arg(i.roundNumber) << QLatin1Char('\t')
                      << CliFormat::field(i.label()) << QLatin1Char('\t')
                      << tr("asked %1").arg(RollCallVocabulary::agoText(i.askedAt.msecsTo(now))) << QLatin1Char('\n');
    }
    return context.finish();
}

int RollCallCommands::addAction(CommandCall &call)
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
    const auto owner = readOwner(line, *store, context, &exitCode);
    if (!owner)
        return exitCode;
    action.ownerRoleKey = owner->roleKey.value_or(QString());
    action.ownerPersonId = owner->personId.value_or(0);
    return call.printId(store->addAction(action, call.author()));
}

int RollCallCommands::setAction(CommandCall &call)
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
    const auto owner = readOwner(line, *store, context, &exitCode);
    if (!owner)
        return exitCode;
    change.ownerRoleKey = owner->roleKey;
    change.ownerPersonId = owner->personId;
    if (change.isEmpty())
        return line.usageError(tr("say what changes: --status, --text, --owner, --owner-person or --follow-up"));
    return call.finish(store->updateAction(*actionId, change, call.author()));
}

int RollCallCommands::listActions(CommandCall &call)
{
    CliContext &context = call.context();
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto actions = store->actions(call.incidentId());
    if (!actions)
        return context.fail(actions.error());
    const bool openOnly = call.isSet(QStringLiteral("open"));
    QJsonArray array;
    for (const IncidentAction &a : std::as_const(*actions)) {
        if (openOnly && !a.isOpen())
            continue;
        if (call.json()) {
            array.append(actionJson(a));
            continue;
        }
        context.out() << a.id << QLatin1Char('\t') << ActionVocabulary::statusKey(a.status) << QLatin1Char('\t')
                      << CliFormat::field(a.ownerName) << QLatin1Char('\t')
                      << (a.followUp ? QStringLiteral("follow-up") : QString()) << QLatin1Char('\t')
                      << CliFormat::field(a.text) << QLatin1Char('\n');
    }
    if (call.json())
        context.out() << CliFormat::compactJson(array);
    return context.finish();
}

int RollCallCommands::addDecision(CommandCall &call)
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
    return call.printId(store->addDecision(d, call.author()));
}

int RollCallCommands::listDecisions(CommandCall &call)
{
    CliContext &context = call.context();
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto decisions = store->decisions(call.incidentId());
    if (!decisions)
        return context.fail(decisions.error());
    QJsonArray array;
    for (const Decision &d : std::as_const(*decisions)) {
        if (call.json()) {
            array.append(
                QJsonObject{{QStringLiteral("id"), d.id},
                            {QStringLiteral("proposal"), d.proposal},
                            {QStringLiteral("objection_check"), ActionVocabulary::objectionKey(d.objectionCheck)},
                            {QStringLiteral("objections"), textOrNull(d.objections)},
                            {QStringLiteral("outcome"), ActionVocabulary::outcomeKey(d.outcome)},
                            {QStringLiteral("decided_by"), d.decidedBy},
                            {QStringLiteral("decided_at"), CliFormat::isoUtc(d.decidedAt)},
                            {QStringLiteral("recorded_by"), d.recordedBy}});
            continue;
        }
        context.out() << d.id << QLatin1Char('\t') << CliFormat::isoUtc(d.decidedAt) << QLatin1Char('\t')
                      << ActionVocabulary::outcomeKey(d.outcome) << QLatin1Char('\t')
                      << ActionVocabulary::objectionKey(d.objectionCheck) << QLatin1Char('\t')
                      << CliFormat::field(d.decidedBy) << QLatin1Char('\t') << CliFormat::field(d.proposal)
                      << QLatin1Char('\n');
    }
    if (call.json())
        context.out() << CliFormat::compactJson(array);
    return context.finish();
}

} // namespace cp::cli
