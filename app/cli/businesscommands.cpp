#include "businesscommands.h"

#include "cliformat.h"
#include "templatecommands.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace cp::cli {

namespace {

const QString IncidentOption = QStringLiteral("incident");

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(CliFormat::isoUtc(time)) : QJsonValue();
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QString stateOf(const Message &m)
{
    if (m.changesRequested())
        return QStringLiteral("changes-requested");
    return BusinessVocabulary::stepKey(m.waitingFor);
}

QJsonObject messageJson(const Message &m)
{
    QJsonObject o{{QStringLiteral("id"), m.id},
                  {QStringLiteral("incident"), m.incidentId},
                  {QStringLiteral("audience"), m.audience},
                  {QStringLiteral("phase"), m.phase},
                  {QStringLiteral("channel"), m.channel},
                  {QStringLiteral("version"), m.version},
                  {QStringLiteral("waiting_for"), stateOf(m)},
                  {QStringLiteral("text"), m.text},
                  {QStringLiteral("created_at"), CliFormat::isoUtc(m.createdAt)},
                  {QStringLiteral("created_by"), m.createdBy},
                  {QStringLiteral("sent_at"), timeOrNull(m.sentAt)}};
    if (!m.steps.isEmpty()) {
        QJsonArray steps;
        for (const MessageStepRecord &s : m.steps)
            steps.append(QJsonObject{{QStringLiteral("version"), s.version},
                                     {QStringLiteral("step"), BusinessVocabulary::stepKey(s.step)},
                                     {QStringLiteral("verdict"), BusinessVocabulary::verdictKey(s.verdict)},
                                     {QStringLiteral("comment"), textOrNull(s.comment)},
                                     {QStringLiteral("by"), s.by},
                                     {QStringLiteral("at"), CliFormat::isoUtc(s.at)}});
        o.insert(QStringLiteral("steps"), steps);
        QJsonArray earlier;
        for (const MessageVersion &v : m.earlier)
            earlier.append(QJsonObject{{QStringLiteral("version"), v.version},
                                       {QStringLiteral("text"), v.text},
                                       {QStringLiteral("channel"), v.channel},
                                       {QStringLiteral("drafted_at"), CliFormat::isoUtc(v.draftedAt)},
                                       {QStringLiteral("drafted_by"), v.draftedBy}});
        o.insert(QStringLiteral("earlier_versions"), earlier);
    }
    return o;
}

// "12" is an activity id; anything else names an activity of --incident (case-insensitive,
// whole name or a unique start of it).
Result<qint64> findActivity(IncidentStore &store, const QString &what, qint64 incidentId)
{
    if (const auto id = parseId(what))
        return *id;
    if (incidentId <= 0)
        return StoreError(StoreError::Code::Invalid,
                          BusinessCommands::tr("Name the incident (--incident ID) to find “%1” by name.").arg(what));
    auto list = store.businessActivities(incidentId);
    if (!list)
        return list.error();
    if (list->isEmpty()) {
        auto mode = store.businessMode(incidentId);
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

// What every "list --incident ID [--format text|json]" of this file shares: the rows of an existing
// incident as one JSON array or one line each.
template <typename T>
int listRows(CommandCall &call, const std::function<Result<QList<T>>(IncidentStore &, qint64)> &read,
             const std::function<QJsonObject(const T &)> &json, const std::function<QString(const T &)> &text)
{
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto rows = read(*store, call.incidentId());
    if (!rows)
        return call.fail(rows.error());
    if (call.json()) {
        QJsonArray array;
        for (const T &row : std::as_const(*rows))
            array.append(json(row));
        call.out() << CliFormat::compactJson(array);
        return call.finish();
    }
    for (const T &row : std::as_const(*rows))
        call.out() << text(row) << QLatin1Char('\n');
    return call.finish();
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

QList<Command> BusinessCommands::commands()
{
    using Incident = Command::Incident;
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
    const QString audiences = tr("internal, strategic, customers, media or social.");
    const QString phases = tr("investigation, identification, monitoring or resolution.");
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
                .option({QStringLiteral("audience"), audiences, tr("A")})
                .option({QStringLiteral("phase"), phases, tr("P")})
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
                .run(&BusinessCommands::status)
         << Command(QStringLiteral("message draft"),
                    QStringLiteral("--incident ID --audience A --channel C --text T [--phase P]"),
                    tr("the first draft (Technical SLT); prints its id"))
                .describe(tr("The Technical SLT's first draft of a message to one audience for one phase (default: "
                             "the phase of the incident's status); prints its id. It waits for the Legal Officer's "
                             "review."))
                .writes()
                .incident(Incident::Required)
                .option({QStringLiteral("audience"), audiences, tr("A")})
                .option({QStringLiteral("phase"), phases, tr("P")})
                .option({QStringLiteral("channel"), tr("email, status page, chat, press release …"), tr("C")})
                .option({QStringLiteral("text"), tr("The message."), tr("T")})
                .required({QStringLiteral("audience"), QStringLiteral("channel"), QStringLiteral("text")})
                .author()
                .groupNote(tr("A message cannot skip a step: each one is refused until the step before it is done."))
                .run(&BusinessCommands::draft)
         << Command(QStringLiteral("message revise"), QStringLiteral("ID --text T [--channel C]"),
                    tr("a new version; the chain starts again"))
                .describe(tr("A revised draft (after changes were requested, or any time before sending). The "
                             "earlier versions are kept; the chain starts again at the legal review."))
                .writes()
                .argument(QStringLiteral("ID"), tr("The message's id."))
                .option({QStringLiteral("text"), tr("The revised message (required)."), tr("T")})
                .option({QStringLiteral("channel"), tr("A different channel."), tr("C")})
                .author()
                .run(&BusinessCommands::revise);
    const QList<std::tuple<QString, QString, QString, QString>> steps{
        {QStringLiteral("review"), QStringLiteral("ID [--as legal|messaging] [--changes COMMENT] [--comment C]"),
         tr("Legal, then Messaging Officer"),
         tr("The Legal Officer's review, then the Messaging Officer's: passed, or changes requested with "
            "--changes.")},
        {QStringLiteral("approve"), QStringLiteral("ID [--changes COMMENT] [--comment C]"),
         tr("final approval (ELT Approver)"), tr("The ELT Approver's final approval, or changes requested.")},
        {QStringLiteral("authorise"), QStringLiteral("ID [--changes COMMENT] [--comment C]"),
         tr("distribution authorised (IC)"), tr("The IC's authorisation to distribute, or changes requested.")},
        {QStringLiteral("send"), QStringLiteral("ID [--comment C]"), tr("sent (Marketing Officer or Customer Liaison)"),
         tr("Records that the authorised message went out.")},
    };
    for (const auto &[sub, synopsis, summary, description] : steps) {
        Command row(QStringLiteral("message %1").arg(sub), synopsis, summary);
        row.describe(description).writes().argument(QStringLiteral("ID"), tr("The message's id."));
        if (sub == QLatin1String("review"))
            row.option({QStringLiteral("as"), tr("legal or messaging (default: the review the message waits for)."),
                        tr("WHO")});
        if (sub == QLatin1String("authorise"))
            row.alias(QStringLiteral("authorize"));
        if (sub != QLatin1String("send"))
            row.option({QStringLiteral("changes"),
                        tr("Request changes, saying which (the draft goes back to the Technical SLT)."),
                        tr("COMMENT")});
        row.option({QStringLiteral("comment"), tr("A remark that goes with the step."), tr("C")})
            .author()
            .run([sub = sub](CommandCall &call) { return step(call, sub); });
        rows << row;
    }
    rows << Command(QStringLiteral("message list"), QStringLiteral("--incident ID [--format text|json]"),
                    tr("every message and the step it waits for"))
                .describe(tr("Every message of the incident. Text: id, audience, phase, waiting for, version, "
                             "channel, tab separated."))
                .reads()
                .incident(Incident::Existing)
                .formats(formats)
                .run(&BusinessCommands::listMessages)
         << Command(QStringLiteral("message show"), QStringLiteral("ID [--format text|json]"),
                    tr("one message with its earlier versions and steps"))
                .describe(tr("One message: its current text, earlier versions and every step taken."))
                .reads()
                .argument(QStringLiteral("ID"), tr("The message's id."))
                .formats(formats)
                .run(&BusinessCommands::showMessage)
         << Command(QStringLiteral("notify"), QStringLiteral("--incident ID [DEPARTMENT] [--method HOW] [--note TEXT]"),
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
                .run(&BusinessCommands::notify)
         << Command(QStringLiteral("inbound log"),
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
                .run(&BusinessCommands::logInbound)
         << Command(QStringLiteral("inbound answer"), QStringLiteral("ID --answer TEXT"),
                    tr("the answer given to a question"))
                .describe(tr("Records the answer given to an inbound question."))
                .writes()
                .argument(QStringLiteral("ID"), tr("The question's id."))
                .option({QStringLiteral("answer"), tr("What was answered."), tr("TEXT")})
                .author()
                .run(&BusinessCommands::answerInbound)
         << Command(QStringLiteral("inbound list"), QStringLiteral("--incident ID [--format text|json]"),
                    tr("id, channel, open|answered, from, question"))
                .describe(tr("The incident's media and social questions, oldest first."))
                .reads()
                .incident(Incident::Existing)
                .formats(formats)
                .run(&BusinessCommands::listInbound);
    return rows;
}

// ---- business ---------------------------------------------------------------------------

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
        auto id = s.createIncident(incident, author);
        if (!id)
            return context.fail(id.error());
        incidentId = *id;
    }
    if (StoreError error = s.declareBusinessMode(incidentId, declaration, author))
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
    return call.printId(store->addBusinessActivity(
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
        auto activity = store->businessActivity(*activityId);
        if (!activity)
            return context.fail(activity.error());
        if (activity->incidentId != incidentId)
            return context.fail({StoreError::Code::NotFound, tr("Activity #%1 belongs to incident #%2, not #%3.")
                                                                 .arg(*activityId)
                                                                 .arg(activity->incidentId)
                                                                 .arg(incidentId)});
    }
    const StoreError error =
        halt ? store->haltActivity(*activityId, call.author()) : store->restartActivity(*activityId, call.author());
    if (error)
        return context.fail(error);
    return context.finish();
}

int BusinessCommands::normal(CommandCall &call)
{
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.finish(store->returnToNormal(call.incidentId(), call.author()));
}

int BusinessCommands::skip(CommandCall &call)
{
    const QStringList &r = call.values();
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.finish(store->skipCell(call.incidentId(), r.at(0).trimmed().toLower(), r.at(1).trimmed().toLower(),
                                       r.at(2), call.author()));
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
            store->answerBriefing(call.incidentId(), values->at(0).trimmed(), values->at(1), call.author()));
    }
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto answers = store->briefingAnswers(call.incidentId());
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
    auto mode = s.businessMode(incidentId);
    if (!mode)
        return context.fail(mode.error());
    if (!mode->has_value())
        return context.fail(
            {StoreError::Code::NotFound,
             tr("Incident #%1 is not a business incident: declare business mode first.").arg(incidentId)});
    const BusinessMode &m = **mode;
    auto activities = s.businessActivities(incidentId);
    auto answers = s.briefingAnswers(incidentId);
    auto messages = s.messages(incidentId);
    auto skipped = s.skippedCells(incidentId);
    auto notices = s.stakeholderNotices(incidentId);
    auto departments = s.departments();
    auto inbound = s.inboundQuestions(incidentId);
    for (const StoreError &e : {activities.error(), answers.error(), messages.error(), skipped.error(), notices.error(),
                                departments.error(), inbound.error()}) {
        if (e)
            return context.fail(e);
    }
    const QString phase = BusinessVocabulary::phaseForStatus(incident->status);
    auto cell = [&](const QString &audience, const QString &p) -> QString {
        for (const Message &msg : std::as_const(*messages)) {
            if (msg.audience == audience && msg.phase == p)
                return msg.isSent() ? QStringLiteral("sent") : QStringLiteral("#%1:%2").arg(msg.id).arg(stateOf(msg));
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
                                         {QStringLiteral("owner"), textOrNull(a.ownerRoleKey)},
                                         {QStringLiteral("user_added"), a.userAdded},
                                         {QStringLiteral("halted_at"), timeOrNull(a.haltedAt)},
                                         {QStringLiteral("halted_by"), textOrNull(a.haltedBy)},
                                         {QStringLiteral("restarted_at"), timeOrNull(a.restartedAt)},
                                         {QStringLiteral("restarted_by"), textOrNull(a.restartedBy)}});
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
            msgs.append(messageJson(msg));
        QJsonArray depts;
        for (const Department &d : std::as_const(*departments)) {
            const StakeholderNotice *n = told(d);
            depts.append(QJsonObject{
                {QStringLiteral("key"), d.key},
                {QStringLiteral("required"), BusinessVocabulary::mustBeTold(d, incident->kind, incident->severity)},
                {QStringLiteral("told_at"), n ? QJsonValue(CliFormat::isoUtc(n->toldAt)) : QJsonValue()},
                {QStringLiteral("told_by"), n ? QJsonValue(n->toldBy) : QJsonValue()},
                {QStringLiteral("method"), n ? textOrNull(n->method) : QJsonValue()}});
        }
        int openQuestions = 0;
        for (const InboundQuestion &q : std::as_const(*inbound))
            openQuestions += q.isAnswered() ? 0 : 1;
        context.out() << CliFormat::compactJson(QJsonObject{
            {QStringLiteral("incident"), incidentId},
            {QStringLiteral("state"), BusinessVocabulary::stateKey(m.state)},
            {QStringLiteral("declared_at"), CliFormat::isoUtc(m.declaredAt)},
            {QStringLiteral("declared_by"), m.declaredBy},
            {QStringLiteral("all_clear_at"), timeOrNull(m.allClearAt)},
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
    out << tr("Briefing: %1 of %2 questions answered")
               .arg(answers->size())
               .arg(BusinessVocabulary::briefingQuestions().size())
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

// ---- message ----------------------------------------------------------------------------

int BusinessCommands::draft(CommandCall &call)
{
    const QStringList &r = call.values();
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    NewMessage m{call.incidentId(), r.at(0).trimmed().toLower(),
                 call.value(QStringLiteral("phase")).trimmed().toLower(), r.at(1), r.at(2)};
    return call.printId(store->draftMessage(m, call.author()));
}

int BusinessCommands::revise(CommandCall &call)
{
    const CommandLine &line = call.line();
    int exitCode = 0;
    const auto id = parseId(line.positionalArguments().value(0));
    if (!id)
        return line.usageError(tr("the message's id is missing or not a number"));
    const auto text = line.requiredValue(QStringLiteral("text"), &exitCode);
    if (!text)
        return exitCode;
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.finish(store->reviseMessage(*id, *text, call.value(QStringLiteral("channel")), call.author()));
}

int BusinessCommands::step(CommandCall &call, const QString &sub)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    const bool review = sub == QLatin1String("review");
    const bool send = sub == QLatin1String("send");
    const auto id = parseId(line.positionalArguments().value(0));
    if (!id)
        return line.usageError(tr("the message's id is missing or not a number"));
    const bool changes = !send && line.isSet(QStringLiteral("changes"));
    if (changes && line.isSet(QStringLiteral("comment")))
        return line.usageError(tr("--changes carries its own comment; leave out --comment"));
    if (changes && line.value(QStringLiteral("changes")).trimmed().isEmpty())
        return line.usageError(tr("--changes needs a comment saying which changes"));

    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    MessageStep which = MessageStep::Send;
    if (review) {
        const QString as = line.value(QStringLiteral("as")).trimmed().toLower();
        if (as == QLatin1String("legal")) {
            which = MessageStep::LegalReview;
        } else if (as == QLatin1String("messaging")) {
            which = MessageStep::MessagingReview;
        } else if (as.isEmpty()) {
            auto m = store->message(*id);
            if (!m)
                return context.fail(m.error());
            which =
                m->waitingFor == MessageStep::MessagingReview ? MessageStep::MessagingReview : MessageStep::LegalReview;
        } else {
            return line.usageError(tr("--as must be legal or messaging, not '%1'").arg(as));
        }
    } else if (sub == QLatin1String("approve")) {
        which = MessageStep::EltApproval;
    } else if (!send) {
        which = MessageStep::IcAuthorisation;
    }
    const QString comment = changes ? line.value(QStringLiteral("changes")) : line.value(QStringLiteral("comment"));
    return call.finish(store->advanceMessage(
        *id, which, changes ? StepVerdict::ChangesRequested : StepVerdict::Approved, comment, call.author()));
}

int BusinessCommands::listMessages(CommandCall &call)
{
    return listRows<Message>(
        call, [](IncidentStore &store, qint64 id) { return store.messages(id); }, messageJson,
        [](const Message &m) {
            return QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
                .arg(m.id)
                .arg(m.audience, m.phase, stateOf(m))
                .arg(m.version)
                .arg(CliFormat::field(m.channel));
        });
}

int BusinessCommands::showMessage(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    const auto id = parseId(line.positionalArguments().value(0));
    if (!id)
        return line.usageError(tr("the message's id is missing or not a number"));
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto m = store->message(*id);
    if (!m)
        return context.fail(m.error());
    if (call.json()) {
        context.out() << CliFormat::compactJson(messageJson(*m));
        return context.finish();
    }
    QTextStream &out = context.out();
    out << tr("Message #%1 to %2, %3 phase, by %4 — version %5, waiting for: %6")
               .arg(m->id)
               .arg(m->audience, m->phase, m->channel)
               .arg(m->version)
               .arg(stateOf(*m))
        << QLatin1Char('\n') << m->text << QLatin1Char('\n');
    for (const MessageStepRecord &s : std::as_const(m->steps))
        out << QStringLiteral("  v%1\t%2\t%3\t%4\t%5\t%6\n")
                   .arg(s.version)
                   .arg(BusinessVocabulary::stepKey(s.step), BusinessVocabulary::verdictKey(s.verdict), s.by,
                        CliFormat::isoUtc(s.at), CliFormat::field(s.comment));
    return context.finish();
}

// ---- notify -----------------------------------------------------------------------------

int BusinessCommands::notify(CommandCall &call)
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
        auto departments = store->departments();
        if (!departments)
            return context.fail(departments.error());
        auto notices = store->stakeholderNotices(call.incidentId());
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
    return call.printId(store->notifyDepartment(call.incidentId(), department, line.value(QStringLiteral("method")),
                                                line.value(QStringLiteral("note")), call.author()));
}

// ---- inbound ----------------------------------------------------------------------------

int BusinessCommands::logInbound(CommandCall &call)
{
    const QStringList &r = call.values();
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.printId(store->logInbound(call.incidentId(), r.at(0).trimmed().toLower(),
                                          call.value(QStringLiteral("from")), r.at(1), call.author()));
}

int BusinessCommands::answerInbound(CommandCall &call)
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
    return call.finish(store->answerInbound(*id, *answer, call.author()));
}

int BusinessCommands::listInbound(CommandCall &call)
{
    return listRows<InboundQuestion>(
        call, [](IncidentStore &store, qint64 id) { return store.inboundQuestions(id); },
        [](const InboundQuestion &q) {
            return QJsonObject{{QStringLiteral("id"), q.id},
                               {QStringLiteral("channel"), q.channel},
                               {QStringLiteral("from"), textOrNull(q.from)},
                               {QStringLiteral("question"), q.question},
                               {QStringLiteral("received_at"), CliFormat::isoUtc(q.receivedAt)},
                               {QStringLiteral("logged_by"), q.loggedBy},
                               {QStringLiteral("answer"), textOrNull(q.answer)},
                               {QStringLiteral("answered_at"), timeOrNull(q.answeredAt)},
                               {QStringLiteral("answered_by"), textOrNull(q.answeredBy)}};
        },
        [](const InboundQuestion &q) {
            return QStringLiteral("%1\t%2\t%3\t%4\t%5")
                .arg(q.id)
                .arg(q.channel, q.isAnswered() ? QStringLiteral("answered") : QStringLiteral("open"),
                     CliFormat::field(q.from), CliFormat::field(q.question));
        });
}

} // namespace cp::cli
