#include "ownplugin.h"

#include "cp_pluginpaths.h" // generated: where the plugins are built and where they are installed

#include <QCoreApplication>
#include <QPluginLoader>
#include <QStringList>

namespace cp {

QObject *loadOwnPlugin(const QString &name, QStringList *problems)
{
    // Installed beside the program (bin/../lib/…/commandpost), else the build tree's (a program
    // run from the build, the tests).
    const QStringList folders{QCoreApplication::applicationDirPath() + QStringLiteral("/" CP_PLUGIN_DIR_FROM_BIN),
                              QStringLiteral(CP_PLUGIN_BUILD_DIR)};
    for (const QString &folder : folders) {
        QPluginLoader loader(folder + QLatin1Char('/') + name);
        if (QObject *instance = loader.instance())
            return instance;
        if (problems)
            *problems << loader.errorString();
    }
    return nullptr;
}

} // namespace cp
