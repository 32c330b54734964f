#include "rollcallcommands.h"

#include "clicontext.h"
#include "cliformat.h"
#include "commandline.h"
#include "timers/timerlineparser.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace cp::cli {

namespace {

const QString IncidentOption = QStringLiteral("incident");
const QString PersonOption = QStringLiteral("person");

QCommandLineOption incidentOption()
{
    return {IncidentOption, RollCallCommands::tr("The incident's id (required)."), RollCallCommands::tr("ID")};
}

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
std::optional<Owner> readOwner(CommandLine &line, IncidentStore &store, CliContext &context, int *exitCode,
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

QString RollCallCommands::helpText()
{
    return tr("Usage: commandpost-cli rollcall|action|decision SUBCOMMAND [options]\n"
              "  rollcall start --incident ID [--roles K1,K2 | --subteam NAME] [--timebox 5m]   prints the round's id\n"
              "  rollcall answer ROLE --incident ID [--person WHO] --condition healthy|degraded|down|unknown\n"
              "                  [--text T] [--actions T] [--needs T] [--needs-action [--owner ROLE]\n"
              "                  [--owner-person WHO]]   a CAN report; --needs-action prints the new action's id\n"
              "  rollcall miss|skip|undo ROLE --incident ID [--person WHO]   no answer, skipped, back to waiting\n"
              "  rollcall dismiss ITEM [--author A]        off the Deputy's missed list\n"
              "  rollcall end --incident ID                close the round; its summary goes on the timeline\n"
              "  rollcall status --incident ID [--round N] [--format text|json]   the round and the missed list\n"
              "  action add --incident ID (--text T | --from-item ITEM) [--owner ROLE] [--owner-person WHO]\n"
              "             [--status S] [--timebox 15m] [--follow-up]   prints its id\n"
              "  action set ID [--status S] [--text T] [--owner ROLE|none] [--owner-person WHO|none]\n"
              "             [--follow-up yes|no]\n"
              "  action list --incident ID [--open] [--format text|json]   open ones first\n"
              "  decision add --incident ID --proposal T [--objections none|not-asked|TEXT]\n"
              "             [--outcome adopted|rejected|deferred] [--decided-by WHO]   prints its id\n"
              "  decision list --incident ID [--format text|json]\n"
              "Statuses: proposed, assigned, in-progress, done, cancelled.\n");
}

namespace {

// One command group's subcommands: the first word picks one, --help prints the group's help.
struct Sub
{
    QStringList names;
    std::function<int(CliContext &, const QStringList &)> run;
};

int dispatch(CliContext &context, const QStringList &arguments, const QString &group, const QList<Sub> &subs)
{
    const QString sub = arguments.value(0);
    for (const Sub &s : subs) {
        if (s.names.contains(sub))
            return s.run(context, arguments.mid(1));
    }
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        context.out() << RollCallCommands::helpText();
        return context.finish();
    }
    QStringList names;
    for (const Sub &s : subs)
        names << s.names;
    if (sub.isEmpty())
        return context.usageError(
            RollCallCommands::tr("'%1' needs a subcommand: %2").arg(group, names.join(QStringLiteral(", "))), group);
    return context.usageError(RollCallCommands::tr("unknown subcommand '%1 %2'").arg(group, sub), group);
}

} // namespace

int RollCallCommands::rollCall(CliContext &context, const QStringList &arguments)
{
    auto mark = [](const QString &sub) {
        return [sub](CliContext &c, const QStringList &a) { return RollCallCommands::mark(c, a, sub); };
    };
    return dispatch(context, arguments, QStringLiteral("rollcall"),
                    {{{QStringLiteral("start")}, &RollCallCommands::start},
                     {{QStringLiteral("answer")}, mark(QStringLiteral("answer"))},
                     {{QStringLiteral("miss")}, mark(QStringLiteral("miss"))},
                     {{QStringLiteral("skip")}, mark(QStringLiteral("skip"))},
                     {{QStringLiteral("undo")}, mark(QStringLiteral("undo"))},
                     {{QStringLiteral("dismiss")}, &RollCallCommands::dismiss},
                     {{QStringLiteral("end")}, &RollCallCommands::end},
                     {{QStringLiteral("status")}, &RollCallCommands::status}});
}

int RollCallCommands::action(CliContext &context, const QStringList &arguments)
{
    return dispatch(context, arguments, QStringLiteral("action"),
                    {{{QStringLiteral("add")}, &RollCallCommands::addAction},
                     {{QStringLiteral("set")}, &RollCallCommands::setAction},
                     {{QStringLiteral("list")}, &RollCallCommands::listActions}});
}

int RollCallCommands::decision(CliContext &context, const QStringList &arguments)
{
    return dispatch(context, arguments, QStringLiteral("decision"),
                    {{{QStringLiteral("add")}, &RollCallCommands::addDecision},
                     {{QStringLiteral("list")}, &RollCallCommands::listDecisions}});
}

int RollCallCommands::start(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("rollcall start"), QStringLiteral("--incident ID [options]"),
                     tr("Starts a roll-call round over every held role but the commander's, the roles given, or one "
                        "sub-team; the previous round closes. Prints the round's id once saved."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("roles"), tr("Only these roles, by key, in this order: sme,deputy."), tr("KEYS")});
    line.addOption({QStringLiteral("subteam"), tr("Only the roles of this sub-team: Alpha."), tr("NAME")});
    line.addOption({QStringLiteral("timebox"), tr("A countdown for the round: 5m."), tr("DURATION")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(IncidentOption, {}, &exitCode);
    if (!required)
        return exitCode;
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
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    auto id = (*store)->startRollCall(required->id, selection, line.author());
    if (!id)
        return context.fail(id.error());
    context.out() << *id << QLatin1Char('\n');
    return context.finish();
}

int RollCallCommands::mark(CliContext &context, const QStringList &arguments, const QString &sub)
{
    const bool answer = sub == QLatin1String("answer");
    CommandLine line(context, QStringLiteral("rollcall %1").arg(sub),
                     answer ? QStringLiteral("ROLE --incident ID --condition C [options]")
                            : QStringLiteral("ROLE --incident ID [--person WHO]"),
                     answer ? tr("Records a CAN report (Condition, Actions, Needs) for a role in the latest round. "
                                 "An earlier unanswered call of the same role and person leaves the missed list.")
                     : sub == QLatin1String("miss")
                         ? tr("Marks a role of the latest round as not answering: it goes on the missed list.")
                     : sub == QLatin1String("skip")
                         ? tr("Leaves a role out of the latest round.")
                         : tr("Takes a mark or an answer back: the role waits to be called."));
    line.addPositionalArgument(QStringLiteral("ROLE"), tr("A role key (sme), or a holder's handle (dana)."));
    line.addOption(incidentOption());
    line.addOption(personOption());
    line.addOption(CommandLine::authorOption());
    if (answer) {
        line.addOption(
            {QStringLiteral("condition"), tr("healthy, degraded, down or unknown (required)."), tr("CONDITION")});
        line.addOption({QStringLiteral("text"), tr("A word on the condition."), tr("TEXT")});
        line.addOption({QStringLiteral("actions"), tr("What is being done."), tr("TEXT")});
        line.addOption({QStringLiteral("needs"), tr("What is needed."), tr("TEXT")});
        line.addOption({QStringLiteral("needs-action"), tr("Turn the Needs into an action right away.")});
        line.addOption({QStringLiteral("owner"), tr("The action's owner role (with --needs-action)."), tr("ROLE")});
        line.addOption({QStringLiteral("owner-person"), tr("The action's owner (with --needs-action)."), tr("WHO")});
    }
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (!line.noExtraArguments(1, &exitCode))
        return exitCode;
    const QString who = line.positionalArguments().value(0).trimmed();
    if (who.isEmpty())
        return line.usageError(tr("say which role: a role key or a holder's handle"));
    const auto incidentId = line.requiredId(IncidentOption, &exitCode);
    if (!incidentId)
        return exitCode;
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
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    IncidentStore &s = **store;
    auto item = findItem(s, *incidentId, who, line.value(PersonOption));
    if (!item)
        return context.fail(item.error());
    const QString author = line.author();
    if (!answer) {
        const RollCallItemState state = sub == QLatin1String("miss")   ? RollCallItemState::NoAnswer
                                        : sub == QLatin1String("skip") ? RollCallItemState::Skipped
                                                                       : RollCallItemState::Pending;
        if (StoreError error = s.markRollCallItem(item->id, state, author))
            return context.fail(error);
        return context.finish();
    }
    std::optional<Owner> owner;
    if (line.isSet(QStringLiteral("needs-action"))) {
        // Checked before the answer is saved, so a wrong owner changes nothing.
        owner = readOwner(line, s, context, &exitCode, *incidentId);
        if (!owner)
            return exitCode;
    }
    if (StoreError error = s.answerRollCallItem(item->id, report, author))
        return context.fail(error);
    if (owner) {
        NewAction action;
        action.incidentId = *incidentId;
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

int RollCallCommands::dismiss(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("rollcall dismiss"), QStringLiteral("ITEM [--author A]"),
                     tr("Takes an unanswered item (its id as 'rollcall status' shows it) off the Deputy's missed "
                        "list; the dismissal goes on the timeline."));
    line.addPositionalArgument(QStringLiteral("ITEM"), tr("The missed item's id."));
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (!line.noExtraArguments(1, &exitCode))
        return exitCode;
    const QString idText = line.positionalArguments().value(0);
    if (idText.isEmpty())
        return line.usageError(tr("the missed item's id is missing"));
    const auto itemId = parseId(idText);
    if (!itemId)
        return line.usageError(tr("'%1' is not an item id").arg(idText));
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    if (StoreError error = (*store)->dismissMissedItem(*itemId, line.author()))
        return context.fail(error);
    return context.finish();
}

int RollCallCommands::end(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("rollcall end"), QStringLiteral("--incident ID [--author A]"),
                     tr("Closes the open round: what it did not hear back goes on the missed list, and its summary "
                        "(who reported what, who was missed) goes on the timeline."));
    line.addOption(incidentOption());
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(IncidentOption, {}, &exitCode);
    if (!required)
        return exitCode;
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    auto rounds = (*store)->rollCalls(required->id);
    if (!rounds)
        return context.fail(rounds.error());
    if (rounds->isEmpty() || !rounds->last().isOpen())
        return context.fail(
            StoreError(StoreError::Code::Invalid, tr("Incident #%1 has no open roll call.").arg(required->id)));
    if (StoreError error = (*store)->endRollCall(rounds->last().id, line.author()))
        return context.fail(error);
    return context.finish();
}

int RollCallCommands::status(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("rollcall status"), QStringLiteral("--incident ID [options]"),
                     tr("Prints a round (the latest unless --round) item by item, then the Deputy's missed list: "
                        "every unanswered call of any round, with how long ago it was asked."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("round"), tr("The round's number (1, 2 …)."), tr("N")});
    line.addOption(CommandLine::formatOption({QStringLiteral("text"), QStringLiteral("json")}));
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(IncidentOption, {}, &exitCode);
    if (!required)
        return exitCode;
    const auto format = line.format({QStringLiteral("text"), QStringLiteral("json")}, &exitCode);
    if (!format)
        return exitCode;
    int wanted = 0;
    if (line.isSet(QStringLiteral("round"))) {
        bool ok = false;
        wanted = line.value(QStringLiteral("round")).toInt(&ok);
        if (!ok || wanted <= 0)
            return line.usageError(tr("--round '%1' is not a round number").arg(line.value(QStringLiteral("round"))));
    }
    auto store = context.openStore(CliContext::Access::Read);
    if (!store)
        return context.fail(store.error());
    IncidentStore &s = **store;
    if (auto incident = s.incident(required->id); !incident)
        return context.fail(incident.error());
    auto rounds = s.rollCalls(required->id);
    if (!rounds)
        return context.fail(rounds.error());
    auto items = s.rollCallItems(required->id);
    if (!items)
        return context.fail(items.error());
    RollCall round;
    for (const RollCall &r : std::as_const(*rounds)) {
        if (wanted == 0 || r.number == wanted)
            round = r;
    }
    if (wanted > 0 && round.id == 0)
        return context.fail(StoreError(StoreError::Code::NotFound,
                                       tr("Incident #%1 has no roll call %2.").arg(required->id).arg(wanted)));
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

    if (*format == QLatin1String("json")) {
        QJsonArray roundItems, missedItems;
        for (const RollCallItem &i : std::as_const(shown))
            roundItems.append(itemJson(i, now));
        for (const RollCallItem &i : std::as_const(missed))
            missedItems.append(itemJson(i, now));
        QJsonObject o{{QStringLiteral("incident"), required->id},
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

int RollCallCommands::addAction(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("action add"), QStringLiteral("--incident ID --text T [options]"),
                     tr("Adds an action the IC delegates and prints its id once saved. --from-item turns a CAN "
                        "report's Needs into the action (its text unless --text is given)."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("text"), tr("What is to be done."), tr("TEXT")});
    line.addOption({QStringLiteral("from-item"), tr("A roll-call item whose Needs become the action."), tr("ITEM")});
    line.addOption({QStringLiteral("owner"), tr("The owner role, by key."), tr("ROLE")});
    line.addOption({QStringLiteral("owner-person"), tr("The owner: a handle or a name."), tr("WHO")});
    line.addOption({QStringLiteral("status"),
                    tr("proposed, assigned, in-progress, done, cancelled (default: assigned "
                       "with an owner, proposed without)."),
                    tr("STATUS")});
    line.addOption({QStringLiteral("timebox"), tr("A countdown for the action: 15m."), tr("DURATION")});
    line.addOption({QStringLiteral("follow-up"), tr("A preventive follow-up for the postmortem.")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(IncidentOption, {}, &exitCode);
    if (!required)
        return exitCode;
    NewAction action;
    action.incidentId = required->id;
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
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    const auto owner = readOwner(line, **store, context, &exitCode);
    if (!owner)
        return exitCode;
    action.ownerRoleKey = owner->roleKey.value_or(QString());
    action.ownerPersonId = owner->personId.value_or(0);
    auto id = (*store)->addAction(action, line.author());
    if (!id)
        return context.fail(id.error());
    context.out() << *id << QLatin1Char('\n');
    return context.finish();
}

int RollCallCommands::setAction(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("action set"), QStringLiteral("ID [options]"),
                     tr("Changes an action: its status, text, owner or follow-up mark. The change goes on the "
                        "timeline; a done or cancelled action's time-box stops."));
    line.addPositionalArgument(QStringLiteral("ID"), tr("The action's id."));
    line.addOption({QStringLiteral("status"), tr("proposed, assigned, in-progress, done, cancelled."), tr("STATUS")});
    line.addOption({QStringLiteral("text"), tr("The new wording."), tr("TEXT")});
    line.addOption({QStringLiteral("owner"), tr("The owner role, by key; none clears it."), tr("ROLE")});
    line.addOption({QStringLiteral("owner-person"), tr("The owner; none clears it."), tr("WHO")});
    line.addOption({QStringLiteral("follow-up"), tr("yes or no: a follow-up for the postmortem."), tr("YES|NO")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (!line.noExtraArguments(1, &exitCode))
        return exitCode;
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
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    const auto owner = readOwner(line, **store, context, &exitCode);
    if (!owner)
        return exitCode;
    change.ownerRoleKey = owner->roleKey;
    change.ownerPersonId = owner->personId;
    if (change.isEmpty())
        return line.usageError(tr("say what changes: --status, --text, --owner, --owner-person or --follow-up"));
    if (StoreError error = (*store)->updateAction(*actionId, change, line.author()))
        return context.fail(error);
    return context.finish();
}

int RollCallCommands::listActions(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("action list"), QStringLiteral("--incident ID [options]"),
                     tr("Prints the incident's actions, open ones first: id, status, owner, follow-up, text."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("open"), tr("Only the open ones.")});
    line.addOption(CommandLine::formatOption({QStringLiteral("text"), QStringLiteral("json")}));
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(IncidentOption, {}, &exitCode);
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
    auto actions = (*store)->actions(required->id);
    if (!actions)
        return context.fail(actions.error());
    const bool openOnly = line.isSet(QStringLiteral("open"));
    QJsonArray array;
    for (const IncidentAction &a : std::as_const(*actions)) {
        if (openOnly && !a.isOpen())
            continue;
        if (*format == QLatin1String("json")) {
            array.append(actionJson(a));
            continue;
        }
        context.out() << a.id << QLatin1Char('\t') << ActionVocabulary::statusKey(a.status) << QLatin1Char('\t')
                      << CliFormat::field(a.ownerName) << QLatin1Char('\t')
                      << (a.followUp ? QStringLiteral("follow-up") : QString()) << QLatin1Char('\t')
                      << CliFormat::field(a.text) << QLatin1Char('\n');
    }
    if (*format == QLatin1String("json"))
        context.out() << CliFormat::compactJson(array);
    return context.finish();
}

int RollCallCommands::addDecision(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("decision add"), QStringLiteral("--incident ID --proposal T [options]"),
                     tr("Records a decision: the proposal, the \"any strong objections?\" check and the outcome. "
                        "Logged on the timeline as a key event; prints its id."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("proposal"), tr("What was proposed (required)."), tr("TEXT")});
    line.addOption({QStringLiteral("objections"),
                    tr("none (asked, none raised), not-asked (the default), or what was raised."), tr("TEXT")});
    line.addOption({QStringLiteral("outcome"), tr("adopted (default), rejected or deferred."), tr("OUTCOME")});
    line.addOption({QStringLiteral("decided-by"), tr("Who made the call (default: the author)."), tr("WHO")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(IncidentOption, {QStringLiteral("proposal")}, &exitCode);
    if (!required)
        return exitCode;
    NewDecision d;
    d.incidentId = required->id;
    d.proposal = required->values.at(0);
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
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    auto id = (*store)->addDecision(d, line.author());
    if (!id)
        return context.fail(id.error());
    context.out() << *id << QLatin1Char('\n');
    return context.finish();
}

int RollCallCommands::listDecisions(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("decision list"), QStringLiteral("--incident ID [options]"),
                     tr("Prints the incident's decisions, oldest first: id, time, outcome, objections, decided by, "
                        "proposal."));
    line.addOption(incidentOption());
    line.addOption(CommandLine::formatOption({QStringLiteral("text"), QStringLiteral("json")}));
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(IncidentOption, {}, &exitCode);
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
    auto decisions = (*store)->decisions(required->id);
    if (!decisions)
        return context.fail(decisions.error());
    QJsonArray array;
    for (const Decision &d : std::as_const(*decisions)) {
        if (*format == QLatin1String("json")) {
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
    if (*format == QLatin1String("json"))
        context.out() << CliFormat::compactJson(array);
    return context.finish();
}

} // namespace cp::cli
