#include "timercommands.h"

#include "cliformat.h"
#include "domain/timerdefaults.h"
#include "timers/timerlineparser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>

namespace cp::cli {

namespace {

const QString LabelOption = QStringLiteral("label");
const QString OwnerOption = QStringLiteral("owner");

QCommandLineOption labelOption()
{
    return {LabelOption, TimerCommands::tr("What the timer is for, e.g. \"check DB SME\" (required)."),
            TimerCommands::tr("TEXT")};
}

QCommandLineOption ownerOption()
{
    return {OwnerOption, TimerCommands::tr("The role that owns it, by key: ic, deputy, comms, sme …"),
            TimerCommands::tr("ROLE")};
}

// What is left as people read it: "4:12", "+1:20" once overdue, a stopwatch's count, "—" when done.
QString remainingText(const Timer &t, TimerPhase phase, const QDateTime &now)
{
    switch (phase) {
    case TimerPhase::Running:
    case TimerPhase::DueSoon:
        return t.hasDeadline() ? TimerVocabulary::clockText(t.remainingMsAt(now))
                               : TimerVocabulary::clockText(t.elapsedMsAt(now) / 1000 * 1000);
    case TimerPhase::Expired:
        return QLatin1Char('+') + TimerVocabulary::clockText(t.overdueMsAt(now) / 1000 * 1000);
    case TimerPhase::Paused:
        return TimerVocabulary::clockText(t.pausedMs);
    case TimerPhase::Acknowledged:
    case TimerPhase::Cancelled:
        break;
    }
    return QStringLiteral("-");
}

QJsonObject timerJson(const Timer &t, const QDateTime &now)
{
    const TimerPhase phase = t.phaseAt(now);
    return QJsonObject{
        {QStringLiteral("id"), t.id},
        {QStringLiteral("incident"), t.incidentId},
        {QStringLiteral("kind"), TimerVocabulary::kindKey(t.kind)},
        {QStringLiteral("label"), t.label},
        {QStringLiteral("owner"), t.ownerRoleKey.isEmpty() ? QJsonValue() : QJsonValue(t.ownerRoleKey)},
        {QStringLiteral("state"), TimerVocabulary::stateKey(t.state)},
        {QStringLiteral("phase"), TimerVocabulary::phaseKey(phase)},
        {QStringLiteral("duration_ms"), t.durationMs},
        {QStringLiteral("warn_ms"), t.warnMs},
        {QStringLiteral("deadline"), CliFormat::timeOrNull(t.deadlineAt)},
        {QStringLiteral("remaining_ms"),
         t.hasDeadline() && t.isLive() ? QJsonValue(t.remainingMsAt(now)) : QJsonValue()},
        {QStringLiteral("overdue_ms"), t.overdueMsAt(now)},
        {QStringLiteral("elapsed_ms"), t.hasDeadline() ? QJsonValue() : QJsonValue(t.elapsedMsAt(now))},
        {QStringLiteral("remaining"), remainingText(t, phase, now)},
        {QStringLiteral("anchor"), CliFormat::timeOrNull(t.anchorAt)},
        {QStringLiteral("ends_at"), CliFormat::timeOrNull(t.endsAt)},
        {QStringLiteral("default_key"), t.defaultKey.isEmpty() ? QJsonValue() : QJsonValue(t.defaultKey)},
        {QStringLiteral("created_at"), CliFormat::isoUtc(t.createdAt)},
        {QStringLiteral("created_by"), t.createdBy},
    };
}

} // namespace

QList<Command> TimerCommands::commands()
{
    using Incident = Command::Incident;
    const QString note = tr("Durations: 90s, 5m, 1h30m.");
    QList<Command> rows{
        Command(QStringLiteral("timer start"),
                QStringLiteral("--incident ID --in 5m --label T [--owner ROLE] [--author A]"),
                tr("a countdown; prints its id"))
            .describe(tr("Starts a countdown; prints its id once saved. It turns amber a minute before its deadline "
                         "and expires at it."))
            .option({QStringLiteral("in"), tr("How long: 90s, 5m, 1h30m (required)."), tr("DURATION")})
            .groupNote(note),
        Command(QStringLiteral("timer every"),
                QStringLiteral("--incident ID --period 20m --label T [--owner ROLE] [--first-in 5m] [--author A]"),
                tr("a recurring cadence; prints its id"))
            .describe(tr("Starts a recurring cadence (a status update every 20 minutes); prints its id once saved. "
                         "Acknowledging it schedules the next deadline."))
            .option({QStringLiteral("period"), tr("How often: 20m, 1h (required)."), tr("DURATION")})
            .option({QStringLiteral("first-in"), tr("The first deadline this soon (default: one period)."),
                     tr("DURATION")}),
        Command(QStringLiteral("timer stopwatch"),
                QStringLiteral("--incident ID --label T [--since declared|TIME] [--owner ROLE] [--author A]"),
                tr("counts up; prints its id"))
            .describe(tr("Starts a stopwatch that counts up; prints its id once saved."))
            .option({QStringLiteral("since"),
                     tr("Count since 'declared' (the incident's declaration) or an ISO-8601 time (default: now)."),
                     tr("WHEN")}),
    };
    for (Command &row : rows) {
        const QString kind = row.subcommand();
        row.writes()
            .incident(Incident::Required)
            .option(labelOption())
            .option(ownerOption())
            .required({LabelOption})
            .author()
            .run([kind](CommandCall &call) { return start(call, kind); });
    }
    rows << Command(QStringLiteral("timer list"), QStringLiteral("--incident ID [--all] [--format text|json]"),
                    tr("remaining or overdue time, computed now"))
                .describe(tr("Lists the incident's timers with what is left, computed from the clock now. Text: id, "
                             "kind, phase, remaining (\"+1:20\" once overdue), owner, label, tab separated; running "
                             "and paused timers only unless --all."))
                .reads()
                .incident(Incident::Existing)
                .option({QStringLiteral("all"), tr("Also acknowledged and cancelled timers.")})
                .formats({QStringLiteral("text"), QStringLiteral("json")})
                .run(&TimerCommands::list);
    const QList<std::pair<QString, QString>> changes{
        {QStringLiteral("ack"), tr("acknowledge: a cadence schedules its next deadline")},
        {QStringLiteral("snooze"), tr("the deadline moves to now + whole minutes")},
        {QStringLiteral("pause"), tr("stop the clock")},
        {QStringLiteral("resume"), tr("run on from where it paused")},
        {QStringLiteral("restart"), tr("start again from the full duration")},
        {QStringLiteral("cancel"), tr("stop it for good")},
    };
    for (const auto &[sub, summary] : changes) {
        const bool snooze = sub == QLatin1String("snooze");
        Command row(QStringLiteral("timer %1").arg(sub),
                    snooze ? QStringLiteral("ID --by 3m [--author A]") : QStringLiteral("ID [--author A]"), summary);
        row.describe(tr("Changes one timer (its id as 'timer list' shows it); the change goes on the timeline."))
            .writes()
            .argument(QStringLiteral("ID"), tr("The timer's id."))
            .author()
            .run([sub = sub](CommandCall &call) { return change(call, sub); });
        if (snooze)
            row.option({QStringLiteral("by"), tr("Whole minutes: 1m, 3m, 5m (required)."), tr("DURATION")})
                .required({QStringLiteral("by")});
        rows << row;
    }
    rows << Command(QStringLiteral("timer defaults"), QStringLiteral("--incident ID [--author A]"),
                    tr("the cadences of the incident's severity; prints new ids"))
                .describe(tr("Starts the timers the practice asks for at the incident's severity (status update "
                             "cadences, elapsed-time callout, hand-over prompts, time since declared). One already "
                             "running is not started twice. Uses the user's changes made in the GUI (Timers > Timer "
                             "defaults), if any. Prints the new timers' ids, one per line."))
                .writes()
                .incident(Incident::Existing)
                .author()
                .run(&TimerCommands::defaults);
    return rows;
}

int TimerCommands::start(CommandCall &call, const QString &kind)
{
    const CommandLine &line = call.line();
    const bool countdown = kind == QLatin1String("start");
    const bool cadence = kind == QLatin1String("every");
    const QString durationOption = countdown ? QStringLiteral("in") : QStringLiteral("period");
    const QString &label = call.values().at(0);
    int exitCode = 0;
    qint64 durationMs = 0;
    if (countdown || cadence) {
        const auto text = line.requiredValue(durationOption, &exitCode);
        if (!text)
            return exitCode;
        const auto ms = TimerLineParser::parseDuration(*text);
        if (!ms || *ms <= 0)
            return line.usageError(
                tr("--%1 '%2' is not a duration such as 90s, 5m or 1h30m").arg(durationOption, *text));
        durationMs = *ms;
    }
    TimerOptions options;
    options.ownerRoleKey = line.value(OwnerOption).trimmed();
    if (cadence && line.isSet(QStringLiteral("first-in"))) {
        const auto ms = TimerLineParser::parseDuration(line.value(QStringLiteral("first-in")));
        if (!ms || *ms <= 0)
            return line.usageError(
                tr("--first-in '%1' is not a duration such as 5m").arg(line.value(QStringLiteral("first-in"))));
        options.firstAfterMs = *ms;
    }

    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    IncidentStore &s = *store;
    const qint64 incidentId = call.incidentId();
    if (!countdown && !cadence && line.isSet(QStringLiteral("since"))) {
        const QString since = line.value(QStringLiteral("since")).trimmed();
        if (since.compare(QLatin1String("declared"), Qt::CaseInsensitive) == 0) {
            const Incident *incident = call.incident();
            if (!incident)
                return call.exitCode();
            options.since = incident->declaredAt;
        } else {
            options.since = QDateTime::fromString(since, Qt::ISODateWithMs);
            if (!options.since.isValid() || since.size() < 16)
                return line.usageError(tr("--since '%1' is neither 'declared' nor an ISO-8601 time").arg(since));
        }
    }
    const QString author = call.author();
    return call.printId(countdown ? s.timers().startCountdown(incidentId, label, durationMs, options, author)
                        : cadence ? s.timers().startCadence(incidentId, label, durationMs, options, author)
                                  : s.timers().startStopwatch(incidentId, label, options, author));
}

int TimerCommands::list(CommandCall &call)
{
    CliContext &context = call.context();
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    const qint64 incidentId = call.incidentId();
    auto timers = store->timers().list(incidentId);
    if (!timers)
        return context.fail(timers.error());
    const QDateTime now = store->session().clock().nowUtc();
    const bool all = call.isSet(QStringLiteral("all"));

    if (call.json()) {
        QJsonArray array;
        for (const Timer &t : std::as_const(*timers)) {
            if (all || t.isLive())
                array.append(timerJson(t, now));
        }
        context.out() << CliFormat::compactJson(QJsonObject{{QStringLiteral("incident"), incidentId},
                                                            {QStringLiteral("now"), CliFormat::isoUtc(now)},
                                                            {QStringLiteral("timers"), array}});
        return context.finish();
    }
    for (const Timer &t : std::as_const(*timers)) {
        if (!all && !t.isLive())
            continue;
        const TimerPhase phase = t.phaseAt(now);
        context.out() << t.id << QLatin1Char('\t') << TimerVocabulary::kindKey(t.kind) << QLatin1Char('\t')
                      << TimerVocabulary::phaseKey(phase) << QLatin1Char('\t') << remainingText(t, phase, now)
                      << QLatin1Char('\t') << CliFormat::field(t.ownerRoleKey) << QLatin1Char('\t')
                      << CliFormat::field(t.label) << QLatin1Char('\n');
    }
    return context.finish();
}

int TimerCommands::change(CommandCall &call, const QString &sub)
{
    const CommandLine &line = call.line();
    const bool snooze = sub == QLatin1String("snooze");
    const QString idText = line.positionalArguments().value(0);
    if (idText.isEmpty())
        return line.usageError(tr("the timer's id is missing"));
    const auto timerId = parseId(idText);
    if (!timerId)
        return line.usageError(tr("'%1' is not a timer id").arg(idText));
    int minutes = 0;
    if (snooze) {
        const QString &by = call.values().at(0);
        const auto ms = TimerLineParser::parseDuration(by);
        if (!ms || *ms <= 0 || *ms % 60000 != 0)
            return line.usageError(tr("--by '%1' must be whole minutes such as 3m").arg(by));
        minutes = int(*ms / 60000);
    }

    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    IncidentStore &s = *store;
    const QString author = call.author();
    StoreError error;
    if (sub == QLatin1String("ack"))
        error = s.timers().acknowledge(*timerId, author);
    else if (snooze)
        error = s.timers().snooze(*timerId, minutes, author);
    else if (sub == QLatin1String("pause"))
        error = s.timers().pause(*timerId, author);
    else if (sub == QLatin1String("resume"))
        error = s.timers().resume(*timerId, author);
    else if (sub == QLatin1String("restart"))
        error = s.timers().restart(*timerId, author);
    else
        error = s.timers().cancel(*timerId, author);
    if (!error.ok())
        return call.fail(error);
    return call.finish();
}

int TimerCommands::defaults(CommandCall &call)
{
    const Incident *incident = call.incident();
    if (!incident)
        return call.exitCode();
    // The user's changes made in the GUI (Timers ▸ Timer defaults), from the same settings.
    const QSettings settings;
    const auto overrides =
        TimerDefaultOverrides::fromText(settings.value(TimerDefaultOverrides::settingsKey()).toString());
    auto ids = call.store()->timers().startDefaults(
        call.incidentId(), TimerDefaults::forSeverity(incident->severity, overrides), call.author());
    if (!ids)
        return call.fail(ids.error());
    for (qint64 id : std::as_const(*ids))
        call.out() << id << QLatin1Char('\n');
    return call.finish();
}

} // namespace cp::cli
