#include "timerservice.h"

#include "db/incidentstore.h"
#include "timerengine.h"

namespace cp {

TimerService::TimerService(IncidentStore &store, const Clock &clock, QObject *parent)
    : QObject(parent), m_engine(new TimerEngine(store, clock, this))
{
    // A new or moved deadline may fall before the next beat.
    connect(&store.timers(), &TimerRepository::timerChanged, this, [this] { m_alarm.start(0); });
    m_ticker.setInterval(TickIntervalMs);
    m_ticker.setTimerType(Qt::CoarseTimer);
    m_ticker.callOnTimeout(this, &TimerService::tick);
    m_ticker.start();
    // The beat repaints the countdowns; alerts must not wait for it.
    m_alarm.setSingleShot(true);
    m_alarm.setTimerType(Qt::PreciseTimer);
    m_alarm.callOnTimeout(this, &TimerService::tick);
}

TimerService::~TimerService() = default;

void TimerService::tick()
{
    m_engine->tick();
    emit ticked();
    const qint64 next = m_engine->msUntilNextEvent();
    if (next >= 0 && next < TickIntervalMs)
        m_alarm.start(int(next));
}

} // namespace cp
