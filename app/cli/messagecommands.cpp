#include "messagecommands.h"

#include "businesscommands.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cp::cli {

QString MessageCommands::stateOf(const Message &m)
{
    if (m.changesRequested())
        return QStringLiteral("changes-requested");
    return BusinessVocabulary::stepKey(m.waitingFor);
}

QJsonObject MessageCommands::json(const Message &m)
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
                  {QStringLiteral("sent_at"), CliFormat::timeOrNull(m.sentAt)}};
    if (!m.steps.isEmpty()) {
        QJsonArray steps;
        for (const MessageStepRecord &s : m.steps)
            steps.append(QJsonObject{{QStringLiteral("version"), s.version},
                                     {QStringLiteral("step"), BusinessVocabulary::stepKey(s.step)},
                                     {QStringLiteral("verdict"), BusinessVocabulary::verdictKey(s.verdict)},
                                     {QStringLiteral("comment"), CliFormat::textOrNull(s.comment)},
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

QList<Command> MessageCommands::commands()
{
    using Incident = Command::Incident;
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
    QList<Command> rows{
        Command(QStringLiteral("message draft"),
                QStringLiteral("--incident ID --audience A --channel C --text T [--phase P] [--for WHO]"),
                tr("the first draft (Technical SLT); prints its id"))
            .describe(tr("The Technical SLT's first draft of a message to one audience for one phase (default: "
                         "the phase of the incident's status); prints its id. It waits for the Legal Officer's "
                         "review."))
            .writes()
            .incident(Incident::Required)
            .option({QStringLiteral("audience"), BusinessCommands::audienceHelp(), tr("A")})
            .option({QStringLiteral("phase"), BusinessCommands::phaseHelp(), tr("P")})
            .option({QStringLiteral("channel"), tr("email, status page, chat, press release …"), tr("C")})
            .option({QStringLiteral("text"), tr("The message."), tr("T")})
            .option(forOption(tr("Technical SLT")))
            .required({QStringLiteral("audience"), QStringLiteral("channel"), QStringLiteral("text")})
            .author()
            .groupNote(tr("A message cannot skip a step: each one is refused until the step before it is done."))
            .run(&MessageCommands::draft),
        Command(QStringLiteral("message revise"), QStringLiteral("ID --text T [--channel C] [--for WHO]"),
                tr("a new version; the chain starts again"))
            .describe(tr("A revised draft (after changes were requested, or any time before sending). The "
                         "earlier versions are kept; the chain starts again at the legal review."))
            .writes()
            .argument(QStringLiteral("ID"), tr("The message's id."))
            .option({QStringLiteral("text"), tr("The revised message (required)."), tr("T")})
            .option({QStringLiteral("channel"), tr("A different channel."), tr("C")})
            .option(forOption(tr("Technical SLT")))
            .author()
            .run(&MessageCommands::revise),
    };
    const QList<std::tuple<QString, QString, QString, QString>> steps{
        {QStringLiteral("review"),
         QStringLiteral("ID [--as legal|messaging] [--changes COMMENT] [--comment C] [--for WHO] [--override REASON]"),
         tr("Legal, then Messaging Officer"),
         tr("The Legal Officer's review, then the Messaging Officer's: passed, or changes requested with "
            "--changes.")},
        {QStringLiteral("approve"),
         QStringLiteral("ID [--changes COMMENT] [--comment C] [--for WHO] [--override REASON]"),
         tr("final approval (ELT Approver)"), tr("The ELT Approver's final approval, or changes requested.")},
        {QStringLiteral("authorise"), QStringLiteral("ID [--changes COMMENT] [--comment C] [--for WHO]"),
         tr("distribution authorised (IC)"), tr("The IC's authorisation to distribute, or changes requested.")},
        {QStringLiteral("send"), QStringLiteral("ID [--comment C] [--for WHO] [--override REASON]"),
         tr("sent (Marketing Officer or Customer Liaison)"), tr("Records that the authorised message went out.")},
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
            .option(forOption(tr("holder of the step's role")));
        if (sub != QLatin1String("authorise"))
            row.option({QStringLiteral("override"),
                        tr("The IC takes the step in the role holder's place, for this reason (recorded on the "
                           "step); --for names the IC when --author is not the IC."),
                        tr("REASON")});
        row.author().run([sub = sub](CommandCall &call) { return step(call, sub); });
        rows << row;
    }
    rows << Command(QStringLiteral("message list"), QStringLiteral("--incident ID [--format text|json]"),
                    tr("every message and the step it waits for"))
                .describe(tr("Every message of the incident. Text: id, audience, phase, waiting for, version, "
                             "channel, tab separated."))
                .reads()
                .incident(Incident::Existing)
                .formats(formats)
                .run(&MessageCommands::list)
         << Command(QStringLiteral("message show"), QStringLiteral("ID [--format text|json]"),
                    tr("one message with its earlier versions and steps"))
                .describe(tr("One message: its current text, earlier versions and every step taken."))
                .reads()
                .argument(QStringLiteral("ID"), tr("The message's id."))
                .formats(formats)
                .run(&MessageCommands::show);
    return rows;
}

QCommandLineOption MessageCommands::forOption(const QString &whose)
{
    return {QStringLiteral("for"),
            tr("The %1 the author enters this for (handle or name); default: the author.").arg(whose), tr("WHO")};
}

std::optional<StepSigner> MessageCommands::signerOf(const CommandLine &line, Overridable overridable, int *exitCode)
{
    StepSigner signer;
    signer.actingFor = line.value(QStringLiteral("for")).trimmed();
    // Only the steps declare --override; asking the parser for an undeclared option warns on stderr.
    if (overridable == Overridable::Yes)
        signer.overrideReason = line.value(QStringLiteral("override")).trimmed();
    if (line.isSet(QStringLiteral("for")) && signer.actingFor.isEmpty()) {
        *exitCode = line.usageError(tr("--for needs the handle or name of whom the step is entered for"));
        return std::nullopt;
    }
    if (overridable == Overridable::Yes && line.isSet(QStringLiteral("override")) && signer.overrideReason.isEmpty()) {
        *exitCode = line.usageError(tr("--override needs the reason the IC takes the step"));
        return std::nullopt;
    }
    return signer;
}

int MessageCommands::draft(CommandCall &call)
{
    const QStringList &r = call.values();
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    int exitCode = 0;
    const auto signer = signerOf(call.line(), Overridable::No, &exitCode);
    if (!signer)
        return exitCode;
    NewMessage m{call.incidentId(), r.at(0).trimmed().toLower(),
                 call.value(QStringLiteral("phase")).trimmed().toLower(), r.at(1), r.at(2)};
    return call.printId(store->business().draftMessage(m, call.author(), *signer));
}

int MessageCommands::revise(CommandCall &call)
{
    const CommandLine &line = call.line();
    int exitCode = 0;
    const auto id = parseId(line.positionalArguments().value(0));
    if (!id)
        return line.usageError(tr("the message's id is missing or not a number"));
    const auto text = line.requiredValue(QStringLiteral("text"), &exitCode);
    if (!text)
        return exitCode;
    const auto signer = signerOf(line, Overridable::No, &exitCode);
    if (!signer)
        return exitCode;
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.finish(
        store->business().reviseMessage(*id, *text, call.value(QStringLiteral("channel")), call.author(), *signer));
}

int MessageCommands::step(CommandCall &call, const QString &sub)
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
    int exitCode = 0;
    const auto signer =
        signerOf(line, sub == QLatin1String("authorise") ? Overridable::No : Overridable::Yes, &exitCode);
    if (!signer)
        return exitCode;

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
            auto m = store->business().message(*id);
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
    return call.finish(store->business().advanceMessage(
        *id, which, changes ? StepVerdict::ChangesRequested : StepVerdict::Approved, comment, call.author(), *signer));
}

int MessageCommands::list(CommandCall &call)
{
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    return call.printRows(store->business().messages(call.incidentId()), &MessageCommands::json, [](const Message &m) {
        return QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
            .arg(m.id)
            .arg(m.audience, m.phase, stateOf(m))
            .arg(m.version)
            .arg(CliFormat::field(m.channel));
    });
}

int MessageCommands::show(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    const auto id = parseId(line.positionalArguments().value(0));
    if (!id)
        return line.usageError(tr("the message's id is missing or not a number"));
    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    auto m = store->business().message(*id);
    if (!m)
        return context.fail(m.error());
    if (call.json()) {
        context.out() << CliFormat::compactJson(json(*m));
        return context.finish();
    }
    QTextStream &out = context.out();
    out << tr("Message #%1 to %2, %3 phase, by %4 — version %5, waiting for: %6")
               .arg(m->id)
               .arg(m->audience, m->phase, m->createdBy)
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

} // namespace cp::cli
