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

void ServerLink::attemptFailed(const QString &problem)
{
    if (!isDown())
        lost(problem);
    m_problem = problem;
    ++m_failedAttempts;
    const qint64 now = m_clock.monotonicMs();
    m_retryMs = qMin(m_retryMs * 2, MaxRetryMs);
    m_nextAttemptMs = now + m_retryMs;
    setState(now - m_downSinceMs >= OfflineAfterMs ? State::Offline : State::Reconnecting);
}

void ServerLink::restored()
{
    m_problem.clear();
    m_downSinceUtc = {};
    m_failedAttempts = 0;
    m_retryMs = FirstRetryMs;
    setState(State::Connected);
}

void ServerLink::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

QString ServerLink::stateText() const
{
    const QString since = m_downSinceUtc.toLocalTime().toString(QStringLiteral("HH:mm"));
    switch (m_state) {
    case State::Connected:
        return tr("Connected");
    case State::Reconnecting:
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
    const qint64 seconds = (msUntilNextAttempt() + 999) / 1000;
    // "s" is the unit, the same for 1 and 30: no plural forms to keep.
    return tr("The server cannot be reached (%1). Next try in %2 s.").arg(m_problem, QString::number(seconds));
}

} // namespace cp
