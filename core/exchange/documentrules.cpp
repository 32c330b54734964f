#include "documentrules.h"

#include "domain/domainrules.h"

#include <QHash>

namespace cp {

using namespace IncidentFormat;

namespace {

// One section's rows with its fields looked up by name.
class Rows
{
public:
    Rows(const IncidentDocument &document, const QString &name)
        : m_section(IncidentFormat::section(name)), m_rows(document.section(name)), m_name(name)
    {
    }

    qsizetype size() const { return m_rows ? m_rows->rows.size() : 0; }
    QVariant value(qsizetype row, const QString &field) const
    {
        for (qsizetype i = 0; m_section && i < m_section->fields.size(); ++i) {
            if (m_section->fields.at(i).name == field)
                return m_rows->rows.at(row).value(i);
        }
        return {};
    }
    QDateTime time(qsizetype row, const QString &field) const
    {
        const QVariant v = value(row, field);
        return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
    }
    QString place(qsizetype row, const QString &field = QString()) const
    {
        QString p = m_section && m_section->scope == Scope::Incident ? QStringLiteral("/%1").arg(m_name)
                                                                     : QStringLiteral("/%1/%2").arg(m_name).arg(row);
        return field.isEmpty() ? p : p + QLatin1Char('/') + field;
    }
    const Section *section() const { return m_section; }

private:
    const Section *m_section;
    const DocumentSection *m_rows;
    QString m_name;
};

StoreError refuse(const QString &place, const QString &problem)
{
    return {StoreError::Code::Invalid, DocumentRules::tr("%1: %2").arg(place, problem)};
}

} // namespace

StoreError DocumentRules::check(const IncidentDocument &document, const QDateTime &nowUtc)
{
    // Every text of every row: not too long, whole Unicode.
    for (const Section &s : sections()) {
        const Rows rows(document, s.name);
        for (qsizetype r = 0; r < rows.size(); ++r) {
            for (const Field &f : s.fields) {
                if (f.type != FieldType::Text)
                    continue;
                if (const QString p = DomainRules::textProblem(rows.value(r, f.name).toString()); !p.isEmpty())
                    return refuse(rows.place(r, f.name), p);
            }
        }
    }
    const Rows incident(document, QStringLiteral("incident"));
    for (qsizetype r = 0; r < incident.size(); ++r) {
        for (const QString &field : {QStringLiteral("declared_at"), QStringLiteral("resolved_at")}) {
            if (const QString p = DomainRules::futureProblem(incident.time(r, field), nowUtc); !p.isEmpty())
                return refuse(incident.place(r, field), p);
        }
        if (const QString p = DomainRules::orderProblem(incident.time(r, QStringLiteral("declared_at")),
                                                        incident.time(r, QStringLiteral("resolved_at")), tr("resolved"),
                                                        tr("declared"));
            !p.isEmpty())
            return refuse(incident.place(r, QStringLiteral("resolved_at")), p);
    }
    const Rows timeline(document, QStringLiteral("timeline"));
    for (qsizetype r = 0; r < timeline.size(); ++r) {
        for (const QString &field : {QStringLiteral("occurred_at"), QStringLiteral("captured_at")}) {
            if (const QString p = DomainRules::futureProblem(timeline.time(r, field), nowUtc); !p.isEmpty())
                return refuse(timeline.place(r, field), p);
        }
    }
    const Rows people(document, QStringLiteral("people"));
    for (qsizetype r = 0; r < people.size(); ++r) {
        if (const QString p = DomainRules::handleProblem(people.value(r, QStringLiteral("handle")).toString());
            !p.isEmpty())
            return refuse(people.place(r, QStringLiteral("handle")), p);
    }
    const Rows timers(document, QStringLiteral("timers"));
    for (qsizetype r = 0; r < timers.size(); ++r) {
        for (const QString &field : {QStringLiteral("duration_ms"), QStringLiteral("warn_ms")}) {
            const QVariant v = timers.value(r, field);
            if (v.isNull())
                continue;
            if (const QString p = DomainRules::durationProblem(v.toLongLong()); !p.isEmpty())
                return refuse(timers.place(r, field), p);
        }
    }
    const Rows assignments(document, QStringLiteral("assignments"));
    QHash<QPair<qint64, qint64>, qsizetype> held; // (role, person) → the row of its latest stretch
    for (qsizetype r = 0; r < assignments.size(); ++r) {
        const QDateTime start = assignments.time(r, QStringLiteral("started_at"));
        const QDateTime end = assignments.time(r, QStringLiteral("ended_at"));
        if (const QString p = DomainRules::futureProblem(start, nowUtc); !p.isEmpty())
            return refuse(assignments.place(r, QStringLiteral("started_at")), p);
        if (const QString p = DomainRules::orderProblem(start, end, tr("ended"), tr("started")); !p.isEmpty())
            return refuse(assignments.place(r, QStringLiteral("ended_at")), p);
        const QPair<qint64, qint64> key(assignments.value(r, QStringLiteral("role_id")).toLongLong(),
                                        assignments.value(r, QStringLiteral("person_id")).toLongLong());
        if (held.contains(key)) {
            // The same person in the same role twice at once: the app refuses "already holds".
            const qsizetype other = held.value(key);
            const QDateTime otherEnd = assignments.time(other, QStringLiteral("ended_at"));
            const QDateTime otherStart = assignments.time(other, QStringLiteral("started_at"));
            if ((!otherEnd.isValid() || otherEnd > start) && (!end.isValid() || end > otherStart))
                return refuse(
                    assignments.place(r),
                    tr("the same person holds the same role twice at once (also at %1)").arg(assignments.place(other)));
        }
        held.insert(key, r);
    }
    const Rows rollCalls(document, QStringLiteral("roll_calls"));
    QHash<QPair<qint64, qint64>, qsizetype> numbers;
    for (qsizetype r = 0; r < rollCalls.size(); ++r) {
        const QPair<qint64, qint64> key(rollCalls.value(r, QStringLiteral("incident_id")).toLongLong(),
                                        rollCalls.value(r, QStringLiteral("number")).toLongLong());
        if (numbers.contains(key))
            return refuse(
                rollCalls.place(r, QStringLiteral("number")),
                tr("roll call %1 appears twice (also at %2)").arg(key.second).arg(rollCalls.place(numbers.value(key))));
        numbers.insert(key, r);
        if (const QString p =
                DomainRules::orderProblem(rollCalls.time(r, QStringLiteral("started_at")),
                                          rollCalls.time(r, QStringLiteral("ended_at")), tr("ended"), tr("started"));
            !p.isEmpty())
            return refuse(rollCalls.place(r, QStringLiteral("ended_at")), p);
    }
    return {};
}

} // namespace cp
