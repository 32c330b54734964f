#include "logcommand.h"

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
    CliContext &context = call.context();
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

    IncidentStore *store = call.store();
    if (!store)
        return call.exitCode();
    if (fromStdin)
        return logLinesFromStdin(context, *store, entry);

    entry.text = words.join(QLatin1Char(' '));
    return call.printId(store->timeline().append(entry));
}

int LogCommand::logLinesFromStdin(CliContext &context, cp::IncidentStore &store, NewEntry entry)
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
        auto id = store.timeline().append(entry);
        if (!id)
            return context.fail(id.error());
        context.out() << *id << QLatin1Char('\n');
        context.out().flush();
    }
    if (context.in().bad())
        return context.fail(StoreError(StoreError::Code::Io, tr("Reading standard input failed.")));
    return context.finish();
}

} // namespace cp::cli
