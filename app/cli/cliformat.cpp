#include "cliformat.h"

#include <QJsonValue>

namespace cp::cli {

QString CliFormat::isoUtc(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString CliFormat::field(const QString &text)
{
    QString folded = text;
    for (QChar &c : folded) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return folded;
}

QJsonObject CliFormat::incidentJson(const Incident &incident)
{
    return QJsonObject{
        {QStringLiteral("id"), incident.id},
        {QStringLiteral("title"), incident.title},
        {QStringLiteral("summary"), incident.summary},
        {QStringLiteral("severity"), IncidentVocabulary::severityKey(incident.severity)},
        {QStringLiteral("status"), IncidentVocabulary::statusKey(incident.status)},
        {QStringLiteral("kind"), IncidentVocabulary::kindKey(incident.kind)},
        {QStringLiteral("declared_at"), isoUtc(incident.declaredAt)},
        {QStringLiteral("resolved_at"),
         incident.resolvedAt.isValid() ? QJsonValue(isoUtc(incident.resolvedAt)) : QJsonValue()},
    };
}

QString CliFormat::incidentRow(const Incident &incident)
{
    return QStringList{QString::number(incident.id),
                       IncidentVocabulary::severityKey(incident.severity),
                       IncidentVocabulary::statusKey(incident.status),
                       IncidentVocabulary::kindKey(incident.kind),
                       isoUtc(incident.declaredAt),
                       field(incident.title)}
        .join(QLatin1Char('\t'));
}

} // namespace cp::cli
