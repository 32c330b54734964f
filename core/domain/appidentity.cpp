#include "appidentity.h"

#include <QCoreApplication>

namespace cp {

void applyAppIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CommandPost"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("commandpost.app"));
    QCoreApplication::setApplicationName(QStringLiteral("commandpost"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CP_VERSION));
}

} // namespace cp
