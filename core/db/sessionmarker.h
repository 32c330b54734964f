#pragma once

#include "storeerror.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace cp {

// Whether the last GUI session on a database ended cleanly, and when it was last known alive.
// A small file beside the database ("incidents.sqlite.session", mode 0600): begin() marks the
// session running, heartbeat() moves its alive time forward, end() marks it closed. A session
// found still "running" at the next start (and not held by a live process: the caller holds
// the database lock) was killed, crashed or lost its power: the gap is aliveAt … now.
class SessionMarker final
{
    Q_DISABLE_COPY_MOVE(SessionMarker)
public:
    struct State
    {
        qint64 pid = 0;
        QDateTime startedAtUtc;
        QDateTime aliveAtUtc;
        qint64 incidentId = 0;
        bool clean = true;
    };

    explicit SessionMarker(const QString &databasePath);

    static QString pathFor(const QString &databasePath);
    QString path() const { return m_path; }

    // What the file says; nothing when there is no (readable) file.
    std::optional<State> read() const;
    StoreError begin(const QDateTime &nowUtc, qint64 incidentId);
    StoreError heartbeat(const QDateTime &nowUtc, qint64 incidentId);
    StoreError end(const QDateTime &nowUtc);

private:
    StoreError write();

    QString m_path;
    State m_state;
};

} // namespace cp
