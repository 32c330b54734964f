#include "businesscommands.h"

#include "clicontext.h"
#include "cliformat.h"
#include "commandline.h"
#include "templatecommands.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace cp::cli {

namespace {

const QString IncidentOption = QStringLiteral("incident");

QCommandLineOption incidentOption()
{
    return {IncidentOption, BusinessCommands::tr("The incident's id (required)."), BusinessCommands::tr("ID")};
}

bool isHelp(const QString &sub)
{
    return sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help");
}

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

// What every "list --incident ID [--format text|json]" of this file shares: the command line, the
// read-only store, the incident's existence, then the rows as one JSON array or one line each.
template <typename T>
int listRows(CliContext &context, const QStringList &arguments, const QString &command, const QString &description,
             const std::function<Result<QList<T>>(IncidentStore &, qint64)> &read,
             const std::function<QJsonObject(const T &)> &json, const std::function<QString(const T &)> &text)
{
    CommandLine line(context, command, QStringLiteral("--incident ID [--format text|json]"), description);
    line.addOption(incidentOption());
    line.addOption(CommandLine::formatOption({QStringLiteral("text"), QStringLiteral("json")}));
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto r = line.required(IncidentOption, {}, &exitCode);
    if (!r)
        return exitCode;
    const auto format = line.format({QStringLiteral("text"), QStringLiteral("json")}, &exitCode);
    if (!format)
        return exitCode;
    auto store = context.openStore(CliContext::Access::Read);
    if (!store)
        return context.fail(store.error());
    auto incident = (*store)->incident(r->id);
    if (!incident)
        return context.fail(incident.error());
    auto rows = read(**store, r->id);
    if (!rows)
        return context.fail(rows.error());
    if (*format == QLatin1String("json")) {
        QJsonArray array;
        for (const T &row : std::as_const(*rows))
            array.append(json(row));
        context.out() << CliFormat::compactJson(array);
        return context.finish();
    }
    for (const T &row : std::as_const(*rows))
        context.out() << text(row) << QLatin1Char('\n');
    return context.finish();
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

// ---- business ---------------------------------------------------------------------------

QString BusinessCommands::businessHelp()
{
    return tr("Usage: commandpost-cli business SUBCOMMAND [options]\n"
              "  declare --incident ID [--audiences A,B] [--no-roles]   switch the business to emergency operations\n"
              "  declare --title T --severity SEV-n [--summary S] [--audiences A,B]\n"
              "            a business incident on its own: creates it, declares it; prints its id\n"
              "  add --incident ID --activity T [--owner ROLE]   one more outbound activity to halt; prints its id\n"
              "  halt ACTIVITY [--incident ID]      ACTIVITY: its id, or its name with --incident\n"
              "  normal --incident ID               return to normal: restart the halted activities in reverse\n"
              "  restart ACTIVITY [--incident ID]   the last restart is the all clear (preliminary analysis in 24 h)\n"
              "  skip --incident ID --audience A --phase P --reason R   leave a grid cell out on purpose\n"
              "  brief --incident ID [--question KEY --answer TEXT]     the first briefing's questions\n"
              "  status --incident ID [--format text|json]   mode, checklist, briefing, grid, messages, departments\n"
              "Audiences: internal, strategic, customers, media, social. "
              "Phases: investigation, identification, monitoring, resolution.\n");
}

int BusinessCommands::business(CliContext &context, const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QLatin1String("declare"))
        return declare(context, rest);
    if (sub == QLatin1String("add"))
        return addActivity(context, rest);
    if (sub == QLatin1String("halt") || sub == QLatin1String("restart"))
        return tick(context, rest, sub);
    if (sub == QLatin1String("normal"))
        return normal(context, rest);
    if (sub == QLatin1String("skip"))
        return skip(context, rest);
    if (sub == QLatin1String("brief"))
        return brief(context, rest);
    if (sub == QLatin1String("status"))
        return status(context, rest);
    if (isHelp(sub)) {
        context.out() << businessHelp();
        return context.finish();
    }
    if (sub.isEmpty())
        return context.usageError(
            tr("'business' needs a subcommand: declare, add, halt, restart, normal, skip, brief or status"),
            QStringLiteral("business"));
    return context.usageError(tr("unknown subcommand 'business %1'").arg(sub), QStringLiteral("business"));
}

int BusinessCommands::declare(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("business declare"),
                     QStringLiteral("--incident ID | --title T --severity SEV-n [options]"),
                     tr("Switches the business to emergency operations: the checklist of outbound activities to "
                        "halt, the audience x phase grid of messages, the business roles under the IC. With --title "
                        "it first declares a business incident of its own and prints its id."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("title"), tr("A new business incident's title."), tr("T")});
    line.addOption({QStringLiteral("severity"), tr("The new incident's severity, SEV-1 … SEV-5."), tr("SEV-n")});
    line.addOption({QStringLiteral("summary"), tr("The new incident's summary."), tr("S")});
    line.addOption({QStringLiteral("audiences"),
                    tr("Comma-separated audiences messages are due to (default internal,strategic,customers; "
                       "add media, social when they apply)."),
                    tr("LIST")});
    line.addOption({QStringLiteral("no-roles"), tr("Do not add the business response roles.")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (!line.noExtraArguments(0, &exitCode))
        return exitCode;
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
    qint64 incidentId = 0;
    if (create) {
        incident.title = line.value(QStringLiteral("title"));
        incident.summary = line.value(QStringLiteral("summary")) + QStringLiteral("");
        incident.kind = IncidentKind::Business;
        const auto severity = IncidentVocabulary::severityFromKey(line.value(QStringLiteral("severity")));
        if (!severity)
            return line.usageError(tr("--severity must be SEV-1 … SEV-5"));
        incident.severity = *severity;
    } else {
        const auto id = line.requiredId(IncidentOption, &exitCode);
        if (!id)
            return exitCode;
        incidentId = *id;
    }
    if (!line.isSet(QStringLiteral("no-roles"))) {
        auto roles = TemplateCommands::find(QStringLiteral("business-response"));
        if (!roles)
            return context.fail(roles.error());
        declaration.roles = *roles;
    }

    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    IncidentStore &s = **store;
    const QString author = line.author();
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

int BusinessCommands::addActivity(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("business add"), QStringLiteral("--incident ID --activity T [options]"),
                     tr("Adds an outbound activity to the emergency-operations checklist; prints its id."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("activity"), tr("What to halt, e.g. \"Webinar invitations\" (required)."), tr("T")});
    line.addOption({QStringLiteral("owner"), tr("The role that halts it: marketing-officer, social-officer …"),
                    tr("ROLE")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto required = line.required(IncidentOption, {QStringLiteral("activity")}, &exitCode);
    if (!required)
        return exitCode;
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    auto id = (*store)->addBusinessActivity(
        required->id, {required->values.at(0), line.value(QStringLiteral("owner")).trimmed()}, line.author());
    if (!id)
        return context.fail(id.error());
    context.out() << *id << QLatin1Char('\n');
    return context.finish();
}

int BusinessCommands::tick(CliContext &context, const QStringList &arguments, const QString &sub)
{
    const bool halt = sub == QLatin1String("halt");
    CommandLine line(context, QStringLiteral("business %1").arg(sub), QStringLiteral("ACTIVITY [--incident ID]"),
                     halt ? tr("Ticks an outbound activity as halted (emergency operations only).")
                          : tr("Ticks a halted activity as restarted (after 'business normal'). The last restart is "
                               "the all clear."));
    line.addPositionalArgument(QStringLiteral("ACTIVITY"), tr("The activity's id, or its name with --incident."));
    line.addOption(incidentOption());
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (!line.noExtraArguments(1, &exitCode))
        return exitCode;
    const QString what = line.positionalArguments().value(0);
    if (what.trimmed().isEmpty())
        return line.usageError(tr("which activity? give its id or its name"));
    qint64 incidentId = 0;
    if (line.isSet(IncidentOption)) {
        const auto id = line.requiredId(IncidentOption, &exitCode);
        if (!id)
            return exitCode;
        incidentId = *id;
    }
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    auto activityId = findActivity(**store, what, incidentId);
    if (!activityId)
        return context.fail(activityId.error());
    if (incidentId > 0) {
        auto activity = (*store)->businessActivity(*activityId);
        if (!activity)
            return context.fail(activity.error());
        if (activity->incidentId != incidentId)
            return context.fail({StoreError::Code::NotFound,
                                 tr("Activity #%1 belongs to incident #%2, not #%3.")
                                     .arg(*activityId)
                                     .arg(activity->incidentId)
                                     .arg(incidentId)});
    }
    const StoreError error = halt ? (*store)->haltActivity(*activityId, line.author())
                                  : (*store)->restartActivity(*activityId, line.author());
    if (error)
        return context.fail(error);
    return context.finish();
}

int BusinessCommands::normal(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("business normal"), QStringLiteral("--incident ID"),
                     tr("Starts the return to normal operations: the halted activities are restarted in reverse "
                        "order ('business restart'); the last one is the all clear."));
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
    if (StoreError error = (*store)->returnToNormal(required->id, line.author()))
        return context.fail(error);
    return context.finish();
}

int BusinessCommands::skip(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("business skip"),
                     QStringLiteral("--incident ID --audience A --phase P --reason R"),
                     tr("Marks a cell of the audience x phase grid as deliberately skipped, with the reason."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("audience"), tr("internal, strategic, customers, media or social."), tr("A")});
    line.addOption({QStringLiteral("phase"), tr("investigation, identification, monitoring or resolution."), tr("P")});
    line.addOption({QStringLiteral("reason"), tr("Why no message goes to this audience in this phase."), tr("R")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto r = line.required(IncidentOption,
                                 {QStringLiteral("audience"), QStringLiteral("phase"), QStringLiteral("reason")},
                                 &exitCode);
    if (!r)
        return exitCode;
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    if (StoreError error = (*store)->skipCell(r->id, r->values.at(0).trimmed().toLower(),
                                              r->values.at(1).trimmed().toLower(), r->values.at(2), line.author()))
        return context.fail(error);
    return context.finish();
}

int BusinessCommands::brief(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("business brief"),
                     QStringLiteral("--incident ID [--question KEY --answer TEXT]"),
                     tr("The first business briefing. With --question and --answer records the Customer Liaison's "
                        "answer; without, prints each question key, who answered, and the answer (tab separated)."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("question"), tr("The question's key (see the list)."), tr("KEY")});
    line.addOption({QStringLiteral("answer"), tr("The answer; \"unknown\" is an answer."), tr("TEXT")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto r = line.required(IncidentOption, {}, &exitCode);
    if (!r)
        return exitCode;
    const bool answering = line.isSet(QStringLiteral("question")) || line.isSet(QStringLiteral("answer"));
    if (answering) {
        const auto values = line.requiredValues({QStringLiteral("question"), QStringLiteral("answer")}, &exitCode);
        if (!values)
            return exitCode;
        auto store = context.openStore(CliContext::Access::Write);
        if (!store)
            return context.fail(store.error());
        if (StoreError error = (*store)->answerBriefing(r->id, values->at(0).trimmed(), values->at(1), line.author()))
            return context.fail(error);
        return context.finish();
    }
    auto store = context.openStore(CliContext::Access::Read);
    if (!store)
        return context.fail(store.error());
    auto answers = (*store)->briefingAnswers(r->id);
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

int BusinessCommands::status(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("business status"), QStringLiteral("--incident ID [--format text|json]"),
                     tr("The business incident at a glance: mode, the emergency checklist, the briefing, the "
                        "audience x phase grid, the messages and the departments told."));
    line.addOption(incidentOption());
    line.addOption(CommandLine::formatOption({QStringLiteral("text"), QStringLiteral("json")}));
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto r = line.required(IncidentOption, {}, &exitCode);
    if (!r)
        return exitCode;
    const auto format = line.format({QStringLiteral("text"), QStringLiteral("json")}, &exitCode);
    if (!format)
        return exitCode;
    auto store = context.openStore(CliContext::Access::Read);
    if (!store)
        return context.fail(store.error());
    IncidentStore &s = **store;
    auto incident = s.incident(r->id);
    if (!incident)
        return context.fail(incident.error());
    auto mode = s.businessMode(r->id);
    if (!mode)
        return context.fail(mode.error());
    if (!mode->has_value())
        return context.fail({StoreError::Code::NotFound,
                             tr("Incident #%1 is not a business incident: declare business mode first.").arg(r->id)});
    const BusinessMode &m = **mode;
    auto activities = s.businessActivities(r->id);
    auto answers = s.briefingAnswers(r->id);
    auto messages = s.messages(r->id);
    auto skipped = s.skippedCells(r->id);
    auto notices = s.stakeholderNotices(r->id);
    auto departments = s.departments();
    auto inbound = s.inboundQuestions(r->id);
    for (const StoreError &e : {activities.error(), answers.error(), messages.error(), skipped.error(),
                                notices.error(), departments.error(), inbound.error()}) {
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

    if (*format == QLatin1String("json")) {
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
            {QStringLiteral("incident"), r->id},
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

QString BusinessCommands::messageHelp()
{
    return tr("Usage: commandpost-cli message SUBCOMMAND [options]\n"
              "  draft --incident ID --audience A [--phase P] --channel C --text T   (Technical SLT); prints its id\n"
              "  revise ID --text T [--channel C]            a new version; the chain starts again\n"
              "  review ID [--as legal|messaging] [--changes COMMENT] [--comment C]   Legal, then Messaging Officer\n"
              "  approve ID [--changes COMMENT] [--comment C]     final approval (ELT Approver)\n"
              "  authorise ID [--changes COMMENT] [--comment C]   distribution authorised (IC)\n"
              "  send ID [--comment C]                        sent (Marketing Officer or Customer Liaison)\n"
              "  list --incident ID [--format text|json]      every message and the step it waits for\n"
              "  show ID [--format text|json]                 one message with its earlier versions and steps\n"
              "A message cannot skip a step: each one is refused until the step before it is done.\n");
}

int BusinessCommands::message(CliContext &context, const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QLatin1String("draft"))
        return draft(context, rest);
    if (sub == QLatin1String("revise"))
        return revise(context, rest);
    if (sub == QLatin1String("review") || sub == QLatin1String("approve") || sub == QLatin1String("authorise") ||
        sub == QLatin1String("authorize") || sub == QLatin1String("send"))
        return step(context, rest, sub);
    if (sub == QLatin1String("list"))
        return listMessages(context, rest);
    if (sub == QLatin1String("show"))
        return showMessage(context, rest);
    if (isHelp(sub)) {
        context.out() << messageHelp();
        return context.finish();
    }
    if (sub.isEmpty())
        return context.usageError(tr("'message' needs a subcommand: draft, revise, review, approve, authorise, send, "
                                     "list or show"),
                                  QStringLiteral("message"));
    return context.usageError(tr("unknown subcommand 'message %1'").arg(sub), QStringLiteral("message"));
}

int BusinessCommands::draft(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("message draft"),
                     QStringLiteral("--incident ID --audience A --channel C --text T [--phase P]"),
                     tr("The Technical SLT's first draft of a message to one audience for one phase (default: the "
                        "phase of the incident's status); prints its id. It waits for the Legal Officer's review."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("audience"), tr("internal, strategic, customers, media or social."), tr("A")});
    line.addOption({QStringLiteral("phase"), tr("investigation, identification, monitoring or resolution."), tr("P")});
    line.addOption({QStringLiteral("channel"), tr("email, status page, chat, press release …"), tr("C")});
    line.addOption({QStringLiteral("text"), tr("The message."), tr("T")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto r = line.required(IncidentOption,
                                 {QStringLiteral("audience"), QStringLiteral("channel"), QStringLiteral("text")},
                                 &exitCode);
    if (!r)
        return exitCode;
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    NewMessage m{r->id, r->values.at(0).trimmed().toLower(), line.value(QStringLiteral("phase")).trimmed().toLower(),
                 r->values.at(1), r->values.at(2)};
    auto id = (*store)->draftMessage(m, line.author());
    if (!id)
        return context.fail(id.error());
    context.out() << *id << QLatin1Char('\n');
    return context.finish();
}

int BusinessCommands::revise(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("message revise"), QStringLiteral("ID --text T [--channel C]"),
                     tr("A revised draft (after changes were requested, or any time before sending). The earlier "
                        "versions are kept; the chain starts again at the legal review."));
    line.addPositionalArgument(QStringLiteral("ID"), tr("The message's id."));
    line.addOption({QStringLiteral("text"), tr("The revised message (required)."), tr("T")});
    line.addOption({QStringLiteral("channel"), tr("A different channel."), tr("C")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (!line.noExtraArguments(1, &exitCode))
        return exitCode;
    const auto id = parseId(line.positionalArguments().value(0));
    if (!id)
        return line.usageError(tr("the message's id is missing or not a number"));
    const auto text = line.requiredValue(QStringLiteral("text"), &exitCode);
    if (!text)
        return exitCode;
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    if (StoreError error = (*store)->reviseMessage(*id, *text, line.value(QStringLiteral("channel")), line.author()))
        return context.fail(error);
    return context.finish();
}

int BusinessCommands::step(CliContext &context, const QStringList &arguments, const QString &sub)
{
    const bool review = sub == QLatin1String("review");
    const bool send = sub == QLatin1String("send");
    CommandLine line(context, QStringLiteral("message %1").arg(sub),
                     send ? QStringLiteral("ID [--comment C]") : QStringLiteral("ID [--changes COMMENT] [--comment C]"),
                     review   ? tr("The Legal Officer's review, then the Messaging Officer's: passed, or changes "
                                   "requested with --changes.")
                     : send   ? tr("Records that the authorised message went out.")
                     : sub == QLatin1String("approve") ? tr("The ELT Approver's final approval, or changes requested.")
                                                       : tr("The IC's authorisation to distribute, or changes "
                                                            "requested."));
    line.addPositionalArgument(QStringLiteral("ID"), tr("The message's id."));
    if (review)
        line.addOption({QStringLiteral("as"), tr("legal or messaging (default: the review the message waits for)."),
                        tr("WHO")});
    if (!send)
        line.addOption({QStringLiteral("changes"), tr("Request changes, saying which (the draft goes back to the "
                                                      "Technical SLT)."),
                        tr("COMMENT")});
    line.addOption({QStringLiteral("comment"), tr("A remark that goes with the step."), tr("C")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (!line.noExtraArguments(1, &exitCode))
        return exitCode;
    const auto id = parseId(line.positionalArguments().value(0));
    if (!id)
        return line.usageError(tr("the message's id is missing or not a number"));
    const bool changes = !send && line.isSet(QStringLiteral("changes"));
    if (changes && line.isSet(QStringLiteral("comment")))
        return line.usageError(tr("--changes carries its own comment; leave out --comment"));
    if (changes && line.value(QStringLiteral("changes")).trimmed().isEmpty())
        return line.usageError(tr("--changes needs a comment saying which changes"));

    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    MessageStep which = MessageStep::Send;
    if (review) {
        const QString as = line.value(QStringLiteral("as")).trimmed().toLower();
        if (as == QLatin1String("legal")) {
            which = MessageStep::LegalReview;
        } else if (as == QLatin1String("messaging")) {
            which = MessageStep::MessagingReview;
        } else if (as.isEmpty()) {
            auto m = (*store)->message(*id);
            if (!m)
                return context.fail(m.error());
            which = m->waitingFor == MessageStep::MessagingReview ? MessageStep::MessagingReview
                                                                  : MessageStep::LegalReview;
        } else {
            return line.usageError(tr("--as must be legal or messaging, not '%1'").arg(as));
        }
    } else if (sub == QLatin1String("approve")) {
        which = MessageStep::EltApproval;
    } else if (!send) {
        which = MessageStep::IcAuthorisation;
    }
    const QString comment = changes ? line.value(QStringLiteral("changes")) : line.value(QStringLiteral("comment"));
    if (StoreError error = (*store)->advanceMessage(
            *id, which, changes ? StepVerdict::ChangesRequested : StepVerdict::Approved, comment, line.author()))
        return context.fail(error);
    return context.finish();
}

int BusinessCommands::listMessages(CliContext &context, const QStringList &arguments)
{
    return listRows<Message>(
        context, arguments, QStringLiteral("message list"),
        tr("Every message of the incident. Text: id, audience, phase, waiting for, version, channel, tab separated."),
        [](IncidentStore &store, qint64 id) { return store.messages(id); }, messageJson,
        [](const Message &m) {
            return QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
                .arg(m.id)
                .arg(m.audience, m.phase, stateOf(m))
                .arg(m.version)
                .arg(CliFormat::field(m.channel));
        });
}

int BusinessCommands::showMessage(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("message show"), QStringLiteral("ID [--format text|json]"),
                     tr("One message: its current text, earlier versions and every step taken."));
    line.addPositionalArgument(QStringLiteral("ID"), tr("The message's id."));
    line.addOption(CommandLine::formatOption({QStringLiteral("text"), QStringLiteral("json")}));
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (!line.noExtraArguments(1, &exitCode))
        return exitCode;
    const auto id = parseId(line.positionalArguments().value(0));
    if (!id)
        return line.usageError(tr("the message's id is missing or not a number"));
    const auto format = line.format({QStringLiteral("text"), QStringLiteral("json")}, &exitCode);
    if (!format)
        return exitCode;
    auto store = context.openStore(CliContext::Access::Read);
    if (!store)
        return context.fail(store.error());
    auto m = (*store)->message(*id);
    if (!m)
        return context.fail(m.error());
    if (*format == QLatin1String("json")) {
        context.out() << CliFormat::compactJson(messageJson(*m));
        return context.finish();
    }
    QTextStream &out = context.out();
    out << tr("Message #%1 to %2, %3 phase, by %4 — version %5, waiting for: %6")
               .arg(m->id)
               .arg(m->audience, m->phase, m->channel)
               .arg(m->version)
               .arg(stateOf(*m))
        << QLatin1Char('\n')
        << m->text << QLatin1Char('\n');
    for (const MessageStepRecord &s : std::as_const(m->steps))
        out << QStringLiteral("  v%1\t%2\t%3\t%4\t%5\t%6\n")
                   .arg(s.version)
                   .arg(BusinessVocabulary::stepKey(s.step), BusinessVocabulary::verdictKey(s.verdict), s.by,
                        CliFormat::isoUtc(s.at), CliFormat::field(s.comment));
    return context.finish();
}

// ---- notify -----------------------------------------------------------------------------

int BusinessCommands::notify(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("notify"), QStringLiteral("--incident ID [DEPARTMENT] [options]"),
                     tr("Records that a department (its key or name in the directory) was told about the incident, "
                        "when and by whom. Without DEPARTMENT, lists the departments: key, must|optional, told at, "
                        "by, how (tab separated)."));
    line.addPositionalArgument(QStringLiteral("DEPARTMENT"), tr("The department's key or name."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("method"), tr("How: phone, chat, email, in person …"), tr("HOW")});
    line.addOption({QStringLiteral("note"), tr("What they were told or asked to do."), tr("TEXT")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (!line.noExtraArguments(1, &exitCode))
        return exitCode;
    const auto incidentId = line.requiredId(IncidentOption, &exitCode);
    if (!incidentId)
        return exitCode;
    const QString department = line.positionalArguments().value(0).trimmed();
    if (department.isEmpty()) {
        auto store = context.openStore(CliContext::Access::Read);
        if (!store)
            return context.fail(store.error());
        auto incident = (*store)->incident(*incidentId);
        if (!incident)
            return context.fail(incident.error());
        auto departments = (*store)->departments();
        if (!departments)
            return context.fail(departments.error());
        auto notices = (*store)->stakeholderNotices(*incidentId);
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
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    auto id = (*store)->notifyDepartment(*incidentId, department, line.value(QStringLiteral("method")),
                                         line.value(QStringLiteral("note")), line.author());
    if (!id)
        return context.fail(id.error());
    context.out() << *id << QLatin1Char('\n');
    return context.finish();
}

// ---- inbound ----------------------------------------------------------------------------

QString BusinessCommands::inboundHelp()
{
    return tr("Usage: commandpost-cli inbound SUBCOMMAND [options]\n"
              "  log --incident ID --channel media|social --question Q [--from WHO]   prints its id\n"
              "  answer ID --answer TEXT\n"
              "  list --incident ID [--format text|json]   id, channel, open|answered, from, question\n");
}

int BusinessCommands::inbound(CliContext &context, const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QLatin1String("log"))
        return logInbound(context, rest);
    if (sub == QLatin1String("answer"))
        return answerInbound(context, rest);
    if (sub == QLatin1String("list"))
        return listInbound(context, rest);
    if (isHelp(sub)) {
        context.out() << inboundHelp();
        return context.finish();
    }
    if (sub.isEmpty())
        return context.usageError(tr("'inbound' needs a subcommand: log, answer or list"), QStringLiteral("inbound"));
    return context.usageError(tr("unknown subcommand 'inbound %1'").arg(sub), QStringLiteral("inbound"));
}

int BusinessCommands::logInbound(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("inbound log"),
                     QStringLiteral("--incident ID --channel media|social --question Q [--from WHO]"),
                     tr("Logs a question from the press (for the Media Officer) or on social media (for the Social "
                        "Officer); prints its id."));
    line.addOption(incidentOption());
    line.addOption({QStringLiteral("channel"), tr("media or social."), tr("CH")});
    line.addOption({QStringLiteral("question"), tr("What was asked."), tr("Q")});
    line.addOption({QStringLiteral("from"), tr("Who asked: an outlet, a reporter, an account."), tr("WHO")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    const auto r = line.required(IncidentOption, {QStringLiteral("channel"), QStringLiteral("question")}, &exitCode);
    if (!r)
        return exitCode;
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    auto id = (*store)->logInbound(r->id, r->values.at(0).trimmed().toLower(), line.value(QStringLiteral("from")),
                                   r->values.at(1), line.author());
    if (!id)
        return context.fail(id.error());
    context.out() << *id << QLatin1Char('\n');
    return context.finish();
}

int BusinessCommands::answerInbound(CliContext &context, const QStringList &arguments)
{
    CommandLine line(context, QStringLiteral("inbound answer"), QStringLiteral("ID --answer TEXT"),
                     tr("Records the answer given to an inbound question."));
    line.addPositionalArgument(QStringLiteral("ID"), tr("The question's id."));
    line.addOption({QStringLiteral("answer"), tr("What was answered."), tr("TEXT")});
    line.addOption(CommandLine::authorOption());
    if (auto done = line.parse(arguments))
        return *done;
    int exitCode = 0;
    if (!line.noExtraArguments(1, &exitCode))
        return exitCode;
    const auto id = parseId(line.positionalArguments().value(0));
    if (!id)
        return line.usageError(tr("the question's id is missing or not a number"));
    const auto answer = line.requiredValue(QStringLiteral("answer"), &exitCode);
    if (!answer)
        return exitCode;
    auto store = context.openStore(CliContext::Access::Write);
    if (!store)
        return context.fail(store.error());
    if (StoreError error = (*store)->answerInbound(*id, *answer, line.author()))
        return context.fail(error);
    return context.finish();
}

int BusinessCommands::listInbound(CliContext &context, const QStringList &arguments)
{
    return listRows<InboundQuestion>(
        context, arguments, QStringLiteral("inbound list"), tr("The incident's media and social questions, oldest first."),
        [](IncidentStore &store, qint64 id) { return store.inboundQuestions(id); },
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
