#pragma once

#include <QObject>
#include <QTimer>

namespace cp {

class Clock;
class IncidentStore;
class TimerEngine;

// The timers' heartbeat for a whole program: it owns the TimerEngine (which records expiries for
// every incident on the timeline) and runs it once a second, plus once more exactly
// when the next deadline or amber boundary falls between two beats. The window owns it, so timers
// expire whether or not any dock shows them; ticked() is when to read the clock again.
class TimerService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimerService)

public:
    static constexpr int TickIntervalMs = 1000;

    TimerService(IncidentStore &store, const Clock &clock, QObject *parent = nullptr);
    ~TimerService() override;

    TimerEngine &engine() const { return *m_engine; }
    // One beat (tests call it after moving the fake clock).
    void tick();

signals:
    void ticked();

private:
    TimerEngine *m_engine;
    QTimer m_ticker;
    QTimer m_alarm; // precise, to the next deadline or amber boundary within a beat
};

} // namespace cp
