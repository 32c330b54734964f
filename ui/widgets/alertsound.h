#pragma once

#include <QUrl>
#include <QtPlugin>

#include <memory>

namespace cp {

// One alert sound, ready to be played again and again.
class AlertSound
{
public:
    virtual ~AlertSound() = default;
    // Starts it; false when it cannot sound (no audio device, a file that cannot be decoded).
    virtual bool play() = 0;
    // Whether reading the sound has ended (ready, or refused). Qt Multimedia reads it on a thread
    // of its own; a sound dropped before that ends leaves the read running into the program's exit.
    virtual bool loaded() const = 0;
};

// Makes alert sounds. Implemented by the alert sound plugin, which holds Qt Multimedia and what
// it pulls in (PulseAudio, the codecs, Qt Network): the window loads them when a timer first
// sounds, not at start.
class AlertSoundFactory
{
public:
    virtual ~AlertSoundFactory() = default;
    virtual std::unique_ptr<AlertSound> create(const QUrl &source, float volume) = 0;

    // The plugin's factory, loaded on the first call; nullptr when the plugin cannot be found or
    // loaded (said once on the log).
    static AlertSoundFactory *plugin();
};

} // namespace cp

#define CP_ALERT_SOUND_FACTORY_IID "app.commandpost.AlertSoundFactory/1"
Q_DECLARE_INTERFACE(cp::AlertSoundFactory, CP_ALERT_SOUND_FACTORY_IID)
