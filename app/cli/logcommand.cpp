#include "logcommand.h"

#include "db/outbox.h"
#include "db/outboxsender.h"

#include <QRegularExpression>

#include <istream>
#include <string>

namespace cp::cli {

namespace {

QString manualKindKeys()
{
    QStringList keys;
    for (EntryKind k : EntryVocabulary::manualKinds())
        keys << EntryVocabulary::kindKey(k);
    return keys.join(QStringLiteral(", "));
}

} // namespace

QDateTime LogCommand::parseTime(const QString &text)
{
    const QString trimmed = text.trimmed();
    // Qt::ISODate takes "2026-11-22T14:05", "…:05", "…:05.250", with "Z" or "+01:00"; a space instead of T too.
    QString normalized = trimmed;
    if (normalized.size() > 10 && normalized.at(10) == QLatin1Char(' '))
        normalized[10] = QLatin1Char('T');
    QDateTime time = QDateTime::fromString(normalized, Qt::ISODateWithMs);
    if (!time.isValid() || normalized.size() < 16) // a date alone is not a moment
        return {};
    return time;
}

QList<Command> LogCommand::commands()
{
    return {Command(QStringLiteral("log"),
                    QStringLiteral("--incident ID [--kind K] [--at TIME] [--key] [--tag T]… TEXT…"),
                    tr("add a timeline entry (--stdin: one per input line); prints its id once saved"))
                .describe(tr("Adds an entry to an incident's timeline and prints its id once it is saved. With "
                             "--stdin, every non-empty line of standard input becomes its own entry, saved and "
                             "acknowledged (its id printed) one at a time."))
                .writes()
                .incident(Command::Incident::Required)
                .argument(QStringLiteral("TEXT"), tr("The entry's text; several words are joined with spaces."),
                          QStringLiteral("TEXT…"), true)
                .option({QStringLiteral("kind"), tr("%1 (default note).").arg(manualKindKeys()), tr("KIND"),
                         QStringLiteral("note")})
                .author()
                .option({QStringLiteral("at"),
                         tr("When it happened, for a backfill: ISO-8601 such as 2026-11-22T14:05:00Z or "
                            "2026-11-22T15:05+01:00; local time without an offset (default: now)."),
                         tr("TIME")})
                .option({QStringLiteral("key"), tr("Mark it as a key event.")})
                .option({QStringLiteral("tag"), tr("A tag (one word); repeat for several."), tr("TAG")})
                .option({QStringLiteral("stdin"), tr("Log each non-empty line of standard input as its own entry.")})
                .run(&LogCommand::run)};
}

int LogCommand::run(CommandCall &call)
{
    const CommandLine &line = call.line();
    NewEntry entry;
    entry.incidentId = call.incidentId();

    const auto kind = EntryVocabulary::kindFromKey(line.value(QStringLiteral("kind")));
    if (!kind || !EntryVocabulary::manualKinds().contains(*kind))
        return line.usageError(
            tr("--kind must be one of %1, not '%2'").arg(manualKindKeys(), line.value(QStringLiteral("kind"))));
    entry.kind = *kind;
    entry.author = call.author();
    if (line.isSet(QStringLiteral("at"))) {
        entry.occurredAt = parseTime(line.value(QStringLiteral("at")));
        if (!entry.occurredAt.isValid())
            return line.usageError(tr("--at '%1' is not an ISO-8601 time such as 2026-11-22T14:05:00Z")
                                       .arg(line.value(QStringLiteral("at"))));
    }
    entry.keyEvent = line.isSet(QStringLiteral("key"));
    for (const QString &tag : line.values(QStringLiteral("tag"))) {
        const QString trimmed = tag.trimmed();
        if (trimmed.isEmpty() || trimmed.contains(QRegularExpression(QStringLiteral("\\s"))))
            return line.usageError(tr("--tag '%1' must be one word").arg(tag));
        entry.tags << trimmed;
    }

    const bool fromStdin = line.isSet(QStringLiteral("stdin"));
    const QStringList words = line.positionalArguments();
    if (fromStdin && !words.isEmpty())
        return line.usageError(tr("give the text either as arguments or with --stdin, not both"));
    if (!fromStdin && words.isEmpty())
        return line.usageError(tr("the entry's text is missing"));

    IncidentStore *store = call.store(CliContext::Access::WriteOrKeep);
    if (!store)
        return call.exitCode();
    if (!fromStdin)
        entry.text = words.join(QLatin1Char(' '));
    if (store->session().isServer())
        return logThroughOutbox(call, *store, entry, fromStdin);
    const Writer append = [store](const NewEntry &e) -> Result<QString> {
        auto id = store->timeline().append(e);
        if (!id)
            return id.error();
        return QString::number(*id);
    };
    return logTo(call, append, entry, fromStdin);
}

int LogCommand::logTo(CommandCall &call, const Writer &write, NewEntry entry, bool fromStdin)
{
    if (fromStdin)
        return logLinesFromStdin(call.context(), write, entry);
    auto line = write(entry);
    if (!line)
        return call.fail(line.error());
    call.out() << *line << QLatin1Char('\n');
    return call.finish();
}

int LogCommand::logThroughOutbox(CommandCall &call, cp::IncidentStore &store, const NewEntry &entry, bool fromStdin)
{
    CliContext &context = call.context();
    auto address = ServerAddress::parse(context.server());
    if (!address)
        return call.fail(address.error());
    Outbox outbox;
    if (StoreError error = outbox.open(Outbox::pathFor(*address)); !error.ok())
        return call.fail(error);
    OutboxSender sender(store.session(), store.timeline(), outbox);
    // What an earlier run kept (it lost the server, or was killed) goes first.
    if (auto kept = sender.send(); kept && kept->sent > 0)
        context.note(tr("entries kept from an earlier run, now sent to the server: %1").arg(kept->sent));
    bool told = false;
    const Writer keep = [&](const NewEntry &e) -> Result<QString> {
        // Without an event loop the session's own timer never runs: the try that is due, here.
        store.session().reconnectIfDue();
        auto logged = sender.log(e);
        if (!logged)
            return logged.error();
        if (!logged->pending)
            return QString::number(logged->entryId);
        if (!told) {
            told = true;
            context.note(tr("the server cannot be reached; entries wait in %1 and are sent by the next 'log' "
                            "that reaches it.")
                             .arg(outbox.path()));
        }
        return QStringLiteral("pending ") + logged->clientId;
    };
    const int code = logTo(call, keep, entry, fromStdin);
    // One last try for what waits, whatever the back-off says: the process is about to end.
    if (store.session().link().isDown())
        store.session().reconnectNow();
    if (auto left = outbox.waiting(); left && *left > 0)
        context.note(tr("entries waiting in %1 for the server: %2").arg(outbox.path()).arg(*left));
    return code;
}

int LogCommand::logLinesFromStdin(CliContext &context, const Writer &write, NewEntry entry)
{
    // std::getline reads up to the line break and no further, so a line is logged as soon as it
    // arrives, whatever the writer on the other end of the pipe does next.
    std::string raw;
    while (std::getline(context.in(), raw)) {
        QString text = QString::fromStdString(raw);
        if (text.endsWith(QLatin1Char('\r')))
            text.chop(1);
        if (text.trimmed().isEmpty())
            continue;
        entry.text = text;
        auto line = write(entry);
        if (!line)
            return context.fail(line.error());
        context.out() << *line << QLatin1Char('\n');
        context.out().flush();
    }
    if (context.in().bad())
        return context.fail(StoreError(StoreError::Code::Io, tr("Reading standard input failed.")));
    return context.finish();
}

} // namespace cp::cli
