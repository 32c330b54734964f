#include "stakeholdercommands.h"

namespace cp::cli {

QList<Command> StakeholderCommands::commands()
{
    using Incident = Command::Incident;
    return {
        Command(QStringLiteral("notify"), QStringLiteral("--incident ID [DEPARTMENT] [--method HOW] [--note TEXT]"),
                tr("a department told; without one, the list"))
            .describe(tr("Records that a department (its key or name in the directory) was told about the "
                         "incident, when and by whom. Without DEPARTMENT, lists the departments: key, "
                         "must|optional, told at, by, how (tab separated)."))
            .writes()
            .incident(Incident::Required)
            .argument(QStringLiteral("DEPARTMENT"), tr("The department's key or name."))
            .option({QStringLiteral("method"), tr("How: phone, chat, email, in person …"), tr("HOW")})
            .option({QStringLiteral("note"), tr("What they were told or asked to do."), tr("TEXT")})
            .author()
            .run(&StakeholderCommands::notify),
        Command(QStringLiteral("inbound log"),
                QStringLiteral("--incident ID --channel media|social --question Q [--from WHO]"),
                tr("a media or social question; prints its id"))
            .describe(tr("Logs a question from the press (for the Media Officer) or on social media (for the "
                         "Social Officer); prints its id."))
            .writes()
            .incident(Incident::Required)
            .option({QStringLiteral("channel"), tr("media or social."), tr("CH")})
            .option({QStringLiteral("question"), tr("What was asked."), tr("Q")})
            .option({QStringLiteral("from"), tr("Who asked: an outlet, a reporter, an account."), tr("WHO")})
            .required({QStringLiteral("channel"), QStringLiteral("question")})
            .author()
            .run(&StakeholderCommands::logInbound),
        Command(QStringLiteral("inbound answer"), QStringLiteral("ID --answer TEXT"),
                tr("the answer given to a question"))
            .describe(tr("Records the answer given to an inbound question."))
            .writes()
            .argument(QStringLiteral("ID"), tr("The question's id."))
            .option({QStringLiteral("answer"), tr("What was answered."), tr("TEXT")})
            .author()
            .run(&StakeholderCommands::answerInbound),
        Command(QStringLiteral("inbound list"), QStringLiteral("--incident ID [--format text|json]"),
                tr("id, channel, open|answered, from, question"))
            .describe(tr("The incident's media and social questions, oldest first."))
            .reads()
            .incident(Incident::Existing)
            .formats({QStringLiteral("text"), QStringLiteral("json")})
            .run(&StakeholderCommands::listInbound),
    };
}

int StakeholderCommands::notify(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    const QString department = line.positionalArguments().value(0).trimmed();
    if (department.isEmpty()) {
        IncidentStore *store = call.store(CliContext::Access::Read);
        if (!store)
            return call.exitCode();
        const Incident *incident = call.incident();
        if (!incident)
            return call.exitCode();
        auto departments = store->roster().departments();
        if (!departments)
            return context.fail(departments.error());
        auto notices = store->business().stakeholderNotices(call.incidentId());
        if (!notices)
            return context.fail(notices.error());
        for (const Department &d : std::as_const(*departments)) {
            const StakeholderNotice *last = nullptr;
            for (const StakeholderNotice &n : std::as_const(*notices)) {
                if (n.departmentKey == d.key)
                    last = &n;
            }
            context.out() << d.key << QLatin1Char('\t')
                          << (BusinessVocabulary::mustBeTold(d, incident->kind, incident->severity)
                                  ? QStringLiteral("must")
                                  : QStringLiteral("optional"))
                          << QLatin1Char('\t') << (last ? CliFormat::isoUtc(last->toldAt) : QStringLiteral("-"))
                          << QLatin1Char('\t') << (last ? CliFormat::field(last->toldBy) : QString())
                          << QLatin1Char('\t') << (last ? CliFormat::field(last->method) : QString())
                          << QLatin1Char('\n');
        }
        return context.finish();
    }
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.printId(store->business().notifyDepartment(call.incidentId(), department,
                                                           line.value(QStringLiteral("method")),
                                                           line.value(QStringLiteral("note")), call.author()));
}

int StakeholderCommands::logInbound(CommandCall &call)
{
    const QStringList &r = call.values();
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.printId(store->business().logInbound(call.incidentId(), r.at(0).trimmed().toLower(),
                                                     call.value(QStringLiteral("from")), r.at(1), call.author()));
}

int StakeholderCommands::answerInbound(CommandCall &call)
{
    const CommandLine &line = call.line();
    int exitCode = 0;
    const auto id = parseId(line.positionalArguments().value(0));
    if (!id)
        return line.usageError(tr("the question's id is missing or not a number"));
    const auto answer = line.requiredValue(QStringLiteral("answer"), &exitCode);
    if (!answer)
        return exitCode;
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.finish(store->business().answerInbound(*id, *answer, call.author()));
}

int StakeholderCommands::listInbound(CommandCall &call)
{
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.printRows(
        store->business().inboundQuestions(call.incidentId()),
        [](const InboundQuestion &q) {
            return QJsonObject{{QStringLiteral("id"), q.id},
                               {QStringLiteral("channel"), q.channel},
                               {QStringLiteral("from"), CliFormat::textOrNull(q.from)},
                               {QStringLiteral("question"), q.question},
                               {QStringLiteral("received_at"), CliFormat::isoUtc(q.receivedAt)},
                               {QStringLiteral("logged_by"), q.loggedBy},
                               {QStringLiteral("answer"), CliFormat::textOrNull(q.answer)},
                               {QStringLiteral("answered_at"), CliFormat::timeOrNull(q.answeredAt)},
                               {QStringLiteral("answered_by"), CliFormat::textOrNull(q.answeredBy)}};
        },
        [](const InboundQuestion &q) {
            return QStringLiteral("%1\t%2\t%3\t%4\t%5")
                .arg(q.id)
                .arg(q.channel, q.isAnswered() ? QStringLiteral("answered") : QStringLiteral("open"),
                     CliFormat::field(q.from), CliFormat::field(q.question));
        });
}

} // namespace cp::cli
