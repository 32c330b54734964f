#pragma once

#include "domain/clock.h"

#include <QDateTime>
#include <QObject>

namespace cp {

// The state of a team client's link to its server, as the window shows it: connected,
// reconnecting since a time, or offline since a time. A failed statement that left the
// connection dead reports lost(); the session then tries again when attemptDue() says so, with
// a back-off that doubles from FirstRetryMs up to MaxRetryMs (measured on the injected clock's
// monotonic time, so a test moves it by hand), and reports each try. Past OfflineAfterMs of
// failed tries the link counts as offline (the tries go on at the longest interval).
class ServerLink final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerLink)

public:
    enum class State
    {
        Connected,
        Reconnecting,
        Offline
    };
    Q_ENUM(State)

    static constexpr qint64 FirstRetryMs = 1000;
    static constexpr qint64 MaxRetryMs = 30 * 1000;
    static constexpr qint64 OfflineAfterMs = 60 * 1000;

    explicit ServerLink(const Clock &clock, QObject *parent = nullptr);

    State state() const { return m_state; }
    bool isDown() const { return m_state != State::Connected; }
    // When the link was lost (this machine's wall clock, UTC); null while connected.
    QDateTime downSinceUtc() const { return m_downSinceUtc; }
    // Why the last statement or try failed, as the driver said it.
    QString problem() const { return m_problem; }
    int failedAttempts() const { return m_failedAttempts; }
    // How long until the next try (0: due now); 0 while connected.
    qint64 msUntilNextAttempt() const;
    bool attemptDue() const { return isDown() && msUntilNextAttempt() == 0; }

    // The connection died under a statement ('problem' says how). Nothing changes when the link
    // is already down: it stays down since the first loss.
    void lost(const QString &problem);
    // A try to connect again failed: the next waits twice as long, up to MaxRetryMs.
    void attemptFailed(const QString &problem);
    // Connected (again).
    void restored();

    // In words for the status bar: "Connected", "Reconnecting since 14:32", "Offline since 14:32".
    QString stateText() const;
    // The longer story for a tooltip: what failed and when the next try is.
    QString detailText() const;

signals:
    void stateChanged(cp::ServerLink::State state);

private:
    void setState(State state);

    const Clock &m_clock;
    State m_state = State::Connected;
    QDateTime m_downSinceUtc;
    qint64 m_downSinceMs = 0;
    qint64 m_nextAttemptMs = 0;
    qint64 m_retryMs = FirstRetryMs;
    int m_failedAttempts = 0;
    QString m_problem;
};

} // namespace cp
