#include "appidentity.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace cp {

namespace {

void installTranslations()
{
    // English first: it supplies the plural forms of the source strings. A translation for the
    // user's language, when one exists, is installed after it and so is searched first.
    static QTranslator english;
    if (english.load(QStringLiteral(":/i18n/commandpost_en.qm")))
        QCoreApplication::installTranslator(&english);
    static QTranslator local;
    if (local.load(QLocale::system(), QStringLiteral("commandpost"), QStringLiteral("_"), QStringLiteral(":/i18n")) &&
        local.language() != english.language())
        QCoreApplication::installTranslator(&local);
}

} // namespace

void applyAppIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CommandPost"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("commandpost.app"));
    QCoreApplication::setApplicationName(QStringLiteral("commandpost"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CP_VERSION));
    installTranslations();
}

} // namespace cp
