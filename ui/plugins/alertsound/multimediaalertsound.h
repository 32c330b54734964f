#pragma once

#include "widgets/alertsound.h"

#include <QObject>

namespace cp {

// The alert sound plugin: QSoundEffect plays the window's alert sounds.
class MultimediaAlertSoundFactory final : public QObject, public AlertSoundFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID CP_ALERT_SOUND_FACTORY_IID)
    Q_INTERFACES(cp::AlertSoundFactory)

public:
    std::unique_ptr<AlertSound> create(const QUrl &source, float volume) override;
};

} // namespace cp
