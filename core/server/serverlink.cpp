#include "serverlink.h"

namespace cp {

ServerLink::ServerLink(const Clock &clock, QObject *parent) : QObject(parent), m_clock(clock) {}

qint64 ServerLink::msUntilNextAttempt() const
{
    if (!isDown())
        return 0;
    return qMax<qint64>(0, m_nextAttemptMs - m_clock.monotonicMs());
}

void ServerLink::lost(const QString &problem)
{
    if (isDown())
        return;
    m_problem = problem;
    m_downSinceUtc = m_clock.nowUtc();
    m_downSinceMs = m_clock.monotonicMs();
    m_retryMs = FirstRetryMs;
    m_nextAttemptMs = m_downSinceMs + m_retryMs;
    m_failedAttempts = 0;
    setState(State::Reconnecting);
}

void ServerLink::connecting()
{
    m_hasConnected = false;
    m_attemptInFlight = false;
    m_problem.clear();
    m_downSinceUtc = m_clock.nowUtc();
    m_downSinceMs = m_clock.monotonicMs();
    m_nextAttemptMs = m_downSinceMs;
    // The first failure doubles it: the second try comes FirstRetryMs after the first.
    m_retryMs = FirstRetryMs / 2;
    m_failedAttempts = 0;
    setState(State::Reconnecting);
}

void ServerLink::attemptStarted()
{
    m_attemptInFlight = true;
    emit changed();
}

void ServerLink::attemptFailed(const QString &problem)
{
    if (!isDown())
        lost(problem);
    m_attemptInFlight = false;
    m_problem = problem;
    ++m_failedAttempts;
    const qint64 now = m_clock.monotonicMs();
    m_retryMs = qMin(m_retryMs * 2, MaxRetryMs);
    m_nextAttemptMs = now + m_retryMs;
    setState(now - m_downSinceMs >= OfflineAfterMs ? State::Offline : State::Reconnecting);
}

void ServerLink::restored()
{
    m_hasConnected = true;
    m_attemptInFlight = false;
    m_problem.clear();
    m_downSinceUtc = {};
    m_failedAttempts = 0;
    m_retryMs = FirstRetryMs;
    setState(State::Connected);
}

void ServerLink::setState(State state)
{
    if (state != m_state) {
        m_state = state;
        emit stateChanged(state);
    }
    emit changed();
}

QString ServerLink::stateText() const
{
    const QString since = m_downSinceUtc.toLocalTime().toString(QStringLiteral("HH:mm"));
    switch (m_state) {
    case State::Connected:
        return tr("Connected");
    case State::Reconnecting:
        if (!m_hasConnected)
            return m_failedAttempts == 0 ? tr("Connecting…") : tr("Connecting since %1").arg(since);
        return tr("Reconnecting since %1").arg(since);
    case State::Offline:
        return tr("Offline since %1").arg(since);
    }
    return {};
}

QString ServerLink::detailText() const
{
    if (!isDown())
        return tr("The server answers; what you write is saved on it.");
    if (m_attemptInFlight)
        return m_problem.isEmpty() ? tr("Trying to reach the server now.")
                                   : tr("The server could not be reached (%1). Trying again now.").arg(m_problem);
    const qint64 seconds = (msUntilNextAttempt() + 999) / 1000;
    // "s" is the unit, the same for 1 and 30: no plural forms to keep.
    return tr("The server cannot be reached (%1). Next try in %2 s.").arg(m_problem, QString::number(seconds));
}

} // namespace cp
