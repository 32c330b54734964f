#pragma once

#include "roletemplate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace cp {

// SEV-1 is the most urgent. Stored as the number so ordering is natural.
enum class Severity
{
    Sev1 = 1,
    Sev2,
    Sev3,
    Sev4,
    Sev5
};
enum class IncidentStatus
{
    Investigating,
    Identified,
    Monitoring,
    Resolved
};
enum class IncidentKind
{
    Technical,
    Business,
    Security,
    PublicRelations
};

struct Incident
{
    qint64 id = 0;
    QString title;
    QString summary;
    Severity severity = Severity::Sev3;
    IncidentStatus status = IncidentStatus::Investigating;
    IncidentKind kind = IncidentKind::Technical;
    QDateTime declaredAt; // UTC
    QDateTime resolvedAt; // UTC, null while open
    QString templateKey;  // the role template it was declared with; empty: none

    bool isResolved() const { return status == IncidentStatus::Resolved; }
    // The incident number printed on forms: "CP-20261122-140003", from the declaration time in
    // UTC to the second. Unlike the row id it is the same in every database the incident is
    // exported to or imported into.
    QString number() const;
};

struct NewIncident
{
    QString title;
    QString summary;
    Severity severity = Severity::Sev3;
    IncidentKind kind = IncidentKind::Technical;
    QDateTime declaredAt;              // null: now
    std::optional<RoleTemplate> roles; // the response structure the incident starts with
};

// Stable keys are what goes into the database, the CLI and files; labels are for people.
class IncidentVocabulary
{
    Q_DECLARE_TR_FUNCTIONS(cp::IncidentVocabulary)
public:
    static QString severityKey(Severity s);                             // "SEV-1"
    static std::optional<Severity> severityFromKey(const QString &key); // accepts "SEV-1", "sev1", "1"
    static QString severityLabel(Severity s);
    static QList<Severity> allSeverities();

    static QString statusKey(IncidentStatus s); // "investigating"
    static std::optional<IncidentStatus> statusFromKey(const QString &key);
    static QString statusLabel(IncidentStatus s);
    static QList<IncidentStatus> allStatuses();

    static QString kindKey(IncidentKind k); // "technical"
    static std::optional<IncidentKind> kindFromKey(const QString &key);
    static QString kindLabel(IncidentKind k);
    static QList<IncidentKind> allKinds();
};

} // namespace cp
