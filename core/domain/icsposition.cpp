#include "icsposition.h"

#include <QHash>

namespace cp {

QString IcsPosition::forRole(const QString &roleKey)
{
    // The built-in templates' roles (resources/roles). Several technical roles may stand in for
    // one position, as several people may share a position on a real incident.
    static const QHash<QString, const char *> positions{
        {QStringLiteral("ic"), QT_TR_NOOP("Incident Commander")},
        {QStringLiteral("incident-manager"), QT_TR_NOOP("Incident Commander")},
        {QStringLiteral("business-lead"), QT_TR_NOOP("Incident Commander")},
        {QStringLiteral("deputy"), QT_TR_NOOP("Deputy Incident Commander")},
        {QStringLiteral("scribe"), QT_TR_NOOP("Documentation Unit Leader")},
        {QStringLiteral("customer-liaison"), QT_TR_NOOP("Liaison Officer")},
        {QStringLiteral("internal-liaison"), QT_TR_NOOP("Liaison Officer")},
        {QStringLiteral("business-customer-liaison"), QT_TR_NOOP("Liaison Officer")},
        {QStringLiteral("customer-support-lead"), QT_TR_NOOP("Liaison Officer")},
        {QStringLiteral("communications-manager"), QT_TR_NOOP("Public Information Officer")},
        {QStringLiteral("media-officer"), QT_TR_NOOP("Public Information Officer")},
        {QStringLiteral("messaging-officer"), QT_TR_NOOP("Assistant Public Information Officer")},
        {QStringLiteral("social-officer"), QT_TR_NOOP("Assistant Public Information Officer")},
        {QStringLiteral("marketing-officer"), QT_TR_NOOP("Assistant Public Information Officer")},
        {QStringLiteral("tech-lead"), QT_TR_NOOP("Operations Section Chief")},
        {QStringLiteral("first-responder"), QT_TR_NOOP("Single Resource (Operations)")},
        {QStringLiteral("sme"), QT_TR_NOOP("Technical Specialist")},
        {QStringLiteral("legal-officer"), QT_TR_NOOP("Technical Specialist")},
        {QStringLiteral("technical-slt"), QT_TR_NOOP("Agency Representative")},
        {QStringLiteral("departmental-responder"), QT_TR_NOOP("Agency Representative")},
        {QStringLiteral("elt-approver"), QT_TR_NOOP("Agency Administrator")},
    };
    const auto it = positions.constFind(roleKey);
    return it == positions.cend() ? QString() : tr(it.value());
}

QString IcsPosition::describe(const QString &roleKey, const QString &roleTitle)
{
    const QString position = forRole(roleKey);
    if (position.isEmpty() || position.compare(roleTitle, Qt::CaseInsensitive) == 0)
        return roleTitle;
    return tr("%1 (stands in for %2)").arg(roleTitle, position);
}

} // namespace cp
