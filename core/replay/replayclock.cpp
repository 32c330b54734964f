#include "replayclock.h"

namespace cp {

ReplayClock::ReplayClock(const Clock &driver) : m_driver(driver)
{
    m_baseReplayedMs = driver.nowUtc().toMSecsSinceEpoch();
    m_baseDriverMs = driver.monotonicMs();
}

qint64 ReplayClock::replayedMs() const
{
    if (!m_playing)
        return m_baseReplayedMs;
    return m_baseReplayedMs + (m_driver.monotonicMs() - m_baseDriverMs) * m_speed;
}

QDateTime ReplayClock::nowUtc() const
{
    return QDateTime::fromMSecsSinceEpoch(replayedMs(), Qt::UTC);
}

qint64 ReplayClock::monotonicMs() const
{
    return replayedMs();
}

void ReplayClock::rebase()
{
    m_baseReplayedMs = replayedMs();
    m_baseDriverMs = m_driver.monotonicMs();
}

void ReplayClock::setNow(const QDateTime &replayedUtc)
{
    m_baseReplayedMs = replayedUtc.toMSecsSinceEpoch();
    m_baseDriverMs = m_driver.monotonicMs();
}

void ReplayClock::setSpeed(int factor)
{
    rebase();
    m_speed = qBound(1, factor, 600);
}

void ReplayClock::play()
{
    if (m_playing)
        return;
    rebase();
    m_playing = true;
}

void ReplayClock::pause()
{
    if (!m_playing)
        return;
    rebase();
    m_playing = false;
}

} // namespace cp
