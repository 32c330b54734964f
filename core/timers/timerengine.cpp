#include "timerengine.h"

#include "db/incidentstore.h"
#include "domain/clock.h"

#include <QSet>

namespace cp {

TimerEngine::TimerEngine(IncidentStore &store, const Clock &clock, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock)
{
    connect(&m_store.timers(), &TimerRepository::timerChanged, this, [this] { m_dirty = true; });
}

void TimerEngine::reload()
{
    auto live = m_store.timers().live();
    if (!live)
        return; // a busy moment; the next tick tries again
    m_timers = *live;
    m_dirty = false;
    QSet<qint64> ids;
    for (const Timer &t : std::as_const(m_timers))
        ids.insert(t.id);
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        if (!ids.contains(it.key()))
            it = m_seen.erase(it);
        else
            ++it;
    }
}

TimerPhase TimerEngine::phase(qint64 timerId) const
{
    const auto it = m_seen.constFind(timerId);
    return it == m_seen.constEnd() ? TimerPhase::Cancelled : it->phase;
}

std::optional<Timer> TimerEngine::timer(qint64 timerId) const
{
    for (const Timer &t : m_timers) {
        if (t.id == timerId)
            return t;
    }
    return std::nullopt;
}

qint64 TimerEngine::msUntilNextEvent() const
{
    const qint64 now = m_clock.nowUtc().toMSecsSinceEpoch();
    qint64 next = -1;
    auto consider = [&](qint64 at) {
        if (at > now && (next < 0 || at - now < next))
            next = at - now;
    };
    for (const Timer &t : std::as_const(m_timers)) {
        if (t.state != TimerState::Running || !t.hasDeadline() || !t.deadlineAt.isValid())
            continue;
        const qint64 deadline = t.deadlineAt.toMSecsSinceEpoch();
        const Seen seen = m_seen.value(t.id);
        const bool sameDeadline = seen.deadlineMs == deadline;
        if (!(sameDeadline && seen.dueAnnounced) && t.warnMs > 0)
            consider(deadline - t.warnMs);
        if (!(sameDeadline && seen.expiryAnnounced))
            consider(deadline);
    }
    return next;
}

void TimerEngine::tick()
{
    const QDateTime now = m_clock.nowUtc();
    const qint64 wall = now.toMSecsSinceEpoch();
    const qint64 monotonic = m_clock.monotonicMs();
    if (m_hasLastTick) {
        const qint64 drift = (wall - m_lastWallMs) - (monotonic - m_lastMonotonicMs);
        if (qAbs(drift) > JumpToleranceMs)
            emit clockJumped(drift);
    }
    m_hasLastTick = true;
    m_lastWallMs = wall;
    m_lastMonotonicMs = monotonic;

    if (m_dirty || !m_store.session().isOpen())
        reload();

    // Signals go out after the walk: a slot may change the store and so the list.
    QList<qint64> due;
    QList<qint64> expired;
    bool recorded = false;
    for (const Timer &t : std::as_const(m_timers)) {
        const TimerPhase phase = t.phaseAt(now);
        const qint64 deadline = t.deadlineAt.isValid() ? t.deadlineAt.toMSecsSinceEpoch() : 0;
        Seen &seen = m_seen[t.id];
        if (seen.deadlineMs != deadline) {
            seen = Seen();
            seen.deadlineMs = deadline;
        }
        seen.phase = phase;
        if (t.state != TimerState::Running || !t.hasDeadline() || deadline == 0)
            continue;
        if (phase != TimerPhase::Expired) {
            seen.sawBeforeExpiry = true;
            if (phase == TimerPhase::DueSoon && !seen.dueAnnounced) {
                seen.dueAnnounced = true;
                due << t.id;
            }
            continue;
        }
        bool loggedHere = false;
        if (!seen.expiryRecorded) {
            const bool alreadyLogged =
                t.expiredDeadlineAt.isValid() && t.expiredDeadlineAt.toMSecsSinceEpoch() == deadline;
            if (alreadyLogged || m_store.session().isReadOnly()) {
                seen.expiryRecorded = true;
            } else if (auto marked = m_store.timers().markExpired(t.id)) {
                seen.expiryRecorded = true;
                loggedHere = *marked;
                recorded = recorded || loggedHere;
            } // else: busy; recorded on a later tick, announced now
            if (!alreadyLogged && m_store.session().isReadOnly())
                loggedHere = true; // a follower announces what the writer has not logged yet
        }
        if (!seen.expiryAnnounced && (loggedHere || seen.sawBeforeExpiry || !seen.expiryRecorded)) {
            seen.expiryAnnounced = true;
            expired << t.id;
        }
        seen.expiryAnnounced = true; // found already logged: it was announced by whoever logged it
    }
    if (recorded)
        m_dirty = true;
    for (qint64 id : std::as_const(due))
        emit timerDue(id);
    for (qint64 id : std::as_const(expired))
        emit timerExpired(id);
}

} // namespace cp
