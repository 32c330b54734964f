#pragma once

#include "domain/clock.h"

namespace cp {

// The time inside a training replay: a moment of a past incident that moves at 1×, 10× or 60×
// the pace of the clock that drives it (the system clock, or a fake clock in tests). It can be
// paused and set to any moment. Its monotonic time is the replayed time itself, so code that
// compares the two (the timer engine's clock-jump check) sees one consistent clock.
class ReplayClock final : public Clock
{
public:
    explicit ReplayClock(const Clock &driver);

    QDateTime nowUtc() const override;
    qint64 monotonicMs() const override;

    void setNow(const QDateTime &replayedUtc);
    void setSpeed(int factor); // 1 … 600; the replayed moment stays where it is
    int speed() const { return m_speed; }
    void play();
    void pause();
    bool isPlaying() const { return m_playing; }

private:
    qint64 replayedMs() const;
    void rebase();

    const Clock &m_driver;
    int m_speed = 1;
    bool m_playing = false;
    qint64 m_baseReplayedMs = 0;
    qint64 m_baseDriverMs = 0;
};

} // namespace cp
