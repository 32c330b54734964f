#include "businesscommands.h"

#include "messagecommands.h"
#include "templatecommands.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cp::cli {

namespace {

const QString IncidentOption = QStringLiteral("incident");

// "12" is an activity id; anything else names an activity of --incident (case-insensitive,
// whole name or a unique start of it).
Result<qint64> findActivity(IncidentStore &store, const QString &what, qint64 incidentId)
{
    if (const auto id = parseId(what))
        return *id;
    if (incidentId <= 0)
        return StoreError(StoreError::Code::Invalid,
                          BusinessCommands::tr("Name the incident (--incident ID) to find “%1” by name.").arg(what));
    auto list = store.business().activities(incidentId);
    if (!list)
        return list.error();
    if (list->isEmpty()) {
        auto mode = store.business().mode(incidentId);
        if (!mode)
            return mode.error();
        if (!mode->has_value())
            return StoreError(StoreError::Code::NotFound,
                              BusinessCommands::tr("Incident #%1 is not a business incident: declare business mode "
                                                   "first.")
                                  .arg(incidentId));
    }
    QList<qint64> starts;
    for (const BusinessActivity &a : std::as_const(*list)) {
        if (a.activity.compare(what.trimmed(), Qt::CaseInsensitive) == 0)
            return a.id;
        if (a.activity.startsWith(what.trimmed(), Qt::CaseInsensitive))
            starts << a.id;
    }
    if (starts.size() == 1)
        return starts.first();
    return StoreError(StoreError::Code::NotFound,
                      starts.isEmpty()
                          ? BusinessCommands::tr("Incident #%1 has no outbound activity “%2” on its checklist.")
                                .arg(incidentId)
                                .arg(what)
                          : BusinessCommands::tr("“%1” matches several activities; give its id.").arg(what));
}

std::optional<QStringList> audienceList(const QString &text)
{
    QStringList list = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &a : list) {
        a = a.trimmed().toLower();
        if (!BusinessVocabulary::allAudiences().contains(a))
            return std::nullopt;
    }
    return list;
}

} // namespace

QString BusinessCommands::audienceHelp()
{
    return tr("internal, strategic, customers, media or social.");
}

QString BusinessCommands::phaseHelp()
{
    return tr("investigation, identification, monitoring or resolution.");
}

QList<Command> BusinessCommands::commands()
{
    using Incident = Command::Incident;
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
    QList<Command> rows{
        Command(
            QStringLiteral("business declare"),
            QStringLiteral("--incident ID | --title T --severity SEV-n [--summary S] [--audiences A,B] [--no-roles]"),
            tr("switch the business to emergency operations (with --title: a business incident of its own; "
               "prints its id)"))
            .describe(tr("Switches the business to emergency operations: the checklist of outbound activities to "
                         "halt, the audience x phase grid of messages, the business roles under the IC. With --title "
                         "it first declares a business incident of its own and prints its id."))
            .writes()
            .incident(Incident::Optional)
            .option({QStringLiteral("title"), tr("A new business incident's title."), tr("T")})
            .option({QStringLiteral("severity"), tr("The new incident's severity, SEV-1 … SEV-5."), tr("SEV-n")})
            .option({QStringLiteral("summary"), tr("The new incident's summary."), tr("S")})
            .option({QStringLiteral("audiences"),
                     tr("Comma-separated audiences messages are due to (default internal,strategic,customers; add "
                        "media, social when they apply)."),
                     tr("LIST")})
            .option({QStringLiteral("no-roles"), tr("Do not add the business response roles.")})
            .author()
            .groupNote(tr("Audiences: internal, strategic, customers, media, social. Phases: investigation, "
                          "identification, monitoring, resolution."))
            .run(&BusinessCommands::declare),
        Command(QStringLiteral("business add"), QStringLiteral("--incident ID --activity T [--owner ROLE]"),
                tr("one more outbound activity to halt; prints its id"))
            .describe(tr("Adds an outbound activity to the emergency-operations checklist; prints its id."))
            .writes()
            .incident(Incident::Required)
            .option({QStringLiteral("activity"), tr("What to halt, e.g. \"Webinar invitations\" (required)."), tr("T")})
            .option({QStringLiteral("owner"), tr("The role that halts it: marketing-officer, social-officer …"),
                     tr("ROLE")})
            .required({QStringLiteral("activity")})
            .author()
            .run(&BusinessCommands::addActivity),
        Command(QStringLiteral("business halt"), QStringLiteral("ACTIVITY [--incident ID]"),
                tr("tick an activity halted (its id, or its name with --incident)"))
            .describe(tr("Ticks an outbound activity as halted (emergency operations only).")),
        Command(QStringLiteral("business restart"), QStringLiteral("ACTIVITY [--incident ID]"),
                tr("tick it restarted; the last restart is the all clear"))
            .describe(tr("Ticks a halted activity as restarted (after 'business normal'). The last restart is the "
                         "all clear.")),
    };
    for (qsizetype i = 2; i < rows.size(); ++i) {
        const QString sub = rows[i].subcommand();
        rows[i]
            .writes()
            .incident(Incident::Optional)
            .argument(QStringLiteral("ACTIVITY"), tr("The activity's id, or its name with --incident."))
            .author()
            .run([sub](CommandCall &call) { return tick(call, sub); });
    }
    rows << Command(QStringLiteral("business normal"), QStringLiteral("--incident ID"),
                    tr("return to normal: restart the halted activities in reverse"))
                .describe(tr("Starts the return to normal operations: the halted activities are restarted in "
                             "reverse order ('business restart'); the last one is the all clear."))
                .writes()
                .incident(Incident::Required)
                .author()
                .run(&BusinessCommands::normal)
         << Command(QStringLiteral("business skip"), QStringLiteral("--incident ID --audience A --phase P --reason R"),
                    tr("leave a grid cell out on purpose"))
                .describe(tr("Marks a cell of the audience x phase grid as deliberately skipped, with the reason."))
                .writes()
                .incident(Incident::Required)
                .option({QStringLiteral("audience"), audienceHelp(), tr("A")})
                .option({QStringLiteral("phase"), phaseHelp(), tr("P")})
                .option({QStringLiteral("reason"), tr("Why no message goes to this audience in this phase."), tr("R")})
                .required({QStringLiteral("audience"), QStringLiteral("phase"), QStringLiteral("reason")})
                .author()
                .run(&BusinessCommands::skip)
         << Command(QStringLiteral("business brief"), QStringLiteral("--incident ID [--question KEY --answer TEXT]"),
                    tr("the first briefing's questions"))
                .describe(tr("The first business briefing. With --question and --answer records the Customer "
                             "Liaison's answer; without, prints each question key, who answered, and the answer "
                             "(tab separated)."))
                .writes()
                .incident(Incident::Required)
                .option({QStringLiteral("question"), tr("The question's key (see the list)."), tr("KEY")})
                .option({QStringLiteral("answer"), tr("The answer; \"unknown\" is an answer."), tr("TEXT")})
                .author()
                .run(&BusinessCommands::brief)
         << Command(QStringLiteral("business status"), QStringLiteral("--incident ID [--format text|json]"),
                    tr("mode, checklist, briefing, grid, messages, departments"))
                .describe(tr("The business incident at a glance: mode, the emergency checklist, the briefing, the "
                             "audience x phase grid, the messages and the departments told."))
                .reads()
                .incident(Incident::Existing)
                .formats(formats)
                .run(&BusinessCommands::status);
    return rows;
}

int BusinessCommands::declare(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    const bool create = line.isSet(QStringLiteral("title"));
    if (create == line.isSet(IncidentOption))
        return line.usageError(tr("give either --incident ID or --title T (a new business incident)"));
    BusinessDeclaration declaration;
    if (line.isSet(QStringLiteral("audiences"))) {
        const auto audiences = audienceList(line.value(QStringLiteral("audiences")));
        if (!audiences || audiences->isEmpty())
            return line.usageError(tr("--audiences takes a comma-separated list of %1")
                                       .arg(BusinessVocabulary::allAudiences().join(QStringLiteral(", "))));
        declaration.audiences = *audiences;
    }
    NewIncident incident;
    qint64 incidentId = call.incidentId();
    if (create) {
        incident.title = line.value(QStringLiteral("title"));
        incident.summary = line.value(QStringLiteral("summary")) + QStringLiteral("");
        incident.kind = IncidentKind::Business;
        const auto severity = IncidentVocabulary::severityFromKey(line.value(QStringLiteral("severity")));
        if (!severity)
            return line.usageError(tr("--severity must be SEV-1 … SEV-5"));
        incident.severity = *severity;
    }
    if (!line.isSet(QStringLiteral("no-roles"))) {
        auto roles = TemplateCommands::find(QStringLiteral("business-response"));
        if (!roles)
            return context.fail(roles.error());
        declaration.roles = *roles;
    }

    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    IncidentStore &s = *store;
    const QString author = call.author();
    if (create) {
        // The business incident on its own: its roles are the business tree at the top.
        incident.roles = declaration.roles;
        declaration.roles.reset();
        auto id = s.incidents().create(incident, author);
        if (!id)
            return context.fail(id.error());
        incidentId = *id;
    }
    if (StoreError error = s.business().declare(incidentId, declaration, author); !error.ok())
        return context.fail(error);
    if (create)
        context.out() << incidentId << QLatin1Char('\n');
    return context.finish();
}

int BusinessCommands::addActivity(CommandCall &call)
{
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.printId(store->business().addActivity(
        call.incidentId(), {call.values().at(0), call.value(QStringLiteral("owner")).trimmed()}, call.author()));
}

int BusinessCommands::tick(CommandCall &call, const QString &sub)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    const bool halt = sub == QLatin1String("halt");
    const QString what = line.positionalArguments().value(0);
    if (what.trimmed().isEmpty())
        return line.usageError(tr("which activity? give its id or its name"));
    const qint64 incidentId = call.incidentId();
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto activityId = findActivity(*store, what, incidentId);
    if (!activityId)
        return context.fail(activityId.error());
    if (incidentId > 0) {
        auto activity = store->business().activity(*activityId);
        if (!activity)
            return context.fail(activity.error());
        if (activity->incidentId != incidentId)
            return context.fail({StoreError::Code::NotFound, tr("Activity #%1 belongs to incident #%2, not #%3.")
                                                                 .arg(*activityId)
                                                                 .arg(activity->incidentId)
                                                                 .arg(incidentId)});
    }
    const StoreError error = halt ? store->business().haltActivity(*activityId, call.author())
                                  : store->business().restartActivity(*activityId, call.author());
    if (!error.ok())
        return context.fail(error);
    return context.finish();
}

int BusinessCommands::normal(CommandCall &call)
{
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.finish(store->business().returnToNormal(call.incidentId(), call.author()));
}

int BusinessCommands::skip(CommandCall &call)
{
    const QStringList &r = call.values();
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.finish(store->business().skipCell(call.incidentId(), r.at(0).trimmed().toLower(),
                                                  r.at(1).trimmed().toLower(), r.at(2), call.author()));
}

int BusinessCommands::brief(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    int exitCode = 0;
    const bool answering = line.isSet(QStringLiteral("question")) || line.isSet(QStringLiteral("answer"));
    if (answering) {
        const auto values = line.requiredValues({QStringLiteral("question"), QStringLiteral("answer")}, &exitCode);
        if (!values)
            return exitCode;
        IncidentStore *store = call.store(CliContext::Access::Write);
        if (!store)
            return call.exitCode();
        return call.finish(
            store->business().answerBriefing(call.incidentId(), values->at(0).trimmed(), values->at(1), call.author()));
    }
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto answers = store->business().briefingAnswers(call.incidentId());
    if (!answers)
        return context.fail(answers.error());
    for (const BriefingQuestion &q : BusinessVocabulary::briefingQuestions()) {
        BriefingAnswer found;
        for (const BriefingAnswer &a : std::as_const(*answers)) {
            if (a.questionKey == q.key)
                found = a;
        }
        context.out() << q.key << QLatin1Char('\t') << CliFormat::field(found.answeredBy) << QLatin1Char('\t')
                      << CliFormat::field(found.answer.isEmpty() ? QStringLiteral("-") : found.answer)
                      << QLatin1Char('\t') << CliFormat::field(q.text) << QLatin1Char('\n');
    }
    return context.finish();
}

int BusinessCommands::status(CommandCall &call)
{
    CliContext &context = call.context();
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    IncidentStore &s = *store;
    const Incident *incident = call.incident();
    const qint64 incidentId = call.incidentId();
    auto mode = s.business().mode(incidentId);
    if (!mode)
        return context.fail(mode.error());
    if (!mode->has_value())
        return context.fail(
            {StoreError::Code::NotFound,
             tr("Incident #%1 is not a business incident: declare business mode first.").arg(incidentId)});
    const BusinessMode &m = **mode;
    auto activities = s.business().activities(incidentId);
    auto answers = s.business().briefingAnswers(incidentId);
    auto messages = s.business().messages(incidentId);
    auto skipped = s.business().skippedCells(incidentId);
    auto notices = s.business().stakeholderNotices(incidentId);
    auto departments = s.roster().departments();
    auto inbound = s.business().inboundQuestions(incidentId);
    for (const StoreError &e : {activities.error(), answers.error(), messages.error(), skipped.error(), notices.error(),
                                departments.error(), inbound.error()}) {
        if (!e.ok())
            return context.fail(e);
    }
    const QString phase = BusinessVocabulary::phaseForStatus(incident->status);
    auto cell = [&](const QString &audience, const QString &p) -> QString {
        for (const Message &msg : std::as_const(*messages)) {
            if (msg.audience == audience && msg.phase == p)
                return msg.isSent() ? QStringLiteral("sent")
                                    : QStringLiteral("#%1:%2").arg(msg.id).arg(MessageCommands::stateOf(msg));
        }
        for (const SkippedCell &sc : std::as_const(*skipped)) {
            if (sc.audience == audience && sc.phase == p)
                return QStringLiteral("skipped");
        }
        const auto phases = BusinessVocabulary::allPhases();
        const auto here = phases.indexOf(phase);
        const auto there = phases.indexOf(p);
        return there < here ? QStringLiteral("passed") : there == here ? QStringLiteral("due") : QStringLiteral("-");
    };
    auto told = [&](const Department &d) -> const StakeholderNotice * {
        const StakeholderNotice *last = nullptr;
        for (const StakeholderNotice &n : std::as_const(*notices)) {
            if (n.departmentKey == d.key)
                last = &n;
        }
        return last;
    };

    if (call.json()) {
        QJsonArray checklist;
        for (const BusinessActivity &a : std::as_const(*activities))
            checklist.append(QJsonObject{{QStringLiteral("id"), a.id},
                                         {QStringLiteral("activity"), a.activity},
                                         {QStringLiteral("owner"), CliFormat::textOrNull(a.ownerRoleKey)},
                                         {QStringLiteral("user_added"), a.userAdded},
                                         {QStringLiteral("halted_at"), CliFormat::timeOrNull(a.haltedAt)},
                                         {QStringLiteral("halted_by"), CliFormat::textOrNull(a.haltedBy)},
                                         {QStringLiteral("restarted_at"), CliFormat::timeOrNull(a.restartedAt)},
                                         {QStringLiteral("restarted_by"), CliFormat::textOrNull(a.restartedBy)}});
        QJsonObject briefing;
        for (const BriefingAnswer &a : std::as_const(*answers))
            briefing.insert(a.questionKey, QJsonObject{{QStringLiteral("answer"), a.answer},
                                                       {QStringLiteral("by"), a.answeredBy},
                                                       {QStringLiteral("at"), CliFormat::isoUtc(a.answeredAt)}});
        QJsonObject grid;
        for (const QString &audience : m.audiences) {
            QJsonObject row;
            for (const QString &p : BusinessVocabulary::allPhases())
                row.insert(p, cell(audience, p));
            grid.insert(audience, row);
        }
        QJsonArray msgs;
        for (const Message &msg : std::as_const(*messages))
            msgs.append(MessageCommands::json(msg));
        QJsonArray depts;
        for (const Department &d : std::as_const(*departments)) {
            const StakeholderNotice *n = told(d);
            depts.append(QJsonObject{
                {QStringLiteral("key"), d.key},
                {QStringLiteral("required"), BusinessVocabulary::mustBeTold(d, incident->kind, incident->severity)},
                {QStringLiteral("told_at"), n ? QJsonValue(CliFormat::isoUtc(n->toldAt)) : QJsonValue()},
                {QStringLiteral("told_by"), n ? QJsonValue(n->toldBy) : QJsonValue()},
                {QStringLiteral("method"), n ? CliFormat::textOrNull(n->method) : QJsonValue()}});
        }
        int openQuestions = 0;
        for (const InboundQuestion &q : std::as_const(*inbound))
            openQuestions += q.isAnswered() ? 0 : 1;
        context.out() << CliFormat::compactJson(QJsonObject{
            {QStringLiteral("incident"), incidentId},
            {QStringLiteral("state"), BusinessVocabulary::stateKey(m.state)},
            {QStringLiteral("declared_at"), CliFormat::isoUtc(m.declaredAt)},
            {QStringLiteral("declared_by"), m.declaredBy},
            {QStringLiteral("all_clear_at"), CliFormat::timeOrNull(m.allClearAt)},
            {QStringLiteral("analysis_timer"), m.analysisTimerId > 0 ? QJsonValue(m.analysisTimerId) : QJsonValue()},
            {QStringLiteral("phase"), phase},
            {QStringLiteral("audiences"), QJsonArray::fromStringList(m.audiences)},
            {QStringLiteral("checklist"), checklist},
            {QStringLiteral("briefing"), briefing},
            {QStringLiteral("grid"), grid},
            {QStringLiteral("messages"), msgs},
            {QStringLiteral("departments"), depts},
            {QStringLiteral("open_inbound_questions"), openQuestions}});
        return context.finish();
    }
    QTextStream &out = context.out();
    out << tr("Business mode: %1 (declared %2 by %3)")
               .arg(BusinessVocabulary::stateLabel(m.state), CliFormat::isoUtc(m.declaredAt), m.declaredBy)
        << QLatin1Char('\n');
    out << tr("Phase: %1").arg(BusinessVocabulary::phaseLabel(phase)) << QLatin1Char('\n');
    out << tr("Checklist:") << QLatin1Char('\n');
    for (const BusinessActivity &a : std::as_const(*activities))
        out << QStringLiteral("  %1\t%2\t%3\t%4\n")
                   .arg(a.id)
                   .arg(a.isRestarted() ? QStringLiteral("restarted")
                        : a.isHalted()  ? QStringLiteral("halted")
                                        : QStringLiteral("running"),
                        CliFormat::field(a.ownerRoleKey), CliFormat::field(a.activity));
    out << tr("Briefing: %1 of %n questions answered", nullptr, int(BusinessVocabulary::briefingQuestions().size()))
               .arg(answers->size())
        << QLatin1Char('\n');
    out << tr("Grid:") << QStringLiteral("\t") << BusinessVocabulary::allPhases().join(QLatin1Char('\t'))
        << QLatin1Char('\n');
    for (const QString &audience : m.audiences) {
        out << QStringLiteral("  ") << audience;
        for (const QString &p : BusinessVocabulary::allPhases())
            out << QLatin1Char('\t') << cell(audience, p);
        out << QLatin1Char('\n');
    }
    out << tr("Departments:") << QLatin1Char('\n');
    for (const Department &d : std::as_const(*departments)) {
        const bool required = BusinessVocabulary::mustBeTold(d, incident->kind, incident->severity);
        const StakeholderNotice *n = told(d);
        if (!required && !n)
            continue;
        out << QStringLiteral("  %1\t%2\t%3\n")
                   .arg(d.key, required ? QStringLiteral("must") : QStringLiteral("optional"),
                        n ? tr("told %1 by %2").arg(CliFormat::isoUtc(n->toldAt), n->toldBy) : tr("not yet"));
    }
    return context.finish();
}

} // namespace cp::cli
