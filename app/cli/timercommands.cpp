#include "timercommands.h"

#include "clicontext.h"
#include "cliformat.h"
#include "commandline.h"
#include "timers/timerdefaults.h"
#include "timers/timerlineparser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>

namespace cp::cli {

namespace {

const QString IncidentOption = QStringLiteral("incident");
const QString LabelOption = QStringLiteral("label");
const QString OwnerOption = QStringLiteral("owner");

QCommandLineOption incidentOption()
{
    return {IncidentOption, TimerCommands::tr("The incident's id (required)."), TimerCommands::tr("ID")};
}

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

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(CliFormat::isoUtc(time)) : QJsonValue();
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
        {QStringLiteral("deadline"), timeOrNull(t.deadlineAt)},
        {QStringLiteral("remaining_ms"),
         t.hasDeadline() && t.isLive() ? QJsonValue(t.remainingMsAt(now)) : QJsonValue()},
        {QStringLiteral("overdue_ms"), t.overdueMsAt(now)},
        {QStringLiteral("elapsed_ms"), t.hasDeadline() ? QJsonValue() : QJsonValue(t.elapsedMsAt(now))},
        {QStringLiteral("remaining"), remainingText(t, phase, now)},
        {QStringLiteral("anchor"), timeOrNull(t.anchorAt)},
        {QStringLiteral("ends_at"), timeOrNull(t.endsAt)},
        {QStringLiteral("default_key"), t.defaultKey.isEmpty() ? QJsonValue() : QJsonValue(t.defaultKey)},
        {QStringLiteral("created_at"), CliFormat::isoUtc(t.createdAt)},
        {QStringLiteral("created_by"), t.createdBy},
    };
}

} // namespace

QString TimerCommands::helpText()
{
    return tr("Usage: commandpost-cli timer SUBCOMMAND [options]\n"
              "  start     --incident ID --in 5m --label T [--owner ROLE] [--author A]   a countdown; prints its id\n"
              "  every     --incident ID --period 20m --label T [--owner ROLE] [--first-in 5m] [--author A]\n"
              "            a recurring cadence; prints its id\n"
              "  stopwatch --incident ID --label T [--since declared|TIME] [--owner ROLE] [--author A]\n"
              "  list      --incident ID [--all] [--format text|json]   remaining or overdue time, computed now\n"
              "  ack ID | pause ID | resume ID | restart ID | cancel ID   [--author A]\n"
              "  snooze ID --by 3m [--author A]   the deadline moves to now + whole minutes\n"
              "  defaults  --incident ID [--author A]   the cadences of the incident's severity; prints new ids\n"
              "Durations: 90s, 5m, 1h30m. Run 'commandpost-cli timer SUBCOMMAND --help' for details.\n");
}

int TimerCommands::run(CliContext &context, const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QLatin1String("start") || sub == QLatin1String("every") || sub == QLatin1String("stopwatch"))
        return start(context, rest, sub);
    if (sub == QLatin1String("list"))
        return list(context, rest);
    if (sub == QLatin1String("defaults"))
        return defaults(context, rest);
    const QStringList changes{QStringLiteral("ack"),    QStringLiteral("snooze"),  QStringLiteral("pause"),
                              QStringLiteral("resume"), QStringLiteral("restart"), QStringLiteral("cancel")};
    if (changes.contains(sub))
        return change(context, rest, sub);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        context.out() << helpText();
        return context.finish();
    }
    if (sub.isEmpty())
        return context.usageError(tr("'timer' needs a subcommand: start, every, stopwatch, list, ack, snooze, "
                                     "pause, resume, restart, cancel or defaults"),
                                  QStringLiteral("timer"));
    return context.usageError(tr("unknown subcommand 'timer %1'").arg(sub), QStringLiteral("timer"));
}

int TimerCommands::start(CliContext &context, const QStringList &arguments, const QString &kind)
{
    const bool countdown = kind == QLatin1String("start");
    const bool cadence = kind == QLatin1String("every");
    const QString durationOption = countdown ? QStringLiteral("in") : QStringLiteral("period");
    CommandLine line(context, QStringLiteral("timer %1").arg(kind),
                     countdown ? QStringLiteral("--incident ID --in 5m --label T [options]")
                     : cadence ? QStringLiteral("--incident ID --period 20m --label T [options]")
                               : QStringLiteral("--incident ID --label T [options]"),
                     countdown ? tr("Starts a countdown; prints its id once saved. It turns amber a minute before "
                                    "its deadline and expires at it.")
                     : cadence ? tr("Starts a recurring cadence (a status update every 20 minutes); prints its id "
                                    "once saved. Acknowledging it schedules the next deadline.")
                               : tr("Starts a stopwatch that counts up; prints its id once saved."));
    line.addOption(incidentOption());
    line.addOption(labelOption());
    line.addOption(ownerOption());
    line.addOption(CommandLine::authorOption());
    if (countdown)
        line.addOption({durationOption, tr("How long: 90s, 5m, 1h30m (required)."), tr("DURATION")});
    if (cadence) {
        line.addOption({durationOption, tr("How often: 20m, 1h (required)."), tr("DURATION")});
        line.addOption(
            {QStringLiteral("first-in"), tr("The first deadline this soon (default: one period)."), tr("DURATION")});
    }
    if (!countdown && !cadence)
        line.addOption({QStringLiteral("since"),
                        tr("Count since 'declared' (the incident's declaration) or an ISO-8601 time (default: now)."),
                        tr("WHEN")});
    if (auto done = line.parse(arguments))
        return *done;

    int exitCode = 0;
    if (!line.noExtraArguments(0, &exitCode))
        return exitCode;
    const auto incidentId = line.requiredId(IncidentOption, &exitCode);
    if (!incidentId)
        return exitCode;
    const auto label = line.requiredValue(LabelOption, &exitCode);
    if (!label)
        return exitCode;
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

    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    IncidentStore &s = **store;
    if (!countdown && !cadence && line.isSet(QStringLiteral("since"))) {
        const QString since = line.value(QStringLiteral("since")).trimmed();
        if (since.compare(QLatin1String("declared"), Qt::CaseInsensitive) == 0) {
            auto incident = s.incident(*incidentId);
            if (!incident)
                return context.fail(incident.error());
            options.since = incident->declaredAt;
        } else {
            options.since = QDateTime::fromString(since, Qt::ISODateWithMs);
            if (!options.since.isValid() || since.size() < 16)
                return line.usageError(tr("--since '%1' is neither 'declared' nor an ISO-8601 time").arg(since));
        }
    }
    const QString author = line.author();
    Result<qint64> id = countdown ? s.startCountdown(*incidentId, *label, durationMs, options, author)
                        : cadence ? s.startCadence(*incidentId, *label, durationMs, options, author)
                                  : s.startStopwatch(*incidentId, *label, options, author);
    if (!id)
        return context.fail(id.error());
    context.out() << *id << QLatin1Char('\n');
    return context.finish();
}

int TimerCommands::list(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("timer list"),
                     QStringLiteral("--incident ID [--all] [--format text|json]"),
                     tr("Lists the incident's timers with what is left, computed from the clock now. Text: id, kind, "
                        "phase, remaining (\"+1:20\" once overdue), owner, label, tab separated; running and paused "
                        "timers only unless --all."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("all"), tr("Also acknowledged and cancelled timers.")});
    line.addOption(CommandLine::formatOption({QStringLiteral("text"), QStringLiteral("json")}));
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (!line.noExtraArguments(0, &exitCode))
        return exitCode;
    const auto incidentId = line.requiredId(IncidentOption, &exitCode);
    if (!incidentId)
        return exitCode;
    const auto format = line.format({QStringLiteral("text"), QStringLiteral("json")}, &exitCode);
    if (!format)
        return exitCode;

    auto store = context.openStore(CliContext::Access::Read);
    if (!store)
        return context.fail(store.error());
    auto incident = (*store)->incident(*incidentId);
    if (!incident)
        return context.fail(incident.error());
    auto timers = (*store)->timers(*incidentId);
    if (!timers)
        return context.fail(timers.error());
    const QDateTime now = (*store)->clock().nowUtc();
    const bool all = line.isSet(QStringLiteral("all"));

    if (*format == QLatin1String("json")) {
        QJsonArray array;
        for (const Timer &t : std::as_const(*timers)) {
            if (all || t.isLive())
                array.append(timerJson(t, now));
        }
        context.out() << CliFormat::compactJson(QJsonObject{{QStringLiteral("incident"), *incidentId},
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

int TimerCommands::change(CliContext &context, const QStringList &arguments, const QString &sub)
{
    const bool snooze = sub == QLatin1String("snooze");
    CommandLine line(context, QStringLiteral("timer %1").arg(sub),
                     snooze ? QStringLiteral("ID --by 3m [--author A]") : QStringLiteral("ID [--author A]"),
                     tr("Changes one timer (its id as 'timer list' shows it); the change goes on the timeline."));
    line.addPositionalArgument(QStringLiteral("ID"), tr("The timer's id."));
    line.addOption(CommandLine::authorOption());
    if (snooze)
        line.addOption({QStringLiteral("by"), tr("Whole minutes: 1m, 3m, 5m (required)."), tr("DURATION")});
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (!line.noExtraArguments(1, &exitCode))
        return exitCode;
    const QString idText = line.positionalArguments().value(0);
    if (idText.isEmpty())
        return line.usageError(tr("the timer's id is missing"));
    const auto timerId = parseId(idText);
    if (!timerId)
        return line.usageError(tr("'%1' is not a timer id").arg(idText));
    int minutes = 0;
    if (snooze) {
        const auto by = line.requiredValue(QStringLiteral("by"), &exitCode);
        if (!by)
            return exitCode;
        const auto ms = TimerLineParser::parseDuration(*by);
        if (!ms || *ms <= 0 || *ms % 60000 != 0)
            return line.usageError(tr("--by '%1' must be whole minutes such as 3m").arg(*by));
        minutes = int(*ms / 60000);
    }

    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    IncidentStore &s = **store;
    const QString author = line.author();
    StoreError error;
    if (sub == QLatin1String("ack"))
        error = s.acknowledgeTimer(*timerId, author);
    else if (snooze)
        error = s.snoozeTimer(*timerId, minutes, author);
    else if (sub == QLatin1String("pause"))
        error = s.pauseTimer(*timerId, author);
    else if (sub == QLatin1String("resume"))
        error = s.resumeTimer(*timerId, author);
    else if (sub == QLatin1String("restart"))
        error = s.restartTimer(*timerId, author);
    else
        error = s.cancelTimer(*timerId, author);
    if (error)
        return context.fail(error);
    return context.finish();
}

int TimerCommands::defaults(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("timer defaults"), QStringLiteral("--incident ID [--author A]"),
                     tr("Starts the timers the practice asks for at the incident's severity (status update cadences, "
                        "elapsed-time callout, hand-over prompts, time since declared). One already running is not "
                        "started twice. Uses the user's changes made in the GUI (Timers > Timer defaults), if any. "
                        "Prints the new timers' ids, one per line."));
    line.addOption(incidentOption());
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (!line.noExtraArguments(0, &exitCode))
        return exitCode;
    const auto incidentId = line.requiredId(IncidentOption, &exitCode);
    if (!incidentId)
        return exitCode;
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    auto incident = (*store)->incident(*incidentId);
    if (!incident)
        return context.fail(incident.error());
    // The user's changes made in the GUI (Timers ▸ Timer defaults), from the same settings.
    const QSettings settings;
    const auto overrides =
        TimerDefaultOverrides::fromText(settings.value(TimerDefaultOverrides::settingsKey()).toString());
    auto ids = (*store)->startDefaultTimers(*incidentId, TimerDefaults::forSeverity(incident->severity, overrides),
                                            line.author());
    if (!ids)
        return context.fail(ids.error());
    for (qint64 id : std::as_const(*ids))
        context.out() << id << QLatin1Char('\n');
    return context.finish();
}

} // namespace cp::cli
