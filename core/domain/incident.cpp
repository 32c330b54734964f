#include "incident.h"

namespace cp {

QString Incident::number() const
{
    return QStringLiteral("CP-") + declaredAt.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

namespace {

template <typename Enum, typename KeyFn>
std::optional<Enum> lookup(const QList<Enum> &all, KeyFn keyOf, const QString &key)
{
    const QString wanted = key.trimmed();
    for (Enum e : all) {
        if (keyOf(e).compare(wanted, Qt::CaseInsensitive) == 0)
            return e;
    }
    return std::nullopt;
}

} // namespace

QString IncidentVocabulary::severityKey(Severity s)
{
    return QStringLiteral("SEV-%1").arg(static_cast<int>(s));
}

std::optional<Severity> IncidentVocabulary::severityFromKey(const QString &key)
{
    QString digits = key.trimmed().toUpper();
    digits.remove(QStringLiteral("SEV"));
    digits.remove(QLatin1Char('-'));
    bool ok = false;
    const int n = digits.toInt(&ok);
    if (!ok || n < 1 || n > 5)
        return std::nullopt;
    return static_cast<Severity>(n);
}

QString IncidentVocabulary::severityLabel(Severity s)
{
    switch (s) {
    case Severity::Sev1:
        return tr("SEV-1 · critical");
    case Severity::Sev2:
        return tr("SEV-2 · major");
    case Severity::Sev3:
        return tr("SEV-3 · minor");
    case Severity::Sev4:
        return tr("SEV-4 · low");
    case Severity::Sev5:
        return tr("SEV-5 · cosmetic");
    }
    return severityKey(s);
}

QList<Severity> IncidentVocabulary::allSeverities()
{
    return {Severity::Sev1, Severity::Sev2, Severity::Sev3, Severity::Sev4, Severity::Sev5};
}

QString IncidentVocabulary::statusKey(IncidentStatus s)
{
    switch (s) {
    case IncidentStatus::Investigating:
        return QStringLiteral("investigating");
    case IncidentStatus::Identified:
        return QStringLiteral("identified");
    case IncidentStatus::Monitoring:
        return QStringLiteral("monitoring");
    case IncidentStatus::Resolved:
        return QStringLiteral("resolved");
    }
    return {};
}

std::optional<IncidentStatus> IncidentVocabulary::statusFromKey(const QString &key)
{
    return lookup(allStatuses(), &IncidentVocabulary::statusKey, key);
}

QString IncidentVocabulary::statusLabel(IncidentStatus s)
{
    switch (s) {
    case IncidentStatus::Investigating:
        return tr("Investigating");
    case IncidentStatus::Identified:
        return tr("Identified");
    case IncidentStatus::Monitoring:
        return tr("Monitoring");
    case IncidentStatus::Resolved:
        return tr("Resolved");
    }
    return {};
}

QList<IncidentStatus> IncidentVocabulary::allStatuses()
{
    return {IncidentStatus::Investigating, IncidentStatus::Identified, IncidentStatus::Monitoring,
            IncidentStatus::Resolved};
}

QString IncidentVocabulary::kindKey(IncidentKind k)
{
    switch (k) {
    case IncidentKind::Technical:
        return QStringLiteral("technical");
    case IncidentKind::Business:
        return QStringLiteral("business");
    case IncidentKind::Security:
        return QStringLiteral("security");
    case IncidentKind::PublicRelations:
        return QStringLiteral("pr");
    }
    return {};
}

std::optional<IncidentKind> IncidentVocabulary::kindFromKey(const QString &key)
{
    return lookup(allKinds(), &IncidentVocabulary::kindKey, key);
}

QString IncidentVocabulary::kindLabel(IncidentKind k)
{
    switch (k) {
    case IncidentKind::Technical:
        return tr("Technical");
    case IncidentKind::Business:
        return tr("Business");
    case IncidentKind::Security:
        return tr("Security");
    case IncidentKind::PublicRelations:
        return tr("PR");
    }
    return {};
}

QList<IncidentKind> IncidentVocabulary::allKinds()
{
    return {IncidentKind::Technical, IncidentKind::Business, IncidentKind::Security, IncidentKind::PublicRelations};
}

} // namespace cp
