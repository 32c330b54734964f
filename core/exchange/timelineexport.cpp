#include "timelineexport.h"

#include "db/incidentstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cp {

namespace {

constexpr int ExportPageRows = 2000;

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject entryJson(const TimelineEntry &e)
{
    return QJsonObject{
        {QStringLiteral("id"), e.id},
        {QStringLiteral("kind"), EntryVocabulary::kindKey(e.kind)},
        {QStringLiteral("author"), e.author},
        {QStringLiteral("occurred_at"), isoUtc(e.occurredAt)},
        {QStringLiteral("captured_at"), isoUtc(e.capturedAt)},
        {QStringLiteral("text"), e.text},
        {QStringLiteral("tags"), QJsonArray::fromStringList(e.tags)},
        {QStringLiteral("key_event"), e.keyEvent},
        {QStringLiteral("retracted"), e.retracted},
        {QStringLiteral("revision"), e.revision},
    };
}

QJsonObject incidentJson(const Incident &i)
{
    return QJsonObject{
        {QStringLiteral("id"), i.id},
        {QStringLiteral("title"), i.title},
        {QStringLiteral("summary"), i.summary},
        {QStringLiteral("severity"), IncidentVocabulary::severityKey(i.severity)},
        {QStringLiteral("status"), IncidentVocabulary::statusKey(i.status)},
        {QStringLiteral("kind"), IncidentVocabulary::kindKey(i.kind)},
        {QStringLiteral("declared_at"), isoUtc(i.declaredAt)},
        {QStringLiteral("resolved_at"), i.resolvedAt.isValid() ? QJsonValue(isoUtc(i.resolvedAt)) : QJsonValue()},
    };
}

} // namespace

std::optional<TimelineExport::Format> TimelineExport::formatFromKey(const QString &key)
{
    if (key == QLatin1String("text"))
        return Format::Text;
    if (key == QLatin1String("csv"))
        return Format::Csv;
    if (key == QLatin1String("json"))
        return Format::Json;
    return std::nullopt;
}

StoreError TimelineExport::write(const IncidentStore &store, qint64 incidentId, Format format, QIODevice &out,
                                 CsvWriter::Flavour csv)
{
    auto incident = store.incidents().incident(incidentId);
    if (!incident)
        return incident.error();

    auto put = [&out](const QString &text) { return out.write(text.toUtf8()) >= 0; };
    bool written = true;
    if (format == Format::Csv)
        written =
            out.write(CsvWriter::preamble(csv)) >= 0 &&
            put(CsvWriter::record({QStringLiteral("id"), QStringLiteral("occurred_at"), QStringLiteral("captured_at"),
                                   QStringLiteral("kind"), QStringLiteral("author"), QStringLiteral("key_event"),
                                   QStringLiteral("retracted"), QStringLiteral("revision"), QStringLiteral("tags"),
                                   QStringLiteral("text")}));
    else if (format == Format::Json) {
        QByteArray head = QJsonDocument(QJsonObject{{QStringLiteral("incident"), incidentJson(*incident)}})
                              .toJson(QJsonDocument::Compact);
        head.chop(1); // keep the object open for the entries array
        written = put(QStringLiteral("{\"format\":\"commandpost-timeline\",\"version\":1,")) &&
                  out.write(head.mid(1)) >= 0 && put(QStringLiteral(",\"entries\":["));
    }

    TimelinePage page;
    page.incidentId = incidentId;
    page.oldestFirst = true;
    page.limit = ExportPageRows;
    bool first = true;
    while (written) {
        auto rows = store.timeline().entries(page);
        if (!rows)
            return rows.error();
        for (const TimelineEntry &e : *rows) {
            switch (format) {
            case Format::Text:
                written = put(QStringLiteral("%1\t%2\t%3\t%4%5\n")
                                  .arg(isoUtc(e.occurredAt), EntryVocabulary::kindKey(e.kind), e.author,
                                       e.retracted ? tr("[retracted] ") : QString(),
                                       QString(e.text).replace(QLatin1Char('\n'), QLatin1Char(' '))));
                break;
            case Format::Csv:
                written =
                    put(CsvWriter::record({QString::number(e.id), isoUtc(e.occurredAt), isoUtc(e.capturedAt),
                                           EntryVocabulary::kindKey(e.kind), e.author,
                                           QString::number(e.keyEvent ? 1 : 0), QString::number(e.retracted ? 1 : 0),
                                           QString::number(e.revision), e.tags.join(QLatin1Char(' ')), e.text}));
                break;
            case Format::Json:
                written = (first || put(QStringLiteral(","))) &&
                          out.write(QJsonDocument(entryJson(e)).toJson(QJsonDocument::Compact)) >= 0;
                break;
            }
            first = false;
            if (!written)
                break;
        }
        if (rows->size() < page.limit)
            break;
        page.hasCursor = true;
        page.cursorOccurredMs = rows->constLast().occurredAt.toMSecsSinceEpoch();
        page.cursorId = rows->constLast().id;
    }
    if (written && format == Format::Json)
        written = put(QStringLiteral("]}\n"));
    if (!written)
        return {StoreError::Code::Io, tr("Writing the timeline failed: %1").arg(out.errorString())};
    return {};
}

} // namespace cp
