#include "cliformat.h"

#include <QJsonDocument>
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

QJsonValue CliFormat::timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(isoUtc(time)) : QJsonValue();
}

QJsonValue CliFormat::textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
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

QJsonObject CliFormat::personJson(const Person &person)
{
    return QJsonObject{
        {QStringLiteral("id"), person.id},
        {QStringLiteral("name"), person.name},
        {QStringLiteral("handle"), person.handle},
        {QStringLiteral("team"), person.team},
        {QStringLiteral("department"), person.departmentKey},
        {QStringLiteral("contact"), person.contact},
        {QStringLiteral("trained_roles"), QJsonArray::fromStringList(person.trainedRoles)},
        {QStringLiteral("trainee"), person.trainee},
    };
}

QString CliFormat::personRow(const Person &person)
{
    return QStringList{field(person.handle),
                       field(person.name),
                       field(person.team),
                       field(person.departmentKey),
                       field(person.contact),
                       field(person.trainedRoles.join(QLatin1Char(','))),
                       person.trainee ? QStringLiteral("yes") : QStringLiteral("no")}
        .join(QLatin1Char('\t'));
}

QJsonObject CliFormat::departmentJson(const Department &department)
{
    return QJsonObject{
        {QStringLiteral("id"), department.id},
        {QStringLiteral("key"), department.key},
        {QStringLiteral("name"), department.name},
        {QStringLiteral("primary_contact"), department.primaryContact},
        {QStringLiteral("oncall_rotation"), department.onCallRotation},
        {QStringLiteral("escalation_path"), department.escalationPath},
    };
}

QString CliFormat::departmentRow(const Department &department)
{
    return QStringList{field(department.key), field(department.name), field(department.primaryContact),
                       field(department.onCallRotation), field(department.escalationPath)}
        .join(QLatin1Char('\t'));
}

QString CliFormat::compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + QLatin1Char('\n');
}

QString CliFormat::compactJson(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) + QLatin1Char('\n');
}

} // namespace cp::cli
