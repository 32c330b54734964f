#include "rollcallcommands.h"

#include "actioncommands.h"

#include "cliformat.h"
#include "timers/timerlineparser.h"

#include <QJsonObject>

namespace cp::cli {

namespace {

const QString PersonOption = QStringLiteral("person");

QCommandLineOption personOption()
{
    return {PersonOption,
            RollCallCommands::tr("Which holder, when several hold the role: a handle, a name or its unique start."),
            RollCallCommands::tr("WHO")};
}

QJsonObject itemJson(const RollCallItem &i, const QDateTime &now)
{
    QJsonObject o{
        {QStringLiteral("id"), i.id},
        {QStringLiteral("round"), i.roundNumber},
        {QStringLiteral("position"), i.position},
        {QStringLiteral("role"), i.roleKey},
        {QStringLiteral("role_title"), i.roleTitle},
        {QStringLiteral("person"), CliFormat::textOrNull(i.personName)},
        {QStringLiteral("state"), RollCallVocabulary::stateKey(i.state)},
        {QStringLiteral("missed"), i.isMissed()},
        {QStringLiteral("asked_at"), CliFormat::timeOrNull(i.askedAt)},
        {QStringLiteral("asked_ago_ms"), i.askedAt.isValid() ? QJsonValue(i.askedAt.msecsTo(now)) : QJsonValue()},
        {QStringLiteral("answered_at"), CliFormat::timeOrNull(i.answeredAt)},
        {QStringLiteral("cleared"), CliFormat::textOrNull(i.clearedReason)},
    };
    if (i.state == RollCallItemState::Answered) {
        o.insert(QStringLiteral("condition"), RollCallVocabulary::conditionKey(i.report.condition));
        o.insert(QStringLiteral("condition_text"), i.report.conditionText);
        o.insert(QStringLiteral("actions"), i.report.actions);
        o.insert(QStringLiteral("needs"), i.report.needs);
    }
    return o;
}

// The item of the latest round that ROLE (and --person) names: a role key, or a holder's handle or
// name. An error message when there is none or more than one.
Result<RollCallItem> findItem(IncidentStore &store, qint64 incidentId, const QString &who, const QString &person)
{
    auto rounds = store.rollCalls().rounds(incidentId);
    if (!rounds)
        return rounds.error();
    if (rounds->isEmpty())
        return StoreError(
            StoreError::Code::NotFound,
            RollCallCommands::tr("Incident #%1 has had no roll call yet: start one first.").arg(incidentId));
    const RollCall round = rounds->last();
    auto items = store.rollCalls().roundItems(round.id);
    if (!items)
        return items.error();
    qint64 personId = 0;
    if (!person.trimmed().isEmpty()) {
        auto p = store.roster().findPerson(person);
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
        if (auto p = store.roster().findPerson(who)) {
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

} // namespace

QList<Command> RollCallCommands::commands()
{
    using Incident = Command::Incident;
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
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
                .run(&RollCallCommands::status);
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
    return call.printId(store->rollCalls().start(call.incidentId(), selection, call.author()));
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
        return call.finish(s.rollCalls().mark(item->id, state, author));
    }
    std::optional<ActionCommands::Owner> owner;
    if (line.isSet(QStringLiteral("needs-action"))) {
        // Checked before the answer is saved, so a wrong owner changes nothing.
        owner = ActionCommands::ownerFrom(line, s, context, &exitCode, incidentId);
        if (!owner)
            return exitCode;
    }
    if (StoreError error = s.rollCalls().answer(item->id, report, author); !error.ok())
        return context.fail(error);
    if (owner) {
        NewAction action;
        action.incidentId = incidentId;
        action.originItemId = item->id;
        action.ownerRoleKey = owner->roleKey.value_or(QString());
        action.ownerPersonId = owner->personId.value_or(0);
        auto id = s.rollCalls().addAction(action, author);
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
    return call.finish(store->rollCalls().dismissMissed(*itemId, call.author()));
}

int RollCallCommands::end(CommandCall &call)
{
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto rounds = store->rollCalls().rounds(call.incidentId());
    if (!rounds)
        return call.fail(rounds.error());
    if (rounds->isEmpty() || !rounds->last().isOpen())
        return call.fail(
            StoreError(StoreError::Code::Invalid, tr("Incident #%1 has no open roll call.").arg(call.incidentId())));
    return call.finish(store->rollCalls().end(rounds->last().id, call.author()));
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
    auto rounds = s.rollCalls().rounds(incidentId);
    if (!rounds)
        return context.fail(rounds.error());
    auto items = s.rollCalls().items(incidentId);
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
    const QDateTime now = s.session().clock().nowUtc();
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
            o.insert(QStringLiteral("ended_at"), CliFormat::timeOrNull(round.endedAt));
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

} // namespace cp::cli
