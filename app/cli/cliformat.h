#pragma once

#include "domain/incident.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cp::cli {

// How the CLI prints values. Times are ISO-8601 UTC with milliseconds, as in the timeline export;
// text fields printed as one tab-separated record are folded onto one line.
class CliFormat
{
public:
    static QString isoUtc(const QDateTime &time); // empty for a null time
    static QString field(const QString &text);    // tabs and line breaks become spaces

    // The same object the timeline's JSON export puts under "incident".
    static QJsonObject incidentJson(const Incident &incident);
    // id, severity, status, kind, declared, title — tab separated, no line break.
    static QString incidentRow(const Incident &incident);
};

} // namespace cp::cli
