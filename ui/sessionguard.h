#pragma once

#include "db/draftstore.h"
#include "db/sessionmarker.h"

#include <QCoreApplication>
#include <QObject>
#include <QTimer>

namespace cp {

class Clock;
class IncidentStore;
class MainWindow;
class Preferences;
class TerminationSignals;

// Crash recovery for the GUI (docs/decisions/0004-session-recovery-and-drafts.md). While the
// window runs it keeps, beside the database: the unsent quick-entry text (DraftStore, saved a
// moment after typing stops and at once when the line is emptied), and a session marker with a
// heartbeat that also saves the window layout. At the next start, if the previous session did
// not end cleanly, it reopens that session's incident, puts the draft back into the line and
// logs a "Session recovered" system entry naming the gap (never on a resolved incident, whose
// record is closed). A logout, SIGTERM or SIGINT is a clean end, not a crash.
class SessionGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionGuard)

public:
    static constexpr int HeartbeatMs = 10000;
    static constexpr int DraftDelayMs = 400;

    SessionGuard(IncidentStore &store, MainWindow &window, Preferences &preferences, const Clock &clock,
                 QObject *parent = nullptr);
    ~SessionGuard() override;

    // After the window restored its layout and opened its incident.
    void start();
    // A clean end: the draft is written out, the session marked closed. Runs once.
    void end();
    // A logout (the session manager's commitDataRequest), SIGTERM, SIGINT or SIGHUP closes the
    // window as the user would and ends the session cleanly: only a real crash is "recovered".
    void closeOnShutdownRequests();
    // What a shutdown request does: close the window, end the session, leave the event loop.
    void shutDown();

    bool recovered() const { return m_recoveredEntryId > 0; }
    qint64 recoveredEntryId() const { return m_recoveredEntryId; }
    // The heartbeat (also run by its timer): alive time, current incident, window layout.
    void heartbeat();
    void saveDraftNow();

private:
    void logRecovery(const SessionMarker::State &previous);

    IncidentStore &m_store;
    MainWindow &m_window;
    Preferences &m_preferences;
    const Clock &m_clock;
    DraftStore m_drafts;
    SessionMarker m_marker;
    QTimer m_heartbeat;
    QTimer m_draftTimer;
    TerminationSignals *m_signals = nullptr;
    qint64 m_recoveredEntryId = 0;
    bool m_started = false;
};

} // namespace cp
