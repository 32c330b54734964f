#include "alertsound.h"

#include "ownplugin.h"

namespace cp {

namespace {

Q_LOGGING_CATEGORY(lcAlertSound, "commandpost.alertsound")

} // namespace

AlertSoundFactory *AlertSoundFactory::plugin()
{
    static AlertSoundFactory *const factory = ownPlugin<AlertSoundFactory>(
        QStringLiteral("cp_alertsound"), "no alert sound plugin, the bell sounds instead:", lcAlertSound());
    return factory;
}

} // namespace cp
