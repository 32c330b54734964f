#include "alertsound.h"

#include "cp_pluginpaths.h" // generated: where the plugin is built and where it is installed

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPluginLoader>

namespace cp {

namespace {

Q_LOGGING_CATEGORY(lcAlertSound, "commandpost.alertsound")

// Installed beside the program (bin/../lib/…/commandpost), else the build tree's (a program run
// from the build, the tests).
QStringList pluginFolders()
{
    return {QCoreApplication::applicationDirPath() + QStringLiteral("/" CP_PLUGIN_DIR_FROM_BIN),
            QStringLiteral(CP_PLUGIN_BUILD_DIR)};
}

AlertSoundFactory *loadPlugin()
{
    QStringList problems;
    for (const QString &folder : pluginFolders()) {
        QPluginLoader loader(folder + QStringLiteral("/cp_alertsound"));
        if (auto *factory = qobject_cast<AlertSoundFactory *>(loader.instance()))
            return factory; // the loader's instance stays until the program ends
        problems << loader.errorString();
    }
    qCWarning(lcAlertSound) << "no alert sound plugin, the bell sounds instead:" << problems;
    return nullptr;
}

} // namespace

AlertSoundFactory *AlertSoundFactory::plugin()
{
    static AlertSoundFactory *const factory = loadPlugin();
    return factory;
}

} // namespace cp
