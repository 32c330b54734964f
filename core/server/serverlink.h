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
// failed tries the link counts as offline (the tries go on at the longest interval). A session
// that opens without waiting for its server starts connecting(): down, never connected yet, its
// first try due at once.
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
    // False from connecting() until the first connection: nothing has been read from the server yet.
    bool hasConnected() const { return m_hasConnected; }
    // A try is under way (made off the caller's thread; see ServerProbe).
    bool attemptInFlight() const { return m_attemptInFlight; }
    // How long until the next try (0: due now); 0 while connected.
    qint64 msUntilNextAttempt() const;
    bool attemptDue() const { return isDown() && msUntilNextAttempt() == 0; }

    // The connection died under a statement ('problem' says how). Nothing changes when the link
    // is already down: it stays down since the first loss.
    void lost(const QString &problem);
    // A session opened without waiting for its server: down since now, never connected, the
    // first try due at once.
    void connecting();
    // A try has begun (it ends in attemptFailed() or restored()).
    void attemptStarted();
    // A try to connect again failed: the next waits twice as long, up to MaxRetryMs.
    void attemptFailed(const QString &problem);
    // Connected (again).
    void restored();

    // In words for the status bar: "Connected", "Reconnecting since 14:32", "Offline since 14:32";
    // before the first connection "Connecting…", then "Connecting since 14:32".
    QString stateText() const;
    // The longer story for a tooltip: what failed and when the next try is.
    QString detailText() const;

signals:
    void stateChanged(cp::ServerLink::State state);
    // Anything stateText() or detailText() says may have changed (a try begun or failed too).
    void changed();

private:
    void setState(State state);

    const Clock &m_clock;
    State m_state = State::Connected;
    QDateTime m_downSinceUtc;
    qint64 m_downSinceMs = 0;
    qint64 m_nextAttemptMs = 0;
    qint64 m_retryMs = FirstRetryMs;
    int m_failedAttempts = 0;
    bool m_hasConnected = true;
    bool m_attemptInFlight = false;
    QString m_problem;
};

} // namespace cp
