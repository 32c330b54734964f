#include "multimediaalertsound.h"

#include <QSoundEffect>

namespace cp {

namespace {

class MultimediaAlertSound final : public AlertSound
{
public:
    MultimediaAlertSound(const QUrl &source, float volume)
    {
        m_effect.setSource(source);
        m_effect.setVolume(volume);
    }

    bool play() override
    {
        if (m_effect.status() == QSoundEffect::Error)
            return false;
        m_effect.play();
        return true;
    }

    bool loaded() const override
    {
        return m_effect.status() == QSoundEffect::Ready || m_effect.status() == QSoundEffect::Error;
    }

private:
    QSoundEffect m_effect;
};

} // namespace

std::unique_ptr<AlertSound> MultimediaAlertSoundFactory::create(const QUrl &source, float volume)
{
    return std::make_unique<MultimediaAlertSound>(source, volume);
}

} // namespace cp
