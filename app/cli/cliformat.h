#pragma once

#include "domain/incident.h"
#include "domain/roster.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace cp::cli {

// How the CLI prints values. Times are ISO-8601 UTC with milliseconds, as in the timeline export;
// text fields printed as one tab-separated record are folded onto one line.
class CliFormat
{
public:
    static QString isoUtc(const QDateTime &time);        // empty for a null time
    static QString field(const QString &text);           // tabs and line breaks become spaces
    static QJsonValue timeOrNull(const QDateTime &time); // isoUtc(), null for a null time
    static QJsonValue textOrNull(const QString &text);   // null for an empty text

    // The same object the timeline's JSON export puts under "incident".
    static QJsonObject incidentJson(const Incident &incident);
    // id, severity, status, kind, declared, title — tab separated, no line break.
    static QString incidentRow(const Incident &incident);

    // The roster and the directory: one object per person / department, and one
    // tab-separated record (people: handle, name, team, department, contact, trained roles
    // joined with commas, trainee yes|no; departments: key, name, primary contact, on-call
    // rotation, escalation path).
    static QJsonObject personJson(const Person &person);
    static QString personRow(const Person &person);
    static QJsonObject departmentJson(const Department &department);
    static QString departmentRow(const Department &department);

    // A JSON document on one line, followed by a line break.
    static QString compactJson(const QJsonObject &object);
    static QString compactJson(const QJsonArray &array);
};

} // namespace cp::cli
