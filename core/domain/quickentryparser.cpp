#include "quickentryparser.h"

#include <QRegularExpression>

namespace cp {

namespace {

std::optional<EntryKind> kindForPrefix(const QString &word)
{
    static const QHash<QString, EntryKind> prefixes{
        {QStringLiteral("a"), EntryKind::Action},       {QStringLiteral("action"), EntryKind::Action},
        {QStringLiteral("s"), EntryKind::Status},       {QStringLiteral("status"), EntryKind::Status},
        {QStringLiteral("d"), EntryKind::Decision},     {QStringLiteral("decision"), EntryKind::Decision},
        {QStringLiteral("c"), EntryKind::Callout},      {QStringLiteral("callout"), EntryKind::Callout},
        {QStringLiteral("n"), EntryKind::Note},         {QStringLiteral("note"), EntryKind::Note},
        {QStringLiteral("m"), EntryKind::Communication}, {QStringLiteral("comm"), EntryKind::Communication},
        {QStringLiteral("communication"), EntryKind::Communication},
    };
    const auto it = prefixes.constFind(word.toLower());
    if (it == prefixes.constEnd())
        return std::nullopt;
    return *it;
}

// "@14:32", "@14:32:05", "@-5m", "@2026-11-22T14:32[:05]" → UTC instant, or an error.
QDateTime parseWhen(const QString &spec, const QDateTime &nowUtc, const QTimeZone &zone, QString *error)
{
    static const QRegularExpression relative(QStringLiteral("^-(\\d{1,5})([smh])$"));
    static const QRegularExpression clockTime(QStringLiteral("^(\\d{1,2}):(\\d{2})(?::(\\d{2}))?$"));

    if (const auto m = relative.match(spec); m.hasMatch()) {
        const qint64 amount = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        const qint64 seconds = unit == QLatin1Char('s') ? amount : unit == QLatin1Char('m') ? amount * 60 : amount * 3600;
        return nowUtc.addSecs(-seconds);
    }
    const QDateTime nowLocal = nowUtc.toTimeZone(zone);
    if (const auto m = clockTime.match(spec); m.hasMatch()) {
        const QTime time(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).isEmpty() ? 0 : m.captured(3).toInt());
        if (!time.isValid()) {
            *error = QuickEntryParser::tr("“%1” is not a time of day.").arg(spec);
            return {};
        }
        QDateTime when(nowLocal.date(), time, zone);
        if (when > nowLocal) // a backfill is in the past: 23:50 typed at 00:10 means yesterday
            when = QDateTime(nowLocal.date().addDays(-1), time, zone);
        return when.toUTC();
    }
    for (const QString &format : {QStringLiteral("yyyy-MM-ddTHH:mm:ss"), QStringLiteral("yyyy-MM-ddTHH:mm"),
                                  QStringLiteral("yyyy-MM-dd HH:mm")}) {
        QDateTime when = QDateTime::fromString(spec, format);
        if (when.isValid()) {
            when = QDateTime(when.date(), when.time(), zone);
            if (when > nowLocal) {
                *error = QuickEntryParser::tr("%1 is in the future; a backfill names a moment that has passed.").arg(spec);
                return {};
            }
            return when.toUTC();
        }
    }
    *error = QuickEntryParser::tr("“@%1” is not a time. Use @14:32, @-5m or @2026-11-22T14:32.").arg(spec);
    return {};
}

// Letters and a colon begin every line the kind prefix's expression matches.
bool startsWithLettersAndColon(const QString &text)
{
    const auto isLetter = [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
    };
    qsizetype letters = 0;
    while (letters < text.size() && isLetter(text.at(letters)))
        ++letters;
    return letters > 0 && letters < text.size() && text.at(letters) == QLatin1Char(':');
}

} // namespace

QuickEntry QuickEntryParser::parse(const QString &line, EntryKind defaultKind, const QDateTime &nowUtc,
                                   const QTimeZone &zone)
{
    return parseIn(line, defaultKind, nowUtc, &zone);
}

QuickEntry QuickEntryParser::parse(const QString &line, EntryKind defaultKind, const QDateTime &nowUtc)
{
    return parseIn(line, defaultKind, nowUtc, nullptr);
}

// Each expression runs only on a line it can match: most lines name no kind, no time and no tag.
QuickEntry QuickEntryParser::parseIn(const QString &line, EntryKind defaultKind, const QDateTime &nowUtc,
                                     const QTimeZone *zone)
{
    static const QRegularExpression kindPrefix(QStringLiteral("^([A-Za-z]+):(?:\\s+|$)"));
    static const QRegularExpression whenToken(QStringLiteral("^@(\\S+)(?:\\s+|$)"));
    static const QRegularExpression tagToken(QStringLiteral("(?:^|\\s)#([\\w][\\w\\-./]*)"),
                                             QRegularExpression::UseUnicodePropertiesOption);

    QuickEntry entry;
    entry.kind = defaultKind;
    QString rest = line.trimmed();

    // The leading markers may come in any order; each at most once.
    bool progressed = true;
    while (progressed && !rest.isEmpty()) {
        progressed = false;
        if (!entry.keyEvent && rest.startsWith(QLatin1Char('!'))) {
            entry.keyEvent = true;
            rest = rest.mid(1).trimmed();
            progressed = true;
            continue;
        }
        if (!entry.kindGiven && startsWithLettersAndColon(rest)) {
            if (const auto m = kindPrefix.match(rest); m.hasMatch()) {
                const QString word = m.captured(1);
                if (word.compare(QStringLiteral("todo"), Qt::CaseInsensitive) == 0) {
                    // Follow-ups keep their TODO so the postmortem owner can search for them.
                    entry.kind = EntryKind::Callout;
                    entry.kindGiven = true;
                    entry.tags << QStringLiteral("followup");
                    progressed = true;
                    break;
                }
                if (const auto kind = kindForPrefix(word)) {
                    entry.kind = *kind;
                    entry.kindGiven = true;
                    rest = rest.mid(m.capturedLength()).trimmed();
                    progressed = true;
                    continue;
                }
            }
        }
        if (entry.occurredAt.isNull() && rest.startsWith(QLatin1Char('@'))) {
            if (const auto m = whenToken.match(rest); m.hasMatch()) {
                QString error;
                const QDateTime when =
                    parseWhen(m.captured(1), nowUtc, zone ? *zone : QTimeZone::systemTimeZone(), &error);
                if (!error.isEmpty()) {
                    entry.error = error;
                    return entry;
                }
                entry.occurredAt = when;
                rest = rest.mid(m.capturedLength()).trimmed();
                progressed = true;
            }
        }
    }

    entry.text = rest;
    if (entry.text.isEmpty()) {
        entry.error = tr("Nothing to log: type the text of the entry.");
        return entry;
    }
    if (!entry.text.contains(QLatin1Char('#')))
        return entry;
    auto it = tagToken.globalMatch(entry.text);
    while (it.hasNext()) {
        const QString tag = it.next().captured(1).toLower();
        if (!entry.tags.contains(tag))
            entry.tags << tag;
    }
    return entry;
}

} // namespace cp
