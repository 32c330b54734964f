#include "workspace.h"

#include <QCoreApplication>

namespace cp::WorkspaceVocabulary {

const QList<Workspace> &all()
{
    static const QList<Workspace> workspaces{Workspace::Scribe, Workspace::Deputy, Workspace::Commander,
                                             Workspace::Liaison};
    return workspaces;
}

QString key(Workspace workspace)
{
    switch (workspace) {
    case Workspace::Scribe:
        return QStringLiteral("scribe");
    case Workspace::Deputy:
        return QStringLiteral("deputy");
    case Workspace::Commander:
        return QStringLiteral("ic");
    case Workspace::Liaison:
        return QStringLiteral("liaison");
    }
    return {};
}

std::optional<Workspace> fromKey(const QString &text)
{
    for (Workspace workspace : all()) {
        if (key(workspace) == text)
            return workspace;
    }
    return std::nullopt;
}

QString label(Workspace workspace)
{
    switch (workspace) {
    case Workspace::Scribe:
        return QCoreApplication::translate("cp::Workspace", "&Scribe");
    case Workspace::Deputy:
        return QCoreApplication::translate("cp::Workspace", "&Deputy");
    case Workspace::Commander:
        return QCoreApplication::translate("cp::Workspace", "&Incident commander");
    case Workspace::Liaison:
        return QCoreApplication::translate("cp::Workspace", "&Liaison and business");
    }
    return {};
}

QKeySequence shortcut(Workspace workspace)
{
    // Alt+digit: free of the menus' letter mnemonics and of the docks' own keys.
    return QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + static_cast<int>(workspace)));
}

std::optional<Workspace> forRoles(const QStringList &roleKeys)
{
    static const QStringList commanders{QStringLiteral("ic"), QStringLiteral("incident-manager"),
                                        QStringLiteral("tech-lead")};
    static const QStringList deputies{QStringLiteral("deputy")};
    static const QStringList liaisons{
        QStringLiteral("business-lead"),          QStringLiteral("business-customer-liaison"),
        QStringLiteral("customer-liaison"),       QStringLiteral("internal-liaison"),
        QStringLiteral("communications-manager"), QStringLiteral("customer-support-lead"),
        QStringLiteral("marketing-officer"),      QStringLiteral("media-officer"),
        QStringLiteral("social-officer"),         QStringLiteral("messaging-officer"),
        QStringLiteral("legal-officer"),          QStringLiteral("elt-approver"),
        QStringLiteral("technical-slt")};
    const auto holds = [&roleKeys](const QStringList &keys) {
        for (const QString &role : roleKeys) {
            if (keys.contains(role))
                return true;
        }
        return false;
    };
    if (holds(commanders))
        return Workspace::Commander;
    if (holds(deputies))
        return Workspace::Deputy;
    if (holds(liaisons))
        return Workspace::Liaison;
    if (roleKeys.contains(QStringLiteral("scribe")))
        return Workspace::Scribe;
    return std::nullopt;
}

} // namespace cp::WorkspaceVocabulary
